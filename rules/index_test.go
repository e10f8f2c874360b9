package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestLongestAnchoredIsExhaustive checks the pruned pattern search against
// trying every pattern at every token: the anchor masks, candidate groups,
// need tests and line stops may only skip patterns that cannot match. It
// runs over the project's own articles and expectation cases, in every
// built-in language, for the date and furniture indexes.
func TestLongestAnchoredIsExhaustive(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	var texts []string
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar", "../testdata/cases-pending/*/*.txtar")...)
	require.NotEmpty(t, texts)
	// Shapes the articles may lack: numbers and words glued to marks,
	// line breaks inside dates, prefixed ordinals, signs and decimal
	// points glued to a number or a space before one (which open the
	// number patterns only when glued).
	texts = append(texts, "on\n12 March 2024; from 10/1 to 11/7, Q3-2023, kuartal III 2024, ke-8, kedua puluh, 1990-an, Dec31 T04:17, 3 minute read",
		"-5 years, - 5 days, (-3) weeks, −12 months, .08 percent, . 2019, end. 2019 was, 3 - 4 March, 2020-2021, .5 hours, 2,5 tahun, ,5 jam, , 5 Maret, -2 hari")
	for _, code := range set.Codes {
		l := set.Languages[code]
		for name, x := range map[string]*Index{"dates": NewIndex(l, l.Dates, l.Relative, l.Durations), "furniture": NewIndex(l, l.Furniture)} {
			checked := 0
			for _, text := range texts {
				toks := token.Scan(text, nil)
				masks := x.Anchors(toks, nil)
				ws := x.vocab.Read(toks, nil)
				for i := range toks {
					want, wantOK := bruteForce(x, toks, i)
					got, ok := x.LongestAnchored(toks, masks, i, nil)
					require.Equal(t, wantOK, ok, "%s %s token %d %q", code, name, i, toks[i].Text)
					if ok {
						require.Equal(t, want.End, got.End, "%s %s token %d %q", code, name, i, toks[i].Text)
						require.Same(t, want.Pattern, got.Pattern, "%s %s token %d %q", code, name, i, toks[i].Text)
					}
					// Given the Vocab's reading of the tokens.
					var read Match
					ok = x.LongestIntoRead(toks, masks, ws, i, nil, &read)
					require.Equal(t, wantOK, ok, "%s %s token %d %q (read)", code, name, i, toks[i].Text)
					if ok {
						require.Equal(t, want.End, read.End, "%s %s token %d %q (read)", code, name, i, toks[i].Text)
						require.Same(t, want.Pattern, read.Pattern, "%s %s token %d %q (read)", code, name, i, toks[i].Text)
					}
					// Without masks: the per-pattern path.
					got, ok = x.LongestAnchored(toks, nil, i, nil)
					require.Equal(t, wantOK, ok)
					if ok {
						require.Same(t, want.Pattern, got.Pattern)
					}
					checked++
				}
			}
			require.Positive(t, checked)
		}
	}
}

// bruteForce tries every pattern of x at toks[i]: the longest match wins,
// the earliest-listed pattern among equally long ones.
func bruteForce(x *Index, toks []token.Token, i int) (Match, bool) {
	best, found := Match{}, false
	for _, p := range x.pats {
		if end, c, ok := p.Match(toks, i); ok && end > best.End {
			best, found = Match{Pattern: p, Start: i, End: end, Caps: c}, true
		}
	}
	return best, found
}

// TestPhrasesOpenNumber checks which classes of digit runs a literal or
// list opens at: only those its phrases start with, so that the number
// patterns led by words ("@time_prep? $hhmm") are not tried at numbers.
func TestPhrasesOpenNumber(t *testing.T) {
	for _, tc := range []struct {
		name               string
		phrases            []string
		small, year, other bool
	}{
		{"words", []string{"at", "shortly after"}, false, false, false},
		{"two digits", []string{"12 noon"}, true, false, false},
		{"a year", []string{"1996 olympics"}, false, true, false},
		{"other digits", []string{"911"}, false, false, true},
		{"a sign", []string{"-"}, false, false, false},
		{"mixed", []string{"at", "12"}, true, false, false},
	} {
		ph := newPhrases(false)
		for _, s := range tc.phrases {
			require.True(t, ph.add(s, 0), s)
		}
		require.Equal(t, tc.small, phrasesOpenNumber(ph, numSmall), tc.name)
		require.Equal(t, tc.year, phrasesOpenNumber(ph, numYear), tc.name)
		require.Equal(t, tc.other, phrasesOpenNumber(ph, numOther), tc.name)
	}
	require.True(t, phrasesOpenNumber(nil, numSmall), "no words known")
}
