package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestLeadMemo holds leadMemo, which remembers DateWordAt for the last few
// words, to DateWordAt itself over word salads in both languages: more
// distinct words than it holds, in either case, so that entries are
// replaced and found again.
func TestLeadMemo(t *testing.T) {
	words := map[string][]string{
		"en": {"at", "on", "in", "from", "last", "Last", "next", "March", "may", "the", "during", "twenty", "Monday",
			"since", "AT", "On", "this", "early", "5", ":", "hundreds", "half", "by", "until"},
		"id": {"pada", "di", "sejak", "lalu", "depan", "Maret", "Senin", "dua", "puluhan", "tanggal", "ini", "hingga",
			"PADA", "awal", "3", "-", "setengah", "bulan"},
	}
	e := engineForTest(t)
	checked := 0
	for seed := range uint64(10) {
		code := []string{"en", "id"}[seed%2]
		l := e.Rules.Languages[code]
		r := rand.New(rand.NewPCG(seed, 3))
		var b strings.Builder
		for range 500 {
			b.WriteString(words[code][r.IntN(len(words[code]))] + " ")
		}
		var lm leadMemo
		toks := token.Scan(b.String(), nil)
		for k := range toks {
			if got, want := lm.dateWordAt(l, &toks[k]), l.DateWordAt(&toks[k]); got != want {
				t.Fatalf("%s seed %d: token %d %q: %v, want %v", code, seed, k, toks[k].Text, got, want)
			}
			checked++
		}
	}
	t.Logf("%d tokens", checked)
}
