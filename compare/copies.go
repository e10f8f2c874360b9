package compare

import (
	"slices"
)

// copyGroups finds syndicated copies as Stream's sweep moves, by the rule
// syndication (stories.go) applies to a whole archive: two documents are
// copies when at least 60% of the smaller one's sampled shingles, leaving
// out boilerplate (shingleCounts), are shared, and they were published
// within copyDays of each other (or one is undated). Dated documents are
// compared with the dated ones of the window and with every undated one as
// they are loaded; undated ones with each other at the start.
type copyGroups struct {
	uf      unionFind
	counts  *shingleCounts
	maxDay  map[int32]int64    // per root: its newest dated member's day
	undated map[int32]bool     // per root: it has an undated member
	members map[int32][]int32  // per root of a group of two or more
	win     shinglePostings    // the window's dated documents per shared-text shingle, in load order
	und     map[uint64][]int32 // the undated documents per shared-text shingle, ascending
	uShing  map[int32][]uint64 // each undated document's shared-text shingles
}

func newCopyGroups(n int, counts *shingleCounts) *copyGroups {
	return &copyGroups{uf: newUnionFind(n), counts: counts, maxDay: map[int32]int64{}, undated: map[int32]bool{},
		members: map[int32][]int32{}, und: map[uint64][]int32{}, uShing: map[int32][]uint64{}}
}

// shared keeps the shingles that are not boilerplate.
func (g *copyGroups) shared(hs []uint64) []uint64 {
	var out []uint64
	for _, h := range hs {
		if g.counts.count(h) <= boilerplateDocs {
			out = append(out, h)
		}
	}
	return out
}

// addUndated indexes undated document u, with its shingles; call it for
// every undated document in ascending order, then undatedPairs.
func (g *copyGroups) addUndated(u int32, shingles []uint64) {
	hs := g.shared(shingles)
	g.uShing[u] = hs
	for _, h := range hs {
		g.und[h] = append(g.und[h], u)
	}
	g.undated[u] = true
}

// undatedPairs joins the undated documents that are copies of each other.
func (g *copyGroups) undatedPairs(ent []*streamEntry) {
	var us []int32
	for u := range g.uShing {
		us = append(us, u)
	}
	slices.Sort(us)
	cnt := map[int32]int{}
	for _, u := range us {
		clear(cnt)
		for _, h := range g.uShing[u] {
			for _, v := range g.und[h] {
				if v > u {
					cnt[v]++
				}
			}
		}
		for v, k := range cnt {
			if copied(k, int(ent[u].shingles), int(ent[v].shingles)) {
				g.union(u, v)
			}
		}
	}
}

// copied is syndication's test: k shared shingles of documents with na
// and nb.
func copied(k, na, nb int) bool {
	small := min(na, nb)
	return small >= 5 && float64(k) >= 0.6*float64(small)
}

// addDated compares dated document i, published on day, with the window's
// dated documents loaded before it and with every undated one, then adds
// it to the window. Documents must come in publication-day order.
func (g *copyGroups) addDated(i int32, day int64, shingles []uint64, ent []*streamEntry) {
	r := int32(g.uf.find(int(i)))
	g.maxDay[r] = max(g.maxDay[r], day)
	cnt, cntU := map[int32]int{}, map[int32]int{}
	hs := g.shared(shingles)
	live := func(j int32) bool { return ent[j].day >= day-copyDays }
	for _, h := range hs {
		for _, j := range g.win.add(h, i, live) {
			cnt[j]++
		}
		for _, u := range g.und[h] {
			cntU[u]++
		}
	}
	for j, k := range cnt {
		if copied(k, int(ent[i].shingles), int(ent[j].shingles)) {
			g.union(i, j)
		}
	}
	for u, k := range cntU {
		if copied(k, int(ent[i].shingles), int(ent[u].shingles)) {
			g.union(i, u)
		}
	}
}

// trim drops the window's documents published before day-copyDays from
// every posting (postings no later document shares would otherwise stay).
// The map is built anew: a Go map keeps its largest size after deletes.
func (g *copyGroups) trim(day int64, ent []*streamEntry) {
	g.win.trim(func(j int32) bool { return ent[j].day >= day-copyDays })
}

// shinglePostings lists documents per shingle, in the order they were
// added. Most of a window's shingles belong to one document (copies are
// few), so a posting of one document is held in the table's value itself:
// a map of slices cost a slice header and an allocation per shingle, about
// 50 bytes, and was the window's largest part (23 MB at 40,000 articles
// over a year); a Go map of int32s still cost 20 to 30 bytes a shingle
// (see table).
type shinglePostings struct {
	one  table // >= 0: the posting's one document; < 0: -1-k, the posting is many[k]
	many [][]int32
	buf  []int32 // add's answer
}

// add appends document i to h's posting, first dropping from its front the
// documents live rejects (they were added earlier, so they are older), and
// returns the documents it held before i, valid until the next call.
func (p *shinglePostings) add(h uint64, i int32, live func(int32) bool) []int32 {
	v, ok := p.one.get(h)
	switch {
	case !ok:
		p.one.put(h, i)
		return nil
	case v >= 0:
		if !live(v) {
			p.one.put(h, i)
			return nil
		}
		p.one.put(h, -1-int32(len(p.many)))
		p.many = append(p.many, []int32{v, i})
		p.buf = append(p.buf[:0], v)
		return p.buf
	}
	k := -1 - v
	l := p.many[k]
	for len(l) > 0 && !live(l[0]) {
		l = l[1:]
	}
	p.buf = append(p.buf[:0], l...)
	p.many[k] = append(l, i)
	return p.buf
}

// trim drops the documents live rejects from every posting, in place.
func (p *shinglePostings) trim(live func(int32) bool) {
	var many [][]int32
	p.one.filter(func(_ uint64, v int32) (int32, bool) {
		if v >= 0 {
			return v, live(v)
		}
		l := p.many[-1-v]
		for len(l) > 0 && !live(l[0]) {
			l = l[1:]
		}
		switch len(l) {
		case 0:
			return 0, false
		case 1:
			return l[0], true
		}
		many = append(many, slices.Clip(l))
		return -1 - int32(len(many)-1), true
	})
	p.many = many
}

// trimPostings returns the postings (documents in load order, so the
// oldest first) without their documents that keep rejects, in a new map:
// a Go map keeps its largest size after deletes.
func trimPostings[K uint64 | int32](m map[K][]int32, keep func(int32) bool) map[K][]int32 {
	out := make(map[K][]int32, len(m)/2)
	for k, l := range m {
		for len(l) > 0 && !keep(l[0]) {
			l = l[1:]
		}
		if len(l) > 0 {
			out[k] = slices.Clip(l)
		}
	}
	return out
}

func (g *copyGroups) union(a, b int32) {
	root, other, ok := g.uf.join(a, b)
	if !ok {
		return
	}
	g.maxDay[root] = max(g.maxDay[root], g.maxDay[other])
	g.undated[root] = g.undated[root] || g.undated[other]
	ms := g.members[root]
	if ms == nil {
		ms = []int32{root}
	}
	if o := g.members[other]; o != nil {
		ms = append(ms, o...)
	} else {
		ms = append(ms, other)
	}
	g.members[root] = ms
	delete(g.maxDay, other)
	delete(g.undated, other)
	delete(g.members, other)
}

// release drops what finding copies needs (the window, the undated
// documents' shingles, the boilerplate counts), keeping the groups.
func (g *copyGroups) release() {
	g.counts, g.win, g.und, g.uShing, g.maxDay, g.undated = nil, shinglePostings{}, nil, nil, nil, nil
}

// newest is the newest day of m's copy group: it can still gain a dated
// member until the window has passed that day.
func (g *copyGroups) newest(m int32) int64 { return g.maxDay[int32(g.uf.find(int(m)))] }

// withUndated reports whether m's copy group has an undated member.
func (g *copyGroups) withUndated(m int32) bool { return g.undated[int32(g.uf.find(int(m)))] }

// source is the id of m's source: the first of its copy group by id.
func (g *copyGroups) source(m int32, ids []string) string {
	r := int32(g.uf.find(int(m)))
	first := r
	for _, x := range g.members[r] {
		first = min(first, x)
	}
	return ids[first]
}

// result gives syndication's two maps for the read documents.
func (g *copyGroups) result(ids []string) (map[string]string, map[string][]string) {
	source := make(map[string]string, len(ids))
	copies := map[string][]string{}
	for i, id := range ids {
		m := int32(i)
		source[id] = g.source(m, ids)
		if ms := g.members[int32(g.uf.find(i))]; ms != nil {
			ms = slices.Clone(ms)
			slices.Sort(ms)
			// The others, gathered before the map is assigned once
			// (see without).
			others := make([]string, 0, len(ms))
			for _, x := range ms {
				if x != m {
					others = append(others, ids[x])
				}
			}
			if len(others) > 0 {
				copies[id] = others
			}
		}
	}
	return source, copies
}
