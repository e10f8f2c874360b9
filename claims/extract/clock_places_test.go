package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// plainNextParticipant is nextParticipant without the filters: Match at
// every token.
func plainNextParticipant(parts *rules.Phrases, toks []token.Token, k, b int) (v, end int, found bool) {
	for ; k < b; k++ {
		if end, v, found = parts.Match(toks, k); found {
			return v, end, true
		}
	}
	return 0, b, false
}

// checkNextParticipant holds nextParticipant to plainNextParticipant from
// every token of text, to the end and to a bound inside it, and returns
// how many of the searches found one.
func checkNextParticipant(t *testing.T, e *Engine, lang, text string) int {
	t.Helper()
	p := passOver(e, lang, text)
	parts := p.Rules.Participants
	toks, lanes := p.Toks, &p.index.lanes
	n := 0
	for k := 0; k <= len(toks); k++ {
		for _, b := range []int{len(toks), k + 3, k} {
			b = min(b, len(toks))
			v, end, found := nextParticipant(lanes, parts, toks, k, b)
			pv, pend, pfound := plainNextParticipant(parts, toks, k, b)
			if v != pv || end != pend || found != pfound {
				t.Fatalf("%s %q from %d to %d: (%d, %d, %v), plain (%d, %d, %v)", lang, text, k, b, v, end, found, pv, pend, pfound)
			}
			if found {
				n++
			}
		}
	}
	return n
}

// TestNextParticipant holds the filtered search for the places that set
// a clock's zone to the plain one, in both languages, over texts naming
// countries (in and out of case, at the ends) and the example articles.
func TestNextParticipant(t *testing.T) {
	e := engineForTest(t)
	texts := []string{
		"Indonesia said at 7:37 AM local time that the quake near Japan and the United States hit.",
		"The U.S. Geological Survey and china, CHINA and China named the place; Indonesia",
		"Pukul 06.12 WIB, gempa di Indonesia dan Jepang; Amerika Serikat dan Malaysia melaporkan.",
		"",
		"x",
	}
	texts = append(texts, exampleTexts()...)
	for _, lang := range []string{"en", "id"} {
		found := 0
		for _, text := range texts {
			found += checkNextParticipant(t, e, lang, text)
		}
		if found == 0 {
			t.Errorf("%s: no participant found: the test reads nothing", lang)
		}
	}
}

// FuzzNextParticipant is TestNextParticipant on any text.
func FuzzNextParticipant(f *testing.F) {
	f.Add("Indonesia said at 7:37 AM local time that the quake near Japan hit.", false)
	f.Add("gempa di Amerika Serikat dan Malaysia", true)
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string, id bool) {
		lang := "en"
		if id {
			lang = "id"
		}
		checkNextParticipant(t, e, lang, text)
	})
}
