package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLinkLive checks that linkLive links exactly the words with a bit of
// any, each to the one before it, and clears the other masks, whatever
// the buffer held.
func TestLinkLive(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 300 {
		n := r.IntN(40)
		words := make([]uint64, n)
		for i := range words {
			words[i] = uint64(r.IntN(4)) << uint(r.IntN(3)*20)
		}
		any := uint64(1)<<20 | 1
		masks := usedBuffer(n)
		last := linkLive(words, any, masks)
		var want []int // the linked tokens, from the last
		for i := n - 1; i >= 0; i-- {
			if words[i]&any != 0 {
				want = append(want, i)
			} else {
				require.Zero(t, masks[i], "token %d of %v", i, words)
			}
		}
		var got []int
		for i := last - 1; i >= 0; i = int(masks[i]) - 1 {
			got = append(got, i)
		}
		require.Equal(t, want, got, "%v", words)
	}
}
