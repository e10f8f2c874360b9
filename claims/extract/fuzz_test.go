package extract

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// Fuzz targets for the date and number readers. Each runs only its own
// extractors (dates, or dates then numbers as in production) so the fuzzer
// spends its time there, and checks more than the span invariant: a date's
// interval is not empty, a number is finite and its bounds are ordered.
//
//	go test ./claims/extract -run=^$ -fuzz=FuzzDateParser -fuzztime=3m
//	go test ./claims/extract -run=^$ -fuzz=FuzzNumberParser -fuzztime=3m
//
// Seed inputs are the f.Add calls below plus testdata/fuzz/<name>/.

var fuzzSeeds = []string{
	"The plenum met from December 23 to December 27, 2024, and again on Dec. 29 at 4:17 a.m.",
	"Sunday, December 29, 2024\nThe five-day meeting concluded on Friday; about two hours later it rained.",
	"JAKARTA, Senin (30/12/2024) - Rapat berlangsung 23 hingga 27 Desember pukul 04.17 WIB.",
	"Rabu, 20 Maret 2024 22:41 WIB sekitar sembilan jam kemudian, dua hari kemudian, tahun lalu, bulan depan",
	"in the 1990s, tahun 1990-an, the 19th century, abad ke-21, Q3 2024, kuartal III 2024, semester I tahun ini",
	"between 2018 and 2019, 2018-19, antara 2018 dan 2019, between March and May, from 10/1 to 11/7, Nov-Feb 2017",
	"last week, two days ago, next year, earlier this year, in June last year, the past three months, in two weeks",
	"More than 5,000 people, at least 5,100, nearly 41 million, about 96.2 million, 96,214,691, 58.6%, 2.5 percentage points",
	"Lebih dari 5.000 orang, sedikitnya 4.000, 7,8 persen, Rp5,2 triliun, 2,5 miliar dolar AS, dua puluh lima, ratusan, puluhan ribu",
	"$3bn, £5m, US$1.2 million, between 3 and 5 km, 3-5 km, antara 3 hingga 5 km, 7.8-magnitude, -5°C, 120 km/h",
	"twenty-one trillion and three hundred twenty second, one and a half, two thirds, ½, 3/4, 2 1/4, .08, minus five",
	"Copyright 1998-2016, 2025 M St., Suite 300, 3 minute read, COVID-19, G20, F-16, 555-1234-99, 192.168.1.2",
	"Friday the 26th, Tue 13th, Dec31 , 1994, 2023-02-06T04:17, 23.04.2022 14:55, the summer of 2023, winter 2023-24",
	"\xff\xfe broken \x00 bytes 12, 3/ 4-, Rp., $ , ke-, - -5 -",
}

func fuzzDoc(text string, lang string) *claims.Document {
	doc := &claims.Document{ID: "fuzz", Text: text, Language: lang, Status: claims.StatusRead}
	if len(text)%3 != 0 {
		doc.Published = time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC)
		doc.PublishedSource = "fuzz"
	}
	return doc
}

func checkSpan(t *testing.T, text string, c *claims.Claim) {
	t.Helper()
	if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Text {
		t.Fatalf("claim %q at [%d,%d) is not its span of %q", c.Text, c.Start, c.End, text)
	}
}

func checkNumber(t *testing.T, c *claims.Claim) {
	t.Helper()
	n := c.Num
	if n == nil {
		t.Fatalf("%s claim %q without a number", c.Kind, c.Text)
	}
	if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		t.Fatalf("%q: value %v", c.Text, n.Value)
	}
	lo, hi, _, _ := n.Bounds()
	if math.IsNaN(lo) || math.IsNaN(hi) || lo > hi {
		t.Fatalf("%q: bounds [%v, %v]", c.Text, lo, hi)
	}
	if n.Precision < 0 || math.IsNaN(n.Precision) {
		t.Fatalf("%q: precision %v", c.Text, n.Precision)
	}
}

// FuzzDateParser fuzzes the date extractor in both languages.
func FuzzDateParser(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	base := engineForTest(f)
	e := &Engine{Rules: base.Rules, langs: base.langs, Steps: []Step{Furniture, Dates}}
	f.Fuzz(func(t *testing.T, text string, english bool) {
		lang := "id"
		if english {
			lang = "en"
		}
		for _, c := range e.Extract(fuzzDoc(text, lang)) {
			checkSpan(t, text, c)
			switch c.Kind {
			case claims.KindDate:
				if c.Date != nil {
					if !c.Date.End.After(c.Date.Start) {
						t.Fatalf("%q: empty interval %v..%v", c.Text, c.Date.Start, c.Date.End)
					}
					if c.Value == "" || c.Value != c.Date.Canonical() {
						t.Fatalf("%q: value %q, canonical %q", c.Text, c.Value, c.Date.Canonical())
					}
				}
			case claims.KindDuration:
				if c.Num == nil {
					// A vague duration ("in the coming days": PXD) has
					// no number; any other needs one.
					if !strings.HasPrefix(c.Value, "PX") && !strings.HasPrefix(c.Value, "PTX") {
						t.Fatalf("%q: duration %q without a number", c.Text, c.Value)
					}
					break
				}
				checkNumber(t, c)
				if c.Num.Value <= 0 || c.Value == "" {
					t.Fatalf("%q: duration %v %q", c.Text, c.Num.Value, c.Value)
				}
			default:
				t.Fatalf("date extractor reported %s", c.Kind)
			}
		}
	})
}

// FuzzNumberParser fuzzes the number and ordinal extractors (after the date
// extractor, which blocks years and durations as in production), reading
// every numeric expression, not only claims.
func FuzzNumberParser(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	base := engineForTest(f)
	e := &Engine{Rules: base.Rules, langs: base.langs, Steps: []Step{Furniture, Dates,
		func(p *Pass) { scanNumbers(p, true) }, // every number, claim or not
		func(p *Pass) { scanOrdinals(p, true) }}}
	f.Fuzz(func(t *testing.T, text string, english bool) {
		lang := "id"
		if english {
			lang = "en"
		}
		for _, c := range e.Extract(fuzzDoc(text, lang)) {
			checkSpan(t, text, c)
			if c.Kind != claims.KindDate {
				checkNumber(t, c)
			}
		}
	})
}
