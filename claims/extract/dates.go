package extract

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Dates reads dates, date ranges, times, relative expressions and
// durations, and finds the publication dateline when the input gave none.
//
// It works in three steps over the token index: match the language's
// patterns (longest match at each token, plus the later members of lists
// such as "in 2007 and 2009"), resolve each match on its own against the
// publication date and the sentence's tense, then combine neighbours: a
// clock time with the date beside it ("Feb. 6 at 4:17 a.m.") and two dates
// joined by "to" or "hingga" into one range ("from May to Oct. 2020").
func Dates(p *Pass) { runDates(p) }

// dateRun is the state of one run of the date extractor: the last date the
// text mentioned at day precision, which anaphoric expressions ("two days
// later", "keesokan harinya") count from.
type dateRun struct {
	*Pass
	anchor     time.Time
	anchorText string
	// The last date mentioned at month, quarter or year precision or finer
	// ("In March ... The following month"), which anaphoric shifts by
	// such units count from.
	coarse     *claims.DateValue
	coarseText string
	// The document's UTC offset range for "local time", found once.
	docZoneDone          bool
	docZoneOK            bool
	docZoneIDs           []string
	docZoneLo, docZoneHi float64
	docZoneHow           string       // how a time was placed by them (see zoneRange)
	sentZone             sentenceZone // zoneRange's last sentence
	zoneHow              []string     // by zone index: how a time in that named zone was placed, once made
	lastClockNote        clockNoteMemo
	timedRules           []timedRuleMemo // timedRule's last answers
	nextTimedRule        int             // the one of them replaced next
	pastScans            [3]pastScan     // see innerPastIn
	nextPastScan         int             // the slot of pastScans started next
	// The claim of a clock time joined to its date, or of a rejected
	// match, for the next match (newClaim); and the first item that can
	// still be joined to a clock time (attachTime).
	spare    *claims.Claim
	pairFrom int
	// clauses is what the run knows of the sentence and clause of the
	// date at hand (see clauseMemo).
	clauses clauseMemo
	// lastDayText is dayText's last answer, lastRelativeNote
	// relativeNote's.
	lastDayText, lastRelativeNote timeText
}

// timeText is a text made from a time, kept for the next question about
// the same time.
type timeText struct {
	t    time.Time
	text string
}

// clause is Pass.Clause(i) for i < len(r.Toks), read through the run's
// clause memo.
func (r *dateRun) clause(i int) (int, int) {
	cm := r.clauseAt(i)
	return cm.ca, cm.cb
}

// tense is Pass.Tense(i), the clause's tense else the sentence's, read
// through the run's clause memo: the dates of a clause share both.
//
// A sentence whose tense markers give no tense has none in any of its
// clauses (the clause's markers are some of the sentence's): the clause of
// a date in it is not searched for. On a page of clock times, where every
// "p.m." and ":" ends a clause, the clause search was most of what a clock
// time cost.
func (r *dateRun) tense(i int) claims.Tense {
	if i >= len(r.Toks) {
		return ""
	}
	cm := r.sentenceAt(i)
	st := r.sentenceTense(cm)
	if st == "" && cm.a <= i && i < cm.b {
		return ""
	}
	if cm = r.clauseOf(cm, i); cm.ct != "" {
		return cm.ct
	}
	return st
}

// sentenceZone is what offsetsIn found for the sentence of tokens [a, b),
// when done.
type sentenceZone struct {
	a, b   int
	done   bool
	ids    []string
	lo, hi float64
	ok     bool
	how    string // how a time was placed by ids (see zoneRange), when ok
}

// dateItem is one resolved match, before combination.
type dateItem struct {
	start, end int // token range
	c          *claims.Claim
	caps       *rules.Captures // the match's, as the date step's match list stores them (nil: none, see cp)
	pat        *rules.Pattern
	clock      bool // a time of day with no date of its own
	hour, min  int
}

// noCaps are the captures of an item no match read ("now" in "from now
// until May").
var noCaps rules.Captures

// cp returns the item's captures.
func (it *dateItem) cp() *rules.Captures {
	if it.caps == nil {
		return &noCaps
	}
	return it.caps
}

func runDates(p *Pass) {
	idx := p.index.dates
	ms := p.scanDates(idx)
	p.made.reserve(ms.n) // a match makes one claim at most (resolveMatch)
	dateline := -1
	if !p.Doc.HasDate() {
		dateline = p.findDateline(ms)
	}
	// A match makes one item at most: the list never grows.
	if cap(ms.items) < ms.n {
		ms.items = make([]*dateItem, 0, ms.n)
	}
	items := ms.items[:0]
	r := &dateRun{Pass: p}
	var match dateMatch // the match at hand, loaded from the list
	m := &match
	for k := range ms.n {
		ms.load(k, m)
		p.Block(m.Start, m.End)
		if k == dateline {
			// The dateline is the document's own date, not a claim about an
			// event; it is kept only when its weekday contradicts its date,
			// so that the internal check can report it.
			if dl := r.resolveMatch(m); dl != nil && dl.c.Date != nil && dl.c.Date.Weekday != 0 &&
				time.Weekday(dl.c.Date.Weekday%7) != dl.c.Date.Start.Weekday() {
				dl.c.Dateline = true
				dl.c.Attribute = "document.published"
				p.Report(dl.c)
			}
			continue
		}
		if it := r.resolveMatch(m); it != nil {
			if d := it.c.Date; m.Pattern.Week && d != nil && d.Gran == claims.GranDay && !d.Range && !d.Fuzzy {
				// "the week of March 6": the ISO week holding it.
				wv := *d
				wv.Start = mondayOf(d.Start)
				wv.End = wv.Start.AddDate(0, 0, 7)
				wv.Gran = claims.GranWeek
				it.c.Date = &wv
				it.c.Value = wv.Canonical()
			}
			if d := it.c.Date; m.Pattern.Rel != "" && d != nil && d.Gran == claims.GranYear && !d.Range {
				// "post-1959", "pre-2008": the year, open on one side.
				wv := *d
				wv.Period = it.c.Value
				wv.Range, wv.Fuzzy, wv.EndGran = true, true, claims.GranYear
				if m.Pattern.Rel == "next" {
					wv.End = d.Start.AddDate(100, 0, 0)
				} else {
					wv.Start = d.End.AddDate(-100, 0, 0)
				}
				it.c.Date = &wv
				it.c.Value = wv.Canonical()
			}
			items = append(items, it)
			if it.c.Date != nil && !it.c.Date.Range && it.c.Date.Gran >= claims.GranDay && !it.c.Date.Fuzzy {
				r.anchor, r.anchorText = it.c.Date.Start, p.Doc.Text[it.c.Start:it.c.End]
			}
			if it.c.Date != nil && !it.c.Date.Range && it.c.Date.Gran >= claims.GranYear && !it.c.Date.Fuzzy && it.c.Date.Period == "" {
				r.coarse, r.coarseText = it.c.Date, p.Doc.Text[it.c.Start:it.c.End]
			}
			items = r.attachTime(items)
		}
	}
	resolved := len(items) // the combining steps below shorten the list in place
	items = p.combineRanges(items)
	r.datesForClocks(items)
	r.yearAgoQuarters(items)
	r.holidayYears(items)
	drop := p.Lang.List(rules.ListTimexDrop)
	// Room for the claims at once: on a page of dates, growing the
	// pass's list a claim at a time copied it over and over.
	p.claims = slices.Grow(p.claims, len(items))
	for _, it := range items {
		if drop != nil {
			p.trimLead(it, drop)
		}
		p.Report(it.c)
	}
	ms.releaseItems(items[:resolved])
}

// trimLead leaves the prepositions that open item it's claim out of its
// span, as TimeML does: "in 2024" is the year 2024, "selama tujuh hari"
// the seven days.
//
// The preposition stays when an event word stands right before it
// ("policies in 2024", "strategi untuk tahun 2025"): the frame reader
// takes a claim touching its event word for that event's own attribute.
//
// Every date claim passes here, and on a page of clock times ("at 5
// p.m. at 05:02 on March 3") the search for the claim's first token, the
// calls to MatchBefore and a second call to Match (at "5", after "at" is
// trimmed) were a fifth of what the claim cost after its resolution: the
// token is found from the item's (firstAt), and the table's inlined
// filters turn away a word that ends or opens no phrase before the call.
func (p *Pass) trimLead(it *dateItem, drop *rules.Phrases) {
	c := it.c
	k := it.start // tokenAt(c.Start), as the claim mostly starts at its item's first token
	if !firstAt(p.Toks, k, c.Start) {
		k = p.tokenAt(c.Start)
	}
	if k > 0 && !p.Toks[k].Is(token.NewlineBefore) && p.Rules.Triggers.MayEnd(&p.Toks[k-1]) {
		if _, _, ok := p.Rules.Triggers.MatchBefore(p.Toks, k, 3); ok {
			return
		}
	}
	for k < len(p.Toks) && p.Toks[k].Start == c.Start && drop.MayOpen(&p.Toks[k]) {
		end, _, ok := drop.Match(p.Toks, k)
		if !ok || end >= len(p.Toks) || p.Toks[end].Start >= c.End {
			return
		}
		k = end
		c.Start = p.Toks[k].Start
	}
}

// firstAt reports whether toks[k] is the first token starting at or after
// byte off.
func firstAt(toks []token.Token, k, off int) bool {
	return k >= 0 && k < len(toks) && toks[k].Start == off && (k == 0 || toks[k-1].Start < off)
}

// yearAgoQuarters reads "a year ago", "a year earlier" and "last year"
// beside a quarter ("third-quarter profit rose to $5 million from $4
// million a year earlier") as that quarter a year before, as earnings
// reports mean them: the last quarter named before it, unless an item
// more than two sentences back stands between.
//
// That quarter and the earliest sentence of the items since are kept as
// the items go by: searching back through the items for each year made a
// long sentence of them quadratic. (A quarter is one as read: a year moved
// to a quarter here is not one for the next.)
func (r *dateRun) yearAgoQuarters(items []*dateItem) {
	lastQ, minSI := -1, 0 // the last quarter, and the least sentence index of the items from it on
	for k, it := range items {
		moved := false
		if lastQ >= 0 && r.yearAgo(it) && minSI >= r.sentenceIndex(it.c.Start)-2 {
			q := items[lastQ]
			c := it.c
			dv := *c.Date
			dv.Start = q.c.Date.Start.AddDate(-1, 0, 0)
			dv.End = dv.Start.AddDate(0, 3, 0)
			dv.Gran = claims.GranQuarter
			dv.Inferred = partsYQ
			c.Date = &dv
			c.Value = dv.Canonical()
			c.Note = fmt.Sprintf("the quarter of %q a year before", q.c.Text)
			moved = true
		}
		if d := it.c.Date; !moved && d != nil && d.Gran == claims.GranQuarter && !d.Range {
			lastQ, minSI = k, r.sentenceIndex(it.c.Start)
		} else if lastQ >= 0 {
			minSI = min(minSI, r.sentenceIndex(it.c.Start))
		}
	}
}

// yearAgo reports an item that yearAgoQuarters may move: the year before
// the dateline's, said as a shift back of one year, not opening its
// sentence ("Last year, the group had charges of ...": a sentence set in
// the year before speaks of that year, not of the quarter before it).
func (r *dateRun) yearAgo(it *dateItem) bool {
	c := it.c
	if c.Date == nil || c.Date.Gran != claims.GranYear || !c.Date.Relative || it.pat == nil || it.pat.Shift == nil || c.Date.Period != "" {
		return false
	}
	unit := it.pat.Shift.Unit
	if unit == "" {
		unit = it.cp().DurUnit
	}
	if n, ok := shiftAmount(it.pat.Shift, it.cp()); !ok || n != -1 || unit != "year" {
		return false
	}
	return !r.sentenceStartsAt(it.start)
}

// holidayYears gives a holiday read without a year or relative word the
// year written in its sentence: "the Boxing Day tsunami in 2004" is 26
// December 2004, not the last one before the dateline. The first such
// year of each sentence is found once (no item changes whether it is one
// here): searching all the items for each holiday made a page of them
// quadratic.
func (r *dateRun) holidayYears(items []*dateItem) {
	var years map[int][]*dateItem // by sentence index, in item order; built on first need
	for _, it := range items {
		c := it.c
		if it.cp().Holiday == 0 || c.Date == nil || it.cp().HasOffset || !slices.Contains(c.Date.Inferred, "year") {
			continue
		}
		if years == nil {
			years = map[int][]*dateItem{}
			for _, o := range items {
				if od := o.c.Date; od != nil && od.Gran == claims.GranYear && !od.Range && !od.Relative {
					si := r.sentenceIndex(o.c.Start)
					years[si] = append(years[si], o)
				}
			}
		}
		for _, o := range years[r.sentenceIndex(c.Start)] {
			if o == it {
				continue
			}
			od := o.c.Date
			dv := *c.Date
			dv.Start = r.Lang.Holidays[it.cp().Holiday-1].In(od.Start.Year())
			dv.End = advance(dv.Start, claims.GranDay)
			c.Date = &dv
			c.Value = dv.Canonical()
			c.Note = fmt.Sprintf("year %d from %q in its sentence", od.Start.Year(), o.c.Text)
			break
		}
	}
}

// scanDates finds the date matches of the document, left to right. At each
// token it takes the longest match, unless a match starting inside it ends
// further ("on Dec. 31, 1994": "on Dec. 31" loses to "Dec. 31, 1994"), in
// which case the words before that one are matched again on their own.
//
// The matches are written into the pass's pooled buffer: they are read
// only until the date step ends.
func (p *Pass) scanDates(idx *rules.Index) *matchList {
	ms := &p.scratch.matches
	ms.reset()
	masks := idx.AnchorsRead(p.Toks, p.words(), p.scratch.masks)
	p.scratch.masks = masks
	// The searches write their matches in place (see
	// rules.Index.LongestInto).
	var m, m2, pre, next rules.Match
	var lm leadMemo
	for i := 0; i < len(p.Toks); i++ {
		// dateMatchAt tests this too, but calling it at every token and
		// returning an empty Match (416 bytes) cost 6% of extraction. The
		// start bit first: it turns away most tokens, and the loop then
		// reads one array.
		if !idx.MayStart(masks, i) || p.blocked[i] {
			continue
		}
		if !idx.LongestLeadInto(p.Toks, masks, p.words(), i, p.acceptDate, &m, &ms.tails) {
			continue
		}
		// Only a match starting among the leading function words of m
		// ("on", "from", "during") may take over: "Desember ini" must not
		// cut "23 hingga 27 Desember" short. The search there asks only
		// for a longer match, and skips the patterns the search at i
		// already matched from there (see rules.Tails).
		lead := i + p.leadWords(&m, &lm)
		for j := i + 1; j < m.End && j <= lead; j++ {
			if !p.blocked[j] && idx.LongestPastInto(p.Toks, masks, p.words(), j, m.End, p.acceptDate, &m2, &ms.tails) {
				m = m2
				break
			}
		}
		if m.Start > i {
			// The words before the winner, matched within their own span.
			for k := i; k < m.Start; k++ {
				if p.dateMatchAt(idx, masks, p.Toks[:m.Start], k, &pre) {
					ms.add(&pre)
					k = pre.End - 1
				}
			}
		}
		ms.add(&m)
		i = m.End - 1
		// Later members of a list share the first one's preposition ("in
		// 2007 and 2009", "on 11/20, 11/22 or 11/25", "pada 2019 dan
		// 2020"), and the end of a range may be written without one ("from
		// 10/1 to 11/7"). The two matches trade places by pointer.
		cur, nxt := &m, &next
		for p.continuation(idx, masks, cur, nxt) {
			ms.add(nxt)
			cur, nxt = nxt, cur
			i = cur.End - 1
		}
	}
	return ms
}

// matchList holds the date matches of a document: for each its pattern
// and tokens, in chunks that never move, and its captures, shared by the
// matches whose captures are equal (see captureStore). A rules.Match is
// 232 bytes, 208 of them captures; a page of dates has one match every
// few words and few distinct captures ("at 5 p.m.", "March 3"), and a
// copy of each match was over a third of the memory of the page, all of
// it scanned by the collector while the date step ran. A date item
// points at its match's captures (dateItem.caps), which never change. It
// lives in the pooled scratch buffers.
type matchList struct {
	chunks [][]matchRef
	n      int
	caps   captureStore
	// The date step's items are kept here too, in chunks that never move,
	// and the list of them: they live only until the step ends, and an
	// allocation for each item and a growing list of them were a tenth of
	// the memory of a page of dates. releaseItems clears them when the
	// step ends, so that pooled scratch keeps no claim alive.
	itemChunks [][]dateItem
	nItems     int
	items      []*dateItem
	// tails is what the search at a token remembers for the searches at
	// the match's leading words (see scanDates).
	tails rules.Tails
}

// matchRef is a stored match: a rules.Match whose captures are shared.
type matchRef struct {
	pat        *rules.Pattern
	start, end int32
	caps       *rules.Captures
}

// itemChunk is the number of items in one chunk.
const itemChunk = 256

// newItem returns a zero item, which stays where it is until the items
// are released.
func (l *matchList) newItem() *dateItem {
	c := l.nItems / itemChunk
	if c == len(l.itemChunks) {
		l.itemChunks = append(l.itemChunks, make([]dateItem, itemChunk))
	}
	l.nItems++
	return &l.itemChunks[c][(l.nItems-1)%itemChunk]
}

// releaseItems zeroes the items handed out and the list (all the items
// the step listed), for the next document.
func (l *matchList) releaseItems(items []*dateItem) {
	for c := 0; c*itemChunk < l.nItems; c++ {
		clear(l.itemChunks[c][:min(itemChunk, l.nItems-c*itemChunk)])
	}
	l.nItems = 0
	clear(items)
	l.items = items[:0]
}

// matchChunk is the number of matches in one chunk.
const matchChunk = 512

// reset empties the list for the next document.
func (l *matchList) reset() {
	l.n = 0
	l.caps.reset()
}

// add appends m, its captures stored once for equal ones.
func (l *matchList) add(m *rules.Match) {
	c := l.n / matchChunk
	if c == len(l.chunks) {
		l.chunks = append(l.chunks, make([]matchRef, matchChunk))
	}
	l.chunks[c][l.n%matchChunk] = matchRef{pat: m.Pattern, start: int32(m.Start), end: int32(m.End), caps: l.caps.store(&m.Caps)}
	l.n++
}

// ref returns stored match k, which stays where it is until the list is
// reset.
func (l *matchList) ref(k int) *matchRef { return &l.chunks[k/matchChunk][k%matchChunk] }

// dateMatch is a stored match as the resolution reads it: a rules.Match
// whose captures are read through the store's pointer, which a date item
// keeps. Copying the 208-byte captures out of the store for each match
// cost more than most resolutions read of them.
type dateMatch struct {
	Pattern    *rules.Pattern
	Start, End int // token indexes, as in rules.Match
	Caps       *rules.Captures
}

// load writes match k into *m.
func (l *matchList) load(k int, m *dateMatch) {
	r := l.ref(k)
	*m = dateMatch{Pattern: r.pat, Start: int(r.start), End: int(r.end), Caps: r.caps}
}

// leadWords counts the words opening m before its first date word (a
// number, a month or weekday name, a number word, or a relative word such
// as "last"): one look-up of each word's facts (see
// rules.Language.DateWordAt), as it runs at every match, remembered in lm
// for the words asked about last.
func (p *Pass) leadWords(m *rules.Match, lm *leadMemo) int {
	n := 0
	for k := m.Start; k < m.End; k++ {
		t := &p.Toks[k]
		if t.Kind != token.Word {
			break
		}
		// A capital opens most names of months and weekdays, which vary
		// from match to match and are settled by their facts alone: only
		// words in lower case are remembered.
		if t.Flags&(token.Capital|token.AllCaps) != 0 {
			if p.Lang.DateWordAt(t) {
				break
			}
		} else if lm.dateWordAt(p.Lang, t) {
			break
		}
		n++
	}
	return n
}

// leadMemo remembers rules.Language.DateWordAt for the last words
// leadWords asked about. A page of dates opens most of its matches with
// the same few words ("at 5 p.m.", "on March 3"), and each asked the
// word's facts and then the relative words, a map lookup, again: a tenth
// of the date step on a page of clock times.
type leadMemo struct {
	n, next int
	at      [4]leadWord
}

// leadWord is DateWordAt's answer for one lower-case word, with its hash.
type leadWord struct {
	hash uint32
	word string
	date bool
}

// dateWordAt is l.DateWordAt(t), which reads only t's lower-case form,
// remembered.
func (lm *leadMemo) dateWordAt(l *rules.Language, t *token.Token) bool {
	h := t.KeyHash()
	for k := 0; k < lm.n; k++ {
		if e := &lm.at[k]; e.hash == h && e.word == t.Lower {
			return e.date
		}
	}
	date := l.DateWordAt(t)
	k := lm.n
	if k < len(lm.at) {
		lm.n++
	} else {
		k, lm.next = lm.next, (lm.next+1)%len(lm.at)
	}
	lm.at[k] = leadWord{hash: h, word: t.Lower, date: date}
	return date
}

// dateMatchAt writes the accepted match at toks[i] into *out and reports
// whether there is one.
func (p *Pass) dateMatchAt(idx *rules.Index, masks []uint64, toks []token.Token, i int, out *rules.Match) bool {
	if p.blocked[i] || !idx.MayStart(masks, i) {
		return false
	}
	return idx.LongestIntoRead(toks, masks, p.words(), i, p.acceptDate, out)
}

// acceptDate is the date searches' accept: a match that overlaps a
// claim already made is dropped, the rest are trimmed (see trimMatch, in
// place: m is the search's candidate) and dropped when they only look
// like dates (see rejectMatch).
func (p *Pass) acceptDate(m *rules.Match) (int, bool) {
	if p.Blocked(m.Start, m.End) {
		return 0, false
	}
	m.End = p.trimMatch(m)
	return m.End, !p.rejectMatch(m)
}

// continuation writes into *next the next member of a list or the end of
// a range after m, and reports whether there is one. Both are passed by
// pointer: a Match is over 200 bytes, and passed and returned by value it
// was copied three times at every match, most of them with no
// continuation.
func (p *Pass) continuation(idx *rules.Index, masks []uint64, m, next *rules.Match) bool {
	if m.End >= len(p.Toks) || p.Toks[m.End].Is(token.NewlineBefore) {
		return false
	}
	// Most matches are followed by no list word: both lists' filters of
	// first words turn the token away without a look-up (a tenth of the
	// cost of a match on a page of dates).
	lists, ranges := p.Lang.List(rules.ListDateList), p.Lang.List(rules.ListRangeTo)
	if t := &p.Toks[m.End]; !lists.MayStart(t) && !ranges.MayStart(t) {
		return false
	}
	k, _, ok := lists.Match(p.Toks, m.End)
	isRange := false
	if !ok {
		k, _, ok = ranges.Match(p.Toks, m.End)
		isRange = true
	}
	if !ok {
		return false
	}
	if p.Toks[m.End].Text == "," && k < len(p.Toks) {
		if k2, _, ok := p.Lang.List(rules.ListDateList).Match(p.Toks, k); ok && p.Toks[k].Text != "," {
			k = k2 // ", and"
		}
	}
	if k >= len(p.Toks) || p.Blocked(k, k+1) || p.Toks[k].Is(token.NewlineBefore) {
		return false
	}
	ok = p.dateMatchAt(idx, masks, p.Toks, k, next)
	if ok && (next.Pattern.Section != "dates" || isRange) {
		// A full match at the range's end is scanned normally.
		return false
	}
	if !ok {
		end, c, ok2 := m.Pattern.MatchElided(p.Toks, k)
		if !ok2 {
			return false
		}
		*next = rules.Match{Pattern: m.Pattern, Start: k, End: end, Caps: c}
		next.End = p.trimMatch(next)
		if p.rejectMatch(next) {
			return false
		}
	}
	return sameKind(&m.Caps, &next.Caps)
}

// sameKind reports whether two matches can be members of one list: both
// calendar dates (or both clock times) of the same shape.
func sameKind(a, b *rules.Captures) bool {
	isTime := func(c *rules.Captures) bool { return c.HasHour && c.Year[0] == 0 && c.Month[0] == 0 && c.Day[0] == 0 }
	if isTime(a) != isTime(b) {
		return false
	}
	return (a.Year[0] != 0) == (b.Year[0] != 0) || (a.Month[0] != 0) == (b.Month[0] != 0)
}

// trimMatch drops a trailing separator that an optional part matched before
// an absent one ("December 23 to December 27,"). A period stays after an
// abbreviation it ends ("4 a.m.").
func (p *Pass) trimMatch(m *rules.Match) int {
	end := m.End
	for end-1 > m.Start {
		t := p.Toks[end-1].Text
		if t == "," || t == "-" || t == "–" || t == "(" {
			end--
			continue
		}
		if t == "." {
			// Keep the period of an abbreviation ("Dec.", "a.m."); drop a
			// sentence's full stop after a number or a whole word.
			prev := &p.Toks[end-2]
			_, abbrevMonth, isMonth := p.Lang.MonthAt(prev)
			if prev.Kind == token.Number || isMonth && !abbrevMonth || prev.Kind == token.Word && len(prev.Text) > 4 && !isMonth {
				end--
				continue
			}
		}
		break
	}
	return end
}

// rejectMatch drops matches that only look like dates: a bare year that is
// a count ("of 2000 people", "for 2000 years"), an age ("24-year-old").
func (p *Pass) rejectMatch(m *rules.Match) bool {
	c := &m.Caps // read in place: a Captures is over 200 bytes, and this runs at every match
	toks := p.Toks
	if p.codeBoundary(m.Start, m.End) {
		return true
	}
	if c.Year[0] != 0 && c.Month[0] == 0 && c.Day[0] == 0 && c.Year[1] == 0 && c.Decade == 0 && c.Ordinal == 0 && c.Season[0] == 0 && c.Part == rules.PartNone {
		// A bare year is a number when a counted noun or unit follows.
		if e := m.End; e < len(toks) && toks[e].Kind == token.Word && !toks[e].Is(token.Capital) && !toks[e].Is(token.NewlineBefore) {
			if _, ok := p.Lang.DurUnitAt(&toks[e]); ok {
				return true
			}
			if _, _, ok := p.Lang.Units.Match(toks, e); ok {
				return true
			}
			if p.Rules.Counted.Has(toks, e) {
				return true
			}
		}
	}
	if m.Pattern.Value != "" && m.End-m.Start == 1 && m.End < len(toks) {
		// "Now, ..." opening a sentence and "now that" are discourse
		// words, not the present.
		if nx := toks[m.End].Lower; p.Lang.WordSet(rules.ListNowConjunction)[nx] && m.Pattern.Value == "PRESENT_REF" ||
			nx == "," && p.sentenceStartsAt(m.Start) {
			return true
		}
	}
	if m.Pattern.Value != "" && m.End-m.Start == 1 && len(toks[m.Start].Text) > 1 && strings.ToUpper(toks[m.Start].Text) == toks[m.Start].Text {
		return true // "... NOW" in a shouted headline
	}
	if nb := m.Pattern.NotBefore; nb != "" && m.End < len(toks) && toks[m.End].Lower == nb {
		return true
	}
	if m.Pattern.SkipFirst && (m.End >= len(toks) || toks[m.End].Kind != token.Word) {
		return true // "the 2000" ends nothing: a number
	}
	if ns := m.Pattern.NotStart; ns != "" && toks[m.Start].Lower == ns {
		// "shouldn't last two hours": the verb. "the last two hours" has
		// its article (a pattern of its own).
		return true
	}
	if m.Pattern.Section == "duration_patterns" || m.Pattern.Section == "relative" {
		// "24-year-old", "a 24 year old man": an age, not a span of time.
		e, old := m.End, p.Lang.WordSet(rules.ListAgeAfter)
		if e+1 < len(toks) && toks[e].Text == "-" && toks[e].Glued() && old[toks[e+1].Lower] {
			return true
		}
		if e < len(toks) && old[toks[e].Lower] {
			return true
		}
		if e > 0 && old[toks[e-1].Lower] {
			return true
		}
		// "the 1988 quarter", "its 2023 year": a year before a
		// singular unit word names it, not a count of them.
		if c.HasNum && c.Num.Value >= 1000 && c.Num.Value < 3000 && toks[m.Start].Kind == token.Number && len(toks[m.Start].Text) == 4 &&
			toks[e-1].Lower == c.DurUnit {
			return true
		}
		// "berusia 24 tahun", "aged 24", "berusia minimal 17 tahun"
		if c.DurUnit == "year" && p.ageBefore(m.Start) {
			return true
		}
		// "three quarters of the vote": a fraction, not nine months. A
		// count of quarters in words needs a cue ("for three quarters",
		// "three straight quarters" are not fractions).
		if c.DurUnit == "quarter" && m.Pattern.Section == "duration_patterns" {
			if e < len(toks) && p.Lang.InSet(rules.ListPartitive, &toks[e]) {
				return true
			}
			cue := m.Start > 0 && p.Lang.InSet(rules.ListDurationCue, &toks[m.Start-1])
			if c.Num.Words && !cue {
				return true
			}
		}
	}
	return false
}

// sentenceStartsAt reports whether token i opens its sentence.
func (p *Pass) sentenceStartsAt(i int) bool {
	a, _ := p.sentenceTokens(p.Toks[i].Start)
	return a == i
}

// codeBoundary reports a match cut out of a longer run of letters, digits
// and joining punctuation: a URL, a phone number ("138-2010-2015"), a
// decimal ("6,107.31 August"), a code ("1687-4ea7"), or an amount ("$12
// December").
func (p *Pass) codeBoundary(start, end int) bool {
	toks := p.Toks
	possessive := (toks[start].Text == "'" || toks[start].Text == "’") && start+1 < end && toks[start+1].Lower == "s" && toks[start+1].Glued()
	if start > 0 && toks[start].Glued() && !possessive { // "Kim's 2019 summit" starts at "'s"
		prev := &toks[start-1]
		if prev.Kind == token.Number || prev.Kind == token.Word {
			return true
		}
		if start > 1 && prev.Glued() && len(prev.Text) == 1 {
			pp := &toks[start-2]
			if pp.Kind == token.Number && strings.Contains("-/.,:_=&?#+", prev.Text) ||
				pp.Kind == token.Word && strings.Contains("-/._=&?#+", prev.Text) {
				return true
			}
		}
	}
	if start > 0 && toks[start].Kind == token.Number {
		if s, ui, ok := p.Lang.Units.MatchBefore(toks, start, 2); ok && p.Lang.UnitList[ui].Prefix && s < start {
			return true // "$12 December 27"
		}
	}
	if end < len(toks) && toks[end].Glued() {
		nx := &toks[end]
		if nx.Kind == token.Number || nx.Kind == token.Word {
			return true
		}
		if end+1 < len(toks) && toks[end+1].Glued() && (toks[end+1].Kind == token.Number || toks[end+1].Kind == token.Word && toks[end-1].Kind == token.Number) &&
			strings.Contains("-/.:_=&?#+", nx.Text) {
			return true
		}
	}
	return false
}

// ageBefore reports an age cue ("berusia", "aged") just before token i,
// with at most a qualifier between.
//
// It is asked at every number, so each table is called only where its
// last-word filter (MayEnd, which inlines) lets the token before through.
func (p *Pass) ageBefore(i int) bool {
	if q := p.Lang.Qualifiers; i > 0 && q != nil && q.MayEnd(&p.Toks[i-1]) {
		if s, _, ok := q.MatchBefore(p.Toks, i, 3); ok {
			i = s
		}
	}
	ages := p.Lang.List(rules.ListAgeBefore) // "at the age of"
	if i == 0 || ages == nil || !ages.MayEnd(&p.Toks[i-1]) {
		return false
	}
	_, _, ok := ages.MatchBefore(p.Toks, i, 4)
	return ok
}

// findDateline picks the publication date among full-date matches: a
// pattern marked as a dateline anywhere, else a full date among the first
// three non-empty lines, else a full date that opens one of the first twelve
// lines. It sets the document's date and returns the match index, or -1.
//
// The matches are read once, each test keeping its first: three passes,
// each asking the document for the line of every full date (and counting
// the runes of its column), cost a page of dates three readings of it. A
// line is read from the document's line index alone (LineOf).
func (p *Pass) findDateline(ms *matchList) int {
	var lines firstLines        // read at the first full date: most documents have none
	picks := [3]int{-1, -1, -1} // by a dateline pattern, in the first three lines, opening a line
	for k := range ms.n {
		m := ms.ref(k)
		c := m.caps
		if c.Year[0] == 0 || c.Month[0] == 0 || c.Day[0] == 0 || c.Year[1] != 0 || c.Day[1] != 0 {
			continue
		}
		if _, err := civil(int(c.Year[0]), int(c.Month[0]), int(c.Day[0])); err != nil {
			continue
		}
		if m.pat.Dateline {
			picks[0] = k // nothing can win over it
			break
		}
		if picks[1] >= 0 && picks[2] >= 0 {
			continue // only a dateline pattern is left to find
		}
		r, ok := lines.rank(p, p.Doc.LineOf(p.Toks[m.start].Start))
		lineStart := m.start == 0 || p.Toks[m.start].Is(token.NewlineBefore)
		if picks[1] < 0 && ok && r <= 3 {
			picks[1] = k
		}
		if picks[2] < 0 && ok && lineStart {
			picks[2] = k
		}
	}
	pick := -1
	for _, k := range picks {
		if k >= 0 {
			pick = k
			break
		}
	}
	if pick < 0 {
		p.Doc.PublishedSource = claims.SourceNone
		return -1
	}
	m := ms.ref(pick)
	t, _ := civil(int(m.caps.Year[0]), int(m.caps.Month[0]), int(m.caps.Day[0]))
	p.Doc.Published = t
	p.Doc.PublishedSource = claims.SourceDateline
	p.Doc.PublishedText = p.Doc.Text[p.Toks[m.start].Start:p.Toks[m.end-1].End]
	return pick
}

// firstLines holds the first lines of a document that hold a token, in
// order (up to 13, as findDateline reads them), once read: reading them,
// into a map, for every document cost more than the rest of findDateline
// on news, where few documents have a full date at all.
type firstLines struct {
	read  bool
	n     int
	lines [13]int
}

// rank returns line's rank among the document's non-empty lines (1 for
// the first), if it is one of the first ones.
func (fl *firstLines) rank(p *Pass, line int) (int, bool) {
	if !fl.read {
		fl.read = true
		for i := range p.Toks {
			if i == 0 || p.Toks[i].Is(token.NewlineBefore) {
				fl.lines[fl.n] = p.Doc.LineOf(p.Toks[i].Start)
				if fl.n++; fl.n == len(fl.lines) {
					break
				}
			}
		}
	}
	for k, l := range fl.lines[:fl.n] {
		if l == line {
			return k + 1, true
		}
	}
	return 0, false
}

// civil is the day y-m-d, or an error when the calendar has no such day
// ("February 30"): time.Date would roll it into the next month, and the
// result is that rolled date, as it always was. The day is tested against
// the month's length before it is built, where reading the built date's
// year, month and day back cost three calendar computations a date.
func civil(y, m, d int) (time.Time, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return t, errNoSuchDate
	}
	return t, nil
}

// errNoSuchDate is civil's error, made once.
var errNoSuchDate = errors.New("no such date")

// daysIn is the number of days of month m (1 to 12) of year y in the
// proleptic Gregorian calendar that package time uses.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dateTense is the sentence's tense (see Pass.Tense), falling back for
// English on the past-tense ending of a verb in the sentence ("rose",
// "arrived"): the language lists cannot hold every verb, and a year-less
// date in "The storm arrived on March 3" must look back.
func (p *dateRun) dateTense(i int) claims.Tense {
	t, _ := p.dateTenseOf(i)
	return t
}

// dateTenseOf is dateTense, and whether the date's own clause said it
// (a clause marker or verb) rather than its sentence or the language's
// default: "payable Jan. 2 to holders of record Dec. 15" in a sentence
// that "said" something is not thereby in the past.
func (p *dateRun) dateTenseOf(i int) (claims.Tense, bool) {
	if i >= len(p.Toks) {
		return "", false
	}
	// The clause's and the sentence's ranges and tenses are the run's
	// clause memo's (a second Clause call cost a tenth of a date's
	// resolution).
	cm := p.clauseAt(i)
	ca, cb := cm.ca, cm.cb
	if t := cm.ct; t != "" {
		if t == claims.TenseFuture {
			// "issued a statement Friday saying the entry will ...":
			// the nearest tense word is the date's verb.
			if n := p.nearestTense(ca, cb, i); n != "" {
				t = n
			}
		}
		// "The board said the dividend is payable Dec. 15": the saying is
		// past, not what is said. A clause whose only past word is a
		// reporting verb gives a weak past.
		return t, t != claims.TensePast || !p.clauseOnlyReporting(cm) || p.reportingBefore(i)
	}
	// A past form before the date is its verb ("arrived on March 3");
	// after it, often a participle ("by August, in markets untouched by
	// the crisis").
	if t := p.edPastMemo(ca, i); t != "" {
		return t, true
	}
	if t := p.edPastMemo(i, cb); t != "" {
		return t, false
	}
	if t := p.sentenceTense(cm); t != "" {
		if t == claims.TenseFuture {
			// "In September, it announced plans to buy ...": the
			// main verb nearest the date, not a later "plans to".
			if n := p.nearestTense(cm.a, cm.b, i); n != "" {
				t = n
			}
		}
		// A language whose verbs carry no tense (Indonesian) reads
		// undated reports as past in any case.
		return t, t == p.Lang.DefaultTense
	}
	if p.Lang.DefaultTense != "" {
		return p.Lang.DefaultTense, true
	}
	return p.sentenceEd(cm), false
}

// nearestTense is the tense of the tense word nearest token i (a date's
// first token) within tokens [a, b): a listed marker, or a past form by its
// suffix; before the date wins a tie. "" when there is none.
func (p *Pass) nearestTense(a, b, i int) claims.Tense {
	if b-a > tenseScanMax && p.tenses.stopsTo >= b {
		// The loop below would ask the table at its first step (a span
		// this long has a token beside i): the dates of a long clause
		// go there straight.
		return p.nearestTenseLong(a, b, i)
	}
	at := p.tenseWordAt
	// A quotation mark ends the search on its side: the words beyond it
	// are someone's speech, or the saying of it.
	quote := func(k int) bool { return isQuote(p.Toks[k].Text) }
	a0, b0, reach := a, b, tenseScan(a, b, p.tenses.stopsTo)
	for d := 1; a <= i-d || i+d < b; d++ {
		if d > reach {
			// Still searching this far out: the tense table answers.
			return p.nearestTenseLong(a0, b0, i)
		}
		if k := i - d; a <= k {
			if quote(k) {
				a = b // stop looking back (but see nearestTenseLong)
			} else if t := at(k); t != "" {
				return t
			}
		}
		if k := i + d; k < b {
			if quote(k) {
				b = 0 // stop looking ahead
			} else if t := at(k); t != "" {
				return t
			}
		}
	}
	return ""
}

// onlyReporting reports whether every past-tense marker in tokens [a, b)
// is a reporting verb ("said", "mengatakan").
func (p *Pass) onlyReporting(a, b int) bool {
	rep := p.Lang.List(rules.ListReportVerbs)
	if rep == nil {
		return false
	}
	// Past the first tokens of a long span, the tense table answers.
	past := p.Lang.Past
	for k := a; k < min(b, a+tenseScan(a, b, p.tenses.otherTo())); k++ {
		if t := &p.Toks[k]; past.MayStart(t) && past.Has(p.Toks, k) && !rep.Has(p.Toks, k) {
			return false
		}
	}
	return b-a <= tenseScanMax || p.onlyReportingLong(a, b)
}

// reportingBefore reports a reporting verb just before token i ("said
// Friday", "said on Friday"): the date is the saying's. The list's
// first-word filter is asked first: it inlines, and turns away most
// words without the two calls of Has.
func (p *Pass) reportingBefore(i int) bool {
	rep := p.Lang.List(rules.ListReportVerbs)
	if rep == nil {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if rep.MayStart(&p.Toks[k]) && rep.Has(p.Toks, k) {
			return true
		}
	}
	return false
}

// reportingAfter reports a reporting verb right after a date ending before
// token end ("President Bush on Tuesday said"): the date is the saying's.
func (p *Pass) reportingAfter(end int) bool {
	rep := p.Lang.List(rules.ListReportVerbs)
	return rep != nil && end < len(p.Toks) && rep.MayStart(&p.Toks[end]) && rep.Has(p.Toks, end)
}

// edPast is the fallback for a language whose verbs mark the past with a
// suffix (English "-ed", the language's past_suffix list): a past form in
// tokens [a, b). The language lists cannot hold every verb.
func (p *Pass) edPast(a, b int) claims.Tense {
	irregular := p.Lang.WordSet(rules.ListPastIrregular)
	if len(p.Lang.WordSet(rules.ListPastSuffix)) == 0 && len(irregular) == 0 {
		return claims.TenseNone
	}
	// Past the first tokens of a long span, the tense table answers. The
	// lists are looked up by the tokens' hashes (InSet).
	l := p.Lang
	for k := a; k < min(b, a+tenseScan(a, b, p.tenses.edTo())); k++ {
		t := &p.Toks[k]
		if t.Kind != token.Word || t.Is(token.Capital) && k != a {
			continue
		}
		if p.pastSuffixedAt(t) {
			if k > a && l.InSet(rules.ListAdjectiveBefore, &p.Toks[k-1]) {
				continue // "the reduced dividend": an adjective
			}
			// "is expected", "will be held": a participle after a
			// future or passive auxiliary is not the past.
			if k > a && l.InSet(rules.ListParticipleBefore, &p.Toks[k-1]) {
				continue
			}
			return claims.TensePast
		}
		if l.InSet(rules.ListPastIrregular, t) {
			return claims.TensePast
		}
	}
	if b-a > tenseScanMax {
		return p.edPastLong(a, b)
	}
	return claims.TenseNone
}

// edPastMemo is edPast for the date step, which asks it three times per
// date, about the date's clause before and after it and its sentence: in
// a page of dates with few full stops, reading those spans token by token
// for every date cost more than resolving the dates. A short span is read
// through the run's past scans (pastScans), which read each token of a
// run of them once; a long one as edPast reads it (the tense table).
func (r *dateRun) edPastMemo(a, b int) claims.Tense {
	b = min(b, len(r.Toks))
	if b-a > tenseScanMax || len(r.Lang.WordSet(rules.ListPastSuffix)) == 0 && len(r.Lang.WordSet(rules.ListPastIrregular)) == 0 {
		return r.edPast(a, b)
	}
	if b > a && (r.edFirst(a) || r.innerPastIn(a+1, b)) {
		return claims.TensePast
	}
	return claims.TenseNone
}

// pastScan records how far a reading of the tokens from lo on went: no
// token in [lo, next) is a past form after the first of a span (edInner),
// and token next is one when found.
type pastScan struct {
	lo, next int
	found    bool
}

// innerPastIn reports whether a token in [lo, hi) is a past form after the
// first of a span (edInner). It reads on from a scan that covers lo, else
// starts one in place of the oldest: the date step's questions come in
// three series (before each date, after it, its sentence), each reading on
// from where its last question stopped.
func (r *dateRun) innerPastIn(lo, hi int) bool {
	if lo >= hi {
		return false
	}
	var s *pastScan
	for k := range r.pastScans {
		if c := &r.pastScans[k]; c.next > 0 && c.lo <= lo && lo <= c.next {
			s = c
			break
		}
	}
	if s == nil {
		s = &r.pastScans[r.nextPastScan]
		r.nextPastScan = (r.nextPastScan + 1) % len(r.pastScans)
		*s = pastScan{lo: lo, next: lo}
	}
	for !s.found && s.next < hi {
		if r.edInner(s.next) {
			s.found = true
			break
		}
		s.next++
	}
	return s.found && s.next < hi
}

// pastSuffixedAt reports a past form by its suffix: hasPastSuffix, and not
// listed as something else ("indeed", "expected"), the list looked up by
// the token's hash (rules.Language.InSet).
func (p *Pass) pastSuffixedAt(t *token.Token) bool {
	return p.hasPastSuffix(t.Lower) && !p.Lang.InSet(rules.ListNotPast, t)
}

// hasPastSuffix reports a word ending in one of the language's past
// suffixes with at least three letters before it ("arrived", not "red").
func (p *Pass) hasPastSuffix(w string) bool {
	for _, suf := range p.index.pastSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// resolveMatch turns a match into an item, or nil when the words cannot be
// a date after all (31 February).
//
// m is the match loaded from the list (matchList.load), whose captures,
// as stored there, the item points at. m is read in place (a
// further copy of it was a tenth of the resolution of a clock time); only
// the reading of "in two weeks" as a duration moves its start, on a copy.
func (p *dateRun) resolveMatch(m *dateMatch) *dateItem {
	start, end := p.Toks[m.Start].Start, p.Toks[m.End-1].End
	c := p.newClaim()
	it := p.resolveItem(m, c, start, end)
	if it == nil {
		p.spare = c // never reported: the next match takes it
	}
	return it
}

// newClaim returns a zero claim: the one a clock time joined to its date
// or a rejected match left (spare), else a new one. A page of "on March 3
// at 5 p.m." made a claim for each clock time and dropped a third of them.
func (p *dateRun) newClaim() *claims.Claim {
	if c := p.spare; c != nil {
		p.spare = nil
		*c = claims.Claim{}
		return c
	}
	return p.made.claim()
}

// resolveItem is resolveMatch writing into the new claim c, which it
// leaves unreported when it returns nil.
func (p *dateRun) resolveItem(m *dateMatch, c *claims.Claim, start, end int) *dateItem {
	c.Rule, c.Start, c.End = m.Pattern.Rule, start, end
	it := p.scratch.matches.newItem()
	*it = dateItem{start: m.Start, end: m.End, c: c, caps: m.Caps, pat: m.Pattern}
	if m.Pattern.SkipFirst {
		// "the 2000 Olympics", "its 1990 invasion", "the company's 1989
		// results": the words before the year say it is one but are not
		// part of it.
		for it.start < m.End-1 && p.Toks[it.start].Kind != token.Number && !p.Lang.SpokenYearStart(p.Toks, it.start) {
			it.start++
		}
		c.Start = p.Toks[it.start].Start
	}
	switch {
	case m.Pattern.Value != "" || m.Pattern.Set || m.Pattern.Vague:
		if !p.fixedValue(c, m) {
			return nil
		}
		return it
	case m.Caps.Seconds && m.Caps.HasHour && m.Caps.AmPm == 0 && m.Caps.Zone == 0 && m.Caps.Day[0] == 0 && m.Caps.Weekday[0] == 0 &&
		p.Toks[m.Start].Kind == token.Number:
		// "3:07:35", a race time: hours, minutes and seconds with no
		// clock word is how long something took.
		c.Kind = claims.KindDuration
		c.Value = clockDuration(int(m.Caps.Hour), int(m.Caps.Minute), int(m.Caps.Second))
		v := float64(m.Caps.Hour) + float64(m.Caps.Minute)/60 + float64(m.Caps.Second)/3600
		nv := &claims.NumberValue{Value: v, Precision: 1.0 / 3600, Unit: "hour"}
		p.exact(nv)
		c.Num = nv
		return it
	case m.Pattern.Section == "duration_patterns":
		if !p.duration(c, m) {
			return nil
		}
		it.end = p.tokenAt(c.End)
	case m.Pattern.Future && p.dateTense(m.Start) != claims.TenseFuture:
		// "in two weeks" in a sentence that does not look ahead is how
		// long something took.
		d := *m
		d.Start++
		c.Start = p.Toks[d.Start].Start
		c.Rule = p.Lang.Code + "/duration_patterns/" + d.Pattern.ID
		if !p.duration(c, &d) {
			return nil
		}
		it.start = d.Start
	case m.Pattern.Section == "relative" && m.Pattern.Anchor && m.Pattern.Shift != nil && m.Pattern.Shift.FromNum &&
		(m.Caps.DurUnit == "hour" || m.Caps.DurUnit == "minute" || m.Caps.DurUnit == "second"):
		// "sekitar sembilan jam kemudian", "about two hours later": a date
		// cannot say hours; the span is the checkable part.
		if !p.duration(c, m) {
			return nil
		}
		c.End = p.Toks[m.End-1].End
		it.end = m.End
	case m.Pattern.Section == "relative" && m.Pattern.Shift != nil && m.Pattern.Shift.Part == rules.PartSpan && m.Pattern.Shift.FromNum &&
		(m.Caps.DurUnit == "hour" || m.Caps.DurUnit == "minute" || m.Caps.DurUnit == "second"):
		// "12 jam ke depan", "the past 24 hours": a span of hours is how
		// long, not a stretch of days.
		if !p.duration(c, m) {
			return nil
		}
		c.End = p.Toks[m.End-1].End
		it.end = m.End
	default:
		if !p.resolveDate(c, m) {
			return nil
		}
		if c.Date == nil && m.Caps.HasHour && m.Caps.Year[0] == 0 && m.Caps.Month[0] == 0 && m.Caps.Day[0] == 0 && m.Caps.Weekday[0] == 0 {
			it.clock, it.hour, it.min = true, hour24(m.Caps), int(m.Caps.Minute)
		}
		p.dayPart(c, m)
		if sh := m.Pattern.Shift; sh != nil && m.Pattern.Anchor && sh.FromNum && c.Date != nil && m.Caps.DurUnit != "" {
			// "three days later", "a month earlier", "dua pekan kemudian":
			// the interval is the day counted from the date before; TimeML
			// values the words as the span ("a year earlier" alone is the
			// year before).
			n := 1.0
			if m.Caps.HasNum {
				n = m.Caps.Num.Value
			}
			if v := isoDuration(n, m.Caps.DurUnit); v != "" && !(m.Caps.DurUnit == "year" && n == 1) {
				dv := *c.Date
				dv.Period = v
				c.Date = &dv
				c.Value = v
			}
		}
		if m.Pattern.Future && c.Date != nil && m.Caps.DurUnit != "" {
			// "in two weeks" looking ahead: the date is what is compared;
			// TimeML values the words as the span they name.
			n := 1.0
			if m.Caps.HasNum {
				n = m.Caps.Num.Value
			}
			if v := isoDuration(n, m.Caps.DurUnit); v != "" {
				dv := *c.Date
				dv.Period = v
				c.Date = &dv
				c.Value = v
			}
		}
		if c.Date != nil && m.Caps.HasHour && c.Date.Gran == claims.GranMinute {
			p.toUTC(c, int(m.Caps.Zone), m.Start)
		}
	}
	return it
}

// dayPart marks a day written with a part of the day ("Friday evening",
// "Selasa sore", "tonight"): TimeML's 2024-12-27TEV. The interval stays
// the whole day.
func (p *dateRun) dayPart(c *claims.Claim, m *dateMatch) {
	dp := m.Pattern.DayPart
	if dp == "" && m.Caps.DayPart > 0 {
		dp = rules.DayParts[m.Caps.DayPart-1]
	}
	if dp == "" || m.Caps.HasHour {
		return
	}
	if c.Date == nil {
		if strings.HasPrefix(c.Value, "XXXX-") && !strings.Contains(c.Value, "T") {
			c.Value += "T" + dp
		}
		return
	}
	if c.Date.Gran != claims.GranDay || c.Date.Range || c.Date.Fuzzy || c.Date.Period != "" {
		return
	}
	dv := *c.Date
	dv.DayPart = dp
	c.Date = &dv
	c.Value = dv.Canonical()
}

// fixedValue reads the expressions whose value the pattern gives or that
// name no checkable time: "now" (PRESENT_REF), "recently" (PAST_REF),
// "every year" (a set, P1Y), "each Thursday" (XXXX-WXX-4), "recent weeks"
// (PXW).
func (p *dateRun) fixedValue(c *claims.Claim, m *dateMatch) bool {
	pat, cp := m.Pattern, m.Caps
	switch {
	case pat.Set:
		c.Kind = kindSet
		switch {
		case pat.Value != "":
			c.Value = pat.Value
		case cp.Weekday[0] != 0:
			c.Value = weekdayValue(int(cp.Weekday[0]))
			if cp.DayPart > 0 {
				c.Value += "T" + rules.DayParts[cp.DayPart-1]
			}
		case cp.Month[0] != 0:
			c.Value = fmt.Sprintf("XXXX-%02d", cp.Month[0]) // "each July"
		case cp.DurUnit != "":
			n := 1.0
			if cp.HasNum {
				n = cp.Num.Value
			}
			c.Value = isoDuration(n, cp.DurUnit)
		case cp.DayPart > 0:
			c.Value = "XXXX-XX-XXT" + rules.DayParts[cp.DayPart-1]
		}
		c.Note = "a recurrence, not compared as a date"
	case pat.Vague:
		c.Kind = claims.KindDuration
		c.Value = pat.Value
		if c.Value == "" {
			c.Value = vagueDuration(cp.DurUnit)
		}
		c.Note = "a duration of no stated length"
	case pat.Anchor && !p.anchor.IsZero():
		// "saat itu": the day the text spoke of last.
		c.Kind = claims.KindDate
		c.Tense = p.tense(m.Start)
		dv := &claims.DateValue{Start: p.anchor, End: p.anchor.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true,
			Inferred: partsYMD}
		c.Date = dv
		c.Value = dv.Canonical()
		c.Note = fmt.Sprintf("the day of %q, the date mentioned before it", p.anchorText)
	default:
		c.Kind = claims.KindDate
		c.Value = pat.Value
		c.Tense = p.tense(m.Start)
		c.Note = "names no checkable time"
	}
	return c.Value != ""
}

// kindSet is a recurrence: TimeML's SET ("every year", "setiap Senin").
const kindSet claims.Kind = "set"

// vagueDuration renders a duration with no count: PXY, PXM, PTXH.
func vagueDuration(unit string) string {
	switch unit {
	case "year":
		return "PXY"
	case "decade":
		return "PXDE"
	case "century":
		return "PXCE"
	case "month":
		return "PXM"
	case "quarter":
		return "PXQ"
	case "week", "fortnight":
		return "PXW"
	case "weekend":
		return "PXWE"
	case "day":
		return "PXD"
	case "hour":
		return "PTXH"
	case "minute":
		return "PTXM"
	case "second":
		return "PTXS"
	}
	return ""
}

// clockDuration renders h:mm:ss as PT3H7M35S.
func clockDuration(h, m, s int) string {
	out := "PT"
	if h > 0 {
		out += fmt.Sprintf("%dH", h)
	}
	if m > 0 {
		out += fmt.Sprintf("%dM", m)
	}
	if s > 0 || out == "PT" {
		out += fmt.Sprintf("%dS", s)
	}
	return out
}

// resolveDate turns a match into a date claim. It returns false when the
// words cannot be a date after all (31 February).
func (p *dateRun) resolveDate(c *claims.Claim, m *dateMatch) bool {
	c.Kind = claims.KindDate
	cp := m.Caps
	if cp.Ordinal == 0 && m.Pattern.Number > 0 {
		number := *cp                     // a copy: the match stays as read
		number.Ordinal = m.Pattern.Number // "the last half of 1989"
		cp = &number
	}
	pub := p.pubDate()
	// The claim records the tense its sentence marks; resolution also uses
	// the fallbacks of dateTense.
	c.Tense = p.tense(m.Start)
	pat := m.Pattern
	if pat.Section == "relative" {
		return p.resolveRelative(c, m, pub)
	}
	// The value is filled in on the stack and copied to the heap only when
	// the claim keeps it: many matches end with a value and no interval
	// (a date with no publication date to infer its year from), and an
	// empty DateValue allocated for each was a fifth of the memory of a
	// page of them.
	var dvs claims.DateValue
	dv := &dvs
	switch {
	case cp.Century != 0 || pat.Century && cp.Ordinal != 0:
		first := int(cp.Century)
		if first == 0 {
			if cp.Ordinal < 1 || cp.Ordinal > 30 {
				return false
			}
			first = (cp.Ordinal - 1) * 100
		}
		dv.Start = time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC)
		dv.End = dv.Start.AddDate(100, 0, 0)
		dv.Gran, dv.EndGran, dv.Range = claims.GranYear, claims.GranYear, true
		dv.Written = partsCentury
		dv.Period = fmt.Sprintf("%02d", first/100)
	case cp.Holiday != 0:
		tense, _ := p.resolutionTense(m)
		if !p.resolveHoliday(c, dv, cp, pub, tense, pat.Week) {
			return false
		}
		if c.Value != "" {
			return true
		}
	case cp.Decade != 0:
		dv.Start = time.Date(int(cp.Decade), 1, 1, 0, 0, 0, 0, time.UTC)
		dv.End = dv.Start.AddDate(10, 0, 0)
		dv.Gran = claims.GranDecade
		dv.Written = partsDecade
	case cp.Ordinal != 0:
		tense, _ := p.resolutionTense(m)
		if !p.resolvePeriodOrdinal(c, dv, cp, pat, pub, tense) {
			return false
		}
		if c.Value != "" {
			return true
		}
	case cp.Season[0] != 0:
		tense, _ := p.resolutionTense(m)
		if !p.resolveSeason(c, dv, cp, pub, tense) {
			return false
		}
		if c.Value != "" {
			return true
		}
	case cp.Year[0] == 0 && cp.Month[0] == 0 && cp.Day[0] == 0 && cp.Weekday[0] != 0:
		tense := &lazyTense{r: p, m: m}
		if pat.Anchor && !p.anchor.IsZero() {
			// "the previous Friday", "the following Monday": from the
			// day mentioned last.
			if !p.resolveWeekday(c, cp, pat, p.anchor, tense) {
				return false
			}
			c.Note = fmt.Sprintf("relative to %q (%s), the date mentioned before it", p.anchorText, p.anchor.Format("Mon 2006-01-02"))
			return true
		}
		return p.resolveWeekday(c, cp, pat, pub, tense)
	case cp.Year[0] == 0 && cp.Month[0] == 0 && cp.Day[0] == 0:
		// A time of day alone; attached to a date later when one is near.
		if !cp.HasHour {
			return false
		}
		c.Value = clockValue(hour24(cp), int(cp.Minute))
		c.Note = "time of day without a date"
		return true
	default:
		if !p.resolveCalendar(c, dv, cp, pat, pub, &lazyTense{r: p, m: m}) {
			return false
		}
		if c.Value != "" {
			return true
		}
	}
	if cp.Part != rules.PartNone {
		applyPart(dv, cp.Part, pub)
	}
	c.Date = new(claims.DateValue)
	*c.Date = dvs
	c.Value = dv.Canonical()
	return true
}

// resolutionTense is the tense that picks the year, month or day a date
// leaves out (dateTenseOf, and whether the date's own clause said it),
// with a reporting verb beside the date and a deadline word before it
// read. It is asked only by the readings that infer a part: a clock time,
// a decade or a relative expression (a page of them) does not need it.
func (p *dateRun) resolutionTense(m *dateMatch) (claims.Tense, bool) {
	tense, strong := p.dateTenseOf(m.Start)
	if p.reportingBefore(m.Start) || p.reportingAfter(m.End) {
		// "said Friday that he would ...", "on Tuesday said the
		// troops will ...": the date is the saying's, whatever the
		// clause goes on to say.
		tense, strong = claims.TensePast, true
	}
	deadline := p.Lang.List(rules.ListDeadlinePrep)
	if _, _, ok := deadline.MatchBefore(p.Toks, m.Start, 3); !strong && (ok || deadline.Has(p.Toks, m.Start)) {
		// "by August", "paling lambat Juni": a deadline lies ahead
		// unless the date's clause says otherwise.
		tense = claims.TenseFuture
	}
	return tense, strong
}

// resolvePeriodOrdinal reads quarters and halves: "the second quarter of
// 2023", "Q3 2024", "H1", "kuartal III 2024", "semester pertama tahun ini".
func (p *Pass) resolvePeriodOrdinal(c *claims.Claim, dv *claims.DateValue, cp *rules.Captures, pat *rules.Pattern, pub time.Time, tense claims.Tense) bool {
	n, months, g := 4, 3, claims.GranQuarter
	if pat.Half || cp.HalfTag {
		n, months, g = 2, 6, claims.GranHalf
	}
	if cp.Ordinal < 1 || cp.Ordinal > n {
		return false
	}
	y := int(cp.Year[0])
	dv.Written = partsPart
	if y == 0 {
		if pub.IsZero() {
			c.Value = fmt.Sprintf("XXXX-%s%d", map[bool]string{true: "H", false: "Q"}[g == claims.GranHalf], cp.Ordinal)
			c.Note = "year not written and no publication date"
			return true
		}
		y = pub.Year() + int(cp.Offset)
		if pat.YearOffset != nil {
			// "the year-ago third quarter": that quarter a year before.
			y = pub.Year() + *pat.YearOffset
			start := time.Date(y+1, time.Month((cp.Ordinal-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
			if start.After(pub) {
				y-- // not yet begun: the one before is compared
			}
		} else if !cp.HasOffset {
			// "the fourth quarter" in January looks back to last year's
			// unless the sentence looks ahead.
			start := time.Date(y, time.Month((cp.Ordinal-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
			if start.After(pub) && tense != claims.TenseFuture && start.Year() == pub.Year() && int(start.Month())-int(pub.Month()) > months {
				y--
			}
		}
		addInferredYear(dv)
		dv.Relative = cp.HasOffset || pat.YearOffset != nil
	} else {
		dv.Written = append(dv.Written, "year")
	}
	dv.Start = time.Date(y, time.Month((cp.Ordinal-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
	dv.End = dv.Start.AddDate(0, months, 0)
	dv.Gran = g
	if cp.Year[1] != 0 {
		// "from Q1 2017 to Q3 2018"
		e := time.Date(int(cp.Year[1]), time.Month((cp.Ordinal-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		if cp.Year[1] != 0 && cp.Month[1] == 0 {
			e = time.Date(int(cp.Year[1]), 1, 1, 0, 0, 0, 0, time.UTC)
		}
		_ = e
	}
	return true
}

// resolveHoliday dates a named holiday ("Thanksgiving Day", "Christmas
// 2024", "last Easter", "Hari Natal"): in the year written, else the one
// the relative word or the tense picks from the publication date, else the
// nearest.
func (p *Pass) resolveHoliday(c *claims.Claim, dv *claims.DateValue, cp *rules.Captures, pub time.Time, tense claims.Tense, week bool) bool {
	h := p.Lang.Holidays[cp.Holiday-1]
	dv.Written = partsMD
	var t time.Time
	switch {
	case cp.Year[0] != 0:
		t = h.In(int(cp.Year[0]))
		dv.Written = append(dv.Written, "year")
	case pub.IsZero():
		if h.Nth != 0 || h.Easter {
			return false
		}
		c.Value = timexUnknownYear(h.Month, h.Day+h.Shift)
		c.Note = "year not written and no publication date to infer it from"
		return true
	default:
		prev, next := h.In(pub.Year()), h.In(pub.Year())
		if prev.After(pub) {
			prev = h.In(pub.Year() - 1)
		}
		if next.Before(pub) {
			next = h.In(pub.Year() + 1)
		}
		this := h.In(pub.Year())
		mon := mondayOf(this)
		switch {
		case cp.HasOffset && cp.Offset == 0:
			t = this
		case week && !cp.HasOffset && !pub.Before(mon) && pub.Before(mon.AddDate(0, 0, 7)):
			t = this // "as Easter week began": the week under way
		case cp.HasOffset && cp.Offset < 0 || !cp.HasOffset && tense == claims.TensePast:
			t = prev
			if cp.HasOffset && t.Equal(pub) {
				t = h.In(pub.Year() - 1)
			}
		case cp.HasOffset || tense == claims.TenseFuture:
			t = next
			if cp.HasOffset && t.Equal(pub) {
				t = h.In(pub.Year() + 1)
			}
		case pub.Sub(prev) <= next.Sub(pub):
			t = prev
		default:
			t = next
		}
		dv.Inferred = inferredYear
		dv.Relative = cp.HasOffset
		c.Note = p.yearNote(t.Year(), pub)
	}
	dv.Start, dv.Gran = t, claims.GranDay
	dv.End = advance(t, claims.GranDay)
	return true
}

// resolveSeason reads "summer 2024", "the winter of 2023-24", "last summer".
// Seasons are the meteorological ones of the northern hemisphere; a winter
// with a single year ("winter 2024") is ambiguous and left unread.
func (p *Pass) resolveSeason(c *claims.Claim, dv *claims.DateValue, cp *rules.Captures, pub time.Time, tense claims.Tense) bool {
	m1, m2 := int(cp.Season[0]), int(cp.Season[1])
	crosses := m2 < m1
	y := int(cp.Year[0])
	wholeYear := false
	switch {
	case y != 0 && crosses && cp.Year[1] == 0:
		// "the winter of 1994": TimeML's 1994-WI, but whether the
		// writer meant its January or its December is not said; the
		// range holds both winters that touch the year.
		dv.Written = partsSeasonYear
		dv.Fuzzy, wholeYear = true, true
	case y != 0:
		dv.Written = partsSeasonYear
	case cp.HasOffset && !pub.IsZero():
		// The season containing the publication date, or the one before
		// or after it.
		y = pub.Year()
		if crosses && int(pub.Month()) <= m2 {
			y--
		}
		start := time.Date(y, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case cp.Offset < 0 && !start.Before(pub):
			y--
		case cp.Offset > 0 && start.Before(pub):
			y++
		}
		if cp.Offset < 0 {
			// "last summer" in the middle of summer is the one before.
			end := time.Date(y, time.Month(m2)+1, 1, 0, 0, 0, 0, time.UTC)
			if crosses {
				end = end.AddDate(1, 0, 0)
			}
			if end.After(pub) {
				y--
			}
		}
		dv.Written = partsSeason
		dv.Inferred = inferredYear
		dv.Relative = true
	case !pub.IsZero():
		// "the summer", "musim penghujan": the one under way at the
		// dateline, else the last one (or the next when the sentence
		// looks ahead).
		y = pub.Year()
		if crosses && int(pub.Month()) <= m2 {
			y--
		}
		start := time.Date(y, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
		end := time.Date(y, time.Month(m2)+1, 1, 0, 0, 0, 0, time.UTC)
		if crosses {
			end = end.AddDate(1, 0, 0)
		}
		switch {
		case !start.After(pub) && end.After(pub):
		case start.After(pub) && tense != claims.TenseFuture:
			y--
		case !end.After(pub) && tense == claims.TenseFuture:
			y++
		}
		dv.Written = partsSeason
		dv.Inferred = inferredYear
		// Which summer is a guess from the dateline: like "earlier this
		// year", it does not place its sentence in the background.
		dv.Relative, dv.Fuzzy = true, true
	default:
		return false
	}
	dv.Start = time.Date(y, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
	if wholeYear {
		dv.Start = dv.Start.AddDate(-1, 0, 0)
	}
	ey := y
	if crosses {
		ey++
	}
	dv.End = time.Date(ey, time.Month(m2), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	dv.Gran, dv.EndGran, dv.Range = claims.GranMonth, claims.GranMonth, true
	// The four seasons of the northern hemisphere have TimeML names.
	if code, ok := seasonCodes[[2]int{m1, m2}]; ok {
		dv.Period = fmt.Sprintf("%04d-%s", y, code)
	} else if dv.Fuzzy && !wholeYear {
		dv.Period = dv.Start.Format("2006-01") + "/" + dv.End.AddDate(0, -1, 0).Format("2006-01")
	}
	return true
}

var seasonCodes = map[[2]int]string{{3, 5}: "SP", {6, 8}: "SU", {9, 11}: "FA", {12, 2}: "WI"}

func hour24(cp *rules.Captures) int {
	h := int(cp.Hour)
	if cp.AmPm == 2 && h < 12 {
		h += 12
	}
	if cp.AmPm == 1 && h == 12 {
		h = 0
	}
	return h
}

// resolveCalendar handles written dates and ranges with any parts missing.
func (p *dateRun) resolveCalendar(c *claims.Claim, dv *claims.DateValue, cp *rules.Captures, pat *rules.Pattern, pub time.Time, lt *lazyTense) bool {
	y1, m1, d1 := int(cp.Year[0]), int(cp.Month[0]), int(cp.Day[0])
	y2, m2, d2 := int(cp.Year[1]), int(cp.Month[1]), int(cp.Day[1])
	rng := y2 != 0 || m2 != 0 || d2 != 0
	if cp.YY2 {
		y2 = y1 - y1%100 + y2
		if y2 <= y1 {
			y2 += 100
		}
	}
	if rng {
		if m1 == 0 && d1 != 0 {
			m1 = m2
		}
		if m2 == 0 && d2 != 0 {
			m2 = m1
		}
		if y2 == 0 && y1 != 0 {
			y2 = y1
			if m2 != 0 && m2 < m1 {
				y2 = y1 + 1
			}
		}
		if y1 == 0 && y2 != 0 && m1 != 0 {
			// "from May to October 2025", "Nov-Feb 2017": the year
			// written on the end covers the start, the year before when
			// the start month comes later.
			y1 = y2
			if m1 > m2 && m2 != 0 || m1 == m2 && d1 > d2 {
				y1 = y2 - 1
			}
		}
	}
	if dv.Written == nil {
		dv.Written = writtenParts(y1 != 0 || y2 != 0, m1 != 0, d1 != 0, cp.Weekday[0] != 0, cp.HasHour)
	} else {
		addWritten(dv, y1 != 0 || y2 != 0, "year")
		addWritten(dv, m1 != 0, "month")
		addWritten(dv, d1 != 0, "day")
		addWritten(dv, cp.Weekday[0] != 0, "weekday")
		addWritten(dv, cp.HasHour, "time")
	}
	if pat.YearOffset != nil {
		if pub.IsZero() {
			c.Value = timexUnknownYear(m1, d1)
			c.Note = "year relative to an unknown publication date"
			return true
		}
		y1 = pub.Year() + *pat.YearOffset + int(cp.Offset)
		y2 = y1
		addInferredYear(dv)
		dv.Relative = true
	} else if cp.HasOffset && y1 == 0 && m1 != 0 && !pub.IsZero() {
		// "last June", "this September", "Juni lalu", "next March",
		// "27 Desember ini".
		y1 = monthWithOffset(pub, m1, int(cp.Offset), pat.Rel)
		if y2 == 0 && rng {
			y2 = y1
			if m2 != 0 && m2 < m1 {
				y2++
			}
		}
		addInferredYear(dv)
		dv.Relative = true
	} else if pat.Rel == "past" && y1 == 0 && d1 == 0 && m1 != 0 && !pub.IsZero() {
		y1 = monthWithOffset(pub, m1, -1, "past")
		addInferredYear(dv)
		dv.Relative = true
	}
	if m1 == 0 && d1 != 0 {
		// "on the 18th": the month and year of the publication date, or
		// the month before or after as the tense says; with a weekday
		// ("Friday the 26th") the nearest month where the two agree.
		if pub.IsZero() {
			c.Value = fmt.Sprintf("XXXX-XX-%02d", d1)
			c.Note = "month and year not written and no publication date"
			return true
		}
		t := inferMonth(pub, d1, lt.of())
		if wd := int(cp.Weekday[0]); wd != 0 {
			var ok bool
			if t, ok = monthForWeekday(pub, d1, wd, lt.of()); !ok {
				// No month within a year where the day falls on that
				// weekday: read the weekday alone.
				c.Note = ""
				return p.resolveWeekday(c, &rules.Captures{Weekday: cp.Weekday, Hour: cp.Hour, Minute: cp.Minute, HasHour: cp.HasHour, AmPm: cp.AmPm}, pat, pub, lt)
			}
		}
		y1, m1 = t.Year(), int(t.Month())
		dv.Inferred = append(dv.Inferred, "year", "month")
	}
	if y1 == 0 {
		if pub.IsZero() {
			c.Value = timexUnknownYear(m1, d1)
			if rng {
				c.Value = "(" + c.Value + "," + timexUnknownYear(m2, d2) + ")"
			}
			c.Note = "year not written and no publication date to infer it from"
			return true
		}
		tense, strong := lt.get()
		y1 = inferYear(pub, m1, max(d1, 1), tense)
		if tense == claims.TensePast && y1 < pub.Year() {
			// News writes the year of a date more than a few months
			// back: a past reading most of a year back ("extended to
			// Nov. 20" on 2 November, "the pact effective Dec. 7") is
			// the coming one when that is near.
			far := pub.Sub(time.Date(y1, time.Month(m1), max(d1, 1), 0, 0, 0, 0, time.UTC))
			ahead := time.Date(y1+1, time.Month(m1), max(d1, 1), 0, 0, 0, 0, time.UTC).Sub(pub)
			if far > farPastDays*24*time.Hour && ahead < nearAheadDays*24*time.Hour {
				y1++
			}
		}
		if !strong && d1 != 0 {
			// A tense only the sentence gives ("said ... payable Dec.
			// 15", "... would" later on) may not carry a day more than
			// half a year from the dateline when the other reading is
			// nearer.
			if near := inferYear(pub, m1, max(d1, 1), ""); near != y1 {
				far := time.Date(y1, time.Month(m1), max(d1, 1), 0, 0, 0, 0, time.UTC).Sub(pub)
				if far < 0 {
					far = -far
				}
				if far > 183*24*time.Hour {
					y1 = near
				}
			}
		}
		if m1 == 2 && d1 == 29 {
			// "Feb. 29": the nearest leap year.
			for _, k := range []int{0, -1, 1, -2, 2, -3, 3} {
				if _, err := civil(y1+k, 2, 29); err == nil {
					y1 += k
					break
				}
			}
		}
		if rng && y2 == 0 {
			y2 = y1
			if m2 < m1 || m2 == m1 && d2 < d1 {
				y2 = y1 + 1
			}
			// A range that holds the publication date is the likelier
			// reading of an undated one ("between 10/1 and 11/7").
			for _, dy := range []int{-1, 1, 0} {
				s, _, ok1 := point(y1+dy, m1, max(d1, 1))
				e, eg, ok2 := point(y2+dy, m2, d2)
				if ok1 && ok2 && !pub.Before(s) && pub.Before(advance(e, eg)) {
					y1, y2 = y1+dy, y2+dy
					break
				}
			}
		}
		addInferredYear(dv)
		c.Note = p.yearNote(y1, pub)
	}
	start, gran, ok := point(y1, m1, d1)
	if !ok {
		return false
	}
	dv.Start, dv.Gran = start, gran
	dv.End = advance(start, gran)
	if cp.HasHour && d1 != 0 && !rng {
		dv.Start = start.Add(time.Duration(hour24(cp))*time.Hour + time.Duration(cp.Minute)*time.Minute)
		dv.End = dv.Start.Add(time.Minute)
		dv.Gran = claims.GranMinute
	}
	if rng {
		e, eg, ok := point(y2, m2, d2)
		if !ok || e.Before(start) {
			return false
		}
		dv.Range, dv.EndGran = true, eg
		dv.End = advance(e, eg)
	}
	if cp.Weekday[0] != 0 && d1 != 0 && !rng {
		dv.Weekday = int(cp.Weekday[0])
	}
	return true
}

// A past reading of a month or day written without its year that lies more
// than farPastDays back yields to the coming occurrence when that is within
// nearAheadDays.
const (
	farPastDays   = 300
	nearAheadDays = 92
)

// monthWithOffset picks the year of a month name said with a relative word:
// "last June" is the latest June before the publication month, "next
// March" the first March after it, "this September" the publication
// year's.
func monthWithOffset(pub time.Time, m, offset int, rel string) int {
	y := pub.Year()
	pm := int(pub.Month())
	switch {
	case offset < 0 || rel == "past":
		if m >= pm {
			return y - 1
		}
		return y
	case offset > 0 || rel == "next":
		if m <= pm {
			return y + 1
		}
		return y
	}
	return y
}

// monthForWeekday finds the month in which day d falls on weekday wd ("Friday
// the 26th", "Tue 13th"): the first such on or after the publication date
// when the sentence looks ahead, the last on or before it when it looks
// back, else the nearest, within a year either way.
func monthForWeekday(pub time.Time, d, wd int, tense claims.Tense) (time.Time, bool) {
	var before, after time.Time
	for k := 0; k <= 12; k++ {
		for _, sign := range []int{1, -1} {
			cand := time.Date(pub.Year(), pub.Month()+time.Month(sign*k), d, 0, 0, 0, 0, time.UTC)
			if cand.Day() != d || int(cand.Weekday()+6)%7+1 != wd {
				continue
			}
			if !cand.Before(pub) && after.IsZero() {
				after = cand
			}
			if !cand.After(pub) && before.IsZero() {
				before = cand
			}
		}
	}
	switch {
	case tense == claims.TenseFuture && !after.IsZero():
		return after, true
	case tense == claims.TensePast && !before.IsZero():
		return before, true
	case before.IsZero():
		return after, !after.IsZero()
	case after.IsZero():
		return before, true
	case pub.Sub(before) <= after.Sub(pub):
		return before, true
	}
	return after, true
}

// inferMonth picks the month for a day written alone ("on the 18th"): this
// month, or the one before (past) or after (future) when the day has not
// come yet or is gone.
func inferMonth(pub time.Time, d int, tense claims.Tense) time.Time {
	this := time.Date(pub.Year(), pub.Month(), d, 0, 0, 0, 0, time.UTC)
	switch {
	case tense == claims.TenseFuture && this.Before(pub):
		return time.Date(pub.Year(), pub.Month()+1, d, 0, 0, 0, 0, time.UTC)
	case tense != claims.TenseFuture && this.After(pub):
		return time.Date(pub.Year(), pub.Month()-1, d, 0, 0, 0, 0, time.UTC)
	}
	return this
}

func addWritten(dv *claims.DateValue, ok bool, part string) {
	if ok && !slices.Contains(dv.Written, part) {
		dv.Written = append(dv.Written, part)
	}
}

// writtenParts are the parts of a date written, in the order resolveCalendar
// lists them: year, month, day, weekday, time. The lists are shared, one
// per combination (see addInferredYear).
func writtenParts(year, month, day, weekday, time bool) []string {
	// The bits one test each, as writtenSets numbers them: a loop over an
	// array of the five cost a date more than the rest of this.
	k := 0
	if year {
		k |= 1
	}
	if month {
		k |= 2
	}
	if day {
		k |= 4
	}
	if weekday {
		k |= 8
	}
	if time {
		k |= 16
	}
	return writtenSets[k]
}

// writtenSets[k] lists the parts whose bits k has (nil for none).
var writtenSets = func() (sets [32][]string) {
	for k := 1; k < len(sets); k++ {
		var parts []string
		for i, part := range [...]string{"year", "month", "day", "weekday", "time"} {
			if k&(1<<i) != 0 {
				parts = append(parts, part)
			}
		}
		sets[k] = slices.Clip(parts)
	}
	return sets
}()

// addInferredYear adds "year" to the parts of dv that were inferred, with
// the shared one-part list when it is the first.
//
// Sharing is safe: a DateValue's Written and Inferred lists are only ever
// replaced or appended to, never written in place, and a shared list's
// capacity is its length, so an append copies it. Each list was an
// allocation of its own per date.
func addInferredYear(dv *claims.DateValue) {
	if dv.Inferred == nil {
		dv.Inferred = inferredYear
		return
	}
	dv.Inferred = append(dv.Inferred, "year")
}

// The part lists of date values, shared: a value's Written and Inferred are
// never changed in place (adding a part appends, which copies a full
// slice), and a list allocated for every date was a tenth of the memory of
// a page of them.
var (
	inferredYear    = []string{"year"}
	partsYMD        = []string{"year", "month", "day"}
	partsYM         = []string{"year", "month"}
	partsYQ         = []string{"year", "quarter"}
	partsMD         = []string{"month", "day"}
	partsCentury    = []string{"century"}
	partsDecade     = []string{"decade"}
	partsPart       = []string{"part"}
	partsSeason     = []string{"season"}
	partsSeasonYear = []string{"season", "year"}
	partsWeekday    = []string{"weekday"}
	partsTime       = []string{"time"}
)

// yearNote is the note of a date whose year was inferred from the
// publication date. The last few made are kept (yearNotes) and given again
// for the same year and date: dates without a year are many in some texts,
// and formatting the note for each cost more than resolving the date. (A
// map of them was an allocation per document; one kept note was made anew
// at every date in text that alternates between years.)
func (p *Pass) yearNote(y int, pub time.Time) string {
	for k := range p.yearNotes {
		if yn := &p.yearNotes[k]; yn.note != "" && yn.y == y && yn.pub == pub {
			return yn.note
		}
	}
	yn := &p.yearNotes[p.nextYearNote]
	p.nextYearNote = (p.nextYearNote + 1) % len(p.yearNotes)
	var buf [64]byte
	b := strconv.AppendInt(append(buf[:0], "year "...), int64(y), 10)
	b = claims.AppendDay(append(b, " inferred from the publication date "...), pub)
	*yn = yearNote{y, pub, string(b)}
	return yn.note
}

// yearNote is a note yearNote made, for year y and publication date pub.
type yearNote struct {
	y    int
	pub  time.Time
	note string
}

// timexUnknownYear is the TIMEX value of a month and day without a year,
// "XXXX-%02d-%02d" ("XXXX-%02d" without a day); the values of real months
// and days are made once (unknownYears).
func timexUnknownYear(m, d int) string {
	if m == 0 {
		return "XXXX"
	}
	if m > 0 && m < len(unknownYears) && d >= 0 && d < len(unknownYears[m]) {
		return unknownYears[m][d]
	}
	return formatUnknownYear(m, d)
}

// unknownYears holds timexUnknownYear's values for months 1 to 12 and days
// 0 (none) to 31: a page of dates without years made a string for each.
var unknownYears = func() (t [13][32]string) {
	for m := 1; m < len(t); m++ {
		for d := range t[m] {
			t[m][d] = formatUnknownYear(m, d)
		}
	}
	return t
}()

// formatUnknownYear writes timexUnknownYear's value.
func formatUnknownYear(m, d int) string {
	var buf [32]byte
	b := appendPad2(append(buf[:0], "XXXX-"...), m)
	if d != 0 {
		b = appendPad2(append(b, '-'), d)
	}
	return string(b)
}

// clockValue is the TIMEX value of a time of day without a date,
// "T%02d:%02d" (fmt cost a fifth of extraction on a page of clock times).
func clockValue(h, m int) string {
	if h >= 0 && h < len(clockValues) && m >= 0 && m < len(clockValues[h]) {
		return clockValues[h][m]
	}
	return formatClock(h, m)
}

// clockValues holds clockValue's values for hours 0 to 24 and minutes 0 to
// 59, made once: a page of clock times made a string for each.
var clockValues = func() (t [25][60]string) {
	for h := range t {
		for m := range t[h] {
			t[h][m] = formatClock(h, m)
		}
	}
	return t
}()

// formatClock writes clockValue's value.
func formatClock(h, m int) string {
	var buf [48]byte
	b := appendPad2(append(buf[:0], 'T'), h)
	b = appendPad2(append(b, ':'), m)
	return string(b)
}

// appendPad2 appends n as fmt's %02d spells it.
func appendPad2(b []byte, n int) []byte {
	if n >= 0 && n < 10 {
		return append(b, '0', byte('0'+n))
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// point builds the start of a date written to year, month or day precision.
func point(y, m, d int) (time.Time, claims.Granularity, bool) {
	switch {
	case d != 0:
		if m == 0 {
			return time.Time{}, 0, false
		}
		t, err := civil(y, m, d)
		return t, claims.GranDay, err == nil
	case m != 0:
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), claims.GranMonth, true
	default:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranYear, y != 0
	}
}

func advance(t time.Time, g claims.Granularity) time.Time {
	switch g {
	case claims.GranDecade:
		return t.AddDate(10, 0, 0)
	case claims.GranYear:
		return t.AddDate(1, 0, 0)
	case claims.GranHalf:
		return t.AddDate(0, 6, 0)
	case claims.GranQuarter:
		return t.AddDate(0, 3, 0)
	case claims.GranMonth:
		return t.AddDate(0, 1, 0)
	case claims.GranWeek:
		return addDays(t, 7)
	case claims.GranMinute:
		return t.Add(time.Minute)
	default:
		return addDays(t, 1)
	}
}

// addDays is t.AddDate(0, 0, n). In UTC, where every day is 24 hours, it
// is a plain addition, which spares AddDate's two calendar computations
// (a page of dates steps a day for every day value it makes).
func addDays(t time.Time, n int) time.Time {
	if t.Location() == time.UTC {
		return t.Add(time.Duration(n) * 24 * time.Hour)
	}
	return t.AddDate(0, 0, n)
}

// inferYear picks the year for a month (and day) written without one. Past
// sentences take the most recent occurrence not after the publication date
// (a week's slack lets "on 2 January" in an article of 29 December look
// back), future ones the next occurrence not before it, and sentences that
// do not mark tense the occurrence nearest to the publication date.
func inferYear(pub time.Time, m, d int, tense claims.Tense) int {
	y := pub.Year()
	// The candidates are compared as seconds since 1970 (unixDays), not
	// as time.Date values: three Dates and their comparisons were most of
	// the cost of a year inferred. A candidate is midnight UTC, so its
	// nanoseconds are 0; the week's margin is reckoned once (addDays).
	at := func(cand int) int64 { return unixDays(cand, m, d) * secondsPerDay }
	switch tense {
	case claims.TensePast:
		limit := addDays(pub, 7).Unix()
		for _, cand := range []int{y + 1, y, y - 1} {
			if at(cand) <= limit { // !at(cand).After(limit)
				return cand
			}
		}
	case claims.TenseFuture:
		limit := addDays(pub, -7)
		ls, ln := limit.Unix(), limit.Nanosecond()
		for _, cand := range []int{y - 1, y, y + 1} {
			if s := at(cand); s > ls || s == ls && ln == 0 { // !at(cand).Before(limit)
				return cand
			}
		}
	}
	ps, pn := pub.Unix(), int64(pub.Nanosecond())
	best, bestD := y, time.Duration(math.MaxInt64)
	for _, cand := range []int{y - 1, y, y + 1} {
		d := time.Duration(at(cand)-ps)*time.Second - time.Duration(pn) // at(cand).Sub(pub)
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// mondayOf returns the Monday starting the ISO week of t.
func mondayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// resolveWeekday resolves "on Friday" against the dateline: the latest such
// day on or before it, or with future tense the first on or after it.
// "last Friday" is the latest before it and "this past Friday" too; "next
// Friday" is the Friday of the following week, "this coming Friday" the
// first after the dateline, "this Friday" the one of the dateline's week,
// and "Friday of last week" / "Jumat pekan lalu" the one of that week.
func (p *dateRun) resolveWeekday(c *claims.Claim, cp *rules.Captures, pat *rules.Pattern, pub time.Time, lt *lazyTense) bool {
	wd := time.Weekday(cp.Weekday[0] % 7) // 7 (Sunday) -> 0
	if pub.IsZero() {
		c.Value = weekdayValue(int(cp.Weekday[0]))
		c.Note = "weekday with no publication date to resolve it against"
		return true
	}
	inWeek := func(monday time.Time) time.Time { return addDays(monday, (int(cp.Weekday[0])+6)%7) }
	var d time.Time
	how := ""
	switch {
	case cp.HasOffset && cp.DurUnit == "week":
		d = inWeek(addDays(mondayOf(pub), 7*int(cp.Offset)))
		how = "in the week named"
	case pat.Rel == "past":
		d = onOrBefore(addDays(pub, -1), wd)
		how = "the last before"
	case pat.Rel == "next":
		d = onOrAfter(addDays(pub, 1), wd)
		how = "the first after"
	case cp.HasOffset && cp.Offset != 0:
		// "last Friday" is the latest Friday before the dateline, or the
		// Friday of the week before when that one is in the dateline's
		// own week (writers say "on Friday" for those): both readings are
		// kept as one fuzzy span when they differ. "next Friday" likewise.
		var near, far time.Time
		if cp.Offset < 0 {
			near = onOrBefore(addDays(pub, -1), wd)
			far = inWeek(addDays(mondayOf(pub), -7))
		} else {
			near = onOrAfter(addDays(pub, 1), wd)
			far = inWeek(addDays(mondayOf(pub), 7))
		}
		if !near.Equal(far) {
			first, last := near, far
			if far.Before(near) {
				first, last = far, near
			}
			dv := &claims.DateValue{Start: first, End: addDays(last, 1), Gran: claims.GranDay, Fuzzy: true, Relative: true,
				Written: partsWeekday, Inferred: partsYMD}
			c.Date = dv
			c.Value = dv.Canonical()
			c.Note = fmt.Sprintf("%s: either %s or %s (the publication date is %s)", wd, first.Format("Mon 2 Jan"), last.Format("Mon 2 Jan"), pub.Format("Mon 2006-01-02"))
			return true
		}
		d = near
		how = "the one before or after"
	case cp.HasOffset:
		d = inWeek(mondayOf(pub))
		how = "in the week of"
	case lt.of() == claims.TenseFuture:
		d = onOrAfter(pub, wd)
		how = "the first on or after (future tense)"
	default:
		d = onOrBefore(pub, wd)
		how = lastOnOrBefore(lt.of())
	}
	dv := &claims.DateValue{Start: d, End: addDays(d, 1), Gran: claims.GranDay, Relative: true,
		Written: partsWeekday, Inferred: partsYMD}
	if cp.HasHour {
		dv.Start = d.Add(time.Duration(hour24(cp))*time.Hour + time.Duration(cp.Minute)*time.Minute)
		dv.End = dv.Start.Add(time.Minute)
		dv.Gran = claims.GranMinute
		dv.Written = append(dv.Written, "time")
	}
	c.Date = dv
	c.Value = dv.Canonical()
	// Joined, not formatted: fmt's call and the date's Format were half
	// the cost of a weekday, and a document's weekdays share their date.
	c.Note = wd.String() + ": " + how + " the publication date " + p.dayText(pub)
	return true
}

// dayText is t.Format("Mon 2006-01-02"), the last one made given again:
// the weekdays of a document are resolved against its publication date.
func (p *dateRun) dayText(t time.Time) string {
	if m := &p.lastDayText; m.text == "" || m.t != t {
		var buf [32]byte
		b := append(buf[:0], t.Weekday().String()[:3]...) // "Mon": the English name's first three letters
		m.t, m.text = t, string(claims.AppendDay(append(b, ' '), t))
	}
	return p.lastDayText.text
}

// shiftAmount returns how far a relative expression moves, or ok=false.
func shiftAmount(sh *rules.Shift, cp *rules.Captures) (float64, bool) {
	n := float64(sh.Amount)
	if sh.FromOffset {
		if !cp.HasOffset {
			return 0, false
		}
		n = float64(cp.Offset)
		if sh.FromNum {
			if !cp.HasNum {
				return 0, false
			}
			sign := 1.0
			if cp.Offset < 0 {
				sign = -1
			} else if cp.Offset == 0 {
				return 0, false // "this 3 days"
			}
			n = sign * cp.Num.Value
		}
		return n, true
	}
	if sh.FromNum {
		v := 1.0 // "a week ago", "sepekan lalu"
		if cp.HasNum {
			v = cp.Num.Value
		}
		if v > 10000 || v < 0 {
			return 0, false
		}
		n = float64(sh.Sign) * v
	}
	return n, true
}

// resolveRelative resolves "last week", "two days ago", "tahun lalu",
// "the past three months", "two days later".
func (p *dateRun) resolveRelative(c *claims.Claim, m *dateMatch, pub time.Time) bool {
	sh := m.Pattern.Shift
	unit := sh.Unit
	if unit == "" {
		unit = m.Caps.DurUnit
	}
	nf, ok := shiftAmount(sh, m.Caps)
	if !ok {
		return false
	}
	if nf != math.Trunc(nf) {
		// "dua setengah tahun kemudian": a fraction of a unit in the next
		// smaller one.
		switch unit {
		case "decade":
			unit, nf = "year", math.Round(nf*10)
		case "year":
			unit, nf = "month", math.Round(nf*12)
		case "month":
			unit, nf = "day", math.Round(nf*30)
		case "week":
			unit, nf = "day", math.Round(nf*7)
		}
	}
	base := pub
	anchored := false
	anchorText := p.anchorText
	if g := unitGran[unit]; m.Pattern.Anchor && !m.Caps.HasNum && g != claims.GranUnknown && p.coarse != nil && p.coarse.Gran >= g {
		// "the following month" after "In March": from the month,
		// which the last day mentioned may not be. (A counted shift,
		// "a year earlier", compares with the reported period instead.)
		base, anchored, anchorText = p.coarse.Start, true, p.coarseText
	} else if m.Pattern.Anchor && !p.anchor.IsZero() {
		base, anchored = p.anchor, true
	}
	if base.IsZero() {
		c.Value = ""
		c.Note = "relative expression with no publication date to resolve it against"
		return true
	}
	part := sh.Part
	if part == rules.PartNone && m.Caps.Part != rules.PartNone {
		part = m.Caps.Part
	}
	// "the following year" in a past narrative, like "the next day",
	// counts from the last date mentioned; "next year" from the dateline.
	dv := &claims.DateValue{Relative: true}
	if m.Caps.HasNum2 && m.Caps.DurUnit2 != "" && part == rules.PartNone {
		// "2 weeks and 2 days ago": shift by the second amount first.
		sign := 1
		if nf < 0 {
			sign = -1
		}
		n2 := m.Caps.Num2.Value
		if n2 != math.Trunc(n2) {
			return false
		}
		sub := &claims.DateValue{}
		if !shiftValue(sub, base, m.Caps.DurUnit2, sign*int(n2), true) || sub.Gran != claims.GranDay {
			return false
		}
		base = sub.Start
		if unit == "week" {
			unit, nf = "day", nf*7
		}
	}
	if part == rules.PartSpan || part == rules.PartWithin {
		if !spanValue(dv, base, unit, nf, part == rules.PartWithin) {
			return false
		}
		dv.Inferred = partsYMD
		if sh.FromNum {
			// "the past three months", "dalam dua pekan terakhir": TimeML
			// reads the stretch as its length.
			dv.Period = isoDuration(math.Abs(nf), unit)
		} else if part == "span" {
			// "the past year", "the last decade": TimeML values them as
			// "last year", the calendar period before; the interval stays
			// the stretch up to the dateline.
			cal := &claims.DateValue{}
			if shiftValue(cal, base, unit, int(nf), false) && cal.Period == "" && !cal.Fuzzy && !cal.Range {
				dv.Period = cal.Canonical()
			}
		}
	} else {
		if nf != math.Trunc(nf) && unit != "hour" && unit != "minute" && unit != "second" {
			return false
		}
		if !shiftValue(dv, base, unit, int(nf), m.Pattern.Shift.FromNum) {
			return false
		}
	}
	if dv.End.IsZero() {
		dv.End = advance(dv.Start, dv.Gran)
	}
	if part != rules.PartNone && part != rules.PartSpan && part != rules.PartWithin {
		applyPart(dv, part, base)
	}
	if m.Caps.HasHour && dv.Gran == claims.GranDay && !dv.Fuzzy && !dv.Range {
		// "tonight at 8", "this morning around 7"
		dv.Start = dv.Start.Add(time.Duration(hour24(m.Caps))*time.Hour + time.Duration(m.Caps.Minute)*time.Minute)
		dv.End = dv.Start.Add(time.Minute)
		dv.Gran = claims.GranMinute
		dv.Written = append(dv.Written, "time")
	}
	c.Date = dv
	c.Value = dv.Canonical()
	if anchored {
		c.Note = fmt.Sprintf("relative to %q (%s), the date mentioned before it", anchorText, base.Format("2006-01-02"))
	} else {
		c.Note = p.relativeNote(pub)
	}
	return true
}

// relativeNote is the note of a date counted from the publication date
// pub, made once for a document's dates ("last week", "two days ago"):
// the date's Format and the joining were a third of such a date's
// resolution.
func (p *dateRun) relativeNote(pub time.Time) string {
	if m := &p.lastRelativeNote; m.text == "" || m.t != pub {
		var buf [64]byte
		m.t, m.text = pub, string(claims.AppendDay(append(buf[:0], "relative to the publication date "...), pub))
	}
	return p.lastRelativeNote.text
}

// unitGran is the granularity of the shift units an anaphoric expression
// may count from a month, quarter or year mentioned before it.
var unitGran = map[string]claims.Granularity{"year": claims.GranYear, "quarter": claims.GranQuarter, "month": claims.GranMonth}

// shiftValue moves from base by n units: "last week" (-1 week), "two
// months ago" (-2 months), "tahun depan" (+1 year). The result has the
// unit's granularity (the month, the year), except where a count makes
// the calendar unit wrong: "two weeks ago" (counted) is the day then give
// or take three, not the calendar week; "two decades ago" is the year
// then, not the decade; a fortnight is always a fuzzy day range. A shift
// in hours, minutes or seconds gives base's day.
func shiftValue(dv *claims.DateValue, base time.Time, unit string, n int, counted bool) bool {
	switch unit {
	case "day":
		dv.Start, dv.Gran = base.AddDate(0, 0, n), claims.GranDay
		dv.Inferred = partsYMD
	case "hour", "minute", "second":
		dv.Start, dv.Gran = base, claims.GranDay
		dv.Inferred = partsYMD
	case "week":
		switch {
		case n == 0:
			dv.Start, dv.Gran = mondayOf(base), claims.GranWeek
		case counted:
			// "two weeks ago": about then, give or take three days; its
			// value is the calendar week.
			mid := base.AddDate(0, 0, 7*n)
			dv.Start, dv.End = mid.AddDate(0, 0, -3), mid.AddDate(0, 0, 4)
			dv.Fuzzy, dv.Gran = true, claims.GranDay
			y, w := mid.ISOWeek()
			dv.Period = fmt.Sprintf("%04d-W%02d", y, w)
		default:
			// "last week", "pekan lalu": the calendar week before (TimeML
			// 2024-W51). Written at a weekend, "last week" often means
			// the week just ending, and "next week" on a Friday the days
			// just ahead: the interval then takes them in too.
			mon := mondayOf(base).AddDate(0, 0, 7*n)
			dv.Start, dv.Gran = mon, claims.GranWeek
			wd := base.Weekday()
			switch {
			case n == -1 && (wd == time.Saturday || wd == time.Sunday):
				dv.End, dv.Fuzzy, dv.Gran = base, true, claims.GranDay
			case n == 1 && (wd == time.Friday || wd == time.Saturday || wd == time.Sunday):
				dv.Start, dv.End, dv.Fuzzy, dv.Gran = base.AddDate(0, 0, 1), mon.AddDate(0, 0, 7), true, claims.GranDay
			}
			if dv.Fuzzy {
				y, w := mon.ISOWeek()
				dv.Period = fmt.Sprintf("%04d-W%02d", y, w)
			}
		}
		dv.Inferred = partsYMD
	case "fortnight":
		mid := base.AddDate(0, 0, 14*n)
		dv.Start, dv.End = mid.AddDate(0, 0, -3), mid.AddDate(0, 0, 4)
		if n == 0 {
			dv.Start, dv.End = base.AddDate(0, 0, -13), base.AddDate(0, 0, 1)
		}
		dv.Fuzzy, dv.Gran = true, claims.GranDay
		dv.Inferred = partsYMD
	case "weekend":
		sat := mondayOf(base).AddDate(0, 0, 5+7*n)
		if n == 0 && base.Weekday() == time.Monday {
			sat = sat.AddDate(0, 0, -7) // "over the weekend" on a Monday
		}
		dv.Start, dv.End, dv.Gran, dv.Range, dv.EndGran = sat, sat.AddDate(0, 0, 2), claims.GranDay, true, claims.GranDay
		dv.Inferred = partsYMD
		y, w := sat.ISOWeek()
		dv.Period = fmt.Sprintf("%04d-W%02d-WE", y, w)
	case "month":
		t := time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		dv.Start, dv.Gran = t, claims.GranMonth
		dv.Inferred = partsYM
	case "quarter":
		q := (int(base.Month()) - 1) / 3
		t := time.Date(base.Year(), time.Month(q*3+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*n, 0)
		dv.Start, dv.Gran = t, claims.GranQuarter
		dv.Inferred = partsYQ
	case "year":
		dv.Start, dv.Gran = time.Date(base.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranYear
		dv.Inferred = inferredYear
	case "decade":
		if counted {
			dv.Start, dv.Gran = time.Date(base.Year()+10*n, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranYear
			dv.Inferred = inferredYear
			break
		}
		dv.Start, dv.Gran = time.Date(base.Year()/10*10+10*n, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranDecade
		dv.Inferred = partsDecade
	case "century":
		first := base.Year()/100*100 + 100*n
		dv.Start, dv.End = time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(first+100, 1, 1, 0, 0, 0, 0, time.UTC)
		dv.Gran, dv.EndGran, dv.Range = claims.GranYear, claims.GranYear, true
		dv.Inferred = partsCentury
		dv.Period = fmt.Sprintf("%02d", first/100)
	default:
		return false
	}
	return true
}

// spanValue is the stretch between base and base shifted by n units: "the
// past three months" ends on base, "the next five years" starts the day
// after it.
func spanValue(dv *claims.DateValue, base time.Time, unit string, n float64, within bool) bool {
	if n != math.Trunc(n) || n == 0 || math.Abs(n) > 1000 {
		return false
	}
	k := int(n)
	shift := func(t time.Time, k int) (time.Time, bool) {
		switch unit {
		case "day":
			return t.AddDate(0, 0, k), true
		case "week":
			return t.AddDate(0, 0, 7*k), true
		case "fortnight":
			return t.AddDate(0, 0, 14*k), true
		case "weekend":
			return t.AddDate(0, 0, 7*k), true
		case "month":
			return t.AddDate(0, k, 0), true
		case "quarter":
			return t.AddDate(0, 3*k, 0), true
		case "year":
			return t.AddDate(k, 0, 0), true
		case "decade":
			return t.AddDate(10*k, 0, 0), true
		case "century":
			return t.AddDate(100*k, 0, 0), true
		case "hour", "minute", "second":
			return t, true
		}
		return t, false
	}
	if unit == "quarter" {
		// Quarters are calendar quarters: "the last two quarters" are the
		// two before the current one.
		q := time.Date(base.Year(), (base.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
		if k < 0 {
			dv.Start, dv.End = q.AddDate(0, 3*k, 0), q
		} else {
			dv.Start, dv.End = q.AddDate(0, 3, 0), q.AddDate(0, 3+3*k, 0)
		}
		dv.Gran, dv.EndGran, dv.Range = claims.GranQuarter, claims.GranQuarter, true
		return true
	}
	if within {
		e, ok := shift(base, k)
		if !ok {
			return false
		}
		dv.Start, dv.End = base, e
	} else if k < 0 {
		s, ok := shift(base, k)
		if !ok {
			return false
		}
		dv.Start, dv.End = s, base.AddDate(0, 0, 1)
	} else {
		e, ok := shift(base, k)
		if !ok {
			return false
		}
		dv.Start, dv.End = base.AddDate(0, 0, 1), e.AddDate(0, 0, 1)
	}
	dv.Gran, dv.EndGran, dv.Range = claims.GranDay, claims.GranDay, true
	return true
}

// applyPart reads a part of a period. "early", "mid-" and "late" keep
// the whole period with TimeML's modifier (START, MID, END): "early
// December" is December, START, not a guess at which days. "earlier this
// year" and "later this month" cut the period at the publication date and
// keep its value.
func applyPart(dv *claims.DateValue, part rules.Part, pub time.Time) {
	if part == rules.PartNone {
		return
	}
	if dv.Period == "" && !dv.Range {
		dv.Period = dv.Canonical()
	}
	switch part {
	case rules.PartEarly:
		dv.Mod = "START"
	case rules.PartMid:
		dv.Mod = "MID"
	case rules.PartLate:
		dv.Mod = "END"
	case rules.PartToDate:
		if pub.Before(dv.End) {
			dv.End = pub.AddDate(0, 0, 1)
		}
	case rules.PartRest:
		if pub.After(dv.Start) {
			dv.Start = pub
		}
	}
	dv.Start = dv.Start.Truncate(24 * time.Hour)
	dv.End = dv.End.Truncate(24 * time.Hour)
	if !dv.End.After(dv.Start) {
		dv.End = dv.Start.AddDate(0, 0, 1)
	}
	dv.Fuzzy = true
	dv.Range = false
}

// duration turns "five-day", "24 years", "selama tujuh hari", "an hour and
// a half", "1 hour and 30 minutes" into a duration claim with the
// qualifier's bounds.
func (p *Pass) duration(c *claims.Claim, m *dateMatch) bool {
	unit := m.Caps.DurUnit
	if unit == "" {
		return false
	}
	v, prec := 1.0, 1.0
	if m.Caps.HasNum {
		v, prec = m.Caps.Num.Value, m.Caps.Num.Precision
	} else if m.Pattern.Number > 0 {
		v = float64(m.Pattern.Number) // "a couple of years"
	}
	if v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return false
	}
	end := m.End
	if n := m.Pattern.CueLast; n > 0 && end-n > m.Start {
		// "the year ended Aug. 31": the cue words are not part of it.
		end -= n
	}
	value := ""
	toks := p.Toks
	// "an hour and a half", "one year and a quarter": the language's and,
	// one and half or fraction words.
	if end+1 < len(toks) && p.Lang.IsAndWordAt(&toks[end]) {
		k := end + 1
		if p.Lang.IsOneWordAt(&toks[k]) && k+1 < len(toks) {
			k++
		}
		if f, ok := p.Lang.PartOf(toks[k].Lower); ok {
			v += f
			prec = math.Min(prec, f)
			end = k + 1
		}
	}
	rangeHigh := 0.0
	if m.Caps.HasNum2 && m.Caps.DurUnit2 == "" {
		// "2-3 menit", "two to three weeks": between the two; TimeML
		// values the span by its first number.
		if m.Caps.Num2.Value <= v {
			return false
		}
		rangeHigh = m.Caps.Num2.Value
	}
	if m.Caps.HasNum2 && m.Caps.DurUnit2 != "" {
		s1, s2 := rules.DurationSeconds[unit], rules.DurationSeconds[m.Caps.DurUnit2]
		if s1 == 0 || s2 == 0 || s2 >= s1 {
			return false
		}
		value = compoundDuration(v, unit, m.Caps.Num2.Value, m.Caps.DurUnit2)
		v += m.Caps.Num2.Value * s2 / s1
		prec = math.Min(prec, s2/s1)
	}
	c.Kind = claims.KindDuration
	c.End = toks[end-1].End
	if m.Pattern.CueFirst {
		// "for an hour": the cue word is not part of the duration.
		c.Start = toks[m.Start+1].Start
	}
	nv := &claims.NumberValue{Value: v, Precision: prec, Unit: unit}
	startTok := p.tokenAt(c.Start)
	// The qualifier may be the match's own cue word ("nearly a decade"),
	// which the extractor has already blocked.
	if qs, v, ok := p.Lang.Qualifiers.MatchBefore(toks, startTok, 4); ok && (qs >= m.Start || !p.Blocked(qs, m.Start)) {
		c.Start = toks[qs].Start
		nv.Qualifier = p.Doc.Text[c.Start:toks[startTok].Start]
		p.applyBound(nv, rules.Bound(v))
	} else {
		p.exact(nv)
	}
	if rangeHigh > 0 {
		nv.Low, nv.High = p.floats.ptr(v), p.floats.ptr(rangeHigh)
		nv.LowExclusive, nv.HighExclusive = false, false
	}
	c.Num = nv
	if value == "" {
		value = isoDuration(v, unit)
	}
	c.Value = value
	return c.Value != ""
}

// compoundDuration renders "1 hour and 30 minutes" as PT1H30M.
func compoundDuration(v1 float64, u1 string, v2 float64, u2 string) string {
	a, b := isoDuration(v1, u1), isoDuration(v2, u2)
	if a == "" || b == "" {
		return ""
	}
	// Join the date parts and the time parts: P1Y + P2M = P1Y2M, PT1H +
	// PT30M = PT1H30M, P1D + PT2H = P1DT2H.
	ta, tb := strings.Contains(a, "T"), strings.Contains(b, "T")
	switch {
	case ta && tb:
		return a + strings.TrimPrefix(b, "PT")
	case !ta && tb:
		return a + strings.TrimPrefix(b, "P")
	case !ta && !tb:
		return a + strings.TrimPrefix(b, "P")
	}
	return ""
}

// isoDuration renders P5D, PT2H, P24Y, P3M, P2W, P10Y (a decade), PT1.5H.
// A fraction that is a whole number of the next smaller unit is written in
// it, as TimeML does: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "half a
// day" PT12H.
func isoDuration(v float64, unit string) string {
	if whole, frac := math.Modf(v); frac > 0 && v > 0 {
		if small, n := smallerUnit[unit].unit, frac*smallerUnit[unit].n; small != "" && n == math.Trunc(n) {
			if whole == 0 {
				return isoDuration(n, small)
			}
			return compoundDuration(whole, unit, n, small)
		}
	}
	num := claims.FormatNumber(v)
	switch unit {
	case "year":
		return "P" + num + "Y"
	case "decade":
		return "P" + claims.FormatNumber(v*10) + "Y"
	case "century":
		return "P" + claims.FormatNumber(v*100) + "Y"
	case "month":
		return "P" + num + "M"
	case "quarter":
		return "P" + claims.FormatNumber(v*3) + "M"
	case "week":
		return "P" + num + "W"
	case "fortnight":
		return "P" + claims.FormatNumber(v*2) + "W"
	case "weekend":
		return "P" + num + "WE"
	case "day":
		return "P" + num + "D"
	case "hour":
		return "PT" + num + "H"
	case "minute":
		return "PT" + num + "M"
	case "second":
		return "PT" + num + "S"
	}
	return ""
}

// smallerUnit is the unit a fraction of a duration unit is written in, and
// how many of it make the unit.
var smallerUnit = map[string]struct {
	unit string
	n    float64
}{"year": {"month", 12}, "day": {"hour", 24}, "hour": {"minute", 60}, "minute": {"second", 60}, "week": {"day", 7}}

// attachTime joins a clock time to the date beside it, as each item is
// resolved: the last two items of the list are joined into one when one
// is a clock time and the other a day it is glued to, unless the first of
// them is already a joined pair (joinedAt). Reading the pairs from the
// left as they come gives the pairs a pass over the finished list gives,
// and the clock's claim, dropped, is taken by the next match (newClaim).
// The dates resolved after a pair read nothing the joining changes: the
// anchors keep the date as resolved (withTime copies its value).
func (p *dateRun) attachTime(items []*dateItem) []*dateItem {
	n := len(items)
	if n < 2 || n-2 < p.pairFrom {
		return items
	}
	it, nx := items[n-2], items[n-1]
	var d, t *dateItem
	switch {
	case it.clock && dayDate(nx):
		t, d = it, nx
	case nx.clock && dayDate(it):
		d, t = it, nx
	}
	if d == nil || !p.glued(it.end, nx.start, p.Lang.WordSet(rules.ListTimeGlue), 3) {
		return items
	}
	items[n-2] = p.withTime(d, t, it, nx)
	items[n-1] = nil
	p.spare = t.c
	p.pairFrom = n - 1
	return items[:n-1]
}

// dayDate reports a date item at day precision that a time can refine.
func dayDate(it *dateItem) bool {
	c := it.c
	if c.Kind != claims.KindDate || it.clock {
		return false
	}
	if c.Date == nil {
		return len(c.Value) == 10 && strings.HasPrefix(c.Value, "XXXX-") || strings.HasPrefix(c.Value, "XXXX-WXX-")
	}
	return c.Date.Gran == claims.GranDay && !c.Date.Range && !c.Date.Fuzzy
}

// glued reports whether tokens [a, b) are at most max words from set, on
// one line.
func (p *Pass) glued(a, b int, set map[string]bool, max int) bool {
	if b < a || b-a > max {
		return false
	}
	for k := a; k < b; k++ {
		if !set[p.Toks[k].Lower] || p.Toks[k].Is(token.NewlineBefore) {
			return false
		}
	}
	return b >= len(p.Toks) || !p.Toks[b].Is(token.NewlineBefore)
}

// withTime gives date item d the clock time of item t, and the span of
// items first to second (d and t in text order): d takes the time in
// place, claim and all, and is returned. (A copy of the claim, and two of
// its value, one for toUTC, cost a page of "on March 3 at 5 p.m." three
// allocations per date; t and its claim are dropped.)
func (p *dateRun) withTime(d, t, first, second *dateItem) *dateItem {
	c := d.c
	c.Start, c.End = first.c.Start, second.c.End
	d.start, d.end = first.start, second.end
	c.Rule = p.timedRule(c.Rule, t.pat.ID)
	if c.Date == nil {
		c.Value = p.made.join(c.Value, clockValue(t.hour, t.min))
		return d
	}
	dv := *c.Date
	dv.Written = append(slices.Clip(dv.Written), "time")
	dv.Start = dv.Start.Add(time.Duration(t.hour)*time.Hour + time.Duration(t.min)*time.Minute)
	dv.End = dv.Start.Add(time.Minute)
	dv.Gran = claims.GranMinute
	dv.DayPart, dv.Period, dv.Mod = "", "", ""
	c.Value = dv.Canonical()
	if dv.Wall.IsZero() {
		p.wallToUTC(&dv, c, int(t.cp().Zone), t.start)
	}
	c.Date = new(claims.DateValue)
	*c.Date = dv
	return d
}

// timedRule is the rule of a date given a time: the date's rule and the
// time's pattern. The last few made are given again for the same two, as
// a page of dates with times has few of them, but in turns ("at 5 p.m."
// and "at 17:05" beside one date made a new rule for every clock when only
// the last one was kept).
func (p *dateRun) timedRule(rule, timeID string) string {
	for _, tr := range p.timedRules {
		if tr.rule == rule && tr.id == timeID {
			return tr.made
		}
	}
	tr := timedRuleMemo{rule: rule, id: timeID, made: rule + "+" + timeID}
	if len(p.timedRules) < timedRulesKept {
		p.timedRules = append(p.timedRules, tr)
	} else {
		p.timedRules[p.nextTimedRule] = tr
		p.nextTimedRule = (p.nextTimedRule + 1) % timedRulesKept
	}
	return tr.made
}

// timedRuleMemo is one answer of timedRule.
type timedRuleMemo struct{ rule, id, made string }

// timedRulesKept is how many answers timedRule keeps.
const timedRulesKept = 8

// rangeGlue are the words joining the two ends of a range.
func (p *Pass) rangeJoin(a, b *dateItem) (fromStart int, ok bool) {
	if b.start <= a.end || b.start-a.end > 3 {
		return 0, false
	}
	if s, _, ok := p.Lang.List(rules.ListRangeTo).MatchBefore(p.Toks, b.start, 3); !ok || s != a.end || p.Toks[a.end].Is(token.NewlineBefore) {
		return 0, false
	}
	fromStart, between := p.rangeJoinFrom(a)
	if p.Lang.InSet(rules.ListRangeAnd, &p.Toks[a.end]) {
		// "and" makes a range only after "between"/"antara".
		if !between || !p.Lang.InSet(rules.ListRangeBetween, &p.Toks[fromStart]) {
			return 0, false
		}
	}
	return fromStart, true
}

// combineRanges joins two dates linked by "to", "until", "hingga", "–" (and
// "between ... and") into one range, giving a year written on one end to the
// other ("from May to October 2020", "Nov. 18 2014 - Dec. 19 2015"), and
// gives a year written on the last member of a list to the earlier ones
// ("in June and July 2024").
//
// Every reading needs a date that is not a range yet (rangeable), and the
// readings with "now" a publication date: an item that is no such date is
// passed at once, where each was asked of both readings with "now" in
// turn, which was most of what combining cost on a page of dates without
// a year ("will resume October 18 October 23 ...").
func (p *Pass) combineRanges(items []*dateItem) []*dateItem {
	out := items[:0]
	hasPub := !p.pubDate().IsZero()
	for i := 0; i < len(items); i++ {
		it := items[i]
		if !rangeable(it) {
			out = append(out, it)
			continue
		}
		if hasPub {
			if r := p.rangeToNow(it, items[i+1:]); r != nil {
				out = append(out, r)
				continue
			}
			if r := p.rangeFromNow(it, out); r != nil {
				out = append(out, r)
				continue
			}
		}
		if i+1 < len(items) && rangeable(items[i+1]) {
			nx := items[i+1]
			if from, ok := p.rangeJoin(it, nx); ok {
				if r := p.makeRange(it, nx, from); r != nil {
					out = append(out, r)
					i++
					continue
				}
			}
			if p.glued(it.end, nx.start, p.Lang.WordSet(rules.ListYearShareGlue), 2) {
				shareYear(it.c.Date, nx.c.Date)
				it.c.Value = it.c.Date.Canonical()
			}
		}
		out = append(out, it)
	}
	return out
}

// rangeToNow reads "X to now/date/the present" as a range ending on the
// publication date.
func (p *Pass) rangeToNow(a *dateItem, rest []*dateItem) *dateItem {
	pub := p.pubDate()
	if !rangeable(a) || pub.IsZero() || a.c.Date.Relative {
		return nil
	}
	k, _, ok := p.Lang.List(rules.ListRangeTo).Match(p.Toks, a.end)
	if !ok || k >= len(p.Toks) || p.Toks[a.end].Is(token.NewlineBefore) {
		return nil
	}
	// "to date", "to the present", "hingga saat ini" (the language's
	// now_lead and now_words lists).
	e, lead := k, p.Lang.WordSet(rules.ListNowLead)
	for e < len(p.Toks) && e < k+2 && lead[p.Toks[e].Lower] {
		e++
	}
	end, _, ok := p.Lang.List(rules.ListNowWords).Match(p.Toks, e)
	if !ok {
		return nil
	}
	if len(rest) > 0 && rest[0].start < end {
		return nil
	}
	b := &dateItem{start: k, end: end, c: &claims.Claim{Kind: claims.KindDate, Start: p.Toks[k].Start, End: p.Toks[end-1].End,
		Date: &claims.DateValue{Start: pub, End: pub.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true,
			Inferred: partsYMD}}}
	from, _ := p.rangeJoinFrom(a)
	if p.Lang.InSet(rules.ListRangeAnd, &p.Toks[a.end]) && from == a.start {
		return nil
	}
	r := p.makeRange(a, b, from)
	if r != nil {
		r.c.Note = "ends at the publication date " + pub.Format("2006-01-02")
	}
	return r
}

// rangeFromNow reads "between now and X", "from now until X" as a range
// starting at the publication date.
func (p *Pass) rangeFromNow(b *dateItem, before []*dateItem) *dateItem {
	pub := p.pubDate()
	if !rangeable(b) || pub.IsZero() || b.start < 3 {
		return nil
	}
	k := b.start
	if s, _, ok := p.Lang.List(rules.ListRangeTo).MatchBefore(p.Toks, k, 2); ok {
		k = s
	} else {
		return nil
	}
	if k < 2 || !p.Lang.InSet(rules.ListNowWords, &p.Toks[k-1]) || !p.Lang.List(rules.ListRangeFrom).Has(p.Toks, k-2) {
		return nil
	}
	if len(before) > 0 && before[len(before)-1].end > k-2 {
		return nil
	}
	a := &dateItem{start: k - 2, end: k, c: &claims.Claim{Kind: claims.KindDate, Start: p.Toks[k-2].Start, End: p.Toks[k-1].End,
		Date: &claims.DateValue{Start: pub, End: pub.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true,
			Inferred: partsYMD}}}
	db := *b.c.Date
	if db.InferredPart("year") && db.Start.Before(pub) {
		b.c.Date = &db
		db.Start, db.End = db.Start.AddDate(1, 0, 0), db.End.AddDate(1, 0, 0)
	}
	r := p.makeRange(a, b, k-2)
	if r != nil {
		r.c.Rule = b.c.Rule + "+range"
		r.c.Note = "starts at the publication date " + pub.Format("2006-01-02")
	}
	return r
}

// rangeJoinFrom finds "from"/"between" opening a range at a, inside its
// match or just before it.
func (p *Pass) rangeJoinFrom(a *dateItem) (int, bool) {
	for k := a.start; k < a.end && k < a.start+2; k++ {
		if p.Lang.List(rules.ListRangeFrom).Has(p.Toks, k) {
			return a.start, true
		}
	}
	if s, _, ok := p.Lang.List(rules.ListRangeFrom).MatchBefore(p.Toks, a.start, 3); ok && !p.Blocked(s, a.start) {
		return s, true
	}
	return a.start, false
}

func rangeable(it *dateItem) bool {
	return !it.clock && it.c.Kind == claims.KindDate && it.c.Date != nil && !it.c.Date.Range
}

// shareYear moves a's inferred year to the year written on b.
func shareYear(a, b *claims.DateValue) {
	if !a.InferredPart("year") || b.InferredPart("year") || a.Relative {
		return
	}
	dy := b.Start.Year() - a.Start.Year()
	if a.Gran == claims.GranMonth && b.Gran == claims.GranMonth || a.Gran == claims.GranDay && b.Gran == claims.GranDay {
		if a.Start.AddDate(dy, 0, 0).After(b.Start) {
			dy--
		}
		a.Start, a.End = a.Start.AddDate(dy, 0, 0), a.End.AddDate(dy, 0, 0)
		a.Inferred = slices.DeleteFunc(slices.Clone(a.Inferred), func(s string) bool { return s == "year" })
	}
}

func (p *Pass) makeRange(a, b *dateItem, from int) *dateItem {
	da, db := *a.c.Date, *b.c.Date
	// One end's written year fills the other's.
	switch {
	case da.InferredPart("year") && !da.Relative && db.Relative && da.Start.After(db.Start):
		// "from March to date": the March before.
		da.Start, da.End = da.Start.AddDate(-1, 0, 0), da.End.AddDate(-1, 0, 0)
	case da.InferredPart("year") && !db.InferredPart("year") && !da.Relative:
		dy := db.Start.Year() - da.Start.Year()
		if da.Start.AddDate(dy, 0, 0).After(db.Start) {
			dy--
		}
		da.Start, da.End = da.Start.AddDate(dy, 0, 0), da.End.AddDate(dy, 0, 0)
	case db.InferredPart("year") && !da.InferredPart("year") && !db.Relative:
		dy := da.Start.Year() - db.Start.Year()
		if db.Start.AddDate(dy, 0, 0).Before(da.Start) {
			dy++
		}
		db.Start, db.End = db.Start.AddDate(dy, 0, 0), db.End.AddDate(dy, 0, 0)
	case da.InferredPart("year") && db.InferredPart("year") && !da.Relative && !db.Relative:
		if db.Start.Before(da.Start) {
			// "from November to February": the February after.
			db.Start, db.End = db.Start.AddDate(1, 0, 0), db.End.AddDate(1, 0, 0)
		}
		// Each end was inferred alone; a range that holds the
		// publication date is the likelier reading.
		pub := p.pubDate()
		for _, dy := range []int{-1, 1} {
			s, e := da.Start.AddDate(dy, 0, 0), db.End.AddDate(dy, 0, 0)
			if !pub.Before(s) && pub.Before(e) && !(!pub.Before(da.Start) && pub.Before(db.End)) {
				da.Start, da.End = s, da.End.AddDate(dy, 0, 0)
				db.Start, db.End = db.Start.AddDate(dy, 0, 0), e
				break
			}
		}
	}
	if !db.End.After(da.Start) {
		return nil
	}
	dv := &claims.DateValue{Start: da.Start, End: db.End, Gran: da.Gran, EndGran: db.Gran, Range: true,
		Relative: da.Relative || db.Relative}
	if da.Fuzzy || db.Fuzzy {
		dv.Fuzzy = true
	}
	for _, w := range append(slices.Clone(da.Written), db.Written...) {
		addWritten(dv, true, w)
	}
	for _, w := range db.Inferred {
		if da.InferredPart(w) && !slices.Contains(dv.Inferred, w) {
			dv.Inferred = append(dv.Inferred, w)
		}
	}
	if slices.Contains(dv.Written, "year") {
		dv.Inferred = slices.DeleteFunc(dv.Inferred, func(s string) bool { return s == "year" })
	}
	c := *a.c
	c.Start, c.End = p.Toks[from].Start, b.c.End
	c.Rule = a.c.Rule + "+range"
	c.Date = dv
	c.Value = dv.Canonical()
	if len(dv.Inferred) == 0 {
		c.Note = ""
	} else if b.c.Note != "" && c.Note == "" {
		c.Note = b.c.Note
	}
	return &dateItem{start: from, end: b.end, c: &c, caps: a.caps, pat: a.pat}
}
