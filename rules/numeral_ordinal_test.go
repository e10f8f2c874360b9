package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestDigitsMayOpenOrdinal: where DigitsMayOpenOrdinal turns digits away,
// ReadOrdinal reads no ordinal at them, at every figure of the project's
// articles and cases and of text dense in suffixed and glued figures, in
// every language.
func TestDigitsMayOpenOrdinal(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := []string{
		"the 3rd, 21st, 102nd and 4 th meetings; 5-th, 1990s, 5G, 10am, 3D, 2nd. 11th\nhour, 7 th 8th",
		"ke-8, ke 9, ke-10 kalinya, 3rd-party, 1st/2nd, 12th-century, 40th's, 2,000th, 1.5th, 99999th",
	}
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")...)
	turned, read := 0, 0
	for _, text := range texts {
		toks := token.Scan(text, nil)
		for _, code := range set.Codes {
			a, b := checkDigitOrdinals(t, set.Languages[code], toks)
			turned, read = turned+a, read+b
		}
	}
	require.Positive(t, turned)
	require.Positive(t, read)
}

// checkDigitOrdinals checks DigitsMayOpenOrdinal against ReadOrdinal at
// every figure of toks, and returns how many figures it turned away and
// how many ordinals ReadOrdinal read at figures.
func checkDigitOrdinals(t *testing.T, l *Language, toks []token.Token) (turned, read int) {
	for i := range toks {
		if toks[i].Kind != token.Number {
			continue
		}
		_, _, ok := l.ReadOrdinal(toks, i)
		if ok {
			read++
		}
		if !DigitsMayOpenOrdinal(toks, i) {
			turned++
			require.False(t, ok, "%s: DigitsMayOpenOrdinal turns away the ordinal at token %d %q", l.Code, i, toks[i].Text)
		}
	}
	return turned, read
}

// FuzzDigitsMayOpenOrdinal is TestDigitsMayOpenOrdinal's check on any text.
func FuzzDigitsMayOpenOrdinal(f *testing.F) {
	f.Add("the 3rd, 21st and 4 th; 1990s 5G ke-8")
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for _, code := range set.Codes {
			checkDigitOrdinals(t, set.Languages[code], toks)
		}
	})
}
