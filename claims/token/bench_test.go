package token_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
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

// TestLowerForms checks the scanner's lower-case forms against
// strings.ToLower, which they replace for speed.
func TestLowerForms(t *testing.T) {
	text := "KIM Jong Un met Xi. JAKARTA, Kompas - Ämter İstanbul ÇAĞ Straße DPRK's G20 COVID19 Korut\nSenin (30/12/2024) U.S.-led"
	for _, tk := range token.Scan(text, nil) {
		if tk.Kind == token.Word && tk.Lower != strings.ToLower(tk.Text) {
			t.Errorf("%q: lower %q, want %q", tk.Text, tk.Lower, strings.ToLower(tk.Text))
		}
	}
}

// BenchmarkScan measures the byte scanner every extractor works on.
func BenchmarkScan(b *testing.B) {
	for _, lang := range []string{"en", "id"} {
		b.Run(lang, func(b *testing.B) {
			texts := benchCorpus(b, lang)
			b.SetBytes(totalBytes(texts))
			b.ReportAllocs()
			var buf []token.Token
			for b.Loop() {
				for _, t := range texts {
					buf = token.Scan(t, buf[:0])
				}
			}
		})
	}
}
