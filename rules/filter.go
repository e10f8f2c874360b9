package rules

import "github.com/crosscheck/crosscheck/claims/token"

// WordFilter is a 4096-bit set of token hashes (token.Token.Hash): a table
// that holds a few dozen words answers "not here" for almost every other
// word with one bit test, before any string hashing or map probe. It has
// false positives (then the map decides) and never false negatives.
//
// Most of the extraction time used to go to map lookups that miss: every
// token was looked up in month, weekday, number-word, phrase and pattern
// tables although news text names few of them.
type WordFilter [64]uint64

func filterBit(h uint32) (int, uint64) {
	k := (h * 0x9E3779B1) >> 20 // the top 12 bits of a Fibonacci hash
	return int(k >> 6), 1 << (k & 63)
}

// Add puts the lower-case word w in the set.
func (f *WordFilter) Add(w string) {
	i, b := filterBit(token.HashString(w))
	f[i] |= b
}

// addKeys puts every key of a word-keyed map in the set.
func addKeys[V any](f *WordFilter, m map[string]V) {
	for w := range m {
		f.Add(w)
	}
}

// May reports whether t's lower-case form may be in the set.
func (f *WordFilter) May(t *token.Token) bool {
	i, b := filterBit(t.KeyHash())
	return f[i]&b != 0
}
