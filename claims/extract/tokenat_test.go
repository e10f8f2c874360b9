package extract

import (
	"sort"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// checkTokenAt holds tokenAt (its search from the last answer) to a binary search over
// the tokens at every byte offset of text and a few past its end, asked
// forwards and then backwards, and returns how many offsets it compared.
func checkTokenAt(t *testing.T, e *Engine, text string) int {
	doc := &claims.Document{ID: "t", Text: text, Language: "en", Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	toks := p.Toks
	want := func(off int) int { return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off }) }
	n := 0
	check := func(off int) {
		if got, w := p.tokenAt(off), want(off); got != w {
			t.Fatalf("%.60q: tokenAt(%d) = %d, want %d", text, off, got, w)
		}
		n++
	}
	for off := 0; off <= len(text)+20; off++ {
		check(off)
	}
	for off := len(text) + 20; off >= 0; off-- {
		check(off)
	}
	return n
}

// TestTokenAt: tokenAt answers as a search of the tokens, on texts of
// long and short tokens, runs of spaces and marks, and none.
func TestTokenAt(t *testing.T) {
	e := engineForTest(t)
	texts := append(countedTexts(), "", " ", "a", "                                        x   y",
		"a.b,c;d:e!f?g(h)i[j]k{l}m-n/o 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
		"Supercalifragilisticexpialidocious antidisestablishmentarianism, 2024.")
	n := 0
	for _, text := range texts {
		n += checkTokenAt(t, e, text)
	}
	if n == 0 {
		t.Fatal("no offset compared")
	}
}

// FuzzTokenAt is TestTokenAt on any text.
func FuzzTokenAt(f *testing.F) {
	for _, s := range countedTexts()[:4] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenAt(t, e, text)
	})
}
