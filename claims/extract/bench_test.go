package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/rules"
)

// benchCorpus returns the texts of a generated 1,000-article corpus in lang
// ("en" or "id"). claims/ may not import compare/internal/corpusgen, so the
// corpus is written once by its command into the temp dir (or read from
// $CROSSCHECK_BENCH_<LANG>, a JSON Lines file) and shared by later runs.
func benchCorpus(b testing.TB, lang string) []string {
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

func totalBytes(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// stages are engines running a subset of the extractors: furniture alone
// measures the shared work (token scan, language, sentences, frames), and
// the others add one extractor each, so the difference between two lines is
// the cost of that extractor.
var stages = []struct {
	name string
	xs   func() []*extract.Extractor
}{
	{"all", nil},
	{"base", func() []*extract.Extractor { return []*extract.Extractor{extract.FurnitureExtractor} }},
	{"dates", func() []*extract.Extractor {
		return []*extract.Extractor{extract.FurnitureExtractor, extract.DateExtractor}
	}},
	{"numbers", func() []*extract.Extractor {
		return []*extract.Extractor{extract.FurnitureExtractor, extract.NumberExtractor}
	}},
}

// BenchmarkExtract measures per-document extraction on one core, in MB/s of
// article text and claims/s, for the whole extractor set and per stage.
func BenchmarkExtract(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "id"} {
		for _, st := range stages {
			b.Run(lang+"/"+st.name, func(b *testing.B) {
				texts := benchCorpus(b, lang)
				eng := extract.New(set)
				if st.xs != nil {
					eng.Extractors = st.xs()
				}
				docs := make([]claims.Document, len(texts))
				eng.Extract(&claims.Document{ID: "warm", Text: texts[0], Status: claims.StatusRead})
				b.SetBytes(totalBytes(texts))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					for i, t := range texts {
						// A fresh document each time: Extract fills in the
						// language and dateline date, which would otherwise
						// skip that work from the second iteration on.
						docs[i] = claims.Document{ID: "d", Text: t, Status: claims.StatusRead}
						n += len(eng.Extract(&docs[i]))
					}
				}
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "claims/s")
			})
		}
	}
}
