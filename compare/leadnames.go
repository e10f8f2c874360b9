package compare

import "slices"

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
}

// newLeadNames numbers the names of leads.
func newLeadNames(leads map[string]*lead) *leadNames {
	x := &leadNames{ids: map[string]int32{}, byLead: make(map[*lead]leadIDs, len(leads))}
	for _, l := range leads {
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
		ids.all = append(ids.all, x.id(n))
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

// pairScore is regroup's score of the marked lead a against b (numbered
// bIDs): the names they share, those of them specific in both (shared(a,
// b)), and b's specific names a's text uses but a's lead does not name
// (usedSpecific(b, a)).
func (m *leadMarks) pairScore(b *lead, bIDs leadIDs) int {
	all, specific, used := 0, 0, 0
	for j, k := range bIDs.names {
		f := m.get(k)
		if f&markName != 0 {
			all++
			if f&markGeneral == 0 && !b.general[j] {
				specific++
			}
		} else if f&markAll != 0 && !b.general[j] {
			used++
		}
	}
	return all + specific + used
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
