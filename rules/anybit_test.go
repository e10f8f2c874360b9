package rules

import (
	"math/rand"
	"testing"
)

// TestAnyBit compares anyBit, which reads two masks a step, with a plain
// scan, for every even length up to ten and the bit at every place (or
// none).
func TestAnyBit(t *testing.T) {
	const any = 1<<5 | 1<<40
	for n := 0; n <= 10; n += 2 {
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

// TestNearAhead compares nearAhead, which reads the masks in pairs from
// the one before ahead when their number is odd, with a plain scan from
// ahead, on random masks laid out as AnchorsRead leaves them: the masks
// before token i still zero, those between i and ahead without anchor
// bits, line starts anywhere after i.
func TestNearAhead(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const n = 24
	for round := 0; round < 20000; round++ {
		masks := make([]uint64, n)
		i := r.Intn(n)
		ahead := i + 1 + r.Intn(n-i)
		stop := ahead + r.Intn(n+1-ahead)
		for j := ahead; j < n; j++ {
			masks[j] = uint64(r.Intn(8)) << uint(r.Intn(62)) // anchor bits or none
			if r.Intn(3) == 0 {
				masks[j] |= startBit
			}
		}
		for j := i + 1; j < n; j++ {
			if j == stop || r.Intn(8) == 0 && j < ahead {
				masks[j] |= lineBit
			}
		}
		c := &candList{any: uint64(r.Intn(1<<6)) << uint(r.Intn(56)), reach: r.Intn(n), open: r.Intn(20) == 0}
		m := uint64(r.Intn(4)) << uint(r.Intn(62))
		want := c.open || m&c.any != 0
		for j := ahead; j < min(i+1+c.reach, stop); j++ {
			want = want || masks[j]&c.any != 0
		}
		if got := nearAhead(masks, i+1, m, c, ahead, stop); got != want {
			t.Fatalf("round %d: i %d ahead %d stop %d reach %d any %#x: got %v", round, i, ahead, stop, c.reach, c.any, got)
		}
	}
}
