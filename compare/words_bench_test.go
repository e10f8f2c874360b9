package compare_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/rules"
)

// realCorpus is the directory of real articles BenchmarkWordsReal reads:
// $CROSSCHECK_WORDS_CORPUS, else ../shared/corpora beside the project
// (found from the working directory up), else "".
func realCorpus() string {
	if d := os.Getenv("CROSSCHECK_WORDS_CORPUS"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "..", "shared", "corpora")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// wordsInput is a real corpus as `crosscheck claims` has it when it
// groups: the documents read and extracted, their claims and each one's
// tokens (extraction's, which the Analyser is handed).
type wordsInput struct {
	set  *rules.Set
	docs []*claims.Document
	cs   []*claims.Claim
	toks [][]token.Token
}

func loadWordsInput(b *testing.B) *wordsInput {
	root := realCorpus()
	if root == "" {
		b.Skip("no corpus: set CROSSCHECK_WORDS_CORPUS or provide ../shared/corpora")
	}
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	docs, err := ingest.Read([]string{root}, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	in := &wordsInput{set: set, docs: docs, toks: make([][]token.Token, len(docs))}
	eng := pipeline.Engine(set)
	for i, d := range docs {
		in.cs = append(in.cs, eng.ExtractThen(d, func(toks []token.Token, _ []*claims.Claim) {
			in.toks[i] = slices.Clone(toks)
		})...)
	}
	return in
}

// BenchmarkWordsReal reads the grouping words of every document of a real
// corpus (Analyser.Words, from extraction's tokens) and groups them
// (GroupWords), as `crosscheck claims` does. Every part loads, extracts
// and reads the words once before its loop; "setup" does only that: it is
// the twin to subtract from the others' instruction counts (callgrind
// over the whole test binary, one iteration).
func BenchmarkWordsReal(b *testing.B) {
	for _, part := range []string{"words", "group", "setup"} {
		b.Run(part, func(b *testing.B) {
			in := loadWordsInput(b)
			an := compare.NewAnalyser(in.set)
			given := readWords(an, in) // in every part, so that "setup" is their twin
			size := 0
			for _, d := range in.docs {
				size += len(d.Text)
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				switch part {
				case "words":
					readWords(an, in)
				case "group":
					compare.GroupWords(in.docs, in.cs, in.set, given)
				}
			}
		})
	}
}

// readWords reads every read document's words, by id.
func readWords(an *compare.Analyser, in *wordsInput) map[string]*compare.Words {
	out := make(map[string]*compare.Words, len(in.docs))
	for i, d := range in.docs {
		if d.Status != claims.StatusSkipped {
			out[d.ID] = an.Words(d, in.toks[i])
		}
	}
	return out
}
