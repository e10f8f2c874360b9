package extract

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// refCounts is the plain reading boundaries replaces: the four marker
// counts before each token, over the whole text, token by token with
// each table's own test.
func refCounts(p *Pass) [4][]int32 {
	var out [4][]int32
	var c [4]int32
	for k := range p.Toks {
		for i := range out {
			out[i] = append(out[i], c[i])
		}
		tk := &p.Toks[k]
		if p.clauseBreak(k) {
			c[0]++
		}
		if tk.Kind != token.Word && (tk.Text == "," || tk.Text == ";") && !inNumber(p.Toks, k) {
			c[1]++
		}
		if p.Lang.Future.Has(p.Toks, k) {
			c[2]++
		}
		if p.Lang.Past.Has(p.Toks, k) {
			c[3]++
		}
	}
	for i := range out {
		out[i] = append(out[i], c[i])
	}
	return out
}

// TestBoundariesCover holds the counts that extend and coverRange leave,
// asked in any order (dates in text order, then claims from the start
// again, then at random), to the counts over the whole text: within every
// range asked for, and every range asked for before (a run moved when a
// gap before it is counted), two counts differ by the markers between.
func TestBoundariesCover(t *testing.T) {
	e := engineForTest(t)
	en := []string{
		"The talks will resume in May, and officials said they had agreed; the deal (signed 2024) was expected to hold — but it fell apart.",
		"3,000 people, 2.5 km away, were evacuated.",
		"Nothing happened here",
		"He said the summit, which will open on Friday, was delayed.",
		"Prices rose 7.70, or 17 percent, after the meeting.",
	}
	id := []string{
		"Pertemuan akan dilanjutkan pada Mei, dan pejabat mengatakan mereka telah sepakat; kesepakatan itu sudah ditandatangani tetapi kemudian gagal.",
		"Sebanyak 3.000 orang, 2,5 km jauhnya, telah dievakuasi.",
		"Tidak ada apa-apa",
	}
	rng := rand.New(rand.NewSource(1))
	checked := 0
	for round := 0; round < 40; round++ {
		lang, pool := "en", en
		if round%3 == 2 {
			lang, pool = "id", id
		}
		var sb strings.Builder
		for n := 3 + rng.Intn(12); n > 0; n-- {
			sb.WriteString(pool[rng.Intn(len(pool))])
			sb.WriteString([]string{" ", "\n", "\n\n", "  "}[rng.Intn(4)])
		}
		doc := &claims.Document{ID: "t", Text: sb.String(), Language: lang, Status: claims.StatusRead}
		p := e.newPass(doc, new(scratch))
		n := len(p.Toks)
		if n == 0 {
			continue
		}
		ref := refCounts(p)
		bs := &p.bounds
		type span struct{ lo, hi int }
		var asked []span
		check := func(s span) {
			got := [4][]int32{bs.clause, bs.comma, bs.future, bs.past}
			for i := range got {
				for k := s.lo; k <= s.hi; k++ {
					if got[i][k]-got[i][s.lo] != ref[i][k]-ref[i][s.lo] {
						t.Fatalf("round %d: count %d over [%d, %d]: %d at %d, want %d", round, i, s.lo, s.hi, got[i][k]-got[i][s.lo], k, ref[i][k]-ref[i][s.lo])
					}
				}
			}
			checked++
		}
		ask := func(lo, hi int, byExtend bool) {
			if byExtend {
				bs.extend(p, hi)
				if hi <= 0 {
					return
				}
				lo = p.unitStart(hi - 1) // extend answers for hi-1's sentence
			} else {
				bs.coverRange(p, lo, hi)
				if lo >= hi {
					return
				}
			}
			asked = append(asked, span{lo, hi})
			for _, s := range asked {
				check(s)
			}
		}
		// The date step's order (sentence ends, in text order), then the
		// claims' (from the start again, ranges in one sentence or two),
		// then any.
		for k := rng.Intn(5); k < n; k += 1 + rng.Intn(40) {
			if _, b := p.sentenceTokens(p.Toks[k].Start); rng.Intn(2) == 0 {
				ask(0, max(b, k), true)
			}
		}
		for k := rng.Intn(5); k < n; k += 1 + rng.Intn(30) {
			ask(k, min(n, k+rng.Intn(25)), false)
		}
		for j := 0; j < 20; j++ {
			lo := rng.Intn(n)
			ask(lo, min(n, lo+rng.Intn(60)), rng.Intn(2) == 0)
		}
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}
