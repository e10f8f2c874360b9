package compare

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// numberedDocs are the example articles and synthetic ones, each with the
// tokens extraction hands the Analyser (token.Token.Word written by the
// rules' vocabularies), extracted once for the tests below.
func numberedDocs(t *testing.T) (*rules.Set, []*claims.Document, [][]token.Token) {
	t.Helper()
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := synthetic(300)
	files, _ := filepath.Glob("../testdata/example/*.txt")
	if len(files) == 0 {
		t.Fatal("no example texts")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &claims.Document{ID: f, Text: string(b)})
	}
	eng := extract.New(set)
	toks := make([][]token.Token, len(docs))
	numbered := 0
	for i, d := range docs {
		eng.ExtractThen(d, func(ts []token.Token, _ []*claims.Claim) { toks[i] = slices.Clone(ts) })
		for _, tk := range toks[i] {
			if tk.Word != 0 {
				numbered++
			}
		}
	}
	if numbered == 0 {
		t.Fatal("extraction numbered no token: the test would not reach wordTable.byWord")
	}
	return set, docs, toks
}

// unnumbered is toks with every token's Word zero, as token.Scan gives
// them: index then finds every word by its hashed probe.
func unnumbered(toks []token.Token) []token.Token {
	out := slices.Clone(toks)
	for i := range out {
		out[i].Word = 0
	}
	return out
}

// TestNumberedWordsAsProbed holds index's look-up by token.Token.Word
// (wordTable.byWord) to the hashed probe: the words of every document read
// from extraction's numbered tokens equal those read from the same tokens
// unnumbered, by a fresh scratch, with one scratch reading them all in
// turn (its table kept across documents, or emptied every few words by a
// small limit), and with numbered and unnumbered documents mixed in one
// table.
func TestNumberedWordsAsProbed(t *testing.T) {
	set, docs, toks := numberedDocs(t)
	stops := newStopSet(set, stopWords(set))
	want := make([]docWords, len(docs))
	for i, d := range docs {
		want[i] = newScratch().analyseTokens(d, unnumbered(toks[i]), set, stops)
	}
	for _, limit := range []int{0, 7, 300} {
		for _, mix := range []bool{false, true} {
			s := newScratch()
			s.table.limit = limit
			for i, d := range docs {
				ts := toks[i]
				if mix && i%3 == 1 {
					ts = unnumbered(ts)
				}
				if got := s.analyseTokens(d, ts, set, stops); !reflect.DeepEqual(got, want[i]) {
					t.Fatalf("limit %d, mixed %v, document %d (%s): words differ from the probed ones\n got %+v\nwant %+v",
						limit, mix, i, d.ID, got, want[i])
				}
			}
		}
	}
}
