package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
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

// BenchmarkSentences measures sentence segmentation (punkt, built once).
func BenchmarkSentences(b *testing.B) {
	for _, lang := range []string{"en", "id"} {
		b.Run(lang, func(b *testing.B) {
			texts := benchCorpus(b, lang)
			Sentences(texts[0]) // load punkt outside the timing
			b.SetBytes(totalBytes(texts))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					Sentences(t)
				}
			}
		})
	}
}

// TestFastWordsMatchLibrary checks that punkt with fastWords splits every
// line of the generated corpora, and some hard cases, exactly where punkt
// with the library's own word tokenizer does.
func TestFastWordsMatchLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the generated corpus")
	}
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	lib, fast := sentences.NewSentenceTokenizer(st), newPunkt(st)
	lines := []string{
		"Mr. Smith went to Washington D.C. on Jan. 5. He met Dr. J. R. Jones at 10 a.m. and left.",
		"The U.S. economy grew 2.5% in Q3... Analysts expected 2,5%. Really?! Yes.",
		"“It is over,” he said. 'Fine.' (See p. 4.) No. 1 seed lost 6-4, 6-3.",
		"Kim Jong-un memimpin rapat pada Senin (30/12/2024). Rapat itu berlangsung 5 hari. ÄÖÜ. İstanbul.",
		"A 1.200 km, 1,5 juta. 3.  4.5. x..y. 12th. e.g. i.e. etc. vs. St. Louis.",
		"Tabs\there.\x01Ctrl. Next\u00a0one.\u2028Sep. \x85NEL. End\x00. Last!",
	}
	for _, lang := range []string{"en", "id"} {
		for _, text := range benchCorpus(t, lang) {
			lines = append(lines, strings.Split(text, "\n")...)
		}
	}
	for _, line := range lines {
		a, c := lib.Tokenize(line), fast.Tokenize(line)
		if len(a) != len(c) {
			t.Fatalf("%q: %d sentences, library %d", line, len(c), len(a))
		}
		for i := range a {
			if *a[i] != *c[i] {
				t.Fatalf("%q: sentence %d is %v, library %v", line, i, c[i], a[i])
			}
		}
	}
}
