package extract

import (
	"strings"
	"testing"
)

// TestAssignNoEvidence holds assign's way with a sentence that has no
// evidence (no window found, pick's fallbacks at once) to the window
// evidenceWindow gives its claims: where the search for a subject starts,
// whether the sentence is read by windows, and the document's warning
// for an over-long one. The pages are of figures only, short sentences
// of figures after one that names an event (previousFrame's reading, with
// a subject), and a page of figures too long for a sentence after one.
func TestAssignNoEvidence(t *testing.T) {
	e := engineForTest(t)
	figures := strings.Repeat("12 34 5.6 78% 1,200 ", 80)
	texts := []struct{ lang, text string }{
		{"en", figures},
		{"en", "Prabowo won 58.6% of the vote in the election. Anies came second with 24.9%. Ganjar had 16.5%."},
		{"en", "The election was held on May 3. " + figures + "Anies came second with 24.9%."},
		{"id", "Pemilu digelar pada 3 Mei. " + figures},
	}
	read := 0
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		fa := frameAssigner{p: p, set: e.Rules, claims: len(p.claims)}
		for _, c := range p.claims {
			if c.Dateline {
				continue
			}
			a, b := p.sentenceTokens(c.Start)
			ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
			fa.assign(c)
			si := fa.sentence(a, b)
			if len(si.ev) > 0 {
				continue
			}
			read++
			if b-a > frameSentenceCap && len(p.Doc.Warnings) == 0 {
				t.Errorf("%.30q, claim %q: a sentence of %d tokens and no warning", tc.text, c.Text, b-a)
			}
			evs, from := p.evidenceWindow(si.ev, a, b, ci, ce)
			long := len(evs) != len(si.ev) || from != a || b-a > frameSentenceCap
			if fa.subjectFrom != from || fa.long != long {
				t.Errorf("%.30q, claim %q: subject from %d, long %v; the window's %d, %v", tc.text, c.Text, fa.subjectFrom, fa.long, from, long)
			}
		}
	}
	if read < 100 {
		t.Fatalf("%d claims in sentences without evidence: the test tests little", read)
	}
}
