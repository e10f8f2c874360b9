package rules

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestDateWordAt checks the one-look-up DateWordAt against the four tests
// it stands for, at every token of the project's articles and cases and a
// few words of each kind, in every built-in language.
func TestDateWordAt(t *testing.T) {
	set, err := Builtin()
	require.NoError(t, err)
	texts := []string{"March Mar. Friday fri three dozens half last next this lalu depan Maret Jumat tiga puluhan setengah the on in 12"}
	texts = append(texts, projectTexts(t, "../testdata/example/*", "../testdata/cases/*/*.txtar")...)
	for _, code := range set.Codes {
		l := set.Languages[code]
		seen := map[bool]int{}
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for i := range toks {
				tk := &toks[i]
				_, _, month := l.MonthAt(tk)
				_, _, weekday := l.WeekdayAt(tk)
				_, offset := l.Offset(tk.Lower)
				want := month || weekday || l.IsNumberWordAt(tk) || offset
				require.Equal(t, want, l.DateWordAt(tk), "%s %q", code, tk.Text)
				seen[want]++
			}
		}
		require.NotZero(t, seen[true], code)
		require.NotZero(t, seen[false], code)
	}
}

// TestPrefixedOrdinal checks prefixedOrdinal, which tests a prefix's first
// byte before comparing it, against strings.HasPrefix, with an empty
// prefix among them (which opens every word of two bytes or more).
func TestPrefixedOrdinal(t *testing.T) {
	words := []string{"k", "ke", "kedua", "ketiga", "kx", "x", "se", "sebelas", "keke"}
	for _, pres := range [][]string{nil, {"ke"}, {"ke", "k"}, {"se", "ke"}, {""}, {"kedua"}} {
		l := &Language{ordPrefixes: pres}
		for _, w := range words {
			want := false
			for _, pre := range pres {
				want = want || len(w) > len(pre) && strings.HasPrefix(w, pre)
			}
			require.Equal(t, want, l.prefixedOrdinal(w), "%q %q", pres, w)
		}
	}
}
