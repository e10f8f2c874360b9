package compare

import (
	"hash/maphash"
	"math"
)

// tally counts strings over a whole archive (keywords, lead names): their
// number grows with the archive's vocabulary, 140,000 names and more at
// 40,000 generated articles. It keeps one copy of each distinct string,
// packed end to end in one arena, and nothing of the strings it is given
// (a name may be a slice of a whole text, or of the lower-case words
// token.Scan packs into shared blocks); an open-addressing table of entry
// numbers finds them. Per distinct string it costs the string's bytes and
// about 14 bytes; a map[string]*int32 cost about 70, and a map[string]int
// would keep the caller's string (assigning to a key already present
// stores the new key string).
type tally struct {
	seed   maphash.Seed
	arena  []byte   // the distinct strings, in the order first counted
	starts []uint32 // per entry: where its string starts in arena (it ends where the next starts)
	counts []int32
	slots  []uint32 // entry number + 1; 0 is an empty slot
}

func newTally() *tally { return &tally{seed: maphash.MakeSeed()} }

func (t *tally) len() int { return len(t.counts) }

// key returns entry i's string, as bytes of the arena.
func (t *tally) key(i int) []byte {
	end := len(t.arena)
	if i+1 < len(t.starts) {
		end = int(t.starts[i+1])
	}
	return t.arena[t.starts[i]:end]
}

// find returns k's entry, or the empty slot where it would go.
func (t *tally) find(k []byte) (entry int, slot int) {
	if len(t.slots) == 0 {
		return -1, -1
	}
	mask := len(t.slots) - 1
	for i := int(maphash.Bytes(t.seed, k)) & mask; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			return -1, i
		}
		if string(t.key(int(e-1))) == string(k) { // no allocation: a comparison
			return int(e - 1), i
		}
	}
}

// addBytes counts k once.
func (t *tally) addBytes(k []byte) {
	e, slot := t.find(k)
	if e >= 0 {
		if t.counts[e] < math.MaxInt32 {
			t.counts[e]++
		}
		return
	}
	if (len(t.counts)+1)*4 > len(t.slots)*3 { // keep at most 75% full
		t.grow()
		_, slot = t.find(k)
	}
	if len(t.arena)+len(k) > math.MaxUint32 {
		panic("compare: tally arena over 4 GB")
	}
	t.starts = append(t.starts, uint32(len(t.arena)))
	t.arena = append(t.arena, k...)
	t.counts = append(t.counts, 1)
	t.slots[slot] = uint32(len(t.counts))
}

// add counts k once.
func (t *tally) add(k string) { t.addBytes([]byte(k)) }

func (t *tally) grow() {
	t.slots = make([]uint32, max(64, 2*len(t.slots)))
	mask := len(t.slots) - 1
	for e := range t.counts {
		i := int(maphash.Bytes(t.seed, t.key(e))) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint32(e + 1)
	}
}

// addKeyword counts keyword w under its class, keyed as keyword.appendKey
// spells it; buf is scratch space, returned for the next call.
func (t *tally) addKeyword(w keyword, buf []byte) []byte {
	buf = w.appendKey(buf[:0])
	t.addBytes(buf)
	return buf
}

// count returns k's count (0 when never counted).
func (t *tally) count(k string) int32 {
	e, _ := t.find([]byte(k))
	if e < 0 {
		return 0
	}
	return t.counts[e]
}

// each calls f with every distinct string, as bytes valid only during the
// call, and its count, in the order first counted.
func (t *tally) each(f func(k []byte, c int32)) {
	for e, c := range t.counts {
		f(t.key(e), c)
	}
}

// atLeast returns the counts of min or more as a map of ints (what
// regroup's veto reads: it asks only whether a name is in two documents or
// more, and most names are in one).
func (t *tally) atLeast(min int32) map[string]int {
	m := map[string]int{}
	t.each(func(k []byte, c int32) {
		if c >= min {
			m[string(k)] = int(c)
		}
	})
	return m
}
