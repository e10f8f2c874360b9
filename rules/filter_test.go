package rules

import (
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestFilterHashless: a token without a hash (not made by token.Scan)
// passes a filter that holds a word, as any of its words might be, and
// is turned away by one that holds none (the hashless bit, which May reads
// with no test of its own); scanned words keep their answers.
func TestFilterHashless(t *testing.T) {
	bare := &token.Token{Lower: "anything"}
	var narrow WordFilter
	var wide WideFilter
	require.False(t, narrow.May(bare))
	require.False(t, wide.May(bare))
	for i := range 200 {
		w := "w" + strconv.Itoa(i)
		narrow.Add(w)
		wide.Add(w)
		toks := token.Scan(w, nil)
		require.True(t, narrow.May(&toks[0]), w)
		require.True(t, wide.May(&toks[0]), w)
		require.True(t, narrow.May(bare))
		require.True(t, wide.May(bare))
	}
}

// TestLaneFilterOpens holds Phrases.AddOpens to MayOpen at every entry of
// a LaneFilter, for tables with a wide filter and without (fewer than
// wideFirsts first words), of one and several words, case-sensitive or
// not, and for an empty table: a lane is set exactly where its table's
// MayOpen holds for a hash of the entry's bits (MayOpen reads no lower
// ones), for a token without a hash too.
func TestLaneFilterOpens(t *testing.T) {
	words := func(n int) []string {
		var ws []string
		for k := range n {
			ws = append(ws, "w"+strconv.Itoa(k), "p"+strconv.Itoa(k)+" of the")
		}
		return ws
	}
	cases := []struct {
		name          string
		caseSensitive bool
		phrases       []string
		wide          bool
	}{
		{"empty", false, nil, false},
		{"few", false, []string{"meeting", "a meeting of", "of the vote"}, false},
		{"few names", true, []string{"North Korea", "Kim", "us"}, false},
		{"many", false, words(wideFirsts), true},
		{"many names", true, words(2 * wideFirsts), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ph := newPhrases(tc.caseSensitive)
			for k, s := range tc.phrases {
				ph.add(s, k)
			}
			require.Equal(t, tc.wide, ph.wide != nil)
			other := newPhrases(false)
			other.add("elsewhere", 0)
			var f LaneFilter
			ph.AddOpens(&f, 1<<2)
			other.AddOpens(&f, 1<<5)
			set := 0
			for x := range f {
				for _, h := range []uint32{uint32(x) << 17, uint32(x)<<17 | 1<<17 - 1} {
					tok := token.Token{Hash: h}
					if got, want := f.Lanes(&tok)&(1<<2) != 0, ph.MayOpen(&tok); got != want {
						t.Fatalf("hash %#x: lane %v, MayOpen %v", h, got, want)
					}
					require.Equal(t, other.MayOpen(&tok), f.Lanes(&tok)&(1<<5) != 0)
				}
				if f[x]&(1<<2) != 0 {
					set++
				}
			}
			if len(tc.phrases) == 0 {
				require.Zero(t, set)
			} else {
				require.Greater(t, set, 1) // its words' and hashless
			}
			bare := &token.Token{Lower: "anything"}
			require.Equal(t, len(tc.phrases) > 0, f.Lanes(bare)&(1<<2) != 0)
		})
	}
}
