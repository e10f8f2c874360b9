package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

var dateKinds = []claims.Kind{claims.KindDate, claims.KindDuration}

const (
	D  = claims.KindDate
	DU = claims.KindDuration
)

// TestDatesEnglish covers the English forms of issue 3; every sentence is
// written for this test.
func TestDatesEnglish(t *testing.T) {
	runExtractCases(t, dateKinds, []extractCase{
		// Full and partial dates in news orders.
		{"en", "2024-12-30", "The accord was ratified on December 29, 2024, in the capital.", []want{
			{D, "December 29, 2024", "2024-12-29", "w=year,month,day i="}}},
		{"en", "2024-12-30", "Talks resumed on 29 December 2024 after a pause.", []want{
			{D, "29 December 2024", "2024-12-29", "w=year,month,day"}}},
		{"en", "2024-12-30", "The envoy arrived on Dec. 29 for a two-day visit.", []want{
			{D, "Dec. 29", "2024-12-29", "w=month,day i=year"},
			{DU, "two-day", "P2D", "unit=day"}}},
		{"en", "2024-12-30", "A memo dated 29/12/2024 was leaked.", []want{
			{D, "29/12/2024", "2024-12-29", "w=year,month,day"}}},
		{"en", "2024-12-30", "The filing, stamped 2024-12-29, reached the court.", []want{
			{D, "2024-12-29", "2024-12-29", ""}}},
		{"en", "2024-12-30", "The rule applies from 30/12 onwards.", []want{
			{D, "30/12", "2024-12-30", "i=year"}}},
		{"en", "2024-12-30", "The ministry opened an inquiry in June.", []want{
			{D, "June", "2024-06", "w=month i=year"}}},
		{"en", "2024-12-30", "The treaty was drafted in March 2021.", []want{
			{D, "March 2021", "2021-03", "w=year,month"}}},
		// Bare years only with a cue.
		{"en", "2024-12-30", "The mine closed in 2022 and had operated since 2006.", []want{
			{D, "2022", "2022", "w=year"},
			{D, "2006", "2006", "w=year"}}},
		{"en", "2024-12-30", "Exports rose in 2019 and 2020 before falling.", []want{
			{D, "2019", "2019", ""},
			{D, "2020", "2020", ""}}},
		{"en", "2024-12-30", "The firm sold 2,022 cars and 2025 bikes.", nil},
		// Decades, centuries, quarters, halves, seasons.
		{"en", "2024-12-30", "The city grew fast in the 1990s.", []want{
			{D, "the 1990s", "199", "w=decade"}}},
		{"en", "2024-12-30", "Such ships sailed in the 19th century.", []want{
			{D, "the 19th century", "18", "w=century"}}},
		{"en", "2024-12-30", "Profits fell in the second quarter of 2023.", []want{
			{D, "the second quarter of 2023", "2023-Q2", "w=part,year"}}},
		{"en", "2024-12-30", "Output recovered in the first half of 2024 and in Q3 2024.", []want{
			{D, "the first half of 2024", "2024-H1", ""},
			{D, "Q3 2024", "2024-Q3", ""}}},
		{"en", "2024-12-30", "The drought peaked in the summer of 2023.", []want{
			{D, "the summer of 2023", "2023-SU", "w=season,year"}}},
		{"en", "2024-12-30", "Growth was strong in early 2024 and weak in late 2023.", []want{
			{D, "early 2024", "2024", "fuzzy=true"},
			{D, "late 2023", "2023", "fuzzy=true"}}},
		// Ranges.
		{"en", "2024-12-30", "The plenum met from December 23 to December 27.", []want{
			{D, "December 23 to December 27", "2024-12-23/2024-12-27", "w=month,day i=year"}}},
		{"en", "2024-12-30", "The plenum met December 23–27 in the capital.", []want{
			{D, "December 23–27", "2024-12-23/2024-12-27", "i=year"}}},
		{"en", "2024-12-30", "Turnout rose between 2018 and 2019.", []want{
			{D, "2018 and 2019", "2018/2019", "w=year"}}},
		{"en", "2024-12-30", "Cases rose in the 2018-19 season.", []want{
			{D, "the 2018-19", "2018/2019", ""}}},
		{"en", "2024-12-30", "Rain fell between March and May.", []want{
			{D, "March and May", "2024-03/2024-05", "i=year"}}},
		{"en", "2024-12-30", "The exhibition runs from May to October 2025.", []want{
			{D, "May to October 2025", "2025-05/2025-10", "w=year,month i="}}},
		// Times attached to their date.
		{"en", "2024-12-30", "The first shock hit at 04:17 on Monday, February 6, 2023.", []want{
			{D, "04:17 on Monday, February 6, 2023", "2023-02-06T04:17", "w=year,month,day,weekday,time i="}}},
		{"en", "2024-12-30", "Sirens sounded on Feb. 6 at 4:17 a.m. across the region.", []want{
			{D, "Feb. 6 at 4:17 a.m.", "2024-02-06T04:17", "i=year"}}},
		{"en", "2024-12-30", "The rally on Saturday began at noon.", []want{
			{D, "Saturday", "2024-12-28", "w=weekday"},
			{D, "noon", "2024-12-28T12:00", "w=time i=year,month,day"}}},
		{"en", "2024-12-30", "Polls close at 8 p.m. tomorrow.", []want{
			{D, "8 p.m. tomorrow", "2024-12-31T20:00", ""}}},
		// Weekdays and relative expressions against the dateline and tense.
		{"en", "2024-12-29", "The session concluded on Friday, officials said.", []want{
			{D, "Friday", "2024-12-27", "w=weekday i=year,month,day"}}},
		{"en", "2024-12-30", "The new leader will be sworn in on 20 October.", []want{
			{D, "20 October", "2025-10-20", "i=year"}}},
		{"en", "2024-12-30", "Prices fell last week and two days ago.", []want{
			{D, "last week", "2024-W52", ""},
			{D, "two days ago", "2024-12-28", "i=year,month,day"}}},
		{"en", "2024-12-30", "Elections are due next year.", []want{
			{D, "next year", "2025", "i=year"}}},
		{"en", "2024-12-30", "Earlier this year the party met twice; this month it met again.", []want{
			{D, "Earlier this year", "2024", "fuzzy=true"},
			{D, "this month", "2024-12", "i=year,month"}}},
		{"en", "2024-12-30", "The deal was signed in June last year.", []want{
			{D, "June last year", "2023-06", "w=month i=year"}}},
		{"en", "2024-12-30", "The river burst its banks on March 3. Two days later the town flooded.", []want{
			{D, "March 3", "2024-03-03", "i=year"},
			{D, "Two days later", "P2D", ""}}},
		{"en", "2024-12-30", "Over the past three months, inflation eased.", []want{
			{D, "the past three months", "P3M", ""}}},
		{"en", "2024-12-30", "Results are expected in two weeks.", []want{
			{D, "two weeks", "P2W", "fuzzy=true"}}},
		{"en", "2024-12-30", "The strike ended last night.", []want{
			{D, "last night", "2024-12-29TNI", ""}}},
		// Durations with qualifiers.
		{"en", "2024-12-30", "After a five-day meeting and a three-month review, the panel deliberated for about two hours.", []want{
			{DU, "five-day", "P5D", "lo=5 hi=5"},
			{DU, "three-month", "P3M", ""},
			{DU, "about two hours", "PT2H", "q=about approx=true"}}},
		{"en", "2024-12-30", "He spent 24 years in exile and nearly a decade abroad.", []want{
			{DU, "24 years", "P24Y", "unit=year"},
			{DU, "nearly a decade", "P10Y", "q=nearly hi=1) unit=decade"}}},
		{"en", "2024-12-30", "The outage lasted an hour and a half.", []want{
			{DU, "an hour and a half", "PT1H30M", ""}}},
		{"en", "2024-12-30", "The standoff lasted more than 4 days.", []want{
			{DU, "more than 4 days", "P4D", "lo=(4 hi=inf"}}},
	})
}

// TestDatesIndonesian covers the Indonesian forms of issue 3.
func TestDatesIndonesian(t *testing.T) {
	runExtractCases(t, dateKinds, []extractCase{
		{"id", "2024-12-30", "Rapat digelar pada 14 Februari 2024 di Jakarta.", []want{
			{D, "14 Februari 2024", "2024-02-14", "w=year,month,day"}}},
		{"id", "2024-12-30", "Gempa terjadi Senin (30/12/2024) dini hari.", []want{
			{D, "Senin (30/12/2024) dini hari", "2024-12-30TMO", "w=year,month,day,weekday"}}},
		{"id", "2024-12-30", "Warga mengungsi pada Senin (30/12) pukul 04.17 WIB.", []want{
			{D, "Senin (30/12) pukul 04.17 WIB", "2024-12-30T04:17", "w=month,day,weekday,time i=year"}}},
		{"id", "2024-12-30", "Sidang digelar 23 hingga 27 Desember di gedung parlemen.", []want{
			{D, "23 hingga 27 Desember", "2024-12-23/2024-12-27", "i=year"}}},
		{"id", "2024-12-30", "Harga naik antara 2018 dan 2019.", []want{
			{D, "2018 dan 2019", "2018/2019", "w=year"}}},
		{"id", "2024-12-30", "Aturan itu berlaku sejak 2006 dan diubah tahun 2025.", []want{
			{D, "2006", "2006", ""},
			{D, "tahun 2025", "2025", ""}}},
		{"id", "2024-12-30", "Pada tahun 1990-an industri itu berjaya.", []want{
			{D, "tahun 1990-an", "199", "w=decade"}}},
		{"id", "2024-12-30", "Ekspor tumbuh pada kuartal III 2024 dan semester I tahun ini.", []want{
			{D, "kuartal III 2024", "2024-Q3", ""},
			{D, "semester I tahun ini", "2024-H1", "i=year"}}},
		{"id", "2024-12-30", "Tahun lalu harga beras naik, kemarin turun, dan pekan lalu stabil.", []want{
			{D, "Tahun lalu", "2023", "i=year"},
			{D, "kemarin", "2024-12-29", ""},
			{D, "pekan lalu", "2024-W52", ""}}},
		{"id", "2024-12-30", "Pemilu akan digelar bulan depan.", []want{
			{D, "bulan depan", "2025-01", "i=year,month"}}},
		{"id", "2024-12-30", "Inflasi melambat sejak awal tahun ini.", []want{
			{D, "awal tahun ini", "2024", "fuzzy=true"}}},
		{"id", "2024-12-30", "Pemilu dijadwalkan awal tahun depan.", []want{
			{D, "awal tahun depan", "2025", "fuzzy=true"}}},
		{"id", "2024-12-30", "Banjir datang pada 3 Maret. Dua hari kemudian tanggul jebol.", []want{
			{D, "3 Maret", "2024-03-03", "i=year"},
			{D, "Dua hari kemudian", "P2D", ""}}},
		{"id", "2024-12-30", "Pertemuan dijadwalkan pada Senin depan pukul 10.00 WIB.", []want{
			{D, "Senin depan pukul 10.00 WIB", "2025-01-06T10:00", "w=weekday,time"}}},
		{"id", "2024-12-30", "Ia terpilih tiga tahun lalu.", []want{
			{D, "tiga tahun lalu", "2021", "i=year"}}},
		{"id", "2024-12-30", "Dalam tiga bulan terakhir harga cabai naik.", []want{
			{D, "tiga bulan terakhir", "P3M", ""}}},
		{"id", "2024-12-30", "Bangunan itu berdiri sejak abad ke-19.", []want{
			{D, "abad ke-19", "18", "w=century"}}},
		{"id", "2024-12-30", "Kebakaran terjadi pada akhir Desember.", []want{
			{D, "akhir Desember", "2024-12", "fuzzy=true"}}},
		{"id", "2024-12-30", "Pakta itu diteken pada bulan Juni.", []want{
			{D, "bulan Juni", "2024-06", "w=month i=year"}}},
		// Durations.
		{"id", "2024-12-30", "Rapat berlangsung selama tujuh hari.", []want{
			{DU, "tujuh hari", "P7D", "unit=day"}}},
		{"id", "2024-12-30", "Pemungutan suara berlangsung hampir lima jam.", []want{
			{DU, "hampir lima jam", "PT5H", "q=hampir hi=5)"}}},
		{"id", "2024-12-30", "Bantuan tiba sekitar sembilan jam kemudian.", []want{
			{DU, "sekitar sembilan jam kemudian", "PT9H", "q=sekitar approx=true"}}},
		{"id", "2024-12-30", "Ia dipenjara sepekan dan dua setengah tahun kemudian bebas.", []want{
			{DU, "sepekan", "P1W", ""},
			{D, "dua setengah tahun kemudian", "P2Y6M", ""}}},
	})
}
