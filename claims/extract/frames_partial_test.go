package extract

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// markPartialRef is markPartial as it was, with a map of the attributes
// seen and each table asked without its filters first.
func markPartialRef(p *Pass, cs []*claims.Claim) {
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Kind != claims.KindCount || c.Attribute == "" {
			continue
		}
		ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
		partitive := ce < len(p.Toks) && p.Rules.PartialAfter.Has(p.Toks, ce)
		_, _, addition := p.Rules.PartialBefore.MatchBefore(p.Toks, ci, 3)
		addition = addition && seen[c.Attribute]
		seen[c.Attribute] = true
		if partitive || addition {
			c.Note = "part of a count (" + c.Attribute + "), not its total: not compared"
			c.Frame, c.Attribute, c.Also, c.Subject = "", "", nil, ""
		}
	}
}

// scopeAfterRef is scopeAfter as it was, asking ScopeBefore without its
// filter first.
func scopeAfterRef(p *Pass, k int) string {
	set := p.Rules
	for n := 0; n < 4 && k < len(p.Toks); n++ {
		t := &p.Toks[k]
		if t.Is(token.NewlineBefore) || t.Kind == token.Punct {
			return ""
		}
		if end, _, ok := set.ScopeBefore.Match(p.Toks, k); ok {
			k = end
			break
		}
		if n == 3 {
			return ""
		}
		k++
	}
	if k >= len(p.Toks) {
		return ""
	}
	if p.Toks[k].Kind == token.Number && k+1 < len(p.Toks) && set.ScopeNouns.Has(p.Toks, k+1) {
		return p.Toks[k+1].Lower
	}
	if p.Lang.DetectAt(&p.Toks[k]) && k+1 < len(p.Toks) {
		k++
	}
	t := &p.Toks[k]
	if set.ScopeNouns.Has(p.Toks, k) {
		return t.Lower
	}
	if t.Kind == token.Word && (t.Is(token.Capital) || t.Is(token.AllCaps)) && !t.Is(token.NewlineBefore) {
		if _, _, ok := p.Lang.MonthAt(t); ok {
			return ""
		}
		if _, _, ok := p.Lang.WeekdayAt(t); ok {
			return ""
		}
		return t.Lower
	}
	return ""
}

// TestPartialAndScope holds markPartial and scopeAfter, which ask the
// phrase tables' inlined filters before them and keep the attributes
// seen in a slice, to the plain readings (markPartialRef, scopeAfterRef)
// over the example articles and texts of partitives, additions and
// scopes, every number a count of one of a few attributes.
func TestPartialAndScope(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", "One man was killed. Another four people died in hospital, and 15 of them on Qeshm; 170,000 people in the province and 12 in 13 countries were hit. Twelve were killed. Another 40 were injured in Aceh."},
		{"id", "Satu orang tewas. Sebanyak 4 orang lainnya meninggal di rumah sakit, 15 di antaranya di Cianjur; 170.000 orang di provinsi dan 12 di 13 negara terdampak. Tambahan 40 orang luka di Aceh."},
	}
	for _, s := range exampleTexts() {
		texts = append(texts, struct{ lang, text string }{"en", s}, struct{ lang, text string }{"id", s})
	}
	attrs := []string{"quake.deaths", "quake.injured", "election.turnout"}
	marked, scoped := 0, 0
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		var got, want []*claims.Claim
		for k := range p.Toks {
			if p.Toks[k].Kind != token.Number {
				continue
			}
			c := claims.Claim{Kind: claims.KindCount, Start: p.Toks[k].Start, End: p.Toks[k].End, Attribute: attrs[len(got)%len(attrs)], Frame: "quake"}
			g, w := c, c
			got, want = append(got, &g), append(want, &w)
		}
		p.markPartial(got)
		markPartialRef(p, want)
		for k := range got {
			if !reflect.DeepEqual(*got[k], *want[k]) {
				t.Fatalf("%s: claim %q: %+v, want %+v", tc.lang, tc.text[got[k].Start:got[k].End], *got[k], *want[k])
			}
			if got[k].Note != "" {
				marked++
			}
		}
		for k := range p.Toks {
			got, want := p.scopeAfter(k), scopeAfterRef(p, k)
			if got != want {
				t.Fatalf("%s: scope after %q: %q, want %q", tc.lang, p.Toks[k].Text, got, want)
			}
			if got != "" {
				scoped++
			}
		}
	}
	if marked == 0 || scoped == 0 {
		t.Fatalf("%d counts marked part of one, %d scopes read: the test tests too little", marked, scoped)
	}
}
