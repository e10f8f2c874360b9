package extract

import (
	"fmt"
	"testing"
)

// TestValueTables checks every value the clock and unknown-year tables
// hold against fmt, one past their edges included (made, not looked up).
func TestValueTables(t *testing.T) {
	for h := -1; h <= len(clockValues); h++ {
		for m := -1; m <= 60; m++ {
			if got, want := clockValue(h, m), fmt.Sprintf("T%02d:%02d", h, m); got != want {
				t.Fatalf("clockValue(%d, %d) = %q, want %q", h, m, got, want)
			}
		}
	}
	for m := 1; m <= len(unknownYears); m++ {
		for d := 0; d <= 32; d++ {
			want := fmt.Sprintf("XXXX-%02d", m)
			if d != 0 {
				want += fmt.Sprintf("-%02d", d)
			}
			if got := timexUnknownYear(m, d); got != want {
				t.Fatalf("timexUnknownYear(%d, %d) = %q, want %q", m, d, got, want)
			}
		}
	}
}
