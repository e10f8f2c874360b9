package compare

import "math/bits"

// table maps 64-bit hashes to int32s, for the copy window's shingle
// postings: hundreds of thousands of entries at once in a dense archive,
// most of them deleted again within days. A Go map spends 20 to 30 bytes
// an entry on them (16-byte slots, control bytes, room to grow) and keeps
// its largest size after deletes; this open-addressing table with linear
// probing keeps keys and values in two arrays (12 bytes an entry, at most
// 80% full), deletes by shifting the entries after it back (no
// tombstones), and shrinks when a filter leaves it mostly empty.
//
// The key 0 marks an empty slot; a real key 0 is held beside the arrays.
type table struct {
	keys    []uint64
	vals    []int32
	n       int // entries in the arrays
	shift   uint8
	hasZero bool
	zero    int32
}

// minTableSlots is the smallest table; a table is always a power of two.
const minTableSlots = 64

func (t *table) len() int {
	if t.hasZero {
		return t.n + 1
	}
	return t.n
}

// home is key k's preferred slot (Fibonacci hashing: the keys are hashes
// already, but a multiply spreads any that share low bits).
func (t *table) home(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> t.shift) }

func (t *table) get(k uint64) (int32, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// put sets k's value, adding k if absent.
func (t *table) put(k uint64, v int32) {
	if k == 0 {
		t.hasZero, t.zero = true, v
		return
	}
	if (t.n+1)*5 > len(t.keys)*4 { // keep at most 80% full
		t.resize(max(minTableSlots, 2*len(t.keys)))
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			t.vals[i] = v
			return
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return
		}
	}
}

// filter calls f for every entry, in no particular order, and keeps the
// entry with the value f returns, or deletes it when f says so. f must
// not use the table.
func (t *table) filter(f func(k uint64, v int32) (int32, bool)) {
	if t.hasZero {
		t.zero, t.hasZero = f(0, t.zero)
	}
	if t.n == 0 {
		return
	}
	mask := len(t.keys) - 1
	// Start after an empty slot, so that no run of full slots wraps past
	// the start: a deleted entry's followers then shift back only into
	// slots not yet visited or the one just visited, which is visited
	// again.
	start := 0
	for t.keys[start] != 0 {
		start++
	}
	for steps, i := 0, (start+1)&mask; steps < len(t.keys); {
		k := t.keys[i]
		if k == 0 {
			i, steps = (i+1)&mask, steps+1
			continue
		}
		v, keep := f(k, t.vals[i])
		if keep {
			t.vals[i] = v
			i, steps = (i+1)&mask, steps+1
			continue
		}
		t.deleteAt(i)
		// Slot i now holds the entry that followed, or is empty: it is
		// looked at again.
		if t.keys[i] == 0 {
			i, steps = (i+1)&mask, steps+1
		}
	}
	if len(t.keys) > minTableSlots && t.n*5 < len(t.keys) { // under 20% full
		t.resize(max(minTableSlots, 1<<bits.Len(uint(t.n*5/2))))
	}
}

// deleteAt empties slot i and shifts back the entries after it that
// would otherwise no longer be found from their home slot.
func (t *table) deleteAt(i int) {
	mask := len(t.keys) - 1
	t.n--
	for j := (i + 1) & mask; ; j = (j + 1) & mask {
		k := t.keys[j]
		if k == 0 {
			break
		}
		// k may move to i when i lies on its probe path: cyclically
		// between its home and j.
		if h := t.home(k); (j-h)&mask >= (j-i)&mask {
			t.keys[i], t.vals[i] = k, t.vals[j]
			i = j
		}
	}
	t.keys[i], t.vals[i] = 0, 0
}

func (t *table) resize(slots int) {
	old, oldVals := t.keys, t.vals
	t.keys, t.vals, t.n = make([]uint64, slots), make([]int32, slots), 0
	t.shift = uint8(64 - bits.TrailingZeros(uint(slots)))
	mask := slots - 1
	for j, k := range old {
		if k == 0 {
			continue
		}
		i := t.home(k)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = k, oldVals[j]
		t.n++
	}
}
