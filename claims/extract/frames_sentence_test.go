package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestParticipantSlab holds the participants that sentences read into one
// slab (frameAssigner.sentence) to those each reads into a slab of its
// own, after every sentence of the texts is read: a list closed in the
// slab is not written by the next, and appending to one copies it.
func TestParticipantSlab(t *testing.T) {
	e := engineForTest(t)
	texts := []struct{ lang, text string }{
		{"en", strings.Repeat("Talks between Indonesia, China, Japan, Russia, India and Australia resumed. Nothing here. The United States and Iran met. ", 12)},
		{"id", strings.Repeat("Indonesia dan China bertemu. Tidak ada. Jepang, Rusia, India dan Australia sepakat. ", 12)},
	}
	texts = append(texts, struct{ lang, text string }{"en", strings.Join(exampleTexts(), "\n")})
	named := 0
	for _, tc := range texts {
		doc := &claims.Document{ID: "t", Text: tc.text, Language: tc.lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		var si sentenceInfo // read as frameAssigner.sentence reads, its slab kept
		var got, want [][]string
		for _, s := range p.sents {
			a, b := p.sentenceTokens(s.Start)
			si = sentenceInfo{slab: si.slab}
			p.readEvidence(&si, a, b)
			got = append(got, si.slab.close(si.participants))
			var plain sentenceInfo // a slab of its own
			p.readEvidence(&plain, a, b)
			want = append(want, plain.slab.close(plain.participants))
			var mask uint64
			for k := range plain.ev {
				mask |= plain.ev[k].fmask
			}
			if si.evoked != mask || plain.evoked != mask {
				t.Errorf("%s: evoked %b and %b, want %b", tc.lang, si.evoked, plain.evoked, mask)
			}
		}
		for k := range got {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Fatalf("%s: sentence %d: participants %q, want %q", tc.lang, k, got[k], want[k])
			}
			if len(got[k]) > 0 {
				named++
				_ = append(got[k], "x") // must copy, not write into the next list
			}
		}
		for k := range got {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Fatalf("%s: sentence %d after appends: participants %q, want %q", tc.lang, k, got[k], want[k])
			}
		}
	}
	if named < 20 {
		t.Fatalf("%d sentences name participants: the test tests too little", named)
	}
}
