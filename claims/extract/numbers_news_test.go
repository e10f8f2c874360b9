package extract

import "testing"

// The tests in this file cover number shapes measured as missed or misread
// on real news clusters. Every sentence is written for these tests; none is
// copied from an article.

// TestMagnitudes covers earthquake magnitudes in the shapes news writes
// them, in English and Indonesian.
func TestMagnitudes(t *testing.T) {
	const mag = "unit=magnitude"
	runExtractCases(t, numberKinds, []extractCase{
		// A prefix glued by a hyphen, and "magnitude of|at".
		{"en", "2024-12-30", "Seismologists called it a magnitude-6.3 temblor.", []want{
			{QU, "magnitude-6.3", "6.3", mag}}},
		{"en", "2024-12-30", "The agency put its strength at magnitude-4.8.", []want{
			{QU, "magnitude-4.8", "4.8", mag}}},
		{"en", "2024-12-30", "The tremor had a magnitude of 5.2, officials said.", []want{
			{QU, "magnitude of 5.2", "5.2", mag}}},
		{"en", "2024-12-30", "Its first shock had the magnitude of 8.1 on the Richter scale.", []want{
			{QU, "magnitude of 8.1 on the Richter scale", "8.1", mag}}},
		{"en", "2024-12-30", "The institute put the magnitude at 6.2 on Monday.", []want{
			{QU, "magnitude at 6.2", "6.2", mag}}},
		// The unit after the number.
		{"en", "2024-12-30", "A 7.2-magnitude quake and a 6.4 magnitude aftershock followed.", []want{
			{QU, "7.2-magnitude", "7.2", mag},
			{QU, "6.4 magnitude", "6.4", mag}}},
		{"en", "2024-12-30", "The shock registered 8.3 on the Richter scale near the coast.", []want{
			{QU, "8.3 on the Richter scale", "8.3", mag}}},
		// "measuring": a bare decimal in a sentence about a quake, and the
		// values listed after it.
		{"en", "2024-12-30", "Two quakes, measuring 6.8 and 6.5, shook the island.", []want{
			{CO, "Two", "2", "counted=quakes"},
			{QU, "measuring 6.8", "6.8", mag},
			{QU, "6.5", "6.5", mag}}},
		{"en", "2024-12-30", "The earthquake measured 5.7 and was felt far inland.", []want{
			{QU, "measured 5.7", "5.7", mag}}},
		{"en", "2024-12-30", "The tremors, measuring 4.9, 5.1 and 5.3, rattled the town.", []want{
			{QU, "measuring 4.9", "4.9", mag},
			{QU, "5.1", "5.1", mag},
			{QU, "5.3", "5.3", mag}}},
		// Not a magnitude: no quake in the sentence, another unit, not a
		// one-decimal figure between 1 and 10.
		{"en", "2024-12-30", "The fish, measuring 2.5, was weighed twice.", nil},
		{"en", "2024-12-30", "The quake zone, measuring 12.5 km across, was closed.", []want{
			{QU, "12.5 km", "12.5", "unit=km"}}},
		{"en", "2024-12-30", "After the quake the crack, measuring 3.5 metres, widened.", []want{
			{QU, "3.5 metres", "3.5", "unit=m"}}},
		// Indonesian.
		{"id", "2024-12-30", "Gempa 5,9 SR mengguncang kota itu.", []want{
			{QU, "5,9 SR", "5.9", mag}}},
		{"id", "2024-12-30", "Gempa berkekuatan 6,3 mengguncang Maluku.", []want{
			{QU, "berkekuatan 6,3", "6.3", mag}}},
		{"id", "2024-12-30", "Gempa berkekuatan 6,3 magnitudo mengguncang Maluku.", []want{
			{QU, "berkekuatan 6,3 magnitudo", "6.3", mag}}},
		{"id", "2024-12-30", "Gempa dengan magnitudo 5,4 terjadi pagi ini.", []want{
			{QU, "magnitudo 5,4", "5.4", mag}}},
		{"id", "2024-12-30", "Gempa 4,7 magnitudo terasa hingga Palu.", []want{
			{QU, "4,7 magnitudo", "4.7", mag}}},
		{"id", "2024-12-30", "BMKG mencatat gempa M 5,8 di laut.", []want{
			{QU, "M 5,8", "5.8", mag}}},
		{"id", "2024-12-30", "Gempa susulan berkekuatan 5,1 skala Richter terjadi.", []want{
			{QU, "berkekuatan 5,1 skala Richter", "5.1", mag}}},
		{"id", "2024-12-30", "Gempa berkekuatan 6,1 dan 5,6 SR terjadi beruntun.", []want{
			{QU, "berkekuatan 6,1", "6.1", mag},
			{QU, "5,6 SR", "5.6", mag}}},
		// Not a magnitude: no quake word, another unit.
		{"id", "2024-12-30", "Mesin kapal itu berkekuatan 2,5.", nil},
		{"id", "2024-12-30", "Kapal itu berkekuatan 5,5 ton.", []want{
			{QU, "5,5 ton", "5.5", "unit=t"}}},
	})
}

// TestMoneyShapes covers sums written with hyphens, glued scale suffixes
// before a currency word, and Indonesian rupiah scales.
func TestMoneyShapes(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"en", "2024-12-30", "The gang took a $4.3-million haul.", []want{
			{MO, "$4.3-million", "4300000", "unit=USD"}}},
		{"en", "2024-12-30", "They escaped with a three-million-euro haul.", []want{
			{MO, "three-million-euro", "3000000", "unit=EUR"}}},
		{"en", "2024-12-30", "Thieves took 5m euros (£4.2m; $5.4m) in watches.", []want{
			{MO, "5m euros", "5000000", "unit=EUR"},
			{MO, "£4.2m", "4200000", "unit=GBP"},
			{MO, "$5.4m", "5400000", "unit=USD"}}},
		{"en", "2024-12-30", "The chain had sales of $19bn and agreed a US$8 billion merger.", []want{
			{MO, "$19bn", "19000000000", "unit=USD"},
			{MO, "US$8 billion", "8000000000", "unit=USD"}}},
		{"en", "2024-12-30", "Geneva hit by 3 mn-euro jewel heist", []want{
			{MO, "3 mn-euro", "3000000", "unit=EUR"}}},
		{"en", "2024-12-30", "The deal is worth $11 bn to the retailer.", []want{
			{MO, "$11 bn", "11000000000", "unit=USD"}}},
		{"en", "2024-12-30", "The firm lost 7m dollars last year.", []want{
			{MO, "7m dollars", "7000000", "unit=USD"}}},
		// "m" stays metres where no currency or counted noun follows.
		{"en", "2024-12-30", "The wall is 4m high.", []want{
			{QU, "4m", "4", "unit=m"}}},
		{"id", "2024-12-30", "Kerugian ditaksir Rp 3,5 miliar dan proyek itu bernilai Rp4,2 triliun.", []want{
			{MO, "ditaksir Rp 3,5 miliar", "3500000000", "unit=IDR approx=true"},
			{MO, "Rp4,2 triliun", "4200000000000", "unit=IDR"}}},
		{"id", "2024-12-30", "Perhiasan senilai 3 juta euro dicuri.", []want{
			{MO, "3 juta euro", "3000000", "unit=EUR"}}},
		{"id", "2024-12-30", "Nilainya Rp 12 juta rupiah.", []want{
			{MO, "Rp 12 juta rupiah", "12000000", "unit=IDR"}}},
	})
}

// TestHarmVerbCounts covers figures after a verb of harm with no noun
// ("injuring 40"): a count of people, so that a later stage can attribute
// it; and thresholds passed ("passes 5,000").
func TestHarmVerbCounts(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"en", "2024-12-30", "The blast killed nine people, injuring 35, 12 of them seriously.", []want{
			{CO, "nine", "9", "counted=people"},
			{CO, "35", "35", "counted=people lo=35 hi=35"},
			{CO, "12", "12", "counted=them"}}},
		{"en", "2024-12-30", "Gunmen opened fire on the market, killing 7.", []want{
			{CO, "7", "7", "counted=people"}}},
		{"en", "2024-12-30", "A second bomb went off, wounding 26 near the gate.", []want{
			{CO, "26", "26", "counted=people"}}},
		{"en", "2024-12-30", "Gunman kills 2, wounds 3 at office", []want{
			{CO, "2", "2", "counted=people"},
			{CO, "3", "3", "counted=people"}}},
		// "almost" is approximate with an exclusive upper bound, as
		// everywhere else.
		{"en", "2024-12-30", "The storm killed four and injured almost 60.", []want{
			{CO, "four", "4", "counted=people"},
			{CO, "almost 60", "60", "counted=people approx=true lo=54 hi=60) q=almost"}}},
		{"en", "2024-12-30", "The storm injured nearly 60 passengers.", []want{
			{CO, "nearly 60", "60", "counted=passengers approx=true hi=60)"}}},
		{"en", "2024-12-30", "The blast killed six, injuring dozens more near the port.", []want{
			{CO, "six", "6", "counted=people"},
			{CO, "dozens", "24", "counted=people vague=true"}}},
		{"en", "2024-12-30", "The gunman killed two and wounded 38 others.", []want{
			{CO, "two", "2", "counted=people"},
			{CO, "38", "38", "counted=people"}}},
		// A named thing counted stays what it is.
		{"en", "2024-12-30", "The raid killed 14 soldiers.", []want{
			{CO, "14", "14", "counted=soldiers"}}},
		// Thresholds passed are exclusive lower bounds.
		{"en", "2024-12-30", "The death toll passes 3,000, officials said.", []want{
			{CO, "passes 3,000", "3000", "lo=(3000 hi=inf"}}},
		{"en", "2024-12-30", "The number of dead passed 8,000 people on Monday.", []want{
			{CO, "passed 8,000", "8000", "lo=(8000 hi=inf counted=people"}}},
		{"en", "2024-12-30", "Donations passed $2 million on Friday.", []want{
			{MO, "passed $2 million", "2000000", "lo=(2000000 unit=USD"}}},
		{"en", "2024-12-30", "The toll topped 4,000 and exceeded 4,500 by night.", []want{
			{CO, "topped 4,000", "4000", "lo=(4000"},
			{CO, "exceeded 4,500", "4500", "lo=(4500"}}},
		// With its own object the verb counts what it passed.
		{"en", "2024-12-30", "The assembly passed 12 amendments.", []want{
			{CO, "12", "12", "lo=12 hi=12 counted=amendments"}}},
		// Indonesian.
		{"id", "2024-12-30", "Ledakan itu menewaskan 9 orang dan melukai 35.", []want{
			{CO, "9", "9", "counted=people"},
			{CO, "35", "35", "counted=people"}}},
		{"id", "2024-12-30", "Bom itu menewaskan 5 orang dan melukai 40 lainnya.", []want{
			{CO, "5", "5", "counted=people"},
			{CO, "40", "40", "counted=people"}}},
		{"id", "2024-12-30", "Serangan di pasar itu menewaskan 7.", []want{
			{CO, "7", "7", "counted=people"}}},
		{"id", "2024-12-30", "Gempa itu melukai hampir 60.", []want{
			{CO, "hampir 60", "60", "counted=people approx=true hi=60)"}}},
		{"id", "2024-12-30", "Jumlah pengungsi menembus 3.000 pada Senin.", []want{
			{CO, "menembus 3.000", "3000", "lo=(3000"}}},
		{"id", "2024-12-30", "Jumlah korban melewati 1.200.", []want{
			{CO, "melewati 1.200", "1200", "lo=(1200"}}},
	})
}

// TestHarmVerbNotPeople: a figure after a verb of harm that is followed by
// something else it counts is not a count of people.
func TestHarmVerbNotPeople(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"en", "2024-12-30", "He was injured 3 times.", nil},
		{"en", "2024-12-30", "The wave killed two-thirds of the herd.", nil},
		{"id", "2024-12-30", "Peluru itu melukai 2 kali.", nil},
	})
}

// TestApproxAndDozens: "about", "around", "sekitar", "kurang lebih" are
// approximate, never exact; dozens; "1.8m people"; a bound kept across
// "ada".
func TestApproxAndDozens(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"en", "2024-12-30", "About 70 people fled and around 1,200 homes were damaged.", []want{
			{CO, "About 70", "70", "approx=true lo=70 hi=70 counted=people"},
			{CO, "around 1,200", "1200", "approx=true counted=houses"}}},
		// "and more" is no bound when it opens the next figure's
		// qualifier ("and more than 1,400").
		{"en", "2024-12-30", "The chain has sales of about $23bn and more than 1,400 stores.", []want{
			{MO, "about $23bn", "23000000000", "approx=true lo=23000000000 hi=23000000000 unit=USD"},
			{CO, "more than 1,400", "1400", "lo=(1400 hi=inf"}}},
		{"en", "2024-12-30", "Officials expect 500 or more and fewer than 900 later.", []want{
			{CO, "500 or more", "500", "lo=500 hi=inf"},
			{CO, "fewer than 900", "900", "lo=0 hi=900)"}}},
		{"id", "2024-12-30", "Sekitar 300 rumah lebih dari 20 tahun usianya.", []want{
			{CO, "Sekitar 300", "300", "approx=true lo=300 hi=300 counted=houses"}}},
		{"en", "2024-12-30", "The flood killed about 40.", []want{
			{CO, "about 40", "40", "approx=true counted=people"}}},
		{"en", "2024-12-30", "A dozen soldiers and half a dozen civilians were hurt; dozens of homes burned.", []want{
			{CO, "A dozen", "12", "lo=12 hi=12 counted=soldiers"},
			{CO, "half a dozen", "6", "lo=6 hi=6 counted=civilians"},
			{CO, "dozens", "24", "vague=true lo=24 hi=99 counted=houses"}}},
		{"en", "2024-12-30", "Two U.S. soldiers and three U.N. workers were hurt.", []want{
			{CO, "Two", "2", "counted=soldiers"},
			{CO, "three", "3", "counted=workers"}}},
		{"en", "2024-12-30", "The province has 1.8m people and a 2.5m wall.", []want{
			{CO, "1.8m", "1800000", "counted=people"},
			{QU, "2.5m", "2.5", "unit=m"}}},
		{"id", "2024-12-30", "Sekitar 70 orang mengungsi dan kurang lebih 1.200 rumah rusak.", []want{
			{CO, "Sekitar 70", "70", "approx=true counted=people"},
			{CO, "kurang lebih 1.200", "1200", "approx=true counted=houses q=kurang_lebih"}}},
		{"id", "2024-12-30", "Banjir itu menewaskan sekitar 40. Korban dievakuasi.", []want{
			{CO, "sekitar 40", "40", "approx=true counted=people"}}},
		{"id", "2024-12-30", "Setidaknya ada dua bangunan rusak dan sedikitnya ada 15 orang terluka.", []want{
			{CO, "Setidaknya ada dua", "2", "lo=2 hi=inf counted=houses"},
			{CO, "sedikitnya ada 15", "15", "lo=15 hi=inf counted=people"}}},
		{"id", "2024-12-30", "Selusin tentara tewas, setengah lusin warga sipil terluka, puluhan rumah rusak.", []want{
			{CO, "Selusin", "12", "lo=12 hi=12 counted=soldiers"},
			{CO, "setengah lusin", "6", "lo=6 hi=6 counted=civilians"},
			{CO, "puluhan", "20", "vague=true lo=20 hi=99 counted=houses"}}},
		{"id", "2024-12-30", "Provinsi itu dihuni 1,8 juta orang.", []want{
			{CO, "1,8 juta", "1800000", "counted=people"}}},
	})
}

// TestYearAdjectives: a year standing before or after the noun it dates
// ("the 2003 invasion", "gempa 2006") is no count.
func TestYearAdjectives(t *testing.T) {
	runExtractCases(t, numberKinds, []extractCase{
		{"en", "2024-12-30", "He planned a 2011 commando raid.", nil},
		{"en", "2024-12-30", "His 2008 campaign ended in defeat.", nil},
		{"en", "2024-12-30", "The 2001 invasion toppled the government.", nil},
		{"en", "2024-12-30", "The 2004 tsunami killed 230,000 people.", []want{
			{CO, "230,000", "230000", "counted=people"}}},
		{"en", "2024-12-30", "Their 1998 report and that 2015 study agree.", nil},
		{"en", "2024-12-30", "Kim's 2019 summit ended early.", nil},
		// Counts of listed nouns, grouped digits and other numbers stay.
		{"en", "2024-12-30", "The 2000 soldiers left and the 2,003 ballots were counted.", []want{
			{CO, "2000", "2000", "counted=soldiers"},
			{CO, "2,003", "2003", "counted=votes"}}},
		{"en", "2024-12-30", "The 300 lawyers voted.", []want{
			{CO, "300", "300", "counted=lawyers"}}},
		{"id", "2024-12-30", "Tsunami 2004 menewaskan 170.000 orang.", []want{
			{CO, "170.000", "170000", "counted=people"}}},
		{"id", "2024-12-30", "Gempa 2006 merusak banyak rumah.", nil},
		{"id", "2024-12-30", "Kampanye 2014 gagal total.", nil},
		{"id", "2024-12-30", "Banjir itu menewaskan 2004 orang.", []want{
			{CO, "2004", "2004", "counted=people"}}},
	})
}
