package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// dateTenseOfRef is dateTenseOf as it read the clause and the sentence
// before the run's clause memo: Pass.Clause, spanTense, SentenceTense and
// sentenceTokens asked anew for each date.
func dateTenseOfRef(p *dateRun, i int) (claims.Tense, bool) {
	if i >= len(p.Toks) {
		return "", false
	}
	ca, cb := p.Clause(i)
	if t := p.spanTense(ca, cb); t != "" {
		if t == claims.TenseFuture {
			if n := p.nearestTense(ca, cb, i); n != "" {
				t = n
			}
		}
		return t, t != claims.TensePast || !p.onlyReporting(ca, cb) || p.reportingBefore(i)
	}
	if t := p.edPast(ca, i); t != "" {
		return t, true
	}
	if t := p.edPast(i, cb); t != "" {
		return t, false
	}
	if t := p.SentenceTense(i); t != "" {
		if t == claims.TenseFuture {
			a, b := p.sentenceTokens(p.Toks[i].Start)
			if n := p.nearestTense(a, b, i); n != "" {
				t = n
			}
		}
		return t, t == p.Lang.DefaultTense
	}
	if p.Lang.DefaultTense != "" {
		return p.Lang.DefaultTense, true
	}
	a, b := p.sentenceTokens(p.Toks[i].Start)
	return p.edPast(a, b), false
}

// TestDateRunClauseMemo holds the run's clause memo (tense, clause, dateTenseOf)
// to the plain path (Pass.Tense, Pass.Clause, dateTenseOfRef) on word
// salads with sentence ends, line breaks, odd white space, clause breaks
// and tense words in both languages, asked as the date step asks (tokens
// in order, each more than once) and then at random, in one run.
func TestDateRunClauseMemo(t *testing.T) {
	words := []string{"will", "said", "told", "killed", "arrived", "the", "to", "be", "held", "on", "March", "3",
		",", ";", ":", "and", ".", "x", "y", "Jakarta", "\"", "says", "announced", "would", "plans", "akan",
		"telah", "kata", "dan", "5 p.m.", "10:30", "\n", "\n\n", "\u00a0", "\t", "Mr.", "rose", "expected"}
	e := engineForTest(t)
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 17))
		n := 200 + r.IntN(600)
		if seed%10 == 9 {
			n = 3000 // long sentences: the tense table answers
		}
		text := sparseText(r, words, n, int(seed%4)*3)
		if seed%3 == 0 {
			text = strings.ReplaceAll(text, ".", "") // one long sentence
		}
		doc := &claims.Document{ID: "t", Text: text, Language: []string{"en", "id"}[seed%2], Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		run := &dateRun{Pass: p}
		ref := &dateRun{Pass: p}
		nt := len(p.Toks)
		check := func(i int) {
			t.Helper()
			ga, gb := run.clause(i)
			wa, wb := p.Clause(i)
			require.Equal(t, [2]int{wa, wb}, [2]int{ga, gb}, "seed %d: clause at %d", seed, i)
			require.Equal(t, p.Tense(i), run.tense(i), "seed %d: tense at %d", seed, i)
			gt, gs := run.dateTenseOf(i)
			wt, ws := dateTenseOfRef(ref, i)
			require.Equal(t, wt, gt, "seed %d: date tense at %d", seed, i)
			require.Equal(t, ws, gs, "seed %d: strong at %d", seed, i)
		}
		for i := 0; i < nt; i += 1 + r.IntN(5) {
			check(i)
			check(i)
		}
		for range 300 {
			check(r.IntN(nt))
		}
		require.Equal(t, "", string(run.tense(nt)))
	}
}

// TestSentencesHoldTokens checks what the clause memo's keeping of a
// clause rests on: every token lies in the token range sentenceTokens
// gives for its sentence (sentences cover all but white space), so that
// Clause's answer for it is its clause search's.
func TestSentencesHoldTokens(t *testing.T) {
	words := []string{"x", "y", ".", "Mr.", "\n", "\n\n", " ", "\u00a0", "\u2003", "\t", "\r\n", "\"", "5 p.m.",
		"(", ")", "!", "?", "...", "\u200b", "\ufeff", "é"}
	e := engineForTest(t)
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 19))
		var b strings.Builder
		for range 200 + r.IntN(200) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		doc := &claims.Document{ID: "t", Text: b.String(), Language: "en", Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		for i := range p.Toks {
			a, b := p.sentenceTokens(p.Toks[i].Start)
			require.True(t, a <= i && i < b, "seed %d: token %d %q outside its sentence [%d, %d)", seed, i, p.Toks[i].Text, a, b)
		}
	}
}
