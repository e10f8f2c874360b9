package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestPhraseMatchMemo checks the remembered phrase matches of a search
// against Phrases.Match, asking every list of the language at tokens in a
// random order, so that entries are found, missed and replaced.
func TestPhraseMatchMemo(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	l := set.Languages["en"]
	var lists []*Phrases
	for _, name := range []string{"time_prep", "ampm", "tz", "date_prep", "range_to", "pm_phrase"} {
		require.Contains(t, l.lists, name)
		lists = append(lists, l.lists[name])
	}
	toks := token.Scan("at around 5 p.m. EST on March 3 at night, from 10 to 11 a.m. at about noon in the evening", nil)
	r := rand.New(rand.NewPCG(1, 2))
	var m numMemo
	for range 2000 {
		ph, i := lists[r.IntN(len(lists))], r.IntN(len(toks)+1)
		wantEnd, wantV, wantOK := ph.Match(toks, i)
		end, v, ok := m.phraseMatch(ph, toks, i)
		require.Equal(t, [3]any{wantEnd, wantV, wantOK}, [3]any{end, v, ok}, "token %d", i)
	}
	end, v, ok := m.phraseMatch(nil, toks, 0)
	require.Equal(t, [3]any{0, 0, false}, [3]any{end, v, ok}, "no list")
	var none *numMemo
	end, v, ok = none.phraseMatch(lists[0], toks, 0)
	wantEnd, wantV, wantOK := lists[0].Match(toks, 0)
	require.Equal(t, [3]any{wantEnd, wantV, wantOK}, [3]any{end, v, ok})
}
