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
	m.next(n)
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

// markAll makes names (numbers below n) the marked names, each as in
// the lead's all map, with no lead's own names: groupAloneBy marks the
// names of a group's texts, and unmentionedBy then answers for each of
// its partners by a look per name.
func (m *leadMarks) markAll(names []int32, n int) {
	m.next(n)
	for _, k := range names {
		m.set(k, markAll)
	}
}

// next starts a new marking of names numbered below n: the earlier
// stamps no longer count, unless the stamp wrapped, when they are cleared.
func (m *leadMarks) next(n int) {
	if len(m.stamp) < n {
		m.stamp = slices.Grow(m.stamp[:0], n)[:n]
		m.flags = slices.Grow(m.flags[:0], n)[:n]
		clear(m.stamp)
	}
	m.cur++
	if m.cur == 0 { // wrapped: earlier stamps would be taken for this marking's
		clear(m.stamp)
		m.cur = 1
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

// pairVeto is veto(a, b, docFreq) for the marked lead a and b (its
// specific names used by two documents or more, numbered: see
// storyIndex.spec), given whether a's lead has such a name b's text never
// uses (unmentioned(a, b, docFreq), which storyIndex.unmentioned answers
// for every story at once).
func (m *leadMarks) pairVeto(a, b *lead, bSpec []int32, aUnmentioned bool) string {
	if v := figureVeto(a, b); v != "" {
		return v
	}
	if len(a.years) > 0 && len(b.years) > 0 && !intersects(a.years, b.years) {
		return reasonYears
	}
	if aUnmentioned && m.unmentionedBy(bSpec) {
		return reasonPlaces
	}
	return ""
}

// pairVetoed reports whether pairVeto(a, b, bSpec, aUnmentioned) gives a
// reason, testing the cheap and common vetoes first: regroup needs the
// reason of only one vetoed pair per document (its last), and 99.7% of
// the 298,000 pairs it tries on /work/real5id are vetoed, three quarters
// of them by the places test that pairVeto reaches last, after the
// figures' (a call, and the magnitudes' and sums' loops).
func (m *leadMarks) pairVetoed(a, b *lead, bSpec []int32, aUnmentioned bool) bool {
	if a.weekdays != 0 && b.weekdays != 0 && a.weekdays&b.weekdays == 0 {
		return true
	}
	if aUnmentioned && m.unmentionedBy(bSpec) {
		return true
	}
	if len(a.years) > 0 && len(b.years) > 0 && !intersects(a.years, b.years) {
		return true
	}
	return figureVeto(a, b) != ""
}

// unmentionedBy is unmentioned(b, a, docFreq) for the marked lead a, b's
// specific names used by two documents or more being spec.
func (m *leadMarks) unmentionedBy(spec []int32) bool {
	for _, k := range spec {
		if m.get(k)&markAll == 0 {
			return true
		}
	}
	return false
}

// specificNames returns the numbers of l's specific names (not general
// there) that two documents or more use: those unmentioned looks for.
func (x *leadNames) specificNames(l *lead, names []int32) []int32 {
	var out []int32
	for i, k := range names {
		if !l.general[i] && x.docFreq[k] >= 2 {
			out = append(out, k)
		}
	}
	return out
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
	// spec are, per story id, its lead's specific names used by two
	// documents or more (leadNames.specificNames): what unmentioned
	// looks for, filtered once rather than for each pair.
	spec [][]int32
	// users are, per name number, the stories whose texts use it (their
	// leads' all maps), ascending: unmentioned(a, story) for all of a's
	// candidates at once (see countUses), where testing each pair
	// binary-searched the story's names for each of a's (60M
	// instructions on /work/real5id, most pairs having to find them all).
	// They are listed when countUses is first called (indexUses), from
	// the leads of each story's texts, dated: a corpus whose undated
	// texts have no candidates (/work/cc10k) needs none, and numbering
	// every story's merged lead cost 40M instructions there.
	users [][]int32
	dated [][]*lead // per story id
	// usedBy holds, for a name so many stories use that a bit per story
	// takes fewer words than half its users, those bits (else nil):
	// countUses ands them for such names rather than walking the users
	// (see dense).
	usedBy   [][]uint64
	minDense int // fewest users of a name given bits (minUsedBy; tests lower it)
	// uses counts, per story id, how many of the lead's names that
	// countUses walked its text uses, over base: a count below base is
	// an earlier lead's, and so zero (nothing to clear between leads,
	// and one test where a stamp beside the count took two).
	uses []uint64
	base uint64 // a multiple of 1<<32, another for each lead
	need uint64 // how many names countUses walked
	// usesAll has the bit of every story whose text uses all of the
	// names countUses anded the bits of (valid when anded is set).
	usesAll []uint64
	anded   bool
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
// names numbered by x; dated are, by story id, the leads whose merge is
// the story's lead (one when it is that lead).
func newStoryIndex(x *leadNames, storyLead []*lead, dated [][]*lead) *storyIndex {
	s := &storyIndex{
		holders:  make([][]storyHolder, len(x.docFreq)),
		counts:   make([]storyCount, len(storyLead)),
		cands:    make([]uint64, (len(storyLead)+63)/64),
		spec:     make([][]int32, len(storyLead)),
		uses:     make([]uint64, len(storyLead)),
		usesAll:  make([]uint64, (len(storyLead)+63)/64),
		dated:    dated,
		minDense: minUsedBy,
	}
	for sid, l := range storyLead {
		if l == nil {
			continue
		}
		names := x.namesOf(l)
		for k, name := range names {
			if int(name) >= len(s.holders) {
				s.holders = append(s.holders, make([][]storyHolder, int(name)+1-len(s.holders))...)
			}
			s.holders[name] = append(s.holders[name], storyHolder{int32(sid), l.general[k]})
		}
		s.spec[sid] = x.specificNames(l, names)
	}
	return s
}

// indexUses lists users: the names of the texts of each story's dated
// leads (their all maps), whose union is the story lead's.
func (s *storyIndex) indexUses(x *leadNames) {
	s.users = make([][]int32, len(x.docFreq))
	for sid, ls := range s.dated {
		for _, l := range ls {
			for _, name := range x.of(l).all {
				if int(name) >= len(s.users) {
					s.users = append(s.users, make([][]int32, int(name)+1-len(s.users))...)
				}
				if u := s.users[name]; len(u) == 0 || u[len(u)-1] != int32(sid) {
					s.users[name] = append(u, int32(sid))
				}
			}
		}
	}
	s.usedBy = make([][]uint64, len(s.users))
	for k, u := range s.users {
		if s.dense(len(u)) {
			b := make([]uint64, len(s.usesAll))
			for _, sid := range u {
				b[sid>>6] |= 1 << (sid & 63)
			}
			s.usedBy[k] = b
		}
	}
}

// minUsedBy is storyIndex.minDense: a name fewer stories use costs little
// to walk whatever the stories' number.
const minUsedBy = 16

// dense reports whether a name n stories use is given bits (usedBy): when
// its bits are fewer words than half its users, anding them costs less
// than walking the users (1.5 instructions a word against 10 a user), and
// they take less room than the list.
func (s *storyIndex) dense(n int) bool {
	return n >= s.minDense && 2*len(s.usesAll) <= n
}

// countUses counts, for every story, how many of the specific names of
// l's lead (numbered ids) used by two documents or more its text uses,
// for unmentioned: those many stories use by anding their bits (usedBy)
// into usesAll, the others by walking their users into uses. Walking the
// users of all of them (957,000) cost 14M instructions on /work/real5id,
// anding the bits of most of them and walking the others' 4M.
func (s *storyIndex) countUses(x *leadNames, l *lead, ids leadIDs) {
	if s.users == nil {
		s.indexUses(x)
	}
	s.base += 1 << 32
	if s.base == 0 { // wrapped: the counts are no longer below it
		clear(s.uses)
		s.base = 1 << 32
	}
	s.need, s.anded = 0, false
	for i, k := range ids.names {
		if l.general[i] || x.docFreq[k] < 2 {
			continue
		}
		if int(k) < len(s.users) && s.usedBy[k] != nil {
			s.and(s.usedBy[k])
			continue
		}
		s.need++
		if int(k) >= len(s.users) {
			continue
		}
		for _, sid := range s.users[k] {
			s.uses[sid] = max(s.uses[sid], s.base) + 1
		}
	}
}

// and ands the bits of a name's users into usesAll (copies them, for the
// first name since countUses began).
func (s *storyIndex) and(b []uint64) {
	if !s.anded {
		copy(s.usesAll, b)
		s.anded = true
		return
	}
	for w := range s.usesAll {
		s.usesAll[w] &= b[w]
	}
}

// unmentioned is unmentioned(l, story's lead, docFreq) for the lead l of
// the last countUses: whether one of the names it counted or anded is
// not used by the story's text (a lead's names are distinct, so each use
// counted is another name's).
func (s *storyIndex) unmentioned(story int) bool {
	if s.anded && s.usesAll[story>>6]&(1<<(story&63)) == 0 {
		return true
	}
	return s.need > 0 && s.uses[story] < s.base+s.need
}

// holdersOf are the story leads naming name k.
func (s *storyIndex) holdersOf(k int32) []storyHolder {
	if int(k) < len(s.holders) {
		return s.holders[k]
	}
	return nil
}

// score returns the stories whose leads share a name with l (numbered
// ids, the lead marked in m) and score least or more, in ascending id
// order, each with m.pairScore of its lead. The result is valid until
// the next call. regroup wants those of score 2 or more, about half of
// them (/work/real5id): listing the others only for it to skip them
// cost as much as the test.
func (s *storyIndex) score(l *lead, ids leadIDs, m *leadMarks, least int) []scoredStory {
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
			if score := int(c.all + c.specific + c.used); score >= least {
				out = append(out, scoredStory{sid, score})
			}
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
