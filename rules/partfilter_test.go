package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestMayOpen checks the cheap test match asks before an optional part on
// a few parts and tokens: it turns a token away only by its kind, its
// capital or the part's first words.
func TestMayOpen(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	l := set.Languages["en"]
	lit := func(alts ...string) part {
		pt := part{kind: partLit, lit: newPhrases(false), litWords: singleWords(alts)}
		for _, a := range alts {
			pt.lit.add(a, 0)
		}
		pt.settle()
		return pt
	}
	slot := func(k slotKind) part {
		pt := part{kind: partSlot, slot: k}
		pt.settle()
		return pt
	}
	list := func(name string) part {
		pt := part{kind: partList, list: l.lists[name]}
		pt.settle()
		return pt
	}
	for _, tc := range []struct {
		name string
		pt   part
		tok  string
		want bool
	}{
		{"one-word literal", lit("the", "a"), "The", true},
		{"one-word literal, other word", lit("the", "a"), "of", false},
		{"phrase literal, first word", lit("in the"), "in", true},
		{"list, first word", list("year_prep"), "in", true},
		{"list, digits", list("year_prep"), "1990", false},
		{"day at digits", slot(slotDay), "12", true},
		{"day at a word", slot(slotDay), "the", false},
		{"month at a word", slot(slotMonth), "March", true},
		{"month at digits", slot(slotMonth), "3", false},
		{"holiday in lower case", slot(slotHoliday), "easter", false},
		{"holiday capitalised", slot(slotHoliday), "Easter", true},
		{"numeral at a word", slot(slotNum), "three", true},
		{"numeral at a sign", slot(slotNum), "-", true},
		{"year at a word", slot(slotYear), "nineteen", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := token.Scan(tc.tok, nil)
			require.Len(t, toks, 1)
			require.Equal(t, tc.want, tc.pt.mayOpen(&toks[0]))
		})
	}
}

// TestNumClass checks the classes of digit runs the number patterns are
// listed by, and which slots open at each.
func TestNumClass(t *testing.T) {
	for _, tc := range []struct {
		digits string
		class  int
	}{
		{"7", numSmall}, {"12", numSmall}, {"900", numOther}, {"1990", numRoundYear}, {"1996", numYear},
		{"2999", numYear}, {"2000", numRoundYear}, {"3000", numOther}, {"0417", numOther}, {"12000", numOther},
	} {
		require.Equal(t, tc.class, numClass(tc.digits), tc.digits)
	}
	slot := func(k slotKind) part { return part{kind: partSlot, slot: k} }
	for _, tc := range []struct {
		name                      string
		pt                        part
		small, year, other, round bool
	}{
		{"day", slot(slotDay), true, false, false, false},
		{"year", slot(slotYear), false, true, false, true},
		{"decade", slot(slotDecade), false, false, false, true},
		{"century", slot(slotCentury), false, false, false, true},
		{"clock without separator", slot(slotHHMM), false, true, true, true},
		{"numeral", slot(slotNum), true, true, true, true},
		{"month name", slot(slotMonth), false, false, false, false},
		{"literal", part{kind: partLit}, true, true, true, true},
	} {
		require.Equal(t, tc.small, tc.pt.opensNumber(numSmall), tc.name)
		require.Equal(t, tc.year, tc.pt.opensNumber(numYear), tc.name)
		require.Equal(t, tc.other, tc.pt.opensNumber(numOther), tc.name)
		require.Equal(t, tc.round, tc.pt.opensNumber(numRoundYear), tc.name)
	}
}

// mayOpenRef is mayOpen asked of the part's kind, slot and phrases, as it
// was before the part kept its settled test (openTest).
func (pt *part) mayOpenRef(t *token.Token) bool {
	switch pt.kind {
	case partLit:
		return pt.lit.MayStart(t)
	case partList:
		return pt.list.MayStart(t)
	}
	return pt.slotMayOpen(t)
}

// TestMayOpenSettled holds mayOpen, which reads the test settle left in
// the part, to mayOpenRef on every part of every pattern and slot, at
// tokens of every kind with and without capitals, made by Scan and not.
func TestMayOpenSettled(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	toks := token.Scan("the The THE in In on at 12 1990 05 - , . ( March march MAR May may Easter easter Q3 III T04 Dec31 nineteen", nil)
	n := len(toks)
	for i := range n {
		bare := toks[i]
		bare.Flags, bare.Hash = 0, 0 // flags and hash a scanner did not set
		toks = append(toks, bare)
	}
	for k := range 8 {
		toks = append(toks, token.Token{Kind: token.Kind(k), Flags: token.Capital}, token.Token{Kind: token.Kind(k), Flags: token.AllCaps}, token.Token{Kind: token.Kind(k)})
	}
	var parts []part
	for slot := range slotHoliday + 2 {
		pt := part{kind: partSlot, slot: slot}
		pt.settle()
		parts = append(parts, pt)
	}
	for _, code := range set.Codes {
		l := set.Languages[code]
		for _, g := range [][]*Pattern{l.Dates, l.Relative, l.Durations, l.Furniture} {
			for _, p := range g {
				parts = append(parts, p.parts...)
			}
		}
	}
	for k := range parts {
		pt := &parts[k]
		for i := range toks {
			require.Equal(t, pt.mayOpenRef(&toks[i]), pt.mayOpen(&toks[i]), "part %d (kind %d slot %d) at %q kind %d flags %b", k, pt.kind, pt.slot, toks[i].Text, toks[i].Kind, toks[i].Flags)
		}
	}
}

// TestMayOpenIsSuperset checks mayOpen and opensNumber against matchPart on every part of
// every pattern, at every token of the project's articles and cases: they
// may only turn away tokens the part cannot match.
func TestMayOpenIsSuperset(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	var texts []string
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")...)
	texts = append(texts, "Q3 H1 III T04 Dec31 1990s 1800s 2000s 1996 0417 at 1140 an hour last fall Easter Hari Natal 18th 2018-19 04:17:35")
	for _, code := range set.Codes {
		l := set.Languages[code]
		x := NewIndex(l, l.Dates)
		var pats []*Pattern
		for _, g := range [][]*Pattern{l.Dates, l.Relative, l.Durations, l.Furniture} {
			pats = append(pats, g...)
		}
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for _, p := range pats {
				for k := range p.parts {
					pt := &p.parts[k]
					for i := range toks {
						var c Captures
						if _, ok := l.matchPart(pt, toks, i, &c, nil); ok {
							require.True(t, pt.mayOpen(&toks[i]), "%s %s part %d at %q", code, p.ID, k, toks[i].Text)
							if toks[i].Kind == token.Number {
								require.True(t, pt.opensNumber(numClass(toks[i].Text)), "%s %s part %d at %q", code, p.ID, k, toks[i].Text)
								require.True(t, x.partOpensNumber(pt, numClass(toks[i].Text)), "%s %s part %d at %q", code, p.ID, k, toks[i].Text)
							}
						}
					}
				}
			}
		}
	}
}

// TestYearSlotByKind holds the $year slot, which asks spokenYear only at
// a word the number words' filter passes and isYear only at other tokens,
// to asking both in turn at every token of the project's articles and
// cases and of years written both ways.
func TestYearSlotByKind(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")
	texts = append(texts, "in nineteen ninety-six, the year two thousand, 1996, 2,022 people, 23.04.2022, G2024, 1990s, tahun dua ribu, sembilan belas sembilan puluh, 2024.5, $2024")
	spoken := 0
	for _, code := range set.Codes {
		l := set.Languages[code]
		for _, glued := range []bool{false, true} {
			pt := part{kind: partSlot, slot: slotYear, glued: glued}
			pt.settle()
			for _, text := range texts {
				toks := token.Scan(text, nil)
				for i := range toks {
					var c Captures
					end, ok := l.matchPart(&pt, toks, i, &c, nil)
					wantEnd, wantYear, wantOK := 0, 0, false
					if y, e, sok := l.spokenYear(toks, i); sok {
						wantEnd, wantYear, wantOK = e, y, true
						spoken++
					} else if l.isYear(toks, i, glued) {
						wantEnd, wantYear, wantOK = i+1, int(parseInt(toks[i].Text)), true
					}
					require.Equal(t, wantOK, ok, "%s %q at %d", code, toks[i].Text, i)
					if ok {
						require.Equal(t, [2]int{wantEnd, wantYear}, [2]int{end, int(c.Year[0])}, "%s %q at %d", code, toks[i].Text, i)
					}
				}
			}
		}
	}
	require.NotZero(t, spoken, "no year in words read")
}
