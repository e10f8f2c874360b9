package extract

import (
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// weekdayValues are the TIMEX values of the weekdays ("XXXX-WXX-5"), made
// once: a weekday with no publication date to place it, or a recurrence
// ("each Friday"), formatted its value with fmt for each.
var weekdayValues = func() (t [8]string) {
	for d := range t {
		t[d] = fmt.Sprintf("XXXX-WXX-%d", d)
	}
	return t
}()

// weekdayValue is fmt.Sprintf("XXXX-WXX-%d", wd).
func weekdayValue(wd int) string {
	if uint(wd) < uint(len(weekdayValues)) {
		return weekdayValues[wd]
	}
	return fmt.Sprintf("XXXX-WXX-%d", wd)
}

// onOrBefore is the last day on or before t that falls on weekday wd: t
// stepped back a day at a time (AddDate(0, 0, -1)) until it does. In UTC
// the steps are counted and taken at once (addDays), which spares up to
// six AddDate calls of a weekday's resolution.
func onOrBefore(t time.Time, wd time.Weekday) time.Time {
	if t.Location() == time.UTC {
		return addDays(t, -((int(t.Weekday()) - int(wd) + 7) % 7))
	}
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, -1)
	}
	return t
}

// onOrAfter is the first day on or after t that falls on weekday wd, as
// onOrBefore reckons it.
func onOrAfter(t time.Time, wd time.Weekday) time.Time {
	if t.Location() == time.UTC {
		return addDays(t, (int(wd)-int(t.Weekday())+7)%7)
	}
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// lastOnOrBefore is how a weekday read by the tense (or none) was placed:
// "the last on or before (past)". The usual tenses' words are constants,
// not joined for each weekday.
func lastOnOrBefore(tense claims.Tense) string {
	switch tense {
	case claims.TensePast:
		return "the last on or before (past)"
	case claims.TenseNone:
		return "the last on or before (past assumed)"
	}
	return "the last on or before (" + string(tense) + ")"
}
