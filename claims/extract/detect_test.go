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
		eng.setLanguage(doc, toks)
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
		if eng.setLanguage(doc, toks); doc.Language != want {
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
		eng.setLanguage(doc, toks)
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

// TestCountCandidates: the counts kept in langLanes' lanes are, for every
// language bit, the words whose mask holds it, counted one bit at a time,
// for every mask (tokens without a hash included) and up to detectTokens.
func TestCountCandidates(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := New(set)
	ref := func(toks []token.Token) []int {
		left := make([]int, maxLangBits)
		for i := range toks {
			if toks[i].Kind != token.Word {
				continue
			}
			m := uint8(0xff)
			if h := toks[i].Hash; h != 0 {
				m = eng.langMasks[h>>17]
			}
			for b := range maxLangBits {
				if m&(1<<b) != 0 {
					left[b]++
				}
			}
		}
		return left
	}
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"the", "yang", "Januari", "x", "dan", "quake", "7", ",", "Senin"}
	for n := range 40 {
		toks := make([]token.Token, r.IntN(detectTokens+1))
		for i := range toks {
			w := words[r.IntN(len(words))]
			toks[i] = token.Token{Kind: token.Word, Lower: w, Hash: token.HashString(w)}
			switch r.IntN(8) {
			case 0:
				toks[i].Hash = 0
			case 1:
				toks[i].Kind = token.Punct
			case 2:
				// A hash at any place of the masks, whatever its bits.
				toks[i].Hash = r.Uint32() | 1
			}
		}
		if n == 0 {
			// Every token one that counts for all the bits.
			for i := range toks {
				toks[i] = token.Token{Kind: token.Word, Lower: "q"}
			}
		}
		got := make([]int, maxLangBits)
		eng.countCandidates(toks, got)
		if want := ref(toks); !slices.Equal(got, want) {
			t.Fatalf("%d tokens: counts %v, want %v", len(toks), got, want)
		}
	}
	// Every mask, alone.
	for m := range 256 {
		var want [maxLangBits]uint64
		for b := range maxLangBits {
			if m&(1<<b) != 0 {
				want[b] = 1
			}
		}
		l := langLanes[m]
		for b := range maxLangBits {
			if got := l[b/4] >> (16 * (b % 4)) & 0xffff; got != want[b] {
				t.Fatalf("langLanes[%#x] bit %d: %d, want %d", m, b, got, want[b])
			}
		}
	}
}
