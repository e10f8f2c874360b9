package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMaskWindow checks the unions a search's window fills, a block of
// masks at a time between line starts, against a plain loop over the
// masks (without their line bits, which the window leaves out): for
// random masks and line starts, starting tokens and sequences of reaches.
func TestMaskWindow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		n := 1 + r.IntN(120)
		masks := make([]uint64, n)
		for k := range masks {
			masks[k] = r.Uint64() &^ (startBit | lineBit) & (1<<r.IntN(8) | 1<<r.IntN(8))
			if r.IntN(12) == 0 {
				masks[k] |= lineBit
			}
			if r.IntN(5) == 0 {
				masks[k] |= startBit
			}
		}
		i := r.IntN(n)
		lim := n - i
		if r.IntN(4) == 0 {
			lim = max(1, lim-r.IntN(3)) // masks longer than the tokens
		}
		var w maskWindow
		w.start(masks, i, lim)
		for range 1 + r.IntN(6) {
			reach := r.IntN(windowMax)
			require.Equal(t, windowUnion(masks, i, lim, reach), w.upTo(reach), "masks %x from %d reach %d", masks, i, reach)
		}
	}
}

// windowUnion is the reference: the union of the masks from token i over
// reach+1 tokens, stopping before a line's first token (other than i's)
// and at lim tokens, without lineBit.
func windowUnion(masks []uint64, i, lim, reach int) uint64 {
	var u uint64
	for k := 0; k <= reach && k < lim; k++ {
		if k > 0 && masks[i+k]&lineBit != 0 {
			break
		}
		u |= masks[i+k]
	}
	return u &^ lineBit
}
