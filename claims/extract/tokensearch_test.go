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
	for n := 0; n < 80; n++ {
		toks := make([]token.Token, n)
		off := 0
		gap := 4 + n%2*12 // tokens near and far apart (firstTokenFrom's nearBytes)
		for i := range toks {
			off += 1 + r.IntN(gap)
			toks[i].Start, toks[i].End = off, off+1 // End: firstTokenFrom's guess reads the last
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

// TestNextLineStart: the four-at-a-time search for a line's first token
// answers what a test of each token does, from every start, on token runs
// of every length with line starts scattered, packed and absent.
func TestNextLineStart(t *testing.T) {
	reference := func(toks []token.Token, i int) int {
		for ; i < len(toks); i++ {
			if toks[i].Is(token.NewlineBefore) {
				return i
			}
		}
		return len(toks)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for _, per := range []int{0, 1, 2, 5, 13} { // one line start in per tokens (0: none)
		for n := 0; n < 40; n++ {
			toks := make([]token.Token, n)
			for i := range toks {
				toks[i].Flags = token.SpaceBefore
				if per > 0 && r.IntN(per) == 0 {
					toks[i].Flags |= token.NewlineBefore
				}
				if r.IntN(3) == 0 {
					toks[i].Flags |= token.Capital // other flags must not count
				}
			}
			for i := 0; i <= n; i++ {
				if got, want := nextLineStart(toks, i), reference(toks, i); got != want {
					t.Fatalf("per=%d n=%d from %d: got %d, want %d", per, n, i, got, want)
				}
			}
		}
	}
}
