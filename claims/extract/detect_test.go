package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// detectRef is setLanguage's detection written plainly: every word of the
// first 3,000 tokens counted through a map, the first highest score
// winning.
func detectRef(set *rules.Set, toks []token.Token) string {
	weights := map[string][]int{}
	for li, code := range set.Codes {
		l := set.Languages[code]
		for _, w := range l.Words() {
			if weights[w] == nil {
				weights[w] = make([]int, len(set.Codes))
			}
			weights[w][li] = 1
			if l.Detect[w] {
				weights[w][li] = 2
			}
		}
	}
	scores := make([]int, len(set.Codes))
	for i := 0; i < len(toks) && i < 3000; i++ {
		if toks[i].Kind == token.Word {
			for li, w := range weights[toks[i].Lower] {
				scores[li] += w
			}
		}
	}
	best := 0
	for li := range scores {
		if scores[li] > scores[best] {
			best = li
		}
	}
	return set.Codes[best]
}

// TestDetectionMatchesFullCount: detection, which stops reading once no
// later token can change its answer, answers as counting every token
// does, on real articles of both languages (when ../shared/corpora is
// present), on mixtures of them, and on text near a tie.
func TestDetectionMatchesFullCount(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := New(set)
	texts := []string{
		"", "the", "yang", "the yang", "yang the", "Tuesday Selasa",
		strings.Repeat("the dan ", 2000), strings.Repeat("dan the ", 2000),
		strings.Repeat("the ", 100) + strings.Repeat("yang ", 2900),
		strings.Repeat("x ", 2990) + "yang yang the",
		// Candidates (words the filter lets by) among many other tokens,
		// and a lead that only the last candidates before token 3,000
		// can overturn.
		strings.Repeat("the , 12 ", 600) + strings.Repeat("yang ", 601),
		strings.Repeat("the . ", 900) + strings.Repeat("yang ", 1000),
	}
	if benchcorpus.RealDir() != "" {
		en := benchcorpus.LoadReal(t, "en", 300_000)
		id := benchcorpus.LoadReal(t, "id", 300_000)
		texts = append(texts, en...)
		texts = append(texts, id...)
		for k := 0; k < len(en) && k < len(id); k++ {
			texts = append(texts, en[k]+"\n"+id[k], id[k]+"\n"+en[k])
		}
	}
	for _, text := range texts {
		toks := token.Scan(text, nil)
		doc := &claims.Document{Text: text}
		eng.setLanguage(doc, toks, tallyRef(eng, toks))
		want := detectRef(set, toks)
		if doc.Language != want {
			t.Fatalf("%.80q: detected %s, want %s", text, doc.Language, want)
		}
		// Tokens not made by Scan have no hash: any word may be one
		// that weighs.
		for i := range toks {
			toks[i].Hash = 0
		}
		doc = &claims.Document{Text: text}
		if eng.setLanguage(doc, toks, tallyRef(eng, toks)); doc.Language != want {
			t.Fatalf("%.80q without hashes: detected %s, want %s", text, doc.Language, want)
		}
	}
}

// TestDetectionRandomMixtures: detection answers as counting every token
// does on random texts of one language's words, the other's, words both
// know, and others, in runs and proportions that keep the race close.
func TestDetectionRandomMixtures(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := New(set)
	pools := [][]string{
		{"the", "of", "and", "to", "was", "said", "January", "Monday", "seven"},
		{"yang", "dan", "di", "ini", "itu", "Januari", "Senin", "tujuh"},
		{"km", "2024", ",", "."},
		{"quake", "gempa", "Jakarta", "x"},
	}
	r := rand.New(rand.NewPCG(7, 8))
	won := map[string]int{}
	for range 600 {
		var b strings.Builder
		n := r.IntN(4000)
		for b.Len() < 8*n {
			pool := pools[r.IntN(len(pools))]
			for range 1 + r.IntN(20) {
				b.WriteString(pool[r.IntN(len(pool))])
				b.WriteByte(' ')
			}
		}
		text := b.String()
		toks := token.Scan(text, nil)
		doc := &claims.Document{Text: text}
		eng.setLanguage(doc, toks, tallyRef(eng, toks))
		if want := detectRef(set, toks); doc.Language != want {
			t.Fatalf("%.200q: detected %s, want %s", text, doc.Language, want)
		}
		won[doc.Language]++
	}
	if won["en"] < 100 || won["id"] < 100 {
		t.Errorf("the mixtures are one-sided: %v", won)
	}
}

// TestSettled: the leader is settled only when it leads each other
// language by more than that one can still gain (weight for each of its
// candidates left); the leader's own candidates do not matter, and a tie
// goes to the first.
func TestSettled(t *testing.T) {
	for _, tc := range []struct {
		scores, left []int
		weight       int
		want         bool
	}{
		{[]int{10, 3}, []int{100, 3}, 2, true},
		{[]int{10, 3}, []int{0, 4}, 2, false},
		{[]int{3, 10}, []int{3, 100}, 2, true},
		{[]int{3, 10, 9}, []int{0, 0, 0}, 2, true},
		{[]int{3, 10, 9}, []int{1, 0, 1}, 2, false},
		{[]int{3, 10, 9}, []int{3, 9, 0}, 2, true},
		{[]int{10, 10}, []int{0, 0}, 2, false},
		{[]int{5}, []int{100}, 2, true},
		{[]int{0, 0}, []int{0, 0}, 2, false},
		{[]int{7, 4}, []int{0, 1}, 2, true},
		{[]int{7, 4}, []int{0, 2}, 1, true},
		{[]int{7, 4}, []int{0, 3}, 1, false},
	} {
		if got := settled(tc.scores, tc.left, tc.weight); got != tc.want {
			t.Errorf("settled(%v, %v, %d) = %v, want %v", tc.scores, tc.left, tc.weight, got, tc.want)
		}
	}
}

// tallyRef is the tally that token.ScanTally keeps for detection (see
// Engine.tallyFor) counted plainly from the tokens: each word of the first
// detectTokens by its mask of langMasks, a token without a hash (not made
// by Scan) as a word of every language.
func tallyRef(eng *Engine, toks []token.Token) *token.Tally {
	tl := &token.Tally{Classes: eng.langMasks, Limit: detectTokens}
	for i := 0; i < len(toks) && i < detectTokens; i++ {
		if toks[i].Kind == token.Word {
			tl.Counts[langMask(eng.langMasks, &toks[i])&uint8(eng.langMasksUsed()-1)]++
		}
	}
	return tl
}

// countCandidatesRef counts in left[b] the words of the first
// detectTokens of toks whose mask holds bit b, one bit at a time.
func countCandidatesRef(eng *Engine, toks []token.Token) []int {
	left := make([]int, maxLangBits)
	for i := 0; i < len(toks) && i < detectTokens; i++ {
		if toks[i].Kind != token.Word {
			continue
		}
		m := langMask(eng.langMasks, &toks[i])
		for b := range maxLangBits {
			if m&(1<<b) != 0 && b < len(eng.Rules.Codes) {
				left[b]++
			}
		}
	}
	return left
}

// TestTallyCandidates: what the scanner counts for detection
// (token.ScanTally with the engine's tally) is, for every language, the
// words of the first detectTokens tokens that its bit of langMasks
// passes, counted from the tokens one bit at a time, on real articles
// (when ../shared/corpora is present) and random texts of words, figures,
// marks and non-ASCII words around the 3,000th token; and the tokens are
// Scan's.
func TestTallyCandidates(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := New(set)
	words := []string{"the", "yang", "Januari", "x", "dan", "quake", "7", ",", "Senin", "Überall", "ÉTÉ",
		"km2", "G20", "2024", "said", "SAID", "The", "Pemerintahan", "internationalisation", "\n", "\n\n", "-", "é"}
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for range 200 {
		var b strings.Builder
		for n := r.IntN(2 * detectTokens); n > 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) != 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, "", "the", "Yang", strings.Repeat("the ", detectTokens+5), strings.Repeat("Yang, ", detectTokens))
	if benchcorpus.RealDir() != "" {
		texts = append(texts, benchcorpus.LoadReal(t, "en", 300_000)...)
		texts = append(texts, benchcorpus.LoadReal(t, "id", 300_000)...)
	}
	sc := new(scratch)
	for _, text := range texts {
		doc := &claims.Document{Text: text}
		tl := eng.tallyFor(doc, sc)
		// The buffer is reused, its slots holding the last text's
		// tokens, as in ExtractThen.
		toks := token.ScanTally(text, sc.toks[:0], tl)
		sc.toks = toks
		if want := token.Scan(text, nil); !slices.Equal(toks, want) {
			t.Fatalf("%.80q: ScanTally's tokens are not Scan's", text)
		}
		got := make([]int, maxLangBits)
		eng.candidatesLeft(tl, got)
		if want := countCandidatesRef(eng, toks); !slices.Equal(got, want) {
			t.Fatalf("%.80q (%d tokens): counts %v, want %v", text, len(toks), got, want)
		}
		if ref := tallyRef(eng, toks); tl.Counts != ref.Counts {
			t.Fatalf("%.80q: tally %v, want %v", text, tl.Counts[:4], ref.Counts[:4])
		}
	}
	// A known language is not counted for.
	if tl := eng.tallyFor(&claims.Document{Language: "en"}, sc); tl != nil {
		t.Fatal("tallyFor a document in English: want nil")
	}
	if tl := eng.tallyFor(&claims.Document{Language: "xx"}, sc); tl == nil {
		t.Fatal("tallyFor a document in a language the rules lack: want a tally")
	}
}
