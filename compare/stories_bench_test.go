package compare

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
)

// denseDocs is a generated corpus of n articles all published within four
// days of each other: the archive shape in which keyword postings are
// longest inside the story window.
func denseDocs(n int) []*claims.Document {
	docs := corpusgen.Generate(1, n, corpusgen.Mixed).Documents()
	r := rand.New(rand.NewPCG(1, 1))
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, d := range docs {
		d.Published = t0.Add(time.Duration(r.IntN(4*24)) * time.Hour)
	}
	return docs
}

// BenchmarkStoriesDense groups 10k, 20k and 40k articles published within
// four days (analyse, then stories): the cost per article must stay flat.
func BenchmarkStoriesDense(b *testing.B) {
	set := benchSet(b)
	stop := map[string]bool{}
	for _, l := range set.Languages {
		for w := range l.Detect {
			stop[w] = true
		}
	}
	for _, n := range []int{10_000, 20_000, 40_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			docs := denseDocs(n)
			words := analyse(docs, set, stop)
			cpu := cpuTime()
			for b.Loop() {
				stories(docs, words)
			}
			if used := cpuTime() - cpu; used > 0 {
				b.ReportMetric(float64(used.Microseconds())/float64(b.N)/float64(n), "cpu-µs/article")
			}
		})
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
