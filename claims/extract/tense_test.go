package extract

import (
	"math/rand/v2"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// TestTenseTable checks that the tense table (tense.go), which answers
// edPast, onlyReporting and nearestTense over spans longer than
// tenseScanMax, answers as the token-by-token reading does, on random word
// salads dense in what the helpers look at: tense markers, past forms,
// reporting verbs, the words that make an "-ed" form an adjective or a
// participle, capitals and quotation marks (all four sides of the search
// stopping at one). The passes share one scratch, as an engine's do, and
// vary in length, so that the table's pooled storage is reused with the
// counts of a longer text and of a shorter one in it.
func TestTenseTable(t *testing.T) {
	words := []string{"will", "was", "said", "told", "killed", "arrived", "the", "reduced", "to", "be", "held",
		"were", "planning", "going", "rose", "indeed", "Killed", "Jakarta", "\"", "\u201c", "'", "said", "on", "March",
		"3", "rain", "fell", "expected", "would", "plans", "of", "x", "y", "z", "q",
		"the reduced", "to be held", "be arrived", "was going to", "were planning to", "\" said"}
	e := engineForTest(t)
	sc := new(scratch)
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 7))
		// Some texts sparse in the words that matter, some dense.
		sparse := int(seed%4) * 6
		text := sparseText(r, words, 300+int(seed%3)*300, sparse)
		doc := &claims.Document{ID: "t", Text: text, Language: "en", Status: claims.StatusRead}
		p := e.newPass(doc, sc)
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

// TestTenseWordAt holds tenseWordAt, which looks up the word before a
// token only when the token would give a tense, to tenseWordAtRef, which
// asked about the word before first, token by token over word salads in
// both languages.
func TestTenseWordAt(t *testing.T) {
	words := map[string][]string{
		"en": {"will", "was", "said", "told", "killed", "arrived", "the", "reduced", "to", "be", "held", "were",
			"planning", "going", "rose", "indeed", "Killed", "Jakarta", "\"", "said", "on", "March", "3", "fell",
			"expected", "would", "plans", "of", "x", "the reduced", "to be held", "was going to", "were planning to",
			"be said", "the rose", "to be going to", "would be killed", "Arrived", "5", "-"},
		"id": {"akan", "telah", "sudah", "tewas", "digelar", "berencana", "kata", "yang", "di", "3", "Maret", "x",
			"sedang", "baru", "pernah", "ditandatangani", "Jakarta", "\""},
	}
	e := engineForTest(t)
	checked, tensed := 0, 0
	for seed := range uint64(20) {
		lang := []string{"en", "id"}[seed%2]
		r := rand.New(rand.NewPCG(seed, 9))
		doc := &claims.Document{ID: "t", Text: wordSalad(r, words[lang], 400), Language: lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		for k := range p.Toks {
			got, want := p.tenseWordAt(k), tenseWordAtRef(p, k)
			if got != want {
				t.Fatalf("%s seed %d: token %d %q: %q, want %q", lang, seed, k, p.Toks[k].Text, got, want)
			}
			if got != "" {
				tensed++
			}
			checked++
		}
	}
	t.Logf("%d tokens, %d with a tense", checked, tensed)
}

// tenseWordAtRef is tenseWordAt as it read before it put off the look-up
// of the word before.
func tenseWordAtRef(p *Pass, k int) claims.Tense {
	t := &p.Toks[k]
	if p.Lang.Future.MayStart(t) && p.Lang.Future.Has(p.Toks, k) {
		return claims.TenseFuture
	}
	if k > 0 && p.Lang.InSet(rules.ListParticipleBefore, &p.Toks[k-1]) {
		return ""
	}
	if p.Lang.Past.MayStart(t) && p.Lang.Past.Has(p.Toks, k) {
		if p.futureInPast(k) {
			return claims.TenseFuture
		}
		return claims.TensePast
	}
	if t.Kind != token.Word || t.Is(token.Capital) {
		return ""
	}
	if p.Lang.InSet(rules.ListPastIrregular, t) {
		return claims.TensePast
	}
	if p.pastSuffixedAt(t) && (k == 0 || !p.Lang.InSet(rules.ListAdjectiveBefore, &p.Toks[k-1])) {
		return claims.TensePast
	}
	return ""
}

// TestFutureInPast: a past marker before a progressive form that opens a
// future phrase reads as a future, by the language's progressive_suffix
// list; Indonesian lists none, so its past markers stay past.
func TestFutureInPast(t *testing.T) {
	e := engineForTest(t)
	for _, c := range []struct {
		lang, text string
		k          int // the past marker
		want       bool
	}{
		{"en", "They were planning to vote", 1, true},
		{"en", "He was going to resign", 1, true},
		{"en", "They were planned to vote", 1, false},   // no progressive form
		{"en", "They were meeting on Monday", 1, false}, // no future phrase
		{"en", "They were", 1, false},                   // nothing after
		{"id", "Mereka telah berencana untuk memilih", 1, false},
	} {
		doc := &claims.Document{ID: "t", Text: c.text, Language: c.lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		if got := p.futureInPast(c.k); got != c.want {
			t.Errorf("%s %q at %d: %v, want %v", c.lang, c.text, c.k, got, c.want)
		}
	}
}
