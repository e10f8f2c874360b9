package extract

import (
	"math/rand/v2"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// trimLeadPlain is trimLead as it was before firstAt and the filters:
// the reference the fast path is held to.
func trimLeadPlain(p *Pass, c *claims.Claim, drop *rules.Phrases) {
	k := p.tokenAt(c.Start)
	if k > 0 && !p.Toks[k].Is(token.NewlineBefore) {
		if _, _, ok := p.Rules.Triggers.MatchBefore(p.Toks, k, 3); ok {
			return
		}
	}
	for k < len(p.Toks) && p.Toks[k].Start == c.Start {
		end, _, ok := drop.Match(p.Toks, k)
		if !ok || end >= len(p.Toks) || p.Toks[end].Start >= c.End {
			return
		}
		k = end
		c.Start = p.Toks[k].Start
	}
}

// TestTrimLeadPlain holds trimLead to trimLeadPlain over word salads of
// prepositions, event words and date words in both languages, for claims
// starting at every token, inside tokens, and with items whose first token
// is not the claim's (the fallback to tokenAt).
func TestTrimLeadPlain(t *testing.T) {
	words := map[string][]string{
		"en": {"at", "on", "in", "from", "during", "since", "until", "by", "policies", "election", "talks", "vote",
			"5", "p.m.", "March", "3", "2024", "the", "AT", "On", "\n", "strike", "will", "resume", ",", "."},
		"id": {"pada", "di", "sejak", "selama", "untuk", "strategi", "tahun", "2025", "hingga", "Maret", "tujuh",
			"hari", "pemilu", "PADA", "\n", "3", "pukul", "17.00", ",", "."},
	}
	e := engineForTest(t)
	checked, trimmed := 0, 0
	for seed := range uint64(20) {
		code := []string{"en", "id"}[seed%2]
		r := rand.New(rand.NewPCG(seed, 5))
		doc := &claims.Document{ID: "t", Text: wordSalad(r, words[code], 400), Language: code, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		drop := p.Lang.List(rules.ListTimexDrop)
		if drop == nil {
			t.Fatalf("%s: no timex drop list", code)
		}
		n := len(p.Toks)
		for k := range n {
			for _, span := range []int{1, 2, 3, 5} {
				e := min(n-1, k+span-1)
				for _, lead := range []int{0, 1, -1} {
					start := p.Toks[k].Start + max(lead, 0) // 1: inside the token
					if start >= p.Toks[k].End || lead > 0 && k+1 >= n {
						continue // (a claim starts before some token)
					}
					want := &claims.Claim{Start: start, End: p.Toks[e].End}
					got := *want
					it := &dateItem{start: k + min(lead, 0), c: &got} // -1: not the claim's first token
					trimLeadPlain(p, want, drop)
					p.trimLead(it, drop)
					if got.Start != want.Start {
						t.Fatalf("%s seed %d: claim [%d,%d) item %d: trimmed to %d, want %d", code, seed,
							start, want.End, it.start, got.Start, want.Start)
					}
					checked++
					if want.Start != start {
						trimmed++
					}
				}
			}
		}
	}
	if trimmed == 0 {
		t.Fatal("no claim was trimmed: the salads test nothing")
	}
	t.Logf("%d claims, %d trimmed", checked, trimmed)
}
