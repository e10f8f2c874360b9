package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// oldWalkStart is scanNumbers' start test at token i as it was before the
// Vocab's bit (rules.TokenWord.MayStartNumber): proceed when the walk went
// on to its full tests, listed when it listed a prefixed ordinal there.
func oldWalkStart(p *Pass, i int) (proceed, listed bool) {
	t := &p.Toks[i]
	switch t.Kind {
	case token.Word:
		if !isDigit(t.Lower[len(t.Lower)-1]) && (!p.index.numberOpens.May(t) || !p.Lang.NumeralLexical(t) && !p.Lang.Units.MayStart(t) && t.Text != "M") {
			return false, p.index.ordPrefixFirst[t.Lower[0]] && p.Lang.PrefixedNumberAt(t)
		}
	case token.Punct:
		if quietMark(p.Toks, i) && !p.Lang.Units.MayStart(t) {
			return false, false
		}
	}
	return true, false
}

// checkNumberStart holds the bit to the old walk over text in lang: every
// token the old walk started anything at has it, except the words its
// filters passed by chance (NumeralLexical's false positives), where the
// full tests it then asked find nothing: no number (mayStartNumber) and
// no ordinal (ReadOrdinal). It counts the tokens without the bit in off.
func checkNumberStart(t *testing.T, e *Engine, lang, text string, off *int) {
	t.Helper()
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	tws := p.words()
	for i := range p.Toks {
		if tws[i].MayStartNumber() {
			continue
		}
		*off++
		tok := &p.Toks[i]
		if tok.Kind != token.Word {
			t.Fatalf("%s %.60q: %v token %d %q has no number-start bit", lang, text, tok.Kind, i, tok.Text)
		}
		proceed, listed := oldWalkStart(p, i)
		if listed {
			t.Fatalf("%s %.60q: word %d %q lists a prefixed ordinal but has no bit", lang, text, i, tok.Text)
		}
		if !proceed {
			continue
		}
		if p.mayStartNumber(i) {
			t.Fatalf("%s %.60q: word %d %q may start a number but has no bit", lang, text, i, tok.Text)
		}
		if _, _, ok := p.Lang.ReadOrdinal(p.Toks, i); ok {
			t.Fatalf("%s %.60q: word %d %q reads as an ordinal but has no bit", lang, text, i, tok.Text)
		}
	}
}

// numberStartWords are words of every kind the bit is about, and others.
var numberStartWords = []string{
	"two", "Two", "thousand", "a", "an", "one", "half", "minus", "dozen", "hundreds", "third", "fifth", "twenty-fifth",
	"M", "m", "M7", "magnitude", "$", "US$", "Rp", "Rp5", "%", "percent", "km", "ft", "in", "per", "million",
	"dua", "puluh", "kedua", "ketiga", "kepada", "karena", "ke-8", "ke", "sekitar", "juta", "persen", "setengah",
	"G20", "Q3", "t14", "june5", "III", "IV", "Xi", "and", "March", "Maret", "Monday", "years", "tahun",
	"the", "people", "orang", "said", "x", "-", ".", ",", "½", "(", "'s", "5", "1,200", "3.5", "2026", "\n",
}

// TestNumberStartBit: see checkNumberStart, over the example texts and
// random texts of the words above, in both languages.
func TestNumberStartBit(t *testing.T) {
	e := engineForTest(t)
	texts := numberScanTexts()
	r := rand.New(rand.NewPCG(14, 16))
	for k := 0; k < 300; k++ {
		texts = append(texts, sparseText(r, numberStartWords, 40, k%3))
	}
	off := 0
	for _, text := range texts {
		for _, lang := range []string{"en", "id"} {
			checkNumberStart(t, e, lang, text, &off)
		}
	}
	if off == 0 {
		t.Fatal("every token has the bit: the test tests nothing")
	}
	t.Logf("%d tokens without the bit", off)
}

// FuzzNumberStartBit is TestNumberStartBit on any text.
func FuzzNumberStartBit(f *testing.F) {
	f.Add(strings.Join(numberStartWords, " "))
	for _, s := range numberScanTexts()[:3] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		var off int
		for _, lang := range []string{"en", "id"} {
			checkNumberStart(t, e, lang, text, &off)
		}
	})
}
