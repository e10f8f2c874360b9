package rules

import (
	"slices"
	"sync"

	"github.com/crosscheck/crosscheck/claims/token"
)

// phrase is a sequence of lower-case token texts; glued[i] says token i must
// directly follow token i-1 (as in "km/h" or "luka-luka").
type phrase struct {
	words []string
	glued []bool
	value int // payload: index into whatever table built the index
	// second is the hash of the second word's lower-case form
	// (token.Token.Hash), 0 for a phrase of one word; third that of the
	// third word, 0 for a phrase of fewer than three.
	second, third uint32
}

// phraseHead is the phrases that open with one word, longest first, and
// what turns most tokens after that word away from all the longer ones at
// once: "a" opens nine triggers ("a meeting of", ...), "to" and "is" six
// tense markers each, and comparing the next word with each in turn was
// most of matching.
type phraseHead struct {
	list []phrase
	// multi is the number of phrases of two words or more (the first in
	// list), and next holds a bit of each one's second word (nextBit): a
	// next token whose bit is clear is the second word of none of them.
	multi int
	next  uint64
}

// nextBit is the bit of phraseHead.next for a word of hash h.
func nextBit(h uint32) uint64 { return 1 << (h >> 26) }

// head makes the phraseHead of list.
func head(list []phrase) phraseHead {
	h := phraseHead{list: list}
	for k := range list {
		if len(list[k].words) > 1 {
			h.multi++
			h.next |= nextBit(list[k].second)
		}
	}
	return h
}

// tried returns the phrases of h that may match at toks[i], whose first
// word is h's: all of them, or only those of one word when the token
// after it is the second word of none of the longer ones.
//
// A next token without a hash (not made by token.Scan) may be any word.
// It is written to inline.
func (h *phraseHead) tried(toks []token.Token, i int) []phrase {
	if h.multi > 0 && (i+1 >= len(toks) || toks[i+1].Hash != 0 && h.next&nextBit(toks[i+1].Hash) == 0) {
		return h.list[h.multi:]
	}
	return h.list
}

// Phrases indexes multi-word phrases by their first word so that matching at
// a token costs one lookup. Longer phrases are tried first.
type Phrases struct {
	byFirst       map[string][]phrase
	caseSensitive bool
	// first holds the lower-case first words, so that Match turns away
	// most tokens without a lookup.
	first WordFilter
	// wide holds them too, in a WideFilter, once there are wideFirsts of
	// them (nil before): first then passes a good part of the words it
	// does not hold (the triggers' 276 first words set a twentieth of its
	// bits, and common words pass), and each such word cost a lookup that
	// missed.
	wide *WideFilter
	// last holds the lower-case last words, so that MatchBefore turns
	// away at once a position whose token before it ends no phrase (most
	// positions: it is asked before every number).
	last WordFilter
	// heads holds the phrases by lower-case first word, looked up with the
	// hash token.Scan computed (a Go map hashed each word again, and the
	// common words that open phrases made that a tenth of extraction). A
	// case-sensitive index keeps together the phrases whose first words
	// differ only in case; matches compares the first word as written.
	// It is numbered (WordMap.Number), so that a token a Vocab numbered
	// finds its phrases by an index (headAt).
	heads WordMap[phraseHead]
	// byLower is heads' build-time copy for a case-sensitive index.
	byLower map[string][]phrase
	// lowerFirst is set when some phrase of a case-sensitive index opens
	// with a word that does not start with an ASCII capital. While it is
	// clear (names: "North Korea", "Kim"), a token that does not start
	// with one is no phrase's first word, and is turned away before the
	// lookup: "as", "us" and "new" open names in lower case only.
	lowerFirst bool
}

// NewPhrases builds an index of phrases, each with a payload value.
func newPhrases(caseSensitive bool) *Phrases {
	p := &Phrases{byFirst: map[string][]phrase{}, caseSensitive: caseSensitive}
	p.heads.Number()
	return p
}

// add tokenizes s the way text is tokenized and adds it with payload v.
// Rule files add thousands of phrases at every start-up, so it allocates
// only what the phrase keeps.
func (p *Phrases) add(s string, v int) bool {
	buf := addScans.Get().(*[]token.Token)
	defer addScans.Put(buf)
	toks := token.Scan(s, (*buf)[:0])
	*buf = toks[:0]
	if len(toks) == 0 {
		return false
	}
	ph := phrase{value: v, words: make([]string, len(toks)), glued: make([]bool, len(toks))}
	if len(toks) > 1 {
		ph.second = toks[1].KeyHash()
	}
	if len(toks) > 2 {
		ph.third = toks[2].KeyHash()
	}
	for i, t := range toks {
		w := t.Lower
		if p.caseSensitive {
			w = t.Text
		}
		ph.words[i] = w
		ph.glued[i] = i > 0 && t.Glued()
	}
	p.first.Add(toks[0].Lower)
	p.last.Add(toks[len(toks)-1].Lower)
	if p.caseSensitive && !asciiCapital(ph.words[0]) {
		p.lowerFirst = true
	}
	p.byFirst[ph.words[0]] = appendLongestFirst(p.byFirst[ph.words[0]], ph)
	low, list := toks[0].Lower, p.byFirst[ph.words[0]]
	if p.caseSensitive {
		if p.byLower == nil {
			p.byLower = map[string][]phrase{}
		}
		p.byLower[low] = appendLongestFirst(p.byLower[low], ph)
		list = p.byLower[low]
	}
	p.heads.Put(low, head(list))
	p.widen(low)
	return true
}

// wideFirsts is the number of first words from which a Phrases keeps
// them in a WideFilter as well (Phrases.wide): a few tables (triggers,
// attribute words, participants) have hundreds, the rest a few dozen at
// most, and a WideFilter (4 KB) for each of the nine hundred tables of
// the rules would cost more memory than their lookups.
const wideFirsts = 64

// widen adds lower-case first word w to wide, making wide (of every
// first word so far) when the table reaches wideFirsts of them.
func (p *Phrases) widen(w string) {
	switch {
	case p.wide != nil:
		p.wide.Add(w)
	case p.heads.Len() >= wideFirsts:
		p.wide = new(WideFilter)
		p.heads.Each(func(w string, _ phraseHead) { p.wide.Add(w) })
	}
}

// mayHead reports whether t may be a first word by wide, when the table
// has one: false is certain. It is asked past first (MayStart), right
// before the lookup it saves.
func (p *Phrases) mayHead(t *token.Token) bool { return p.wide == nil || p.wide.May(t) }

// addScans holds add's token buffers, reused from phrase to phrase (and
// kept by no index once the rules are built).
var addScans = sync.Pool{New: func() any { return new([]token.Token) }}

// asciiCapital reports a word that starts with an ASCII capital letter.
func asciiCapital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// casePasses reports whether t may be the first word of a phrase as the
// index compares words: always, unless the index is case-sensitive and
// every first word starts with a capital that t does not (lowerFirst).
func (p *Phrases) casePasses(t *token.Token) bool {
	return !p.caseSensitive || p.lowerFirst || asciiCapital(t.Text)
}

// appendLongestFirst adds ph to list, keeping it ordered longest first and,
// among equally long phrases, in the order they were added: ph goes after
// every phrase at least as long.
func appendLongestFirst(list []phrase, ph phrase) []phrase {
	at := len(list)
	for at > 0 && len(list[at-1].words) < len(ph.words) {
		at--
	}
	return slices.Insert(list, at, ph)
}

// maxWords is the length in tokens of the longest phrase.
func (p *Phrases) maxWords() int {
	n := 0
	for _, list := range p.byFirst {
		if len(list) > 0 && len(list[0].words) > n {
			n = len(list[0].words) // sorted longest first
		}
	}
	return n
}

// Len is the number of distinct first words.
func (p *Phrases) Len() int {
	if p == nil {
		return 0
	}
	return len(p.byFirst)
}

// StartsAt reports whether some phrase's first word is t.
func (p *Phrases) StartsAt(t *token.Token) bool {
	h := p.headAt(t)
	if h == nil {
		return false
	}
	if !p.caseSensitive {
		return len(h.list) > 0
	}
	for _, ph := range h.list {
		if ph.words[0] == t.Text {
			return true
		}
	}
	return false
}

// Match returns the end (exclusive token index) and payload of the longest
// phrase starting at toks[i], or ok=false.
//
// It is one function with its filters (Match does not inline: a hot
// caller tests MayStart first), so that a token past them costs one call,
// not a second one to a function holding the rest.
func (p *Phrases) Match(toks []token.Token, i int) (end, value int, ok bool) {
	if p == nil || i >= len(toks) {
		return 0, 0, false
	}
	// headAt's filters, written out: Match is asked at most words, and
	// the call cost 5 M instructions on 5 MB of news. What passes them
	// is matched as MatchOpen matches.
	if t := &toks[i]; !p.first.May(t) || !p.mayHead(t) {
		return 0, 0, false
	}
	return p.MatchOpen(toks, i)
}

// headAt is the phrases that open with token t's word, nil when none do
// (or when t's case rules out every first word: see casePasses). At a
// token the filters pass (most words they turn away with a bit test or
// two), it is an index into heads' numbers if a Vocab numbered the token
// (token.Token.Word), and otherwise a probe of heads by t's hash. Match
// has the same lines, written out.
func (p *Phrases) headAt(t *token.Token) *phraseHead {
	if !p.first.May(t) || !p.casePasses(t) || !p.mayHead(t) {
		return nil
	}
	if numbered(t) {
		return p.heads.RefNumbered(t)
	}
	return p.heads.Ref(t)
}

// matchAt is Match for a caller that asked MayStart (the filters are
// asked again, at the cost of a few tests).
func (p *Phrases) matchAt(toks []token.Token, i int) (end, value int, ok bool) {
	return p.Match(toks, i)
}

// nextMay reports whether the tokens after toks[i] may be the second and
// third words of phrase ph (of two words or more), by their hashes
// (phrase.second, phrase.third): false is certain. A token without a hash
// may be any word. The third word counts because the second is often a
// word as common as the first: "of the vote" and "in the coming" were
// tried, with a call to matches, after most "of the" and "in the".
func nextMay(toks []token.Token, i int, ph *phrase) bool {
	return i+1 < len(toks) && (toks[i+1].Hash == 0 || toks[i+1].Hash == ph.second) &&
		(len(ph.words) < 3 || i+2 < len(toks) && (toks[i+2].Hash == 0 || toks[i+2].Hash == ph.third))
}

// AddFirsts adds the filter of the phrases' first words to f, so that a
// caller testing every token against several tables can turn most tokens
// away with one bit test for all of them (f.May(t) false: MayStart is false
// for each table added).
func (p *Phrases) AddFirsts(f *WordFilter) {
	if p == nil {
		return
	}
	for k := range f {
		f[k] |= p.first[k]
	}
}

// MayStart reports whether some phrase may start at token t: false is
// certain. It inlines (Match does not), so that a loop testing every token
// against several tables pays a call only for the few that pass.
func (p *Phrases) MayStart(t *token.Token) bool { return p.first.May(t) }

// MayOpen is MayStart with the table's wide filter (mayHead) as well:
// false is certain. It inlines, so that a loop asking several tables at
// every token (readEvidence) pays a call to Match only at a word that
// passes both; a good part of the words the first-word filter of the
// triggers or attribute words passed were turned away by the wide one,
// inside Match, at the cost of the call. (Match's case test, casePasses,
// would take it past the inlining budget.)
func (p *Phrases) MayOpen(t *token.Token) bool {
	return p.first.May(t) && p.mayHead(t)
}

// AddOpens sets lane in f at every hash at which MayOpen holds, so that
// f.Lanes(t)&lane != 0 is MayOpen(t). MayOpen reads the top 15 bits of a
// hash (the wide filter's bit) or, with no wide filter, the top 12 (the
// first-word filter's, which the wide one implies: it holds the same
// words): an entry of f is a 15-bit hash, and a first word of a table
// without a wide filter sets the eight entries that share its top 12.
// Hash 0 is that of a token without one, which both filters pass
// (hashless): entry 0, or without a wide filter entries 0 to 7. It is
// asked once the table is built.
func (p *Phrases) AddOpens(f *LaneFilter, lane uint8) {
	if p == nil || p.heads.Len() == 0 {
		return
	}
	set := func(h uint32) {
		if p.wide != nil {
			f[h>>17] |= lane
			return
		}
		for x := h >> 20 << 3; x < h>>20<<3+8; x++ {
			f[x] |= lane
		}
	}
	set(0)
	p.heads.Each(func(w string, _ phraseHead) { set(token.HashString(w)) })
}

// MayEnd reports whether some phrase may end with token t: false is
// certain. It inlines (MatchBefore does not), so that a caller asks
// MatchBefore only where the token before a position passes.
func (p *Phrases) MayEnd(t *token.Token) bool { return p.last.May(t) }

// Has reports whether a phrase starts at toks[i].
func (p *Phrases) Has(toks []token.Token, i int) bool {
	_, _, ok := p.Match(toks, i)
	return ok
}

// MatchBefore finds a phrase that ends exactly at token index end (exclusive),
// trying start positions up to maxLen tokens back, longest first. Every
// phrase is tried, not only the longest at a start: "to" ends before "the
// 28th" even though "to the" is also a phrase. Used for qualifiers and
// range connectors.
func (p *Phrases) MatchBefore(toks []token.Token, end, maxLen int) (start, value int, ok bool) {
	if p == nil || end < 1 || end > len(toks) || !p.last.May(&toks[end-1]) {
		return 0, 0, false
	}
	for s := end - maxLen; s < end; s++ {
		if s < 0 {
			continue
		}
		h := p.headAt(&toks[s])
		if h == nil {
			continue
		}
		// From s+1 == end only a phrase of one word ends at end, and
		// from further back only a longer one.
		list := h.list[h.multi:]
		if s+1 < end {
			list = h.tried(toks, s)
		}
		for k := range list {
			ph := &list[k]
			if s+len(ph.words) != end {
				continue
			}
			if p.matches(toks, s, ph) {
				return s, ph.value, true
			}
		}
	}
	return 0, 0, false
}

// matches reports whether phrase ph occurs at toks[i], whose lower-case
// form is ph's first word (heads found it by that).
func (p *Phrases) matches(toks []token.Token, i int, ph *phrase) bool {
	if i+len(ph.words) > len(toks) {
		return false
	}
	if p.caseSensitive && toks[i].Text != ph.words[0] {
		return false
	}
	for k := 1; k < len(ph.words); k++ {
		t := &toks[i+k]
		w := t.Lower
		if p.caseSensitive {
			w = t.Text
		}
		if w != ph.words[k] || (ph.glued[k] && !t.Glued()) || t.Is(token.NewlineBefore) {
			return false
		}
	}
	return true
}
