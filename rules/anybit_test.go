package rules

import "testing"

// TestAnyBit compares anyBit, which reads two masks a step, with a plain
// scan, for every length up to ten and the bit at every place (or none).
func TestAnyBit(t *testing.T) {
	const any = 1<<5 | 1<<40
	for n := 0; n <= 10; n++ {
		for at := -1; at < n; at++ {
			for _, bit := range []uint64{1 << 5, 1 << 40, 1 << 6} {
				ms := make([]uint64, n)
				for k := range ms {
					ms[k] = 1<<7 | lineBit // bits of other kinds
				}
				if at >= 0 {
					ms[at] |= bit
				}
				want := false
				for _, m := range ms {
					want = want || m&any != 0
				}
				if got := anyBit(ms, any); got != want {
					t.Fatalf("n %d, bit %#x at %d: got %v", n, bit, at, got)
				}
			}
		}
	}
}
