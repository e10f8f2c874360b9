package compare

import (
	"math"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestDurationUnitsAgree: with one table of unit lengths (rules.
// DurationSeconds), the same span written in different units has the same
// length in days. With the old comparison table a year was 365.25 days and
// twelve months 365.28.
func TestDurationUnitsAgree(t *testing.T) {
	days := func(v float64, unit string) float64 {
		c := &claims.Claim{Kind: claims.KindDuration, Num: &claims.NumberValue{Value: v, Unit: unit}}
		return v * unitFactor(c)
	}
	tests := []struct {
		a     float64
		aUnit string
		b     float64
		bUnit string
	}{
		{1, "year", 12, "month"},
		{1, "year", 4, "quarter"},
		{1, "decade", 10, "year"},
		{1, "century", 100, "year"},
		{2, "week", 1, "fortnight"},
		{1, "day", 24, "hour"},
		{1, "hour", 3600, "second"},
	}
	for _, tc := range tests {
		if a, b := days(tc.a, tc.aUnit), days(tc.b, tc.bUnit); math.Abs(a-b) > 1e-9 {
			t.Errorf("%v %s = %v days, %v %s = %v days", tc.a, tc.aUnit, a, tc.b, tc.bUnit, b)
		}
	}
	if got := days(1, "year"); math.Abs(got-365.2425) > 1e-9 {
		t.Errorf("a year is %v days, want 365.2425", got)
	}
}
