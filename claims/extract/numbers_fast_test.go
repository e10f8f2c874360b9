package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// mayStartNumberRef is mayStartNumber as it was: every token but a word
// that is no lexicon word, ends in no digit and opens no unit.
func (p *Pass) mayStartNumberRef(i int) bool {
	t := &p.Toks[i]
	return t.Kind != token.Word || p.Lang.Lexical(t) || isDigit(t.Lower[len(t.Lower)-1]) || p.Lang.Units.StartsAt(t)
}

// TestMayStartNumber: where mayStartNumber turns a token away that the
// test it replaced let through, readNumber reads nothing there and skips
// nothing, so the numbers read are the same; over the example articles,
// the cases and texts written to hold every kind of start, in both
// languages.
func TestMayStartNumber(t *testing.T) {
	e := engineForTest(t)
	texts := []string{
		"On Monday, March 3, about 1,200 people - and $5m (US$ 4.2 million) - were counted; -5 degrees, .08 percent, ½ cup, F-16, 555-1212, M 6.4, M7.8, magnitude-6.1, Rp5,2 triliun, two thousand, a dozen, hundreds of, minus five, half of them.",
		"Pada Senin, 3 Maret, sekitar 1.200 orang - dan Rp 5 juta - dihitung; minus lima, setengah dari mereka, ratusan, kedua negara, gempa M 6,4.",
	}
	filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	turned := 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			var r numRead
			for i := range p.Toks {
				if p.mayStartNumber(i) || !p.mayStartNumberRef(i) {
					continue
				}
				turned++
				if p.readNumber(i, &r) || r.skip != 0 {
					t.Fatalf("%s: %q at token %d is turned away, but readNumber reads it (skip %d)", lang, p.Toks[i].Text, i, r.skip)
				}
			}
		}
	}
	if turned == 0 {
		t.Fatal("no token turned away: the test tests nothing")
	}
	t.Logf("%d tokens turned away", turned)
}
