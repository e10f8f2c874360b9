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

// TestWordTableCollisions holds index's inlined search of the word table
// (from home, along the slots) to the words themselves: with hashes forced
// to a few values, so that the words share their first slots and fill runs
// of them, long words (add's) among them, every token's entry holds its
// word, and two tokens have one entry exactly when their words are equal,
// document after document of one table (kept, or emptied by a limit).
func TestWordTableCollisions(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	stops := newStopSet(set, stopWords(set))
	words := []string{"a", "ab", "abc", "abcd", "abce", "bbcd", "tenletters", "tenletterz",
		"sixteenletterss1", "sixteenletterss2", "seventeenletters1", "seventeenletters2", "x"}
	// A token's hash is its word's (the same for equal words, in every
	// document): few, or token.HashString's.
	few := func(w string) uint32 { return uint32(1 + 2*(len(w)%3)) } // odd, as HashString's
	for _, c := range []struct {
		limit int
		hash  func(string) uint32
	}{{0, few}, {5, few}, {40, few}, {0, token.HashString}, {5, token.HashString}} {
		limit, hash := c.limit, c.hash
		s := newScratch()
		s.stops = stops
		s.table.limit = limit
		for doc := 0; doc < 30; doc++ {
			var toks []token.Token
			for i := 0; i < 60; i++ {
				w := words[(i*7+doc*3)%len(words)]
				if doc%2 == 1 {
					w += string(rune('a' + i%5)) // words new to the table
				}
				toks = append(toks, token.Token{Start: 2 * i, End: 2*i + 1, Kind: token.Word, Flags: token.SpaceBefore, Hash: hash(w), Text: w, Lower: w})
			}
			s.toks = toks
			s.index()
			byWord := map[string]int32{}
			for i, tk := range toks {
				id := s.ids[i]
				if got := s.table.word(id); got != tk.Lower {
					t.Fatalf("limit %d, document %d, token %d %q: entry %d holds %q", limit, doc, i, tk.Lower, id, got)
				}
				if e := s.table.entries[id]; e.hash != tk.Hash {
					t.Fatalf("limit %d, document %d, token %d %q: entry hash %d, token's %d", limit, doc, i, tk.Lower, e.hash, tk.Hash)
				}
				if prev, ok := byWord[tk.Lower]; ok && prev != id {
					t.Fatalf("limit %d, document %d: %q has entries %d and %d", limit, doc, tk.Lower, prev, id)
				}
				byWord[tk.Lower] = id
			}
			if len(byWord) != len(s.table.used) {
				t.Fatalf("limit %d, document %d: %d words, %d entries used", limit, doc, len(byWord), len(s.table.used))
			}
		}
	}
}
