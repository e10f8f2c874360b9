package extract

import (
	"testing"
	"time"
)

// civilByRoundTrip is civil as it was written before daysIn: build the
// date and read its parts back.
func civilByRoundTrip(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// TestCivilSameAsRoundTrip holds civil to the round trip over every day
// number from -1 to 32 of every month from -1 to 14 of years around the
// leap-year rules' edges (1900, 2000, 2100, year 0 and before).
func TestCivilSameAsRoundTrip(t *testing.T) {
	for _, y := range []int{-401, -400, -100, -4, -1, 0, 1, 4, 1900, 1996, 1999, 2000, 2023, 2024, 2100, 2400, 9999} {
		for m := -1; m <= 14; m++ {
			for d := -1; d <= 32; d++ {
				got, err := civil(y, m, d)
				want, ok := civilByRoundTrip(y, m, d)
				if !got.Equal(want) || (err == nil) != ok {
					t.Errorf("civil(%d, %d, %d) = %v, %v; want %v, ok %v", y, m, d, got, err, want, ok)
				}
			}
		}
	}
}

// TestAddDaysSameAsAddDate holds addDays to AddDate in UTC (across month,
// year and leap-day ends) and in a zone with daylight saving time, where it
// must take AddDate's way.
func TestAddDaysSameAsAddDate(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("fixed", -5*3600)
	}
	for _, loc := range []*time.Location{time.UTC, ny} {
		start := time.Date(1999, 12, 25, 13, 45, 0, 0, loc)
		for k := 0; k < 1200; k++ {
			tm := start.AddDate(0, 0, k)
			for _, n := range []int{1, 7} {
				if got, want := addDays(tm, n), tm.AddDate(0, 0, n); !got.Equal(want) || got.Location() != want.Location() {
					t.Fatalf("addDays(%v, %d) = %v, want %v", tm, n, got, want)
				}
			}
		}
	}
}
