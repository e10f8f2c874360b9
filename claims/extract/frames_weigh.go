package extract

import (
	mbits "math/bits"

	"github.com/crosscheck/crosscheck/rules"
)

// weighing is candidates' reading of a window's evidence for one claim:
// what each piece tells each evoked frame (frameScore), by the placer's
// distances, in text order: every reading is a minimum (the nearest
// trigger, the nearest attribute word; of two as near, the earlier) or a
// flag.
type weighing struct {
	scores []frameScore
	// slot is by frame its index in scores. For rules of more than 64
	// frames (byList) it is -1 for a frame not scored; by mask it is
	// read only for a frame of scored (scoreOf), and a frame not scored
	// may hold any index: candidates sets the slots of a claim's scored
	// frames and clears none, where clearing each after the claim cost
	// a loop over the scores, in a run of event words.
	slot    []int32
	set     *rules.Set
	memo    []int8 // the claim's accepts memo (acceptsOf)
	pc      *placer
	ev      []evidence
	numeric bool // the claim is a figure: evidence across a clause does not count, nor attribute words beyond numericReach
	// byMask says the rules have no more than 64 frames, so that a
	// trigger's frames are the bits of its evidence's fmask: read there,
	// not from the rules' list (a load of the list and of its header, for
	// every word of a window in a run of event words).
	byMask bool
	// scored has bit f set for each frame f < 64 that is scored (by
	// mask): the evoked frames some attribute of which takes the claim,
	// whose scores are in the order of their bits.
	scored uint64
	// bound is nearestBound(scores) when weighIndexed has read it along
	// with the triggers, -1 when not.
	bound int
}

// scoreOf is the index in scores of frame f (below 64) by mask, or -1
// when f is not scored: its slot, read only when scored holds f. It
// inlines.
func scoreOf(scored uint64, slot []int32, f int) int {
	if scored&(1<<(uint(f)&63)) == 0 {
		return -1
	}
	return int(slot[f])
}

// weigh reads the evidence into the scores, in text order. (The loop is
// here rather than in candidates: a call for each piece of evidence was a
// tenth of the reading.)
func (w *weighing) weigh() {
	if w.byMask {
		w.weighByMask()
	} else {
		w.weighByList()
	}
}

// weighByMask is weigh for rules of no more than 64 frames, which reads a
// trigger's frames from its evidence's mask. (It calls nothing, and needs
// no stack frame of its own.)
func (w *weighing) weighByMask() {
	// The weighing's fields and the placer's are read into locals once:
	// read through w, each was loaded again for every piece of evidence
	// (a store to a score may, for all the compiler knows, change them),
	// which in a run of event words was a third of the loop.
	scores, slot, memo, scored := w.scores, w.slot, w.memo, w.scored
	refs, evs, numeric := w.set.AttrRefs, w.ev, w.numeric
	pc := *w.pc
	flat := pc.flat(evs)
	for k := range evs {
		ev := &evs[k]
		var pl place
		if flat {
			pl.d = pc.gap(ev) // (no count to read: see placer.flat)
		} else {
			pl = pc.at(ev)
		}
		d := pl.d
		bits := ev.fmask & scored // the trigger's frames that are scored
		if pl.clause {
			if numeric {
				// A number belongs to its own clause.
				for ; bits != 0; bits &= bits - 1 {
					scores[slot[mbits.TrailingZeros64(bits)]].triggeredAcross = true
				}
				continue
			}
			d += clausePenalty // a date may reach across one, at a cost
		}
		for ; bits != 0; bits &= bits - 1 {
			scores[slot[mbits.TrailingZeros64(bits)]].trigger(pl.comma, d, k)
		}
		if ev.attr < 0 || numeric && d > numericReach {
			continue
		}
		for _, r := range refs[ev.attr] {
			if j := scoreOf(scored, slot, r.Frame); j >= 0 { // (-1: a frame not scored)
				scores[j].attribute(memo, pl.comma, r.Attr, d, k)
			}
		}
	}
}

// weighByList is weigh for rules of more than 64 frames, which reads a
// trigger's frames from the rules' list rather than its evidence's mask.
func (w *weighing) weighByList() {
	for k := range w.ev {
		ev := &w.ev[k]
		pl := w.pc.at(ev)
		d := pl.d
		if pl.clause {
			if w.numeric {
				// A number belongs to its own clause.
				for _, f := range ev.frames(w.set) {
					if j := w.slot[f]; j >= 0 {
						w.scores[j].triggeredAcross = true
					}
				}
				continue
			}
			d += clausePenalty // a date may reach across one, at a cost
		}
		for _, f := range ev.frames(w.set) {
			if j := w.slot[f]; j >= 0 {
				w.scores[j].trigger(pl.comma, d, k)
			}
		}
		if w.numeric && d > numericReach {
			continue
		}
		for _, r := range ev.attrs(w.set) {
			if j := w.slot[r.Frame]; j >= 0 {
				w.scores[j].attribute(w.memo, pl.comma, r.Attr, d, k)
			}
		}
	}
}

// trigger reads a trigger of sc's frame at distance d, evidence k, with
// a comma between when comma.
func (sc *frameScore) trigger(comma bool, d, k int) {
	if sc.noCompare && comma {
		return // ", police said" does not date the event before it
	}
	sc.triggered = true
	if sc.bestDist < 0 || d < sc.bestDist {
		sc.bestDist, sc.bestK = d, k
	}
}

// attribute reads a word of attribute ai of sc's frame at distance d,
// evidence k, with a comma between when comma: it counts when the
// attribute takes the claim (memo, the claim's accepts memo).
func (sc *frameScore) attribute(memo []int8, comma bool, ai, d, k int) {
	if sc.noCompare && comma {
		return
	}
	if memo[sc.accept+ai] == 1 && (sc.bestAttrDist < 0 || d < sc.bestAttrDist) {
		sc.bestAttr, sc.bestAttrDist, sc.bestAttrK = ai, d, k
	}
}
