package rules

import (
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestMarkUnit: at every ASCII mark, before any of a few following
// tokens, MarkUnit names the unit Units.Match finds, or says to ask
// Match; and it names one at the marks of the language files that
// are units alone ("%").
func TestMarkUnit(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for code, l := range set.Languages {
		for c := byte(0x21); c < utf8.RuneSelf; c++ {
			for _, after := range []string{"", " people", "5", " of", " points", " per cent", "US", " US$", "-5"} {
				toks := token.Scan(string(c)+after, nil)
				if len(toks) == 0 || len(toks[0].Text) != 1 {
					continue
				}
				ui := l.MarkUnit(&toks[0])
				if ui == 0 {
					continue
				}
				named++
				e, v, ok := l.Units.Match(toks, 0)
				if !ok || e != 1 || v != ui-1 {
					t.Fatalf("%s: %q: MarkUnit says unit %d, one token; Match says %d to token %d (%v)", code, string(c)+after, ui-1, v, e, ok)
				}
			}
		}
		toks := token.Scan("%", nil)
		if l.MarkUnit(&toks[0]) == 0 {
			t.Errorf("%s: %%: no unit", code)
		}
	}
	if named == 0 {
		t.Fatal("no mark names a unit: the test tests nothing")
	}
}

// TestFigureFilters: the filters of a figure's neighbours hold the first
// words (MayFollowFigure) and the last words (MayPrecedeFigure) of every
// phrase of the tables they join, the time units, the scale suffixes and
// the dashes of a range. (extract's TestFinishPlain holds the choice of
// tables to what the number reader reads.)
func TestFigureFilters(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for code, l := range set.Languages {
		follow := func(w string) {
			toks := token.Scan(w, nil)
			if len(toks) > 0 && !l.MayFollowFigure(&toks[0]) {
				t.Errorf("%s: %q may follow a figure, and MayFollowFigure says no", code, w)
			}
		}
		precede := func(w string) {
			toks := token.Scan(w, nil)
			if len(toks) > 0 && !l.MayPrecedeFigure(&toks[len(toks)-1]) {
				t.Errorf("%s: %q may precede a figure, and MayPrecedeFigure says no", code, w)
			}
		}
		for _, d := range figureDashes {
			follow(d)
		}
		eachKey(l.scaleSuffix, follow)
		eachKey(l.DurUnits, follow)
		for _, p := range []*Phrases{l.Units, l.List(ListUnitLead), l.List(ListRangeTo), l.List(ListMagnitudeNouns), l.List(ListAtleastAfter), l.List(ListAtmostAfter)} {
			for w := range p.byFirst {
				follow(w)
			}
		}
		for _, p := range []*Phrases{l.Qualifiers, l.List(ListBoundFiller), l.List(ListMagnitudeBefore), l.List(ListMoreVerbs), l.List(ListHarmVerbs), l.List(ListAgeBefore)} {
			for _, list := range p.byFirst {
				for _, ph := range list {
					precede(ph.words[len(ph.words)-1])
				}
			}
		}
	}
}
