package extract

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// TestEvidenceFirsts holds readEvidence's joint first-word filter
// (evidenceFirsts) to a filter that lets every word through, where each
// table's own filter decides alone: the evidence, frames and participants
// read from each sentence are the same, in both languages, over texts
// naming triggers, attribute words and participants and the example
// articles and cases.
func TestEvidenceFirsts(t *testing.T) {
	e := engineForTest(t)
	var all rules.WordFilter
	for k := range all {
		all[k] = ^uint64(0)
	}
	texts := []string{
		"A meeting of the ministers was held after the quake killed 12 people and injured 40; the election and the summit were signed off by Indonesia and China.",
		"Rapat pleno digelar setelah gempa menewaskan 12 orang dan melukai 40 orang; pemilu dan KTT ditandatangani oleh Indonesia dan China.",
	}
	texts = append(texts, exampleTexts()...)
	var first rules.WordFilter
	evidenceFirsts(e.Rules, &first)
	read, turned := 0, 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for _, s := range p.sents {
				a, b := p.sentenceTokens(s.Start)
				var got, want sentenceInfo
				p.readEvidenceIn(&got, a, b, &first)
				p.readEvidenceIn(&want, a, b, &all)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: sentence %q: evidence %+v, want %+v", lang, text[s.Start:s.End], got, want)
				}
				read += len(want.ev) + len(want.participants)
			}
			for k := range p.Toks {
				if !first.May(&p.Toks[k]) {
					turned++
				}
			}
		}
	}
	if read == 0 || turned == 0 {
		t.Fatalf("%d pieces read, %d words turned away: the test tests too little", read, turned)
	}
	t.Logf("%d pieces read, %d words turned away", read, turned)
}
