package extract

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// tenseScanMax is the longest span, in tokens, that the date tense
// helpers (edPast, onlyReporting, nearestTense) read token by token. Over
// a longer one they read only the first tenseScanAhead tokens (most
// searches end there, at the first past form) and then ask the pass's
// tense table (tenseTable), which gives the same answers. Each date asks
// about a clause or sentence of its own, and in a page without full stops
// or commas, read as one clause thousands of tokens long, reading the whole
// span for each date was quadratic. News clauses and sentences are
// shorter, and never build the table.
const (
	tenseScanMax   = 128
	tenseScanAhead = 16
)

// tenseScan is how many tokens of the span [a, b) the tense helpers read
// before they ask the tense table: all of a short span; of a long one, a
// few, or none once the part of the table they ask (built to token built)
// reaches b.
func tenseScan(a, b, built int) int {
	switch {
	case b-a <= tenseScanMax:
		return b - a
	case built >= b:
		return 0
	}
	return tenseScanAhead
}

// tenseTable holds, for the pass's tokens, what the tense helpers read at
// each token, as prefix counts and positions, so that a question about a
// span costs O(log n) however long the span. Each of its three parts is
// built on first use, as far as the questions reach, once per pass, and
// on its own: a page asks one helper in the main (edPast on a page of
// clock times, onlyReporting on one without sentence ends, nearestTense
// after a "will"), and the lookups each part needs at a token differ. The
// past forms need none at a number or a capitalised word, the past markers
// only the phrase filter's test; built together, every token paid for the
// word sets and phrase tests of all three.
type tenseTable struct {
	// ed[k] counts the tokens before k that edPast takes for a past form
	// when they are not the first of its span (edInner); built to token
	// len(ed)-1.
	ed []int32
	// otherPast[k] counts the tokens before k where a past marker that is
	// not a reporting verb starts (onlyReporting); built to token
	// len(otherPast)-1.
	otherPast []int32
	// stops are the tokens, in order, where nearestTense stops: a
	// quotation mark or a tense word (stopTense: "" for a quotation mark),
	// up to token stopsTo.
	stops     []int32
	stopTense []claims.Tense
	// wordBefore[j] is the last of stops[:j+1] that is a tense word, or
	// -1 (nearestTenseLong).
	wordBefore []int32
	stopsTo    int
	// stopHint is stopAfter's last answer.
	stopHint int
}

// edTo and otherTo are how far ed and otherPast are built.
func (tt *tenseTable) edTo() int    { return len(tt.ed) - 1 }
func (tt *tenseTable) otherTo() int { return len(tt.otherPast) - 1 }

// extendEd counts the past forms (edInner) up to token b. Only a word in
// lower case can be one: the test, written out, spares most tokens of a
// page of figures and clock times edInner's call. The counts are written
// in place (alloc made room for every token).
func (tt *tenseTable) extendEd(p *Pass, b int) {
	b = min(b, len(p.Toks))
	if tt.ed == nil {
		tt.alloc(p.scratch, len(p.Toks)+1)
	}
	from := len(tt.ed) - 1
	if from >= b {
		return
	}
	ed, toks := tt.ed[:b+1], p.Toks
	n := ed[from]
	for k := from; k < b; k++ {
		if t := &toks[k]; k > 0 && t.Kind == token.Word && !t.Is(token.Capital) && p.edInner(k) {
			n++
		}
		ed[k+1] = n
	}
	tt.ed = ed
}

// extendOther counts the past markers that are no reporting verb up to
// token b. Most tokens cost the filter test of the markers' first words.
func (tt *tenseTable) extendOther(p *Pass, b int) {
	b = min(b, len(p.Toks))
	if tt.ed == nil {
		tt.alloc(p.scratch, len(p.Toks)+1)
	}
	rep := p.Lang.List(rules.ListReportVerbs)
	past, toks, other := p.Lang.Past, p.Toks, tt.otherPast
	for k := len(other) - 1; k < b; k++ {
		n := other[k]
		if t := &toks[k]; past.MayStart(t) && past.Has(toks, k) && (rep == nil || !rep.MayStart(t) || !rep.Has(toks, k)) {
			n++
		}
		other = append(other, n)
	}
	tt.otherPast = other
}

// extendStops lists nearestTense's stops up to token b. A quotation mark
// is neither a word nor a number, and a token gives a tense only when it
// may open a marker or is a word in lower case (see tenseWordAt): the
// tests, written out, spare most tokens of a page of dates the string
// comparisons of isQuote and tenseWordAt's call.
func (tt *tenseTable) extendStops(p *Pass, b int) {
	b = min(b, len(p.Toks))
	l, toks := p.Lang, p.Toks
	for k := tt.stopsTo; k < b; k++ {
		tok := &toks[k]
		quote, t := tok.Kind != token.Word && tok.Kind != token.Number && isQuote(tok.Text), claims.Tense("")
		if !quote && (tok.Kind == token.Word && !tok.Is(token.Capital) || l.Future.MayStart(tok) || l.Past.MayStart(tok)) {
			t = p.tenseWordAt(k)
		}
		if quote || t != "" {
			w := int32(len(tt.stops))
			if t == "" {
				w = -1
				if n := len(tt.wordBefore); n > 0 {
					w = tt.wordBefore[n-1]
				}
			}
			tt.stops = append(tt.stops, int32(k))
			tt.stopTense = append(tt.stopTense, t)
			tt.wordBefore = append(tt.wordBefore, w)
		}
	}
	tt.stopsTo = max(tt.stopsTo, b)
}

// alloc starts ed and otherPast, each with room for n entries, in the
// pooled storage of sc (as boundaries.alloc does: a pass never counts past
// its last token, so they never outgrow it).
func (tt *tenseTable) alloc(sc *scratch, n int) {
	if cap(sc.tenseCounts) < 2*n {
		sc.tenseCounts = make([]int32, 2*n)
	}
	buf := sc.tenseCounts[:2*n]
	tt.ed = append(buf[:0:n], 0)
	tt.otherPast = append(buf[n:n:2*n], 0)
}

// futureInPast reports whether the past marker at token k is the auxiliary
// of a future in the past ("were planning to", "was going to"): the next
// word ends in one of the language's progressive suffixes and opens a
// future phrase. A language without progressive_suffix has none.
func (p *Pass) futureInPast(k int) bool {
	if k+1 >= len(p.Toks) {
		return false
	}
	next := &p.Toks[k+1]
	for _, suf := range p.index.progressiveSuffixes {
		if strings.HasSuffix(next.Lower, suf) {
			return p.Lang.Future.Has(p.Toks, k+1)
		}
	}
	return false
}

// edInner is edPast's verdict on token k > a of a span [a, b): a word in
// lower case in one of the past forms, not made an adjective or a
// participle by the word before it.
func (p *Pass) edInner(k int) bool {
	t := &p.Toks[k]
	if t.Kind != token.Word || t.Is(token.Capital) {
		return false
	}
	if p.pastSuffixedAt(t) {
		prev := &p.Toks[k-1]
		return !p.Lang.InSet(rules.ListAdjectiveBefore, prev) && !p.Lang.InSet(rules.ListParticipleBefore, prev)
	}
	return p.Lang.InSet(rules.ListPastIrregular, t)
}

// edFirst is edPast's verdict on the first token of its span, which may
// be capitalised and has no word before it that counts.
func (p *Pass) edFirst(k int) bool {
	t := &p.Toks[k]
	return t.Kind == token.Word && (p.pastSuffixedAt(t) || p.Lang.InSet(rules.ListPastIrregular, t))
}

// edPastLong is edPast over a span longer than tenseScanMax.
func (p *Pass) edPastLong(a, b int) claims.Tense {
	tt := &p.tenses
	tt.extendEd(p, b)
	if p.edFirst(a) || tt.ed[b]-tt.ed[a+1] > 0 {
		return claims.TensePast
	}
	return claims.TenseNone
}

// onlyReportingLong is onlyReporting over a span longer than tenseScanMax.
func (p *Pass) onlyReportingLong(a, b int) bool {
	tt := &p.tenses
	tt.extendOther(p, b)
	return tt.otherPast[b]-tt.otherPast[a] == 0
}

// nearestTenseLong is nearestTense over a span longer than tenseScanMax:
// its outward search meets first the nearer of the stops on either side of
// i (the one before at a tie); a quotation mark ends the search on its
// side only.
//
// It answers as nearestTense's loop does in one more case: when the search
// ahead stops at a quotation mark first and the search back then meets one,
// the loop's "a = b" sets a to 0 (b was zeroed), so the search back goes on
// past the mark to the start of the text, skipping any further marks: the
// answer is then the first tense word before that mark.
func (p *Pass) nearestTenseLong(a, b, i int) claims.Tense {
	tt := &p.tenses
	tt.extendStops(p, b)
	r := tt.stopAfter(i)
	l := r - 1
	if l >= 0 && int(tt.stops[l]) == i {
		l-- // token i itself is not read
	}
	left := l >= 0 && int(tt.stops[l]) >= a
	right := r < len(tt.stops) && int(tt.stops[r]) < b
	if left && (!right || i-int(tt.stops[l]) <= int(tt.stops[r])-i) {
		if t := tt.stopTense[l]; t != "" || !right {
			return t
		}
		return tt.stopTense[r] // the mark before i ended the search back
	}
	if !right {
		return ""
	}
	if t := tt.stopTense[r]; t != "" || !left {
		return t
	}
	if t := tt.stopTense[l]; t != "" {
		return t
	}
	if l == 0 || tt.wordBefore[l-1] < 0 {
		return ""
	}
	return tt.stopTense[tt.wordBefore[l-1]]
}

// stopAfter returns the index of the first stop after token i (len(stops)
// when none is). The dates of a page ask in text order, most between the
// same two stops: the last answer is tried before a binary search.
func (tt *tenseTable) stopAfter(i int) int {
	stops, h := tt.stops, tt.stopHint
	if h <= len(stops) && (h == 0 || int(stops[h-1]) <= i) && (h == len(stops) || int(stops[h]) > i) {
		return h
	}
	h = sort.Search(len(stops), func(j int) bool { return int(stops[j]) > i })
	tt.stopHint = h
	return h
}

// isQuote reports a quotation mark, where nearestTense stops looking.
func isQuote(t string) bool {
	switch t {
	case "\"", "'", "''", "`", "``", "\u201c", "\u201d":
		return true
	}
	return false
}

// tenseWordAt is the tense token k gives nearestTense: a listed future or
// past marker, or a past form by its suffix or from the irregular list,
// unless the word before makes it a participle ("would be held", "to be
// paid") or an adjective ("the reduced dividend"); "" for none. The word
// before is looked up only at a token that would give a tense: most give
// none, and its look-up was most of the cost of the tense table's stops.
func (p *Pass) tenseWordAt(k int) claims.Tense {
	// MayStart inlines: most tokens are no marker and cost no call.
	l, toks := p.Lang, p.Toks
	t := &toks[k]
	if l.Future.MayStart(t) && l.Future.Has(toks, k) {
		return claims.TenseFuture
	}
	marker := l.Past.MayStart(t) && l.Past.Has(toks, k)
	var irregular, suffixed bool
	if !marker && t.Kind == token.Word && !t.Is(token.Capital) {
		sets := l.SetsAt(t)
		irregular = sets.Has(rules.ListPastIrregular)
		suffixed = !irregular && p.hasPastSuffix(t.Lower) && !sets.Has(rules.ListNotPast) // pastSuffixedAt
	}
	if !marker && !irregular && !suffixed {
		return ""
	}
	var prev rules.ListSets
	if k > 0 {
		prev = l.SetsAt(&toks[k-1])
	}
	switch {
	case prev.Has(rules.ListParticipleBefore):
		return "" // "would be held", "to be paid"
	case marker && p.futureInPast(k):
		return claims.TenseFuture // "were planning to": a future in the past
	case marker, irregular, !prev.Has(rules.ListAdjectiveBefore):
		return claims.TensePast
	}
	return "" // "the reduced dividend"
}
