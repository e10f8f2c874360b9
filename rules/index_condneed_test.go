package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestCondOpened checks which phrase sets have a first word that opens
// only longer phrases (whose bit markPhrases gives only before a second
// word).
func TestCondOpened(t *testing.T) {
	for _, tc := range []struct {
		phrases       []string
		caseSensitive bool
		want          bool
	}{
		{[]string{"at night"}, false, true},
		{[]string{"tonight", "in the evening"}, false, true},
		{[]string{"at", "at night"}, false, false},
		{[]string{"tonight", "midnight"}, false, false},
		{[]string{"at night"}, true, false},
		{nil, false, false},
	} {
		ph := newPhrases(tc.caseSensitive)
		for _, p := range tc.phrases {
			require.True(t, ph.add(p, 0))
		}
		require.Equal(t, tc.want, condOpened(ph), "%q", tc.phrases)
	}
	require.False(t, condOpened(nil))
}

// TestCondOpenedNeed checks that a pattern opened by such phrases ("@pm_phrase
// at|around $hour") is not tried where its first word stands before no
// second word ("at 5 p.m."), and still matches where it does.
func TestCondOpenedNeed(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	l := set.Languages["en"]
	x := NewIndex(l, l.Dates, l.Relative, l.Durations)
	for _, tc := range []struct {
		text string
		want bool // part-of-day-time-pm may be tried at the first token
	}{
		{"at 5 p.m. on Monday", false},
		{"at night at 9", true},
	} {
		toks := token.Scan(tc.text, nil)
		masks := x.Anchors(toks, nil)
		found := false
		for id, p := range x.pats {
			if p.ID != "part-of-day-time-pm" {
				continue
			}
			found = true
			need := x.need[id]
			var u uint64
			for _, m := range masks[:min(len(masks), x.width[id])] {
				u |= m
			}
			require.Equal(t, tc.want, u&need == need, "%q", tc.text)
		}
		require.True(t, found)
	}
}
