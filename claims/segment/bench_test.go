package segment

import (
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"strings"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// BenchmarkSentences measures sentence segmentation (punkt's model loaded
// once).
func BenchmarkSentences(b *testing.B) { benchSentences(b, Sentences) }

// BenchmarkSentencesReference measures the former implementation (punkt's
// own tokenizer, reference_test.go), for a before/after comparison taken
// under the same machine load.
func BenchmarkSentencesReference(b *testing.B) { benchSentences(b, refSentences) }

func benchSentences(b *testing.B, sentences func(string) []Span) {
	for _, lang := range []string{"en", "id"} {
		b.Run(lang, func(b *testing.B) {
			texts := benchcorpus.Load(b, lang)
			sentences(texts[0]) // load punkt outside the timing
			b.SetBytes(benchcorpus.TotalBytes(texts))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					sentences(t)
				}
			}
		})
	}
}

// TestFastWordsMatchLibrary checks that punkt with fastWords (the
// reference implementation in reference_test.go) splits every line of the
// generated corpora, and some hard cases, exactly where punkt with the
// library's own word tokenizer does.
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
	lib, fast := sentences.NewSentenceTokenizer(st), newRefPunkt(st)
	lines := []string{
		"Mr. Smith went to Washington D.C. on Jan. 5. He met Dr. J. R. Jones at 10 a.m. and left.",
		"The U.S. economy grew 2.5% in Q3... Analysts expected 2,5%. Really?! Yes.",
		"“It is over,” he said. 'Fine.' (See p. 4.) No. 1 seed lost 6-4, 6-3.",
		"Kim Jong-un memimpin rapat pada Senin (30/12/2024). Rapat itu berlangsung 5 hari. ÄÖÜ. İstanbul.",
		"A 1.200 km, 1,5 juta. 3.  4.5. x..y. 12th. e.g. i.e. etc. vs. St. Louis.",
		"Tabs\there.\x01Ctrl. Next\u00a0one.\u2028Sep. \x85NEL. End\x00. Last!",
	}
	for _, lang := range []string{"en", "id"} {
		for _, text := range benchcorpus.Load(t, lang) {
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
