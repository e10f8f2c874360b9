package rules

import (
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestReadOrdinalPrefilter checks ReadOrdinal, which turns away a cardinal
// word before a word no table holds without reading on (see wordsGoOn), against
// readOrdinalRef, which always reads on, at every token of the project's
// articles and expectation cases and of shapes they may lack.
func TestReadOrdinalPrefilter(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := []string{
		"a third, a twentieth, one hundred twenty fifth, twenty-fifth, two hundredth, the twenty\nfifth, a\nfifth, one-third",
		"a man, two people, three - four, twenty -fifth, one and twentieth, a hundred and first, 3rd 21st 4 th 5-th",
		"kedua puluh, ke-8, kesebelas, satu per tiga, seperempat, dua puluh lima, yang kedua, kepada",
	}
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")...)
	found := 0
	for _, text := range texts {
		toks := token.Scan(text, nil)
		for _, code := range set.Codes {
			found += checkOrdinals(t, set.Languages[code], toks)
		}
	}
	require.Positive(t, found)
}

// checkOrdinals compares ReadOrdinal with readOrdinalRef at every token and
// returns how many ordinals they read.
func checkOrdinals(t *testing.T, l *Language, toks []token.Token) int {
	found := 0
	for i := range toks {
		v, end, ok := l.ReadOrdinal(toks, i)
		rv, rend, rok := l.readOrdinalRef(toks, i)
		require.Equal(t, [3]any{rv, rend, rok}, [3]any{v, end, ok}, "%s token %d %q", l.Code, i, toks[i].Text)
		if ok {
			found++
		}
	}
	return found
}

// FuzzReadOrdinalPrefilter runs TestReadOrdinalPrefilter's check over any
// text.
func FuzzReadOrdinalPrefilter(f *testing.F) {
	f.Add("a third, twenty-fifth, one hundred twenty fifth, a man, two people, kedua puluh, ke-8, 3rd")
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for _, code := range set.Codes {
			checkOrdinals(t, set.Languages[code], toks)
		}
	})
}

// readOrdinalRef is ReadOrdinal as it was before wordsGoOn: a cardinal
// word always reads on, and the word before is always looked up.
func (l *Language) readOrdinalRef(toks []token.Token, i int) (value, end int, ok bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	t := &toks[i]
	if t.Kind == token.Word {
		// Most words: no ordinal, number word or prefix. (numLex, not
		// the whole lexicon's filter: "and", months and units read
		// nothing here.)
		if !l.numLex.May(t) && !l.prefixedOrdinal(t.Lower) {
			return 0, 0, false
		}
		// What the tables say about the word, looked up once; the word
		// before it only for a word that may be an ordinal.
		f := l.factsOf(t)
		if !f.ordPrefix && !f.isOrdinal && f.num.kind == 0 && !l.prefixedOrdinal(t.Lower) {
			return 0, 0, false
		}
		afterOne := i > 0 && l.factsOf(&toks[i-1]).num.kind == nwOne
		// "ke-8"
		if f.ordPrefix && i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+1].Glued() &&
			toks[i+2].Kind == token.Number && toks[i+2].Glued() && len(toks[i+2].Text) <= 4 {
			return int(parseInt(toks[i+2].Text)), i + 3, true
		}
		// "kedua puluh", "kesebelas": the prefix glued to a cardinal.
		// (ordPrefixes rather than a range over the set, which started a
		// map iteration at every number word.)
		for _, pre := range l.ordPrefixes {
			if rest, found := strings.CutPrefix(t.Lower, pre); found && rest != "" {
				if _, isNum := l.numWords[rest]; isNum {
					if n, ok := l.readWords(toks, i, rest, nil, 0, false); ok && !n.Fraction && n.Value >= 1 {
						return int(n.Value), n.End, true
					}
				}
			}
		}
		if f.isOrdinal {
			if v := f.ordinal; afterOne && v >= 3 {
				return 0, 0, false // "a third", "a trillionth": fractions
			}
			return f.ordinal, i + 1, true
		}
		// "twenty-fifth", "one hundred twenty fifth", "two hundredth"
		if afterOne && !toks[i].Is(token.NewlineBefore) {
			return 0, 0, false // "a third", "a trillionth": fractions
		}
		if f.num.kind != 0 {
			if n, ok := l.readWords(toks, i, "", nil, 0, true); ok && n.Ordinal && n.Value >= 1 && n.Value == math.Trunc(n.Value) {
				return int(n.Value), n.End, true
			}
		}
		return 0, 0, false
	}
	if t.Kind == token.Number && len(t.Text) <= 4 && i+1 < len(toks) {
		s := &toks[i+1]
		if i > 0 && t.Glued() && (toks[i-1].Kind == token.Word || toks[i-1].Kind == token.Number) {
			return 0, 0, false
		}
		if s.Kind == token.Word && s.Glued() && l.factsOf(s).ordSuffix {
			return int(parseInt(t.Text)), i + 2, true
		}
	}
	return 0, 0, false
}
