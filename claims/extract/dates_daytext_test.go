package extract

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// dayTextTimes are times for the notes' spelling: the years news writes,
// the edges of claims.AppendDay's digits (0, 9, 10, 99, 999, 9999) and years
// past them (negative, five digits), in UTC and in zones whose date
// differs from UTC's.
func dayTextTimes(r *rand.Rand, n int) []time.Time {
	zones := []*time.Location{time.UTC, time.FixedZone("WIB", 7*3600), time.FixedZone("HST", -10*3600)}
	years := []int{0, 1, 9, 10, 99, 100, 999, 1000, 1999, 2024, 9999, 10000, 12345, -1, -44, -10000}
	var ts []time.Time
	for _, y := range years {
		ts = append(ts, time.Date(y, time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), 0, 0, 0, zones[r.IntN(len(zones))]))
	}
	for range n {
		ts = append(ts, time.Unix(r.Int64N(1<<40)-1<<39, 0).In(zones[r.IntN(len(zones))]))
	}
	return ts
}

// checkDayText holds the notes spelled with claims.AppendDay to the layouts and
// fmt calls they were made with.
func checkDayText(t *testing.T, p *Pass, tm time.Time) {
	t.Helper()
	require.Equal(t, tm.Format("2006-01-02"), string(claims.AppendDay(nil, tm)), "%v", tm)
	r := &dateRun{Pass: p}
	require.Equal(t, tm.Format("Mon 2006-01-02"), r.dayText(tm), "%v", tm)
	require.Equal(t, "relative to the publication date "+tm.Format("2006-01-02"), r.relativeNote(tm), "%v", tm)
	for _, y := range []int{tm.Year(), tm.Year() - 1, 7, -12, 123456} {
		require.Equal(t, fmt.Sprintf("year %d inferred from the publication date %s", y, tm.Format("2006-01-02")), p.yearNote(y, tm), "%v", tm)
	}
}

// TestDayText: see checkDayText, over dayTextTimes, each asked twice (the
// second answer is the memo's).
func TestDayText(t *testing.T) {
	e := engineForTest(t)
	p := e.newPass(&claims.Document{ID: "t", Text: "x", Language: "en", Status: claims.StatusRead}, new(scratch))
	for _, tm := range dayTextTimes(rand.New(rand.NewPCG(20, 26)), 400) {
		checkDayText(t, p, tm)
		checkDayText(t, p, tm)
	}
}

// FuzzDayText is TestDayText on any instant and zone offset.
func FuzzDayText(f *testing.F) {
	f.Add(int64(0), 0)
	f.Add(int64(-62135596800), 3600)   // year 1
	f.Add(int64(253402300799), -36000) // the last second of 9999
	f.Add(int64(-62198755200), 0)      // year -1
	f.Add(int64(1733270400), 7*3600)
	e := engineForTest(f)
	p := e.newPass(&claims.Document{ID: "t", Text: "x", Language: "en", Status: claims.StatusRead}, new(scratch))
	f.Fuzz(func(t *testing.T, sec int64, offset int) {
		checkDayText(t, p, time.Unix(sec, 0).In(time.FixedZone("z", offset%(18*3600))))
	})
}
