package extract

import (
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
		eng.setLanguage(doc, toks)
		if want := detectRef(set, toks); doc.Language != want {
			t.Fatalf("%.80q: detected %s, want %s", text, doc.Language, want)
		}
	}
}

// TestSettled: the leader is settled only when it leads by more than what
// is left to gain.
func TestSettled(t *testing.T) {
	for _, tc := range []struct {
		scores []int
		rest   int
		want   bool
	}{
		{[]int{10, 3}, 6, true},
		{[]int{10, 3}, 7, false},
		{[]int{3, 10}, 6, true},
		{[]int{3, 10, 9}, 0, true},
		{[]int{10, 10}, 0, false},
		{[]int{5}, 100, true},
		{[]int{0, 0}, 0, false},
	} {
		if got := settled(tc.scores, tc.rest); got != tc.want {
			t.Errorf("settled(%v, %d) = %v, want %v", tc.scores, tc.rest, got, tc.want)
		}
	}
}
