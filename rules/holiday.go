package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Holiday is the rule that dates a named holiday in a given year: a fixed
// day ("12-25"), the nth weekday of a month ("11/4/thu": the fourth
// Thursday of November; "5/-1/mon": the last Monday of May), or Easter
// ("easter"); any of them shifted by whole days ("11/1/mon+1": the day
// after the first Monday of November; "easter-2").
type Holiday struct {
	Month, Day int // a fixed day
	Nth        int // the nth weekday of Month (-1 the last), when not 0
	Weekday    time.Weekday
	Easter     bool
	Shift      int // days added
}

var holidayWeekdays = map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}

// parseHoliday reads a holiday rule as the lexicon writes it.
func parseHoliday(s string) (Holiday, error) {
	var h Holiday
	s = strings.ToLower(strings.TrimSpace(s))
	// A shift follows a rule that has no "-" of its own: "easter-2",
	// "11/1/mon+1" ("12-25" is a month and day).
	if k := strings.LastIndexAny(s, "+-"); k > 0 && (strings.HasPrefix(s, "easter") || strings.Contains(s, "/") && k > strings.LastIndex(s, "/")) {
		n, err := strconv.Atoi(s[k:])
		if err != nil {
			return h, fmt.Errorf("bad shift %q", s[k:])
		}
		h.Shift, s = n, s[:k]
	}
	switch {
	case s == "easter":
		h.Easter = true
	case strings.Contains(s, "/"):
		f := strings.Split(s, "/")
		if len(f) != 3 {
			return h, fmt.Errorf("want month/nth/weekday, have %q", s)
		}
		m, err1 := strconv.Atoi(f[0])
		n, err2 := strconv.Atoi(f[1])
		wd, ok := holidayWeekdays[f[2]]
		if err1 != nil || err2 != nil || !ok || m < 1 || m > 12 || n == 0 || n < -1 || n > 5 {
			return h, fmt.Errorf("want month/nth/weekday (11/4/thu), have %q", s)
		}
		h.Month, h.Nth, h.Weekday = m, n, wd
	default:
		var m, d int
		if _, err := fmt.Sscanf(s, "%d-%d", &m, &d); err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
			return h, fmt.Errorf("want MM-DD, month/nth/weekday or easter, have %q", s)
		}
		h.Month, h.Day = m, d
	}
	return h, nil
}

// In is the holiday's date in year y.
func (h Holiday) In(y int) time.Time {
	var t time.Time
	switch {
	case h.Easter:
		t = easter(y)
	case h.Nth > 0:
		t = time.Date(y, time.Month(h.Month), 1, 0, 0, 0, 0, time.UTC)
		t = t.AddDate(0, 0, (int(h.Weekday)-int(t.Weekday())+7)%7+7*(h.Nth-1))
	case h.Nth < 0:
		t = time.Date(y, time.Month(h.Month)+1, 0, 0, 0, 0, 0, time.UTC)
		t = t.AddDate(0, 0, -((int(t.Weekday()) - int(h.Weekday) + 7) % 7))
	default:
		t = time.Date(y, time.Month(h.Month), h.Day, 0, 0, 0, 0, time.UTC)
	}
	return t.AddDate(0, 0, h.Shift)
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
