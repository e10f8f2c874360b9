package extract

import (
	"math/rand/v2"
	"testing"
)

// TestNextStart: the eight-at-a-time search for the furniture's next start
// answers what MayStart asked of each token does, from every token, on
// masks with random bits (starts among them) scattered, packed and absent.
func TestNextStart(t *testing.T) {
	idx := engineForTest(t).langs["en"].built().furniture
	reference := func(masks []uint64, i int) int {
		for ; i < len(masks) && !idx.MayStart(masks, i); i++ {
		}
		return i
	}
	r := rand.New(rand.NewPCG(14, 2))
	for _, per := range []int{0, 1, 3, 9, 40} { // a bit in per (0: none)
		for n := 0; n < 50; n++ {
			masks := make([]uint64, n)
			for i := range masks {
				for b := 0; per > 0 && b < 64; b++ {
					if r.IntN(per*8) == 0 {
						masks[i] |= 1 << b
					}
				}
			}
			for i := 0; i <= n; i++ {
				if got, want := nextStart(idx, masks, i), reference(masks, i); got != want {
					t.Fatalf("per=%d n=%d from %d: got %d, want %d", per, n, i, got, want)
				}
			}
		}
	}
}
