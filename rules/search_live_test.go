package rules

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// candLists is every candidate list of the built-in languages' date
// indexes (the lists of words, of digits by class, of ordinal words, and
// a sign's list without its numbers).
func candLists(t *testing.T) []*candList {
	t.Helper()
	set, err := Builtin()
	require.NoError(t, err)
	seen := map[*candList]bool{}
	var out []*candList
	add := func(c *candList) {
		if c != nil && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, code := range set.Codes {
		l := set.Languages[code]
		for _, x := range []*Index{
			NewIndex(l, l.Dates, l.Relative, l.Durations),
			newIndexIn(NewVocab(l), true, l.Dates, l.Relative, l.Durations),
		} {
			for _, k := range x.byID {
				add(k.list)
				if k.list != nil {
					add(k.list.bare)
				}
			}
			for _, c := range x.numLists {
				add(c)
			}
			add(x.ordList)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// TestGroupsByReach checks the order visit's reach test relies on to
// stop at the first group whose anchor is out of reach: the groups of a
// bit go from the farthest reach to the nearest.
func TestGroupsByReach(t *testing.T) {
	for _, c := range candLists(t) {
		for b := 0; b < 64; b++ {
			gs := c.groups[c.first[b]:c.first[b+1]]
			for k := 1; k < len(gs); k++ {
				require.GreaterOrEqual(t, gs[k-1].reach, gs[k].reach, "bit %d groups %d and %d", b, k-1, k)
				require.Equal(t, uint64(1)<<b, gs[k].bit)
			}
		}
	}
}
