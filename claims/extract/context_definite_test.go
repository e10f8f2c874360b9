package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// definiteWords are the pieces the definite-event tests write texts from:
// triggers of one and more words, definite words before and after them,
// participants (whose words readEvidence skips), one holding a trigger,
// and sentence and line ends.
var definiteWords = []string{
	"the", "this", "that", "this year's", "the annual", "ini", "itu", "tersebut",
	"meeting", "plenary", "plenary meeting", "plenary session", "summit", "talks", "rapat", "rapat pleno", "pleno", "KTT", "sidang", "congress", "kongres",
	"Security Council", "United Nations", "North Korea", "Korea Utara", "Indonesia", "JAKARTA", "PBB", "DK PBB",
	"held", "was", "of", "a", "12", ",", ".", ";", "\n", "\n\n", "Earlier,",
}

// checkDefinite holds, for each sentence of text, sentenceInfo.definite as
// readEvidence reads it (with its lanes and with every word sent to every
// table) to the reference scan of the sentence alone
// (sentenceContextRef), and counts the sentences of each answer.
func checkDefinite(t *testing.T, e *Engine, lang, text string, definite, plain *int) {
	t.Helper()
	all := everyLane()
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	check := func(a, b int) {
		want := p.sentenceContextRef(a, b)&claims.DefiniteEvent != 0
		var got, open sentenceInfo
		p.readEvidence(&got, a, b)
		p.readEvidenceIn(&open, a, b, all)
		if got.definite != want || open.definite != want {
			t.Fatalf("%s: sentence %q of %q: definite %v (every word: %v), want %v", lang, text[p.Toks[a].Start:p.Toks[b-1].End], text, got.definite, open.definite, want)
		}
		if want {
			*definite++
		} else {
			*plain++
		}
	}
	for _, s := range p.sents {
		if a, b := p.sentenceTokens(s.Start); a < b {
			check(a, b)
		}
	}
	// Spans that cut a phrase short, as a sentence end could: a trigger
	// or a participant running past the span.
	for a := 0; a < len(p.Toks); a += 3 {
		for b := a + 1; b <= len(p.Toks) && b <= a+6; b++ {
			check(a, b)
		}
	}
}

// TestSentenceDefinite holds the DefiniteEvent flag readEvidence reads on
// its way through a sentence's triggers (sentenceInfo.definite) to the
// reference scan of the sentence alone, over texts written around definite
// triggers, random texts of their pieces and the example articles.
func TestSentenceDefinite(t *testing.T) {
	e := engineForTest(t)
	texts := []string{
		"The meeting was held. This summit, the election and that quake: a meeting of the talks last Sunday; the talks. Meeting today. Talks the.",
		"Rapat ini digelar. Pemilu itu dan gempa tersebut; rapat pleno ini, KTT itu. Rapat. Gempa, ini. Ini rapat",
		"The Security Council meeting was held. The United Nations summit; DK PBB rapat itu.",
	}
	texts = append(texts, exampleTexts()...)
	rng := rand.New(rand.NewSource(12))
	for range 300 {
		var sb strings.Builder
		for n := 5 + rng.Intn(20); n > 0; n-- {
			sb.WriteString(definiteWords[rng.Intn(len(definiteWords))])
			sb.WriteByte(' ')
		}
		texts = append(texts, sb.String())
	}
	definite, plain := 0, 0
	for _, lang := range []string{"en", "id"} {
		for _, text := range texts {
			checkDefinite(t, e, lang, text, &definite, &plain)
		}
	}
	if definite == 0 || plain == 0 {
		t.Fatalf("%d definite spans, %d others: the test tests too little", definite, plain)
	}
	t.Logf("%d definite spans, %d others", definite, plain)
}

// TestSentenceDefiniteInParticipant holds sentenceInfo.definite to the
// reference where a trigger and its definite word stand inside a
// participant's name, whose words readEvidence skips: no built-in name
// holds a trigger that can match, so the test adds one.
func TestSentenceDefiniteInParticipant(t *testing.T) {
	dir := t.TempDir()
	extra := "participants:\n  - {id: test-forum, names: [Forum Rapat Itu, The Summit Group]}\n"
	if err := os.WriteFile(filepath.Join(dir, "forum.yaml"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := New(set)
	definite, plain := 0, 0
	checkDefinite(t, e, "id", "Forum Rapat Itu bertemu. Forum Rapat Ini. Forum Rapat Itu", &definite, &plain)
	checkDefinite(t, e, "en", "The Summit Group met. Summit Group The Summit.", &definite, &plain)
	if definite == 0 || plain == 0 {
		t.Fatalf("%d definite spans, %d others: the test tests too little", definite, plain)
	}
}

// FuzzSentenceDefinite is TestSentenceDefinite on any text.
func FuzzSentenceDefinite(f *testing.F) {
	e := engineForTest(f)
	f.Add("en", "The meeting was held. This summit; the Security Council meeting.")
	f.Add("id", "Rapat ini digelar. DK PBB rapat pleno itu.")
	f.Fuzz(func(t *testing.T, lang, text string) {
		if lang != "id" {
			lang = "en"
		}
		var definite, plain int
		checkDefinite(t, e, lang, text, &definite, &plain)
	})
}
