// Package benchcorpus gives the claims/ benchmarks one realistic corpus:
// 1,000 generated news articles per language, written once by
// compare/internal/corpusgen's command and cached in the temp directory.
package benchcorpus

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Load returns the texts of a generated 1,000-article corpus in lang
// ("en" or "id"). claims/ may not import compare/internal/corpusgen, so the
// corpus is written once by its command into the temp dir (or read from
// $CROSSCHECK_BENCH_<LANG>, a JSON Lines file) and shared by later runs.
func Load(b testing.TB, lang string) []string {
	corpusOnce.Do(func() { corpora = map[string][]string{} })
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if t, ok := corpora[lang]; ok {
		return t
	}
	path := os.Getenv("CROSSCHECK_BENCH_" + lang)
	if path == "" {
		path = filepath.Join(os.TempDir(), "crosscheck-bench-1-1000-"+lang+".jsonl")
		if _, err := os.Stat(path); err != nil {
			cmd := exec.Command("go", "run", "github.com/crosscheck/crosscheck/compare/internal/corpusgen/cmd/corpusgen",
				"-seed", "1", "-n", "1000", "-lang", lang, "-jsonl", path+".tmp")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("generating the corpus: %v\n%s", err, out)
			}
			if err := os.Rename(path+".tmp", path); err != nil {
				b.Fatal(err)
			}
		}
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	corpora[lang] = texts
	return texts
}

var (
	corpusOnce sync.Once
	corpusMu   sync.Mutex
	corpora    map[string][]string
)

// TotalBytes is the corpus size, for b.SetBytes.
func TotalBytes(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// CPUTime returns the CPU time (user and system) the process has used so
// far, for benchmarks that report MB/s of CPU rather than of wall time: on
// a shared machine the wall clock also counts the time other processes
// held the core, the CPU time does not. It includes the garbage
// collector's work on other threads.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU adds a "cpu-MB/s" metric: bytes per iteration times b.N over
// the CPU time used since start (see CPUTime).
func ReportCPU(b *testing.B, start time.Duration, bytes int64) {
	if used := CPUTime() - start; used > 0 && start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}
