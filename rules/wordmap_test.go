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
