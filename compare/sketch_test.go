package compare

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// sketchEstimates gives exactly what a filled sketch counts, collisions
// and saturation included: enough shingles that most queried counters
// are shared, some held by hundreds of documents.
func TestSketchEstimatesAsSketch(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a 16 MB sketch with millions of shingles")
	}
	rng := rand.New(rand.NewSource(3))
	seen := map[uint64]bool{}
	var counts []shingleCount
	for len(counts) < 3_000_000 {
		h := rng.Uint64()
		if seen[h] {
			continue
		}
		seen[h] = true
		n := 1 + rng.Intn(3)
		if rng.Intn(1000) == 0 {
			n = 40 + rng.Intn(300) // around the boilerplate line, and past saturation
		}
		counts = append(counts, shingleCount{h, n})
	}
	sk := newShingleCounts()
	for _, c := range counts {
		for range c.n {
			sk.add([]uint64{c.h})
		}
	}
	var queried []uint64
	truth := map[uint64]int{}
	for i, c := range counts {
		if i%100 == 0 || c.n >= 40 {
			queried = append(queried, c.h)
			truth[c.h] = c.n
		}
	}
	est := sketchEstimates(counts, queried)
	over := 0
	for i, q := range queried {
		require.Equal(t, sk.count(q), est[i], "shingle %d", i)
		if est[i] > min(truth[q], 255) {
			over++ // raised by a collision in every row
		}
	}
	t.Logf("%d shingles queried; %d estimates raised by collisions", len(queried), over)
	require.Empty(t, sketchEstimates(counts, nil))
}

// slotSums sums as a map by counter does, through resets, with counters
// that share their low bits (the table's first probe) and counter 0.
func TestSlotSumsAsMap(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	sums := newSlotSums(50)
	for round := range 5 {
		sums.reset()
		want := map[uint64]int{}
		for range 50 {
			s := uint64(rng.Intn(1 << sketchBits))
			if rng.Intn(3) == 0 {
				s = uint64(rng.Intn(4)) << 20 // low bits 0: one probe chain
			}
			n := rng.Intn(10)
			*sums.at(s) += n
			want[s] += n
		}
		for s, n := range want {
			require.Equal(t, n, *sums.at(s), "round %d: counter %d", round, s)
		}
		require.Equal(t, 0, *sums.at(1<<sketchBits + uint64(round)), "round %d: a new counter", round)
	}
}
