package extract

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// everyLane is a LaneFilter that sends every word to every table's match
// (MatchOpen), which then decides alone.
func everyLane() *rules.LaneFilter {
	var all rules.LaneFilter
	for k := range all {
		all[k] = ^uint8(0)
	}
	return &all
}

// TestEvidenceLanes holds readEvidence's lanes (evidenceLanes) to the
// tables' own filters, at every entry: a lane is set exactly where the
// table's MayOpen holds, for a token whose hash has that entry's bits
// (MayOpen reads no lower bits). And it holds the evidence, frames and
// participants read from each sentence with the lanes to those read with
// every word sent to every table's match, in both languages, over texts
// naming triggers, attribute words and participants and the example
// articles and cases.
func TestEvidenceLanes(t *testing.T) {
	e := engineForTest(t)
	var lanes rules.LaneFilter
	evidenceLanes(e.Rules, &lanes)
	tables := []struct {
		p    *rules.Phrases
		lane uint8
	}{{e.Rules.Triggers, laneTrigger}, {e.Rules.AttrWords, laneAttr}, {e.Rules.Participants, laneParticipant}}
	set := 0
	for x := range lanes {
		for _, hash := range []uint32{uint32(x) << 17, uint32(x)<<17 | 1<<17 - 1} {
			tok := token.Token{Hash: hash}
			for _, tb := range tables {
				if got, want := lanes.Lanes(&tok)&tb.lane != 0, tb.p.MayOpen(&tok); got != want {
					t.Fatalf("hash %#x, lane %d: %v, MayOpen %v", hash, tb.lane, got, want)
				}
			}
		}
		if lanes[x] != 0 {
			set++
		}
	}
	texts := []string{
		"A meeting of the ministers was held after the quake killed 12 people and injured 40; the election and the summit were signed off by Indonesia and China.",
		"Rapat pleno digelar setelah gempa menewaskan 12 orang dan melukai 40 orang; pemilu dan KTT ditandatangani oleh Indonesia dan China.",
	}
	texts = append(texts, exampleTexts()...)
	all := everyLane()
	read, turned := 0, 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for _, s := range p.sents {
				a, b := p.sentenceTokens(s.Start)
				var got, want sentenceInfo
				p.readEvidenceIn(&got, a, b, &lanes)
				p.readEvidenceIn(&want, a, b, all)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: sentence %q: evidence %+v, want %+v", lang, text[s.Start:s.End], got, want)
				}
				read += len(want.ev) + len(want.participants)
			}
			for k := range p.Toks {
				if lanes.Lanes(&p.Toks[k]) == 0 {
					turned++
				}
			}
		}
	}
	if read == 0 || turned == 0 || set == 0 || set == len(lanes) {
		t.Fatalf("%d pieces read, %d words turned away, %d entries set: the test tests too little", read, turned, set)
	}
	t.Logf("%d pieces read, %d words turned away, %d of %d entries set", read, turned, set, len(lanes))
}
