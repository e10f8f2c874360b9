package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// findDatelineRef is findDateline as it was written first: three passes
// over the matches, the lines asked of the document.
func findDatelineRef(p *Pass, ms *matchList) int {
	lineOf := func(i int) int { l, _ := p.Doc.Position(p.Toks[i].Start); return l }
	nonEmpty := map[int]int{}
	rank := 0
	for i := range p.Toks {
		if i == 0 || p.Toks[i].Is(token.NewlineBefore) {
			rank++
			nonEmpty[lineOf(i)] = rank
			if rank > 12 {
				break
			}
		}
	}
	pick := -1
	for pass := 0; pass < 3 && pick < 0; pass++ {
		for k := range ms.n {
			var m dateMatch
			ms.load(k, &m)
			c := m.Caps
			if c.Year[0] == 0 || c.Month[0] == 0 || c.Day[0] == 0 || c.Year[1] != 0 || c.Day[1] != 0 {
				continue
			}
			if _, err := civil(int(c.Year[0]), int(c.Month[0]), int(c.Day[0])); err != nil {
				continue
			}
			r, ok := nonEmpty[lineOf(m.Start)]
			lineStart := m.Start == 0 || p.Toks[m.Start].Is(token.NewlineBefore)
			if (pass == 0 && m.Pattern.Dateline) || (pass == 1 && ok && r <= 3) || (pass == 2 && ok && lineStart) {
				pick = k
				break
			}
		}
	}
	return pick
}

// TestFindDatelineOnePass checks findDateline against findDatelineRef on
// documents whose full dates fall in and out of the first lines, at and
// off their starts, with and without a dateline pattern (Indonesian
// "Senin (30/12/2024)").
func TestFindDatelineOnePass(t *testing.T) {
	e := engineForTest(t)
	lines := []string{"Jakarta", "", "Senin (30/12/2024) - Rapat digelar.", "The vote on March 3, 2024 was close.",
		"March 4, 2024", "31 February 2024 was no date.", "Jumat (3/1/2025)", "He said on 12 May 2023 that", "x"}
	r := rand.New(rand.NewPCG(7, 8))
	var none, picked, byPattern int
	for seed := range 300 {
		var b strings.Builder
		for n := r.IntN(30); n >= 0; n-- {
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteString([]string{"\n", " ", "\n\n", ", "}[r.IntN(4)])
		}
		lang := []string{"en", "id"}[seed%2]
		doc := &claims.Document{ID: "t", Text: b.String(), Language: lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		ms := p.scanDates(p.index.dates)
		want := findDatelineRef(p, ms)
		require.Equal(t, want, p.findDateline(ms), "seed %d: %q", seed, doc.Text)
		switch {
		case want < 0:
			none++
		case ms.ref(want).pat.Dateline:
			byPattern++
		default:
			picked++
		}
	}
	require.Positive(t, none)
	require.Positive(t, picked)
	require.Positive(t, byPattern)
}
