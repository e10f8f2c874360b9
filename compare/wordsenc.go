package compare

import (
	"encoding/binary"
	"errors"
	"math"
)

// The grouping words of one document (docWords: keywords, sampled
// shingles, the lead's anchors with its figures) in a compact binary form,
// so that an archive run reads them back for the window (Stream.Run)
// instead of analysing the text a second time. Keyword hashes are not
// stored: newKeyword recomputes them from class and word.

func (w *docWords) encode() []byte {
	b := make([]byte, 0, 64+9*len(w.shingles)+16*len(w.keywords))
	b = binary.AppendUvarint(b, uint64(len(w.keywords)))
	for _, k := range w.keywords {
		b = append(b, k.class)
		b = appendString(b, k.word)
	}
	b = binary.AppendUvarint(b, uint64(len(w.shingles)))
	for _, h := range w.shingles {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	l := &w.lead
	b = binary.AppendVarint(b, int64(l.end))
	b = binary.AppendVarint(b, int64(l.titleEnd))
	b = append(b, l.weekdays)
	b = binary.AppendUvarint(b, uint64(len(l.names)))
	for i, n := range l.names {
		b = appendString(b, n)
		g := byte(0)
		if i < len(l.general) && l.general[i] {
			g = 1
		}
		b = append(b, g)
	}
	b = binary.AppendUvarint(b, uint64(len(l.years)))
	for _, y := range l.years {
		b = binary.AppendVarint(b, int64(y))
	}
	b = binary.AppendUvarint(b, uint64(len(l.mags)))
	for _, m := range l.mags {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m))
	}
	b = binary.AppendUvarint(b, uint64(len(l.money)))
	for _, f := range l.money {
		b = appendString(b, f.unit)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.value))
	}
	if l.all == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendUvarint(b, uint64(len(l.all)))
		for _, n := range l.all { // in their order, which decoding keeps
			b = appendString(b, n)
			b = append(b, 1) // in the set (the byte the map form wrote)
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errWords = errors.New("grouping words: truncated or corrupt record")

// wordsReader decodes what encode wrote; the first error sticks.
type wordsReader struct {
	b   []byte
	err error
}

func (r *wordsReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errWords, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wordsReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errWords, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wordsReader) byte1() byte {
	if len(r.b) < 1 {
		r.err = errWords
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *wordsReader) u64() uint64 {
	if len(r.b) < 8 {
		r.err, r.b = errWords, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *wordsReader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err, r.b = errWords, nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads a length, refusing one larger than the bytes left could
// hold (each element takes at least min bytes).
func (r *wordsReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/min) {
		r.err, r.b = errWords, nil
		return 0
	}
	return int(n)
}

func decodeWords(b []byte) (docWords, error) {
	r := &wordsReader{b: b}
	var w docWords
	nk := r.count(2)
	if nk > 0 {
		w.keywords = make([]keyword, 0, nk)
	}
	for i := 0; i < nk && r.err == nil; i++ {
		class := r.byte1()
		w.keywords = append(w.keywords, newKeyword(class, r.str()))
	}
	ns := r.count(8)
	if ns > 0 {
		w.shingles = make([]uint64, ns)
	}
	for i := 0; i < ns && r.err == nil; i++ {
		w.shingles[i] = r.u64()
	}
	l := &w.lead
	l.end = int(r.varint())
	l.titleEnd = int(r.varint())
	l.weekdays = r.byte1()
	nn := r.count(2)
	for i := 0; i < nn && r.err == nil; i++ {
		l.names = append(l.names, r.str())
		l.general = append(l.general, r.byte1() == 1)
	}
	ny := r.count(1)
	for i := 0; i < ny && r.err == nil; i++ {
		l.years = append(l.years, int(r.varint()))
	}
	nm := r.count(8)
	for i := 0; i < nm && r.err == nil; i++ {
		l.mags = append(l.mags, math.Float64frombits(r.u64()))
	}
	nf := r.count(9)
	for i := 0; i < nf && r.err == nil; i++ {
		unit := r.str()
		l.money = append(l.money, figure{unit: unit, value: math.Float64frombits(r.u64())})
	}
	if r.byte1() == 1 {
		na := r.count(2)
		l.all = make([]string, 0, na)
		for i := 0; i < na && r.err == nil; i++ {
			n := r.str()
			if r.byte1() == 1 {
				l.all = append(l.all, n)
			}
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errWords
	}
	return w, r.err
}
