package rules

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/crosscheck/crosscheck/claims/token"
)

// token classes a pattern can start with
const (
	classNumber = iota
	classMonth
	classWeekday
	classNumWord
	classOrdWord
	nClasses
)

// Index finds the longest pattern match at a token. Anchors first sums a
// document up in one bit mask per token: which kinds of pattern parts
// (month names, year-shaped numbers, duration words, listed phrases...) can
// start there, whether the line starts there, and whether a pattern can
// start there at all with its anchor within reach. A search at a token then
// visits only the candidate patterns whose anchor part (their most
// selective required part) occurs within reach and whose other required
// parts all occur within the pattern's width, so most tokens cost a bit
// test and a pattern runs only where it has a real chance.
type Index struct {
	lang    *Language
	pats    []*Pattern
	byWord  map[string][]int
	byClass [nClasses][]int
	// reach[id] is how many tokens the parts of pattern id before its
	// anchor part can take; req[id] is that part's index (see leadReach),
	// and bit[id] its bit in the per-token anchor masks (0: not tracked).
	reach []int
	req   []int
	bit   []uint64
	// Per-token anchor masks: words give their bits through wordBits;
	// digits, signs and a few word shapes through the class bits.
	//
	// byWord, wordBits, wordCands, lists and keys only serve to build byID
	// and are dropped by NewIndex once it is built.
	wordBits map[string]uint64
	// condWords holds, for a word that only opens phrases of two or more
	// words ("at" of "at night", "the" of "the end of"), the bits it gives
	// when the next token is one of their second words (see condBit);
	// conds holds them by number once built (wordKey.cond).
	condWords map[string][]condWord
	conds     [][]condBit
	// wordCands lists, for each word that can start a pattern, every
	// pattern it can start (merged from byWord and the word classes),
	// sorted; numCands the same for digits.
	wordCands map[string][]int
	numCands  []int
	// lists holds the candidates of each word and punctuation key grouped
	// by anchor (see candList), numLists those of digits by their class
	// (see numClass) and ordList those of words an ordinal prefix opens
	// ("kedua").
	lists    map[string]*candList
	numLists [nNumClasses]*candList
	ordList  *candList
	// keys merges wordBits and lists while the index is built; byID then
	// holds them by the word's number in vocab, which the indexes of a
	// language share, so a token is looked up once for all of them (the
	// Vocab's filter turns away the common word that starts no pattern).
	keys  WordMap[wordKey]
	vocab *Vocab
	byID  []wordKey

	numberBit, numLikeBit, monthDayBit, qBit, romanBit, tHourBit uint64
	yearBit, smallBit                                            uint64
	// shapeBits turns the low eight shape bits of a token (see TokenWord)
	// into the bits above.
	shapeBits [256]uint64
	// liveIDs marks, by the word's number in vocab, the words byID holds a
	// key for, and liveShapes the shape bits that can give this index a
	// bit or a candidate: a token with neither (most tokens, and nearly
	// all for a small index like the furniture) gets at most its line bit,
	// and AnchorsRead writes that without setting up the full reading.
	liveIDs    []uint64
	liveShapes uint16
	// numAny is numAnchors, for AnchorsRead's aheadNum: a field, as a
	// local of its loop kept one more value in a register and spilled
	// others.
	numAny uint64
	// liveBit is the index's bit in TokenWord.live, which then tells the
	// same as liveIDs and liveShapes (0: the Vocab had no bit left).
	liveBit uint8
	// gated is set when every pattern needs a word of a listed phrase
	// (see gateWords), which the Vocab then marks (gateFlag of liveBit,
	// in TokenWord.live): a document with none of them has no match
	// (MayMatchIn), and its masks need not be computed.
	gated bool
	// spokenYears is set when the index reads numerals and years: a
	// numeral word may then open a year ("nineteen ninety-six").
	// readsNumerals is set when a required part reads a numeral (which
	// may have no bit of its own: see assignAnchorBits).
	spokenYears, readsNumerals bool
	// spoken[id] marks the words SpokenYearStart asks about by the
	// word's number in the Vocab: spokenCentury the number words from
	// eleven to nineteen, spokenAfter the words a year in full words may
	// follow ("year"). They are read by number at every numeral word of a
	// document, where the language's tables were looked up by the word.
	spoken []uint8
	// need[id] is the union of the bits of pattern id's required parts
	// and width[id] the most tokens it can span (need is 0 when the width
	// is windowMax or more).
	need  []uint64
	width []int
	// partBits[id][k] is the bit part k of pattern id gives need (0: none),
	// for the spots of its groups (see spot).
	partBits [][]uint64
	// spans[id] and shapes[id] hold pattern id's parts' spans and its
	// shapes in candidate lists while the lists are built (see
	// groupShape); NewIndex drops them.
	spans    [][]partSpan
	shapes   [][]*groupShape
	listMemo map[string]*candList
	// phraseClasses holds, while the lists are built, the classes of
	// digits each phrase table opens (see Index.phrasesOpenNumber).
	phraseClasses map[*Phrases]uint8
	plain         bool
	// tail[id] marks pattern id as one whose match at a token its
	// optional first part does not open is the match of the rest of its
	// parts there (see Pattern.tailAlike and Tails).
	tail []bool
}

// NewIndex indexes patterns in priority order (earlier wins ties).
func NewIndex(l *Language, groups ...[]*Pattern) *Index {
	return NewIndexIn(NewVocab(l), groups...)
}

// NewIndexIn is NewIndex numbering its words in v, which the other indexes
// of v's language may share (see Vocab). It adds to v, so the indexes of
// one Vocab are built one after the other.
func NewIndexIn(v *Vocab, groups ...[]*Pattern) *Index {
	return newIndexIn(v, false, groups...)
}

// newIndexIn is NewIndexIn; plain builds the candidate groups from each
// pattern's own reach and width, with no spots (see groupShape), for the
// tests to hold the search to.
func newIndexIn(v *Vocab, plain bool, groups ...[]*Pattern) *Index {
	l := v.lang
	x := &Index{lang: l, vocab: v, byWord: map[string][]int{}, plain: plain}
	for _, g := range groups {
		for _, p := range g {
			id := len(x.pats)
			x.pats = append(x.pats, p)
			r, q := p.leadReach()
			x.reach = append(x.reach, r)
			x.req = append(x.req, q)
			x.bit = append(x.bit, 0)
			x.need = append(x.need, 0)
			x.width = append(x.width, 0)
			x.partBits = append(x.partBits, make([]uint64, len(p.parts)))
			x.tail = append(x.tail, p.tailAlike())
			words, classes := p.firstKeys()
			for _, w := range words {
				x.byWord[w] = append(x.byWord[w], id)
			}
			for _, c := range classes {
				x.byClass[c] = append(x.byClass[c], id)
			}
		}
	}
	x.assignAnchorBits()
	x.setShapeBits()
	if x.spokenYears {
		x.markSpoken()
	}
	x.mergeCandidates()
	x.spans, x.shapes, x.listMemo = make([][]partSpan, len(x.pats)), make([][]*groupShape, len(x.pats)), map[string]*candList{}
	x.phraseClasses = map[*Phrases]uint8{}
	x.groupCandidates()
	x.spans, x.shapes, x.listMemo, x.phraseClasses = nil, nil, nil, nil
	x.numberConds()
	x.keys.Each(func(w string, k wordKey) {
		id := int(v.add(w))
		if id >= len(x.byID) {
			x.byID = append(x.byID, make([]wordKey, id+1-len(x.byID))...)
		}
		x.byID[id] = k
	})
	x.markLive()
	v.markLive(x)
	x.setGate()
	x.keys = WordMap[wordKey]{}
	x.byWord, x.wordBits, x.wordCands, x.lists, x.condWords = nil, nil, nil, nil, nil
	return x
}

// markLive fills liveIDs and liveShapes from byID and shapeBits. Numbers
// are always live: their candidates come from numLists rather than from
// their keys. Prefixed words are live to an index with an ordList, and
// numeral words to one that looks for spoken years: the furniture index
// has neither, and read each numeral word ("a", "two", "million") in
// full for nothing, half of the tokens it read in full in English news.
func (x *Index) markLive() {
	x.numAny = x.numAnchors()
	x.liveIDs = make([]uint64, (len(x.byID)+63)/64)
	for id, k := range x.byID {
		if k != (wordKey{}) {
			x.liveIDs[id/64] |= 1 << (id % 64)
		}
	}
	x.liveShapes = shapeNumber
	if x.ordList != nil {
		x.liveShapes |= shapePrefixed
	}
	if x.spokenYears {
		x.liveShapes |= shapeSpoken
	}
	for b := 0; b < 8; b++ {
		if x.shapeBits[1<<b] != 0 {
			x.liveShapes |= 1 << b
		}
	}
}

// setGate marks in the Vocab, with gateFlag of the index's liveBit, the words of
// gateWords of every pattern, and sets gated, when each pattern has some
// and the index has a liveBit.
func (x *Index) setGate() {
	if x.liveBit == 0 || len(x.pats) == 0 {
		return
	}
	var ids []int32
	for _, p := range x.pats {
		words := p.gateWords()
		if len(words) == 0 {
			return
		}
		for _, w := range words {
			ids = append(ids, x.vocab.add(w))
		}
	}
	for _, id := range ids {
		x.vocab.orFlags(id, gateFlag(x.liveBit))
	}
	x.gated = true
}

// gateWords lists, in lower case, the first words of the phrases of one
// of p's required parts read from a phrase table (a listed phrase or a
// literal), the one with the fewest: every match of p has a token of one
// of them, as the table finds its phrases by their lower-case first word
// (Phrases.heads). A word of letters or digits is preferred to a sign,
// which is common ("(" of "( c ) 2020"). None when p has no such part.
func (p *Pattern) gateWords() []string {
	var best []string
	bestSigns := true
	for k := range p.parts {
		pt := &p.parts[k]
		if pt.optional || (pt.kind != partLit && pt.kind != partList) {
			continue
		}
		ph := pt.lit
		if pt.kind == partList {
			ph = pt.list
		}
		var words []string
		signs := true
		ph.heads.Each(func(w string, _ phraseHead) {
			words = append(words, w)
			signs = signs && !hasWordByte(w)
		})
		if len(words) == 0 {
			continue
		}
		if best == nil || bestSigns && !signs || bestSigns == signs && len(words) <= len(best) {
			best, bestSigns = words, signs
		}
	}
	return best
}

// hasWordByte reports whether w has an ASCII letter or digit, or a byte
// of a multi-byte character.
func hasWordByte(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' {
			return true
		}
	}
	return false
}

// MayMatchIn reports whether some pattern of x may match in the tokens
// that x's Vocab read as ws (Vocab.Read): false is certain, when x is
// gated and none of the tokens is a gate word of x (see setGate). The
// furniture index is: most documents have none of "read", "copyright",
// "c" and the like, and its masks (Anchors) cost some thirty
// instructions a token to find that nothing starts there.
func (x *Index) MayMatchIn(ws []TokenWord) bool {
	if !x.gated {
		return true
	}
	return anyBit(tokenWords(ws), wordBits(TokenWord{live: gateFlag(x.liveBit)}))
}

// dull reports whether tw gives the index no bit and no candidate, which
// AnchorsRead would find by reading it in full (see liveIDs).
func (x *Index) dull(tw TokenWord) bool {
	if x.liveBit != 0 {
		return tw.live&x.liveBit == 0
	}
	return x.dullByTables(tw)
}

// dullByTables is dull by the index's own tables.
func (x *Index) dullByTables(tw TokenWord) bool {
	if tw.shape&x.liveShapes != 0 {
		return false
	}
	w := uint(tw.id) / 64
	return w >= uint(len(x.liveIDs)) || x.liveIDs[w]&(1<<(uint(tw.id)%64)) == 0
}

// key is what the index holds for the word numbered id in its Vocab.
func (x *Index) key(id int32) wordKey {
	if int(id) < len(x.byID) {
		return x.byID[id]
	}
	return wordKey{} // a word a later index of the Vocab added
}

// mergeCandidates precomputes the candidate patterns of every word that
// can start one (grouped into keys by groupCandidates).
func (x *Index) mergeCandidates() {
	x.wordCands = map[string][]int{}
	l := x.lang
	add := func(w string, ids []int) {
		if len(ids) > 0 {
			x.wordCands[w] = append(x.wordCands[w], ids...)
		}
	}
	for w, ids := range x.byWord {
		add(w, ids)
	}
	for w := range l.months {
		add(w, x.byClass[classMonth])
	}
	for w := range l.weekdays {
		add(w, x.byClass[classWeekday])
	}
	for w := range l.numWords {
		add(w, x.byClass[classNumWord])
	}
	for w := range l.halfWords {
		add(w, x.byClass[classNumWord])
	}
	for w := range l.vague {
		add(w, x.byClass[classNumWord])
	}
	for w := range l.ordinals {
		add(w, x.byClass[classOrdWord])
	}
	for w := range l.ordinalPrefix {
		add(w, x.byClass[classOrdWord])
	}
	for w, ids := range x.wordCands {
		x.wordCands[w] = sortedUnique(ids)
	}
	x.numCands = sortedUnique(append([]int(nil), x.byClass[classNumber]...))
}

// candList is the candidate patterns of a token grouped by anchor part
// and reach: LongestAnchored tests a group's anchor once for all its
// patterns instead of once per pattern (a preposition like "in" opens
// dozens of patterns but anchors on a handful of kinds of parts).
type candList struct {
	groups []candGroup // ordered by the position of their bit; bit 0 last
	// first[b] is the index of the first group whose bit is 1<<b (b = 64:
	// the untracked groups); any is the union of the groups' bits and
	// reach the largest reach among them.
	first [65]uint16
	any   uint64
	reach int
	// open is set when some group is untracked (first[64] is not the
	// end), for AnchorsRead, which asks at every token with candidates.
	open bool
	// sign marks the list of a minus sign or decimal point, which opens
	// the number patterns only before a number glued to it ("-5", ".08",
	// as ReadNumeral reads them); bare is then its list without them (nil
	// when it opens no pattern of its own). AnchorsRead takes bare at the
	// others: a full stop or dash before a number a space away set up a
	// search of every number pattern, a third of the failed searches of
	// English news.
	sign bool
	bare *candList
	// due is the union of the groups' due bits (see setDue).
	due uint64
}

type wordKey struct {
	bits uint64
	list *candList
	cond int32 // 1 + index in Index.conds; 0: none
}

// condWord is a bit a word gives only before one of the words listed: the
// part whose bit it is starts with a phrase of two or more words.
type condWord struct {
	bit     uint64
	seconds []string
}

// condBit is condWord with the words by their number in the Vocab.
type condBit struct {
	bit uint64
	ids []int32
}

type candGroup struct {
	bit   uint64 // 0: not tracked, each pattern is checked by mayMatch
	reach int
	// need and width are the patterns' shared need and width (see Index):
	// patterns that need the same parts within the same width are tested
	// once for all.
	need  uint64
	width int
	// spots are where the needed parts must start, when that says more
	// than the need and width (see spot): the reach, width and spots are
	// those of the list's tokens (see opener).
	spots []spot
	// due holds the bits of need whose parts must start within the
	// list's reach (see candList.setDue).
	due uint64
	ids []int
}

func (x *Index) newCandList(ids []int, firsts []int) *candList {
	if len(ids) == 0 {
		return nil
	}
	c := &candList{}
	for n, id := range ids {
		bit, need := x.bit[id], x.need[id]
		sh := x.groupShape(id, firsts[n])
		reach, width, spots := sh.reach, sh.width, sh.spots
		if reach >= windowMax {
			bit = 0
		}
		k := 0
		for k < len(c.groups) && (c.groups[k].bit != bit || c.groups[k].reach != reach || c.groups[k].need != need || c.groups[k].width != width || !slices.Equal(c.groups[k].spots, spots)) {
			k++
		}
		if k == len(c.groups) {
			c.groups = append(c.groups, candGroup{bit: bit, reach: reach, need: need, width: width, spots: spots})
		}
		c.groups[k].ids = append(c.groups[k].ids, id)
	}
	// Groups by bit position (untracked ones, bit 0, last), so that
	// LongestAnchored visits only the groups whose anchor bit is near;
	// those of a bit from the farthest reach to the nearest, so that
	// the first whose anchor is out of reach ends the bit's groups.
	pos := func(b uint64) int {
		if b == 0 {
			return 64
		}
		return bits.TrailingZeros64(b)
	}
	slices.SortStableFunc(c.groups, func(a, b candGroup) int {
		return cmp.Or(pos(a.bit)-pos(b.bit), b.reach-a.reach)
	})
	k := 0
	for b := 0; b <= 64; b++ {
		for k < len(c.groups) && pos(c.groups[k].bit) < b {
			k++
		}
		c.first[b] = uint16(k)
	}
	for _, g := range c.groups {
		if g.bit != 0 {
			c.any |= g.bit
			c.reach = max(c.reach, g.reach)
		}
	}
	c.open = int(c.first[64]) < len(c.groups)
	c.setDue()
	return c
}

// groupCandidates builds lists, numLists and ordList.
func (x *Index) groupCandidates() {
	x.lists = map[string]*candList{}
	for k := range x.numLists {
		var ids []int
		for _, id := range x.numCands {
			if x.opensNumber(x.pats[id], k) {
				ids = append(ids, id)
			}
		}
		x.numLists[k] = x.newCandList(ids, x.firsts(ids, x.numberOpener(k)))
	}
	x.ordList = x.newCandList(x.byClass[classOrdWord], x.firsts(x.byClass[classOrdWord], anyOpener))
	for w, ids := range x.wordCands {
		x.lists[w] = x.wordList(ids, w)
	}
	// Punctuation: its own patterns, and a sign, a decimal point or a
	// vulgar fraction opens a number.
	for w, ids := range x.byWord {
		if _, ok := x.wordCands[w]; !ok {
			x.lists[w] = x.wordList(sortedUnique(append([]int(nil), ids...)), w)
		}
	}
	signs := []string{"-", "−", x.lang.decimal}
	for f := range vulgarFractions {
		signs = append(signs, f)
	}
	for _, w := range signs {
		ids := sortedUnique(append(append([]int(nil), x.byWord[w]...), x.numCands...))
		c := x.newCandList(ids, x.firsts(ids, anyOpener))
		if c != nil && x.lang.isGluedSign(w) {
			// A vulgar fraction is a number by itself; a sign or a point
			// only with the digits glued after it.
			bare := sortedUnique(append([]int(nil), x.byWord[w]...))
			c.sign, c.bare = true, x.newCandList(bare, x.firsts(bare, anyOpener))
		}
		x.lists[w] = c
	}
	for w, b := range x.wordBits {
		x.keys.Put(w, wordKey{bits: b, list: x.lists[w]})
	}
	for w, c := range x.lists {
		x.keys.Put(w, wordKey{bits: x.wordBits[w], list: c})
	}
	for w := range x.condWords {
		x.keys.Put(w, wordKey{bits: x.wordBits[w], list: x.lists[w]})
	}
}

// numberConds turns condWords into conds, numbering the second words in
// the Vocab, and points each word's key at its entry.
func (x *Index) numberConds() {
	words := make([]string, 0, len(x.condWords))
	for w := range x.condWords {
		words = append(words, w)
	}
	sort.Strings(words) // the same numbering on every build
	for _, w := range words {
		var cbs []condBit
		for _, cw := range x.condWords[w] {
			cb := condBit{bit: cw.bit}
			for _, s := range cw.seconds {
				cb.ids = append(cb.ids, x.vocab.add(s))
			}
			cbs = append(cbs, cb)
		}
		x.conds = append(x.conds, cbs)
		k := x.keys.Ptr(w)
		k.cond = int32(len(x.conds))
	}
}

// condBits is the union of the bits of conds entry c (see wordKey.cond)
// that a word gives before the word numbered next.
func (x *Index) condBits(c int32, next int32) uint64 {
	var m uint64
	for _, cb := range x.conds[c-1] {
		for _, id := range cb.ids {
			if id == next {
				m |= cb.bit
				break
			}
		}
	}
	return m
}

func sortedUnique(ids []int) []int {
	sort.Ints(ids)
	out := ids[:0]
	for k, id := range ids {
		if k == 0 || ids[k-1] != id {
			out = append(out, id)
		}
	}
	return out
}

// Classes of digit runs (token.Number), which the index keeps its number
// patterns apart by: most slots read digits of one length ("$day" one or
// two, "$year" four), and a year, a day or a count tried every pattern
// that opens with any number, to fail at the first part.
//
// A year ending in 0 has a class of its own: only it may open a decade or
// century ("the 1990s", "the 1800s"), whose patterns a page of figures
// tried at every year-shaped number, to fail at its last digit.
const (
	numSmall     = iota // one or two digits
	numYear             // four digits from 1000 to 2999, the last not 0
	numOther            // any other run of digits
	numRoundYear        // four digits from 1000 to 2999 ending in 0
	nNumClasses
)

// numClass is the class of the digit run s.
func numClass(s string) int {
	switch {
	case len(s) <= 2:
		return numSmall
	case len(s) == 4 && (s[0] == '1' || s[0] == '2'):
		if s[3] == '0' {
			return numRoundYear
		}
		return numYear
	}
	return numOther
}

// opensNumber reports whether the pattern may start at digits of class
// k: one of its leading parts (the optional ones and the first required
// one, as in firstKeys) may read them.
func (x *Index) opensNumber(p *Pattern, k int) bool {
	for k2 := range p.parts {
		pt := &p.parts[k2]
		if x.partOpensNumber(pt, k) {
			return true
		}
		if !pt.optional {
			break
		}
	}
	return false
}

// partOpensNumber is pt.opensNumber knowing the language's listed
// phrases: the parts of a period ("early", "the end of") and holidays,
// which no digits open. Taken for a numeral, an optional "$part?" put
// the decade and century patterns ("@year_prep? the? $part? -? $decade")
// in the candidates of every number, to fail at its digits.
//
// The phrases' answers are kept while the index is built (phraseClasses):
// each is asked of every pattern a number may open, at every class, and
// scans each first word.
func (x *Index) partOpensNumber(pt *part, k int) bool {
	switch pt.kind {
	case partLit:
		return x.phrasesOpenNumber(pt.lit, k)
	case partList:
		return x.phrasesOpenNumber(pt.list, k)
	}
	switch pt.slot {
	case slotPart:
		return x.phrasesOpenNumber(x.lang.parts, k)
	case slotHoliday:
		return false // a capital (see matchPart)
	}
	return pt.opensNumber(k)
}

// phrasesOpenNumber is phrasesOpenNumber(ph, k), kept in phraseClasses.
func (x *Index) phrasesOpenNumber(ph *Phrases, k int) bool {
	if ph == nil {
		return true
	}
	m, ok := x.phraseClasses[ph]
	if !ok {
		for c := range nNumClasses {
			if phrasesOpenNumber(ph, c) {
				m |= 1 << c
			}
		}
		if x.phraseClasses != nil { // the index is being built
			x.phraseClasses[ph] = m
		}
	}
	return m&(1<<k) != 0
}

// opensNumber reports whether the part may match at digits of class k
// (see numClass): false only where matchPart fails at every such token.
func (pt *part) opensNumber(k int) bool {
	switch pt.kind {
	case partLit:
		return phrasesOpenNumber(pt.lit, k)
	case partList:
		return phrasesOpenNumber(pt.list, k)
	}
	switch pt.slot {
	case slotYY, slotMon, slotDay, slotDayTh, slotHour, slotMinute:
		return k == numSmall // smallInt, or two digits
	case slotYear:
		return k == numYear || k == numRoundYear // isYear
	case slotDecade, slotCentury:
		return k == numRoundYear // "1990s", "1800s"
	case slotHHMM:
		return k != numSmall // three or four digits
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotQ, slotRoman, slotSeason, slotMonthDay, slotTHour, slotA, slotOffset:
		return false // words only
	}
	return true // numerals, ordinals, integers, listed phrases
}

// phrasesOpenNumber reports whether a phrase of ph starts with digits of
// class k ("12" of "12 noon"): a literal or list of words ("at", "@time_prep")
// cannot start at a number, and the patterns it opens, even as an
// optional part, were tried at every number.
func phrasesOpenNumber(ph *Phrases, k int) bool {
	if ph == nil {
		return true // no words known: it may hold any
	}
	for w := range ph.byFirst {
		if toks := token.Scan(w, nil); len(toks) > 0 && toks[0].Kind == token.Number && numClass(toks[0].Text) == k {
			return true
		}
	}
	return false
}

// assignAnchorBits gives each distinct kind of pattern part a bit and
// records the words that can start it, so that Anchors can compute a
// document's masks with one filtered map lookup per token. Each pattern
// then has its anchor part's bit (see leadReach) and need, the bits of all
// its required parts: a pattern is only tried where every required part
// can start within the pattern's width.
func (x *Index) assignAnchorBits() {
	x.wordBits = map[string]uint64{}
	x.condWords = map[string][]condWord{}
	keys := map[string]uint64{}
	next := uint64(1)
	// The last free bit is shared by the anchor parts that do not get
	// their own: still exact (a superset), only less selective. A
	// required part that is no anchor gets no bit once they run out: it
	// is then left out of its pattern's need, which stays exact. Sharing
	// the bit with those parts too put it on the most common words ("the",
	// "of"), so that the anchors sharing it passed nearly everywhere. When
	// the anchors leave the last bit free, a required part takes it.
	const shared = uint64(1) << 61
	anchors := true // bits are being given to anchor parts
	sharedTaken := false
	frozen := false // no more bits are given
	bitFor := func(key string) uint64 {
		if b, ok := keys[key]; ok {
			return b
		}
		if frozen || next > shared || next == shared && !anchors && sharedTaken {
			return 0
		}
		if next == shared && anchors {
			keys[key] = shared
			sharedTaken = true
			return shared
		}
		b := next
		keys[key] = b
		next <<= 1
		return b
	}
	// lazyBit gives a class its bit the first time a pattern needs it.
	lazyBit := func(field *uint64, key string) uint64 {
		if *field == 0 {
			*field = bitFor(key)
		}
		return *field
	}
	l := x.lang
	// wordBit gives the part its bit, words starting it marking it.
	wordBit := func(key string, add func(func(string))) uint64 {
		if b, ok := keys[key]; ok {
			return b
		}
		b := bitFor(key)
		if b != 0 {
			add(func(w string) { x.wordBits[w] |= b })
		}
		return b
	}
	// phraseBit gives the part its bit, marking the words that start its
	// phrases (see markPhrases).
	phraseBit := func(key string, ph *Phrases) uint64 {
		if b, ok := keys[key]; ok {
			return b
		}
		b := bitFor(key)
		if b != 0 {
			x.markPhrases(ph, b)
		}
		return b
	}
	partBit := func(pt *part) uint64 {
		switch pt.kind {
		case partList:
			return phraseBit("list:"+pt.listName, pt.list)
		case partLit:
			words := make([]string, 0, len(pt.lit.byFirst))
			for w := range pt.lit.byFirst {
				words = append(words, w)
			}
			sort.Strings(words)
			return phraseBit("lit:"+strings.Join(words, "|"), pt.lit)
		}
		switch pt.slot {
		case slotMonth, slotMonthName:
			return wordBit("month", func(f func(string)) { eachKey(l.months, f) })
		case slotWeekday, slotWeekdayName:
			return wordBit("weekday", func(f func(string)) { eachKey(l.weekdays, f) })
		case slotSeason:
			return wordBit("season", func(f func(string)) { eachKey(l.seasons, f) })
		case slotOffset:
			return wordBit("offset", func(f func(string)) { eachKey(l.offsets, f) })
		case slotPart:
			return phraseBit("part", l.parts)
		case slotHoliday:
			return phraseBit("holiday", l.holidays)
		case slotA:
			return wordBit("a", func(f func(string)) {
				for w, nw := range l.numWords {
					if nw.kind == nwOne {
						f(w)
					}
				}
			})
		case slotNum, slotOrdinal:
			x.readsNumerals = true
			return lazyBit(&x.numLikeBit, "numlike")
		case slotMonthDay:
			return lazyBit(&x.monthDayBit, "monthday")
		case slotQ:
			return lazyBit(&x.qBit, "q")
		case slotRoman:
			return lazyBit(&x.romanBit, "roman")
		case slotTHour:
			return lazyBit(&x.tHourBit, "thour")
		case slotYear, slotDecade, slotCentury:
			return lazyBit(&x.yearBit, "year") // four digits from 1000 to 2999
		case slotDay, slotDayTh, slotMon, slotHour, slotMinute, slotYY:
			return lazyBit(&x.smallBit, "small") // one or two digits
		}
		return lazyBit(&x.numberBit, "number")
	}
	// Anchor parts first: when there are more kinds of parts than bits, the
	// ones that share the last bit are the other required parts.
	for id, p := range x.pats {
		if q := x.req[id]; q >= 0 {
			x.bit[id] = partBit(&p.parts[q])
		}
	}
	anchors = false
	for id, p := range x.pats {
		need, width := uint64(0), 0
		for k := range p.parts {
			pt := &p.parts[k]
			width += pt.maxWidth(l)
			// A first part read by its words is there wherever the
			// pattern is tried (see leadReach): its bit would filter
			// nothing, and would take one a later part can use.
			if !pt.optional && !(k == 0 && pt.startKeyed()) {
				x.partBits[id][k] = partBit(pt)
				need |= x.partBits[id][k]
			}
		}
		if width < windowMax {
			x.need[id] = need
			x.width[id] = width
		} else {
			clear(x.partBits[id])
		}
	}
	// But phrases a word opens only with the next ("at" of "at night")
	// are not there wherever their pattern is tried (at every "at"): their
	// bit is, only before one of the second words. A first part of such
	// phrases that has a bit already (a later part of another pattern)
	// joins its pattern's need; none is given a bit here, which would take
	// it from a later part.
	frozen = true
	for id, p := range x.pats {
		if pt := &p.parts[0]; x.width[id] != 0 && !pt.optional && pt.startKeyed() && condOpened(x.partPhrases(pt)) {
			x.partBits[id][0] = partBit(pt)
			x.need[id] |= x.partBits[id][0]
		}
	}
}

// partPhrases returns the phrases whose first words give part pt its bit
// (see markPhrases), or nil for a part marked by single words or shapes.
func (x *Index) partPhrases(pt *part) *Phrases {
	switch pt.kind {
	case partList:
		return pt.list
	case partLit:
		return pt.lit
	}
	switch pt.slot {
	case slotPart:
		return x.lang.parts
	case slotHoliday:
		return x.lang.holidays
	}
	return nil
}

// condOpened reports whether some first word of ph only opens phrases of
// two or more words, so that markPhrases gives it ph's bit only before one
// of their second words.
func condOpened(ph *Phrases) bool {
	if ph == nil || ph.caseSensitive {
		return false
	}
	for _, list := range ph.byFirst {
		whole := false
		for k := range list {
			whole = whole || len(list[k].words) == 1
		}
		if !whole {
			return true
		}
	}
	return false
}

// markPhrases gives bit b to the words that start a phrase of ph: to a
// word that is a phrase by itself at once, and to one that only opens
// longer phrases ("at" of "at night") when one of their second words
// follows it (condWords). "at", "in" and "the" open such phrases, and
// marked at once they put the bits of night, morning and "the end of" on
// every third word. A case-sensitive index keeps its first words as
// written, and marks them at once.
func (x *Index) markPhrases(ph *Phrases, b uint64) {
	for w, list := range ph.byFirst {
		var seconds []string
		whole := ph.caseSensitive
		for k := range list {
			if len(list[k].words) == 1 {
				whole = true
				break
			}
			seconds = append(seconds, list[k].words[1])
		}
		if whole {
			x.wordBits[w] |= b
			continue
		}
		x.condWords[w] = append(x.condWords[w], condWord{bit: b, seconds: seconds})
	}
}

// Flags of Index.spoken.
const (
	spokenCentury = 1 << iota
	spokenAfter
)

// markSpoken fills spoken, adding the words to the Vocab.
func (x *Index) markSpoken() {
	l := x.lang
	mark := func(w string, flag uint8) {
		id := int(x.vocab.add(w))
		if id >= len(x.spoken) {
			x.spoken = append(x.spoken, make([]uint8, id+1-len(x.spoken))...)
		}
		x.spoken[id] |= flag
	}
	for w, nw := range l.numWords {
		if nw.kind == nwValue && nw.value >= 11 && nw.value <= 19 {
			mark(w, spokenCentury)
		}
	}
	for w := range l.yearAfter {
		mark(w, spokenAfter)
	}
}

// spokenFlags is what spoken holds for the word numbered id.
func (x *Index) spokenFlags(id int32) uint8 {
	if int(id) < len(x.spoken) {
		return x.spoken[id]
	}
	return 0
}

// spokenYearStart is l.SpokenYearStart(toks, i) for an index whose
// Vocab read the tokens as ws.
func (x *Index) spokenYearStart(toks []token.Token, ws []TokenWord, i int) bool {
	if toks[i].Kind != token.Word {
		return false
	}
	if x.spokenFlags(ws[i].id)&spokenCentury != 0 {
		return true
	}
	return i > 0 && x.spokenFlags(ws[i-1].id)&spokenAfter != 0 && x.lang.canStartNumber(&toks[i])
}

// setShapeBits fills shapeBits from the bits assignAnchorBits gave the
// kinds of parts that token shapes open.
func (x *Index) setShapeBits() {
	for s := range x.shapeBits {
		var m uint64
		for _, sb := range []struct {
			shape int
			bit   uint64
		}{
			{shapeNumber, x.numberBit}, {shapeNumLike, x.numLikeBit}, {shapeSmall, x.smallBit},
			{shapeYear, x.yearBit}, {shapeMonthDay, x.monthDayBit}, {shapeTwo, x.qBit},
			{shapeRoman, x.romanBit}, {shapeTHour, x.tHourBit},
		} {
			if s&sb.shape != 0 {
				m |= sb.bit
			}
		}
		x.shapeBits[s] = m
	}
	x.spokenYears = x.readsNumerals && x.yearBit != 0
}

// windowMax bounds the pattern width LongestAnchored checks all required
// parts over; wider patterns are checked on their anchor part only.
const windowMax = 48

// MayStart reports whether some pattern can start at token i, by its mask
// from Anchors (true when masks does not cover i): a caller can skip the
// setting up of a search at the many tokens where none can.
func (x *Index) MayStart(masks []uint64, i int) bool {
	return i >= len(masks) || masks[i]&startBit != 0
}

// startBit marks, in the masks Anchors computes, a token that some pattern
// can start at: LongestAnchored returns at once at the others.
const startBit = uint64(1) << 63

// lineBit marks a token that starts a line, so that the windows of
// LongestAnchored stop there without reading the tokens.
const lineBit = uint64(1) << 62

// Anchors computes a document's per-token anchor masks for
// LongestAnchored: one filtered map lookup per token.
//
// The masks are written into dst's storage when it is large enough, so a
// caller can reuse one buffer across documents.
func (x *Index) Anchors(toks []token.Token, dst []uint64) []uint64 {
	return x.AnchorsRead(toks, nil, dst)
}

// AnchorsRead is Anchors given what the index's Vocab read at the tokens
// (Vocab.Read; nil: read here), which the indexes of a language share: a
// document's words are then looked up and their shapes tested once for
// all of them, and each index turns them into its own bits.
func (x *Index) AnchorsRead(toks []token.Token, ws []TokenWord, dst []uint64) []uint64 {
	masks := dst[:0]
	if cap(masks) < len(toks) {
		masks = make([]uint64, len(toks))
	}
	masks = masks[:len(toks)]
	if ws == nil {
		ws = x.vocab.Read(toks, nil)
	}
	ws = ws[:len(toks)]
	byID := x.byID
	// The tokens are read from the last: a token's start bit depends on
	// the masks after it (see nearAhead), which are then done, and so are
	// the nearest token after it with an anchor bit (ahead) and the
	// nearest that starts a line (stop).
	//
	// A number's candidates are looked for from aheadNum, the nearest
	// token after it with an anchor bit of some number list (numAny),
	// rather than from ahead: on a page of figures ahead is the next
	// number, and nearAhead read every mask from there to the next year
	// or month, up to the dates' reach of three dozen tokens.
	//
	// A dull token (most of them; see dull) gets no anchor bit and no
	// start, only lineBit if it starts a line. Its TokenWord is read as
	// one number (tokenWords) and tested with masks: its fields read one
	// by one cost a dozen instructions more at every token.
	words, live, line := tokenWords(ws), x.liveMask(), wordBits(TokenWord{shape: shapeLine})
	ahead, aheadNum, stop := len(ws), len(ws), len(ws)
	for i := len(ws) - 1; i >= 0; i-- {
		if w := words[i]; w&live == 0 {
			var m uint64
			if w&line != 0 {
				m = lineBit
				stop = i
			}
			masks[i] = m
			continue
		}
		tw := ws[i]
		var key wordKey
		if uint(tw.id) < uint(len(byID)) {
			key = byID[tw.id] // 0, not in the Vocab: no bits, no list
		}
		m := key.bits | x.shapeBits[uint8(tw.shape)]
		if key.cond != 0 && i+1 < len(ws) {
			// A word that opens only longer phrases ("at night"), before
			// a word the Vocab holds.
			if next := ws[i+1].id; next != 0 {
				m |= x.condBits(key.cond, next)
			}
		}
		// The candidates (see candidatesFor): a word's are those of its
		// key; digits open the number patterns, and a word an ordinal
		// prefix opens ("kedua") the ordinal ones too.
		own, more, from := key.list, (*candList)(nil), ahead
		if own != nil && own.sign && !glueNumberAt(toks, i+1) {
			own = own.bare
		}
		if tw.shape&(shapeNumber|shapePrefixed|shapeSpoken) != 0 {
			// A year in words is a numeral: only an index that reads
			// numerals (the dates) looks for one ("nineteen ninety-six",
			// "the year two thousand").
			if tw.shape&shapeSpoken != 0 && x.spokenYears && x.spokenYearStart(toks, ws, i) {
				m |= x.yearBit
			}
			if tw.shape&shapeNumber != 0 {
				own, from = x.numLists[shapeNumClass(tw.shape)], aheadNum
			} else if tw.shape&shapePrefixed != 0 {
				more = x.ordList
			}
		}
		// A token is a start only if the anchor of one of its candidate
		// groups occurs within reach (or a group is untracked): most
		// prepositions and numbers open no pattern here, and the search
		// is then never set up.
		if (own != nil || more != nil) && (nearAhead(masks, i, m, own, from, stop) || nearAhead(masks, i, m, more, ahead, stop)) {
			m |= startBit
		}
		if m&^startBit != 0 {
			ahead = i
			if m&x.numAny != 0 {
				aheadNum = i
			}
		}
		// From the shape rather than the token: the loop then reads
		// the tokens only at numbers and numeral words.
		if tw.shape&shapeLine != 0 {
			m |= lineBit
			stop = i
		}
		masks[i] = m
	}
	return masks
}

// liveMask is the bits of a TokenWord read as one number (tokenWords)
// that make it not dull to the index: its liveBit, or every bit for an
// index without one (past the Vocab's maxLiveIndexes), whose tokens are
// then all read in full, which gives a dull one the same mask
// (TestAnchorsDull).
func (x *Index) liveMask() uint64 {
	if x.liveBit == 0 {
		return ^uint64(0)
	}
	return wordBits(TokenWord{live: x.liveBit})
}

// tokenWords is ws read as numbers, one a TokenWord, which a mask of
// wordBits tests at one load.
func tokenWords(ws []TokenWord) []uint64 {
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(ws))), len(ws))
}

// wordBits is the bits of tw's fields where they sit when a TokenWord is
// read as one number (tokenWords), and no other: a mask, built field by
// field so that the padding byte is zero.
func wordBits(tw TokenWord) uint64 {
	var u uint64
	p := (*TokenWord)(unsafe.Pointer(&u))
	p.id, p.shape, p.live = tw.id, tw.shape, tw.live
	return u
}

// A TokenWord is read as one uint64 (tokenWords).
var _ = [1]struct{}{}[unsafe.Sizeof(TokenWord{})-unsafe.Sizeof(uint64(0))]

// glueNumberAt reports whether toks[j] is a number glued to the token
// before it: only then can a sign or a decimal point before it open a
// numeral.
func glueNumberAt(toks []token.Token, j int) bool {
	return j < len(toks) && toks[j].Kind == token.Number && toks[j].Glued()
}

// nearAhead reports whether some group of c may pass at token i, whose
// mask is m: an untracked group, or an anchor bit of c present within c's
// reach on i's line. The tokens after i before ahead have no bit of c's
// anchors (no anchor bit at all, or none of a number list's: see
// AnchorsRead's aheadNum), and stop is the first after i that starts a
// line, so that only the masks from ahead to the end of the reach or the
// line are read.
func nearAhead(masks []uint64, i int, m uint64, c *candList, ahead, stop int) bool {
	if c == nil {
		return false
	}
	if c.open || m&c.any != 0 {
		return true
	}
	// Most tokens: no anchor bit of any kind within reach.
	end := min(i+1+c.reach, stop)
	return ahead < end && anyBit(masks[ahead:end], c.any)
}

// anyBit reports whether some mask of ms has a bit of any. It is
// nearAhead's scan, which reads a dozen masks or more at a number (many
// patterns anchor a few tokens on), two masks a step: a mask a step cost
// seven instructions inside AnchorsRead, whose state the loop saves and
// reloads. It and nearAhead inline (nearAhead at a cost of 80, the
// budget): a call in AnchorsRead's loop cost more than the scan saves.
func anyBit(ms []uint64, any uint64) bool {
	for len(ms) >= 2 {
		if (ms[0]|ms[1])&any != 0 {
			return true
		}
		ms = ms[2:]
	}
	return len(ms) > 0 && ms[0]&any != 0
}

func (p *Pattern) firstKeys() (words []string, classes []int) {
	for _, pt := range p.parts {
		switch pt.kind {
		case partLit:
			for w := range pt.lit.byFirst {
				words = append(words, w)
			}
		case partList:
			for w := range pt.list.byFirst {
				words = append(words, w)
			}
		case partSlot:
			switch pt.slot {
			case slotMonth, slotMonthName:
				classes = append(classes, classMonth)
			case slotWeekday, slotWeekdayName:
				classes = append(classes, classWeekday)
			case slotNum:
				classes = append(classes, classNumber, classNumWord)
			case slotOrdinal:
				classes = append(classes, classNumber, classOrdWord)
			case slotQ:
				words = append(words, "q1", "q2", "q3", "q4", "h1", "h2")
			case slotMonthDay:
				for w := range p.Lang.months {
					for d := 1; d <= 31; d++ {
						words = append(words, fmt.Sprintf("%s%d", w, d))
					}
				}
			case slotTHour:
				for h := 0; h <= 24; h++ {
					words = append(words, fmt.Sprintf("t%d", h), fmt.Sprintf("t%02d", h))
				}
			case slotRoman:
				for r := range romanOrdinals {
					words = append(words, strings.ToLower(r))
				}
			case slotSeason:
				for w := range p.Lang.seasons {
					words = append(words, w)
				}
			case slotA:
				for w, nw := range p.Lang.numWords {
					if nw.kind == nwOne {
						words = append(words, w)
					}
				}
			case slotOffset:
				for w := range p.Lang.offsets {
					words = append(words, w)
				}
			case slotPart:
				for w := range p.Lang.parts.byFirst {
					words = append(words, w)
				}
			case slotHoliday:
				for w := range p.Lang.holidays.byFirst {
					words = append(words, w)
				}
			case slotYear:
				classes = append(classes, classNumber)
				for w, nw := range p.Lang.numWords {
					if nw.kind == nwValue && nw.value >= 11 && nw.value <= 19 {
						words = append(words, w) // "nineteen ninety-six"
					}
				}
			default:
				classes = append(classes, classNumber)
			}
		}
		if !pt.optional {
			break
		}
	}
	return words, classes
}

// leadReach picks the part that filters the pattern best — its last
// required slot ("$year" in "@year_lead? @year_prep $year"), or its last
// required part when it has no slot ("@dur_rolling" in "the past|last
// @dur_rolling") — and returns how many tokens the parts before it can
// take at most, with its index (-1 for none).
//
// A required first part read by its words is never the anchor: the
// pattern is only tried at those words (firstKeys), so its anchor bit
// would always be there and filter nothing. Another required part filters
// instead; a pattern of that part alone has no anchor (and costs no bit).
func (p *Pattern) leadReach() (reach, anchor int) {
	anchor = -1
	best := 0
	for k, pt := range p.parts {
		if pt.optional || k == 0 && pt.startKeyed() {
			continue
		}
		if sc := pt.selectivity(); sc >= best {
			anchor, best = k, sc
		}
	}
	for k := 0; k < anchor; k++ {
		reach += p.parts[k].maxWidth(p.Lang)
	}
	return reach, anchor
}

// startKeyed reports whether a pattern starting with the part is found
// by the part's own words (firstKeys), which are also those its anchor bit
// marks (assignAnchorBits): a literal, a list, or a slot of listed words.
func (pt *part) startKeyed() bool {
	switch pt.kind {
	case partLit, partList:
		return true
	}
	switch pt.slot {
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotSeason, slotOffset, slotPart, slotHoliday, slotA:
		return true
	}
	return false
}

// selectivity ranks how rarely a part can start at a token: names and
// relative words are rare, listed phrases less so, digits common.
func (pt *part) selectivity() int {
	switch pt.kind {
	case partList, partLit:
		return 2
	}
	switch pt.slot {
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotSeason, slotOffset, slotQ, slotRoman, slotTHour, slotMonthDay, slotHoliday:
		return 3
	case slotPart, slotA, slotYear:
		// A year-shaped number is rarer than the function words that
		// open the patterns around it ("the 2000 Olympics").
		return 2
	}
	return 1
}

// maxWidth is an upper bound on the tokens a part can match.
func (pt *part) maxWidth(l *Language) int {
	switch pt.kind {
	case partList:
		return pt.list.maxWords()
	case partLit:
		return pt.lit.maxWords()
	}
	switch pt.slot {
	case slotNum, slotOrdinal:
		return 16 // "twenty-one trillion and three hundred twenty second"
	case slotPart:
		return l.parts.maxWords()
	case slotHoliday:
		return l.holidays.maxWords()
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotDay, slotDayTh, slotMinute:
		return 3 // a name and its period, a day and its suffix, seconds
	case slotYear:
		// A year said aloud takes four tokens ("nineteen", "ninety",
		// "-", "six": spokenYear): counted as three, a pattern it opens
		// could not reach the part after it ("nineteen ninety-six Q1").
		return 4
	}
	return 3
}

// canStart reports whether part pt could begin at token t: a superset of
// what matchPart accepts there, used to skip patterns that cannot match.
func (l *Language) canStart(pt *part, t *token.Token) bool {
	switch pt.kind {
	case partList:
		return pt.list.StartsAt(t)
	case partLit:
		return pt.lit.StartsAt(t)
	}
	switch pt.slot {
	case slotMonth, slotMonthName:
		_, ok := l.monthOf(t)
		return ok
	case slotWeekday, slotWeekdayName:
		_, ok := l.weekdayOf(t)
		return ok
	case slotSeason:
		_, ok := l.seasons[t.Lower]
		return ok
	case slotOffset:
		_, ok := l.offsets[t.Lower]
		return ok
	case slotPart:
		_, ok := l.parts.byFirst[t.Lower]
		return ok
	case slotHoliday:
		_, ok := l.holidays.byFirst[t.Lower]
		return ok
	case slotA:
		return l.factsOf(t).num.kind == nwOne
	case slotNum, slotOrdinal:
		switch t.Kind {
		case token.Number:
			return true
		case token.Punct:
			return true // a sign, a vulgar fraction, a leading point
		}
		return t.Kind == token.Word && l.canStartNumber(t)
	case slotMonthDay:
		k := len(t.Lower)
		for k > 0 && t.Lower[k-1] >= '0' && t.Lower[k-1] <= '9' {
			k--
		}
		_, ok := l.months[t.Lower[:k]]
		return ok && k < len(t.Lower)
	case slotQ:
		return len(t.Lower) == 2 && (t.Lower[0] == 'q' || t.Lower[0] == 'h')
	case slotRoman:
		_, ok := romanOrdinals[t.Text]
		return ok
	case slotTHour:
		return len(t.Lower) >= 2 && t.Lower[0] == 't' && t.Lower[1] >= '0' && t.Lower[1] <= '9'
	case slotYear:
		// Digits, or a year in words ("nineteen ninety-six", "two
		// thousand" after "the year").
		return t.Kind == token.Number || t.Kind == token.Word && (l.SpokenCentury(t) || l.canStartNumber(t))
	}
	return t.Kind == token.Number
}

// mayMatch reports whether pattern id can match at toks[i]: its anchor part
// (see leadReach) must be able to start within the reach of the parts
// before it. Most tokens reach patterns only through a preposition ("in",
// "the", "from"); this test skips those patterns without running the
// matcher when no date word follows.
func (x *Index) mayMatch(toks []token.Token, masks []uint64, i, id int) bool {
	p := x.pats[id]
	q := x.req[id]
	if q < 0 {
		return true
	}
	if b := x.bit[id]; b != 0 && masks != nil {
		for j := i; j < len(toks) && j <= i+x.reach[id]; j++ {
			if j > i && toks[j].Is(token.NewlineBefore) {
				return false
			}
			if masks[j]&b != 0 {
				return true
			}
		}
		return false
	}
	pt := &p.parts[q]
	for j := i; j < len(toks) && j <= i+x.reach[id]; j++ {
		if j > i && toks[j].Is(token.NewlineBefore) {
			return false
		}
		if x.lang.canStart(pt, &toks[j]) {
			return true
		}
	}
	return false
}

// Match is a pattern match.
type Match struct {
	Pattern *Pattern
	Start   int // token index
	End     int // token index after the match
	Caps    Captures
}

// LongestAnchored tries the patterns that can start at toks[i] and returns
// the longest match; among equally long ones, the earliest-listed pattern.
// accept may reject a match or shorten it by returning a lower end: a
// rejected long match does not hide a shorter good one ("tonight" in
// "tonight at 1am"). It gets the search's candidate by pointer, and may
// shorten it in place: a Match is 232 bytes, and passed by value it was
// copied at every pattern that matched. (A pointer passed to a function
// value escapes, so the searches keep their candidate in a searchState on
// the heap: in a Tails, or one of their own for LongestInto's rarer
// callers.)
// masks are the document's anchor masks (see Anchors), which make skipping
// impossible patterns cost an array read; they may be nil (every pattern
// is checked on its own), or longer than toks.
func (x *Index) LongestAnchored(toks []token.Token, masks []uint64, i int, accept func(*Match) (int, bool)) (Match, bool) {
	var m Match
	ok := x.LongestInto(toks, masks, i, accept, &m)
	return m, ok
}

// LongestInto is LongestAnchored writing the match into *best, which it
// leaves as it was when there is none. A Match is 232 bytes, and
// returning it by value through the search and its callers copied it at
// each of them, for each of the hundreds of thousands of tokens per
// megabyte where a search starts (most of them finding nothing).
func (x *Index) LongestInto(toks []token.Token, masks []uint64, i int, accept func(*Match) (int, bool), best *Match) bool {
	if i < len(masks) && masks[i]&startBit == 0 {
		return false // most tokens: small enough to inline
	}
	own, more := x.candidates(&toks[i])
	st := statePool.Get().(*searchState)
	ok := x.longest(toks, masks, i, own, more, accept, best, nil, -1, st)
	statePool.Put(st)
	return ok
}

// LongestIntoRead is LongestInto given what the index's Vocab read at the
// tokens (Vocab.Read, as AnchorsRead takes them; ws may be longer than
// toks): the token's word number and shape are then read there, not looked
// up again at every search (a tenth of a search's own cost on a page of
// dates).
func (x *Index) LongestIntoRead(toks []token.Token, masks []uint64, ws []TokenWord, i int, accept func(*Match) (int, bool), best *Match) bool {
	if i < len(masks) && masks[i]&startBit == 0 {
		return false
	}
	own, more := x.candidatesRead(ws[i])
	st := statePool.Get().(*searchState)
	ok := x.longest(toks, masks, i, own, more, accept, best, nil, -1, st)
	statePool.Put(st)
	return ok
}

// statePool holds the search states of LongestInto and LongestIntoRead,
// whose callers keep no Tails (LongestLeadInto searches in the one its
// caller holds): a state is over a kilobyte, and a new one at each call
// allocated 2.6 MB per 5 MB of real Indonesian. longest takes a state as
// it was left (Tails reuses one), so a pooled one needs no clearing.
var statePool = sync.Pool{New: func() any { return new(searchState) }}

// LongestLeadInto is LongestIntoRead remembering in t (emptied first) how
// the patterns it tried matched after their optional first part, for
// LongestPastInto at the tokens after i in the same toks.
func (x *Index) LongestLeadInto(toks []token.Token, masks []uint64, ws []TokenWord, i int, accept func(*Match) (int, bool), best *Match, t *Tails) bool {
	t.n, t.next = 0, 0
	if i < len(masks) && masks[i]&startBit == 0 {
		return false
	}
	own, more := x.candidatesRead(ws[i])
	return x.longest(toks, masks, i, own, more, accept, best, t, -1, &t.state)
}

// LongestPastInto is LongestIntoRead asking only whether the longest
// accepted match at toks[i] ends after token past (its End > past): it
// writes that match into *best and reports true, or leaves *best as it
// was. A caller that takes a later match over one it holds asks no more
// (scanDates: "at 5 p.m." at "at", then "5 p.m." at "5"), so the search
// skips a pattern whose rest after its optional first part ended by past,
// or failed, at i in the search t remembers (LongestLeadInto), and does
// not pass shorter matches to accept.
func (x *Index) LongestPastInto(toks []token.Token, masks []uint64, ws []TokenWord, i, past int, accept func(*Match) (int, bool), best *Match, t *Tails) bool {
	if i < len(masks) && masks[i]&startBit == 0 {
		return false
	}
	own, more := x.candidatesRead(ws[i])
	return x.longest(toks, masks, i, own, more, accept, best, t, past, &t.state)
}

// longest is LongestInto's search over the candidate lists of toks[i].
// With past >= 0 it finds only matches that end after token past, skipping
// the patterns t says end by then (see LongestPastInto); else a non-nil t
// records the tails of the patterns tried (see LongestLeadInto). st is
// the search's working state, which it sets up (see searchState).
func (x *Index) longest(toks []token.Token, masks []uint64, i int, own, more *candList, accept func(*Match) (int, bool), best *Match, t *Tails, past int, st *searchState) bool {
	if own == nil && more == nil {
		return false
	}
	// Set field by field: a composite literal was built in a temporary
	// from a static template (for bestID's -1) and then copied, thirty
	// moves at each search.
	var s search
	s.x, s.toks, s.masks, s.i, s.past, s.accept, s.best, s.bestID, s.t = x, toks, masks, i, past, accept, best, -1, t
	s.dedupe = own != nil && more != nil
	if s.dedupe {
		st.tried = [8]uint64{}
	}
	// The numerals the patterns read, read once (patterns of the index
	// share its language).
	if past < 0 {
		st.nums.reset(t)
	} else {
		st.nums.reset(nil)
	}
	st.win.start(masks, i, min(len(toks), len(masks))-i)
	if own != nil {
		s.visit(own, st)
	}
	if more != nil {
		s.visit(more, st)
	}
	return s.bestID >= 0
}

// search is one run of Index.longest: its arguments, and the best match
// so far (*best, once bestID says it holds one). try reads them through
// one pointer: as a closure over longest's variables it loaded and
// spilled each of them at every call, a fifth of a search's own cost.
// The working state is passed to try on its own: accept gets a pointer
// into it, which escapes, and the escape analysis does not tell a
// struct's fields apart, so held here it made best and accept escape too
// (the callers' matches and accept's method value on the heap).
type search struct {
	x       *Index
	toks    []token.Token
	masks   []uint64
	i, past int
	accept  func(*Match) (int, bool)
	best    *Match
	bestID  int
	t       *Tails
	// A word an ordinal prefix opens can reach a pattern through both
	// lists (dedupe); searchState.tried then tells the second time apart.
	dedupe bool
}

// visit tries the groups of candidate list c that pass their anchor and
// need tests (all of them without masks), in the list's order. A group's
// tests read the window's unions in place: a search at a token opening a
// date visits a dozen groups, most of them turned away, and the tests were
// most of a failed search's cost.
func (s *search) visit(c *candList, st *searchState) {
	if s.masks == nil {
		for k := range c.groups {
			s.try(&c.groups[k], st)
		}
		return
	}
	win := &st.win
	// The anchor bits present within the list's largest reach: only
	// their groups can pass (a superset test; each group then tests its
	// own reach, and whether the parts its patterns need all start within
	// their width). The same union rules out the groups due a part it
	// lacks (see candList.setDue).
	u := win.upTo(c.reach)
	miss := c.due &^ u
	near := c.any & u
	for near != 0 {
		b := bits.TrailingZeros64(near)
		near &= near - 1
		gs := c.groups[c.first[b]:c.first[b+1]]
		for k := range gs {
			g := &gs[k]
			if g.due&miss != 0 {
				continue
			}
			if win.upTo(g.reach)&g.bit == 0 {
				break // and so are the nearer reaches after it
			}
			if g.need != 0 && win.upTo(g.width-1)&g.need != g.need || g.spots != nil && !win.spotsIn(g.spots) {
				continue
			}
			s.try(g, st)
		}
	}
	gs := c.groups[c.first[64]:]
	for k := range gs {
		g := &gs[k]
		if g.due&miss != 0 || g.need != 0 && win.upTo(g.width-1)&g.need != g.need || g.spots != nil && !win.spotsIn(g.spots) {
			continue
		}
		s.try(g, st)
	}
}

// try runs the patterns of group g that pass their own tests. It is called
// only for the groups that pass the anchor and need tests: a call per
// group turned away cost more than the tests.
func (s *search) try(g *candGroup, st *searchState) {
	x := s.x
	cand := &st.cand // the match being tried, written in place by the pattern
	for _, id := range g.ids {
		if s.dedupe && id < len(st.tried)*64 {
			if st.tried[id>>6]&(1<<(id&63)) != 0 {
				continue
			}
			st.tried[id>>6] |= 1 << (id & 63)
		}
		if (s.masks == nil || g.bit == 0) && !x.mayMatch(s.toks, s.masks, s.i, id) {
			continue
		}
		p := x.pats[id]
		if s.past >= 0 && x.tail[id] && s.t.settled(p, s.toks, s.i, s.past) {
			continue
		}
		cand.Caps = Captures{}
		end, ok := p.matchCaps(s.toks, s.i, &cand.Caps, &st.nums)
		// The longest match wins, and among equally long ones the
		// earliest-listed pattern, whatever order they are tried in.
		// (past is -1 but for LongestPastInto; accept never lengthens
		// a match.)
		if !ok || end <= s.past || s.bestID >= 0 && (end < s.best.End || end == s.best.End && id > s.bestID) {
			continue
		}
		cand.Pattern, cand.Start, cand.End = p, s.i, end
		if s.accept != nil {
			if cand.End, ok = s.accept(cand); !ok || cand.End <= s.past {
				continue
			}
		}
		if s.bestID < 0 || cand.End > s.best.End || cand.End == s.best.End && id < s.bestID {
			*s.best, s.bestID = *cand, id
		}
	}
}

// maskWindow holds the unions of the anchor masks of toks[i..i+r] from a
// search's token (acc[r]), which stop growing at a line break or the end
// (no match crosses either); they are filled as far as the candidates
// need. The unions leave out lineBit (the search's token's own too): the
// window reads only the bits of parts, and a union without it tells a
// line's start among the masks just added by one test (see fill). ms holds
// the masks from the search's token to where the unions stop growing (cut
// short at the line's end once filling finds it), run the union so far.
type maskWindow struct {
	ms  []uint64
	n   int
	run uint64
	acc [windowMax]uint64
}

// start empties the window for a search at token i of masks, whose
// unions stop growing lim tokens on (the end of the tokens searched). The
// masks are sliced here once: fill runs two or three times per search.
func (w *maskWindow) start(masks []uint64, i, lim int) {
	w.ms, w.n, w.run = nil, 0, 0
	if lim > 0 && masks != nil {
		w.ms = masks[i : i+lim : i+lim]
	}
}

// upTo is the union of the masks of the r+1 tokens from the window's
// start, or of those up to the line's end when r reaches past it.
func (w *maskWindow) upTo(r int) uint64 {
	if r < w.n {
		return w.acc[r] // most calls: small enough to inline
	}
	return w.fill(r)
}

// fillBlock is how many masks fill reads between tests of a line's start.
const fillBlock = 8

// fill is upTo past the unions filled so far. It fills in locals and
// writes back once: it runs at every search at a number, where the
// candidate lists reach 36 tokens on (a duration's or an "ago" of two
// numbers) and it read most of the window at each. It ORs the masks into
// the union a block at a time, writing each union as it goes, and tests
// the union for lineBit once per block: the union holds no line bit
// before, so one there is a line's start among the block's masks, and the
// loops below then redo the block from its start (the unions written past
// the line's start are never read: n stops before it).
func (w *maskWindow) fill(r int) uint64 {
	if n, end := w.n, min(r+1, len(w.ms)); n < end {
		// Both sliced to the same length and read a block at a time
		// through array pointers: one bounds check per block.
		v, ms := w.run, w.ms[:end]
		acc := w.acc[:len(ms)]
		if n == 0 {
			// The window's first token: its line bit stops nothing.
			v = ms[0] &^ lineBit
			acc[0] = v
			n = 1
		}
		for ; n+fillBlock <= len(ms); n += fillBlock {
			q, o := ms[n:n+fillBlock:n+fillBlock], acc[n:n+fillBlock:n+fillBlock]
			u := v | q[0]
			o[0] = u
			u |= q[1]
			o[1] = u
			u |= q[2]
			o[2] = u
			u |= q[3]
			o[3] = u
			u |= q[4]
			o[4] = u
			u |= q[5]
			o[5] = u
			u |= q[6]
			o[6] = u
			u |= q[7]
			o[7] = u
			if u&lineBit != 0 {
				break // the loops below stop at the line's first token
			}
			v = u
		}
		if n+4 <= len(ms) {
			// Half a block: the window of a number's list is 37 masks,
			// four blocks after the first and four more.
			q, o := ms[n:n+4:n+4], acc[n:n+4:n+4]
			u := v | q[0]
			o[0] = u
			u |= q[1]
			o[1] = u
			u |= q[2]
			o[2] = u
			u |= q[3]
			o[3] = u
			if u&lineBit == 0 {
				v, n = u, n+4
			}
		}
		for ; n < len(ms); n++ {
			mk := ms[n]
			if mk&lineBit != 0 {
				w.ms = w.ms[:n]
				break
			}
			v |= mk
			acc[n] = v
		}
		w.n, w.run = n, v
	}
	if r < w.n {
		return w.acc[r]
	}
	return w.run // r reaches past the line's end
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// romanLetters reports whether s is written in I, V and X only, as every
// Roman ordinal the rules read is.
func romanLetters(s string) bool {
	for k := 0; k < len(s); k++ {
		if c := s[k]; c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}

// candidates returns the patterns that can start at t.
func (x *Index) candidates(t *token.Token) (own, more *candList) {
	var list *candList
	if t.Kind != token.Number {
		list = x.key(x.vocab.ID(t)).list
	}
	return x.candidatesFor(t, list)
}

// candidatesRead is candidates given what the Vocab read at the token
// (tw): its word number, and its shape, which tells a digit run and its
// class (shapeNumClass) and a word an ordinal prefix opens, as AnchorsRead
// reads them. Read from tw alone it inlines: its call in the entry points
// spilled and reloaded every argument of the search around it.
func (x *Index) candidatesRead(tw TokenWord) (own, more *candList) {
	if tw.shape&shapeNumber != 0 {
		return x.numLists[shapeNumClass(tw.shape)], nil
	}
	if tw.shape&shapePrefixed != 0 {
		more = x.ordList
	}
	return x.key(tw.id).list, more
}

// candidatesFor is candidates given the list of t's lower-case form.
func (x *Index) candidatesFor(t *token.Token, list *candList) (own, more *candList) {
	switch {
	case t.Kind == token.Number:
		return x.numLists[numClass(t.Text)], nil
	case t.Kind == token.Word:
		// "kedua", "ketiga": words an ordinal prefix opens.
		if x.ordList != nil && x.lang.prefixedOrdinal(t.Lower) {
			more = x.ordList
		}
	}
	return list, more
}

// searchState is a search's working state: the candidate match, the
// numeral and phrase memo and the mask window, about 1.2 KB that a search
// declared on its stack zeroed at every token it searched from, most of
// them finding nothing. The searches that keep a Tails (a date scan's, at
// each token that may open a date) keep it there, and only set it up:
// each part is written before it is read (see numMemo.reset and
// maskWindow.start; the candidate's captures are cleared per pattern).
type searchState struct {
	cand Match
	nums numMemo
	win  maskWindow
	// tried marks the patterns a search tried, when it may meet one
	// twice (see search.dedupe); it is cleared only then.
	tried [8]uint64
}
