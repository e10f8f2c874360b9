package rules

import (
	"encoding/binary"

	"github.com/crosscheck/crosscheck/claims/token"
)

// A spot is where a required part of a group's patterns must start, in
// tokens from the search's token (lo to hi, both included), and the part's
// anchor bit. The need test of a group asks only whether every needed part
// starts somewhere within the pattern's width: on a page of clock times,
// "at 5 p.m." passed the need of "@time_prep? $hour.$minute @ampm" by the
// stops of "p.m." and the next time's digits, and a number passed that of
// "the? $day of? $month" by the month of the next date; each then ran the
// matcher to fail (a third of the patterns tried on a page of clock times).
// A spot test turns them away by the masks the window already holds.
type spot struct {
	bit    uint64
	lo, hi int
}

// opener tells whether part pt may match at the tokens of one candidate
// list (the tokens of one word, or digit runs of one class): false only
// where matchPart fails at every such token. A pattern's leading optional
// parts that cannot open there are absent wherever the list's patterns are
// tried, so they take no tokens (see spanFrom).
type opener func(pt *part) bool

// anyOpener is the opener of a list whose tokens are not known well
// enough to rule a part out.
func anyOpener(*part) bool { return true }

// numberOpener is the opener of the digit runs of class k (numClass).
func (x *Index) numberOpener(k int) opener {
	return func(pt *part) bool { return x.partOpensNumber(pt, k) }
}

// wordOpener is the opener of the tokens whose lower-case form is w (the
// key of a word's or a punctuation mark's list).
func wordOpener(w string) opener {
	scanned, one := false, false
	var kind token.Kind
	return func(pt *part) bool {
		switch pt.kind {
		case partLit:
			return phrasesOpenWord(pt.lit, w)
		case partList:
			return phrasesOpenWord(pt.list, w)
		}
		if !scanned {
			// Told once, and only for a slot: most leading optional
			// parts are prepositions.
			scanned = true
			kind, one = plainKind(w)
			if !one {
				toks := token.Scan(w, nil)
				one = len(toks) == 1 && toks[0].Lower == w
				if one {
					kind = toks[0].Kind
				}
			}
		}
		return !one || pt.slotOpensKind(kind)
	}
}

// plainKind tells the kind of token w scans to when w is lower-case
// letters or digits only (ok), as nearly every key is, without scanning
// it: a scan of each of the thousands of keys was a tenth of the lists'
// building.
func plainKind(w string) (kind token.Kind, ok bool) {
	letters, digits := 0, 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		}
	}
	switch {
	case w == "":
		return 0, false
	case letters == len(w):
		return token.Word, true
	case digits == len(w):
		return token.Number, true
	}
	return 0, false
}

// phrasesOpenWord reports whether a phrase of ph may start at a token
// whose lower-case form is w.
func phrasesOpenWord(ph *Phrases, w string) bool {
	if ph == nil || ph.caseSensitive {
		return true // first words kept as written
	}
	_, ok := ph.byFirst[w]
	return ok
}

// slotOpensKind is slotMayOpen for a token of kind k with any flags.
func (pt *part) slotOpensKind(k token.Kind) bool {
	switch pt.slot {
	case slotYY, slotMon, slotDay, slotDayTh, slotHour, slotMinute, slotInt, slotDecade, slotCentury, slotHHMM:
		return k == token.Number
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotQ, slotRoman, slotSeason, slotMonthDay, slotTHour, slotA, slotOffset:
		return k == token.Word
	}
	return true
}

// span bounds the tokens a present part takes: at least lo, at most hi.
// exact is false when hi is only the estimate maxWidth gives (a numeral
// or a year, which words may spell at any length): the parts after it
// are then bounded by the pattern's width alone, as before spots.
func (pt *part) span(l *Language) (lo, hi int, exact bool) {
	switch pt.kind {
	case partList:
		return pt.list.minWords(), pt.list.maxWords(), true
	case partLit:
		return pt.lit.minWords(), pt.lit.maxWords(), true
	}
	switch pt.slot {
	case slotYY, slotMon, slotHour, slotInt, slotQ, slotRoman, slotSeason, slotHHMM, slotTHour, slotMonthDay, slotA, slotOffset:
		return 1, 1, true
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName:
		return 1, 2, true // an abbreviation's period
	case slotDay, slotDayTh:
		return 1, 2, true // an ordinal suffix
	case slotMinute:
		return 1, 3, true // seconds
	case slotDecade, slotCentury:
		return 2, 3, true // "1990s", "1990's", "1990-an"
	case slotPart:
		return 1, l.parts.maxWords(), true
	case slotHoliday:
		return 1, l.holidays.maxWords(), true
	}
	return 1, pt.maxWidth(l), false
}

// spanFrom returns where each part of a pattern may start in a match
// whose first part read is part first at the earliest (and surely, when
// sure is set), in tokens from its start (starts[k], with ok[k] false
// where only the pattern's width bounds it); spans are the parts' own.
func spanFrom(spans []partSpan, first int, sure bool) (starts [][2]int, ok []bool) {
	starts, ok = make([][2]int, len(spans)), make([]bool, len(spans))
	lo, hi, exact := 0, 0, true
	for k := first; k < len(spans); k++ {
		starts[k], ok[k] = [2]int{lo, hi}, exact
		sp := spans[k]
		if !sp.optional || k == first && sure {
			lo += sp.lo
		}
		hi, exact = hi+sp.hi, exact && sp.exact
	}
	return starts, ok
}

// partSpan is a part's span, and whether it is optional.
type partSpan struct {
	lo, hi          int
	exact, optional bool
}

// firstOpen is the first part of pattern id that may be read at the
// tokens of a candidate list (opens): the parts before it are optional,
// and absent there. It is returned as a lead, first<<1, with bit 0 set
// when the part is read there surely: no later part up to the first
// required one may open there ("on" may open "@date_prep? the? $day"
// only with its preposition, which then takes a token at least).
func (x *Index) firstOpen(id int, opens opener) (lead int) {
	p := x.pats[id]
	first := 0
	for first < len(p.parts)-1 && p.parts[first].optional && !opens(&p.parts[first]) {
		first++
	}
	if !p.parts[first].optional || x.need[id] == 0 {
		return first << 1 // read surely, or no spots to tighten
	}
	for k := first + 1; k < len(p.parts); k++ {
		if opens(&p.parts[k]) {
			return first << 1
		}
		if !p.parts[k].optional {
			break
		}
	}
	return first<<1 | 1
}

// groupShape is the shape of pattern id in a candidate list whose tokens
// read its parts from lead on (see firstOpen): the pattern's own (see
// Index) tightened where spanFrom bounds the parts from there. The
// shapes are kept by lead: the lists of every month name, number word
// and preposition share them.
func (x *Index) groupShape(id, lead int) groupShape {
	if x.plain {
		return groupShape{reach: x.reach[id], width: x.width[id]}
	}
	if x.shapes[id] == nil {
		x.shapes[id] = make([]*groupShape, 2*len(x.pats[id].parts))
	}
	if sh := x.shapes[id][lead]; sh != nil {
		return *sh
	}
	sh := x.shapeFrom(id, lead)
	x.shapes[id][lead] = &sh
	return sh
}

// wordList is the candidate list of the word or punctuation mark w,
// whose candidate patterns are ids: a list built for another word is
// shared when the patterns and their first parts are the same (every
// month name, every number word), which saves building it again.
func (x *Index) wordList(ids []int, w string) *candList {
	if len(ids) == 0 {
		return nil
	}
	firsts := x.firsts(ids, wordOpener(w))
	key := make([]byte, 0, 4*len(ids))
	for k, id := range ids {
		key = binary.AppendUvarint(key, uint64(id))
		key = binary.AppendUvarint(key, uint64(firsts[k]))
	}
	if c, ok := x.listMemo[string(key)]; ok {
		return c
	}
	c := x.newCandList(ids, firsts)
	x.listMemo[string(key)] = c
	return c
}

// firsts is firstOpen of each of ids (their leads).
func (x *Index) firsts(ids []int, opens opener) []int {
	out := make([]int, len(ids))
	for k, id := range ids {
		out[k] = x.firstOpen(id, opens)
	}
	return out
}

// groupShape is a pattern's shape in a candidate list (see candGroup).
type groupShape struct {
	reach, width int
	spots        []spot
}

// shapeFrom is groupShape for the matches whose parts are read from lead
// on.
func (x *Index) shapeFrom(id, lead int) groupShape {
	first := lead >> 1
	sh := groupShape{reach: x.reach[id], width: x.width[id]}
	if x.need[id] == 0 {
		return sh
	}
	p := x.pats[id]
	if x.spans[id] == nil {
		x.spans[id] = make([]partSpan, len(p.parts))
		for k := range p.parts {
			pt := &p.parts[k]
			lo, hi, exact := pt.span(p.Lang)
			x.spans[id][k] = partSpan{lo: lo, hi: hi, exact: exact, optional: pt.optional}
		}
	}
	starts, ok := spanFrom(x.spans[id], first, lead&1 != 0)
	if q := x.req[id]; q >= 0 && ok[q] {
		sh.reach = min(sh.reach, starts[q][1])
	}
	last := 0 // the last start of a needed part
	var spots []spot
	for k, b := range x.partBits[id] {
		if b == 0 {
			continue
		}
		hi := sh.width - 1
		if ok[k] {
			hi = min(hi, starts[k][1])
		}
		last = max(last, hi)
		if k != first {
			spots = append(spots, spot{bit: b, lo: starts[k][0], hi: hi})
		}
	}
	sh.width = last + 1
	// Only the spots that say more than the need test over the width: a
	// part that must start before the window's end, or two tokens or more
	// into it. (The first part read starts at the search's token, which
	// holds its bit wherever the list is searched.) A spot that only
	// leaves out the search's token turned away next to nothing on a page
	// of dates, at a tenth of a search's cost.
	for _, s := range spots {
		if s.hi < last || s.lo >= 2 {
			sh.spots = append(sh.spots, s)
		}
	}
	return sh
}

// spotsIn reports whether each spot's bit is in the window's masks from
// its lo to its hi (cut at the line's end). The window is filled up to
// the group's width already, which every spot's hi is below.
func (w *maskWindow) spotsIn(spots []spot) bool {
next:
	for k := range spots {
		s := &spots[k]
		if w.upTo(s.hi)&s.bit == 0 || s.lo >= w.n {
			return false // not on the line by hi, or the line ends before lo
		}
		// The bit is in the masks up to hi: the masks from lo on need
		// reading only when it is before lo too (a bit as rare as a
		// duration word's seldom is). They are read up to the first
		// that holds it: on a page of numbers, where a year's spot is
		// read from two tokens on to twenty-five, the next year is a
		// few tokens on.
		if s.lo == 0 || w.acc[s.lo-1]&s.bit == 0 {
			continue
		}
		for j, end := s.lo, min(s.hi+1, w.n); j < end; j++ {
			if w.ms[j]&s.bit != 0 {
				continue next
			}
		}
		return false
	}
	return true
}

// minWords is the fewest words a phrase of p has.
func (p *Phrases) minWords() int {
	n := 0
	for _, list := range p.byFirst {
		if k := len(list); k > 0 && (n == 0 || len(list[k-1].words) < n) {
			n = len(list[k-1].words) // sorted longest first
		}
	}
	return n
}
