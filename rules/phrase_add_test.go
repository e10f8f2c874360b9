package rules

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendLongestFirst holds the insertion to what it replaced: append,
// then a stable sort longest first.
func TestAppendLongestFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var got, want []phrase
		for k := 0; k < r.IntN(12); k++ {
			ph := phrase{words: make([]string, 1+r.IntN(4)), value: k}
			got = appendLongestFirst(got, ph)
			want = append(want, ph)
			sort.SliceStable(want, func(i, j int) bool { return len(want[i].words) > len(want[j].words) })
		}
		require.Equal(t, want, got)
	}
}
