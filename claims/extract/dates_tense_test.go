package extract

import (
	"math/rand/v2"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/require"
)

// TestEdPastMemo checks the date step's edPast (edPastMemo, which reads
// short spans through the run's past scans) against edPast's own reading,
// token by token, on random word salads dense in past forms, asked as the
// date step asks (before each date, after it, its sentence) and at random.
func TestEdPastMemo(t *testing.T) {
	words := []string{"killed", "arrived", "the", "reduced", "to", "be", "held", "rose", "indeed", "Killed",
		"Jakarta", "said", "on", "March", "3", "fell", "expected", "x", "y", "z", "the reduced", "to be held"}
	e := engineForTest(t)
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 11))
		sparse := int(seed%5) * 8 // some texts sparse in past forms, some dense
		text := sparseText(r, words, 500, sparse)
		doc := &claims.Document{ID: "t", Text: text, Language: "en", Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		run := &dateRun{Pass: p}
		n := len(p.Toks)
		check := func(a, b int) {
			t.Helper()
			if got, want := run.edPastMemo(a, b), p.edPast(a, b); got != want {
				t.Fatalf("seed %d: edPastMemo(%d, %d) %q, edPast %q in %q", seed, a, b, got, want, span(p, a, max(b, a+1)))
			}
		}
		// The date step's three series: a clause and a sentence around
		// dates that move forward.
		ca, cb := 0, min(n, 40+r.IntN(80))
		for i := 0; i < n; i += 1 + r.IntN(6) {
			if i >= cb {
				ca, cb = cb, min(n, cb+1+r.IntN(tenseScanMax))
			}
			check(ca, i)
			check(i, cb)
			check(max(0, ca-r.IntN(5)), min(n, cb+r.IntN(5)))
		}
		// Random spans, short and long, empty ones included.
		for range 300 {
			a := r.IntN(n)
			check(a, a+r.IntN(min(2*tenseScanMax, n-a)+1))
		}
	}
}

// TestDateRunClause checks the run's clause and tense, which remember the
// last clause asked, against Pass.Clause and Pass.Tense, and the
// reporting verb tests, which ask the list's filter first, against the
// list alone: on word salads with clause breaks, sentence ends and tense
// words, asked at tokens in order (twice in a row, as a date's
// resolution asks) and at random.
func TestDateRunClause(t *testing.T) {
	words := []string{"will", "said", "told", "killed", "the", "to", "be", "held", "on", "March", "3", ",", ";",
		"and", ".", "x", "y", "Jakarta", "\"", "says", "announced", "would", "plans"}
	e := engineForTest(t)
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 13))
		text := sparseText(r, words, 300+r.IntN(300), int(seed%4)*4)
		doc := &claims.Document{ID: "t", Text: text, Language: []string{"en", "id"}[seed%2], Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		run := &dateRun{Pass: p}
		rep := p.Lang.List(rules.ListReportVerbs)
		n := len(p.Toks)
		check := func(i int) {
			t.Helper()
			ga, gb := run.clause(i)
			wa, wb := p.Clause(i)
			require.Equal(t, [2]int{wa, wb}, [2]int{ga, gb}, "seed %d: clause at %d", seed, i)
			require.Equal(t, p.Tense(i), run.tense(i), "seed %d: tense at %d", seed, i)
			before := false
			for k := i - 1; k >= 0 && k >= i-2; k-- {
				before = before || rep != nil && rep.Has(p.Toks, k)
			}
			require.Equal(t, before, p.reportingBefore(i), "seed %d: reporting before %d", seed, i)
			require.Equal(t, rep != nil && rep.Has(p.Toks, i), p.reportingAfter(i), "seed %d: reporting at %d", seed, i)
		}
		for i := 0; i < n; i += 1 + r.IntN(4) {
			check(i)
			check(i)
		}
		for range 200 {
			check(r.IntN(n))
		}
		require.Equal(t, "", string(run.tense(n)))
	}
}
