package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// quietMarkTexts hold marks glued to words, to digits and to other marks,
// and spaced from them, in both languages (spacedMarkTexts, and more).
var quietMarkTexts = append([]struct{ lang, text string }{
	{"en", `"The well-known (AP) U.S. firm's -x .x ,x /x :x #x "5" -5 .5 ,5 /5 :5 #5 -- .. ,, (( ½x ½5 ¼ “Quote” ‘s’ $x $5 US$x`},
	{"id", `"Kata" (AFP) Rp.5 Rp.x ke-2 A-x A-5 -,5 .,x ½x`},
}, spacedMarkTexts...)

// TestQuietMark holds quietMark to the tests it stands for: at every mark
// it reports, rules.Language.PunctOpensNumeralAt and codeAt are false, so
// mayStartNumber answers as the full test would; and it reports every
// mark spacedMark reports.
func TestQuietMark(t *testing.T) {
	e := engineForTest(t)
	seen := 0
	for _, tc := range quietMarkTexts {
		checkQuietMark(t, e, tc.lang, tc.text, &seen)
	}
	if seen < 20 {
		t.Fatalf("%d marks glued to words: the test tests little", seen)
	}
}

// FuzzQuietMark is TestQuietMark on any text.
func FuzzQuietMark(f *testing.F) {
	for _, tc := range quietMarkTexts {
		f.Add(tc.lang == "id", tc.text)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, id bool, text string) {
		lang := "en"
		if id {
			lang = "id"
		}
		var seen int
		checkQuietMark(t, e, lang, text, &seen)
	})
}

// checkQuietMark is TestQuietMark on one text, counting in seen the quiet
// marks that are not spaced.
func checkQuietMark(t *testing.T, e *Engine, lang, text string, seen *int) {
	t.Helper()
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	for i := range p.Toks {
		if p.Toks[i].Kind != token.Punct {
			continue
		}
		quiet, spaced := quietMark(p.Toks, i), spacedMark(p.Toks, i)
		if spaced && !quiet {
			t.Errorf("%s %q: mark %d %q is spaced but not quiet", lang, text, i, p.Toks[i].Text)
		}
		if !quiet {
			continue
		}
		if !spaced {
			*seen++
		}
		if p.Lang.PunctOpensNumeralAt(p.Toks, i) || codeAt(p.Toks, i) {
			t.Errorf("%s %q: mark %d %q is quiet but opens a numeral or a code", lang, text, i, p.Toks[i].Text)
		}
	}
}
