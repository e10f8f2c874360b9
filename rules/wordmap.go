package rules

import "github.com/crosscheck/crosscheck/claims/token"

// WordMap maps lower-case words to values and is looked up by token, using
// the hash token.Scan already computed (token.Token.Hash): a lookup is a
// probe and, on a hit, one string comparison, where a Go map hashes the
// string again. The tables looked up once or more per token (pattern
// anchors, language detection, phrase first words) use it.
//
// It is filled once and then only read, so any number of goroutines may
// look it up.
type WordMap[V any] struct {
	idx     wordIndex
	entries []wordEntry[V]
}

type wordEntry[V any] struct {
	key  string
	hash uint32
	val  V
}

// wordIndex is WordMap's probe structure, apart from the values so that
// it is not generic: a generic method is compiled once per shape of V and
// reaches its type's details through a dictionary, which kept the probe,
// run several times per token, from being inlined or called directly.
type wordIndex struct {
	// slots hold an entry's hash in their top half and its index in
	// keys plus one in the bottom half (0: empty), so that a probe
	// passes over another word's slot without reading its key.
	slots []uint64
	keys  []string // by entry
}

// slotShift places a word of hash h at slot h>>slotShift (masked): bits
// that the filters in front of the tables (WordFilter, WideFilter) do not
// read, up to 4,096 slots. The filters pick their bit with a hash's top
// bits; slots picked by the same bits put every word that passed a filter
// without being in the table on the home slot of one that is, so that
// each such miss walked a run of occupied slots (four or more in the
// phrase tables) where it now mostly meets an empty one.
const slotShift = 5

// find returns the entry of word w, whose hash is h, or -1.
func (x *wordIndex) find(w string, h uint32) int {
	slots := x.slots
	if len(slots) == 0 {
		return -1
	}
	mask := uint32(len(slots) - 1)
	for i := h >> slotShift; ; i++ {
		sl := slots[i&mask]
		if sl == 0 {
			return -1
		}
		if uint32(sl>>32) == h {
			if k := int(uint32(sl)) - 1; x.keys[k] == w {
				return k
			}
		}
	}
}

// Len is the number of words in the map.
func (m *WordMap[V]) Len() int { return len(m.entries) }

// Put sets the value of lower-case word w.
func (m *WordMap[V]) Put(w string, v V) {
	h := token.HashString(w)
	if i, ok := m.find(w, h); ok {
		m.entries[i].val = v
		return
	}
	if 2*(len(m.entries)+1) > len(m.idx.slots) {
		m.grow()
	}
	m.entries = append(m.entries, wordEntry[V]{key: w, hash: h, val: v})
	m.idx.keys = append(m.idx.keys, w)
	m.place(int32(len(m.entries)))
}

// Ptr returns a pointer to w's value, adding w with the zero value if it is
// missing, for building values in place.
func (m *WordMap[V]) Ptr(w string) *V {
	h := token.HashString(w)
	i, ok := m.find(w, h)
	if !ok {
		var zero V
		m.Put(w, zero)
		i, _ = m.find(w, h)
	}
	return &m.entries[i].val
}

// Get returns the value of t's lower-case form.
func (m *WordMap[V]) Get(t *token.Token) (V, bool) {
	h := t.Hash
	if h == 0 {
		h = token.HashString(t.Lower)
	}
	if k := m.idx.find(t.Lower, h); k >= 0 {
		return m.entries[k].val, true
	}
	var zero V
	return zero, false
}

// Ref returns a pointer to the value of t's lower-case form, or nil: for
// values too large to copy per lookup. The value must not be written.
func (m *WordMap[V]) Ref(t *token.Token) *V {
	h := t.Hash
	if h == 0 {
		h = token.HashString(t.Lower)
	}
	if k := m.idx.find(t.Lower, h); k >= 0 {
		return &m.entries[k].val
	}
	return nil
}

// Each calls f with every word and its value, in the order they were added.
func (m *WordMap[V]) Each(f func(w string, v V)) {
	for _, e := range m.entries {
		f(e.key, e.val)
	}
}

func (m *WordMap[V]) find(w string, h uint32) (int, bool) {
	k := m.idx.find(w, h)
	return k, k >= 0
}

// place puts entry k (plus one) in the first free slot of its probe run.
func (m *WordMap[V]) place(k int32) {
	x := &m.idx
	mask := uint32(len(x.slots) - 1)
	h := m.entries[k-1].hash
	i := h >> slotShift & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = uint64(h)<<32 | uint64(uint32(k))
}

// grow doubles the slots (at least 16) and places the entries again.
func (m *WordMap[V]) grow() {
	x := &m.idx
	n := max(16, 2*len(x.slots))
	x.slots = make([]uint64, n)
	for k := range m.entries {
		m.place(int32(k + 1))
	}
}
