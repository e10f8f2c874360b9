package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
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
	texts = append(texts, exampleTexts()...)
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

// TestNumberOpeners: the filter scanNumbers joins from the lexicon and the
// units' first words lets through every word either lets through, so a
// word it turns away (ending in no digit) is one mayStartNumber turns
// away too; in both languages, on the example articles and cases.
func TestNumberOpeners(t *testing.T) {
	e := engineForTest(t)
	texts := []string{"On Monday, March 3, about 1,200 people and $5m (US$ 4.2 million) were counted: 5 km, 3 miles, Rp 5 juta, 40 persen, two thousand."}
	filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	for _, lang := range []string{"en", "id"} {
		l := e.Rules.Languages[lang]
		var opens rules.WordFilter
		l.AddLexical(&opens)
		l.Units.AddFirsts(&opens)
		passed, turned := 0, 0
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for i := range p.Toks {
				tk := &p.Toks[i]
				if tk.Kind != token.Word {
					continue
				}
				if (l.Lexical(tk) || l.Units.MayStart(tk)) && !opens.May(tk) {
					t.Fatalf("%s: %q: a filter lets it through, the joint one does not", lang, tk.Text)
				}
				if !opens.May(tk) && !isDigit(tk.Lower[len(tk.Lower)-1]) {
					turned++
					if p.mayStartNumber(i) {
						t.Fatalf("%s: %q is turned away, but mayStartNumber lets it through", lang, tk.Text)
					}
				} else if p.mayStartNumber(i) {
					passed++
				}
			}
		}
		if passed == 0 || turned == 0 {
			t.Fatalf("%s: %d words passed, %d turned away: the test tests too little", lang, passed, turned)
		}
	}
}

// TestOrdinalPrefixFirsts: a word scanOrdinals turns away by its first
// byte (no ordinal prefix opens with it) and the lexicon filter reads as
// no ordinal; the Indonesian texts hold prefixed ordinals, which must
// still pass.
func TestOrdinalPrefixFirsts(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"id", "Kongres ke-8 digelar pada putaran kedua; kedua negara dan ketiga tersangka, kesebelas orang, ke-20 kalinya, keempat puluh."},
		{"en", "The eighth congress, the second summit, the 21st meeting and the twenty-fifth anniversary."},
	}
	turned, read := 0, 0
	for _, tc := range texts {
		l := e.Rules.Languages[tc.lang]
		var first [256]bool
		if prefixed := l.OrdinalPrefixFirsts(&first); !prefixed && tc.lang == "id" {
			t.Errorf("%s: no ordinal prefixes, but the text is written with them", tc.lang)
		}
		toks := token.Scan(tc.text, nil)
		for i := range toks {
			tk := &toks[i]
			if tk.Kind != token.Word || !l.MayOpenOrdinal(tk) {
				continue
			}
			_, _, ok := l.ReadOrdinal(toks, i)
			if !first[tk.Lower[0]] && !l.Lexical(tk) {
				turned++
				if ok {
					t.Errorf("%s: %q is turned away, but reads as an ordinal", tc.lang, tk.Text)
				}
			} else if ok {
				read++
			}
		}
	}
	if turned == 0 || read == 0 {
		t.Fatalf("%d words turned away, %d ordinals read: the test tests too little", turned, read)
	}
}

// TestPhraseGuards: where startsAt or endsBefore says no, Match or
// MatchBefore finds nothing, for every list of both languages at every
// position of a text that holds their phrases.
func TestPhraseGuards(t *testing.T) {
	e := engineForTest(t)
	text := "between 3 and 5, more than 10 or more, at least 40 killed and 12 others, passes 5,000 people, measuring 7.1 on the Richter scale; sekitar 100 orang lebih, antara 3 hingga 5, menewaskan 40 orang."
	toks := token.Scan(text, nil)
	hits := 0
	for _, l := range e.Rules.Languages {
		tables := []*rules.Phrases{l.Qualifiers, l.Units, l.Future, l.Past, e.Rules.Counted, e.Rules.AttrWords, e.Rules.Triggers}
		for id := range rules.RequiredLists {
			tables = append(tables, l.List(rules.ListID(id)))
		}
		for _, ph := range tables {
			for i := 0; i <= len(toks); i++ {
				if _, _, ok := ph.Match(toks, i); ok {
					hits++
					if !startsAt(ph, toks, i) {
						t.Fatalf("%s: a phrase starts at %d, startsAt says not", l.Code, i)
					}
				}
				if _, _, ok := ph.MatchBefore(toks, i, 4); ok && !endsBefore(ph, toks, i) {
					t.Fatalf("%s: a phrase ends before %d, endsBefore says not", l.Code, i)
				}
			}
		}
	}
	if hits == 0 {
		t.Fatal("no phrase matched: the test tests nothing")
	}
}

// TestCodeAt holds codeAt to skipCode, at every token of texts built from
// marks, digits and letters with and without spaces between.
func TestCodeAt(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"-", ".", "/", ":", ",", ";", "12", "ab", " ", " ", "x", "7", "–"}
	codes := 0
	for range 2000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		p := &Pass{Toks: token.Scan(b.String(), nil)}
		for i := range p.Toks {
			want := p.skipCode(i) != i+1
			if got := codeAt(p.Toks, i); got != want {
				t.Fatalf("%q, token %d: %v, want %v", b.String(), i, got, want)
			}
			if want {
				codes++
			}
		}
	}
	if codes == 0 {
		t.Fatal("no code read: the test tests nothing")
	}
}
