package extract

import (
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
			for _, ch := range fa.candidates(c, si, ci, ce) {
				fr := e.Rules.Frames[ch.frame]
				got = append(got, fr.Name+"."+fr.Attributes[ch.attr].Name+": "+ch.how.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("candidates:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
