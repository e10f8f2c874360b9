package extract

import (
	"slices"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// TestSharedPartLists checks that the part lists date values share
// (partsYMD and the others) come out of extraction as they went in: a
// value's Written and Inferred must only ever be appended to, never
// changed in place, or one date would rewrite every other's.
func TestSharedPartLists(t *testing.T) {
	shared := map[string][]string{}
	for name, l := range sharedPartLists() {
		if len(l) != cap(l) {
			t.Fatalf("%s has room to append in place (len %d, cap %d)", name, len(l), cap(l))
		}
		shared[name] = slices.Clone(l)
	}
	texts := []string{
		"JAKARTA, March 5, 2024 - The talks will resume in June and July 2024, from May to October 2020 and on Friday at 4 p.m.",
		"Two days later, the summer storm hit. Last Friday it rained. Next Friday at 9 a.m. the vote will be held.",
		"Revenue rose in the third quarter of 2023 from a year earlier. Christmas 2024 and Easter were quiet.",
		"In the 1990s and the 19th century, early 2024 and late last year, between now and December, since March to date.",
		"Pada 23 hingga 27 Desember 2023 pukul 07.55 WIB, pekan lalu dan tahun depan, musim hujan.",
		"On Tuesday, February 6, 2023 at 4:17 a.m. local time in Jakarta, the past three months, last week, two weeks ago.",
	}
	e := engineForTest(t)
	for _, text := range texts {
		e.Extract(&claims.Document{ID: "t", Text: text, Status: claims.StatusRead})
		e.Extract(&claims.Document{ID: "t", Text: text, Status: claims.StatusRead, Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)})
	}
	for name, l := range sharedPartLists() {
		if !slices.Equal(l, shared[name]) {
			t.Errorf("%s is %q after extraction, was %q", name, l, shared[name])
		}
	}
}

// sharedPartLists are the shared part lists, by name.
func sharedPartLists() map[string][]string {
	return map[string][]string{"inferredYear": inferredYear, "partsYMD": partsYMD, "partsYM": partsYM,
		"partsYQ": partsYQ, "partsMD": partsMD, "partsCentury": partsCentury, "partsDecade": partsDecade,
		"partsPart": partsPart, "partsSeason": partsSeason, "partsSeasonYear": partsSeasonYear,
		"partsWeekday": partsWeekday, "partsTime": partsTime}
}
