package pipeline

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
)

// BenchmarkRun measures the whole pipeline (parallel extraction, story and
// syndication grouping, comparison, report) on a generated corpus, in MB/s
// of article text. Run with -cpu 1,2 to see how extraction scales.
func BenchmarkRun(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	type size struct {
		lang string
		n    int
	}
	sizes := []size{{corpusgen.English, 1000}, {corpusgen.Indonesian, 1000}, {corpusgen.Mixed, 1000}, {corpusgen.Mixed, 10000}}
	for _, sz := range sizes {
		b.Run(fmt.Sprintf("%s/articles=%d", sz.lang, sz.n), func(b *testing.B) {
			c := corpusgen.Generate(1, sz.n, sz.lang)
			b.SetBytes(int64(c.Bytes()))
			b.ReportAllocs()
			claims := 0
			for b.Loop() {
				// Fresh documents: Run fills in languages and dates.
				res, err := Run(c.Documents(), Options{Rules: set, Workers: runtime.GOMAXPROCS(0)})
				if err != nil {
					b.Fatal(err)
				}
				claims = len(res.Claims)
			}
			b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}
