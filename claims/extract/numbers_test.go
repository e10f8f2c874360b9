package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

var numberKinds = []claims.Kind{claims.KindCount, claims.KindQuantity, claims.KindPercent, claims.KindMoney}

const (
	CO = claims.KindCount
	QU = claims.KindQuantity
	PC = claims.KindPercent
	MO = claims.KindMoney
	OR = claims.KindOrdinal
)

// TestNumbersEnglish covers the English forms of issue 4; every sentence is
// written for this test.
func TestNumbersEnglish(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		// Digits, scales, words.
		{"en", "2024-12-30", "The storm forced 5,000 residents from their homes.", []want{
			{CO, "5,000", "5000", "lo=5000 hi=5000 counted=people"}}},
		{"en", "2024-12-30", "The census counted 96,214,691 residents.", []want{
			{CO, "96,214,691", "96214691", "counted=people"}}},
		{"en", "2024-12-30", "Some 1.2 million people fled the fighting.", []want{
			{CO, "Some 1.2 million", "1200000", "q=Some approx=true counted=people"}}},
		{"en", "2024-12-30", "The fund received $3bn, £5m and US$1.2 million.", []want{
			{MO, "$3bn", "3000000000", "unit=USD"},
			{MO, "£5m", "5000000", "unit=GBP"},
			{MO, "US$1.2 million", "1200000", "unit=USD"}}},
		{"en", "2024-12-30", "Twenty-five soldiers and a thousand civilians were killed.", []want{
			{CO, "Twenty-five", "25", "counted=soldiers"},
			{CO, "a thousand", "1000", "counted=civilians"}}},
		{"en", "2024-12-30", "Dozens were injured and hundreds of families lost their homes.", []want{
			{CO, "Dozens", "24", "lo=24 hi=99 vague=true"},
			{CO, "hundreds", "200", "lo=200 hi=999 vague=true"}}},
		{"en", "2024-12-30", "Tens of thousands of workers marched.", []want{
			{CO, "Tens of thousands", "20000", "lo=20000 hi=99999"}}},
		// Percentages.
		{"en", "2024-12-30", "She won 58.6% of the vote, a gain of 2.5 percentage points.", []want{
			{PC, "58.6%", "58.6", "unit=%"},
			{PC, "2.5 percentage points", "2.5", "unit=pp"}}},
		{"en", "2024-12-30", "Turnout reached 71 per cent.", []want{
			{PC, "71 per cent", "71", "unit=%"}}},
		// Qualifiers as bounds.
		{"en", "2024-12-30", "More than 5,000 people were displaced and at least 5,100 were evacuated.", []want{
			{CO, "More than 5,000", "5000", "lo=(5000 hi=inf counted=people"},
			{CO, "at least 5,100", "5100", "lo=5100 hi=inf"}}},
		{"en", "2024-12-30", "Nearly 41 million voters took part.", []want{
			{CO, "Nearly 41 million", "41000000", "lo=36900000 hi=41000000) counted=voters"}}},
		{"en", "2024-12-30", "About 96.2 million were registered.", []want{
			{CO, "About 96.2 million", "96200000", "approx=true q=About"}}},
		{"en", "2024-12-30", "Fewer than 200 troops remain and up to 300 may leave.", []want{
			{CO, "Fewer than 200", "200", "lo=0 hi=200) counted=soldiers"},
			{CO, "up to 300", "300", "lo=0 hi=300"}}},
		{"en", "2024-12-30", "As many as 1,000 homes and almost 40 schools were damaged.", []want{
			{CO, "As many as 1,000", "1000", "hi=1000 counted=houses"},
			{CO, "almost 40", "40", "hi=40) counted=schools"}}},
		{"en", "2024-12-30", "Around 300 people and over 20 vehicles were involved.", []want{
			{CO, "Around 300", "300", "approx=true counted=people"},
			{CO, "over 20", "20", "lo=(20 counted=vehicles"}}},
		{"en", "2024-12-30", "Officials expect 5,000 applicants or more.", []want{
			{CO, "5,000", "5000", "lo=5000 hi=5000 counted=applicants"}}},
		{"en", "2024-12-30", "The bill would cover 500 or more clinics.", []want{
			{CO, "500 or more", "500", "lo=500 hi=inf"}}},
		// Ranges.
		{"en", "2024-12-30", "The fault lies between 3 and 5 km below the surface, and the rupture is 3-5 km wide.", []want{
			{QU, "between 3 and 5 km", "3/5", "lo=3 hi=5 unit=km"},
			{QU, "3-5 km", "3/5", "unit=km"}}},
		{"en", "2024-12-30", "Officials said 3 to 5 million people need aid.", []want{
			{CO, "3 to 5 million", "3000000/5000000", "counted=people"}}},
		// Units.
		{"en", "2024-12-30", "The 7.8-magnitude quake struck 10 km (6 miles) deep.", []want{
			{QU, "7.8-magnitude", "7.8", "unit=magnitude"},
			{QU, "10 km", "10", "unit=km"},
			{QU, "6 miles", "6", "unit=mi"}}},
		{"en", "2024-12-30", "Temperatures fell to -5°C as winds reached 120 km/h.", []want{
			{QU, "-5°C", "-5", "unit=C"},
			{QU, "120 km/h", "120", "unit=km/h"}}},
		{"en", "2024-12-30", "Fires burned 1,200 hectares and 15,000 square kilometres.", []want{
			{QU, "1,200 hectares", "1200", "unit=ha"},
			{QU, "15,000 square kilometres", "15000", "unit=km2"}}},
		{"en", "2024-12-30", "The ship carried 2 million barrels and 300 tonnes of grain.", []want{
			{QU, "2 million barrels", "2000000", "unit=bbl"},
			{QU, "300 tonnes", "300", "unit=t"}}},
		{"en", "2024-12-30", "A 24-year-old man and a woman more than 30 years old were held.", []want{
			{QU, "24-year-old", "24", "unit=years-old"},
			{QU, "more than 30 years old", "30", "lo=(30 unit=years-old"}}},
		// An age cue before a bare number: an age in years, not a count.
		{"en", "2024-12-30", "The driver, aged 61, and a passenger who died at the age of 85 were named.", []want{
			{QU, "61", "61", "unit=years-old"},
			{QU, "85", "85", "unit=years-old"}}},
		{"id", "2024-12-30", "Sopir bus itu berusia 61 dan penumpangnya berumur 85.", []want{
			{QU, "61", "61", "unit=years-old"},
			{QU, "85", "85", "unit=years-old"}}},
	})
}

// TestNumbersIndonesian covers the Indonesian forms of issue 4.
func TestNumbersIndonesian(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"id", "2024-12-30", "Sebanyak 4.000 warga mengungsi dan 96.214.691 pemilih terdaftar.", []want{
			{CO, "Sebanyak 4.000", "4000", "counted=people q=Sebanyak lo=4000 hi=4000"},
			{CO, "96.214.691", "96214691", "counted=pemilih"}}},
		{"id", "2024-12-30", "Gempa bermagnitudo 7,8 mengguncang kota itu.", []want{
			{QU, "bermagnitudo 7,8", "7.8", "unit=magnitude"}}},
		{"id", "2024-12-30", "Anggaran mencapai Rp 5 triliun, naik dari Rp1,2 juta, ditambah 2,5 miliar dolar AS.", []want{
			{MO, "mencapai Rp 5 triliun", "5000000000000", "unit=IDR hi=5000000000000"},
			{MO, "Rp1,2 juta", "1200000", "unit=IDR"},
			{MO, "2,5 miliar dolar AS", "2500000000", "unit=USD"}}},
		{"id", "2024-12-30", "Dua puluh lima tentara tewas dan seribu warga sipil luka-luka.", []want{
			{CO, "Dua puluh lima", "25", "counted=soldiers"},
			{CO, "seribu", "1000", "counted=civilians"}}},
		{"id", "2024-12-30", "Sebelas orang hilang, ratusan orang mengungsi, puluhan ribu rumah rusak.", []want{
			{CO, "Sebelas", "11", "counted=people"},
			{CO, "ratusan", "200", "lo=200 hi=999 counted=people"},
			{CO, "puluhan ribu", "20000", "lo=20000 hi=99999 counted=houses"}}},
		{"id", "2024-12-30", "Ia meraih 58,59 persen suara.", []want{
			{PC, "58,59 persen", "58.59", "unit=% counted=votes"}}},
		{"id", "2024-12-30", "Lebih dari 5.000 orang mengungsi, sedikitnya 5.100 warga dievakuasi, setidaknya 12 orang tewas.", []want{
			{CO, "Lebih dari 5.000", "5000", "lo=(5000 counted=people"},
			{CO, "sedikitnya 5.100", "5100", "lo=5100"},
			{CO, "setidaknya 12", "12", "lo=12 hi=inf"}}},
		{"id", "2024-12-30", "Hampir 41 juta pemilih dan sekitar 96,2 juta warga tercatat.", []want{
			{CO, "Hampir 41 juta", "41000000", "hi=41000000)"},
			{CO, "sekitar 96,2 juta", "96200000", "approx=true"}}},
		{"id", "2024-12-30", "Kurang dari 200 tentara tersisa dan hingga 300 orang dievakuasi.", []want{
			{CO, "Kurang dari 200", "200", "hi=200) counted=soldiers"},
			{CO, "hingga 300", "300", "hi=300 counted=people"}}},
		{"id", "2024-12-30", "Kedalaman gempa antara 3 hingga 5 km.", []want{
			{QU, "antara 3 hingga 5 km", "3/5", "lo=3 hi=5 unit=km"}}},
		{"id", "2024-12-30", "Korea Utara melakukan lebih dari 100 uji coba rudal.", []want{
			{CO, "lebih dari 100", "100", "counted=missile-tests"}}},
		{"id", "2024-12-30", "Suhu mencapai 35 derajat Celsius dan angin bertiup 60 km/jam.", []want{
			{QU, "mencapai 35 derajat Celsius", "35", "unit=C"},
			{QU, "60 km/jam", "60", "unit=km/h"}}},
		{"id", "2024-12-30", "Api menghanguskan 1.200 hektare lahan.", []want{
			{QU, "1.200 hektare", "1200", "unit=ha"}}},
		{"id", "2024-12-30", "Harga naik 7,8 persen, atau 0,5 poin persentase.", []want{
			{PC, "7,8 persen", "7.8", "unit=%"},
			{PC, "0,5 poin persentase", "0.5", "unit=pp"}}},
		{"id", "2024-12-30", "Sebanyak 150 orang atau lebih ditahan.", []want{
			{CO, "Sebanyak 150", "150", "counted=people"}}},
		{"id", "2024-12-30", "Sekitar 2,5 juta orang kehilangan tempat tinggal.", []want{
			{CO, "Sekitar 2,5 juta", "2500000", "approx=true counted=people"}}},
	})
}

// TestOrdinals covers event ordinals in both languages.
func TestOrdinals(t *testing.T) {
	runExtractCases(t, []claims.Kind{claims.KindOrdinal}, []extractCase{
		{"en", "2024-12-30", "The Eighth Party Congress opened as the 8th plenary session closed.", []want{
			{OR, "Eighth", "8", ""},
			{OR, "8th", "8", ""}}},
		{"en", "2024-12-30", "It was the twenty-first summit between the two.", []want{
			{OR, "twenty-first", "21", ""}}},
		{"id", "2024-12-30", "Kongres kedelapan dan rapat pleno ke-8 digelar di Pyongyang.", []want{
			{OR, "kedelapan", "8", ""},
			{OR, "ke-8", "8", ""}}},
		{"id", "2024-12-30", "Kedua negara meneken pakta setelah pertemuan itu.", nil},
	})
}

// TestNegativeDates runs the negative corpora: sentences that look
// temporal and must produce no date.
func TestNegativeDates(t *testing.T) {
	runNegative(t, "en", "negative_dates_en.txt", []claims.Kind{claims.KindDate, claims.KindDuration})
	runNegative(t, "id", "negative_dates_id.txt", []claims.Kind{claims.KindDate, claims.KindDuration})
}

// TestNegativeNumbers runs the negative corpora for numbers: labels, codes,
// years, phone numbers and page furniture must produce no number claim.
func TestNegativeNumbers(t *testing.T) {
	runNegative(t, "en", "negative_numbers_en.txt", numberKinds)
	runNegative(t, "id", "negative_numbers_id.txt", numberKinds)
}
