package extract

import "github.com/crosscheck/crosscheck/claims"

// sortByStart orders cs by Start, claims that start at the same byte in
// the order they came (as slices.SortStableFunc orders them), using buf
// as working storage; it returns buf, grown if it had to be, for reuse.
//
// The steps report their claims in text order, each step's after the
// last's, so cs is a few sorted runs: those are merged, pair by pair, in a
// pass over the claims each. The stable sort compared each claim with
// those of the other runs it passed, through a call each (a few thousand
// instructions a news article, and 1% of extraction on a page of dates).
// Any stable order by Start is this one, so the merge gives the sort's.
func sortByStart(cs, buf []*claims.Claim) []*claims.Claim {
	if len(cs) < 2 {
		return buf
	}
	for {
		i := runEnd(cs, 0)
		if i == len(cs) {
			return buf
		}
		for a := 0; i < len(cs); {
			b := runEnd(cs, i)
			buf = mergeRuns(cs[a:b], i-a, buf)
			if b == len(cs) {
				break
			}
			a, i = b, runEnd(cs, b)
		}
	}
}

// runEnd returns the end of the run of claims in order by Start that
// starts at i.
func runEnd(cs []*claims.Claim, i int) int {
	for i++; i < len(cs) && cs[i-1].Start <= cs[i].Start; i++ {
	}
	return i
}

// mergeRuns merges the sorted runs cs[:m] and cs[m:] in place, the first
// run's claim first among equals, copying the first run into buf (grown
// if short, and returned). The copies are cleared again: buf is pooled
// with the scratch, which must keep no claim alive.
func mergeRuns(cs []*claims.Claim, m int, buf []*claims.Claim) []*claims.Claim {
	if cap(buf) < m {
		buf = make([]*claims.Claim, m)
	}
	left := buf[:m]
	copy(left, cs[:m])
	i, j, k := 0, m, 0
	for i < len(left) && j < len(cs) {
		if cs[j].Start < left[i].Start {
			cs[k] = cs[j]
			j++
		} else {
			cs[k] = left[i]
			i++
		}
		k++
	}
	copy(cs[k:], left[i:]) // what is left of cs[m:] is in place
	clear(left)
	return buf
}
