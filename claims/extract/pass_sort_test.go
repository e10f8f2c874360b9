package extract

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestSortByStart: the merge of sorted runs orders claims as the stable
// sort ExtractThen used did, on claims in runs (as the steps report them),
// shuffled, with starts repeated, and on every length up to 60.
func TestSortByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1))
	var buf []*claims.Claim
	for n := 0; n <= 60; n++ {
		for _, runs := range []int{1, 2, 3, 5, n + 1} {
			for _, spread := range []int{2, 10, 1000} {
				cs := make([]*claims.Claim, n)
				for i := range cs {
					cs[i] = &claims.Claim{Start: r.IntN(spread)}
				}
				// Sort each of runs pieces: the steps' claims.
				for k := 0; k < runs; k++ {
					a, b := k*n/runs, (k+1)*n/runs
					slices.SortStableFunc(cs[a:b], func(x, y *claims.Claim) int { return x.Start - y.Start })
				}
				want := slices.Clone(cs)
				slices.SortStableFunc(want, func(x, y *claims.Claim) int { return x.Start - y.Start })
				buf = sortByStart(cs, buf)
				for i := range cs {
					if cs[i] != want[i] {
						t.Fatalf("n=%d runs=%d spread=%d: claim %d differs", n, runs, spread, i)
					}
				}
				for _, c := range buf[:cap(buf)] {
					if c != nil {
						t.Fatalf("n=%d runs=%d: buf keeps a claim", n, runs)
					}
				}
			}
		}
	}
}
