package rules

import (
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestWordMap checks WordMap against a Go map over enough words to grow it
// several times, looking up by scanned token (with its hash) and by a
// token built by hand (without one).
func TestWordMap(t *testing.T) {
	var m WordMap[int]
	want := map[string]int{}
	for i := range 5000 {
		w := "w" + strconv.Itoa(i*7919)
		m.Put(w, i)
		want[w] = i
	}
	m.Put("w0", -1) // overwrite
	want["w0"] = -1
	require.Equal(t, len(want), m.Len())
	for w, v := range want {
		toks := token.Scan(w, nil)
		require.Len(t, toks, 1, w)
		got, ok := m.Get(&toks[0])
		require.True(t, ok, w)
		require.Equal(t, v, got, w)
		got, ok = m.Get(&token.Token{Lower: w})
		require.True(t, ok, w)
		require.Equal(t, v, got, w)
	}
	for _, w := range []string{"", "x", "w1", "w7918", "nothing"} {
		_, ok := m.Get(&token.Token{Lower: w})
		require.False(t, ok, w)
	}
	*m.Ptr("fresh") += 5
	got, ok := m.Get(&token.Token{Lower: "fresh"})
	require.True(t, ok)
	require.Equal(t, 5, got)
	n := 0
	m.Each(func(string, int) { n++ })
	require.Equal(t, m.Len(), n)
	var empty WordMap[int]
	_, ok = empty.Get(&token.Token{Lower: "a"})
	require.False(t, ok)
}

// TestWideFilter: a word added is always found (no false negatives), by
// scanned token and by a token without a hash, and most words not added
// are turned away.
func TestWideFilter(t *testing.T) {
	var f WideFilter
	for i := range 1000 {
		f.Add("w" + strconv.Itoa(i))
	}
	for i := range 1000 {
		w := "w" + strconv.Itoa(i)
		toks := token.Scan(w, nil)
		require.True(t, f.May(&toks[0]), w)
		require.True(t, f.May(&token.Token{Lower: w}), w)
	}
	passed := 0
	for i := range 10000 {
		toks := token.Scan("x"+strconv.Itoa(i), nil)
		if f.May(&toks[0]) {
			passed++
		}
	}
	require.Less(t, passed, 1000, "false positives")
}

// TestWordMapRefSameHash looks up words that share a key's hash and length
// but differ from it in one byte, at every position of keys from one to 40
// bytes: Ref compares such a key by its print (up to 16 bytes) or as a
// string, and must tell them apart as find, which compares strings, does.
func TestWordMapRefSameHash(t *testing.T) {
	var m WordMap[int]
	var keys []string
	for n := 1; n <= 40; n++ {
		w := ""
		for k := range n {
			w += string(rune('a' + (k*7+n)%26))
		}
		keys = append(keys, w)
		m.Put(w, n)
	}
	for _, w := range keys {
		h := token.HashString(w)
		v := m.Ref(&token.Token{Lower: w, Hash: h})
		require.NotNil(t, v, w)
		require.Equal(t, len(w), *v, w)
		for k := range len(w) {
			other := w[:k] + "#" + w[k+1:]
			require.Nil(t, m.Ref(&token.Token{Lower: other, Hash: h}), "%q for %q", other, w)
			require.Equal(t, -1, m.idx.find(other, h), "%q for %q", other, w)
		}
		require.Nil(t, m.Ref(&token.Token{Lower: w + "x", Hash: h}), w)
		if len(w) > 1 {
			require.Nil(t, m.Ref(&token.Token{Lower: w[1:], Hash: h}), w)
		}
	}
}

// TestWordMapRefLongLengths: words longer than 16 bytes of one length
// class, hash and print (first and last eight bytes) but of different
// lengths or middles are told apart (ref's sameMiddle).
func TestWordMapRefLongLengths(t *testing.T) {
	var m WordMap[int]
	keys := []string{"abcdefgh" + "x" + "ijklmnop", "abcdefgh" + "xyz" + "ijklmnop", "abcdefgh" + "xyzw" + "ijklmnop"}
	for i, k := range keys {
		m.Put(k, i)
	}
	for i, k := range keys {
		h := token.HashString(k)
		for j, other := range keys {
			got := m.Ref(&token.Token{Lower: other, Hash: h})
			if i == j {
				require.NotNil(t, got, k)
				require.Equal(t, i, *got, k)
			} else {
				require.Nil(t, got, "%q with the hash of %q", other, k)
			}
		}
		for _, other := range []string{"abcdefgh" + "y" + "ijklmnop", "abcdefgh" + "xyy" + "ijklmnop", "abcdefgh" + "xyzwv" + "ijklmnop"} {
			require.Nil(t, m.Ref(&token.Token{Lower: other, Hash: h}), "%q with the hash of %q", other, k)
		}
	}
}

// TestPrintOf: two words of one length up to 16 bytes have the same print
// only when they are equal; a word's print does not depend on what its
// string is sliced from.
func TestPrintOf(t *testing.T) {
	const text = "the quick brown fox jumps over the lazy dog"
	for n := 0; n <= 16; n++ {
		seen := map[wordPrint]string{}
		for i := 0; i+n <= len(text); i++ {
			w := text[i : i+n]
			p := printOf(w)
			require.Equal(t, p, printOf(string([]byte(w))), w)
			if prev, ok := seen[p]; ok {
				require.Equal(t, prev, w, "same print")
			}
			seen[p] = w
		}
	}
}

// FuzzWordMapRef checks Ref against a Go map for arbitrary keys and words,
// looked up with their own hash and with a key's.
//
//	go test ./rules -run=^$ -fuzz=FuzzWordMapRef -fuzztime=1m
func FuzzWordMapRef(f *testing.F) {
	f.Add("the of in kedua", "the", "of")
	f.Add("abcdefghijklmnopq abcdefghijklmnopr", "abcdefghijklmnopq", "abcdefghijklmnopz")
	f.Add("a bb ccc dddd eeeee", "bb", "b")
	f.Fuzz(func(t *testing.T, keys, w, other string) {
		var m WordMap[int]
		want := map[string]int{}
		for i, k := range token.Scan(keys, nil) {
			m.Put(k.Lower, i)
			want[k.Lower] = i
		}
		// check looks w up with the hash of word of: a word is found
		// by its own hash only (0: Ref computes it).
		check := func(w, of string, h uint32) {
			v, ok := want[w]
			ok = ok && (h == 0 || h == token.HashString(w))
			got := m.Ref(&token.Token{Lower: w, Hash: h})
			if ok != (got != nil) || ok && *got != v {
				t.Fatalf("%q (hash of %q): got %v, want %v %v", w, of, got, v, ok)
			}
		}
		check(w, w, token.HashString(w))
		check(other, other, token.HashString(other))
		check(other, w, token.HashString(w))
		for k := range want {
			check(other, k, token.HashString(k))
			check(k, k, 0)
		}
	})
}
