package compare

import (
	"maps"
	"math/bits"
	"slices"
	"unsafe"
)

// regroup tests every undated document against every story whose lead
// shares a name with its own: on 2,110 real articles, 819 undated ones
// made 82,000 such pairs, each of which hashed a dozen names into the
// leads' string maps (shared, usedSpecific, veto) and was a twelfth of
// the `claims` run. The types here number the names once, so that a pair
// reads arrays instead: leadNames the numbers, leadMarks the undated
// document's names by number. pairScore and pairVeto give what shared,
// usedSpecific and veto give (TestPairScoreAsStrings).

// leadNames numbers the names the leads use (their names and all maps).
type leadNames struct {
	ids map[string]int32
	// docFreq counts, per name, the documents whose text uses it (the
	// leads' all maps): veto's docFreq, by number.
	docFreq []int32
	// byLead holds the numbered names of the leads numbered together
	// (newLeadNames), for of: counting docFreq walks every lead's all
	// map and numbers its names anyway, and walking the map again for
	// each undated document and story (most stories have one dated
	// document, whose lead is its story's) cost as much again.
	byLead map[*lead]leadIDs
	// seen remembers names numbered, by where their bytes are: the names
	// of the leads' all maps are the words of the word tables that read
	// them (wordTable.marked), one string per word for all the documents
	// a table read, so that most names come again at the same address,
	// and finding them here costs a fraction of hashing them into ids
	// (126,000 names on /work/real5id). A string's bytes never change,
	// and a remembered string keeps them alive, so no other name can come
	// to lie at its address while it is remembered.
	seen      []seenName
	seenShift uint // 64 less log2(len(seen))
}

// seenName is a name and its number (leadNames.seen).
type seenName struct {
	name string
	id   int32
}

// seenBits sizes leadNames.seen for n leads: 2^seenBits(n) places, 16
// a lead or more (names not pushing one another out), at most 65,536
// (1.5 MB).
func seenBits(n int) int {
	return min(bits.Len(uint(16*n)), 16)
}

// newLeadNames numbers the names of leads, walking them by key: in the
// map's order, which changes from run to run, the names' numbers and which
// of them push one another out of seen changed too, and with them the
// work (not the result), by some millions of instructions a run on 2,500
// documents, which hid smaller gains. Sorting the keys costs about one.
func newLeadNames(leads map[string]*lead) *leadNames {
	b := seenBits(len(leads))
	x := &leadNames{
		ids:       map[string]int32{},
		byLead:    make(map[*lead]leadIDs, len(leads)),
		seen:      make([]seenName, 1<<b),
		seenShift: uint(64 - b),
	}
	for _, key := range slices.Sorted(maps.Keys(leads)) {
		l := leads[key]
		ids := x.number(l)
		for _, k := range ids.all {
			x.docFreq[k]++
		}
		x.byLead[l] = ids
	}
	return x
}

// id is n's number, given one if new.
func (x *leadNames) id(n string) int32 {
	k, ok := x.ids[n]
	if !ok {
		k = int32(len(x.docFreq))
		x.ids[n] = k
		x.docFreq = append(x.docFreq, 0)
	}
	return k
}

// idSeen is id(n), from seen when n's bytes were numbered before.
func (x *leadNames) idSeen(n string) int32 {
	if len(x.seen) == 0 {
		return x.id(n)
	}
	// Fibonacci hashing of the address: its top bits mix all of its bits.
	at := uint64(uintptr(unsafe.Pointer(unsafe.StringData(n))))
	e := &x.seen[at*0x9e3779b97f4a7c15>>x.seenShift]
	if unsafe.StringData(e.name) == unsafe.StringData(n) && len(e.name) == len(n) && len(n) > 0 {
		return e.id // (an empty place holds no name: "" is looked up)
	}
	k := x.id(n)
	*e = seenName{n, k}
	return k
}

// freq is the number of documents whose text uses name n (docFreq by
// name): veto's docFreq for leads not numbered (groupAlone's merged ones).
func (x *leadNames) freq(n string) int {
	if k, ok := x.ids[n]; ok {
		return int(x.docFreq[k])
	}
	return 0
}

// leadIDs is a lead's names by number.
type leadIDs struct {
	names []int32 // l.names' numbers, in order (l.general says which are general)
	all   []int32 // l.all's numbers, sorted
}

// of is l's names by number: numbered already when l is one of the leads
// numbered together (the result is shared: read only), else now.
func (x *leadNames) of(l *lead) leadIDs {
	if ids, ok := x.byLead[l]; ok {
		return ids
	}
	return x.number(l)
}

// number numbers l's names.
func (x *leadNames) number(l *lead) leadIDs {
	ids := leadIDs{names: make([]int32, len(l.names)), all: make([]int32, 0, len(l.all))}
	for _, n := range l.all {
		ids.all = append(ids.all, x.idSeen(n))
	}
	for k, n := range l.names {
		ids.names[k] = x.id(n)
	}
	slices.Sort(ids.all)
	return ids
}

// leadMarks holds one lead's names by number, for pairs with that lead on
// one side: a name's flags are valid while its stamp is the current one,
// so that marking the next lead clears nothing.
type leadMarks struct {
	stamp []uint32
	flags []uint8
	cur   uint32
}

// Flags of a marked name.
const (
	markName    uint8 = 1 << iota // one of the lead's names
	markGeneral                   // ... and general there (a country, capital or leader)
	markAll                       // in the lead's all map
)

// mark makes l (numbered ids) the marked lead.
func (m *leadMarks) mark(l *lead, ids leadIDs, n int) {
	if len(m.stamp) < n {
		m.stamp = slices.Grow(m.stamp[:0], n)[:n]
		m.flags = slices.Grow(m.flags[:0], n)[:n]
		clear(m.stamp)
	}
	m.cur++
	for _, k := range ids.all {
		m.set(k, markAll)
	}
	for i, k := range ids.names {
		f := markName
		if l.general[i] {
			f |= markGeneral
		}
		m.set(k, f)
	}
}

func (m *leadMarks) set(k int32, f uint8) {
	if m.stamp[k] != m.cur {
		m.stamp[k], m.flags[k] = m.cur, 0
	}
	m.flags[k] |= f
}

// get is name k's flags in the marked lead.
func (m *leadMarks) get(k int32) uint8 {
	if int(k) >= len(m.stamp) || m.stamp[k] != m.cur {
		return 0
	}
	return m.flags[k]
}

// pairVeto is veto(a, b, docFreq) for the marked lead a (numbered aIDs)
// and b (numbered bIDs).
func (m *leadMarks) pairVeto(x *leadNames, a *lead, aIDs leadIDs, b *lead, bIDs leadIDs) string {
	if v := figureVeto(a, b); v != "" {
		return v
	}
	if len(a.years) > 0 && len(b.years) > 0 && !intersects(a.years, b.years) {
		return reasonYears
	}
	if m.unmentionedIn(x, a, aIDs, bIDs) && m.unmentionedBy(x, b, bIDs) {
		return reasonPlaces
	}
	return ""
}

// unmentionedIn is unmentioned(a, b, docFreq): a specific name of a's
// lead that another document uses and b's text does not.
func (m *leadMarks) unmentionedIn(x *leadNames, a *lead, aIDs, bIDs leadIDs) bool {
	for i, k := range aIDs.names {
		if !a.general[i] && x.docFreq[k] >= 2 {
			if !containsSorted(bIDs.all, k) {
				return true
			}
		}
	}
	return false
}

// unmentionedBy is unmentioned(b, a, docFreq) for the marked lead a.
func (m *leadMarks) unmentionedBy(x *leadNames, b *lead, bIDs leadIDs) bool {
	for j, k := range bIDs.names {
		if !b.general[j] && x.docFreq[k] >= 2 && m.get(k)&markAll == 0 {
			return true
		}
	}
	return false
}

// containsSorted reports whether xs (ascending) holds k: slices.BinarySearch
// written for int32, small enough to inline (the generic one was a call
// and a comparison function per step, for every specific name of every
// pair unmentionedIn looks at).
func containsSorted(xs []int32, k int32) bool {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if xs[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(xs) && xs[lo] == k
}

// storyIndex finds an undated document's candidate stories for regroup,
// those whose leads share a name with its lead, and scores them all at
// once: per name number, the story leads naming it (holders). Walking the
// holders of the document's lead names counts the names each story shares
// with it, and walking those of the other names its text uses counts the
// story's names it uses without naming them: pairScore, for every
// candidate, from the names the two have in common only. Calling
// pairScore for each candidate walked every name of the story's lead,
// merged from all its dated articles, most of them not the document's,
// and the candidates, gathered with repeats, were sorted for each
// document: 185M instructions on /work/real5id.
//
// Like pairScore, it takes a lead's names to be distinct (lead.addName).
type storyIndex struct {
	holders [][]storyHolder // per name number
	counts  []storyCount    // per story id: the lead being scored's counts
	cands   []uint64        // bit per story id: a candidate (counts set)
	out     []scoredStory
}

// storyHolder is a story whose lead names a name, and whether the name is
// general there.
type storyHolder struct {
	story   int32
	general bool
}

// storyCount is what pairScore adds up: shared names, those of them
// specific in both leads, and the story's specific names the document's
// text uses and its lead does not name.
type storyCount struct{ all, specific, used int32 }

// scoredStory is a candidate story and its pairScore.
type scoredStory struct{ story, score int }

// newStoryIndex indexes the story leads by story id (nil for none), their
// names numbered by x.
func newStoryIndex(x *leadNames, storyLead []*lead) *storyIndex {
	s := &storyIndex{
		holders: make([][]storyHolder, len(x.docFreq)),
		counts:  make([]storyCount, len(storyLead)),
		cands:   make([]uint64, (len(storyLead)+63)/64),
	}
	for sid, l := range storyLead {
		if l == nil {
			continue
		}
		for k, name := range x.namesOf(l) {
			if int(name) >= len(s.holders) {
				s.holders = append(s.holders, make([][]storyHolder, int(name)+1-len(s.holders))...)
			}
			s.holders[name] = append(s.holders[name], storyHolder{int32(sid), l.general[k]})
		}
	}
	return s
}

// holdersOf are the story leads naming name k.
func (s *storyIndex) holdersOf(k int32) []storyHolder {
	if int(k) < len(s.holders) {
		return s.holders[k]
	}
	return nil
}

// score returns the stories whose leads share a name with l (numbered
// ids, the lead marked in m), in ascending id order, each with
// m.pairScore of its lead. The result is valid until the next call.
func (s *storyIndex) score(l *lead, ids leadIDs, m *leadMarks) []scoredStory {
	for k, name := range ids.names {
		general := l.general[k]
		for _, h := range s.holdersOf(name) {
			c := &s.counts[h.story]
			c.all++
			if !general && !h.general {
				c.specific++
			}
			s.cands[h.story>>6] |= 1 << (h.story & 63)
		}
	}
	for _, name := range ids.all {
		if m.get(name)&markName != 0 {
			continue // counted above
		}
		for _, h := range s.holdersOf(name) {
			if c := &s.counts[h.story]; c.all > 0 && !h.general {
				c.used++
			}
		}
	}
	out := s.out[:0]
	for w, b := range s.cands {
		for ; b != 0; b &= b - 1 {
			sid := w<<6 | bits.TrailingZeros64(b)
			c := s.counts[sid]
			s.counts[sid] = storyCount{}
			out = append(out, scoredStory{sid, int(c.all + c.specific + c.used)})
		}
		s.cands[w] = 0
	}
	s.out = out
	return out
}

// namesOf is x.of(l).names without numbering l's all map when l was not
// numbered with the others (a story's merged lead).
func (x *leadNames) namesOf(l *lead) []int32 {
	if ids, ok := x.byLead[l]; ok {
		return ids.names
	}
	names := make([]int32, len(l.names))
	for k, n := range l.names {
		names[k] = x.id(n)
	}
	return names
}
