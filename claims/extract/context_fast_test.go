package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
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
