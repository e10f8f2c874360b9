package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// spacedMarkTexts hold marks of every kind, glued to digits and words
// and spaced from them, at the ends of texts and between them.
var spacedMarkTexts = []struct{ lang, text string }{
	{"en", "Prices rose $5, or -5 percent, to .08 of a cent (½ point) on line -16; A-16. US$ 20, 1/2 mile: €3 — 4.5 % ."},
	{"en", "$"},
	{"en", "- 5 . 08 ( 3 ) , 4 ; ½ ¼x -x .x ,5 :7"},
	{"id", "Harga naik Rp5.000, atau Rp 5.000; -3,5 persen (½ dari 1,2) - 16 kode A-16/B."},
}

// spacedMark is the narrower test quietMark grew from, kept as its lower
// bound: a mark starting with an ASCII byte and not glued to the token
// after it (the commas and periods of prose). TestQuietMark checks that
// quietMark reports every mark it reports.
func spacedMark(toks []token.Token, i int) bool {
	return toks[i].Text != "" && toks[i].Text[0] < utf8.RuneSelf && (i+1 == len(toks) || !toks[i+1].Glued())
}

// TestSpacedMark holds spacedMark to the tests it stands for: at every
// mark it reports, rules.Language.PunctOpensNumeralAt and codeAt are
// false, so mayStartNumber answers as the full test would.
func TestSpacedMark(t *testing.T) {
	e := engineForTest(t)
	seen := 0
	for _, tc := range spacedMarkTexts {
		checkSpacedMark(t, e, tc.lang, tc.text, &seen)
	}
	if seen < 10 {
		t.Fatalf("%d spaced marks: the test tests little", seen)
	}
}

// FuzzSpacedMark is TestSpacedMark on any text.
func FuzzSpacedMark(f *testing.F) {
	for _, tc := range spacedMarkTexts {
		f.Add(tc.lang == "id", tc.text)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, id bool, text string) {
		lang := "en"
		if id {
			lang = "id"
		}
		var seen int
		checkSpacedMark(t, e, lang, text, &seen)
	})
}

// checkSpacedMark is TestSpacedMark on one text, counting the spaced
// marks in seen.
func checkSpacedMark(t *testing.T, e *Engine, lang, text string, seen *int) {
	t.Helper()
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	for i := range p.Toks {
		if p.Toks[i].Kind != token.Punct || !spacedMark(p.Toks, i) {
			continue
		}
		*seen++
		if p.Lang.PunctOpensNumeralAt(p.Toks, i) || codeAt(p.Toks, i) {
			t.Errorf("%s %q: mark %d %q is spaced but opens a numeral or a code", lang, text, i, p.Toks[i].Text)
		}
	}
}
