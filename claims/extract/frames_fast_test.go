package extract

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// The frame step's fast paths, each held to the simple reading it
// replaced.

// TestNearestCandidate holds nearestCandidate to a stable sort of the
// candidates by (dist, trigDist) and its first element, with few
// distinct distances so that ties are common.
func TestNearestCandidate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := 1 + r.IntN(8)
		choices := make([]frameCandidate, n)
		for k := range choices {
			choices[k] = frameCandidate{frame: k, dist: r.IntN(3), trigDist: r.IntN(3)}
		}
		want := slices.Clone(choices)
		slices.SortStableFunc(want, func(x, y frameCandidate) int {
			if x.dist != y.dist {
				return x.dist - y.dist
			}
			return x.trigDist - y.trigDist
		})
		in := slices.Clone(choices)
		if got := nearestCandidate(in, false); got != want[0] {
			t.Fatalf("nearest of %v: %v, want %v", choices, got, want[0])
		}
		if !slices.Equal(in, choices) {
			t.Fatalf("nearest of %v reordered them: %v", choices, in)
		}
		if got := nearestCandidate(in, true); got != want[0] || !slices.Equal(in, want) {
			t.Fatalf("all of %v: %v, %v, want %v, %v", choices, got, in, want[0], want)
		}
	}
}

// TestSearchEvidence holds searchEvidence to sort.Search.
func TestSearchEvidence(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		var ev []evidence
		at := 0
		for range r.IntN(20) {
			at += r.IntN(4)
			w := 1 + r.IntN(2)
			ev = append(ev, evidence{start: at, end: at + w, fmask: r.Uint64() & r.Uint64() & r.Uint64()})
			at += w
		}
		for x := -2; x <= at+2; x++ {
			want := sort.Search(len(ev), func(i int) bool { return ev[i].end >= x })
			if got := searchEvidence(ev, func(e *evidence) bool { return e.end >= x }); got != want {
				t.Fatalf("end >= %d in %v: %d, want %d", x, ev, got, want)
			}
			want = sort.Search(len(ev), func(i int) bool { return ev[i].start > x })
			if got := searchEvidence(ev, func(e *evidence) bool { return e.start > x }); got != want {
				t.Fatalf("start > %d in %v: %d, want %d", x, ev, got, want)
			}
		}
	}
}

// TestFrameTakes holds the accepts memo to accepts itself: after
// frameTakes, every attribute of the frame is answered as accepts
// answers, and the frame takes the claim when one of them does. Claims of
// one kind share a memo, so each claim is checked on a memo that earlier
// claims (and unitFrame's single answers) filled in part.
func TestFrameTakes(t *testing.T) {
	e := engineForTest(t)
	fa := &frameAssigner{set: e.Rules, p: &Pass{Rules: e.Rules}}
	num := func(kind claims.Kind, unit, counted string) *claims.Claim {
		return &claims.Claim{Kind: kind, Num: &claims.NumberValue{Unit: unit, Counted: counted}}
	}
	cs := []*claims.Claim{
		num(claims.KindCount, "", "people"), num(claims.KindCount, "", ""), num(claims.KindCount, "", "soldiers"),
		num(claims.KindPercent, "%", ""), num(claims.KindQuantity, "magnitude", ""), num(claims.KindQuantity, "km", ""),
		num(claims.KindMoney, "USD", ""), num(claims.KindCount, "", "people"),
		{Kind: claims.KindDate, Date: &claims.DateValue{Gran: claims.GranDay}},
		{Kind: claims.KindDate, Date: &claims.DateValue{Gran: claims.GranYear, Fuzzy: true}},
		{Kind: claims.KindDate, Date: &claims.DateValue{Gran: claims.GranMonth, Range: true}},
	}
	// Again in turns, most recent first and with each claim asked twice,
	// so that kinds are found among the recent ones as well as in the map.
	var turns []*claims.Claim
	for k := len(cs) - 1; k >= 0; k-- {
		turns = append(turns, cs[k], cs[(k+3)%len(cs)], cs[k])
	}
	for _, c := range append(slices.Clone(cs), turns...) {
		fa.unitFrame(c) // a few single answers first, as pick asks them
		memo := fa.acceptsOf(c)
		for fi, fr := range e.Rules.Frames {
			want := false
			for _, at := range fr.Attributes {
				want = want || accepts(at, c)
			}
			if got := fa.frameTakes(memo, fi, c); got != want {
				t.Errorf("%s %+v: frame %s takes %v, want %v", c.Kind, c.Num, fr.Name, got, want)
			}
			for ai, at := range fr.Attributes {
				if got, want := memo[fa.attrBase[fi]+ai] == 1, accepts(at, c); got != want {
					t.Errorf("%s %+v: %s.%s takes %v, want %v", c.Kind, c.Num, fr.Name, at.Name, got, want)
				}
			}
			def := -1
			for ai, at := range fr.Attributes {
				if at.Default && accepts(at, c) {
					def = ai
					break
				}
			}
			if got := fa.defaultOf(memo, fi); int(got)-1 != def {
				t.Errorf("%s %+v: %s: default %d, want %d", c.Kind, c.Num, fr.Name, int(got)-1, def)
			}
		}
	}
}

// TestDefaultPastInt8: a frame's default attribute whose index does not
// fit the accepts memo's int8 is marked for score to look for, and score
// finds it as it finds one that fits.
func TestDefaultPastInt8(t *testing.T) {
	count := func(name string, def bool) *rules.Attribute {
		return &rules.Attribute{Name: name, Kinds: []claims.Kind{claims.KindCount}, Default: def}
	}
	c := &claims.Claim{Kind: claims.KindCount, Num: &claims.NumberValue{}}
	for _, n := range []int{3, 126, 127, 200} {
		fr := &rules.Frame{Name: "big"}
		for ai := range n {
			at := count(fmt.Sprint("a", ai), false)
			if ai < n-1 {
				at.Kinds = []claims.Kind{claims.KindDate} // takes no count
			}
			fr.Attributes = append(fr.Attributes, at)
		}
		fr.Attributes = append(fr.Attributes, count("default", true))
		set := &rules.Set{Frames: []*rules.Frame{{Name: "small", Attributes: []*rules.Attribute{count("x", false)}}, fr}}
		fa := &frameAssigner{set: set, p: &Pass{Rules: set}}
		memo := fa.acceptsOf(c)
		if !fa.frameTakes(memo, 1, c) || !fa.frameTakes(memo, 0, c) {
			t.Fatalf("%d attributes: the frames do not take the count", n)
		}
		if got := fa.defaultOf(memo, 0); got != 0 {
			t.Errorf("%d attributes: small frame's default %d, want 0 (none)", n, got)
		}
		sc := fa.newScore(1, memo)
		sc.triggered, sc.bestDist = true, 0
		cands := fa.score(nil, c, &sc, []evidence{{}}, memo)
		if len(cands) != 1 || cands[0].attr != n || fr.Attributes[cands[0].attr].Name != "default" {
			t.Errorf("%d attributes (default def %d): candidates %+v, want attribute %d", n, sc.def, cands, n)
		}
		if wantLook := n+1 > 127; (sc.def < 0) != wantLook {
			t.Errorf("%d attributes: def %d, looked for: %v", n, sc.def, wantLook)
		}
	}
}

// TestBoundaryMarkers holds boundaries.count, which turns words away by
// one filter of all the markers' first words, to counts made token by
// token with each table's own test.
func TestBoundaryMarkers(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", "The talks will resume in May, and officials said they had agreed; the deal (signed 2024) was expected to hold — but it fell apart. 3,000 people, 2.5 km."},
		{"id", "Pertemuan akan dilanjutkan pada Mei, dan pejabat mengatakan mereka telah sepakat; kesepakatan itu sudah ditandatangani tetapi kemudian gagal."},
	}
	for _, tc := range texts {
		doc := &claims.Document{ID: "t", Text: tc.text, Language: tc.lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		p.bounds.coverRange(p, 0, len(p.Toks))
		var cl, cm, fu, pa int32
		for k := range p.Toks {
			for _, c := range []struct {
				name      string
				got, want int32
			}{{"clause", p.bounds.clause[k], cl}, {"comma", p.bounds.comma[k], cm}, {"future", p.bounds.future[k], fu}, {"past", p.bounds.past[k], pa}} {
				if c.got != c.want {
					t.Fatalf("%s: %s count before token %d %q: %d, want %d", tc.lang, c.name, k, p.Toks[k].Text, c.got, c.want)
				}
			}
			tk := &p.Toks[k]
			if p.clauseBreak(k) {
				cl++
			}
			if tk.Kind != token.Word && (tk.Text == "," || tk.Text == ";") && !inNumber(p.Toks, k) {
				cm++
			}
			if p.Lang.Future.Has(p.Toks, k) {
				fu++
			}
			if p.Lang.Past.Has(p.Toks, k) {
				pa++
			}
		}
		if cl == 0 || cm == 0 || fu == 0 || pa == 0 {
			t.Errorf("%s: counts %d %d %d %d: the text should hold every kind of marker", tc.lang, cl, cm, fu, pa)
		}
	}
}

// TestEvidenceFrameMask holds each piece of evidence's frame mask, which
// candidates or-s over a window to find the frames it evokes, to the
// frames its trigger evokes.
func TestEvidenceFrameMask(t *testing.T) {
	e := engineForTest(t)
	if len(e.Rules.Frames) > 64 {
		t.Skip("more than 64 frames: candidates reads the frames themselves")
	}
	texts := []struct{ lang, text string }{
		{"en", "A meeting of the ministers was held after the quake killed 12 people and injured 40; the election and the summit were signed off."},
		{"id", "Rapat pleno digelar setelah gempa menewaskan 12 orang dan melukai 40 orang; pemilu dan KTT ditandatangani."},
	}
	pieces := 0
	for _, tc := range texts {
		doc := &claims.Document{ID: "t", Text: tc.text, Language: tc.lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		var si sentenceInfo
		p.readEvidence(&si, 0, len(p.Toks))
		for k := range si.ev {
			ev := &si.ev[k]
			var want uint64
			for _, f := range ev.frames(e.Rules) {
				want |= 1 << f
			}
			if ev.fmask != want {
				t.Errorf("%s: evidence %q: mask %b, want %b", tc.lang, p.evidenceText(ev), ev.fmask, want)
			}
			if want != 0 {
				pieces++
			}
		}
	}
	if pieces == 0 {
		t.Fatal("no trigger read: the test tests nothing")
	}
}

// placeRef is where mentions (which gathered the places of a sentence's
// evidence into a slice) put evidence ev from the claim at tokens [ci, ce).
func placeRef(p *Pass, ev *evidence, ci, ce int) place {
	n := len(p.Toks)
	bs := &p.bounds
	k := ci - 2
	restated := k >= 0 && k < n && p.Toks[k].Text == "," && !inNumber(p.Toks, k) && p.restates(k, ci)
	pl := place{d: gap(ci, ce, ev.start, ev.end)}
	a, b := ev.end, ci
	if ev.start >= ce {
		a, b = ce, ev.start
	}
	if b = min(b, n); a < b {
		nc := bs.clause[b] - bs.clause[a]
		if restated && nc > 0 && k >= a && k < b {
			nc--
		}
		pl.clause = nc > 0
		pl.comma = bs.comma[b]-bs.comma[a] > 0
	}
	return pl
}

// TestPlacer holds placer.at to placeRef for every claim and every piece
// of evidence of its sentence, in texts with clause breaks, commas inside
// numbers and the ", or" that restates a figure, and in a run of words with
// none; and placer.gap to placer.at wherever placer.flat says a run of the
// evidence has no boundary.
func TestPlacer(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", "Sears shares soared $7.70, or 17 percent, after the meeting; the quake killed 1,200 people and injured 3,400 (officials said), while the election, held on May 5, drew 81.8% turnout."},
		{"en", "Killed 12, injured 40, or 17 percent of them, in the attack — the summit in 2023, or 2024, was held."},
		{"id", "Gempa menewaskan 1.200 orang, atau 17 persen, dan melukai 3.400 orang; pemilu pada 5 Mei diikuti 81,8 persen pemilih."},
		{"en", "killed 12 summit 2024 May 3 quake injured 40 votes 1999 magnitude 7 percent 55 election said treaty 300 deaths congress held 12 meeting 1,200 rapat 5"},
		{"en", "The quake killed 12 people in 2023. Turnout was 81.8 percent in the election of May 5 as the summit was held."},
	}
	checked, flats, bumpy := 0, 0, 0
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		fa := &frameAssigner{p: p, set: e.Rules}
		for _, c := range p.claims {
			a, b := p.sentenceTokens(c.Start)
			si := fa.sentence(a, b)
			ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
			pc := fa.newPlacer(si, ci, ce)
			for k := range si.ev {
				ev := &si.ev[k]
				if got, want := pc.at(ev), placeRef(p, ev, ci, ce); got != want {
					t.Errorf("%s: claim %q, evidence %q: %+v, want %+v", tc.lang, tc.text[c.Start:c.End], p.evidenceText(ev), got, want)
				}
				checked++
			}
			// Where placer.flat finds no boundary, over the whole
			// sentence's evidence or any run of it (a window), each
			// piece's place is its gap alone.
			for lo := range len(si.ev) + 1 {
				for hi := lo; hi <= len(si.ev); hi++ {
					evs := si.ev[lo:hi]
					if !pc.flat(evs) {
						bumpy++
						continue
					}
					flats++
					for k := range evs {
						if got, want := pc.at(&evs[k]), (place{d: pc.gap(&evs[k])}); got != want {
							t.Errorf("%s: claim %q, evidence %q of a flat run: %+v, want %+v", tc.lang, tc.text[c.Start:c.End], p.evidenceText(&evs[k]), got, want)
						}
					}
				}
			}
		}
	}
	if checked == 0 || flats == 0 || bumpy == 0 {
		t.Fatalf("%d places, %d flat runs, %d runs with a boundary: the test tests little", checked, flats, bumpy)
	}
	t.Logf("%d places, %d flat runs, %d runs with a boundary", checked, flats, bumpy)
}

// TestDefiniteAt holds definiteAt, which asks the definite tables only
// where their filters let the neighbouring token through, to the tables
// asked at every trigger, over the whole text and over each sentence
// alone (as sentenceContext reads it).
func TestDefiniteAt(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", "The meeting was held. This summit, the election and that quake: a meeting of the talks last Sunday; the talks."},
		{"id", "Rapat ini digelar. Pemilu itu dan gempa tersebut; rapat pleno ini, KTT itu."},
	}
	definite := 0
	for _, tc := range texts {
		doc := &claims.Document{ID: "t", Text: tc.text, Language: tc.lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		spans := [][]token.Token{p.Toks}
		for _, s := range p.sents {
			a, b := p.sentenceTokens(s.Start)
			spans = append(spans, p.Toks[a:b])
		}
		for _, toks := range spans {
			for k := range toks {
				end, _, ok := p.Rules.Triggers.Match(toks, k)
				if !ok {
					continue
				}
				_, _, want := p.Rules.DefiniteBefore.MatchBefore(toks, k, 3)
				want = want || p.Rules.DefiniteAfter.Has(toks, end)
				if got := p.definiteAt(toks, k, end); got != want {
					t.Errorf("%s: trigger %q: definite %v, want %v", tc.lang, toks[k].Text, got, want)
				}
				if want {
					definite++
				}
			}
		}
	}
	if definite == 0 {
		t.Fatal("no definite trigger: the test tests nothing")
	}
}

// weighTexts are the sentences the weighing tests read: figures and
// dates near and far from their triggers, within and across clauses, in
// prose and in a run of words, and a second sentence after the run.
var weighTexts = []struct{ lang, text string }{
	{"en", "A meeting of the ministers was held on May 3, 2024 after the quake killed 12 people and injured 40; the election, the summit and the treaty were signed, police said, with 81.8% turnout and 3,000 votes in 2023."},
	{"en", "killed 12 summit 2024 May 3 quake injured 40 votes 1999 magnitude 7 percent 55 election said treaty 300 deaths congress held 12 meeting. The USGS put the magnitude at 6.1."},
	{"id", "Rapat pleno digelar pada 3 Mei 2024 setelah gempa menewaskan 12 orang dan melukai 40 orang; pemilu dan KTT ditandatangani, kata polisi, 81,8 persen."},
}

// TestWeighByMask: weighing reads the same scores from a trigger's frame
// mask as from the rules' list of its frames, for figures and dates, near
// and far, within and across clauses, with every frame of the rules
// scored.
func TestWeighByMask(t *testing.T) {
	e := engineForTest(t)
	if len(e.Rules.Frames) > 64 {
		t.Skip("more than 64 frames: weighing reads the frames themselves")
	}
	texts := weighTexts
	claimsRead := 0
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		fa := &frameAssigner{p: p, set: e.Rules}
		a, b := p.sentenceTokens(p.claims[0].Start)
		si := fa.sentence(a, b)
		slot := make([]int32, len(e.Rules.Frames))
		for _, c := range p.claims {
			if c.Start >= p.Toks[b-1].End {
				continue // past the first sentence
			}
			claimsRead++
			ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
			memo := fa.acceptsOf(c)
			var scores []frameScore
			for f := range e.Rules.Frames {
				slot[f] = int32(f)
				fa.frameTakes(memo, f, c)
				scores = append(scores, frameScore{frame: f, accept: fa.attrBase[f], noCompare: e.Rules.Frames[f].NoCompare,
					bestDist: -1, bestAttr: -1, bestAttrDist: -1})
			}
			pc := fa.newPlacer(si, ci, ce)
			every := uint64(1)<<len(e.Rules.Frames) - 1 // (64 frames: 0 - 1, every bit)
			var got [2][]frameScore
			for k, byMask := range []bool{true, false} {
				w := weighing{scores: slices.Clone(scores), slot: slot, set: e.Rules, memo: memo, pc: &pc, ev: si.ev,
					numeric: c.Kind != claims.KindDate, byMask: byMask, scored: every}
				w.weigh()
				got[k] = w.scores
			}
			if !slices.Equal(got[0], got[1]) {
				t.Errorf("%s: claim %q: by mask %+v, by list %+v", tc.lang, c.Text, got[0], got[1])
			}
			// Only the frames that take the claim scored (as candidates
			// weighs them), the others left out by slot and mask: each
			// scored frame reads as it did with every frame scored.
			var some []frameScore
			var scored uint64
			for f := range e.Rules.Frames {
				if !fa.frameTakes(memo, f, c) {
					slot[f] = -1
					continue
				}
				slot[f], scored = int32(len(some)), scored|1<<f
				some = append(some, scores[f])
			}
			for _, byMask := range []bool{true, false} {
				w := weighing{scores: slices.Clone(some), slot: slot, set: e.Rules, memo: memo, pc: &pc, ev: si.ev,
					numeric: c.Kind != claims.KindDate, byMask: byMask, scored: scored}
				w.weigh()
				for _, sc := range w.scores {
					if full := got[0][sc.frame]; sc != full {
						t.Errorf("%s: claim %q, frame %d, by mask %v, taking frames only: %+v, every frame %+v", tc.lang, c.Text, sc.frame, byMask, sc, full)
					}
				}
			}
		}
	}
	if claimsRead < 10 {
		t.Fatalf("%d claims weighed: the test tests little", claimsRead)
	}
}

// TestAcceptKeyEqual: acceptKey.equal is ==, key by key, for keys that
// differ in each field alone and in strings equal but not shared.
func TestAcceptKeyEqual(t *testing.T) {
	base := acceptKey{kind: claims.KindCount, unit: "km", counted: "people", hasNum: true, date: 4}
	keys := []acceptKey{base, {}, {date: -1}}
	for _, change := range []func(*acceptKey){
		func(k *acceptKey) { k.kind = claims.KindPercent },
		func(k *acceptKey) { k.unit = "" },
		func(k *acceptKey) { k.unit = string([]byte("km")) },
		func(k *acceptKey) { k.counted = "victims" },
		func(k *acceptKey) { k.hasNum = false },
		func(k *acceptKey) { k.date = 5 },
	} {
		k := base
		change(&k)
		keys = append(keys, k)
	}
	for _, a := range keys {
		for _, b := range keys {
			if got, want := a.equal(&b), a == b; got != want {
				t.Errorf("%+v equal %+v: %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestWindowCursor holds windowCursor.window to evidenceWindow's binary
// searches, for claims in text order and out of it, over evidence whose
// ends are sorted and over evidence where a phrase ends after the piece
// that follows it (where the cursor must search), and over none, in
// sentences shorter and longer than frameSentenceCap.
func TestWindowCursor(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	windows, tallied := 0, 0
	var wc windowCursor // one document's: each trial a sentence of its own
	for trial := range 300 {
		var ev []evidence
		a := 7 * trial
		at := a
		n := r.IntN(200)
		if trial%10 == 5 {
			n = 0 // a page of figures: no evidence
		}
		for range n {
			at += r.IntN(6)
			w := 1 + r.IntN(2)
			if trial%3 == 0 && r.IntN(10) == 0 {
				w += 3 // ends after the next piece's end
			}
			ev = append(ev, evidence{start: at, end: at + w, fmask: r.Uint64() & r.Uint64() & r.Uint64()})
			at++
		}
		b := at + 10
		if trial%4 == 0 {
			b = a + frameSentenceCap // not over the cap: the whole sentence
		}
		p := &Pass{Doc: &claims.Document{}}
		ci := a
		for range 100 {
			switch r.IntN(8) {
			case 0:
				ci = a + r.IntN(b-a) // out of order
			default:
				ci += r.IntN(8)
			}
			ce := ci + 1 + r.IntN(3)
			want, wantFrom := p.evidenceWindow(ev, a, b, ci, ce)
			got, gotFrom := wc.window(p, ev, a, b, ci, ce)
			if len(got) != len(want) || gotFrom != wantFrom || len(got) > 0 && &got[0] != &want[0] {
				t.Fatalf("trial %d, claim [%d,%d) in [%d,%d): window of %d from %d, want %d from %d", trial, ci, ce, a, b, len(got), gotFrom, len(want), wantFrom)
			}
			var evoked uint64
			for k := range got {
				evoked |= got[k].fmask
			}
			if wc.moved && wc.tally.evoked != evoked {
				t.Fatalf("trial %d, claim [%d,%d) in [%d,%d): tally %x, window's frames %x", trial, ci, ce, a, b, wc.tally.evoked, evoked)
			}
			if wc.moved {
				tallied++
			}
			windows++
		}
	}
	if windows == 0 || tallied == 0 {
		t.Fatal("no window read")
	}
}

// TestCandidatesManyFrames holds candidates over rules of more than 64
// and more than 256 frames (which read the frames from the rules' lists,
// not the evidence's masks) to candidates over the built-in rules, with
// the same frames padded out by frames no word evokes.
func TestCandidatesManyFrames(t *testing.T) {
	e := engineForTest(t)
	if len(e.Rules.Frames) > 64 {
		t.Skip("the built-in rules already have more than 64 frames")
	}
	texts := weighTexts
	read := func(set *rules.Set, p *Pass) []string {
		fa := &frameAssigner{p: p, set: set}
		var out []string
		for _, c := range p.claims {
			a, b := p.sentenceTokens(c.Start)
			si := fa.sentence(a, b)
			ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
			for _, ch := range fa.candidates(c, si, ci, ce, true) {
				ev := "(none)"
				if ch.ev != nil {
					ev = p.evidenceText(ch.ev)
				}
				out = append(out, fmt.Sprintf("%s: %d.%d %d %d %v %q", c.Text, ch.frame, ch.attr, ch.dist, ch.trigDist, ch.how, ev))
			}
		}
		return out
	}
	for _, n := range []int{65, 300} {
		padded := *e.Rules
		padded.Frames = slices.Clone(e.Rules.Frames)
		for len(padded.Frames) < n {
			padded.Frames = append(padded.Frames, &rules.Frame{Name: fmt.Sprint("pad", len(padded.Frames))})
		}
		for _, tc := range texts {
			p := passOver(e, tc.lang, tc.text)
			want := read(e.Rules, p)
			if len(want) == 0 {
				t.Fatalf("%s: no candidate: the test tests nothing", tc.text)
			}
			if got := read(&padded, p); !slices.Equal(got, want) {
				t.Errorf("%d frames, %s:\n%s\nwant\n%s", n, tc.lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestEvokes holds frameAssigner.evokes, which reads the article only as
// far as the frame asked for, to every unblocked word matched against the
// triggers, with the frames asked for in several orders.
func TestEvokes(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", "The quake killed 12 people on May 3. A summit was held; the election drew 81.8% turnout and the treaty was signed, police said."},
		{"en", "Figures only: 12, 40 and 3,000 in 2024."},
		{"id", "Gempa menewaskan 12 orang. Rapat pleno digelar pada 3 Mei 2024 dan pemilu diikuti 81,8 persen pemilih."},
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		want := make([]bool, len(e.Rules.Frames))
		for k := range p.Toks {
			if p.blocked[k] {
				continue
			}
			if _, v, ok := e.Rules.Triggers.Match(p.Toks, k); ok {
				for _, f := range e.Rules.TriggerFrames[v] {
					want[f] = true
				}
			}
		}
		for range 5 {
			p.evoked = nil
			fa := &frameAssigner{p: p, set: e.Rules}
			for _, f := range r.Perm(len(e.Rules.Frames)) {
				if got := fa.evokes(f); got != want[f] {
					t.Errorf("%s: frame %s: %v, want %v", tc.text, e.Rules.Frames[f].Name, got, want[f])
				}
			}
		}
	}
}

// unitFrameRef is unitFrame as it read before wideUnit turned figures
// away: every sentence-wide attribute asked through the accepts memo.
func unitFrameRef(fa *frameAssigner, c *claims.Claim) (frame, attr int, ok bool) {
	memo := fa.acceptsOf(c)
	for _, r := range fa.wide {
		if k := fa.attrBase[r.Frame] + r.Attr; memo[k] == 0 {
			memo[k] = 2
			if accepts(fa.set.Frames[r.Frame].Attributes[r.Attr], c) {
				memo[k] = 1
			}
		}
		if memo[fa.attrBase[r.Frame]+r.Attr] == 1 && fa.evokes(r.Frame) {
			return r.Frame, r.Attr, true
		}
	}
	return 0, 0, false
}

// TestUnitFrameWideUnit holds unitFrame, which turns away a figure in a
// unit no sentence-wide attribute takes before asking the accepts memo, to
// unitFrameRef, over the built-in rules and over rules whose every
// attribute that takes figures is sentence-wide (one of them with no
// units, which takes any unit).
func TestUnitFrameWideUnit(t *testing.T) {
	e := engineForTest(t)
	texts := append([]struct{ lang, text string }{
		{"en", "The quake killed 12 people. The USGS put the magnitude at 6.1, and 40 percent of homes, 3,000 votes and $7.70 were lost."},
		{"id", "Gempa bermagnitudo 5,6 menewaskan 12 orang; 81,8 persen pemilih dan Rp 3 miliar."},
		{"en", "Figures only: 12, 40%, 6.1 and 3,000 in 2024."},
	}, weighTexts...)
	wide := *e.Rules
	wide.Frames = slices.Clone(e.Rules.Frames)
	for fi, fr := range wide.Frames {
		f := *fr
		f.Attributes = slices.Clone(fr.Attributes)
		for ai, at := range f.Attributes {
			a := *at
			if slices.Contains(a.Kinds, claims.KindDate) {
				continue
			}
			a.SentenceWide = true
			if fi == 0 && ai == 0 {
				a.Units = nil
			}
			f.Attributes[ai] = &a
		}
		wide.Frames[fi] = &f
	}
	asked, found := 0, 0
	for _, set := range []*rules.Set{e.Rules, &wide} {
		for _, tc := range texts {
			p := passOver(e, tc.lang, tc.text)
			got, want := &frameAssigner{p: p, set: set}, &frameAssigner{p: p, set: set}
			for _, c := range p.claims {
				if c.Num == nil {
					continue
				}
				asked++
				p.evoked, got.evokedTo = nil, 0
				gf, ga, gok := got.unitFrame(c)
				p.evoked, want.evokedTo = nil, 0
				want.initMemo()
				wf, wa, wok := unitFrameRef(want, c)
				if gf != wf || ga != wa || gok != wok {
					t.Errorf("%s: %q (unit %q): unitFrame %d.%d %v, want %d.%d %v", tc.text, c.Text, c.Num.Unit, gf, ga, gok, wf, wa, wok)
				}
				if wok {
					found++
				}
			}
		}
	}
	if asked < 20 || found < 2 {
		t.Fatalf("%d figures asked, %d with a frame: the test tests little", asked, found)
	}
}

// TestScoreOf: by mask, a frame's index (scoreOf) is its slot for a
// frame of the scored mask and -1 for any other, whatever its slot holds
// (candidates leaves the slots of the frames of earlier claims as they
// were), for random masks and the full and empty ones.
func TestScoreOf(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	masks := []uint64{0, ^uint64(0), 1, 1 << 63}
	for range 200 {
		masks = append(masks, r.Uint64()&r.Uint64())
	}
	slot := make([]int32, 64)
	for _, scored := range masks {
		want := make([]int, 64)
		n := 0
		for f := range 64 {
			want[f] = -1
			if scored&(1<<f) != 0 {
				want[f], slot[f], n = n, int32(n), n+1
			} else if r.IntN(2) == 0 {
				slot[f] = int32(r.IntN(64)) // a stale slot
			}
		}
		for f := range 64 {
			if got := scoreOf(scored, slot, f); got != want[f] {
				t.Fatalf("scored %#x, frame %d: %d, want %d", scored, f, got, want[f])
			}
		}
	}
}
