package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// groupAloneAllPairs is the walk groupAlone replaced: every pair in index
// order, each group's lead merged anew from its members.
func groupAloneAllPairs(alone []string, leads map[string]*lead, docFreq map[string]int) unionFind {
	u := newUnionFind(len(alone))
	members := make([][]*lead, len(alone))
	for i, id := range alone {
		members[i] = []*lead{leads[id]}
	}
	for i := range alone {
		for j := i + 1; j < len(alone); j++ {
			ri, rj := u.find(i), u.find(j)
			if ri == rj {
				continue
			}
			all, specific := shared(leads[alone[i]], leads[alone[j]])
			if specific < 1 && all < 2 {
				continue
			}
			gi, gj := merge(members[ri]), merge(members[rj])
			if veto(gi, gj, docFreq) != "" {
				continue
			}
			u.union(ri, rj)
			r := u.find(ri)
			members[r] = append(append([]*lead(nil), members[ri]...), members[rj]...)
		}
	}
	return u
}

// TestGroupAloneSameAsAllPairs: on random leads sharing names, weekdays,
// years and magnitudes (so that vetoes fire), the indexed grouping gives
// the groups the all-pairs walk gives.
func TestGroupAloneSameAsAllPairs(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 20 + r.IntN(150)
		leads := map[string]*lead{}
		var alone []string
		docFreq := map[string]int{}
		for i := range n {
			id := fmt.Sprintf("d%03d", i)
			l := &lead{}
			for range 1 + r.IntN(4) {
				w := fmt.Sprintf("name%d", r.IntN(25))
				if !slices.Contains(l.names, w) {
					l.names = append(l.names, w)
					l.general = append(l.general, r.IntN(4) == 0)
				}
				l.use(w)
			}
			for range r.IntN(3) {
				l.use(fmt.Sprintf("name%d", r.IntN(40)))
			}
			if r.IntN(3) == 0 {
				l.weekdays = 1 << r.IntN(7)
			}
			if r.IntN(3) == 0 {
				l.years = []int{2000 + r.IntN(3)}
			}
			if r.IntN(4) == 0 {
				l.mags = []float64{5 + float64(r.IntN(20))/10}
			}
			for _, w := range l.all {
				docFreq[w]++
			}
			leads[id] = l
			alone = append(alone, id)
		}
		want := groupAloneAllPairs(alone, leads, docFreq).groups()
		got := groupAlone(alone, leads, docFreq).groups()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("seed %d: groups\n%v\nwant\n%v", seed, got, want)
		}
		// With the names numbered beforehand, as regroup numbers them.
		x := newLeadNames(leads)
		got = groupAloneBy(alone, leads, x, x.freq).groups()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("seed %d: groups, names numbered first\n%v\nwant\n%v", seed, got, want)
		}
		if len(want) == n || len(want) == 1 {
			t.Logf("seed %d: %d groups of %d (degenerate)", seed, len(want), n)
		}
	}
}
