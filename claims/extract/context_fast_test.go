package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// sentenceContextRef is sentenceContext as first written: every trigger of
// the sentence looked up, then asked for a definite word around it.
func (p *Pass) sentenceContextRef(a, b int) claims.Context {
	var f claims.Context
	if a >= b {
		return f
	}
	toks := p.Toks[a:b]
	if p.Rules.Background.Has(toks, 0) {
		f |= claims.OpensBackground
	}
	if p.Rules.Anaphora.Has(toks, 0) {
		f |= claims.OpensAnaphora
	}
	for k := range toks {
		if end, _, ok := p.Rules.Triggers.Match(toks, k); ok && p.definiteAt(toks, k, end) {
			f |= claims.DefiniteEvent
			break
		}
	}
	return f
}

// TestSentenceContext holds sentenceContext, which looks a trigger up only
// where the definite tables' filters let a neighbouring word through, to
// the reference that looks every trigger up; per sentence, in both
// languages, over texts written to hold definite words before and after
// triggers, at sentence edges, and the example articles and cases.
func TestSentenceContext(t *testing.T) {
	e := engineForTest(t)
	texts := []string{
		"The meeting was held. This summit, the election and that quake: a meeting of the talks last Sunday; the talks. Meeting today. Talks the.",
		"Rapat ini digelar. Pemilu itu dan gempa tersebut; rapat pleno ini, KTT itu. Rapat. Gempa, ini. Ini rapat",
		"Officials said a summit would follow. Earlier, talks collapsed; a quake struck and an election was called.",
	}
	texts = append(texts, exampleTexts()...)
	definite, plain := 0, 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for _, s := range p.sents {
				a, b := p.sentenceTokens(s.Start)
				got, want := p.sentenceContext(a, b), p.sentenceContextRef(a, b)
				if got != want {
					t.Fatalf("%s: sentence %q: context %v, want %v", lang, text[s.Start:s.End], got, want)
				}
				if want&claims.DefiniteEvent != 0 {
					definite++
				} else {
					plain++
				}
			}
		}
	}
	if definite == 0 || plain == 0 {
		t.Fatalf("%d definite sentences, %d others: the test tests too little", definite, plain)
	}
	t.Logf("%d definite sentences, %d others", definite, plain)
}

// nominalDateRef is nominalDate as first written: each table asked with no
// filter of its own first.
func (p *Pass) nominalDateRef(c *claims.Claim) bool {
	ci, ce := p.tokenAt(c.Start), p.tokenAt(c.End)
	span := p.Toks[ci:ce]
	if len(span) > 1 && p.Rules.DateOf.Has(span, 0) {
		return true
	}
	before := p.Toks[:ci]
	if n := len(before); n > 0 && p.Rules.DateOf.Has(before, n-1) {
		return true
	}
	if len(span) != 1 || len(before) > 0 && p.Rules.DateAt.Has(before, len(before)-1) {
		return false
	}
	return ce < len(p.Toks) && p.Toks[ce].Kind == token.Word && p.Rules.Triggers.Has(p.Toks, ce)
}

// TestNominalDate holds nominalDate, which asks each table's filter first,
// to the reference, for spans of one to three tokens at every token of
// texts with dates written after "of", before event words and after
// clause prepositions, in both languages, and the example articles.
func TestNominalDate(t *testing.T) {
	e := engineForTest(t)
	texts := []string{
		"The tsunami of 2004 killed many; the 2004 tsunami, in 2004 killed, the meeting of May 5, 2023 summit and the election of 2019.",
		"Tsunami tahun 2004 menewaskan banyak orang; pada 2018 menewaskan, gempa 2018 dan pemilu 2019, rapat pada 5 Mei 2023.",
	}
	texts = append(texts, exampleTexts()...)
	nominal, other := 0, 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for k := range p.Toks {
				for n := 1; n <= 3 && k+n <= len(p.Toks); n++ {
					c := &claims.Claim{Start: p.Toks[k].Start, End: p.Toks[k+n-1].End}
					got, want := p.nominalDate(c), p.nominalDateRef(c)
					if got != want {
						t.Fatalf("%s: %q: nominal %v, want %v", lang, text[c.Start:c.End], got, want)
					}
					if want {
						nominal++
					} else {
						other++
					}
				}
			}
		}
	}
	if nominal == 0 || other == 0 {
		t.Fatalf("%d nominal spans, %d others: the test tests too little", nominal, other)
	}
}
