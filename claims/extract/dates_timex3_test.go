package extract

import "testing"

// TestAccountingYear: "the year ended Aug. 31" in a results report is an
// accounting year, named by its length (TimeML's P1Y); the date after it
// is its last day. The cue word stays out of the claim.
func TestAccountingYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-11-05", "The brewer earned $12 million in the year ended Sept. 30.", []timexWant{
			{DU, "the year", "P1Y", "", ""},
			{D, "Sept. 30", "2024-09-30", "", ""}}},
		{"en", "2024-11-05", "Sales for the fiscal year ending June 30, 2025, should rise.", []timexWant{
			{DU, "the fiscal year", "P1Y", "", ""},
			{D, "June 30, 2025", "2025-06-30", "", ""}}},
		{"id", "2024-11-05", "Laba emiten itu pada tahun buku yang berakhir 30 Juni 2024 naik 8 persen.", []timexWant{
			{DU, "tahun buku", "P1Y", "", ""},
			{D, "30 Juni 2024", "2024-06-30", "", ""}}},
	})
}

// TestNearestTenseWord: when the only future word of a date's clause or
// sentence lies beyond a past verb, the tense word nearest the date is its
// verb ("issued a statement Friday saying the pact will ...", "In
// September, it announced plans to ..."); a quotation mark ends the
// search, and a participle after "be" or "to" is no past.
func TestNearestTenseWord(t *testing.T) {
	runTimexCases(t, []timexCase{
		// 2024-05-18 is a Saturday.
		{"en", "2024-05-18", "The union issued a statement Friday arguing the pact will protect jobs.", []timexWant{
			{D, "Friday", "2024-05-17", "", ""}}},
		{"en", "2024-10-30", "In September, the group announced plans to sell its port unit.", []timexWant{
			{D, "September", "2024-09", "", ""}}},
		{"en", "2024-10-30", "The firm's disclosure Friday of a large loss showed that it is selling assets faster than expected to cut its debt.", []timexWant{
			{D, "Friday", "2024-10-25", "", ""}}},
		// Still ahead: the nearest tense word is the future one.
		{"en", "2024-05-18", "Farmers were planning to march in the capital on Monday.", []timexWant{
			{D, "Monday", "2024-05-20", "", ""}}},
		{"en", "2024-02-10", "He said the accord would still be signed at the summit on April 24.", []timexWant{
			{D, "on April 24", "2024-04-24", "", ""}}},
		{"en", "2024-05-15", "``The convoy will leave at dawn (6 a.m. Thursday),'' the governor said.", []timexWant{
			{D, "6 a.m. Thursday", "2024-05-16T06:00", "", ""}}},
		{"id", "2024-05-18", "Serikat pekerja sudah mengeluarkan pernyataan Jumat bahwa kesepakatan itu akan melindungi pekerja.", []timexWant{
			{D, "Jumat", "2024-05-17", "", ""}}},
	})
}

// TestPossessiveYear: a year after a possessive dates the noun after it,
// as after "his" or "the" ("the company's 2023 results").
func TestPossessiveYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-03-01", "The charge will be booked in the company's 2023 operating results.", []timexWant{
			{D, "2023", "2023", "", ""}}},
		{"en", "2024-03-01", "The senator’s 2018 campaign raised little money.", []timexWant{
			{D, "2018", "2018", "", ""}}},
	})
}

// TestEarliestDay: "as early as Tuesday", "as soon as Tuesday" name a day
// still ahead, as "by" does, unless the date's own clause says otherwise.
// (Indonesian reads undated reports as past; "paling cepat" is left alone.)
func TestEarliestDay(t *testing.T) {
	runTimexCases(t, []timexCase{
		// 2024-05-13 is a Monday.
		{"en", "2024-05-13", "Officials said the convoy could reach the border as early as Thursday.", []timexWant{
			{D, "Thursday", "2024-05-16", "", ""}}},
		{"en", "2024-05-13", "The envoy could arrive as soon as Wednesday, aides said.", []timexWant{
			{D, "Wednesday", "2024-05-15", "", ""}}},
	})
}

// TestPartOfDayBefore: a part of the day before "yesterday" or "tomorrow"
// ("mid-afternoon yesterday") is kept, as after it.
func TestPartOfDayBefore(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-05-13", "Shares slid in mid-afternoon yesterday on the news.", []timexWant{
			{D, "mid-afternoon yesterday", "2024-05-12TAF", "", ""}}},
		{"en", "2024-05-13", "The court sits again morning tomorrow, the clerk said.", []timexWant{
			{D, "morning tomorrow", "2024-05-14TMO", "", ""}}},
	})
}

// TestYearAgoOrdinalQuarter: "the year-ago third quarter" is that quarter a
// year before, one claim.
func TestYearAgoOrdinalQuarter(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-10-30", "The mill earned $4 million in the year-ago third quarter.", []timexWant{
			{D, "the year-ago third quarter", "2023-Q3", "", ""}}},
		{"en", "2024-10-30", "In the year-earlier second quarter, the bank lost money.", []timexWant{
			{D, "the year-earlier second quarter", "2023-Q2", "", ""}}},
	})
}

// TestWinterOfYear: a season that crosses the new year with one year
// written ("the winter of 1994", "musim dingin 1994") is TimeML's 1994-WI;
// its dates hold both winters that touch the year.
func TestWinterOfYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "1998-03-01", "Oil last traded this low in the winter of 1994, dealers said.", []timexWant{
			{D, "the winter of 1994", "1994-WI", "", ""}}},
		{"en", "1998-03-01", "Heating bills doubled in the winter of nineteen ninety-four.", []timexWant{
			{D, "the winter of nineteen ninety-four", "1994-WI", "", ""}}},
		{"id", "1998-03-01", "Harga minyak terakhir serendah ini pada musim dingin 1994.", []timexWant{
			{D, "musim dingin 1994", "1994-WI", "", ""}}},
	})
}

// TestDurationSpans: "two to three weeks" is one duration valued by its
// first number with both bounds kept; "barely a month", "only a week" are
// lengths as "for a week" is.
func TestDurationSpans(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-05-13", "The audit could take two to three weeks, the ministry said.", []timexWant{
			{DU, "two to three weeks", "P2W", "", ""}}},
		{"en", "2024-05-13", "Crews need 5-7 days to clear the line.", []timexWant{
			{DU, "5-7 days", "P5D", "", ""}}},
		{"en", "2024-05-13", "The vote came barely a month after the floods.", []timexWant{
			{DU, "a month", "P1M", "", ""}}},
		{"id", "2024-05-13", "Perbaikan jalur itu butuh 5-7 hari.", []timexWant{
			{DU, "5-7 hari", "P5D", "", ""}}},
	})
}

// TestCoupleAndLastHalf: "a couple of years" is two years, "a couple of
// days ago" two days back; "the last half of 2023" is its second half.
func TestCoupleAndLastHalf(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-05-13", "Rents rose for a couple of years before the slump.", []timexWant{
			{DU, "a couple of years", "P2Y", "", ""}}},
		{"en", "2024-05-13", "The bridge reopened a couple of days ago.", []timexWant{
			{D, "a couple of days ago", "2024-05-11", "", ""}}},
		{"en", "2024-05-13", "Exports slowed in the last half of 2023.", []timexWant{
			{D, "the last half of 2023", "2023-H2", "", ""}}},
	})
}

// TestMonthSetsAndFiscalQuarter: "each July", "setiap bulan Agustus" recur
// (TimeML XXXX-07, a set); "the fiscal-first quarter" is a first quarter.
func TestMonthSetsAndFiscalQuarter(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-05-13", "The bands parade through the town each July.", []timexWant{
			{SET, "each July", "XXXX-07", "", ""}}},
		{"id", "2024-05-13", "Warga menggelar pawai setiap bulan Agustus.", []timexWant{
			{SET, "setiap bulan Agustus", "XXXX-08", "", ""}}},
		{"en", "2024-11-13", "The retailer lost $3 million in the fiscal-first quarter.", []timexWant{
			{D, "the fiscal-first quarter", "2024-Q1", "", ""}}},
	})
}

// TestFrequencyAdjectives: "weekly", "hourly", "monthly" recur even before
// a noun ("his weekly radio address").
func TestFrequencyAdjectives(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-05-13", "The president spoke of the floods in his weekly radio address.", []timexWant{
			{SET, "weekly", "P1W", "", ""}}},
		{"en", "2024-05-13", "Average hourly earnings rose 0.3 percent.", []timexWant{
			{SET, "hourly", "PT1H", "", ""}}},
	})
}

// TestWeekOfDateAndCouple: "the week of March 6" is the ISO week holding
// that day; "the next couple of years" two years.
func TestWeekOfDateAndCouple(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-02-20", "The trial is set for the week of March 4, lawyers said.", []timexWant{
			{D, "the week of March 4", "2024-W10", "", ""}}},
		{"en", "2024-02-20", "Results are due the week of 11 March.", []timexWant{
			{D, "the week of 11 March", "2024-W11", "", ""}}},
		{"en", "2024-02-20", "Rates should ease over the next couple of years.", []timexWant{
			{DU, "the next couple of years", "P2Y", "", ""}}},
	})
}

// TestHolidayWeekAndPrePostYear: "Easter week" is the week holding Easter,
// the one under way when the dateline falls in it; "post-1959" and
// "pre-2008" are TimeML's year, their dates open on one side so that a
// later (earlier) year does not conflict with them.
func TestHolidayWeekAndPrePostYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		// Easter 2024 is Sunday 31 March; 2024-03-25 is the Monday before.
		{"en", "2024-03-25", "Pilgrims filled the old city as Easter week began.", []timexWant{
			{D, "Easter week", "2024-W13", "", ""}}},
		{"id", "2024-03-25", "Peziarah memadati kota tua saat pekan Paskah dimulai.", []timexWant{
			{D, "pekan Paskah", "2024-W13", "", ""}}},
		{"en", "2024-05-13", "The book traces life in post-1959 Cuba.", []timexWant{
			{D, "1959", "1959", "1959-01-01T00:00/2059-01-01T00:00", ""}}},
		{"en", "2024-05-13", "Output is back at pre-2008 levels.", []timexWant{
			{D, "2008", "2008", "1909-01-01T00:00/2009-01-01T00:00", ""}}},
	})
}
