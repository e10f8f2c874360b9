package rules

import (
	"math"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// FuzzReadNumeral reads numerals and ordinals at every token of arbitrary
// text in both languages: no panic, the end lies after the start and
// within the tokens, the value is a number and a vague range is ordered.
//
//	go test ./rules -run=^$ -fuzz=FuzzReadNumeral -fuzztime=3m
func FuzzReadNumeral(f *testing.F) {
	for _, s := range []string{
		"5,000 4.000 96.214.691 7,8 1.2 million 1,2 juta 2,5 miliar $3bn 10M 13 lakh",
		"twenty-five a thousand one hundred and six seribu dua puluh lima sebelas dua belas",
		"ratusan puluhan ribu tens of thousands several hundred beberapa ratus dozens",
		"Eighth 8th kedelapan ke-8 twenty-first one hundred twenty fifth kedua puluh",
		"two thirds one and a half half a million ½ 3/4 2 1/4 .08 minus five -4/5",
		"192.168.1.2 1.111,11 22,24,26,31 3 hundred and 2 hundred three lakh crore",
		"Dec31 mar3 T04 q3 H2 1990s 1800s III 0417 4:17:35",
	} {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for _, code := range set.Codes {
			l := set.Languages[code]
			for i := range toks {
				if n, ok := l.ReadNumeral(toks, i); ok {
					if n.End <= i || n.End > len(toks) {
						t.Fatalf("%s %q at %d: end %d", code, text, i, n.End)
					}
					if math.IsNaN(n.Value) || n.Vague && n.Low > n.High {
						t.Fatalf("%s %q at %d: value %v [%v, %v]", code, text, i, n.Value, n.Low, n.High)
					}
				}
				if _, end, ok := l.ReadOrdinal(toks, i); ok && (end <= i || end > len(toks)) {
					t.Fatalf("%s %q at %d: ordinal end %d", code, text, i, end)
				}
			}
		}
	})
}
