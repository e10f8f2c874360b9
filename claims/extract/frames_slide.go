package extract

import (
	mbits "math/bits"

	"github.com/crosscheck/crosscheck/rules"
)

// triggerIndex lists, by frame, the pieces of one over-long sentence's
// evidence whose triggers evoke it, so that a claim's nearest trigger of
// each scored frame is found at the ends of its window's run in that
// list, not by reading every piece of the window (weighByMask). On a page
// of event words with no full stop (read by windows of frameWindow
// tokens each side) the window holds some twenty pieces for each figure
// and date, and reading them was the largest part of the frame step.
//
// It serves rules of no more than 64 frames (a piece's frames are the
// bits of its fmask), and evidence whose ends do not decrease
// (windowCursor.sorted): then, of the pieces that start before a claim
// ends, the later stands no further from it (gap), and of those that
// start at or after its end, the earlier; so the nearest trigger of a
// frame is the last of the one run or the first of the other.
type triggerIndex struct {
	sent, n int // the sentence (its first token plus one) and the number of pieces indexed; 0: none yet
	// pos holds, by frame, the indexes in the sentence's evidence of
	// the pieces evoking it, in text order; each a part of buf.
	pos [64][]int32
	// before holds, by frame, how many of its pieces start before the
	// last claim's end (ce): where in pos those that start at or after
	// it begin. next is the first piece of the evidence that starts at
	// or after ce. Claims come in text order, so next moves a piece or
	// two from one claim to the next, and each piece it passes moves
	// its frames' counts by one.
	before [64]int32
	next   int
	buf    []int32
	// amask holds, by piece, the frames its attribute word names (none
	// for a trigger alone), so that weighIndexed passes over a word of
	// no frame scored for the claim without reading its attributes.
	amask []uint64
}

// over makes ix the index of ev, the evidence of the sentence starting at
// token a, unless it is already; refs is the rules' AttrRefs.
func (ix *triggerIndex) over(ev []evidence, a int, refs [][]rules.AttrRef) {
	if ix.sent == a+1 && ix.n == len(ev) {
		return
	}
	ix.sent, ix.n, ix.next = a+1, len(ev), 0
	if cap(ix.amask) < len(ev) {
		ix.amask = make([]uint64, len(ev))
	}
	ix.amask = ix.amask[:len(ev)]
	for k := range ev {
		var m uint64
		if ev[k].attr >= 0 {
			for _, r := range refs[ev[k].attr] {
				m |= 1 << (r.Frame & 63) // (byMask: below 64)
			}
		}
		ix.amask[k] = m
	}
	var count [64]int32
	total := 0
	for k := range ev {
		for bits := ev[k].fmask; bits != 0; bits &= bits - 1 {
			count[mbits.TrailingZeros64(bits)]++
			total++
		}
	}
	if cap(ix.buf) < total {
		ix.buf = make([]int32, total)
	}
	buf := ix.buf[:total]
	at := int32(0)
	for f := range ix.pos {
		ix.pos[f] = buf[at : at : at+count[f]]
		at += count[f]
		ix.before[f] = 0
	}
	for k := range ev {
		for bits := ev[k].fmask; bits != 0; bits &= bits - 1 {
			f := mbits.TrailingZeros64(bits)
			ix.pos[f] = append(ix.pos[f], int32(k))
		}
	}
}

// moveTo moves the counts of pieces before the claim's end to end ce.
func (ix *triggerIndex) moveTo(ev []evidence, ce int) {
	k := ix.next
	for k < len(ev) && ev[k].start < ce {
		for bits := ev[k].fmask; bits != 0; bits &= bits - 1 {
			ix.before[mbits.TrailingZeros64(bits)]++
		}
		k++
	}
	for k > 0 && ev[k-1].start >= ce {
		k-- // (a claim out of text order)
		for bits := ev[k].fmask; bits != 0; bits &= bits - 1 {
			ix.before[mbits.TrailingZeros64(bits)]--
		}
	}
	ix.next = k
}

// nearest returns the piece of ev (the indexed evidence) in [lo, hi) with
// a trigger of frame f that stands nearest the claim at tokens [ci, ce)
// by placer.gap, and its distance; of pieces as near, the earliest: the
// trigger weighByMask reads for f over ev[lo:hi] where no clause break or
// comma stands between (placer.flat). ok is false when no piece of the
// window evokes f. moveTo has moved the index to ce, and the window is
// one around the claim, as evidenceWindow's are: it holds every piece
// between its ends and the claim, so that the first piece starting after
// the claim is in it unless past hi, and the last before unless before
// lo.
func (ix *triggerIndex) nearest(ev []evidence, f, lo, hi, ci, ce int) (k, d int, ok bool) {
	list, j := ix.pos[f&63], int(ix.before[f&63])
	k = -1
	if j > 0 && j <= len(list) {
		if i := j - 1; int(list[i]) >= lo {
			// The last piece before the claim's end is the nearest
			// of those; an earlier one ending with it (or past the
			// claim's start, as it does) is as near, and wins.
			d = max(ci-ev[list[i]].end, 0)
			for i > 0 && int(list[i-1]) >= lo && max(ci-ev[list[i-1]].end, 0) == d {
				i--
			}
			k = int(list[i])
		}
	}
	if j < len(list) {
		// The first piece at or after the claim's end, which a piece
		// before it as near beats.
		if a := int(list[j]); a < hi {
			if da := ev[a].start - ce; k < 0 || da < d {
				k, d = a, da
			}
		}
	}
	return k, d, k >= 0
}

// weighIndexed is weighByMask for a window that starts at piece lo of
// the indexed evidence sent (w.ev is sent[lo:lo+len(w.ev)]) and that the
// placer finds flat: no clause break and no comma between the claim and
// any piece, so that each piece's place is its gap alone. The scored
// frames' triggers come from the index; the attribute words are read in
// text order (only those of a scored frame, and a figure's only within
// numericReach).
func (w *weighing) weighIndexed(ix *triggerIndex, sent []evidence, lo int) {
	pc := w.pc
	hi := lo + len(w.ev)
	ix.moveTo(sent, pc.ce)
	ci, ce := pc.ci, pc.ce
	bound := maxReach // nearestBound(w.scores), at one test per trigger found
	for j := range w.scores {
		sc := &w.scores[j]
		if k, d, ok := ix.nearest(sent, sc.frame&63, lo, hi, ci, ce); ok { // (byMask: below 64)
			// (trigger's reading, with no comma between and the
			// nearest first)
			sc.triggered, sc.bestDist, sc.bestK = true, d, k-lo
			if sc.def > 0 {
				bound = min(bound, d)
			}
		}
	}
	w.bound = bound
	scores, slot, scored, memo, refs, evs := w.scores, w.slot, w.scored, w.memo, w.set.AttrRefs, w.ev
	from, to := 0, len(evs)
	if w.numeric {
		// A figure reads no attribute word further than numericReach:
		// the pieces from the first ending near enough before it to the
		// last starting near enough after it, found from the first
		// piece starting at or after the claim's end (moveTo's), out:
		// a few pieces each way, where the window's ends are some ten
		// pieces from them.
		at := min(max(ix.next-lo, 0), len(evs))
		for from = at; from > 0 && evs[from-1].end >= ci-numericReach; from-- {
		}
		for to = at; to < len(evs) && evs[to].start <= ce+numericReach; to++ {
		}
	}
	amask := ix.amask[lo : lo+len(evs)]
	for k := from; k < to; k++ {
		if amask[k]&scored == 0 {
			continue // no attribute word, or none of a frame scored
		}
		ev := &evs[k]
		d := pc.gap(ev)
		if w.numeric && d > numericReach {
			continue
		}
		for _, r := range refs[ev.attr] {
			if j := scoreOf(scored, slot, r.Frame); j >= 0 {
				scores[j].attribute(memo, false, r.Attr, d, k)
			}
		}
	}
}
