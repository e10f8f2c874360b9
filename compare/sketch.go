package compare

// shingleCounts estimates in how many documents each shingle occurs, in
// fixed memory (a count-min sketch: 4 rows of 2^22 saturating byte
// counters, 16 MB), so that an archive run need not keep every shingle to
// tell boilerplate (a phrase in more than 50 documents) from text two
// articles share. An estimate is never below the true count and, with a
// few million shingles, almost always equal to it: it can only make a
// shingle count as boilerplate, never the reverse. Compare and Stream use
// the same sketch, so they agree.
type shingleCounts struct {
	rows [sketchRows][]uint8
}

const (
	sketchRows = 4
	sketchBits = 22
)

func newShingleCounts() *shingleCounts {
	s := &shingleCounts{}
	for r := range s.rows {
		s.rows[r] = make([]uint8, 1<<sketchBits)
	}
	return s
}

// slot is row r's counter for hash h: a multiply-shift hash per row over
// the shingle's 64-bit FNV hash.
func slot(h uint64, r int) uint64 {
	return (h * sketchMult[r]) >> (64 - sketchBits)
}

// sketchMult are the rows' odd multipliers.
var sketchMult = [sketchRows]uint64{0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93}

// add counts one document having each of hs (distinct).
func (s *shingleCounts) add(hs []uint64) {
	for _, h := range hs {
		for r := range s.rows {
			if c := &s.rows[r][slot(h, r)]; *c < 255 {
				*c++
			}
		}
	}
}

// count is the estimate for h.
func (s *shingleCounts) count(h uint64) int {
	m := 255
	for r := range s.rows {
		m = min(m, int(s.rows[r][slot(h, r)]))
	}
	return m
}

// shingleCount is a distinct shingle and how many documents have it.
type shingleCount struct {
	h uint64
	n int
}

// sketchEstimates returns, for each shingle of queried (est[i] for
// queried[i]), the count a shingleCounts would give once every shingle of
// counts had been added (each by as many documents as it counts): the
// minimum over the rows of the saturating sum at its counter. A run that
// holds every shingle at once (Compare) gets the sketch's answers, and so
// agrees with Stream, without filling 16 MB of counters at random: only
// the counters the queried shingles read are summed, found through a
// 512 KB bitmap per row, their sums kept in a small table by counter
// (slotSums; maps keyed by shingle and by counter were most of the time).
func sketchEstimates(counts []shingleCount, queried []uint64) []int {
	est := make([]int, len(queried))
	if len(queried) == 0 {
		return est
	}
	for i := range est {
		est[i] = 255
	}
	need := make([]uint64, 1<<sketchBits/64)
	sums := newSlotSums(len(queried))
	for r := range sketchRows {
		sums.reset()
		for _, q := range queried {
			s := slot(q, r)
			need[s/64] |= 1 << (s % 64)
			sums.at(s)
		}
		for _, c := range counts {
			if s := slot(c.h, r); need[s/64]&(1<<(s%64)) != 0 {
				*sums.at(s) += c.n
			}
		}
		for i, q := range queried {
			s := slot(q, r)
			est[i] = min(est[i], *sums.at(s))
			need[s/64] = 0 // cleared for the next row
		}
	}
	return est
}

// slotSums is a sum per sketch counter, for the few counters
// sketchEstimates reads: open addressing over the counter's index, which
// is a hash's top bits already.
type slotSums struct {
	slots []uint64 // counter index + 1; 0 when free
	sums  []int
}

// newSlotSums holds sums for up to n counters.
func newSlotSums(n int) *slotSums {
	size := 1
	for size < 2*n {
		size *= 2
	}
	return &slotSums{slots: make([]uint64, size), sums: make([]int, size)}
}

// reset forgets every counter.
func (t *slotSums) reset() {
	clear(t.slots)
	clear(t.sums)
}

// at returns counter s's sum, from 0 when new.
func (t *slotSums) at(s uint64) *int {
	mask := uint64(len(t.slots) - 1)
	for i := s & mask; ; i = (i + 1) & mask {
		switch t.slots[i] {
		case s + 1:
			return &t.sums[i]
		case 0:
			t.slots[i] = s + 1
			return &t.sums[i]
		}
	}
}
