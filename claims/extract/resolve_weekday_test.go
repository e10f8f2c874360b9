package extract

import (
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// stepToWeekday is the day-by-day walk onOrBefore (step -1) and onOrAfter
// (step 1) stand for.
func stepToWeekday(t time.Time, wd time.Weekday, step int) time.Time {
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, step)
	}
	return t
}

// TestWeekdaySteps holds onOrBefore and onOrAfter to the day-by-day walk,
// for every weekday from days across leap years, at midnight and at other
// times of day, in UTC, a fixed zone and a zone with summer time.
func TestWeekdaySteps(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("WIB", 7*3600)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny)
	}
	for _, loc := range zones {
		for day := range 800 {
			for _, hm := range [][2]int{{0, 0}, {2, 30}, {23, 59}} {
				from := time.Date(2023, 12, 1+day, hm[0], hm[1], 0, 0, loc)
				for wd := time.Sunday; wd <= time.Saturday; wd++ {
					require.Equal(t, stepToWeekday(from, wd, -1), onOrBefore(from, wd), "%v %v", from, wd)
					require.Equal(t, stepToWeekday(from, wd, 1), onOrAfter(from, wd), "%v %v", from, wd)
				}
			}
		}
	}
}

// TestWeekdayWords holds the weekday values and notes made once to the
// formatting and joining they stand for.
func TestWeekdayWords(t *testing.T) {
	for wd := -2; wd <= 10; wd++ {
		require.Equal(t, fmt.Sprintf("XXXX-WXX-%d", wd), weekdayValue(wd))
	}
	for _, tense := range []claims.Tense{claims.TenseNone, claims.TensePast, claims.TenseFuture, "present"} {
		words := string(tense)
		if words == "" {
			words = "past assumed"
		}
		require.Equal(t, "the last on or before ("+words+")", lastOnOrBefore(tense))
	}
}

// TestRelativeNote holds relativeNote, asked for publication dates in
// turn, to the note it keeps.
func TestRelativeNote(t *testing.T) {
	r := &dateRun{}
	for k := range 20 {
		pub := time.Date(2024, 1, 1+k%3, 0, 0, 0, 0, time.UTC)
		require.Equal(t, "relative to the publication date "+pub.Format("2006-01-02"), r.relativeNote(pub))
	}
}
