package rules

import (
	"math/rand/v2"
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

// TestDueRulesOut checks that visit's due test turns away only groups
// that their own tests turn away: for random masks of the bits a list's
// groups need, wherever a group's due bits are not all in the union over
// the list's reach, its need test over its width or a spot of it fails
// on a plain reading of the masks.
func TestDueRulesOut(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	ruled := 0
	for _, c := range candLists(t) {
		var bits []uint64
		for b := c.due | c.any; b != 0; b &= b - 1 {
			bits = append(bits, b&-b)
		}
		if len(bits) == 0 {
			continue
		}
		for range 200 {
			n := 1 + r.IntN(2*windowMax)
			masks := make([]uint64, n)
			for k := range masks {
				if r.IntN(3) == 0 {
					masks[k] = bits[r.IntN(len(bits))]
				}
				if r.IntN(15) == 0 {
					masks[k] |= lineBit
				}
			}
			i := r.IntN(n)
			var w maskWindow
			w.start(masks, i, n-i)
			miss := c.due &^ w.upTo(c.reach)
			for k := range c.groups {
				g := &c.groups[k]
				if g.due&miss == 0 {
					continue
				}
				ruled++
				require.False(t, plainNeedsMet(masks, i, g), "masks %x from %d group %+v reach %d", masks, i, *g, c.reach)
			}
		}
	}
	require.Positive(t, ruled)
}

// plainNeedsMet is the need and spot tests of group g at token i read
// plainly from the masks: every needed bit within the group's width, and
// each spot's bit from its lo to its hi, before the next line.
func plainNeedsMet(masks []uint64, i int, g *candGroup) bool {
	if windowUnion(masks, i, len(masks)-i, g.width-1)&g.need != g.need {
		return false
	}
	for _, s := range g.spots {
		found := false
		for k := 0; k <= s.hi && i+k < len(masks); k++ {
			if k > 0 && masks[i+k]&lineBit != 0 {
				break
			}
			found = found || k >= s.lo && masks[i+k]&s.bit != 0
		}
		if !found {
			return false
		}
	}
	return true
}
