package compare

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// pairScore and pairVeto on numbered names say what shared, usedSpecific
// and veto say on the leads' strings, for every pair of a set of leads:
// hand-written ones (a shared country only, a specific place, names the
// other text uses, places each never mentions, other years and
// magnitudes) and random ones over a small vocabulary, where names,
// general flags, all maps and figures overlap in every way.
func TestPairScoreAsStrings(t *testing.T) {
	mk := func(names []string, general []bool, all []string, years []int, mags []float64) *lead {
		l := &lead{names: names, general: general, years: years, mags: mags}
		for _, n := range append(all, names...) {
			l.use(n)
		}
		return l
	}
	leads := map[string]*lead{
		"country":   mk([]string{"iran"}, []bool{true}, nil, nil, nil),
		"qeshm2005": mk([]string{"iran", "qeshm"}, []bool{true, false}, []string{"bandar"}, []int{2005}, []float64{5.9}),
		"qeshm2008": mk([]string{"iran", "qeshm"}, []bool{true, false}, nil, []int{2008}, []float64{5.6}),
		"bandar":    mk([]string{"bandar", "abbas"}, []bool{false, false}, []string{"qeshm", "iran"}, nil, nil),
		"denver":    mk([]string{"denver", "colorado"}, []bool{false, false}, []string{"memphis"}, nil, nil),
		"memphis":   mk([]string{"memphis"}, []bool{false}, []string{"denver"}, nil, nil),
		"empty":     mk(nil, nil, nil, nil, nil),
	}
	rng := rand.New(rand.NewSource(16))
	vocab := []string{"iran", "qeshm", "bandar", "abbas", "kim", "seoul", "denver", "memphis", "green", "zone"}
	for i := 0; i < 60; i++ {
		l := &lead{}
		for _, n := range vocab {
			switch rng.Intn(4) {
			case 0:
				l.addName(n, rng.Intn(3) == 0)
				l.use(n)
			case 1:
				l.use(n)
			}
		}
		if rng.Intn(3) == 0 {
			l.years = []int{2005 + rng.Intn(3)}
		}
		if rng.Intn(3) == 0 {
			l.mags = []float64{5.5 + 0.2*float64(rng.Intn(4))}
		}
		if rng.Intn(4) == 0 {
			l.weekdays = 1 << rng.Intn(7)
		}
		if rng.Intn(4) == 0 { // sums ten times apart or not (moneyVeto)
			l.money = []figure{{"USD", []float64{1e6, 3e6, 2e7}[rng.Intn(3)]}}
		}
		leads[fmt.Sprintf("random%02d", i)] = l
	}
	docFreq := map[string]int{}
	for _, l := range leads {
		for _, n := range l.all {
			docFreq[n]++
		}
	}
	x := newLeadNames(leads)
	for n, want := range docFreq {
		if got := x.freq(n); got != want {
			t.Errorf("freq(%q) = %d, counted %d", n, got, want)
		}
	}
	if got := x.freq("no such name"); got != 0 {
		t.Errorf("freq of an unknown name = %d, want 0", got)
	}
	var m leadMarks
	for ka, a := range leads {
		aIDs := x.of(a)
		// A lead numbered with the others and one numbered on its own
		// (a story's merged lead) get the same numbers.
		c := *a
		if cIDs := x.of(&c); !slices.Equal(cIDs.names, aIDs.names) || !slices.Equal(cIDs.all, aIDs.all) {
			t.Errorf("%s: numbered alone %v, with the others %v", ka, cIDs, aIDs)
		}
		m.mark(a, aIDs, len(x.docFreq))
		for kb, b := range leads {
			bIDs := x.of(b)
			all, specific := shared(a, b)
			if got, want := m.pairScore(b, bIDs), all+specific+usedSpecific(b, a); got != want {
				t.Errorf("%s against %s: pairScore %d, shared and usedSpecific %d", ka, kb, got, want)
			}
			spec, aUnmentioned := x.specificNames(b, bIDs.names), unmentionedSorted(x, a, aIDs, bIDs)
			if got, want := m.pairVeto(a, b, spec, aUnmentioned), veto(a, b, docFreq); got != want {
				t.Errorf("%s against %s: pairVeto %q, veto %q", ka, kb, got, want)
			}
			if got, want := m.pairVetoed(a, b, spec, aUnmentioned), veto(a, b, docFreq) != ""; got != want {
				t.Errorf("%s against %s: pairVetoed %v, veto %q", ka, kb, got, veto(a, b, docFreq))
			}
		}
	}
}

// leadMarks forgets the previous lead's names when the next is marked,
// whatever they were.
func TestLeadMarks(t *testing.T) {
	var m leadMarks
	cases := []struct {
		names   []int32
		general []bool
		all     []int32
		want    map[int32]uint8 // names 0 to 5
	}{
		{[]int32{0, 1}, []bool{true, false}, []int32{0, 1, 2}, map[int32]uint8{0: markName | markGeneral | markAll, 1: markName | markAll, 2: markAll}},
		{[]int32{3}, []bool{false}, []int32{3}, map[int32]uint8{3: markName | markAll}},
		{nil, nil, []int32{5}, map[int32]uint8{5: markAll}},
		{[]int32{4}, []bool{true}, nil, map[int32]uint8{4: markName | markGeneral}},
	}
	for i, c := range cases {
		m.mark(&lead{general: c.general}, leadIDs{names: c.names, all: c.all}, 6)
		for k := int32(0); k < 7; k++ { // 6 was never numbered
			if got := m.get(k); got != c.want[k] {
				t.Errorf("case %d: name %d flags %b, want %b", i, k, got, c.want[k])
			}
		}
	}
}

// unmentionedSorted is unmentioned(a, b, docFreq) on numbered names, a
// binary search of b's for each of a's (as regroup tested each pair
// before storyIndex.countUses).
func unmentionedSorted(x *leadNames, a *lead, aIDs, bIDs leadIDs) bool {
	for i, k := range aIDs.names {
		if !a.general[i] && x.docFreq[k] >= 2 && !containsSorted(bIDs.all, k) {
			return true
		}
	}
	return false
}

// containsSorted finds what slices.Contains finds in ascending lists,
// empty, with repeats, and the ends.
func TestContainsSorted(t *testing.T) {
	for _, xs := range [][]int32{nil, {5}, {1, 3, 3, 7}, {0, 2, 4, 6, 8, 10, 12, 14, 16}} {
		for k := int32(-1); k <= 17; k++ {
			if got, want := containsSorted(xs, k), slices.Contains(xs, k); got != want {
				t.Errorf("containsSorted(%v, %d) = %v, want %v", xs, k, got, want)
			}
		}
	}
}

// pairScore is regroup's score (storyIndex.score's, as it was computed
// for one pair) of the marked lead a against b (numbered
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

// storyIndex.score gives, for every lead, the leads sharing a name with
// it in ascending order, each with pairScore, as testing every pair does:
// on the leads of TestPairScoreAsStrings' kind, some of them missing
// (stories without a dated lead), one with a name numbered only as the
// index is made.
func TestStoryIndexScore(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	vocab := []string{"iran", "qeshm", "bandar", "abbas", "kim", "seoul", "denver", "memphis", "green", "zone", "lorne"}
	var ls []*lead
	leads := map[string]*lead{}
	for i := 0; i < 80; i++ {
		l := &lead{}
		for _, n := range vocab[:10] {
			switch rng.Intn(5) {
			case 0:
				l.addName(n, rng.Intn(3) == 0)
				l.use(n)
			case 1:
				l.use(n)
			case 2:
				l.addName(n, rng.Intn(3) == 0) // named, not in all
			}
		}
		ls = append(ls, l)
		leads[fmt.Sprint(i)] = l
	}
	x := newLeadNames(leads)
	stories := make([]*lead, len(ls)+1)
	for i, l := range ls {
		if i%7 != 3 {
			stories[i+1] = l
		}
	}
	dated := make([][]*lead, len(stories))
	for sid, l := range stories {
		if l != nil {
			dated[sid] = []*lead{l}
		}
	}
	// A merged lead with a name numbered only now ("lorne"), which no
	// text uses.
	stories[5] = &lead{names: []string{"lorne", "kim"}, general: []bool{false, true}}
	dated[5] = nil
	dated[10] = []*lead{ls[9], ls[20], ls[33]}
	stories[10] = merge(dated[10]) // a story of three dated texts
	// countUses ands the bits of the names many stories use and walks
	// the users of the others: of the names of this test, all (minUsedBy,
	// 1), four of ten (30), none.
	for _, minDense := range []int{minUsedBy, 1, 30, math.MaxInt} {
		index := newStoryIndex(x, stories, dated)
		index.minDense = minDense
		var m leadMarks
		for i, a := range ls {
			aIDs := x.of(a)
			m.mark(a, aIDs, len(x.docFreq))
			var want []scoredStory
			for sid, b := range stories {
				if b == nil {
					continue
				}
				if all, _ := shared(a, b); all > 0 {
					want = append(want, scoredStory{sid, m.pairScore(b, x.of(b))})
				}
			}
			for _, least := range []int{0, 2, 3} {
				var wantLeast []scoredStory
				for _, c := range want {
					if c.score >= least {
						wantLeast = append(wantLeast, c)
					}
				}
				if got := index.score(a, aIDs, &m, least); !slices.Equal(got, wantLeast) {
					t.Errorf("lead %d, least %d: scored %v, want %v", i, least, got, wantLeast)
				}
			}
			// countUses and unmentioned say what unmentioned says of every
			// story, and spec holds what it looks for in the story's lead.
			index.countUses(x, a, aIDs)
			for sid, b := range stories {
				if b == nil {
					continue
				}
				if got, want := index.unmentioned(sid), unmentioned(a, b, x.freq); got != want {
					t.Errorf("minDense %d, lead %d, story %d: unmentioned %v, want %v", minDense, i, sid, got, want)
				}
				var want []int32
				for k, n := range b.names {
					if !b.general[k] && x.freq(n) >= 2 {
						want = append(want, x.ids[n])
					}
				}
				if got := index.spec[sid]; !slices.Equal(got, want) {
					t.Errorf("story %d: spec %v, want %v", sid, got, want)
				}
			}
		}
		bits := 0
		for _, b := range index.usedBy {
			if b != nil {
				bits++
			}
		}
		if minDense == math.MaxInt && bits > 0 || minDense < math.MaxInt && bits == 0 {
			t.Errorf("minDense %d: %d names of %d given bits", minDense, bits, len(index.usedBy))
		}
	}
}

// idSeen numbers a name as id does, whether its bytes were seen at its
// address, at another (a copy), or not at all, in a cache small enough
// that names push one another out.
func TestIDSeen(t *testing.T) {
	for _, leads := range []int{0, 1, 100} {
		x := newLeadNames(nil)
		b := seenBits(leads)
		x.seen, x.seenShift = make([]seenName, 1<<b), uint(64-b)
		names := []string{"kim", "seoul", "qeshm", "bandar abbas", "", "k"}
		for i := range 50 {
			names = append(names, fmt.Sprintf("name%d", i))
		}
		rng := rand.New(rand.NewSource(int64(leads)))
		for range 2000 {
			n := names[rng.Intn(len(names))]
			if rng.Intn(3) == 0 {
				n = strings.Clone(n)
			}
			got := x.idSeen(n)
			if want, ok := x.ids[n]; !ok || got != want {
				t.Fatalf("%d leads: idSeen(%q) = %d, id %d (%v)", leads, n, got, want, ok)
			}
		}
		if len(x.docFreq) != len(names) {
			t.Errorf("%d leads: %d numbers for %d names", leads, len(x.docFreq), len(names))
		}
	}
}
