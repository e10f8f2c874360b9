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
	scores  []frameScore
	slot    []int32 // by frame: its index in scores
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
	// skip has bit f set for each frame f < 64 that the evidence evokes
	// but that is not scored (no attribute of it takes the claim): a
	// frame not scored has slot -1.
	skip uint64
}

// weigh reads the evidence into the scores, in text order. (The loop is
// here rather than in candidates: a call for each piece of evidence was a
// tenth of the reading.)
func (w *weighing) weigh() {
	for k := range w.ev {
		ev := &w.ev[k]
		pl := w.pc.at(ev)
		d, clause := pl.d, pl.clause
		if w.numeric && clause {
			// A number belongs to its own clause.
			if w.byMask {
				for bits := ev.fmask &^ w.skip; bits != 0; bits &= bits - 1 {
					w.scores[w.slot[mbits.TrailingZeros64(bits)]].triggeredAcross = true
				}
				continue
			}
			for _, f := range ev.frames(w.set) {
				if j := w.slot[f]; j >= 0 {
					w.scores[j].triggeredAcross = true
				}
			}
			continue
		}
		if clause {
			d += clausePenalty // a date may reach across one, at a cost
		}
		if w.byMask {
			for bits := ev.fmask &^ w.skip; bits != 0; bits &= bits - 1 {
				w.trigger(&w.scores[w.slot[mbits.TrailingZeros64(bits)]], pl.comma, d, k)
			}
		} else {
			for _, f := range ev.frames(w.set) {
				if j := w.slot[f]; j >= 0 {
					w.trigger(&w.scores[j], pl.comma, d, k)
				}
			}
		}
		if w.numeric && d > numericReach {
			continue
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
			if w.memo[sc.accept+r.Attr] == 1 && (sc.bestAttrDist < 0 || d < sc.bestAttrDist) {
				sc.bestAttr, sc.bestAttrDist, sc.bestAttrK = r.Attr, d, k
			}
		}
	}
}

// trigger reads a trigger of sc's frame at distance d, evidence k, with
// a comma between when comma.
func (w *weighing) trigger(sc *frameScore, comma bool, d, k int) {
	if sc.noCompare && comma {
		return // ", police said" does not date the event before it
	}
	sc.triggered = true
	if sc.bestDist < 0 || d < sc.bestDist {
		sc.bestDist, sc.bestK = d, k
	}
}
