package rules

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// FuzzNamedIn: NamedIn, which turns away a scanned token without the
// Capital flag before its filters, names what namedInRef (Match at every
// token) names in any text; and the flag's premise holds, that Scan flags
// every token an ASCII capital opens.
func FuzzNamedIn(f *testing.F) {
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Joko Widodo met Prabowo Subianto in Jakarta.",
		"the UN and the United Nations; NATO, Nato, nato.",
		"Élysée Palace, Ö, ÉCOLE: names with wide letters. Ünited Nations",
		"\"Biden\" (Joe Biden) said; biden said.",
		"A I X. 3M u.S. IMF's",
	} {
		f.Add(s)
	}
	for _, s := range exampleTexts() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.Scan(text, nil)
		for _, tk := range toks {
			if asciiCapital(tk.Text) && tk.Flags&token.Capital == 0 {
				t.Fatalf("%q: Scan did not flag %q Capital", text, tk.Text)
			}
		}
		if got, want := set.NamedIn(toks), namedInRef(set, toks); !slices.Equal(got, want) {
			t.Fatalf("%q: NamedIn %q, want %q", text, got, want)
		}
	})
}
