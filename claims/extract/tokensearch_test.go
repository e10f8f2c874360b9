package extract

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestFirstTokenFrom: the search from a hint answers what a plain binary
// search over all the tokens does, from every hint.
func TestFirstTokenFrom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 40; n++ {
		toks := make([]token.Token, n)
		off := 0
		for i := range toks {
			off += 1 + r.IntN(4)
			toks[i].Start = off
		}
		for want := -1; want <= off+2; want++ {
			exp := sort.Search(n, func(i int) bool { return toks[i].Start >= want })
			for hint := -1; hint <= n+1; hint++ {
				if got := firstTokenFrom(toks, want, hint); got != exp {
					t.Fatalf("n=%d off=%d hint=%d: got %d, want %d", n, want, hint, got, exp)
				}
			}
		}
	}
}
