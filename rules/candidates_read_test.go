package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// candidateTexts hold every kind of token candidatesRead tells apart: digit
// runs of each class (short, a year, a year ending in 0, other lengths),
// words an ordinal prefix opens ("kedua", "ketiga": the ordinal list of
// an index that has one), words that open patterns, punctuation and signs,
// and words the Vocab does not hold.
var candidateTexts = []string{
	"On 5 May 2023, 1990 and 12345 people, 07 of 123, the 1800s and 2999 or 3000 votes.",
	"Rapat kedua pada 17 Agustus 1945, ketiga kalinya, ke-4 dan keempat; Senin (30/12/2024) pukul 10.30 WIB.",
	"at 5 p.m. -5 and .08 or ½ of it, Q3 2024, T04:17, june5, III, nineteen ninety-six, zzqx",
}

// checkCandidatesRead holds candidatesRead, which reads a token's
// candidates from its TokenWord alone, to candidates, which reads the
// token: the same lists at every token of text, for each index.
func checkCandidatesRead(t *testing.T, xs []*Index, text string) {
	t.Helper()
	toks := token.Scan(text, nil)
	for _, x := range xs {
		ws := x.vocab.Read(toks, nil)
		for i := range toks {
			own, more := x.candidatesRead(ws[i])
			wantOwn, wantMore := x.candidates(&toks[i])
			if own != wantOwn || more != wantMore {
				t.Fatalf("%q at token %d %q: candidatesRead %p %p, candidates %p %p", text, i, toks[i].Text, own, more, wantOwn, wantMore)
			}
		}
	}
}

// candidateIndexes are the date and furniture indexes of every built-in
// language.
func candidateIndexes(tb testing.TB) []*Index {
	set, err := Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	var xs []*Index
	for _, code := range set.Codes {
		l := set.Languages[code]
		v := NewVocab(l)
		xs = append(xs, NewIndexIn(v, l.Dates, l.Relative, l.Durations), NewIndexIn(v, l.Furniture))
	}
	return xs
}

func TestCandidatesRead(t *testing.T) {
	xs := candidateIndexes(t)
	for _, text := range append(candidateTexts, spotTexts...) {
		checkCandidatesRead(t, xs, text)
	}
}

// FuzzCandidatesRead is TestCandidatesRead on any text.
//
//	go test ./rules -run=^$ -fuzz=FuzzCandidatesRead -fuzztime=30s
func FuzzCandidatesRead(f *testing.F) {
	for _, s := range candidateTexts {
		f.Add(s)
	}
	xs := candidateIndexes(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkCandidatesRead(t, xs, text)
	})
}
