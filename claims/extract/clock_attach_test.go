package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestAttachTimeChains covers runs of clock times and days, which the date
// step joins pairwise as it resolves them (attachTime): a clock between
// two days goes with the first, a joined pair takes no third, and a date
// rejected between them (31 February) leaves its neighbours apart. The
// values are those the joining of the finished list gave.
func TestAttachTimeChains(t *testing.T) {
	runExtractCases(t, []claims.Kind{D}, []extractCase{
		{"en", "2024-12-30", "Sirens sounded at 5 p.m. on March 3 at 6 p.m. and again at 7 p.m.", []want{
			{D, "5 p.m. on March 3", "2025-03-03T17:00", ""},
			{D, "6 p.m.", "2024-12-30T18:00", ""},
			{D, "7 p.m.", "2024-12-30T19:00", ""}}},
		{"en", "2024-12-30", "The vote opened on March 3 at 8:00, on March 4 at 09:30 and closed at 17:00 on March 5 at 18:00.", []want{
			{D, "March 3 at 8:00", "2024-03-03T08:00", ""},
			{D, "March 4 at 09:30", "2025-03-04T09:30", ""},
			{D, "17:00 on March 5", "2025-03-05T17:00", ""},
			{D, "18:00", "2024-12-30T18:00", ""}}},
		{"en", "2024-12-30", "Crews left at 04:17 and at 05:20 on Monday, February 6, 2023.", []want{
			{D, "04:17", "2024-12-30T04:17", ""},
			{D, "05:20 on Monday, February 6, 2023", "2023-02-06T05:20", ""}}},
		{"en", "", "In Jakarta at 5 p.m. on March 3 at 12:34 at 05:17 on March 3 on March 3 at 5 p.m. at 23:59.", []want{
			{D, "5 p.m. on March 3", "XXXX-03-03T17:00", ""},
			{D, "12:34", "T12:34", ""},
			{D, "05:17 on March 3", "XXXX-03-03T05:17", ""},
			{D, "March 3 at 5 p.m.", "XXXX-03-03T17:00", ""},
			{D, "23:59", "T23:59", ""}}},
		{"en", "2024-12-30", "At 10 a.m. on 31 February the hall was empty; at 11 a.m. on March 3 it filled.", []want{
			{D, "10 a.m.", "2024-12-30T10:00", ""},
			{D, "11 a.m. on March 3", "2025-03-03T11:00", ""}}},
		{"id", "2024-12-30", "Rapat dimulai pukul 09.00 WIB pada 3 Maret dan pukul 10.00 pada 4 Maret.", []want{
			{D, "pukul 09.00 WIB pada 3 Maret", "2024-03-03T09:00", ""},
			{D, "pukul 10.00 pada 4 Maret", "2024-03-04T10:00", ""}}},
	})
}

// TestDateClaimsDistinct checks that no two claims share memory on a page
// of clock times, days and impossible dates: the date step hands the claim
// of a joined clock time or a rejected match to the next match
// (newClaim), which must never be one it reports.
func TestDateClaimsDistinct(t *testing.T) {
	var b strings.Builder
	for k := range 600 {
		switch k % 5 {
		case 0:
			b.WriteString("at 5 p.m. ")
		case 1:
			b.WriteString("on March 3 ")
		case 2:
			b.WriteString("on 31 February ")
		default:
			fmt.Fprintf(&b, "at %02d:%02d ", k%24, k%60)
		}
	}
	cs := extractDoc(t, "en", "2024-12-30", b.String())
	seen := map[*claims.Claim]bool{}
	for _, c := range cs {
		if seen[c] {
			t.Fatalf("claim %q at %d reported twice", c.Text, c.Start)
		}
		seen[c] = true
		if c.Kind == D && c.Value == "" {
			t.Errorf("date %q at %d has no value", c.Text, c.Start)
		}
	}
	if len(seen) < 300 {
		t.Errorf("%d claims, want over 300", len(seen))
	}
}
