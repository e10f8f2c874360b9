package extract

import "github.com/crosscheck/crosscheck/rules"

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
		sc.triggered = true
		if sc.bestDist < 0 || d < sc.bestDist {
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
		if w.memo[sc.accept+r.Attr] == 1 && (sc.bestAttrDist < 0 || d < sc.bestAttrDist) {
			sc.bestAttr, sc.bestAttrDist, sc.bestAttrK = r.Attr, d, k
		}
	}
}
