package compare

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestReasonBounds: a summary states a count's bounds as whole numbers
// (no one counts 11.49 people) and a quantity's without float noise.
func TestReasonBounds(t *testing.T) {
	num := func(doc string, kind claims.Kind, v float64, unit string) *claims.Claim {
		return &claims.Claim{Doc: doc, Kind: kind, Num: &claims.NumberValue{Value: v, Low: &v, High: &v, Unit: unit, Precision: precisionOf(v)}}
	}
	for _, tc := range []struct {
		name string
		a, b *claims.Claim
		want string
	}{
		{"counts", num("a", claims.KindCount, 11, ""), num("b", claims.KindCount, 12, ""), "the upper bound in a (11) is below the lower bound in b (12)"},
		{"ordinals", num("a", claims.KindOrdinal, 3, ""), num("b", claims.KindOrdinal, 4, ""), "the upper bound in a (3) is below the lower bound in b (4)"},
		{"magnitudes", num("a", claims.KindQuantity, 5.9, "magnitude"), num("b", claims.KindQuantity, 6.1, "magnitude"), "the upper bound in a (5.949) is below the lower bound in b (6.051)"},
		{"durations in their own unit", num("a", claims.KindDuration, 15, "second"), num("b", claims.KindDuration, 60, "second"), "the upper bound in a (15.49 seconds) is below the lower bound in b (59.51 seconds)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &Finding{Sides: []Side{{Claims: []*claims.Claim{tc.a}}, {Claims: []*claims.Claim{tc.b}}}}
			if got := reason(f); !strings.Contains(got, tc.want) {
				t.Errorf("reason = %q, want %q", got, tc.want)
			}
		})
	}
}

func precisionOf(v float64) float64 {
	if v == float64(int64(v)) {
		return 1
	}
	return 0.1
}
