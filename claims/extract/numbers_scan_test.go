package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// scanNumbersRef is scanNumbers as it was before its word and mark
// filters: mayStartNumber asked at every token not blocked.
func scanNumbersRef(p *Pass, all bool) {
	magEnd := -1
	var r numRead
	for i := 0; i < len(p.Toks); i++ {
		if p.blocked[i] || !p.mayStartNumber(i) {
			continue
		}
		if !p.readNumber(i, &r) {
			if r.skip > i {
				i = r.skip - 1
			}
			continue
		}
		listedMagnitudeRef(p, &r, magEnd)
		if all && !r.pronoun || r.isClaim() {
			p.Report(r.claimIn(p, p.made.numSlot()))
			p.Block(r.start, r.end)
		}
		if r.nv.Unit == "magnitude" {
			magEnd = r.end
		}
		i = r.end - 1
	}
}

// listedMagnitudeRef is listedMagnitude asked at every number with the
// end of the last magnitude, prevEnd, as scanNumbers asked it before it
// looked for the list's words once per magnitude (listAfter).
func listedMagnitudeRef(p *Pass, r *numRead, prevEnd int) {
	if prevEnd <= 0 || r.kind != claims.KindCount || r.isRange || r.nv.Vague || r.nv.Qualifier != "" || r.start <= prevEnd {
		return
	}
	e, _, ok := p.Lang.List(rules.ListNumberList).Match(p.Toks, prevEnd)
	if !ok || e != r.start {
		return
	}
	p.listedMagnitude(r)
}

// scannedNumbers runs scan over text in lang after the steps before
// Numbers (which block what they read), and lists what it reports.
func scannedNumbers(e *Engine, lang, text string, scan func(*Pass, bool), all bool) []string {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	Furniture(p)
	Dates(p)
	before := len(p.claims)
	scan(p, all)
	var out []string
	for _, c := range p.claims[before:] {
		n := *c.Num
		n.Low, n.High = nil, nil
		lo, hi, loEx, hiEx := c.Num.Bounds()
		out = append(out, fmt.Sprintf("%s %s %d-%d %q %+v %v %v %v %v", c.Kind, c.Rule, c.Start, c.End, c.Value, n, lo, hi, loEx, hiEx))
	}
	return out
}

// numberScanTexts are texts that hold every kind of number start, the
// example articles and the texts under testdata.
func numberScanTexts() []string {
	texts := []string{
		"On Monday, March 3, about 1,200 people - and $5m (US$ 4.2 million) - were counted; -5 degrees, .08 percent, ½ cup, F-16, 555-1212, M 6.4, M7.8, magnitude-6.1, Rp5,2 triliun, two thousand, a dozen, hundreds of, minus five, half of them, 3 ft 2 in, 10 km, a 24-year-old, aged 76, 5,000 or more.",
		"Two quakes measuring 7.6 and 7.4, then 4.9, 5.1 and 5.3, and a magnitude 6.1, 6.2 and 16 people; magnitude-5.5 and 5.6 or 5.7, and 3 and 4.4.",
		"Pada Senin, 3 Maret, sekitar 1.200 orang - dan Rp 5 juta - dihitung; minus lima, setengah dari mereka, ratusan, kedua negara, gempa M 6,4, 58,59 persen, dua puluh lima, seribu.",
	}
	texts = append(texts, exampleTexts()...)
	filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	return texts
}

// TestScanNumbersFirsts: scanNumbers' filters before mayStartNumber turn
// away only tokens it turns away, so the numbers reported (all of them,
// and the claims) are scanNumbersRef's, in both languages.
func TestScanNumbersFirsts(t *testing.T) {
	e := engineForTest(t)
	n := 0
	for _, text := range numberScanTexts() {
		for _, lang := range []string{"en", "id"} {
			for _, all := range []bool{false, true} {
				got := scannedNumbers(e, lang, text, scanNumbers, all)
				want := scannedNumbers(e, lang, text, scanNumbersRef, all)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s all=%v: %.80q:\n got %q\nwant %q", lang, all, text, got, want)
				}
				n += len(got)
			}
		}
	}
	if n == 0 {
		t.Fatal("no number read: the test tests nothing")
	}
	t.Logf("%d numbers", n)
}

// FuzzScanNumbersFirsts is TestScanNumbersFirsts on any text.
func FuzzScanNumbersFirsts(f *testing.F) {
	for _, s := range numberScanTexts()[:4] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"en", "id"} {
			got := scannedNumbers(e, lang, text, scanNumbers, true)
			want := scannedNumbers(e, lang, text, scanNumbersRef, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q:\n got %q\nwant %q", lang, text, got, want)
			}
		}
	})
}

// TestNumberGuards: the filters readNumber and finishNumber ask inline
// before unitAt, leadUnit and qualifierBefore say no only where those
// find nothing, at every token of the texts, in both languages.
func TestNumberGuards(t *testing.T) {
	e := engineForTest(t)
	units, quals := 0, 0
	for _, text := range numberScanTexts() {
		for _, lang := range []string{"en", "id"} {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			l, toks := p.Lang, p.Toks
			for i := 0; i <= len(toks); i++ {
				for _, before := range []bool{false, true} {
					if _, _, ok := p.unitAt(i, before); ok {
						units++
						if !startsAt(l.Units, toks, i) {
							t.Fatalf("%s: %.60q: a unit at %d, the units' filter says none", lang, text, i)
						}
					}
				}
				if _, _, ok := p.leadUnit(i); ok && !startsAt(l.List(rules.ListUnitLead), toks, i) {
					t.Fatalf("%s: %.60q: a lead unit at %d, the leads' filter says none", lang, text, i)
				}
				if _, _, ok := p.qualifierBefore(i); ok {
					quals++
					if !endsBefore(l.Qualifiers, toks, i) && !endsBefore(l.List(rules.ListBoundFiller), toks, i) {
						t.Fatalf("%s: %.60q: a qualifier before %d, the filters say none", lang, text, i)
					}
				}
			}
		}
	}
	if units == 0 || quals == 0 {
		t.Fatalf("%d units, %d qualifiers: the test tests too little", units, quals)
	}
	t.Logf("%d units, %d qualifiers", units, quals)
}
