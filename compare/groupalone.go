package compare

import (
	"math/bits"
	"slices"
)

// groupAlone groups the undated documents that joined no story: two join
// when their leads share a specific name, or two names, and the merged
// leads of their groups veto nothing; pairs are tried in index order.
func groupAlone(alone []string, leads map[string]*lead, docFreq map[string]int) unionFind {
	return groupAloneBy(alone, leads, newLeadNames(nil), func(n string) int { return docFreq[n] })
}

// groupAloneBy is groupAlone with the leads' names numbered by x
// (regroup's numbering, or one made as the leads come: see leadNames.of)
// and docFreq as a function.
//
// Only pairs whose leads share a name can join, so a document's later
// partners are found from the documents naming each of its lead's names
// (holders), and walking those lists counts, for every partner at once,
// the names the two leads share and how many of them are specific in
// both: shared(a, b), which compared the two leads' names as strings for
// each candidate pair (three quarters of a billion instructions on
// /work/real5id, a quarter of a claims run, with millions of candidate
// pairs among its 2,000 undated articles). The partners are then visited
// in index order, as a walk of every pair visits them, from a bit set
// cleared as it is read.
//
// Each group's merged lead is kept (aloneGroup), its names numbered and
// sorted, and extended as groups join (merging the merged leads of two
// groups gives what merging all their members does), not rebuilt for
// every pair: veto's unmentioned tests are then a binary search per name
// rather than a scan of the other texts' names.
func groupAloneBy(alone []string, leads map[string]*lead, x *leadNames, docFreq func(name string) int) unionFind {
	n := len(alone)
	u := newUnionFind(n)
	own := make([]*lead, n) // leads[alone[i]]
	ids := make([]leadIDs, n)
	for i, id := range alone {
		own[i] = leads[id]
		ids[i] = x.of(own[i])
	}
	// holders[k]: the documents whose leads name name k, ascending.
	holders := make([][]holder, len(x.docFreq))
	for i := range own {
		for k, name := range ids[i].names {
			holders[name] = append(holders[name], holder{int32(i), own[i].general[k]})
		}
	}
	groups := make([]*aloneGroup, n) // per group root, once needed
	group := func(r int) *aloneGroup {
		if groups[r] == nil {
			groups[r] = newAloneGroup(own[r], ids[r], docFreq)
		}
		return groups[r]
	}
	counts := make([]pairCount, n)
	partners := make([]uint64, (n+63)/64) // bit j: counts[j] is set
	// inMarked holds the names of marked's texts, the group of the
	// document whose partners are being tried (see vetoes).
	var marked *aloneGroup
	var inMarked leadMarks
	for i := range own {
		for k, name := range ids[i].names {
			general := own[i].general[k]
			for _, h := range after(holders[name], int32(i)) {
				c := &counts[h.doc]
				c.all++
				if !general && !h.general {
					c.specific++
				}
				partners[h.doc>>6] |= 1 << (h.doc & 63)
			}
		}
		for w := (i + 1) >> 6; w < len(partners); w++ {
			for b := partners[w]; b != 0; b &= b - 1 {
				j := w<<6 | bits.TrailingZeros64(b)
				c := counts[j]
				counts[j] = pairCount{}
				if c.specific < 1 && c.all < 2 {
					continue
				}
				ri, rj := u.find(i), u.find(j)
				if ri == rj {
					continue
				}
				gi, gj := group(ri), group(rj)
				if gi != marked {
					inMarked.markAll(gi.all, len(x.docFreq))
					marked = gi
				}
				if gi.vetoes(gj, &inMarked) {
					continue
				}
				u.union(ri, rj)
				groups[ri], groups[rj] = nil, nil
				groups[u.find(ri)] = gi.merge(gj)
			}
			partners[w] = 0
		}
	}
	return u
}

// holder is a document naming a name in its lead, and whether the name
// is general there (a country, capital or leader).
type holder struct {
	doc     int32
	general bool
}

// after returns the holders of hs (ascending) after document i.
func after(hs []holder, i int32) []holder {
	lo, hi := 0, len(hs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hs[m].doc <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return hs[lo:]
}

// pairCount is shared(a, b) of two leads: the names they share, and how
// many of those are specific in both.
type pairCount struct{ all, specific int32 }

// aloneGroup is what veto reads of the merged lead of a group of undated
// documents (merge), its names numbered (leadNames) and sorted.
type aloneGroup struct {
	figures *lead // weekdays, years, magnitudes and sums; its names are not read
	// specific are the names veto's unmentioned looks for: specific
	// (general in no lead naming them: merge's general flags) and used
	// by two documents or more.
	specific []int32
	general  []int32 // names general in some lead naming them
	all      []int32 // the names the group's texts use
}

// newAloneGroup is the group of the one lead l (numbered ids).
func newAloneGroup(l *lead, ids leadIDs, docFreq func(name string) int) *aloneGroup {
	g := &aloneGroup{figures: l, all: ids.all}
	for k, name := range ids.names {
		switch {
		case l.general[k]:
			g.general = append(g.general, name)
		case docFreq(l.names[k]) >= 2:
			g.specific = append(g.specific, name)
		}
	}
	slices.Sort(g.general)
	slices.Sort(g.specific)
	g.general, g.specific = slices.Compact(g.general), slices.Compact(g.specific)
	return g
}

// vetoes reports whether veto(a, b, docFreq) of the merged leads says why
// they cannot report one occurrence, aAll holding the names of a's texts.
// A document's partners are tried against its group, a, one after
// another: its names, marked once, answer whether b's leads name one a's
// texts never use by a look each, where a binary search of a's names per
// name of b's was most of the cost. That test goes first: the other,
// for a's leads' names in b's texts, is still a search per name.
func (a *aloneGroup) vetoes(b *aloneGroup, aAll *leadMarks) bool {
	if figureVeto(a.figures, b.figures) != "" {
		return true
	}
	if len(a.figures.years) > 0 && len(b.figures.years) > 0 && !intersects(a.figures.years, b.figures.years) {
		return true
	}
	return aAll.unmentionedBy(b.specific) && a.unmentionedIn(b)
}

// unmentionedIn is unmentioned(a, b, docFreq): a specific name of a's
// leads that b's texts never use.
func (a *aloneGroup) unmentionedIn(b *aloneGroup) bool {
	for _, k := range a.specific {
		if !containsSorted(b.all, k) {
			return true
		}
	}
	return false
}

// merge is the group of a's and b's documents: merge's lead, numbered.
func (a *aloneGroup) merge(b *aloneGroup) *aloneGroup {
	general := unionSorted(a.general, b.general)
	return &aloneGroup{
		figures:  mergeFigures(a.figures, b.figures),
		specific: minusSorted(unionSorted(a.specific, b.specific), general),
		general:  general,
		all:      unionSorted(a.all, b.all),
	}
}

// mergeFigures is merge([]*lead{a, b}) as far as figureVeto and the years
// test read it.
func mergeFigures(a, b *lead) *lead {
	m := &lead{weekdays: a.weekdays | b.weekdays}
	m.years = slices.Concat(a.years, b.years)
	slices.Sort(m.years)
	m.years = slices.Compact(m.years)
	m.mags = slices.Concat(a.mags, b.mags)
	m.money = slices.Concat(a.money, b.money)
	return m
}

// unionSorted returns the distinct numbers of a and b (each ascending),
// ascending, in a new slice.
func unionSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	out = append(append(out, a...), b...)
	return slices.Compact(out)
}

// minusSorted returns the numbers of a not in b (each ascending), in a's
// space.
func minusSorted(a, b []int32) []int32 {
	out := a[:0]
	for _, k := range a {
		if !containsSorted(b, k) {
			out = append(out, k)
		}
	}
	return out
}
