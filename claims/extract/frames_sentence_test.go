package extract

import (
	"math/rand/v2"
	"reflect"
	"slices"
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

// TestClaimSentence holds assign's reading of a claim's sentence, which
// keeps the sentence of the claim asked for last (inSpan,
// readClaimSentence), to sentenceTokens and sentence asked afresh, at
// every byte of pages of several sentences (with gaps and line breaks
// between them, and figures, which read no evidence), in text order,
// backwards and at random, with the sentence before read in between as
// previousFrame reads it.
func TestClaimSentence(t *testing.T) {
	e := engineForTest(t)
	r := rand.New(rand.NewPCG(15, 5))
	texts := []struct{ lang, text string }{
		{"en", "The summit was held on May 3. 12 people were killed.\n\nTurnout was 81.8%.  The quake struck at dawn, police said. 45 67"},
		{"id", "Rapat digelar pada 3 Mei 2024. Gempa menewaskan 12 orang.\nPemilu 2024"},
		{"en", "no full stop at all 12 34 killed"},
	}
	asked := 0
	for _, tc := range texts {
		p := passOver(e, tc.lang, tc.text)
		n := len(tc.text)
		orders := [][]int{make([]int, n), make([]int, n), r.Perm(n)}
		for k := range n {
			orders[0][k], orders[1][k] = k, n-1-k
		}
		for _, order := range orders {
			fa := &frameAssigner{p: p, set: e.Rules}
			ref := &frameAssigner{p: p, set: e.Rules}
			for _, off := range order {
				if !fa.inSpan(off) { // as assign reads it
					fa.readClaimSentence(off)
				}
				a, b, si := fa.span.a, fa.span.b, &fa.cache[fa.recent&1].si
				wa, wb := p.sentenceTokens(off)
				want := ref.sentence(wa, wb)
				if a != wa || b != wb || !reflect.DeepEqual(si.ev, want.ev) || !slices.Equal(si.participants, want.participants) {
					t.Fatalf("%.20q, byte %d: tokens [%d,%d), %d pieces; want [%d,%d), %d", tc.text, off, a, b, len(si.ev), wa, wb, len(want.ev))
				}
				if &fa.cache[fa.recent].si != si {
					t.Fatalf("%.20q, byte %d: the slot used last is not the sentence's", tc.text, off)
				}
				if a > 0 && r.IntN(3) == 0 {
					pa, pb := p.sentenceTokens(p.Toks[a-1].Start)
					fa.sentence(pa, pb) // previousFrame's reading
				}
				asked++
			}
		}
	}
	if asked < 100 {
		t.Fatalf("%d bytes asked about", asked)
	}
}
