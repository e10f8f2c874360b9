package compare

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// table answers as a Go map does through puts, updates and filters that
// delete and change entries, across growth and shrinking; the key 0 and
// keys that share a home slot (small keys collide under few slots) are
// among them.
func TestTableAsMap(t *testing.T) {
	for _, keySpace := range []int{50, 5000, 1 << 40} {
		rng := rand.New(rand.NewSource(int64(keySpace)))
		var tb table
		ref := map[uint64]int32{}
		check := func(step int) {
			require.Equal(t, len(ref), tb.len(), "step %d", step)
			for k, v := range ref {
				got, ok := tb.get(k)
				require.True(t, ok, "key %d at step %d", k, step)
				require.Equal(t, v, got, "key %d at step %d", k, step)
			}
			seen := 0
			tb.filter(func(k uint64, v int32) (int32, bool) {
				require.Equal(t, ref[k], v)
				seen++
				return v, true
			})
			require.Equal(t, len(ref), seen, "filter visits every entry once, step %d", step)
		}
		for step := 0; step < 4000; step++ {
			switch r := rng.Intn(100); {
			case r < 80:
				k := uint64(rng.Int63n(int64(keySpace)))
				v := int32(rng.Intn(1000))
				tb.put(k, v)
				ref[k] = v
			case r < 95:
				k := uint64(rng.Int63n(int64(keySpace)))
				_, ok := tb.get(k)
				_, want := ref[k]
				require.Equal(t, want, ok)
			default:
				// Drop about three in four, change some of the rest: the
				// table shrinks when it is left mostly empty.
				cut := int32(rng.Intn(1000))
				tb.filter(func(k uint64, v int32) (int32, bool) {
					if v < cut*3/4+250 && v%4 != 0 {
						return 0, false
					}
					return v + 1, true
				})
				for k, v := range ref {
					if v < cut*3/4+250 && v%4 != 0 {
						delete(ref, k)
					} else {
						ref[k] = v + 1
					}
				}
				check(step)
			}
		}
		check(-1)
		tb.filter(func(uint64, int32) (int32, bool) { return 0, false })
		require.Equal(t, 0, tb.len())
		require.Equal(t, minTableSlots, len(tb.keys), "an emptied table shrinks to the least")
		_, ok := tb.get(0)
		require.False(t, ok)
	}
}
