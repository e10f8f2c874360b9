package segment

import (
	"strings"

	"gopkg.in/neurosnap/sentences.v1"
)

// orthoTable is punkt's OrthoContext read in place from the compact form:
// an open-addressing table of the byte offsets of its "key\tvalue\n" lines
// in the embedded text. OrthoContext holds some 20,000 words, and building
// a Go map of them was most of loading the model (7 M instructions of
// every run's start-up, a tenth of a run over one small file), while a
// whole news corpus asks it only a few thousand times (ortho). Filling
// this table reads each line once and allocates one slice.
//
// A table made from a map (orthoFromSet, the fallback from the library's
// JSON data) answers from the map.
type orthoTable struct {
	text string
	// slots holds, for a line whose key hashes to h (orthoHash), h in its
	// high 32 bits and the offset of the line in text plus one in its low
	// 32 bits, at the first free place from h's top bits; 0 is free.
	slots []uint64
	shift uint // 64 - log2(len(slots))
	n     int  // the number of keys
	set   sentences.SetString
}

// orthoFromSet is the table of a decoded set.
func orthoFromSet(set sentences.SetString) orthoTable {
	return orthoTable{set: set, n: len(set)}
}

// readOrtho reads n lines "key\tvalue\n" from the start of s (the body of
// the compact form's OrthoContext section) as decodeCompact reads a set's
// lines, and returns the table and what follows them; ok is false when a
// line is malformed or a key is given twice.
func readOrtho(s string, n int) (orthoTable, string, bool) {
	size := 8
	for size < 3*n {
		size *= 2
	}
	t := orthoTable{text: s, slots: make([]uint64, size), shift: uint(64 - log2(size)), n: n}
	pos := 0
	for range n {
		key, h, next := readOrthoLine(s[pos:])
		if next == 0 {
			return orthoTable{}, "", false
		}
		if !t.insert(key, h, pos) {
			return orthoTable{}, "", false // a key given twice
		}
		pos += next
	}
	t.text = s[:pos]
	return t, s[pos:], true
}

// readOrthoLine reads the line "key\tvalue\n" at the start of s as
// decodeCompact reads a line (the key up to the first tab; the value an
// optional minus and one to nine digits, as smallInt reads it) in one
// pass: its key, the key's hash (orthoHash) and the length of the line
// with its line break, 0 if the line is malformed.
func readOrthoLine(s string) (key string, h uint32, next int) {
	h = offset32
	tab := 0
	for ; tab < len(s); tab++ {
		c := s[tab]
		if c-'\t' < 2 { // '\t' or '\n'
			break
		}
		h = (h ^ uint32(c)) * prime32
	}
	if tab == len(s) || s[tab] != '\t' {
		return "", 0, 0
	}
	i := tab + 1
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := i
	for i < len(s) && s[i]-'0' < 10 {
		i++
	}
	if i == digits || i-digits > 9 || i == len(s) || s[i] != '\n' {
		return "", 0, 0
	}
	return s[:tab], finishOrtho(h), i + 1
}

// insert places the line at offset off, whose key is key with hash h;
// false if the key is there already.
func (t *orthoTable) insert(key string, h uint32, off int) bool {
	mask := len(t.slots) - 1
	for i := int(uint64(h) << 32 >> t.shift); ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			t.slots[i] = uint64(h)<<32 | uint64(off+1)
			return true
		}
		if uint32(v>>32) == h && t.keyAt(int(uint32(v))-1, key) {
			return false
		}
	}
}

// keyAt reports whether the line at offset off has key key.
func (t *orthoTable) keyAt(off int, key string) bool {
	end := off + len(key)
	return end < len(t.text) && t.text[end] == '\t' && t.text[off:end] == key
}

// get is OrthoContext[string(key)]: the key's value, or 0.
func (t *orthoTable) get(key []byte) int {
	if t.set != nil || t.slots == nil {
		return t.set[string(key)]
	}
	h := uint32(offset32)
	for _, c := range key {
		h = (h ^ uint32(c)) * prime32
	}
	h = finishOrtho(h) // as readOrthoLine hashes a key
	mask := len(t.slots) - 1
	for i := int(uint64(h) << 32 >> t.shift); ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			return 0
		}
		if uint32(v>>32) != h {
			continue
		}
		// keyAt, but comparing key to the text directly: passing
		// string(key) to keyAt would copy it.
		off := int(uint32(v)) - 1
		if end := off + len(key); end < len(t.text) && t.text[end] == '\t' && t.text[off:end] == string(key) {
			return t.valueAt(end + 1)
		}
	}
}

// valueAt reads the value that starts at offset i: an optional minus and
// digits up to a line break, as readOrthoLine checked (a value is a few
// bytes, fewer than a call to find its end would cost).
func (t *orthoTable) valueAt(i int) int {
	s := t.text[i:]
	neg := s[0] == '-'
	k, v := 0, 0
	if neg {
		k = 1
	}
	for ; k < len(s) && s[k] != '\n'; k++ {
		v = v*10 + int(s[k]-'0')
	}
	if neg {
		return -v
	}
	return v
}

// toSet is the table as a map: what the library's Storage holds.
func (t *orthoTable) toSet() sentences.SetString {
	if t.set != nil || t.slots == nil {
		return t.set
	}
	set := make(sentences.SetString, t.n)
	for _, v := range t.slots {
		if v != 0 {
			off := int(uint32(v)) - 1
			tab := off + strings.IndexByte(t.text[off:], '\t')
			set[t.text[off:tab]] = t.valueAt(tab + 1)
		}
	}
	return set
}

// FNV-1a's 32-bit parameters.
const (
	offset32 = 2166136261
	prime32  = 16777619
)

// finishOrtho mixes an FNV-1a state so that its top bits, which place a
// key in the table, depend on every byte.
func finishOrtho(h uint32) uint32 { return h * 0x9E3779B1 }

// log2 is the base-2 logarithm of a power of two.
func log2(n int) int {
	k := 0
	for n > 1 {
		n >>= 1
		k++
	}
	return k
}
