package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestTenseTable checks that the tense table (tense.go), which answers
// edPast, onlyReporting and nearestTense over spans longer than
// tenseScanMax, answers as the token-by-token reading does, on random word
// salads dense in what the helpers look at: tense markers, past forms,
// reporting verbs, the words that make an "-ed" form an adjective or a
// participle, capitals and quotation marks (all four sides of the search
// stopping at one).
func TestTenseTable(t *testing.T) {
	words := []string{"will", "was", "said", "told", "killed", "arrived", "the", "reduced", "to", "be", "held",
		"were", "planning", "going", "rose", "indeed", "Killed", "Jakarta", "\"", "\u201c", "'", "said", "on", "March",
		"3", "rain", "fell", "expected", "would", "plans", "of", "x", "y", "z", "q",
		"the reduced", "to be held", "be arrived", "was going to", "were planning to", "\" said"}
	e := engineForTest(t)
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 7))
		// Some texts sparse in the words that matter, some dense.
		sparse := int(seed%4) * 6
		var b strings.Builder
		for n := 0; n < 600; n++ {
			if n > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(sparse+1) > 0 {
				b.WriteString("x")
				continue
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		doc := &claims.Document{ID: "t", Text: b.String(), Language: "en", Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		n := len(p.Toks)
		// Spans a token-by-token reading covers, and longer ones, which
		// read a few tokens and then the table (checked against the
		// table alone, which the short spans check).
		for range 400 {
			a := r.IntN(n - 1)
			if r.IntN(8) == 0 {
				a = 0 // the text's first token has no word before it
			}
			b := a + 2 + r.IntN(min(2*tenseScanMax, n-a)-1)
			i := a + r.IntN(b-a)
			if got, want := p.edPastLong(a, b), p.edPast(a, b); got != want {
				t.Fatalf("seed %d: edPast(%d, %d) long %q, read %q in %q", seed, a, b, got, want, span(p, a, b))
			}
			if got, want := p.onlyReportingLong(a, b), p.onlyReporting(a, b); got != want {
				t.Fatalf("seed %d: onlyReporting(%d, %d) long %v, read %v in %q", seed, a, b, got, want, span(p, a, b))
			}
			if got, want := p.nearestTenseLong(a, b, i), p.nearestTense(a, b, i); got != want {
				t.Fatalf("seed %d: nearestTense(%d, %d, %d) long %q, read %q in %q", seed, a, b, i, got, want, span(p, 0, b))
			}
		}
	}
}

func span(p *Pass, a, b int) string {
	return p.Doc.Text[p.Toks[a].Start:p.Toks[b-1].End]
}
