package rules

import (
	"sort"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestMarkPhrases checks which first words give a part's bit at once and
// which only before one of their phrases' second words.
func TestMarkPhrases(t *testing.T) {
	for _, tc := range []struct {
		name    string
		phrases []string
		whole   []string            // words marked at once
		cond    map[string][]string // words marked before these second words
	}{
		{"single words", []string{"noon", "midday"}, []string{"midday", "noon"}, nil},
		{"longer phrases", []string{"at night", "in the morning", "in the evening"}, nil,
			map[string][]string{"at": {"night"}, "in": {"the", "the"}}},
		{"a word that is a phrase too", []string{"at night", "at"}, []string{"at"}, nil},
		{"glued marks", []string{"p.m.", "pm"}, []string{"pm"}, map[string][]string{"p": {"."}}},
	} {
		x := &Index{wordBits: map[string]uint64{}, condWords: map[string][]condWord{}}
		ph := newPhrases(false)
		for _, s := range tc.phrases {
			require.True(t, ph.add(s, 0), s)
		}
		x.markPhrases(ph, 1<<5)
		var whole []string
		for w, b := range x.wordBits {
			require.Equal(t, uint64(1<<5), b, tc.name)
			whole = append(whole, w)
		}
		sort.Strings(whole)
		require.Equal(t, tc.whole, whole, tc.name)
		cond := map[string][]string{}
		for w, cws := range x.condWords {
			for _, cw := range cws {
				require.Equal(t, uint64(1<<5), cw.bit, tc.name)
				cond[w] = append(cond[w], cw.seconds...)
			}
		}
		if tc.cond == nil {
			tc.cond = map[string][]string{}
		}
		require.Equal(t, tc.cond, cond, tc.name)
	}
}

// TestAnchorsReadAgrees checks the anchor masks computed from the Vocab's
// reading of the tokens against those computed token by token (the second
// word of a longer phrase is looked up on each path its own way), and that
// a word opening only longer phrases gives their bit only before them.
func TestAnchorsReadAgrees(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	text := "at night, at 5 p.m. in the morning, in the town, the end of 2024, the company, at noon\nnight"
	for _, code := range set.Codes {
		l := set.Languages[code]
		v := NewVocab(l)
		x := NewIndexIn(v, l.Dates, l.Relative, l.Durations)
		toks := token.Scan(text, nil)
		require.Equal(t, x.Anchors(toks, nil), x.AnchorsRead(toks, v.Read(toks, nil), nil), code)
	}
	l := set.Languages["en"]
	x := NewIndex(l, l.Dates, l.Relative, l.Durations)
	toks := token.Scan("at night at 5", nil)
	masks := x.Anchors(toks, nil)
	require.NotZero(t, masks[0]&^masks[2]&^(startBit|lineBit), "\"at\" before \"night\" gives the bits of \"at night\"")
	require.Zero(t, masks[2]&^masks[0], "\"at\" before a number gives no bit \"at night\" does not")
}

// TestSpokenYearStart checks the index's reading of SpokenYearStart, by
// the words' numbers in the Vocab, against the language's, at every token
// of a few texts with years said in words.
func TestSpokenYearStart(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := []string{"in nineteen ninety-six, the year two thousand, Nineteen eighty-four, year Two thousand and one, eleven twelve",
		"pada tahun dua ribu, tahun sembilan belas, sembilan belas sembilan puluh, kedua puluh"}
	for _, code := range set.Codes {
		l := set.Languages[code]
		v := NewVocab(l)
		x := NewIndexIn(v, l.Dates, l.Relative, l.Durations)
		require.True(t, x.spokenYears, code)
		seen := 0
		for _, text := range texts {
			toks := token.Scan(text, nil)
			ws := v.Read(toks, nil)
			for i := range toks {
				want := l.SpokenYearStart(toks, i)
				require.Equal(t, want, x.spokenYearStart(toks, ws, i), "%s %q", code, toks[i].Text)
				if want {
					seen++
				}
			}
		}
		require.Positive(t, seen, code)
	}
}
