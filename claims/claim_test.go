package claims

import (
	"math/rand/v2"
	"testing"
	"time"
)

// grans lists every granularity appendPoint spells, and one past them.
var grans = []Granularity{GranUnknown, GranDecade, GranYear, GranHalf, GranQuarter, GranMonth, GranWeek, GranDay, GranMinute, GranMinute + 1}

// TestAppendPoint holds appendPoint, which Canonical uses, to formatPoint,
// the fmt and time layouts it replaces, over the years news writes and the
// edges where the fallback takes over (negative years, five digits, ISO
// weeks that belong to the year before or after).
func TestAppendPoint(t *testing.T) {
	times := []time.Time{
		time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),     // ISO week 53 of 2020
		time.Date(2024, 12, 31, 23, 59, 0, 0, time.UTC), // ISO week 1 of 2025
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9, 7, 4, 5, 6, 0, 0, time.UTC),
		time.Date(999, 11, 2, 13, 7, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 0, 0, time.UTC),
		time.Date(10000, 1, 3, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 15, 0, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		times = append(times, time.Date(r.IntN(2200), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), 0, 0, time.UTC))
	}
	for _, tm := range times {
		for _, g := range grans {
			if got, want := string(appendPoint([]byte("x"), tm, g)), "x"+formatPoint(tm, g); got != want {
				t.Errorf("appendPoint(%v, %v) = %q, want %q", tm, g, got, want)
			}
		}
	}
}

// TestCanonicalForms pins Canonical's spelling of each kind of value.
func TestCanonicalForms(t *testing.T) {
	day := time.Date(2024, 12, 23, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		d    DateValue
		want string
	}{
		{DateValue{Start: day, End: day.AddDate(0, 0, 1), Gran: GranDay}, "2024-12-23"},
		{DateValue{Start: day, Gran: GranYear}, "2024"},
		{DateValue{Start: day, Gran: GranMonth}, "2024-12"},
		{DateValue{Start: day.Add(4*time.Hour + 17*time.Minute), Gran: GranMinute}, "2024-12-23T04:17"},
		{DateValue{Start: day, Gran: GranDay, DayPart: "EV"}, "2024-12-23TEV"},
		{DateValue{Start: day, End: day.AddDate(0, 0, 5), Gran: GranDay, Range: true}, "2024-12-23/2024-12-27"},
		{DateValue{Start: day, End: day.AddDate(1, 0, 0), Gran: GranMonth, EndGran: GranYear, Range: true}, "2024-12/2025"},
		{DateValue{Start: day, End: day.AddDate(0, 0, 8), Gran: GranMonth, Fuzzy: true}, "2024-12-23/2024-12-30"},
		{DateValue{Period: "P3D", Start: day, Gran: GranDay}, "P3D"},
	} {
		if got := tc.d.Canonical(); got != tc.want {
			t.Errorf("%+v: Canonical() = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// FuzzAppendPoint checks appendPoint against formatPoint at any instant.
func FuzzAppendPoint(f *testing.F) {
	f.Add(int64(1735516800), uint8(7))
	f.Add(int64(-62135596800), uint8(6))
	f.Fuzz(func(t *testing.T, sec int64, g uint8) {
		tm := time.Unix(sec, 0).UTC()
		gr := Granularity(g % uint8(len(grans)))
		if got, want := string(appendPoint(nil, tm, gr)), formatPoint(tm, gr); got != want {
			t.Errorf("appendPoint(%v, %v) = %q, want %q", tm, gr, got, want)
		}
	})
}

// TestAppendWidths holds append2 and append4 to appendDigits over every
// value of their widths.
func TestAppendWidths(t *testing.T) {
	for v := range 10000 {
		if v < 100 {
			if got, want := string(append2([]byte("x"), v)), string(appendDigits([]byte("x"), v, 2)); got != want {
				t.Fatalf("append2(%d) = %q, want %q", v, got, want)
			}
		}
		if got, want := string(append4([]byte("x"), v)), string(appendDigits([]byte("x"), v, 4)); got != want {
			t.Fatalf("append4(%d) = %q, want %q", v, got, want)
		}
	}
}
