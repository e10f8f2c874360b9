package extract

import (
	"math"

	"github.com/crosscheck/crosscheck/rules"
)

// outwardFrom is the number of pieces of evidence from which a figure's
// evidence is weighed from the figure outwards (weighing.outward) rather
// than in text order: only windows of over-long sentences hold so many.
var outwardFrom = 8 // a variable so that tests can set it

// weighing is candidates' reading of a window's evidence for one claim:
// what each piece tells each evoked frame (frameScore), by the placer's
// distances. Every reading is a minimum (the nearest trigger, the nearest
// attribute word; of two as near, the earlier in the text) or a flag set
// once, so the pieces may be read in any order.
type weighing struct {
	scores  []frameScore
	slot    []int32 // by frame: its index in scores
	set     *rules.Set
	memo    []int8 // the claim's accepts memo (acceptsOf)
	pc      *placer
	ev      []evidence
	numeric bool // the claim is a figure: evidence across a clause does not count, nor attribute words beyond numericReach
	// pending counts the frames that take the claim and have no trigger
	// yet (outward).
	pending int
}

// weigh reads evidence k into the scores.
func (w *weighing) weigh(k int) {
	ev := &w.ev[k]
	pl := w.pc.at(ev)
	d, clause := pl.d, pl.clause
	if w.numeric && clause {
		for _, f := range ev.frames(w.set) {
			w.scores[w.slot[f]].triggeredAcross = true
		}
		return // a number belongs to its own clause
	}
	if clause {
		d += clausePenalty // a date may reach across one, at a cost
	}
	for _, f := range ev.frames(w.set) {
		sc := &w.scores[w.slot[f]]
		if sc.noCompare && pl.comma {
			continue // ", police said" does not date the event before it
		}
		if !sc.triggered {
			sc.triggered = true
			if sc.takes {
				w.pending--
			}
		}
		if sc.bestDist < 0 || d < sc.bestDist || d == sc.bestDist && k < sc.bestK {
			sc.bestDist, sc.bestK = d, k
		}
	}
	if w.numeric && d > numericReach {
		return
	}
	for _, r := range ev.attrs(w.set) {
		j := w.slot[r.Frame]
		if j < 0 {
			continue // a frame the sentence does not evoke
		}
		sc := &w.scores[j]
		if sc.noCompare && pl.comma {
			continue
		}
		if w.memo[sc.accept+r.Attr] == 1 && (sc.bestAttrDist < 0 || d < sc.bestAttrDist || d == sc.bestAttrDist && k < sc.bestAttrK) {
			sc.bestAttr, sc.bestAttrDist, sc.bestAttrK = r.Attr, d, k
		}
	}
}

// outward weighs a figure's evidence from the figure outwards, the nearer
// side first, and stops once no piece left can change what candidates
// makes of it: every frame that takes the figure has its trigger nearer
// than any piece left, and no piece left is within numericReach (an
// attribute word further away does not count). Only frames that take the
// figure can be candidates; a frame with no trigger in the figure's clause
// needs the whole window read (its flag for a trigger across a clause).
// In a window of an over-long sentence that is all event words, reading
// every piece for every figure was most of the frame step.
//
// maxSpan is the most tokens a piece takes: a piece before the figure,
// sorted by where it starts, ends no later than that many tokens after
// the start of the one after it.
func (w *weighing) outward(maxSpan int) {
	ev, pc := w.ev, w.pc
	r := searchEvidence(ev, func(e *evidence) bool { return e.start >= pc.ce })
	l := r - 1
	maxBest := -1 // once every frame is triggered: the furthest nearest trigger (no nearer one makes it further)
	for l >= 0 || r < len(ev) {
		// The nearest any piece left can be on each side.
		dl, dr := math.MaxInt, math.MaxInt
		if l >= 0 {
			dl = pc.ci - ev[l].start - maxSpan
		}
		if r < len(ev) {
			dr = ev[r].start - pc.ce
		}
		if d := min(dl, dr); d > numericReach && w.pending == 0 {
			if maxBest < 0 {
				for k := range w.scores {
					if sc := &w.scores[k]; sc.takes {
						maxBest = max(maxBest, sc.bestDist)
					}
				}
			}
			if d > maxBest {
				return
			}
		}
		if dl <= dr {
			w.weigh(l)
			l--
		} else {
			w.weigh(r)
			r++
		}
	}
}
