package extract

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// timexWant is one expected time expression: kind, exact text, TimeML-style
// value, and optionally the UTC interval ("start/end", RFC 3339 without
// seconds) and details ("mod=START", "daypart=AF", "lo=2 hi=3").
type timexWant struct {
	kind     claims.Kind
	text     string
	value    string
	interval string
	detail   string
}

type timexCase struct {
	lang, pub, text string
	want            []timexWant
}

const SET = claims.Kind("set")

var timexKinds = []claims.Kind{claims.KindDate, claims.KindDuration, SET}

// runTimexCases checks every wanted claim and that no other date, duration
// or set is read.
func runTimexCases(t *testing.T, cases []timexCase) {
	t.Helper()
	for _, tc := range cases {
		var got []*claims.Claim
		for _, c := range extractDoc(t, tc.lang, tc.pub, tc.text) {
			if slices.Contains(timexKinds, c.Kind) {
				got = append(got, c)
			}
		}
		used := make([]bool, len(got))
		for _, w := range tc.want {
			k := slices.IndexFunc(got, func(c *claims.Claim) bool { return c.Text == w.text })
			if k < 0 || used[k] {
				t.Errorf("%s %q: no claim %q (got %s)", tc.lang, tc.text, w.text, claimList(got))
				continue
			}
			used[k] = true
			c := got[k]
			if c.Kind != w.kind || c.Value != w.value {
				t.Errorf("%s %q: %q is %s %s, want %s %s", tc.lang, tc.text, w.text, c.Kind, c.Value, w.kind, w.value)
			}
			if w.interval != "" {
				if c.Date == nil {
					t.Errorf("%s %q: %q has no interval, want %s", tc.lang, tc.text, w.text, w.interval)
				} else if iv := c.Date.Start.Format("2006-01-02T15:04") + "/" + c.Date.End.Format("2006-01-02T15:04"); iv != w.interval {
					t.Errorf("%s %q: %q interval %s, want %s", tc.lang, tc.text, w.text, iv, w.interval)
				}
			}
			for _, kv := range strings.Fields(w.detail) {
				k, v, _ := strings.Cut(kv, "=")
				if have := timexDetail(c, k); have != v {
					t.Errorf("%s %q: %q %s=%q, want %q", tc.lang, tc.text, w.text, k, have, v)
				}
			}
		}
		for k, c := range got {
			if !used[k] {
				t.Errorf("%s %q: unexpected %s %q = %s", tc.lang, tc.text, c.Kind, c.Text, c.Value)
			}
		}
	}
}

func timexDetail(c *claims.Claim, k string) string {
	switch k {
	case "mod":
		if c.Date != nil {
			return c.Date.Mod
		}
	case "daypart":
		if c.Date != nil {
			return c.Date.DayPart
		}
	case "lo", "hi":
		if c.Num != nil {
			lo, hi, _, _ := c.Num.Bounds()
			if k == "lo" {
				return claims.FormatNumber(lo)
			}
			return claims.FormatNumber(hi)
		}
	case "tz":
		if c.Date != nil {
			return strings.ReplaceAll(c.Date.Zone, " ", "_")
		}
	}
	return ""
}

func claimList(cs []*claims.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("[" + string(c.Kind) + " " + c.Text + "=" + c.Value + "] ")
	}
	return b.String()
}

// TestClockTimes: a time of day takes the date of its sentence, else the
// date before it in the text, else the publication date; its interval is
// the UTC instant, widened for local time by the country's offsets.
func TestClockTimes(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"id", "2025-01-10", "Pesawat kargo itu lepas landas pukul 05.35 WIB dari Surabaya.", []timexWant{
			{D, "pukul 05.35 WIB", "2025-01-10T05:35", "2025-01-09T22:35/2025-01-09T22:36", ""}}},
		{"id", "2025-03-04", "Gempa mengguncang Ambon pada 3 Maret 2025 pukul 14.20 WIT.", []timexWant{
			{D, "3 Maret 2025 pukul 14.20 WIT", "2025-03-03T14:20", "2025-03-03T05:20/2025-03-03T05:21", ""}}},
		{"id", "2025-02-01", "Jembatan di Kupang, Indonesia, ambruk pukul 06.12 waktu setempat.", []timexWant{
			{D, "pukul 06.12 waktu setempat", "2025-02-01T06:12", "2025-01-31T21:12/2025-01-31T23:13", ""}}},
		{"id", "2025-01-14", "Banjir melanda Medan pada 12 Januari 2025. Air mulai surut pukul 16.00 WITA.", []timexWant{
			{D, "12 Januari 2025", "2025-01-12", "", ""},
			{D, "pukul 16.00 WITA", "2025-01-12T16:00", "2025-01-12T08:00/2025-01-12T08:01", ""}}},
		{"en", "2013-04-09", "The tremor shook southern Iran at 4:43 a.m. local time.", []timexWant{
			{D, "4:43 a.m. local time", "2013-04-09T04:43", "2013-04-09T01:13/2013-04-09T01:14", ""}}},
		{"en", "2024-12-30", "The rocket lifted off at 0737 GMT on Friday.", []timexWant{
			{D, "0737 GMT on Friday", "2024-12-27T07:37", "2024-12-27T07:37/2024-12-27T07:38", ""}}},
		{"en", "2024-12-30", "The ceremony began at 10:15 a.m. and ended at noon.", []timexWant{
			{D, "10:15 a.m.", "2024-12-30T10:15", "2024-12-29T20:15/2024-12-30T22:16", "tz=zone_unknown_(UTC-12..+14)"},
			{D, "noon", "2024-12-30T12:00", "2024-12-29T22:00/2024-12-31T00:01", ""}}},
		// A race time is how long, not when.
		{"en", "2024-12-30", "She won the marathon in 2:21:35, a course record.", []timexWant{
			{DU, "2:21:35", "PT2H21M35S", "", ""}}},
	})
}

// TestPartsOfDay: "Friday afternoon", "Selasa sore" are the day with TimeML's
// part of the day; the interval stays the whole day.
func TestPartsOfDay(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-12-30", "The vote was held on Friday afternoon.", []timexWant{
			{D, "Friday afternoon", "2024-12-27TAF", "2024-12-27T00:00/2024-12-28T00:00", "daypart=AF"}}},
		{"en", "2024-12-30", "Officials will meet this evening to decide.", []timexWant{
			{D, "this evening", "2024-12-30TEV", "", ""}}},
		{"en", "2024-12-30", "Rescuers worked through last night.", []timexWant{
			{D, "last night", "2024-12-29TNI", "", ""}}},
		{"en", "2024-12-30", "The strike begins tomorrow morning.", []timexWant{
			{D, "tomorrow morning", "2024-12-31TMO", "", ""}}},
		{"id", "2024-12-30", "Hujan deras mengguyur Bandung Selasa sore.", []timexWant{
			{D, "Selasa sore", "2024-12-24TAF", "", ""}}},
		{"id", "2014-12-29", "Kapal itu karam Minggu (28/12/2014) pagi di Selat Sunda.", []timexWant{
			{D, "Minggu (28/12/2014) pagi", "2014-12-28TMO", "", ""}}},
		{"id", "2024-12-30", "Polisi akan berjaga malam ini di alun-alun.", []timexWant{
			{D, "malam ini", "2024-12-30TNI", "", ""}}},
		{"id", "2025-03-04", "Kebakaran terjadi pada 2 Maret 2025. Malam itu warga mengungsi.", []timexWant{
			{D, "2 Maret 2025", "2025-03-02", "", ""},
			{D, "Malam itu", "2025-03-02TNI", "", ""}}},
	})
}

// TestRefsAndAnaphora: words for the present, past and future without a
// date, and days counted from the date the text spoke of last.
func TestRefsAndAnaphora(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-12-30", "Rents are now higher than at any point in the past.", []timexWant{
			{D, "now", "PRESENT_REF", "", ""},
			{D, "the past", "PAST_REF", "", ""}}},
		{"en", "2024-12-30", "Now, the council says, the budget is short.", nil},
		{"en", "2024-12-30", "Such storms will be common in the near future.", []timexWant{
			{D, "the near future", "FUTURE_REF", "", ""}}},
		{"en", "2024-12-30", "The levee broke on March 3. The next day the river crested.", []timexWant{
			{D, "March 3", "2024-03-03", "", ""},
			{D, "The next day", "2024-03-04", "", ""}}},
		{"en", "2024-12-30", "Voting closed on May 2. Results came out that same day.", []timexWant{
			{D, "May 2", "2024-05-02", "", ""},
			{D, "that same day", "2024-05-02", "", ""}}},
		{"en", "2024-12-30", "The dam failed on June 4. Earlier that day, engineers warned residents.", []timexWant{
			{D, "June 4", "2024-06-04", "", ""},
			{D, "Earlier that day", "2024-06-04", "", ""}}},
		{"id", "2024-12-30", "Kini harga beras mulai turun.", []timexWant{
			{D, "Kini", "PRESENT_REF", "", ""}}},
		{"id", "2025-01-07", "Banjir terjadi pada 5 Januari 2025. Saat itu warga mengungsi ke masjid.", []timexWant{
			{D, "5 Januari 2025", "2025-01-05", "", ""},
			{D, "Saat itu", "2025-01-05", "", ""}}},
		{"id", "2024-12-30", "Saat itu tidak ada yang tahu.", []timexWant{
			{D, "Saat itu", "PAST_REF", "", ""}}},
		{"id", "2025-02-05", "Kapal tenggelam pada 2 Februari 2025. Keesokan harinya tim SAR tiba.", []timexWant{
			{D, "2 Februari 2025", "2025-02-02", "", ""},
			{D, "Keesokan harinya", "2025-02-03", "", ""}}},
		{"id", "2024-12-30", "Di masa depan kota pesisir ini bisa tenggelam.", []timexWant{
			{D, "masa depan", "FUTURE_REF", "", ""}}},
	})
}

// TestVagueAndRangedDurations: durations with no count, a range of counts,
// spans of hours ahead, fractions, and "in five years" as a span.
func TestVagueAndRangedDurations(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-12-30", "Fuel prices climbed in recent weeks.", []timexWant{
			{DU, "recent weeks", "PXW", "", ""}}},
		{"en", "2024-12-30", "The talks could drag on for the next few months.", []timexWant{
			{DU, "the next few months", "PXM", "", ""}}},
		{"en", "2024-12-30", "The plant will reopen in five years.", []timexWant{
			{D, "five years", "P5Y", "", ""}}},
		{"en", "2024-12-30", "The bridge was built in five years.", []timexWant{
			{DU, "five years", "P5Y", "", ""}}},
		{"en", "2024-12-30", "The plant closed on March 3. A month earlier, workers had struck.", []timexWant{
			{D, "March 3", "2024-03-03", "", ""},
			{D, "A month earlier", "P1M", "2024-02-01T00:00/2024-03-01T00:00", ""}}},
		{"en", "2024-12-30", "Polls closed on May 2. An hour before, turnout was low.", []timexWant{
			{D, "May 2", "2024-05-02", "", ""},
			{DU, "An hour before", "PT1H", "", ""}}},
		{"id", "2024-12-30", "Gempa terjadi pada 3 Maret. Sebulan sebelumnya warga sudah diperingatkan.", []timexWant{
			{D, "3 Maret", "2024-03-03", "", ""},
			{D, "Sebulan sebelumnya", "P1M", "2024-02-01T00:00/2024-03-01T00:00", ""}}},
		{"id", "2024-12-30", "Proses evakuasi memakan waktu 2-3 menit.", []timexWant{
			{DU, "2-3 menit", "PT2M", "", "lo=2 hi=3"}}},
		{"id", "2024-12-30", "Cuaca buruk diperkirakan berlangsung 12 jam ke depan.", []timexWant{
			{DU, "12 jam ke depan", "PT12H", "", ""}}},
		{"id", "2024-12-30", "Rapat itu berlangsung setengah hari.", []timexWant{
			{DU, "setengah hari", "PT12H", "", ""}}},
		{"id", "2024-12-30", "Harga cabai naik selama beberapa bulan.", []timexWant{
			{DU, "beberapa bulan", "PXM", "", ""}}},
		{"id", "2024-12-30", "Warga hidup di pengungsian bertahun-tahun.", []timexWant{
			{DU, "bertahun-tahun", "PXY", "", ""}}},
	})
}

// TestGranularity: parts of periods keep the period with a modifier;
// seasons, centuries, quarters, fiscal years and calendar weeks.
func TestGranularity(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-10-01", "Talks are planned for early December.", []timexWant{
			{D, "early December", "2024-12", "2024-12-01T00:00/2025-01-01T00:00", "mod=START"}}},
		{"en", "2024-10-01", "The band toured Europe last summer.", []timexWant{
			{D, "last summer", "2024-SU", "", ""}}},
		{"en", "2024-10-01", "Printing spread in the 16th century.", []timexWant{
			{D, "the 16th century", "15", "", ""}}},
		{"en", "2024-10-01", "Profit fell in the first quarter.", []timexWant{
			{D, "the first quarter", "2024-Q1", "", ""}}},
		{"en", "2025-01-15", "The company said profit fell in the fourth quarter.", []timexWant{
			{D, "the fourth quarter", "2024-Q4", "", ""}}},
		{"en", "2024-10-01", "Sales rose 4% in fiscal 2023.", []timexWant{
			{D, "fiscal 2023", "2023", "", ""}}},
		{"en", "2024-10-01", "The mill reopened in the late 1990s.", []timexWant{
			{D, "the late 1990s", "199", "", "mod=END"}}},
		{"en", "2024-12-30", "Grain prices fell last week.", []timexWant{
			{D, "last week", "2024-W52", "2024-12-23T00:00/2024-12-30T00:00", ""}}},
		{"id", "2024-12-30", "Harga gabah turun pekan lalu.", []timexWant{
			{D, "pekan lalu", "2024-W52", "2024-12-23T00:00/2024-12-30T00:00", ""}}},
		{"id", "2024-12-30", "Proyek itu selesai akhir Desember.", []timexWant{
			{D, "akhir Desember", "2024-12", "", "mod=END"}}},
		{"en", "2024-08-10", "Wildfires spread across the region in the summer.", []timexWant{
			{D, "the summer", "2024-SU", "", ""}}},
		{"id", "2025-01-20", "Banjir sering terjadi saat musim penghujan.", []timexWant{
			{D, "musim penghujan", "2024-11/2025-03", "", ""}}},
		{"id", "2024-12-30", "Sungai meluap pada musim hujan tahun ini.", []timexWant{
			{D, "musim hujan tahun ini", "2024-11/2025-03", "", ""}}},
	})
}

// TestYearOfUndatedDays: a tense the sentence gives, not the date's own
// clause, does not carry a day most of a year away.
func TestYearOfUndatedDays(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "1989-11-02", "The board said the reduced dividend is payable Dec. 15.", []timexWant{
			{D, "Dec. 15", "1989-12-15", "", ""}}},
		{"en", "2024-03-05", "Sales fell on Feb. 28, the company said, and it would hire less.", []timexWant{
			{D, "Feb. 28", "2024-02-28", "", ""}}},
		{"en", "2024-09-01", "Output in the year through June fell, the ministry reported.", []timexWant{
			{D, "June", "2024-06", "", ""}}},
		{"en", "1989-11-02", "Third-quarter net rose to $5 million from $4 million a year earlier.", []timexWant{
			{D, "Third-quarter", "1989-Q3", "", ""},
			{D, "a year earlier", "1988-Q3", "", ""}}},
		{"en", "1989-11-02", "Net fell in the quarter, and the latest quarter was weak.", []timexWant{
			{D, "the quarter", "1989-Q3", "", ""},
			{D, "the latest quarter", "1989-Q3", "", ""}}},
		{"en", "1989-11-02", "Sales rose 5% from the year-earlier quarter.", []timexWant{
			{D, "the year-earlier quarter", "1988-Q3", "", ""}}},
		{"en", "1989-11-02", "Stores in the French quarter of the city closed early.", nil},
		{"en", "1989-11-02", "The unit posted a third-quarter loss in its 1989 results.", []timexWant{
			{D, "third-quarter", "1989-Q3", "", ""},
			{D, "1989", "1989", "", ""}}},
		{"en", "1989-11-02", "Bonds due 1993 were sold in both 1990 and 1991.", []timexWant{
			{D, "1993", "1993", "", ""},
			{D, "1990", "1990", "", ""},
			{D, "1991", "1991", "", ""}}},
		{"en", "2024-12-28", "Delegates are set to resume negotiating on Monday.", []timexWant{
			{D, "Monday", "2024-12-30", "", ""}}},
		// Right after an event word ("talks") the preposition stays in
		// the span (trimLead): the frame reader reads the date as the
		// talks' own.
		{"en", "2024-12-28", "Delegates are set to resume talks on Monday.", []timexWant{
			{D, "on Monday", "2024-12-30", "", ""}}},
	})
}

// TestSets: recurrences are TimeML SETs, never compared as dates.
func TestSets(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-12-30", "The festival is held annually.", []timexWant{
			{SET, "annually", "P1Y", "", ""}}},
		{"en", "2024-12-30", "An annually updated list was published.", nil},
		{"en", "2024-12-30", "The club changes coaches each season.", []timexWant{
			{SET, "each season", "P1Y", "", ""}}},
		{"en", "2024-12-30", "Ferries sail every Monday.", []timexWant{
			{SET, "every Monday", "XXXX-WXX-1", "", ""}}},
		{"id", "2024-12-30", "Festival itu digelar setiap tahun.", []timexWant{
			{SET, "setiap tahun", "P1Y", "", ""}}},
		{"id", "2024-12-30", "Pasar hewan buka tiap Senin pagi.", []timexWant{
			{SET, "tiap Senin pagi", "XXXX-WXX-1TMO", "", ""}}},
	})
}

// TestTimexSpans: the leading preposition is not part of the expression.
func TestTimexSpans(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-12-30", "The rule took effect on Monday.", []timexWant{
			{D, "Monday", "2024-12-30", "", ""}}},
		{"en", "2024-12-30", "Exports have grown since 2019.", []timexWant{
			{D, "2019", "2019", "", ""}}},
		{"id", "2024-12-30", "Jalan itu ditutup selama tujuh hari.", []timexWant{
			{DU, "tujuh hari", "P7D", "", ""}}},
		{"id", "2024-12-30", "Gedung itu dibuka pada 2019.", []timexWant{
			{D, "2019", "2019", "", ""}}},
	})
}

// TestClockUTCWidening checks the zone arithmetic on its own.
func TestClockUTCWidening(t *testing.T) {
	for _, tc := range []struct{ h float64 }{{7}, {3.5}, {-4}} {
		if got := fmtOffset(tc.h); got == "" {
			t.Errorf("fmtOffset(%v) empty", tc.h)
		}
	}
	if got, want := fmtOffset(3.5), "+3:30"; got != want {
		t.Errorf("fmtOffset(3.5) = %q, want %q", got, want)
	}
	if got, want := fmtOffset(-10), "-10"; got != want {
		t.Errorf("fmtOffset(-10) = %q, want %q", got, want)
	}
	_ = time.UTC
}
