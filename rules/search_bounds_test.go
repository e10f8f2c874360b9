package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// spotTexts are shapes the spots and the lists' first parts turn patterns
// away on (a page of clock times and dates, where a part's bit is near but
// not where the pattern needs it), and the matches they must not turn
// away: a preposition of two or three words before the time or day, an
// abbreviated month or weekday, seconds, ordinal suffixes, years in words.
var spotTexts = []string{
	"In Jakarta at 5 p.m. at 5 p.m. at 05:02 on March 3 at 03:11 at 10:56 on March 3 at 18:43 at 5 p.m. on March 3 at 5.30 p.m. at 5.30",
	"at around 5.30 p.m. WIB, at about 17.45 WIB, shortly after 4:17:35 a.m. ET, just before 0417 GMT, on or about the 3rd of March, no later than Dec. 31st",
	"The talks will resume October 18 October 23 March 2 May 13 Jan. 6 Sept. 13th, Tues., Dec 4 2024 and 5 May 2023, 3 - 4 March, the 5th of May",
	"nineteen ninety-six, in nineteen ninety-six, the year two thousand, 2024 Q3, 2023-Q4, the 1990s, the 1800's, 1990-an, kuartal III 2024, T04:17",
	"rapat October 14 1995 596 2027 357 tewas 1992 March 18 Januari 10 tewas deaths 2013 votes 554 pukul 10.30 WIB, 17 Agustus 1945, Senin (30/12/2024)",
	"5 years, 3 to 4 weeks, two and a half hours, twenty-one trillion and three hundred twenty second day, 10 trading days, 3 more years ago",
}

// TestPartSpans checks span against matchPart: wherever a part matches
// in the project's texts and spotTexts, it takes no fewer tokens than lo
// and, when span says it is exact, no more than hi.
func TestPartSpans(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := append(projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar"), spotTexts...)
	checked := 0
	for _, code := range set.Codes {
		l := set.Languages[code]
		var toks []token.Token
		for _, text := range texts {
			toks = token.Scan(text, toks[:0])
			for _, g := range [][]*Pattern{l.Dates, l.Relative, l.Durations, l.Furniture} {
				for _, p := range g {
					for k := range p.parts {
						pt := &p.parts[k]
						lo, hi, exact := pt.span(l)
						for i := range toks {
							var c Captures
							end, ok := l.matchPart(pt, toks, i, &c, nil)
							if !ok {
								continue
							}
							checked++
							require.GreaterOrEqual(t, end-i, lo, "%s %s part %d at %q", code, p.ID, k, toks[i].Text)
							if exact {
								require.LessOrEqual(t, end-i, hi, "%s %s part %d at %q", code, p.ID, k, toks[i].Text)
							}
						}
					}
				}
			}
		}
	}
	require.Positive(t, checked)
}

// TestSpotsExhaustive checks the pruned search against trying every
// pattern at every token of spotTexts (see TestLongestAnchoredIsExhaustive,
// which runs over the project's texts).
func TestSpotsExhaustive(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	for _, code := range set.Codes {
		l := set.Languages[code]
		x := NewIndex(l, l.Dates, l.Relative, l.Durations)
		for _, text := range spotTexts {
			checkExhaustive(t, x, code+" "+text, text)
		}
	}
}

// checkExhaustive compares LongestIntoRead with bruteForce at every token
// of text.
func checkExhaustive(t *testing.T, x *Index, name, text string) {
	t.Helper()
	toks := token.Scan(text, nil)
	ws := x.vocab.Read(toks, nil)
	masks := x.AnchorsRead(toks, ws, nil)
	for i := range toks {
		want, wantOK := bruteForce(x, toks, i)
		var got Match
		ok := x.LongestIntoRead(toks, masks, ws, i, nil, &got)
		require.Equal(t, wantOK, ok, "%s: token %d %q", name, i, toks[i].Text)
		if ok {
			require.Equal(t, want.End, got.End, "%s: token %d %q", name, i, toks[i].Text)
			require.Same(t, want.Pattern, got.Pattern, "%s: token %d %q", name, i, toks[i].Text)
		}
	}
}

// TestShapeSpots checks a few shapes by hand: at a number, "@date_prep?
// the? $day of? $month" needs its month one to three tokens on, and at
// "on" (which opens only its preposition) two to seven; at "at",
// "@time_prep? $hour.$minute @ampm" its minute three or four tokens on.
func TestShapeSpots(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	l := set.Languages["en"]
	x := NewIndex(l, l.Dates, l.Relative, l.Durations)
	find := func(c *candList, id string) *candGroup {
		for k := range c.groups {
			for _, n := range c.groups[k].ids {
				if x.pats[n].ID == id {
					return &c.groups[k]
				}
			}
		}
		t.Fatalf("no %s", id)
		return nil
	}
	listOf := func(w string) *candList {
		toks := token.Scan(w, nil)
		own, _ := x.candidatesRead(x.vocab.Read(toks, nil)[0])
		return own
	}
	g := find(listOf("05"), "day-month")
	require.Equal(t, 4, g.width, "day-month at a number: its month starts by the fourth token")
	g = find(listOf("on"), "day-month")
	require.Contains(t, g.spots, spot{bit: x.bit[g.ids[0]], lo: 2, hi: 7})
	g = find(listOf("at"), "time-ampm-dot")
	require.Contains(t, g.spots, spot{bit: x.smallBit, lo: 3, hi: 4})
}

// FuzzSpots checks the search against the search of the same index built
// plain (see newIndexIn): the spots and the lists' first parts only turn
// away patterns that cannot match, in every built-in language.
//
//	go test ./rules -run=^$ -fuzz=FuzzSpots -fuzztime=3m
func FuzzSpots(f *testing.F) {
	for _, s := range spotTexts {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	var xs, plain []*Index
	for _, code := range set.Codes {
		l := set.Languages[code]
		xs = append(xs, NewIndex(l, l.Dates, l.Relative, l.Durations))
		plain = append(plain, newIndexIn(NewVocab(l), true, l.Dates, l.Relative, l.Durations))
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for k, x := range xs {
			ws, ws0 := x.vocab.Read(toks, nil), plain[k].vocab.Read(toks, nil)
			masks, masks0 := x.AnchorsRead(toks, ws, nil), plain[k].AnchorsRead(toks, ws0, nil)
			for i := range toks {
				var got, want Match
				ok := x.LongestIntoRead(toks, masks, ws, i, nil, &got)
				wantOK := plain[k].LongestIntoRead(toks, masks0, ws0, i, nil, &want)
				if ok != wantOK || ok && (got.End != want.End || got.Pattern.Rule != want.Pattern.Rule) {
					t.Fatalf("%q at token %d %q: %v %+v, plain %v %+v", text, i, toks[i].Text, ok, got, wantOK, want)
				}
			}
		}
	})
}

// TestSpotsIn checks spotsIn against a plain reading of the masks: for
// random masks and line starts, windows filled to a width as visit fills
// them, and spots below it, each spot's bit must be in a mask from its lo
// to its hi, before the line's end.
func TestSpotsIn(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		n := 1 + r.IntN(60)
		masks := make([]uint64, n)
		for k := range masks {
			masks[k] = 1<<r.IntN(6) | 1<<r.IntN(6)
			if r.IntN(10) == 0 {
				masks[k] |= lineBit
			}
		}
		i := r.IntN(n)
		width := 1 + r.IntN(windowMax)
		var w maskWindow
		w.start(masks, i, n-i)
		w.upTo(width - 1)
		var spots []spot
		for range 1 + r.IntN(3) {
			lo := r.IntN(width)
			spots = append(spots, spot{bit: 1 << r.IntN(6), lo: lo, hi: lo + r.IntN(width-lo)})
		}
		want := true
		for _, s := range spots {
			found := false
			for k := 0; k <= s.hi && i+k < n; k++ {
				if k > 0 && masks[i+k]&lineBit != 0 {
					break // no part starts on the next line
				}
				found = found || k >= s.lo && masks[i+k]&s.bit != 0
			}
			if !found {
				want = false
			}
		}
		require.Equal(t, want, w.spotsIn(spots), "masks %x from %d spots %+v", masks, i, spots)
	}
}

// TestPlainKind checks plainKind against the scanner on the keys of the
// date indexes' lists.
func TestPlainKind(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	checked := 0
	for _, code := range set.Codes {
		l := set.Languages[code]
		words := []string{"at", "2024", "05", "q3", "dec31", "t04", "-", "a.m.", "ke-8", "é"}
		for _, g := range [][]*Pattern{l.Dates, l.Relative, l.Durations} {
			for _, p := range g {
				ws, _ := p.firstKeys()
				words = append(words, ws...)
			}
		}
		for _, w := range words {
			kind, ok := plainKind(w)
			if !ok {
				continue
			}
			toks := token.Scan(w, nil)
			require.Len(t, toks, 1, w)
			require.Equal(t, toks[0].Kind, kind, w)
			require.Equal(t, w, toks[0].Lower, w)
			checked++
		}
	}
	require.Positive(t, checked)
}
