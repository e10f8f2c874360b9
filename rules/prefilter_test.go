package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestReadPrefilters: the cheap tests callers make before reading
// (MayOpenOrdinal before ReadOrdinal, PunctMayOpenNumeral and
// PunctOpensNumeralAt before ReadNumeral at punctuation, OneWordAloneAt
// before it at words) never turn away a token the readers read,
// on the project's example articles and cases and on text dense in
// figures and punctuation, in every language.
func TestReadPrefilters(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The 3rd, 21st and 102nd meetings; -5, −7, .08 and ½ of 3¾ (−2) ke-8 kedua puluh kesebelas 2,5 .5 -.5 #4 № 7 - 3",
		"Rp5,2 triliun, US$ 3.5 million, 1. Item 2) item; 'quoted' \"x\" [−4] the twenty-fifth and two hundredth.",
		"a man, a dozen, a third of them, a half, an hour, a-thousand-year, a\nmillion, a hundred and a quarter, sejuta, seorang, sebuah, setengah, a 5, a-third, a million-dollar",
	}
	for _, dir := range []string{"../testdata/example", "../testdata/cases"} {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
				if b, err := os.ReadFile(path); err == nil {
					texts = append(texts, string(b))
				}
			}
			return nil
		})
	}
	if len(texts) < 10 {
		t.Fatalf("only %d texts", len(texts))
	}
	n := 0
	for _, l := range set.Languages {
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for i := range toks {
				n++
				if _, _, ok := l.ReadOrdinal(toks, i); ok && !l.MayOpenOrdinal(&toks[i]) {
					t.Fatalf("%s: MayOpenOrdinal turns away the ordinal at %q", l.Code, toks[i].Text)
				}
				if _, _, ok := l.ReadOrdinal(toks, i); ok && toks[i].Kind == token.Word && !l.NumeralLexical(&toks[i]) && !l.prefixedOrdinal(toks[i].Lower) {
					t.Fatalf("%s: NumeralLexical turns away the ordinal at %q", l.Code, toks[i].Text)
				}
				if toks[i].Kind == token.Word && l.IsNumeralWordAt(&toks[i]) && !l.NumeralLexical(&toks[i]) {
					t.Fatalf("%s: NumeralLexical turns away the numeral word %q", l.Code, toks[i].Text)
				}
				if _, ok := l.ReadNumeral(toks, i); ok && l.OneWordAloneAt(toks, i) {
					t.Fatalf("%s: OneWordAloneAt turns away the numeral at %q", l.Code, toks[i].Text)
				}
				if toks[i].Kind != token.Punct {
					continue
				}
				if _, ok := l.ReadNumeral(toks, i); ok && !l.PunctMayOpenNumeral(&toks[i]) {
					t.Fatalf("%s: PunctMayOpenNumeral turns away the numeral at %q", l.Code, toks[i].Text)
				}
				if _, ok := l.ReadNumeral(toks, i); ok && !l.PunctOpensNumeralAt(toks, i) {
					t.Fatalf("%s: PunctOpensNumeralAt turns away the numeral at %q", l.Code, toks[i].Text)
				}
			}
		}
	}
	t.Logf("%d tokens checked", n)
}

// matchBeforeRef is MatchBefore without its last-word filter.
func matchBeforeRef(p *Phrases, toks []token.Token, end, maxLen int) (int, int, bool) {
	for s := end - maxLen; s < end; s++ {
		if s < 0 || !p.first.May(&toks[s]) {
			continue
		}
		h := p.heads.Ref(&toks[s])
		if h == nil {
			continue
		}
		for k := range h.list {
			if ph := &h.list[k]; s+len(ph.words) == end && p.matches(toks, s, ph) {
				return s, ph.value, true
			}
		}
	}
	return 0, 0, false
}

// TestMatchBeforeFilter: MatchBefore with its last-word filter answers as
// without it, for every phrase list of every language, at every position
// of the example articles and cases.
func TestMatchBeforeFilter(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	hits := 0
	for _, l := range set.Languages {
		tables := []*Phrases{l.Qualifiers, l.Future, l.Past, set.PartialBefore, set.DefiniteBefore}
		for _, ph := range l.lists {
			tables = append(tables, ph)
		}
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for _, p := range tables {
				for end := 0; end <= len(toks); end++ {
					s, v, ok := p.MatchBefore(toks, end, 4)
					ws, wv, wok := matchBeforeRef(p, toks, end, 4)
					if s != ws || v != wv || ok != wok {
						t.Fatalf("%s: MatchBefore at %d: %d %d %v, want %d %d %v", l.Code, end, s, v, ok, ws, wv, wok)
					}
					if ok {
						hits++
					}
				}
			}
		}
	}
	if hits == 0 {
		t.Fatal("no phrase matched anywhere: the test tests nothing")
	}
	t.Logf("%d matches", hits)
}

// TestInSet: InSet, looked up by the token's hash, answers as WordSet's
// map does, for every list of every language, on each listed word (as a
// lower-case and a capitalised token) and on every token of the example
// articles and cases.
func TestInSet(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var toks []token.Token
	filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
			if b, err := os.ReadFile(path); err == nil {
				toks = token.Scan(string(b), toks)
			}
		}
		return nil
	})
	for _, l := range set.Languages {
		for id := range ListID(nLists) {
			ws := l.WordSet(id)
			probe := toks
			for w := range ws {
				probe = token.Scan(w+" "+strings.ToUpper(w[:1])+w[1:], probe)
			}
			for i := range probe {
				if got, want := l.InSet(id, &probe[i]), ws[probe[i].Lower]; got != want {
					t.Fatalf("%s list %d, %q: InSet %v, WordSet %v", l.Code, id, probe[i].Text, got, want)
				}
			}
		}
	}
}
