package rules

import "testing"

func TestHolidayDates(t *testing.T) {
	for _, c := range []struct {
		rule string
		year int
		want string
	}{
		{"12-25", 2024, "2024-12-25"},
		{"11/4/thu", 1999, "1999-11-25"},   // Thanksgiving
		{"11/1/mon+1", 1998, "1998-11-03"}, // US Election Day
		{"5/-1/mon", 2024, "2024-05-27"},   // Memorial Day
		{"9/1/mon", 2023, "2023-09-04"},    // Labor Day
		{"easter", 2000, "2000-04-23"},
		{"easter", 2024, "2024-03-31"},
		{"easter-2", 2024, "2024-03-29"}, // Good Friday
	} {
		h, err := parseHoliday(c.rule)
		if err != nil {
			t.Fatalf("%s: %v", c.rule, err)
		}
		if got := h.In(c.year).Format("2006-01-02"); got != c.want {
			t.Errorf("%s in %d: %s, want %s", c.rule, c.year, got, c.want)
		}
	}
	for _, bad := range []string{"13-01", "11/0/thu", "11/4/xyz", "easter+x", "soon"} {
		if _, err := parseHoliday(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
