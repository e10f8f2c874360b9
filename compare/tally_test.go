package compare

import (
	"math/rand"
	"slices"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A tally counts, and keeps its own copy of each key: never the string it
// was given, which may be a slice of a whole text.
func TestTally(t *testing.T) {
	text := "Jakarta jakarta Jakarta Surabaya"
	tl := tally{}
	for _, w := range []string{text[0:7], text[16:23], text[24:32], text[0:7]} {
		tl.add(w)
	}
	require.Len(t, tl, 2)
	assert.EqualValues(t, 3, *tl["Jakarta"])
	assert.EqualValues(t, 1, *tl["Surabaya"])
	base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for k := range tl {
		p := uintptr(unsafe.Pointer(unsafe.StringData(k)))
		assert.False(t, p >= base && p < base+uintptr(len(text)), "key %q points into the text", k)
	}
	assert.Equal(t, map[string]int{"Jakarta": 3}, tl.atLeast(2))

	kw := tally{}
	var buf []byte
	for _, k := range []keyword{newKeyword(kwContent, "flood"), newKeyword(kwContent, "flood"), newKeyword(kwProper, "flood")} {
		buf = kw.addKeyword(k, buf)
	}
	assert.EqualValues(t, 2, *kw[string(newKeyword(kwContent, "flood").appendKey(nil))])
	assert.EqualValues(t, 1, *kw[string(newKeyword(kwProper, "flood").appendKey(nil))])
}

// shinglePostings answers as a map of slices does, through adds whose
// window moves on and trims.
func TestShinglePostings(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	p := newShinglePostings()
	ref := map[uint64][]int32{}
	day := map[int32]int{}
	for i := int32(0); i < 3000; i++ {
		today := int(i) / 40 // documents arrive in day order
		day[i] = today
		live := func(j int32) bool { return day[j] >= today-5 }
		for k := 0; k < 8; k++ {
			h := uint64(rng.Intn(400)) // shared often: postings of many documents
			l := ref[h]
			for len(l) > 0 && !live(l[0]) {
				l = l[1:]
			}
			want := slices.Clone(l)
			ref[h] = append(l, i)
			got := p.add(h, i, live)
			require.Equal(t, len(want), len(got), "shingle %d, document %d", h, i)
			if len(want) > 0 {
				require.Equal(t, want, got)
			}
		}
		if i%97 == 0 {
			p.trim(live)
			for h, l := range ref {
				for len(l) > 0 && !live(l[0]) {
					l = l[1:]
				}
				if len(l) == 0 {
					delete(ref, h)
				} else {
					ref[h] = l
				}
			}
			require.Equal(t, len(ref), p.one.len(), "after trimming at document %d", i)
		}
	}
}
