package extract

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// scannedOrdinals runs the steps up to Numbers over text in lang, then
// scanOrdinals, from the list scanNumbers made or, with full set, walking
// every token (as after a step list without Numbers), and lists the
// ordinals it reports.
func scannedOrdinals(e *Engine, lang, text string, all, full bool) []string {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	Furniture(p)
	Dates(p)
	scanNumbers(p, all)
	if full {
		p.ordCands = ordinalCands{}
	}
	before := len(p.claims)
	scanOrdinals(p, all)
	var out []string
	for _, c := range p.claims[before:] {
		out = append(out, fmt.Sprintf("%s %s %d-%d %q", c.Kind, c.Rule, c.Start, c.End, c.Value))
	}
	return out
}

// checkOrdinalCands requires the same ordinals of both walks of
// scanOrdinals over text, in both languages, with and without all.
func checkOrdinalCands(t *testing.T, e *Engine, text string) int {
	t.Helper()
	n := 0
	for _, lang := range []string{"en", "id"} {
		for _, all := range []bool{false, true} {
			got := scannedOrdinals(e, lang, text, all, false)
			want := scannedOrdinals(e, lang, text, all, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s all=%v: %.80q:\n got %q\nwant %q", lang, all, text, got, want)
			}
			n += len(got)
		}
	}
	return n
}

// ordinalWords are the words and figures around ordinals, numbers and
// codes that random texts are drawn from: ordinals in words, digits and
// with prefixes, the numbers and codes scanNumbers jumps over, and the
// event words that make an ordinal a claim.
var ordinalWords = []string{
	"the", "a", "an", "third", "Eighth", "twenty-fifth", "one", "hundred", "twenty", "fifth",
	"8th", "21st", "2nd", "3", "1,200", "F-16", "555-1212", "M7.8", "No.", "5", "th",
	"kedua", "ketiga", "ke-8", "ke", "8", "kedelapan", "puluh", "dua", "kepada", "negara",
	"congress", "summit", "Kongres", "KTT", "round", "putaran", "will", "held", "yang",
	"$", "5m", "percent", "persen", "-", ",", ".", "\n", "(", ")", "March", "2024",
	"kesatu", "kesebelas", "keseratus", "kembali", "karena", "ketika", "kami", "Kedua", "KETIGA", "ke-2", "kek",
}

// TestOrdinalCands: scanOrdinals reads the same ordinals from the list
// scanNumbers made as walking every token, over the example articles and
// random texts dense and sparse in ordinals and numbers.
func TestOrdinalCands(t *testing.T) {
	e := engineForTest(t)
	n := 0
	for _, text := range numberScanTexts() {
		n += checkOrdinalCands(t, e, text)
	}
	r := rand.New(rand.NewPCG(12, 16))
	for k := 0; k < 400; k++ {
		n += checkOrdinalCands(t, e, sparseText(r, ordinalWords, 40+r.IntN(80), k%4))
	}
	if n == 0 {
		t.Fatal("no ordinal read: the test tests nothing")
	}
	t.Logf("%d ordinals", n)
}

// FuzzOrdinalCands is TestOrdinalCands on any text.
func FuzzOrdinalCands(f *testing.F) {
	for _, s := range numberScanTexts()[:2] {
		f.Add(s)
	}
	f.Add("the kedua 8th ke-8 F-16 twenty-fifth summit")
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkOrdinalCands(t, e, text)
	})
}
