package extract

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// weighText is text for the outward weighing: figures, dates and event
// and attribute words, with commas, clause words, a reporting verb (a
// frame never compared) and phrases of several words, in sentences long
// and short.
func weighText(r *rand.Rand, lang string, words int) string {
	pieces := map[string][]string{
		"en": {"killed", "injured", "meeting", "summit", "election", "quake", "signed", "held", "percent", "votes",
			"treaty", "said", "magnitude", "congress", "deaths", "the", "and", ",", ", or", "people", "on March 3",
			"in 2019", "a meeting of", "more than", "turnout", "was", "dead", "km", "police said", "."},
		"id": {"tewas", "rapat", "pemilu", "gempa", "luka-luka", "orang", "persen", "suara", "dan", ",", "kata", "pada 5 Mei",
			"tahun 2019", "magnitudo", "KTT", "ditandatangani", "digelar", "lebih dari", "korban", "."},
	}[lang]
	var b strings.Builder
	for range words {
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "%d ", r.IntN(900)+1)
		case 1:
			fmt.Fprintf(&b, "%d.%d ", r.IntN(9)+1, r.IntN(10))
		default:
			p := pieces[r.IntN(len(pieces))]
			if p == "." && r.IntN(8) != 0 {
				p = "the" // mostly long sentences
			}
			b.WriteString(p + " ")
		}
	}
	return b.String()
}

// candidatesWith is candidates for every claim of a pass over text, with
// the outward weighing from outwardFrom pieces of evidence on.
func candidatesWith(t *testing.T, e *Engine, lang, text string, from int) []string {
	defer func(old int) { outwardFrom = old }(outwardFrom)
	outwardFrom = from
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	for _, step := range e.Steps {
		step(p)
	}
	slices.SortStableFunc(p.claims, func(x, y *claims.Claim) int { return x.Start - y.Start })
	fa := &frameAssigner{p: p, set: e.Rules}
	var out []string
	for _, c := range p.claims {
		a, b := p.sentenceTokens(c.Start)
		si := fa.sentence(a, b)
		ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
		win := *si
		win.ev, _ = p.evidenceWindow(si.ev, a, b, ci, ce)
		for _, ch := range fa.candidates(c, &win, ci, ce) {
			ev := -1
			if ch.ev != nil {
				ev = ch.ev.start
			}
			out = append(out, fmt.Sprintf("%s@%d: frame %d attr %d dist %d trig %d ev %d %v", text[c.Start:c.End], c.Start, ch.frame, ch.attr, ch.dist, ch.trigDist, ev, ch.how))
		}
	}
	return out
}

// TestOutwardWeighing holds the outward weighing of a figure's evidence,
// which stops early, to reading every piece in text order, in long and
// short sentences of event words; and the claims extraction makes with it
// to those made without.
func TestOutwardWeighing(t *testing.T) {
	e := engineForTest(t)
	r := rand.New(rand.NewPCG(5, 6))
	compared := 0
	for n := range 40 {
		lang := []string{"en", "id"}[n%2]
		text := weighText(r, lang, 200+r.IntN(1500))
		want := candidatesWith(t, e, lang, text, 1<<30)
		got := candidatesWith(t, e, lang, text, 0)
		if !slices.Equal(got, want) {
			for k := range min(len(got), len(want)) {
				if got[k] != want[k] {
					t.Fatalf("%s text %d: candidate %d:\n got %s\nwant %s", lang, n, k, got[k], want[k])
				}
			}
			t.Fatalf("%s text %d: %d candidates, want %d", lang, n, len(got), len(want))
		}
		compared += len(want)
	}
	if compared < 1000 {
		t.Fatalf("only %d candidates compared", compared)
	}
	t.Logf("%d candidates", compared)
}
