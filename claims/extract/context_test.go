package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestClaimContext: the flags compare's background test reads are set at
// extraction, per sentence and per date. The sentences are written for this
// test.
func TestClaimContext(t *testing.T) {
	tests := []struct {
		lang, text, claim string
		want              claims.Context
	}{
		{"en", "Previously, a storm killed 40 people in 2019.", "2019", claims.OpensBackground},
		{"en", "It killed 612 people in the north.", "612", claims.OpensAnaphora},
		{"en", "Five people died in the quake on Monday.", "on Monday", claims.DefiniteEvent},
		{"en", "The region was hit by the tsunami of 2004.", "of 2004", claims.DefiniteEvent | claims.NominalDate}, // "the tsunami" is known too,
		{"en", "Survivors of the 2004 tsunami gathered.", "2004", claims.NominalDate},
		{"en", "In 2004 a tsunami killed thousands.", "2004", 0},
		{"id", "Sebelumnya, banjir melanda kota itu pada 2020.", "2020", claims.OpensBackground},
		{"id", "Lima orang tewas dalam gempa tersebut pada Senin.", "Senin", claims.DefiniteEvent},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got *claims.Claim
			for _, c := range extractDoc(t, tc.lang, "2024-06-15", tc.text) {
				if c.Text == tc.claim {
					got = c
				}
			}
			if got == nil {
				t.Fatalf("no claim %q", tc.claim)
			}
			if got.Context != tc.want {
				t.Errorf("%q: context %b, want %b", tc.claim, got.Context, tc.want)
			}
		})
	}
}
