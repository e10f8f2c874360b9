package extract

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestFrameCandidates checks the middle step of assignFrames on its own:
// for a claim, which frames are candidates, which attribute each would
// give, and why it qualified — the reasons the picking step no longer has
// to re-derive. The sentences are written for this test.
func TestFrameCandidates(t *testing.T) {
	tests := []struct {
		lang, text, claim string
		want              []string // "frame.attribute: why", in the rules' frame order
	}{
		{"en", "The summit was held in 2023 in Hanoi.", "2023",
			[]string{"summit.date: trigger in its clause; attribute word"}}, // "held" names the date
		{"en", "The quake, magnitude 7.6, struck at dawn.", "magnitude 7.6",
			[]string{"disaster.magnitude: unit only one attribute takes, trigger across a clause"}},
		{"en", "Turnout in the election was 81.8%.", "81.8%",
			[]string{"election.turnout: trigger in its clause; attribute word"}},
		// A reporting verb is a frame too (never compared).
		{"en", "He said the weather was fine in 2023.", "2023",
			[]string{"report.date: trigger in its clause; default attribute"}},
		{"en", "The weather was fine in 2023.", "2023", nil},
	}
	e := engineForTest(t)
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			p := passOver(e, tc.lang, tc.text)
			var c *claims.Claim
			for _, x := range p.claims {
				if tc.text[x.Start:x.End] == tc.claim {
					c = x
				}
			}
			if c == nil {
				t.Fatalf("no claim %q among %d", tc.claim, len(p.claims))
			}
			fa := &frameAssigner{p: p, set: e.Rules}
			a, b := p.sentenceTokens(c.Start)
			si := fa.sentence(a, b)
			ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
			var got []string
			for _, ch := range fa.candidates(c, si, ci, ce, true) {
				fr := e.Rules.Frames[ch.frame]
				got = append(got, fr.Name+"."+fr.Attributes[ch.attr].Name+": "+ch.how.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("candidates:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestCandidatesNearestOnly: frame assignment gives every claim the same
// frame, attribute, triggers and the rest when candidates leaves out the
// frames that cannot be the nearest (frameScore.reach) as when it scores
// every frame: over the weighing tests' sentences (within and across
// clauses, attribute words beside figures, units) and pages of event
// words without a full stop, whose windows evoke most frames.
func TestCandidatesNearestOnly(t *testing.T) {
	e := engineForTest(t)
	r := rand.New(rand.NewPCG(15, 16))
	texts := append([]struct{ lang, text string }{
		{"en", "The quake, magnitude 7.6, struck at dawn. Turnout in the election was 81.8%. He said the weather was fine in 2023."},
		{"en", "Earlier in 2023, the summit was held and 12 people were killed in the quake, police said."},
	}, weighTexts...)
	for trial := range 24 {
		lang := []string{"en", "id"}[trial%2]
		text := longPage(r, lang, 300+r.IntN(900))
		if trial >= 8 {
			text = punctuate(r, text)
		}
		texts = append(texts, struct{ lang, text string }{lang, text})
	}
	framed, left := 0, 0
	for _, tc := range texts {
		var got [2][]claims.Claim
		for k, all := range []bool{false, true} {
			p := passOver(e, tc.lang, tc.text)
			fa := frameAssigner{p: p, set: e.Rules, claims: len(p.claims), allCands: all}
			for _, c := range p.claims {
				if c.Dateline {
					continue
				}
				fa.cands = fa.cands[:0] // (assign leaves it as it was for a claim with no evidence)
				fa.assign(c)
				if k == 0 {
					left -= len(fa.cands)
				} else {
					left += len(fa.cands)
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
			t.Fatalf("%.40q: %d claims, %d with every candidate", tc.text, len(got[0]), len(got[1]))
		}
		for k := range got[0] {
			if !reflect.DeepEqual(got[0][k], got[1][k]) {
				t.Errorf("%.40q, claim %q: nearest only\n%+v\nevery candidate\n%+v", tc.text, got[0][k].Text, got[0][k], got[1][k])
			}
		}
	}
	if framed < 200 || left == 0 {
		t.Fatalf("%d claims framed, %d candidates left out: the test tests little", framed, left)
	}
}

// punctuate breaks a page of words into sentences and clauses: commas
// and full stops between its words, so that evidence stands across
// clauses from the claims (weighByMask's reading, and score's fallbacks
// for a trigger across a clause).
func punctuate(r *rand.Rand, text string) string {
	words := strings.Fields(text)
	var b strings.Builder
	for k, w := range words {
		if k > 0 {
			switch x := r.IntN(12); {
			case x < 2:
				b.WriteByte(',')
			case x < 3 && !strings.ContainsAny(words[k-1], "0123456789"):
				b.WriteByte('.')
			}
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
