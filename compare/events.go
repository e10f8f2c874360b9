package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// The event layer decides which occurrence of an event each document
// reports, from the anchors its title and lead give: the weekday, the years
// it names, its places and other names, and its identifying figures (a
// quake's magnitude, a haul's value). Dated documents are grouped into
// stories by publication date and shared names (stories.go); an undated
// document (a wire copy, an archive text) joins a story only when its lead
// shares names with the story's leads and no anchor vetoes it (another
// weekday, a magnitude 0.3 or more apart, a sum of another order, a place
// the story never mentions while the story's own places go unmentioned by
// it). Undated documents that join no story are grouped among themselves by
// the same test. Comparing undated articles without this evidence paired
// the 2005 and 2008 Qeshm quakes; with it they stay apart because their
// leads' magnitudes (5.6 against 5.9 and 6.1) differ.

// lead is what a document's title and first sentences say about which
// occurrence of its event it reports.
type lead struct {
	end      int      // byte offset where the lead ends
	names    []string // distinct lower-case names (capitalised words) in the title and lead
	general  []bool   // per name: part of a participant-table name (a country, capital or leader)
	weekdays uint8    // bit w-1 for each weekday named (1 is Monday)
	years    []int    // four-digit years written in the lead
	mags     []float64
	money    []figure
	all      []string // every name the whole text uses, lower case, distinct, in no set order (uses)
	titleEnd int      // where the title ends (titleSpan), so comparison need not re-read the text
}

// uses reports whether l's text uses name n (n is in l.all). A list rather
// than a set: every document's lead has one, built as the words table
// gives the names (52,000 on 2,110 articles), while only groupAlone's
// vetoes, on few leads, ask (regroup reads the names by number,
// leadnames.go). Sorting the lists instead cost more than building maps.
func (l *lead) uses(n string) bool {
	return slices.Contains(l.all, n)
}

// figure is a sum of money in one currency.
type figure struct {
	unit  string
	value float64
}

// leadSentences is how many body sentences, after the title, make a lead.
const leadSentences = 2

// leadLimit caps the lead's length in bytes: a text without sentence ends
// has no lead beyond its first few lines.
const leadLimit = 700

// leadEnd returns where the lead of text ends: the title (a "title:" line of
// front matter, or the first line when it has no closing punctuation) and
// the first leadSentences sentences of the body.
func leadEnd(text string) int {
	n, first := 0, -1
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := strings.TrimSpace(text[pos:end])
		if line == "" || line == "---" || isMetaLine(line) {
			pos = end + 1
			continue
		}
		if first < 0 {
			first = pos
		}
		if pos >= first+leadLimit {
			return min(pos, first+leadLimit)
		}
		end = min(end, first+leadLimit)
		// A line ends a sentence (news bodies put headlines and
		// sentences on lines of their own), and so does a full stop
		// followed by a capital.
		var stops sentenceStops
		stops.start(text[:end], pos)
		for i := stops.next(); i >= 0; i = stops.next() {
			if i+2 < end && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
				if n++; n == leadSentences+1 { // the title counts as one
					return i + 1
				}
			}
		}
		if n++; n == leadSentences+1 {
			return end
		}
		pos = end + 1
	}
	return len(text)
}

// sentenceStops walks the offsets of '.', '!' and '?' in a text, in order,
// each found with strings.IndexByte and kept until passed: leadEnd tested
// every byte of every lead for the three (7 instructions a byte, 11M on
// /work/real5en), where the stops are a few per line.
type sentenceStops struct {
	text string
	at   [3]int // next offset of each of sentenceStopBytes, len(text) for none
}

var sentenceStopBytes = [3]byte{'.', '!', '?'}

// start makes the walk begin at offset pos of text.
func (w *sentenceStops) start(text string, pos int) {
	w.text = text
	for k := range w.at {
		w.find(k, pos)
	}
}

// find sets at[k] to the first offset from pos of stop byte k.
func (w *sentenceStops) find(k, pos int) {
	w.at[k] = len(w.text)
	if pos < len(w.text) {
		if i := strings.IndexByte(w.text[pos:], sentenceStopBytes[k]); i >= 0 {
			w.at[k] = pos + i
		}
	}
}

// next returns the offset of the next stop byte, -1 when there is none.
func (w *sentenceStops) next() int {
	k := 0
	for j := 1; j < len(w.at); j++ {
		if w.at[j] < w.at[k] {
			k = j
		}
	}
	i := w.at[k]
	if i >= len(w.text) {
		return -1
	}
	w.find(k, i+1)
	return i
}

// titleSpan returns where a document's title ends: after its "title:"
// front-matter line, or its first line when that has no closing
// punctuation; 0 when it has neither.
func titleSpan(text string) int {
	pos, end := 0, 0
	for pos < len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		e := len(text)
		if nl >= 0 {
			e = pos + nl
		}
		line := strings.TrimSpace(text[pos:e])
		switch {
		case strings.HasPrefix(line, "title:"):
			end = e
		case line == "" || line == "---" || isMetaLine(line):
		default:
			if end == 0 && !strings.ContainsAny(line[len(line)-1:], ".!?\"”") {
				end = e
			}
			return end
		}
		pos = e + 1
	}
	return end
}

// isMetaLine reports a front-matter line other than the title: "date: ...",
// "source: ...". The title is part of the lead.
func isMetaLine(line string) bool {
	k, ok := claims.FrontMatterKey(line)
	return ok && k != "title"
}

// readLead reads a document's lead anchors (but its figures, which come
// from its claims) from its scanned text s.toks. The word table of the last
// keywords call says which words the text also writes in lower case: a
// capitalised word that is also written in lower case is not a name
// ("Quake" in a title-case headline).
func (s *scratch) readLead(d *claims.Document, set *rules.Set, stop map[string]bool) lead {
	l := lead{end: s.leadEnd}
	metaEnd := frontMatterEnd(d.Text)
	toks := s.toks
	// The title: the "title:" line, or the first line when it has no
	// closing punctuation. Its capitals count only for words the body
	// capitalises too.
	// s.ids and s.table are index()'s: every word token has an entry,
	// which marks the body's names and caches stop and calendar words.
	// index marked the body's names (bodyName) after s.titleEnd, the
	// title's end (titleSpan of d.Text).
	titleEnd := s.titleEnd
	l.titleEnd = titleEnd
	//
	// The loop below visits the capitalised words and the numbers, as
	// index listed them: a lower-case word is neither a year nor a name.
	caps := s.capitals
	for c := 0; c < len(caps); c++ {
		i := int(caps[c])
		tk := &toks[i]
		if tk.Kind == token.Number && tk.Start < l.end && len(tk.Text) == 4 && !metaKey(d.Text, tk.Start, metaEnd) {
			if y := atoi(tk.Text); y >= 1900 && y <= 2100 {
				l.years = append(l.years, y)
			}
		}
		if tk.Kind != token.Word {
			continue
		}
		if tk.Start < l.end && tk.Is(token.Capital) {
			l.weekdays |= s.weekdays(&s.table.entries[s.ids[i]], set)
		}
		if !(tk.Is(token.Capital) || tk.Is(token.AllCaps)) || len(tk.Text) < 2 {
			continue
		}
		e := &s.table.entries[s.ids[i]]
		if e.lower || s.isStop(e) || s.isCalendar(e, set) {
			continue
		}
		if metaKey(d.Text, tk.Start, metaEnd) {
			continue
		}
		// A capitalised word opening a sentence is a name only when it
		// begins a run of them ("Kim Jong Un said", not "Dozens were hurt").
		opens := i == 0 || tk.Is(token.NewlineBefore)
		if !opens {
			switch toks[i-1].Text {
			case ".", "!", "?", "\"", "“", ":", "'", "‘":
				opens = true
			}
		}
		if opens && !(i+1 < len(toks) && toks[i+1].Kind == token.Word && toks[i+1].Is(token.Capital) && !toks[i+1].Is(token.NewlineBefore)) {
			continue
		}
		if tk.Start < titleEnd && !e.bodyName {
			continue // title case: a name only if the body writes it so too
		}
		s.table.mark(s.ids[i]) // l.all, filled below
		if tk.Start >= l.end {
			continue
		}
		general := false
		if end, _, ok := set.Participants.Match(toks, i); ok {
			general = true
			for k := i; k < end; k++ {
				if toks[k].Kind == token.Word && !stop[toks[k].Lower] {
					l.addName(toks[k].Lower, true)
					s.table.mark(s.ids[k])
				}
			}
			for c+1 < len(caps) && int(caps[c+1]) < end {
				c++ // read as the participant's name
			}
			continue
		}
		l.addName(tk.Lower, general)
	}
	slices.Sort(l.years)
	l.years = slices.Compact(l.years)
	l.all = s.table.marked()
	return l
}

func (l *lead) addName(w string, general bool) {
	if k := slices.Index(l.names, w); k >= 0 {
		l.general[k] = l.general[k] || general
		return
	}
	l.names = append(l.names, w)
	l.general = append(l.general, general)
}

// frontMatterEnd is where the "key: value" lines (and "---" fences, blank
// lines) at the top of text end; found once per document.
func frontMatterEnd(text string) int {
	pos := 0
	for pos < len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := strings.TrimSpace(text[pos:end])
		if _, ok := claims.FrontMatterKey(line); !ok && line != "" && line != "---" {
			return pos
		}
		pos = end + 1
	}
	return len(text)
}

// metaKey reports whether the word at off stands in a front-matter line
// other than the title ("source: Associated Press"): metadata, not the
// article's words. metaEnd is frontMatterEnd of text.
func metaKey(text string, off, metaEnd int) bool {
	if off >= metaEnd {
		return false
	}
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	le := strings.IndexByte(text[off:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += off
	}
	return isMetaLine(strings.TrimSpace(text[ls:le]))
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// addFigures adds the identifying figures a lead states: the magnitudes and
// sums of money of the claims that stand in it.
func addFigures(leads map[string]*lead, cs []*claims.Claim) {
	for _, c := range cs {
		l := leads[c.Doc]
		if l == nil || c.Start >= l.end || c.Num == nil || c.Num.Vague {
			continue
		}
		switch {
		case c.Kind == claims.KindQuantity && c.Num.Unit == "magnitude":
			l.mags = append(l.mags, c.Num.Value)
		case c.Kind == claims.KindMoney && c.Num.Unit != "":
			l.money = append(l.money, figure{c.Num.Unit, c.Num.Value})
		}
	}
}

// Veto thresholds: two leads' magnitudes this far apart, or sums of money
// this many times apart, are other events. Agencies differ by a tenth or
// two on one quake (5.9 and 6.1), which is a discrepancy to report, not
// another quake.
const (
	magnitudeVeto      = 0.3
	datedMagnitudeVeto = 0.5
	moneyVeto          = 3.0
)

// veto says why the lead a cannot report the same occurrence as the leads
// of a group of documents (merged into b), or "" when nothing says so.
// docFreq counts how many documents name each word, so that a name only
// one text uses (a witness, a street) does not count as a place.
func veto(a, b *lead, docFreq map[string]int) string {
	return vetoBy(a, b, func(n string) int { return docFreq[n] })
}

// vetoBy is veto with docFreq as a function: regroup counts the names'
// documents when it numbers them (leadNames.freq), not in a map of its own.
func vetoBy(a, b *lead, docFreq func(name string) int) string {
	if v := figureVeto(a, b); v != "" {
		return v
	}
	if len(a.years) > 0 && len(b.years) > 0 && !intersects(a.years, b.years) {
		return reasonYears
	}
	if unmentioned(a, b, docFreq) && unmentioned(b, a, docFreq) {
		return reasonPlaces
	}
	return ""
}

// Reasons veto gives (and pairVeto).
const (
	reasonYears  = "the leads name different years"
	reasonPlaces = "each lead names a place the other never mentions"
)

// figureVeto is the part of veto that depends on the leads' weekday and
// identifying figures: a magnitude 0.3 or more apart, a sum of another
// order.
//
// The length tests before each call are what the callees test first:
// regroup and groupAlone ask 74,000 pairs on /work/real5en, most of whose
// leads give no magnitude and no sum, and the calls cost more than the
// rest of the test.
func figureVeto(a, b *lead) string {
	if a.weekdays != 0 && b.weekdays != 0 && a.weekdays&b.weekdays == 0 {
		return "the leads name different weekdays"
	}
	if len(a.mags) > 0 && len(b.mags) > 0 {
		if v := magnitudesApart(a, b, magnitudeVeto); v != "" {
			return v
		}
	}
	if len(a.money) > 0 && len(b.money) > 0 {
		if sumsApart(a.money, b.money, moneyVeto) {
			return "the leads give sums of another order"
		}
	}
	return ""
}

// magnitudesApart says why two leads report different quakes when their
// magnitudes are at least diff apart. It alone splits a story of dated
// articles (splitStories): their weekdays are often reporting days
// ("officials said on Tuesday"), their years and places often a target
// ("the 2025 strategy") or an aside, and a sum ten times another in one
// dated story is more likely a slip to report than another robbery; two
// dated reports of one quake may differ by 0.3, the discrepancy to report,
// so they split only at datedMagnitudeVeto.
func magnitudesApart(a, b *lead, diff float64) string {
	if len(a.mags) > 0 && len(b.mags) > 0 && minDistance(a.mags, b.mags) >= diff-1e-9 {
		return apartReason(diff)
	}
	return ""
}

// apartReason is magnitudesApart's reason for threshold diff. The
// thresholds in use have theirs written once: regroup and splitDated test
// thousands of pairs of leads, and formatting the reason for each cost
// more than the test (14,500 calls to fmt.Sprintf on 2,110 real articles),
// most of them only to see that there was one.
func apartReason(diff float64) string {
	switch diff {
	case magnitudeVeto:
		return "the leads give magnitudes 0.3 or more apart"
	case datedMagnitudeVeto:
		return "the leads give magnitudes 0.5 or more apart"
	}
	return fmt.Sprintf("the leads give magnitudes %.1f or more apart", diff)
}

// unmentioned reports whether a's lead has a specific name (not a country,
// capital or leader; used by more than one document) that b's text never
// uses.
func unmentioned(a, b *lead, docFreq func(name string) int) bool {
	for k, n := range a.names {
		if !a.general[k] && docFreq(n) >= 2 && !b.uses(n) {
			return true
		}
	}
	return false
}

// sumsApart reports whether some
// currency is in both and every pair of sums in one currency, one from
// each list, is more than limit times apart (minRatioRef in the tests).
// It stops at the first pair within limit: merged leads give dozens of
// sums each, and figureVeto took the smallest ratio of every pair of them
// (780 instructions a call on /work/real5en).
func sumsApart(a, b []figure, limit float64) bool {
	found := false
	for _, x := range a {
		for _, y := range b {
			if x.unit == y.unit && x.value > 0 && y.value > 0 {
				if math.Max(x.value/y.value, y.value/x.value) <= limit {
					return false
				}
				found = true
			}
		}
	}
	return found
}

func minDistance(a, b []float64) float64 {
	d := math.Inf(1)
	for _, x := range a {
		for _, y := range b {
			d = math.Min(d, math.Abs(x-y))
		}
	}
	return d
}

func intersects(a, b []int) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// shared counts the lead names a and b have in common, and how many of
// them are specific (not a country, capital or leader).
func shared(a, b *lead) (all, specific int) {
	for k, n := range a.names {
		if j := slices.Index(b.names, n); j >= 0 {
			all++
			if !a.general[k] && !b.general[j] {
				specific++
			}
		}
	}
	return all, specific
}

// usedSpecific counts the specific names of a's lead (not a country,
// capital or leader) that b's text uses anywhere and b's lead does not name:
// a wire story's lead may name the city while the place the story's leads
// name ("Green Zone") comes later in it.
func usedSpecific(a, b *lead) int {
	n := 0
	for k, w := range a.names {
		if !a.general[k] && b.uses(w) && !slices.Contains(b.names, w) {
			n++
		}
	}
	return n
}

// merge returns the union of leads, as the anchors of a group of documents.
func merge(ls []*lead) *lead {
	m := &lead{all: []string{}}
	for _, l := range ls {
		for k, n := range l.names {
			m.addName(n, l.general[k])
		}
		m.weekdays |= l.weekdays
		m.years = append(m.years, l.years...)
		m.mags = append(m.mags, l.mags...)
		m.money = append(m.money, l.money...)
		m.all = append(m.all, l.all...)
	}
	slices.Sort(m.all)
	m.all = slices.Compact(m.all)
	slices.Sort(m.years)
	m.years = slices.Compact(m.years)
	return m
}

// mergeMags is merge(ls) as far as magnitudesApart reads it: the
// magnitudes only. splitDated tests every pair of a story's dated
// articles, and merging their names too was most of the cost.
func mergeMags(ls []*lead) *lead {
	m := &lead{}
	for _, l := range ls {
		m.mags = append(m.mags, l.mags...)
	}
	return m
}

// splitLimit caps the dated articles of one story that splitStories checks
// pair by pair; a larger story is kept whole.
const splitLimit = 300

// splitStories splits a story whose dated articles report two occurrences
// told apart by their leads' figures (two quakes in one week, magnitudes
// half a point or more apart; see magnitudesApart). Articles are joined
// greedily, the pairs sharing most lead names first, and two groups are
// joined only when nothing vetoes their merged leads. Undated articles go
// with the first group; regroup places them afterwards.
func splitStories(stories []Story, storyOf map[string]int, byID map[string]*claims.Document, leads map[string]*lead) ([]Story, map[string]int) {
	var out []Story
	split := false
	for _, st := range stories {
		var dated, undated []string
		for _, id := range st.Docs {
			if byID[id].HasDate() {
				dated = append(dated, id)
			} else {
				undated = append(undated, id)
			}
		}
		groups := splitDated(dated, leads)
		if len(groups) == 1 {
			out = append(out, st)
			continue
		}
		split = true
		for k, g := range groups {
			part := Story{Docs: g}
			if k == 0 {
				part.Docs = append(part.Docs, undated...)
			}
			sort.Strings(part.Docs)
			out = append(out, part)
		}
	}
	if !split {
		return stories, storyOf
	}
	of := make(map[string]int, len(storyOf))
	for k := range out {
		out[k].ID = k + 1
		for _, id := range out[k].Docs {
			of[id] = k + 1
		}
	}
	return out, of
}

// splitDated splits the dated articles of one story (ids in id order) into
// the groups splitStories keeps apart, the group of dated[0] first; one
// group when nothing splits.
func splitDated(dated []string, leads map[string]*lead) [][]string {
	if len(dated) < 2 || len(dated) > splitLimit {
		return [][]string{dated}
	}
	type pair struct{ i, j, score int }
	var pairs []pair
	for i := range dated {
		for j := i + 1; j < len(dated); j++ {
			all, specific := shared(leads[dated[i]], leads[dated[j]])
			pairs = append(pairs, pair{i, j, all + specific})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	u := newUnionFind(len(dated))
	members := make([][]*lead, len(dated))
	for i, id := range dated {
		members[i] = []*lead{leads[id]}
	}
	for _, p := range pairs {
		ri, rj := u.find(p.i), u.find(p.j)
		if ri == rj || magnitudesApart(mergeMags(members[ri]), mergeMags(members[rj]), datedMagnitudeVeto) != "" {
			continue
		}
		u.union(ri, rj)
		members[u.find(ri)] = append(append([]*lead(nil), members[ri]...), members[rj]...)
	}
	groups := u.groups()
	out := make([][]string, len(groups))
	for k, g := range groups {
		for _, i := range g {
			out[k] = append(out[k], dated[i])
		}
	}
	return out
}

// regroup places undated documents by their leads' anchors (see the
// comment at the top of this file). It returns the new stories, each
// document's story, and, per document, whether its claims may be compared:
// every dated document, every undated one that joined a story on the
// evidence of its lead, and every undated one grouped with another. Why an
// undated document was left alone is kept in why.
func regroup(docs []*claims.Document, leads map[string]*lead, stories []Story, storyOf map[string]int) ([]Story, map[string]int, map[string]bool, map[string]string) {
	byID := make(map[string]*claims.Document, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	// The leads' names are numbered once (leadnames.go), which counts
	// each name's documents too: the docFreq of veto.
	names := newLeadNames(leads)
	stories, storyOf = splitStories(stories, storyOf, byID, leads)
	// The dated members of each story, and their merged leads, by story
	// id (slices: the candidates loop below reads them for every pair).
	maxID := 0
	for _, st := range stories {
		maxID = max(maxID, st.ID)
	}
	dated := make([][]*lead, maxID+1)
	var undated []string
	for _, st := range stories {
		for _, id := range st.Docs {
			if byID[id].HasDate() {
				dated[st.ID] = append(dated[st.ID], leads[id])
			} else {
				undated = append(undated, id)
			}
		}
	}
	sort.Strings(undated)
	storyLead := make([]*lead, maxID+1)
	for id, ls := range dated {
		switch len(ls) {
		case 0:
		case 1:
			storyLead[id] = ls[0] // what merge would copy: only read here
		default:
			storyLead[id] = merge(ls)
		}
	}
	// The undated documents' pairs with stories are scored on numbered
	// names (leadnames.go).
	var marks leadMarks
	// Candidate stories of an undated document: those whose leads share a
	// name with its lead, found and scored at once (storyIndex).
	index := newStoryIndex(names, storyLead, dated)
	target := map[string]int{} // undated document -> story it joins
	why := map[string]string{}
	var alone []string
	for _, id := range undated {
		l := leads[id]
		best, bestScore, reason := 0, 0, ""
		lIDs := names.of(l)
		marks.mark(l, lIDs, len(names.docFreq))
		// One shared country is not enough: a score of 2 or more
		// (shared(l, sl) and usedSpecific(sl, l)).
		cands := index.score(l, lIDs, &marks, 2)
		if len(cands) > 0 {
			index.countUses(names, l, lIDs)
		}
		vetoed := 0 // the last story vetoed: the reason, if none joins
		for _, c := range cands {
			sid, sl := c.story, storyLead[c.story]
			if marks.pairVetoed(l, sl, index.spec[sid], index.unmentioned(sid)) { // veto(l, sl, docFreq)
				vetoed = sid
				continue
			}
			if c.score > bestScore || c.score == bestScore && sid == storyOf[id] {
				best, bestScore = sid, c.score
			}
		}
		if best > 0 {
			target[id] = best
			continue
		}
		if vetoed > 0 {
			reason = marks.pairVeto(l, storyLead[vetoed], index.spec[vetoed], index.unmentioned(vetoed))
		}
		if reason == "" {
			reason = "its lead shares no name with a dated story's"
		}
		why[id] = reason
		alone = append(alone, id)
	}
	// Undated documents that joined no story: grouped with each other when
	// their leads share a specific name, or two names, and nothing vetoes.
	u := groupAloneBy(alone, leads, names, names.freq)
	// Build the new stories: the old ones with their dated documents and
	// the undated ones that joined them, then the undated groups.
	var groups [][]string
	for _, st := range stories {
		var g []string
		for _, id := range st.Docs {
			if byID[id].HasDate() {
				g = append(g, id)
			}
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	at := map[int]int{} // old story id -> index in groups
	k := 0
	for _, st := range stories {
		for _, id := range st.Docs {
			if byID[id].HasDate() {
				at[st.ID] = k
				k++
				break
			}
		}
	}
	for _, id := range undated {
		if sid, ok := target[id]; ok {
			groups[at[sid]] = append(groups[at[sid]], id)
		}
	}
	comparable := map[string]bool{}
	for _, g := range groups {
		for _, id := range g {
			comparable[id] = true
		}
	}
	for _, g := range u.groups() {
		var ids []string
		for _, i := range g {
			ids = append(ids, alone[i])
		}
		if len(ids) > 1 {
			for _, id := range ids {
				comparable[id] = true
			}
		} else {
			why[ids[0]] += "; no other undated article shares its lead's names"
		}
		groups = append(groups, ids)
	}
	for _, g := range groups {
		sort.Strings(g)
	}
	slices.SortStableFunc(groups, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	out := make([]Story, 0, len(groups))
	of := make(map[string]int, len(docs))
	for k, g := range groups {
		st := Story{ID: k + 1, Docs: g}
		for _, id := range g {
			of[id] = st.ID
			if d := byID[id]; d.HasDate() {
				if st.Start.IsZero() || d.Published.Before(st.Start) {
					st.Start = d.Published
				}
				if d.Published.After(st.End) {
					st.End = d.Published
				}
			}
		}
		out = append(out, st)
	}
	return out, of, comparable, why
}

// Background events. A sentence about another occurrence of an event ("In
// 2004 a tsunami killed 230,000 people in 14 countries") is never compared
// with the story's own event, but two articles often state the same
// background fact, sometimes differently. Consecutive background sentences
// of an article with one time (the year or month they name; a
// continuation inherits it) form an episode; episodes of different
// articles with the same time that share an anchor (a specific name, or a
// distinctive figure: a magnitude, a number of 100 or more) are one
// background event, and their claims are compared with each other only.

// episode is one article's run of background sentences about one time.
type episode struct {
	doc       string
	when      string // "2004", "2012", "month 09"
	first     int    // sentence numbers, inclusive
	last      int
	names     []string
	figures   []string
	sentences []int
}

// backgroundEvents finds the episodes of the background sentences and
// groups them into background events. It returns, per document and
// sentence, the background event's key ("" for none) and, per key, the
// words that say why its episodes were joined.
func (cm *comparer) backgroundEvents(cs []*claims.Claim) (map[string]map[int]string, map[string]string) {
	return cm.groupEpisodes(cm.episodes(cs))
}

// episodes finds the episodes of the background sentences of cs, claims
// in document order. An episode never spans two documents, so the
// episodes of a list are those of its documents' parts, in order.
func (cm *comparer) episodes(cs []*claims.Claim) []*episode {
	// The time each background sentence names (its first date's).
	when := map[string]map[int]string{}
	for _, c := range cs {
		if inf := cm.infoOf(c.Doc); inf != nil && inf.background[c.Sentence] {
			if k := timeKey(c); k != "" {
				if when[c.Doc] == nil {
					when[c.Doc] = map[int]string{}
				}
				if when[c.Doc][c.Sentence] == "" {
					when[c.Doc][c.Sentence] = k
				}
			}
		}
	}
	var eps []*episode
	var cur *episode
	for _, c := range cs {
		inf := cm.infoOf(c.Doc)
		if inf == nil || !inf.background[c.Sentence] {
			continue
		}
		w := when[c.Doc][c.Sentence]
		same := cur != nil && cur.doc == c.Doc && c.Sentence >= cur.first && c.Sentence <= cur.last+1 &&
			(w == "" || w == cur.when)
		if !same {
			cur = &episode{doc: c.Doc, when: w, first: c.Sentence, last: c.Sentence}
			eps = append(eps, cur)
		}
		if c.Sentence > cur.last || len(cur.sentences) == 0 {
			cur.last = c.Sentence
			cur.sentences = append(cur.sentences, c.Sentence)
			cur.names = append(cur.names, cm.namesOf(inf, c)...)
		}
		if f := figureAnchor(c); f != "" {
			cur.figures = append(cur.figures, f)
		}
	}
	return eps
}

// groupEpisodes groups episodes of different articles with the same time
// and a shared anchor into background events: per document and sentence,
// the event's key, and per key why its episodes were joined.
func (cm *comparer) groupEpisodes(eps []*episode) (map[string]map[int]string, map[string]string) {
	u := newUnionFind(len(eps))
	shared := map[[2]int]string{}
	// Candidate pairs share a time and an anchor: an inverted index on
	// "time|anchor", whose postings longer than maxPosting are skipped
	// (an anchor that common tells nothing), rather than all pairs.
	posting := map[string][]int{}
	for i, e := range eps {
		if e.when == "" {
			continue
		}
		for _, a := range append(slices.Clone(e.names), e.figures...) {
			k := e.when + "|" + a
			if l := posting[k]; len(l) == 0 || l[len(l)-1] != i {
				posting[k] = append(l, i)
			}
		}
	}
	limit := maxPosting(len(eps))
	for i, a := range eps {
		if a.when == "" {
			continue
		}
		var cands []int
		for _, x := range append(slices.Clone(a.names), a.figures...) {
			if l := posting[a.when+"|"+x]; len(l) <= limit {
				cands = append(cands, l...)
			}
		}
		slices.Sort(cands)
		for _, j := range slices.Compact(cands) {
			b := eps[j]
			if j <= i || b.doc == a.doc {
				continue
			}
			if w := commonAnchor(a, b); w != "" {
				u.union(i, j)
				shared[[2]int{i, j}] = w
			}
		}
	}
	keys := map[string]map[int]string{}
	why := map[string]string{}
	for _, g := range u.groups() {
		if len(g) < 2 {
			continue
		}
		key := eps[g[0]].when + "@" + eps[g[0]].doc + ":" + strconv.Itoa(eps[g[0]].first)
		var anchors []string
		for _, i := range g {
			for _, j := range g {
				if w, ok := shared[[2]int{i, j}]; ok && !slices.Contains(anchors, w) {
					anchors = append(anchors, w)
				}
			}
			e := eps[i]
			if keys[e.doc] == nil {
				keys[e.doc] = map[int]string{}
			}
			for _, s := range e.sentences {
				keys[e.doc][s] = key
			}
		}
		why[key] = fmt.Sprintf("the same earlier event (%s; both name %s)", eps[g[0]].when, strings.Join(anchors, ", "))
	}
	return keys, why
}

// timeKey is the time a date claim names, as episodes compare it: its year
// when written or resolved, else its month ("month 09" for "in
// September"); "" for a claim that is no date.
func timeKey(c *claims.Claim) string {
	if c.Kind != claims.KindDate {
		return ""
	}
	if c.Date != nil && !c.Date.Fuzzy {
		return strconv.Itoa(c.Date.Start.Year())
	}
	if v := c.Value; len(v) == 7 && strings.HasPrefix(v, "XXXX-") {
		return "month " + v[5:]
	}
	return ""
}

// figureAnchor is a claim's value as an anchor when it is distinctive: a
// magnitude, or a number of 100 or more.
func figureAnchor(c *claims.Claim) string {
	if c.Num == nil || c.Num.Vague || c.Date != nil {
		return ""
	}
	if c.Num.Unit == "magnitude" || c.Num.Value >= 100 {
		return strconv.FormatFloat(c.Num.Value, 'f', -1, 64) + " " + c.Num.Unit
	}
	return ""
}

func commonAnchor(a, b *episode) string {
	for _, n := range a.names {
		if slices.Contains(b.names, n) {
			return n
		}
	}
	for _, f := range a.figures {
		if slices.Contains(b.figures, f) {
			return strings.TrimSpace(f)
		}
	}
	return ""
}

// sentenceNames returns the specific names in a sentence: capitalised
// words that do not open it, are no function or calendar word of any
// language, and are not part of a participant-table name (a country,
// capital or leader says little about which earlier event is meant).
// namesOf returns the names of c's sentence (sentenceNames): read from the
// text, or, for a document whose text was released (Stream), as they were
// read before.
func (cm *comparer) namesOf(inf *docInfo, c *claims.Claim) []string {
	if inf.names != nil {
		k, ok := slices.BinarySearchFunc(inf.names, int32(c.Sentence), func(sn sentenceNames, n int32) int { return cmp.Compare(sn.sentence, n) })
		if !ok {
			return nil
		}
		return inf.names[k].names
	}
	if c.SentenceEnd > c.SentenceStart && c.SentenceEnd <= len(inf.doc.Text) {
		return cm.sentenceNames(inf.doc.Text[c.SentenceStart:c.SentenceEnd])
	}
	return nil
}

func (cm *comparer) sentenceNames(text string) []string {
	toks := token.Scan(text, nil)
	var out []string
	for i := 1; i < len(toks); i++ {
		tk := &toks[i]
		if tk.Kind != token.Word || !(tk.Is(token.Capital) || tk.Is(token.AllCaps)) || len(tk.Text) < 3 {
			continue
		}
		if end, _, ok := cm.set.Participants.Match(toks, i); ok {
			i = end - 1
			continue
		}
		if cm.stop[tk.Lower] || cm.set.StoryStop[tk.Lower] || isCalendarToken(cm.set, tk) || cm.set.Triggers.Has(toks, i) {
			continue
		}
		if !slices.Contains(out, tk.Lower) {
			out = append(out, tk.Lower)
		}
	}
	return out
}
