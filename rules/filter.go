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

// Add puts the lower-case word w in the set: the top six bits of its hash
// (which token.HashString mixes well) pick the word of the set, the next
// six the bit. It also sets the bit of hash 0 (see May).
func (f *WordFilter) Add(w string) {
	h := token.HashString(w)
	f[h>>26] |= 1 << (h >> 20 & 63)
	f[0] |= hashless
}

// hashless is the bit that a token without a hash (token.Token.Hash 0,
// not made by token.Scan) reads in word 0 of a filter: Add sets it in
// every filter that holds a word, so that May passes such a token with no
// test of its own (a compare and a branch at each of the ten million or so
// filter tests of a run), and a filter that holds none turns it away, as
// it would any word. A scanned word whose hash reads the same bit (one in
// 4,096; one in 32,768 for a WideFilter) is a false positive, which the
// table behind the filter settles.
const hashless = 1

// addKeys puts every key of a word-keyed map in the set.
func addKeys[V any](f *WordFilter, m map[string]V) { eachKey(m, f.Add) }

// eachKey calls f with every key of a word-keyed map.
func eachKey[V any](m map[string]V, f func(string)) {
	for w := range m {
		f(w)
	}
}

// May reports whether t's lower-case form may be in the set. It is
// called several times per token, so it is written to inline; the bit is
// the one Add sets. A token without a hash (not made by token.Scan) may
// be any word the set holds (see hashless).
func (f *WordFilter) May(t *token.Token) bool {
	h := t.Hash
	return f[h>>26]&(1<<(h>>20&63)) != 0
}

// WideFilter is WordFilter with 32,768 bits (4 KB), for the tables of
// hundreds of words or more that almost every token is looked up in (the
// Vocab, the word facts, language detection): a language's date and furniture patterns
// key on about a thousand words, which set a quarter of a WordFilter's
// bits, so a quarter of the words it does not hold were looked up all the
// same; here about 3% are.
type WideFilter [512]uint64

// Add puts the lower-case word w in the set: the top nine bits of its
// hash pick the word of the set, the next six the bit. It also sets the
// bit of hash 0 (see hashless).
func (f *WideFilter) Add(w string) {
	h := token.HashString(w)
	f[h>>23] |= 1 << (h >> 17 & 63)
	f[0] |= hashless
}

// May reports whether t's lower-case form may be in the set (for a token
// without a hash, whether the set holds any word: see hashless).
func (f *WideFilter) May(t *token.Token) bool {
	h := t.Hash
	return f[h>>23]&(1<<(h>>17&63)) != 0
}

// LaneFilter is a WideFilter of several tables at once, a byte per bit:
// bit k of an entry (a lane) is the k-th table's answer (Phrases.AddOpens).
// A loop that asks several tables at every word learns which of them may
// open a phrase there at one load, where a joint first-word filter and
// then each table's filters cost a dozen tests at every word the joint
// one passed (a third of the words of news: the common words open some
// phrase of one table or another).
type LaneFilter [1 << 15]uint8

// Lanes returns the lanes of t's hash: bit k set when the k-th table may
// open a phrase at t, as its Phrases.MayOpen(t) says.
func (f *LaneFilter) Lanes(t *token.Token) uint8 { return f[t.Hash>>17] }
