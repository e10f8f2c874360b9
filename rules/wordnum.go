package rules

import (
	"sync"

	"github.com/crosscheck/crosscheck/claims/token"
)

// wordNums numbers, once for the whole process, every lower-case word a
// Phrases table opens a phrase with or a language's word facts hold
// (WordMap.Number). A Vocab writes the number of each word it holds into
// the word's tokens as it reads a document (Vocab.Read, token.Token.Word),
// and a table or the facts then find their entry at such a token by an
// index into their own slice (numTable) instead of a filter, a second
// filter and a hashed probe that compares the word, once per table asked:
// at the common words the date indexes and the tables both key on ("of",
// "a", "the", "in", "two"), the lookup was repeated by every table asked.
//
// The numbering is the process's, not a rule set's, because a token read
// by one language's Vocab is asked about by the tables of its language
// and by those of the rule set, and a Phrases is built knowing neither. A
// word keeps its number for good, so a table may be asked about any token
// a Vocab numbered: the number is that of the token's word, whatever
// table or Vocab gave it.
var wordNums wordNumbering

// wordNumbering is the type of wordNums. Tables add their words while
// the rules are built, from any goroutine, and a Vocab looks its words up
// as it is built (find). Extraction does not read it.
type wordNumbering struct {
	mu sync.Mutex
	// byWord holds the words by hash: word n is entry n-1, so a word
	// costs no value of its own (a Go map cost twice as much to build,
	// at every start-up).
	byWord WordMap[struct{}]
}

// wordNumsSize is room for the words the builtin rules number (about
// 2,300), made at the first: growing to it placed every word again at
// each doubling.
const wordNumsSize = 4096

// maxWordNum is the last number wordNums gives: a word added after it
// has none, and a token of that word is looked up by its hash, as a
// token no Vocab read.
const maxWordNum = 1<<16 - 1

// number returns the number of w, whose hash (token.HashString) is h,
// giving it the next one if it has none; 0 when the numbers have run out.
func (r *wordNumbering) number(w string, h uint32) uint16 {
	r.mu.Lock()
	if r.byWord.idx.slots == nil {
		r.byWord.reserve(wordNumsSize)
	}
	k, ok := r.byWord.find(w, h)
	if !ok && r.byWord.Len() < maxWordNum {
		k, ok = r.byWord.Len(), true
		r.byWord.insert(w, h, struct{}{})
	}
	r.mu.Unlock()
	if !ok {
		return 0
	}
	return uint16(k + 1)
}

// find returns w's number, 0 when it has none.
func (r *wordNumbering) find(w string) uint16 {
	h := token.HashString(w)
	r.mu.Lock()
	k, ok := r.byWord.find(w, h)
	r.mu.Unlock()
	if !ok {
		return 0
	}
	return uint16(k + 1)
}

// word is the word numbered n, for tests.
func (r *wordNumbering) word(n uint16) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byWord.entries[n-1].key
}

// numTable is a table's entries by word number: entry k+1 at slots[n-lo]
// for the word numbered n, 0 for a number the table does not hold. The
// numbers of one table are near each other (a table numbers its new words
// as it is built), so the slots cover the range of its numbers.
type numTable struct {
	lo    uint16
	slots []int32
}

// set records that the word numbered n (not 0) is entry k.
func (nt *numTable) set(n uint16, k int) {
	switch {
	case len(nt.slots) == 0:
		nt.lo = n
	case n < nt.lo:
		grown := make([]int32, int(nt.lo-n)+len(nt.slots))
		copy(grown[nt.lo-n:], nt.slots)
		nt.slots, nt.lo = grown, n
	}
	if i := int(n - nt.lo); i >= len(nt.slots) {
		nt.slots = append(nt.slots, make([]int32, i+1-len(nt.slots))...)
	}
	nt.slots[n-nt.lo] = int32(k + 1)
}

// entry returns the entry of the word numbered n (not 0), or -1.
func (nt *numTable) entry(n uint16) int {
	if i := uint(n) - uint(nt.lo); i < uint(len(nt.slots)) {
		return int(nt.slots[i]) - 1
	}
	return -1
}

// numbered reports whether t carries a word number (token.Token.Word),
// which a Vocab wrote when it read t (Vocab.Read): a table may then look
// it up by number alone.
func numbered(t *token.Token) bool { return t.Word != 0 }
