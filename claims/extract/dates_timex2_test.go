package extract

import "testing"

// TestReportingDayTense: a weekday or date right beside a reporting verb is
// the day of the saying, even when the clause goes on in the future.
func TestReportingDayTense(t *testing.T) {
	runTimexCases(t, []timexCase{
		// 2024-05-15 is a Wednesday.
		{"en", "2024-05-15", "The mayor said Monday that the bridge would reopen.", []timexWant{
			{D, "Monday", "2024-05-13", "", ""}}},
		{"en", "2024-05-15", "The envoy said on Tuesday that talks would resume.", []timexWant{
			{D, "on Tuesday", "2024-05-14", "", ""}}},
		{"en", "2024-05-15", "The minister on Monday said the port will stay shut.", []timexWant{
			{D, "Monday", "2024-05-13", "", ""}}},
		// Something scheduled lies ahead, though "has" is a perfect
		// ("dijadwalkan" is already a future word in Indonesian).
		{"en", "2024-05-15", "The prosecutor has scheduled a news conference Thursday.", []timexWant{
			{D, "Thursday", "2024-05-16", "", ""}}},
		{"id", "2024-05-15", "Jaksa dijadwalkan menggelar jumpa pers Kamis.", []timexWant{
			{D, "Kamis", "2024-05-16", "", ""}}},
		// Not beside the saying: the clause's future stands.
		{"en", "2024-05-15", "The mayor said the bridge would reopen on Monday.", []timexWant{
			{D, "Monday", "2024-05-20", "", ""}}},
		{"id", "2024-05-15", "Gubernur mengatakan Senin bahwa jembatan akan dibuka kembali.", []timexWant{
			{D, "Senin", "2024-05-13", "", ""}}},
	})
}

// TestFarPastDays: a day or month written without its year that a past
// clause would put most of a year back is the coming one when that is near
// (news writes the year of older dates).
func TestFarPastDays(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2023-11-02", "The company extended its offer to Nov. 20.", []timexWant{
			{D, "Nov. 20", "2023-11-20", "", ""}}},
		{"en", "2023-08-16", "The ministry said it told refiners of a cut in supply in September.", []timexWant{
			{D, "September", "2023-09", "", ""}}},
		// Near enough back, the past reading stays.
		{"en", "2023-11-02", "The plant closed on Aug. 14.", []timexWant{
			{D, "Aug. 14", "2023-08-14", "", ""}}},
		// Far back, but the coming one is far too: the past reading stays.
		{"en", "2023-11-02", "The plant closed in May.", []timexWant{
			{D, "May", "2023-05", "", ""}}},
		{"id", "2023-11-02", "Perusahaan itu memperpanjang tawarannya hingga 20 November.", []timexWant{
			{D, "20 November", "2023-11-20", "", ""}}},
	})
}

// TestYearAgoOpeningSentence: "last year" or "a year ago" opening a
// sentence sets the sentence in that year; beside a quarter inside a
// sentence it is still the year-ago quarter.
func TestYearAgoOpeningSentence(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-11-02", "Third-quarter profit fell. Last year, the firm took a charge for the plant.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "Last year", "2023", "", ""}}},
		{"en", "2024-11-02", "Third-quarter profit fell. A year ago, the firm earned $4 million.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "A year ago", "2023", "", ""}}},
		{"en", "2024-11-02", "Third-quarter profit fell to $3 million from $4 million a year ago.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "a year ago", "2023-Q3", "", ""}}},
	})
}

// TestSpokenYears: a year said aloud as two pairs ("nineteen ninety-six"),
// as broadcast transcripts write it, is a year wherever the digits would be.
func TestSpokenYears(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "1998-02-20", "The accord was signed in nineteen ninety-six by both sides.", []timexWant{
			{D, "nineteen ninety-six", "1996", "", ""}}},
		{"en", "1998-02-20", "Prices collapsed in January nineteen ninety-seven.", []timexWant{
			{D, "January nineteen ninety-seven", "1997-01", "", ""}}},
		{"en", "1998-02-20", "Police linked it to a nineteen ninety-seven attack on a bar.", []timexWant{
			{D, "nineteen ninety-seven", "1997", "", ""}}},
		{"en", "1998-02-20", "He has lived here since nineteen eighty.", []timexWant{
			{D, "nineteen eighty", "1980", "", ""}}},
		// A spoken year is four tokens wide ("nineteen", "ninety", "-",
		// "six"): a pattern it opens must count it so to reach what
		// follows it.
		{"en", "1998-02-20", "Output shrank in nineteen ninety-six Q1, the mill said.", []timexWant{
			{D, "nineteen ninety-six Q1", "1996-Q1", "", ""}}},
		{"en", "1998-02-20", "Its books for nineteen ninety-seven Q4 were audited twice.", []timexWant{
			{D, "nineteen ninety-seven Q4", "1997-Q4", "", ""}}},
		{"en", "1998-02-20", "He vowed to halve unemployment by the year two thousand.", []timexWant{
			{D, "the year two thousand", "2000", "", ""}}},
		{"id", "1998-02-20", "Ia berjanji memangkas pengangguran pada tahun dua ribu.", []timexWant{
			{D, "tahun dua ribu", "2000", "", ""}}},
		// Counts stay counts.
		{"en", "1998-02-20", "Nineteen soldiers and ninety-six civilians were hurt.", nil},
		{"en", "1998-02-20", "A crowd of two thousand gathered in the square.", nil},
		{"id", "1998-02-20", "Dua ribu orang berkumpul di alun-alun.", nil},
		{"en", "1998-02-20", "In nineteen hundred cases the court ruled for the state.", nil},
	})
}

// TestHolidays: a named holiday is its day, in the year written, else the
// year its sentence writes, else the one the relative word or the tense
// picks from the dateline.
func TestHolidays(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2000-01-07", "The boy was found Thanksgiving Day clinging to a tyre.", []timexWant{
			{D, "Thanksgiving Day", "1999-11-25", "", ""}}},
		{"en", "2000-01-07", "He was rescued last Thanksgiving off the coast.", []timexWant{
			{D, "last Thanksgiving", "1999-11-25", "", ""}}},
		{"en", "1998-10-26", "The governor will campaign hard until Election Day.", []timexWant{
			{D, "Election Day", "1998-11-03", "", ""}}},
		{"en", "2024-03-01", "The shops will close on Good Friday.", []timexWant{
			{D, "Good Friday", "2024-03-29", "", ""}}},
		{"en", "2024-03-01", "The bridge will not reopen before Christmas 2025.", []timexWant{
			{D, "Christmas 2025", "2025-12-25", "", ""}}},
		{"en", "2013-07-02", "The province was hit hard by the Boxing Day tsunami in 2004.", []timexWant{
			{D, "Boxing Day", "2004-12-26", "", ""},
			{D, "in 2004", "2004", "", ""}}},
		// Not a name: lower case, or a week named after the feast.
		{"en", "2024-03-01", "They gave thanksgiving for the harvest.", nil},
		{"id", "2024-12-20", "Gereja akan menggelar misa pada Malam Natal dan Hari Natal.", []timexWant{
			{D, "Malam Natal", "2024-12-24", "", ""},
			{D, "Hari Natal", "2024-12-25", "", ""}}},
		{"id", "2024-08-20", "Upacara digelar pada Hari Kemerdekaan, kata panitia.", []timexWant{
			{D, "Hari Kemerdekaan", "2024-08-17", "", ""}}},
		{"id", "2024-06-01", "Jalan itu ditutup sejak Natal tahun lalu.", []timexWant{
			{D, "Natal tahun lalu", "2023-12-25", "", ""}}},
	})
}

// TestYearBeforeQuarter: earnings reports put the year before the ordinal
// ("the 1988 second quarter"): one quarter, not a year and this year's
// quarter. (Indonesian writes the year after: "kuartal II 1988".)
func TestYearBeforeQuarter(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "1989-11-02", "Net rose from $5 million in the 1988 second quarter.", []timexWant{
			{D, "the 1988 second quarter", "1988-Q2", "", ""}}},
		{"en", "1989-11-02", "Sales fell from the 1988 third-quarter level.", []timexWant{
			{D, "the 1988 third-quarter", "1988-Q3", "", ""}}},
	})
}

// TestFollowingPeriod: "the following year/month" counts from the date the
// text mentioned last, at that date's precision; "next year" from the
// dateline.
func TestFollowingPeriod(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-06-01", "On May 22, 2019, she was promoted, and the following year she moved to Oslo.", []timexWant{
			{D, "May 22, 2019", "2019-05-22", "", ""},
			{D, "the following year", "2020", "", ""}}},
		{"en", "2024-06-01", "In March, holders urged the firm to act. The following month, it put itself up for sale.", []timexWant{
			{D, "March", "2024-03", "", ""},
			{D, "The following month", "2024-04", "", ""}}},
		{"en", "2024-06-01", "The firm will move next year.", []timexWant{
			{D, "next year", "2025", "", ""}}},
		{"id", "2024-06-01", "Pada Maret 2019 ia diangkat menjadi jenderal, dan tahun berikutnya ia dikirim ke Oslo.", []timexWant{
			{D, "Maret 2019", "2019-03", "", ""},
			{D, "tahun berikutnya", "2020", "", ""}}},
		{"id", "2024-06-01", "Pada Maret, pemegang saham mendesak perusahaan. Bulan berikutnya, perusahaan itu dijual.", []timexWant{
			{D, "Maret", "2024-03", "", ""},
			{D, "Bulan berikutnya", "2024-04", "", ""}}},
	})
}

// TestAnaphoricWeekdays: "the previous Friday", "the following Monday",
// "Senin berikutnya" count from the day mentioned last, not the dateline.
func TestAnaphoricWeekdays(t *testing.T) {
	runTimexCases(t, []timexCase{
		// 1989-10-30 is a Monday.
		{"en", "1989-10-30", "Stocks fell on Friday. The index shed 4% from the previous Friday.", []timexWant{
			{D, "Friday", "1989-10-27", "", ""},
			{D, "the previous Friday", "1989-10-20", "", ""}}},
		{"en", "2024-06-10", "The court met on Aug. 3, 2022. The following Monday, it ruled.", []timexWant{
			{D, "Aug. 3, 2022", "2022-08-03", "", ""},
			{D, "The following Monday", "2022-08-08", "", ""}}},
		// With no day before it, from the dateline.
		{"en", "2024-06-12", "The index is up from the previous Friday.", []timexWant{
			{D, "the previous Friday", "2024-06-07", "", ""}}},
		{"id", "2024-06-10", "Sidang digelar pada 3 Agustus 2022. Senin berikutnya, hakim membacakan putusan.", []timexWant{
			{D, "3 Agustus 2022", "2022-08-03", "", ""},
			{D, "Senin berikutnya", "2022-08-08", "", ""}}},
		{"id", "1989-10-30", "Saham turun pada Jumat. Indeks turun 4 persen dari Jumat sebelumnya.", []timexWant{
			{D, "Jumat", "1989-10-27", "", ""},
			{D, "Jumat sebelumnya", "1989-10-20", "", ""}}},
	})
}

// TestThatYear: "that year", "later that year", "tahun itu" are the year
// (or month) of the date mentioned last.
func TestThatYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2000-01-10", "He fled to Florida in June 1998 and returned to Cuba later that year.", []timexWant{
			{D, "June 1998", "1998-06", "", ""},
			{D, "later that year", "1998", "", ""}}},
		{"en", "2000-01-10", "Imports peaked in 1988; watches were a small share that year.", []timexWant{
			{D, "1988", "1988", "", ""},
			{D, "that year", "1988", "", ""}}},
		{"en", "2000-01-10", "The dam broke on March 3, 1999, and the town was rebuilt that month.", []timexWant{
			{D, "March 3, 1999", "1999-03-03", "", ""},
			{D, "that month", "1999-03", "", ""}}},
		{"id", "2024-06-10", "Ia pindah ke Bandung pada Juni 2019 dan kembali ke Jakarta pada tahun itu juga.", []timexWant{
			{D, "Juni 2019", "2019-06", "", ""},
			{D, "tahun itu", "2019", "", ""}}},
		// "50 tahun itu" is those fifty years.
		{"id", "2024-06-10", "Selama 50 tahun itu, desa itu berubah.", []timexWant{
			{DU, "50 tahun", "P50Y", "", ""}}},
	})
}

// TestFractionalDurations: a fraction that is a whole number of the next
// smaller unit is written in it, as TimeML values are.
func TestFractionalDurations(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-06-10", "The talks lasted 5 1/2 hours.", []timexWant{
			{DU, "5 1/2 hours", "PT5H30M", "", ""}}},
		{"en", "2024-06-10", "He served 2 1/2 years in prison.", []timexWant{
			{DU, "2 1/2 years", "P2Y6M", "", ""}}},
		// Not a whole number of the smaller unit: kept as written.
		{"en", "2024-06-10", "The survey took 1.5 weeks.", []timexWant{
			{DU, "1.5 weeks", "P1.5W", "", ""}}},
		{"id", "2024-06-10", "Rapat itu berlangsung dua setengah jam.", []timexWant{
			{DU, "dua setengah jam", "PT2H30M", "", ""}}},
	})
}

// TestMoreUnits: "two more weeks", "an additional year" name a length.
func TestMoreUnits(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-06-10", "The boy will stay two more weeks in Miami.", []timexWant{
			{DU, "two more weeks", "P2W", "", ""}}},
		{"en", "2024-06-10", "The loan may be extended for an additional year.", []timexWant{
			{DU, "an additional year", "P1Y", "", ""}}},
		{"en", "2024-06-10", "She asked for two extra days of leave.", []timexWant{
			{DU, "two extra days", "P2D", "", ""}}},
		{"en", "2024-06-10", "He wants two more tickets.", nil},
		{"en", "2024-06-10", "Eight trading days later, the index recovered.", []timexWant{
			{DU, "Eight trading days", "P8D", "", ""}}},
		{"id", "2024-06-10", "Berkas diproses dalam lima hari kerja.", []timexWant{
			{DU, "lima hari", "P5D", "", ""}}},
		// Indonesian "dua pekan lagi" is "in two weeks", a date of its
		// own pattern; "tambahan" lengths are read by n-unit.
		{"id", "2024-06-10", "Bocah itu akan kembali dua pekan lagi.", []timexWant{
			{D, "dua pekan lagi", "2024-W26", "", ""}}},
		{"id", "2024-06-10", "Pinjaman itu diperpanjang dengan tambahan satu tahun.", []timexWant{
			{DU, "satu tahun", "P1Y", "", ""}}},
	})
}

// TestYearAgoQuarterReach: "a year ago" takes the last quarter named before
// it when no item between stands more than two sentences back, and a year
// so moved is no quarter for the next one; a holiday takes the year written
// in its own sentence only. (yearAgoQuarters and holidayYears keep these
// as the items go by.)
func TestYearAgoQuarterReach(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-11-02", "Third-quarter profit fell. Sales rose. Costs grew to $3 million from $4 million a year ago.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "a year ago", "2023-Q3", "", ""}}},
		{"en", "2024-11-02", "Third-quarter profit fell. Sales rose. Costs grew. Debt fell to $3 million from $4 million a year ago.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "a year ago", "2023", "", ""}}},
		{"en", "2024-11-02", "Third-quarter profit fell in 2024. Sales rose. Costs grew. Debt fell to $3 million from $4 million a year ago.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "2024", "2024", "", ""},
			{D, "a year ago", "2023", "", ""}}},
		{"en", "2024-11-02", "Profit fell from a year ago. Sales rose from a year earlier.", []timexWant{
			{D, "a year ago", "2023", "", ""},
			{D, "a year earlier", "2023", "", ""}}},
		{"en", "2024-11-02", "Third-quarter profit fell from a year ago and sales rose from a year earlier.", []timexWant{
			{D, "Third-quarter", "2024-Q3", "", ""},
			{D, "a year ago", "2023-Q3", "", ""},
			{D, "a year earlier", "2023-Q3", "", ""}}},
		{"en", "2013-07-02", "The Boxing Day tsunami struck. It struck in 2004.", []timexWant{
			{D, "Boxing Day", "2012-12-26", "", ""},
			{D, "2004", "2004", "", ""}}},
		{"en", "2013-07-02", "In 2001 and on Boxing Day in 2004 the sea rose.", []timexWant{
			{D, "2001", "2001", "", ""},
			{D, "Boxing Day", "2001-12-26", "", ""},
			{D, "2004", "2004", "", ""}}},
	})
}
