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
	tl := newTally()
	for _, w := range []string{text[0:7], text[16:23], text[24:32], text[0:7]} {
		tl.add(w)
	}
	require.Equal(t, 2, tl.len())
	assert.EqualValues(t, 3, tl.count("Jakarta"))
	assert.EqualValues(t, 1, tl.count("Surabaya"))
	assert.EqualValues(t, 0, tl.count("jakarta"))
	base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	tl.each(func(k []byte, _ int32) {
		p := uintptr(unsafe.Pointer(unsafe.SliceData(k)))
		assert.False(t, p >= base && p < base+uintptr(len(text)), "key %q points into the text", k)
	})
	assert.Equal(t, map[string]int{"Jakarta": 3}, tl.atLeast(2))

	kw := newTally()
	var buf []byte
	for _, k := range []keyword{newKeyword(kwContent, "flood"), newKeyword(kwContent, "flood"), newKeyword(kwProper, "flood")} {
		buf = kw.addKeyword(k, buf)
	}
	assert.EqualValues(t, 2, kw.count(string(newKeyword(kwContent, "flood").appendKey(nil))))
	assert.EqualValues(t, 1, kw.count(string(newKeyword(kwProper, "flood").appendKey(nil))))
}

// A tally counts as a map does, over many keys (growing its table many
// times), keys that are prefixes of each other and the empty string, and
// lists them in the order first counted.
func TestTallyAsMap(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	tl := newTally()
	ref := map[string]int32{}
	var order []string
	for i := 0; i < 50000; i++ {
		n := rng.Intn(12)
		if rng.Intn(4) == 0 {
			n = rng.Intn(3)
		}
		b := make([]byte, n)
		for j := range b {
			b[j] = byte('a' + rng.Intn(3))
		}
		k := string(b)
		if _, ok := ref[k]; !ok {
			order = append(order, k)
		}
		ref[k]++
		tl.add(k)
	}
	require.Equal(t, len(ref), tl.len())
	var got []string
	tl.each(func(k []byte, c int32) {
		got = append(got, string(k))
		require.Equal(t, ref[string(k)], c, "key %q", k)
	})
	assert.Equal(t, order, got)
	for k, c := range ref {
		require.Equal(t, c, tl.count(k), "key %q", k)
	}
}

// shinglePostings answers as a map of slices does, through adds whose
// window moves on and trims.
func TestShinglePostings(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var p shinglePostings
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
