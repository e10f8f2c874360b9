package rules

import "github.com/crosscheck/crosscheck/claims/token"

// WordMap maps lower-case words to values and is looked up by token, using
// the hash token.Scan already computed (token.Token.Hash): a lookup reads
// a slot or two and compares numbers (see wordSlot), where a Go map hashes
// the string again and compares it. The tables looked up once or more per token (pattern
// anchors, language detection, phrase first words) use it.
//
// It is filled once and then only read, so any number of goroutines may
// look it up.
type WordMap[V any] struct {
	idx     wordIndex
	entries []wordEntry[V]
	// nums holds the entries by word number (token.Token.Word) once
	// Number has been called (numbered), so that a token a Vocab read
	// finds its entry by an index (RefNumbered) instead of a probe.
	nums     numTable
	numbered bool
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
	// slots hold each entry's tag and print (wordSlot), so that a probe
	// tells its word from every other in the slot it reads, with no
	// second array (of keys or prints) to load on a hit.
	slots []wordSlot
	keys  []string // by entry
}

// wordSlot is one slot of wordIndex. tag holds the entry's hash in its top
// 32 bits, its length class (lengthClass) in the next eight and its index
// in keys plus one in the low 24 (tag 0: empty, as no hash is 0); head
// and tail are its print (wordPrint).
//
// A lookup compares tag without the index, then the print: for a word of
// up to 16 bytes that settles it (the class is its length), and a longer
// one is compared as a string only when the hash, the class and its first
// and last eight bytes all agree.
type wordSlot struct {
	tag        uint64
	head, tail uint64
}

// minSlots is the size of a WordMap's first probe table. Most maps are
// small (the first words of the nine hundred phrase tables of the rules,
// most of a few words): at 16 slots of 24 bytes each they held 0.2 MB
// more than with 4, for no fewer probes at the same load.
const minSlots = 4

// Fields of wordSlot.tag below the hash.
const (
	tagIndexBits = 24
	tagIndexMask = 1<<tagIndexBits - 1
	maxEntries   = tagIndexMask // entries one WordMap can number
	longWord     = 17           // the length class of every word longer than 16 bytes
)

// lengthClass is the length of a word up to 16 bytes, longWord for longer.
func lengthClass(n int) uint64 { return uint64(min(n, longWord)) }

// tagOf is the tag of a word of hash h and length n, without its index.
func tagOf(h uint32, n int) uint64 { return uint64(h)<<32 | lengthClass(n)<<tagIndexBits }

// wordPrint is a word of up to 16 bytes in two numbers: its first and
// its last eight bytes (four, two or one for a shorter word), which
// overlap and so cover it. Two words of one length up to 16 bytes are
// equal when their prints are.
type wordPrint struct{ head, tail uint64 }

// printOf is w's wordPrint (of its first and last eight bytes when it is
// longer than 16).
func printOf(w string) wordPrint {
	switch n := len(w); {
	case n >= 8:
		return wordPrint{le64(w), le64(w[n-8:])}
	case n >= 4:
		return wordPrint{uint64(le32(w)), uint64(le32(w[n-4:]))}
	case n >= 2:
		return wordPrint{uint64(le16(w)), uint64(le16(w[n-2:]))}
	case n == 1:
		return wordPrint{uint64(w[0]), 0}
	}
	return wordPrint{}
}

// le64, le32 and le16 are w's first eight, four and two bytes read
// little-endian, which the compiler makes one load each.
func le64(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func le32(w string) uint32 {
	_ = w[3]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

func le16(w string) uint16 {
	_ = w[1]
	return uint16(w[0]) | uint16(w[1])<<8
}

// slotShift places a word of hash h at slot h>>slotShift (masked): bits
// that the filters in front of the tables (WordFilter, WideFilter) do not
// read, up to 4,096 slots. The filters pick their bit with a hash's top
// bits; slots picked by the same bits put every word that passed a filter
// without being in the table on the home slot of one that is, so that
// each such miss walked a run of occupied slots (four or more in the
// phrase tables) where it now mostly meets an empty one.
const slotShift = 5

// find returns the entry of word w, whose hash is h, or -1. It compares
// keys as strings, for building and as ref's reference in tests.
func (x *wordIndex) find(w string, h uint32) int {
	slots := x.slots
	if len(slots) == 0 {
		return -1
	}
	mask := uint32(len(slots) - 1)
	for i := h >> slotShift; ; i++ {
		sl := slots[i&mask]
		if sl.tag == 0 {
			return -1
		}
		if uint32(sl.tag>>32) == h {
			if k := int(sl.tag&tagIndexMask) - 1; x.keys[k] == w {
				return k
			}
		}
	}
}

// ref is find for the lookups of extraction, by token: the slot's tag
// and print settle a word of up to 16 bytes, with no call and no second
// array read. A longer word (rare in text) is looked up by refLong, whose
// string comparison, a call, made the loop save and reload its state
// around it when it was made here.
func (x *wordIndex) ref(t *token.Token) int {
	slots := x.slots
	if len(slots) == 0 {
		return -1
	}
	h, w := t.KeyHash(), t.Lower
	var p wordPrint // printOf(w), written out: it does not inline
	switch n := len(w); {
	case n > 16:
		return x.refLong(w, h)
	case n >= 8:
		p = wordPrint{le64(w), le64(w[n-8:])}
	case n >= 4:
		p = wordPrint{uint64(le32(w)), uint64(le32(w[n-4:]))}
	case n >= 2:
		p = wordPrint{uint64(le16(w)), uint64(le16(w[n-2:]))}
	case n == 1:
		p = wordPrint{uint64(w[0]), 0}
	}
	want := tagOf(h, len(w))
	mask := uint32(len(slots) - 1)
	for i := h >> slotShift; ; i++ {
		sl := &slots[i&mask]
		if sl.tag == 0 {
			return -1
		}
		if sl.tag&^tagIndexMask == want && sl.head == p.head && sl.tail == p.tail {
			return int(sl.tag&tagIndexMask) - 1
		}
	}
}

// refLong is ref for a word longer than 16 bytes, which it compares as a
// string where the tag and the print agree.
//
//go:noinline
func (x *wordIndex) refLong(w string, h uint32) int {
	want, p := tagOf(h, len(w)), printOf(w)
	mask := uint32(len(x.slots) - 1)
	for i := h >> slotShift; ; i++ {
		sl := &x.slots[i&mask]
		if sl.tag == 0 {
			return -1
		}
		if sl.tag&^tagIndexMask == want && sl.head == p.head && sl.tail == p.tail {
			if k := int(sl.tag&tagIndexMask) - 1; x.keys[k] == w {
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
	m.insert(w, h, v)
}

// insert adds w, whose hash is h and which the map does not hold, with
// value v.
func (m *WordMap[V]) insert(w string, h uint32, v V) {
	if len(m.entries) == maxEntries {
		panic("rules: WordMap: too many words")
	}
	if 2*(len(m.entries)+1) > len(m.idx.slots) {
		m.grow()
	}
	m.entries = append(m.entries, wordEntry[V]{key: w, hash: h, val: v})
	m.idx.keys = append(m.idx.keys, w)
	m.place(int32(len(m.entries)))
	if m.numbered {
		m.number(len(m.entries) - 1)
	}
}

// Number gives every word of the map, and every word Put adds later, its
// number in wordNums, for RefNumbered.
func (m *WordMap[V]) Number() {
	if m.numbered {
		return
	}
	m.numbered = true
	for k := range m.entries {
		m.number(k)
	}
}

// number records entry k by its word's number.
func (m *WordMap[V]) number(k int) {
	if n := wordNums.number(m.entries[k].key, m.entries[k].hash); n != 0 {
		m.nums.set(n, k)
	}
}

// RefNumbered is Ref at a token a Vocab numbered (token.Token.Word, not
// 0) in a map that Number numbered: an index into nums, where Ref hashed
// the word into the slots and compared it. A word the map holds has a
// number unless wordNums ran out of them, and then no token has it.
func (m *WordMap[V]) RefNumbered(t *token.Token) *V {
	if k := m.nums.entry(t.Word); k >= 0 {
		return &m.entries[k].val
	}
	return nil
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
	if v := m.Ref(t); v != nil {
		return *v, true
	}
	var zero V
	return zero, false
}

// Ref returns a pointer to the value of t's lower-case form, or nil: for
// values too large to copy per lookup. The value must not be written.
//
// It is one call (wordIndex.ref, which is not generic) and an index, so
// that it inlines: the generic method around the probe, with its
// dictionary, cost a third as much again as the probe.
func (m *WordMap[V]) Ref(t *token.Token) *V {
	if k := m.idx.ref(t); k >= 0 {
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
	for x.slots[i].tag != 0 {
		i = (i + 1) & mask
	}
	w := x.keys[k-1]
	p := printOf(w)
	x.slots[i] = wordSlot{tag: tagOf(h, len(w)) | uint64(k), head: p.head, tail: p.tail}
}

// reserve makes room for n words in an empty map, so that adding them
// does not grow it over and over.
func (m *WordMap[V]) reserve(n int) {
	m.idx.slots = make([]wordSlot, 2*n)
	m.entries = make([]wordEntry[V], 0, n)
	m.idx.keys = make([]string, 0, n)
}

// grow doubles the slots (at least minSlots) and places the entries again.
func (m *WordMap[V]) grow() {
	x := &m.idx
	n := max(minSlots, 2*len(x.slots))
	x.slots = make([]wordSlot, n)
	for k := range m.entries {
		m.place(int32(k + 1))
	}
}
