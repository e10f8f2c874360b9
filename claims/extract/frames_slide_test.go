package extract

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// nearestRef is the trigger of frame f that weighByMask reads over
// ev[lo:hi] where no break stands between: in text order, the nearest by
// gap, of two as near the earlier.
func nearestRef(ev []evidence, f, lo, hi, ci, ce int) (k, d int, ok bool) {
	pc := placer{ci: ci, ce: ce}
	k, d = -1, -1
	for i := lo; i < hi; i++ {
		if ev[i].fmask&(1<<f) == 0 {
			continue
		}
		if g := pc.gap(&ev[i]); d < 0 || g < d {
			k, d = i, g
		}
	}
	return k, d, k >= 0
}

// TestTriggerIndexNearest holds triggerIndex.nearest to the reading in
// text order, over evidence with sorted ends (phrases overlapping claims,
// several pieces ending together), for claims in text order and out of
// it, and windows around them of every reach.
func TestTriggerIndexNearest(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 16))
	var ix triggerIndex
	asked := 0
	for trial := range 200 {
		var ev []evidence
		at, end := 0, 0
		for range 1 + r.IntN(150) {
			at += r.IntN(4)
			end = max(end, at+1+r.IntN(3)) // ends do not decrease
			if r.IntN(6) == 0 {
				end = max(end, at+1) // as the piece before
			}
			var m uint64
			for range r.IntN(3) {
				m |= 1 << r.IntN(5)
			}
			if trial%7 == 0 {
				m |= 1 << 63
			}
			ev = append(ev, evidence{start: at, end: end, attr: -1, fmask: m})
			at++
		}
		ix.over(ev, trial, nil) // each trial a sentence of its own (no attribute words)
		ci := 0
		for range 60 {
			if r.IntN(10) == 0 {
				ci = r.IntN(at + 5) // out of order
			} else {
				ci += r.IntN(5)
			}
			ce := ci + 1 + r.IntN(3)
			// A window around the claim, as evidenceWindow finds it
			// (of frameWindow or any other reach), or all of it.
			reach := r.IntN(12)
			lo := searchEvidence(ev, func(e *evidence) bool { return e.end >= ci-reach })
			hi := max(lo, searchEvidence(ev, func(e *evidence) bool { return e.start > ce+reach }))
			if r.IntN(4) == 0 {
				lo, hi = 0, len(ev)
			}
			ix.moveTo(ev, ce)
			for _, f := range []int{0, 1, 2, 3, 4, 5, 63} {
				k, d, ok := ix.nearest(ev, f, lo, hi, ci, ce)
				wk, wd, wok := nearestRef(ev, f, lo, hi, ci, ce)
				if k != wk || ok != wok || ok && d != wd {
					t.Fatalf("trial %d, claim [%d,%d), window [%d,%d), frame %d: piece %d at %d (%v), want %d at %d (%v)", trial, ci, ce, lo, hi, f, k, d, ok, wk, wd, wok)
				}
				asked++
			}
		}
	}
	if asked == 0 {
		t.Fatal("nothing asked")
	}
}

// longPage is a page of event words, attribute words, figures and dates
// with no full stop (read by windows: see frameSentenceCap), a comma or
// a clause word here and there so that some windows are not flat.
func longPage(r *rand.Rand, lang string, n int) string {
	words := map[string][]string{
		"en": {"said", "meeting", "held", "killed", "injured", "deaths", "votes", "percent", "magnitude", "quake", "election", "treaty", "signed", "summit", "congress", "turnout", "people", "the", "in", "of", "after", "km", "dead"},
		"id": {"rapat", "tewas", "pemilu", "gempa", "korban", "persen", "suara", "orang", "digelar", "luka-luka", "magnitudo", "di", "yang", "dan"},
	}[lang]
	months := map[string][]string{"en": {"January", "March", "May", "October"}, "id": {"Januari", "Maret", "Agustus", "Desember"}}[lang]
	var b strings.Builder
	for k := range n {
		if k > 0 {
			b.WriteByte(' ')
		}
		switch x := r.IntN(20); {
		case x < 10:
			b.WriteString(words[r.IntN(len(words))])
		case x < 14:
			b.WriteString(strings.Repeat("1", 1+r.IntN(3)))
		case x < 16:
			b.WriteString(months[r.IntN(len(months))] + " " + string(rune('1'+r.IntN(9))))
		case x < 18:
			b.WriteString("20" + string(rune('0'+r.IntN(3))) + string(rune('0'+r.IntN(10))))
		case x < 19 && r.IntN(8) == 0:
			b.WriteString(",")
		default:
			b.WriteString(words[r.IntN(len(words))])
		}
	}
	return b.String()
}

// TestWeighIndexed: frame assignment gives every claim of pages without a
// full stop the same frame, attribute, triggers and the rest with the
// triggers' index (weighIndexed) as with each window read piece by piece
// (weighByMask).
func TestWeighIndexed(t *testing.T) {
	e := engineForTest(t)
	if len(e.Rules.Frames) > 64 {
		t.Skip("more than 64 frames: no index")
	}
	r := rand.New(rand.NewPCG(3, 14))
	framed := 0
	for trial := range 12 {
		lang := []string{"en", "id"}[trial%2]
		text := longPage(r, lang, 600+r.IntN(900))
		var got [2][]claims.Claim
		for k, plain := range []bool{false, true} {
			p := passOver(e, lang, text)
			fa := frameAssigner{p: p, set: e.Rules, claims: len(p.claims), plainWeigh: plain}
			for _, c := range p.claims {
				if !c.Dateline {
					fa.assign(c)
				}
			}
			for _, c := range p.claims {
				got[k] = append(got[k], *c)
				if k == 0 && c.Frame != "" {
					framed++
				}
			}
		}
		if len(got[0]) != len(got[1]) {
			t.Fatalf("trial %d: %d claims, %d plain", trial, len(got[0]), len(got[1]))
		}
		for k := range got[0] {
			if !reflect.DeepEqual(got[0][k], got[1][k]) {
				t.Errorf("trial %d, claim %q: indexed\n%+v\nplain\n%+v", trial, got[0][k].Text, got[0][k], got[1][k])
			}
		}
	}
	if framed < 100 {
		t.Fatalf("%d claims framed: the test tests little", framed)
	}
}
