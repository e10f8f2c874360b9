package extract

// secondsPerDay is the length of a day in UTC.
const secondsPerDay = 24 * 60 * 60

// unixDays is the number of days from 1970-01-01 to midnight UTC of year
// y, month m, day d, as time.Date(y, time.Month(m), d, 0, 0, 0, 0,
// time.UTC) reckons it: a month out of 1 to 12 moves the year, and a day
// out of the month's range counts on from its first day. It is Hinnant's
// days_from_civil for the first of the month, plus the days after it:
// inferYear compares three such midnights with the publication date, and
// time.Date's calendar reckoning and Time's comparisons were most of it.
// TestUnixDays holds it to time.Date.
func unixDays(y, m, d int) int64 {
	if m < 1 || m > 12 {
		q := floorDiv(m-1, 12)
		y, m = y+q, m-12*q
	}
	if m <= 2 {
		y-- // the year counted from March, so that a leap day ends it
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                     // [0, 399]
	doy := (153*((m+9)%12) + 2) / 5        // days from 1 March to the first of the month
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return int64(era)*146097 + int64(doe) - 719468 + int64(d-1)
}

// floorDiv is a/b rounded down, for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}
