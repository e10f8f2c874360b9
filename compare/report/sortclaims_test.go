package report

import (
	"math/rand"
	"sort"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/assert"
)

// SortClaims orders as a stable sort by document and start does, whether
// the claims come sorted (its shortcut), nearly sorted or shuffled, with
// equal keys keeping their order.
func TestSortClaimsIsStableSort(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n <= 40; n++ {
		for round := 0; round < 20; round++ {
			cs := make([]*claims.Claim, n)
			for i := range cs {
				// IDs tell equal keys apart: the comparison is by value.
				cs[i] = &claims.Claim{ID: strconv.Itoa(i), Doc: string(rune('a' + rng.Intn(3))), Start: rng.Intn(5)}
			}
			want := append([]*claims.Claim(nil), cs...)
			sort.SliceStable(want, func(i, j int) bool {
				if want[i].Doc != want[j].Doc {
					return want[i].Doc < want[j].Doc
				}
				return want[i].Start < want[j].Start
			})
			got := append([]*claims.Claim(nil), cs...)
			SortClaims(got)
			assert.Equal(t, want, got)
			again := append([]*claims.Claim(nil), want...)
			SortClaims(again) // sorted already
			assert.Equal(t, want, again)
			if n > 1 { // one pair out of place
				k := rng.Intn(n - 1)
				again[k], again[k+1] = again[k+1], again[k]
				swapped := append([]*claims.Claim(nil), again...)
				sort.SliceStable(swapped, func(i, j int) bool {
					if swapped[i].Doc != swapped[j].Doc {
						return swapped[i].Doc < swapped[j].Doc
					}
					return swapped[i].Start < swapped[j].Start
				})
				SortClaims(again)
				assert.Equal(t, swapped, again)
			}
		}
	}
}
