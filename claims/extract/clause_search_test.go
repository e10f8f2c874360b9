package extract

import (
	"math/rand"
	"sort"
	"testing"
)

// clauseSearchRef is clauseSearch as it was, by two binary searches over
// the whole sentence: the reference the galloping searches are held to.
func clauseSearchRef(clause []int32, a, b, i int) (int, int) {
	ca, cb := i, i
	if i > a {
		n := clause[i]
		ca = a + sort.Search(i-a, func(j int) bool { return clause[a+j] == n })
	}
	if i < b {
		n := clause[i]
		cb = i + sort.Search(b-i, func(j int) bool { return clause[i+j+1] > n })
	}
	return ca, cb
}

// breakCounts makes the prefix counts of a run of tokens from whether a
// break stands after each: counts[k] is the breaks before token k,
// starting from base (a run's counts start anywhere).
func breakCounts(breaks []bool, base int32) []int32 {
	counts := make([]int32, len(breaks)+1)
	counts[0] = base
	for k, br := range breaks {
		counts[k+1] = counts[k]
		if br {
			counts[k+1]++
		}
	}
	return counts
}

// checkClauseSearch compares the galloping search with the reference for
// every token of every sentence [a, b) of counts, a token before a, and b.
func checkClauseSearch(t *testing.T, counts []int32, a, b int) {
	t.Helper()
	for i := max(a-1, 0); i <= b; i++ {
		ca, cb := i, i
		if i > a {
			ca = clauseStart(counts, a, i)
		}
		if i < b {
			cb = clauseEnd(counts, i, b)
		}
		ra, rb := clauseSearchRef(counts, a, b, i)
		if ca != ra || cb != rb {
			t.Fatalf("counts %v, sentence [%d, %d), token %d: got [%d, %d), want [%d, %d)",
				counts, a, b, i, ca, cb, ra, rb)
		}
	}
}

func TestClauseSearchMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	for _, n := range []int{1, 2, 3, 5, 8, 17, 64, 100, 513} {
		for _, density := range []float64{0, 0.02, 0.2, 0.5, 0.9, 1} {
			for trial := 0; trial < 8; trial++ {
				breaks := make([]bool, n)
				for k := range breaks {
					breaks[k] = rng.Float64() < density
				}
				counts := breakCounts(breaks, int32(rng.Intn(1000)))
				// The whole run as one sentence (its first and last
				// tokens included), and a random sentence inside it.
				checkClauseSearch(t, counts, 0, n)
				a := rng.Intn(n + 1)
				checkClauseSearch(t, counts, a, a+rng.Intn(n-a+1))
			}
		}
	}
}

// A long sentence of short clauses, as clock times make: the case the
// galloping search is for.
func TestClauseSearchLongSentence(t *testing.T) {
	breaks := make([]bool, 5000)
	for k := 3; k < len(breaks); k += 7 {
		breaks[k] = true
	}
	checkClauseSearch(t, breakCounts(breaks, 0), 0, len(breaks))
	checkClauseSearch(t, breakCounts(breaks, 0), 1000, 4001)
}

func FuzzClauseSearch(f *testing.F) {
	f.Add([]byte{0, 1, 0, 0, 1, 1, 0}, uint8(1), uint8(5))
	f.Add([]byte{}, uint8(0), uint8(0))
	f.Add([]byte{1, 1, 1, 1}, uint8(0), uint8(4))
	f.Fuzz(func(t *testing.T, layout []byte, a8, b8 uint8) {
		breaks := make([]bool, len(layout))
		for k, c := range layout {
			breaks[k] = c&1 != 0
		}
		counts := breakCounts(breaks, 0)
		a := int(a8) % (len(breaks) + 1)
		b := a + int(b8)%(len(breaks)-a+1)
		checkClauseSearch(t, counts, a, b)
	})
}
