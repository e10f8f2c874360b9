package extract

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// langPhrases is every string of a language file, keys and values: each
// entry of every list and table the number reader asks about (units,
// qualifiers, range words, quake words, time units, verbs of harm...),
// and the rest of the file besides.
func langPhrases(t testing.TB, lang string) []string {
	b, err := os.ReadFile("../../rules/data/lang/" + lang + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			seen[v] = true
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				seen[k] = true
				walk(x)
			}
		}
	}
	walk(doc)
	out := make([]string, 0, len(seen))
	for s := range seen {
		if s != "" && len(s) < 40 {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// plainFigures are figures of the shapes finishNumber reads, in both
// languages' spellings.
var plainFigures = []string{"42", "7.6", "6,6", "1,200", "1.200", "2019", "3", "96,214,691", "two", "dua", "half", "a dozen", "5", "130", "0.5"}

// figureContexts puts every phrase of lang's file before and after the
// figures, plain and glued ("5m", "5-year"), a few hundred to a text.
func figureContexts(t testing.TB, lang string) []string {
	phrases := langPhrases(t, lang)
	var texts []string
	var b strings.Builder
	for k, ph := range phrases {
		f, g := plainFigures[k%len(plainFigures)], plainFigures[(k*7+3)%len(plainFigures)]
		q := phrases[(k*31+7)%len(phrases)]
		fmt.Fprintf(&b, "%s %s %s\n%s %s %s\n", ph, f, q, q, g, ph)
		fmt.Fprintf(&b, "said %s %s people\n%s%s and %s-%s %s\n", ph, g, f, ph, g, ph, q)
		if k%100 == 99 {
			texts = append(texts, b.String())
			b.Reset()
		}
	}
	return append(texts, b.String())
}

// figureCases are the phrases a figure's neighbours make together, which
// the pairs of figureContexts do not: a filler after a qualifier, a lead
// before a unit, a scale suffix before a counted noun, dashed ranges.
var figureCases = []string{
	"setidaknya ada 5 orang, sedikitnya ada dua korban, lebih dari 3 rumah, paling sedikit ada 7",
	"a 7.1 on the Richter scale quake, 6,5 pada skala Richter, 5m people, 5bn euros, 2m dollars, 5m orang, 3k votes",
	"5tn people, 5mn people, 5mil soldiers, 4b troops, 3k people, 5rb orang, 2jt orang, 7mm people, 3 bn people",
	"3-5 people, 10–20 soldiers, 3~5, 1,000-2,000 km, 3 - 5, 5—6, 2 to 5 million, between 3 and 5, antara 3 hingga 5 orang",
	"5 ft 2 in, 24-year-old, 24 years old, aged 76, at the age of 85, berusia 74 tahun, 5,000 or more, 50 or fewer, 100 orang lebih",
	"killing between 3 and 5, killed from 10 to 20 people, aged between 20 and 30, measuring between 6.1 and 6.4, passes between 5,000 and 6,000",
	"menewaskan antara 3 hingga 5 orang, berusia antara 20 hingga 30 tahun, berkekuatan antara 6,1 hingga 6,4, sekitar antara 3 dan 5",
	"killing 11. wounding 38 others, menewaskan 40. the toll passes 5,000 people, measuring 7.6 and 7.4, gempa berkekuatan 6,6",
}

// checkFinishPlain reads a numeral at every token of text and finishes
// it in full (finishRead) and, where finishNumber's gates pass it, by
// finishPlain, and fails unless both read the same; it returns how many
// figures it compared.
func checkFinishPlain(t *testing.T, e *Engine, lang, text string) int {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	n := 0
	for i := range p.Toks {
		var num rules.Numeral
		if !p.Lang.ReadNumeralTo(&num, p.Toks, i) || p.mayFollow(num.End, true) || p.mayPrecede(i, true) {
			continue
		}
		n++
		full, plain := num, num
		want, got := numRead{start: i}, numRead{start: i}
		if !p.finishRead(&want, i, i, &full, nil, false) {
			t.Fatalf("%s: %q at token %d: finishRead read no number (skip %d), and the gates passed it", lang, p.Toks[i].Text, i, want.skip)
		}
		p.finishPlain(&got, i, i, &plain)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(plain, full) {
			a, b := max(0, i-4), min(len(p.Toks), num.End+4)
			t.Fatalf("%s: %q at token %d (%q): finishPlain read\n%+v\nfinishRead\n%+v", lang, p.Toks[i].Text, i, doc.Text[p.Toks[a].Start:p.Toks[b-1].End], got, want)
		}
	}
	return n
}

// TestFinishPlain: a figure finishNumber's gates pass reads the same by
// finishPlain as in full, in both languages, with every phrase of the
// language files on either side of figures of every shape, and on the
// texts of the number reader's other tests.
func TestFinishPlain(t *testing.T) {
	e := engineForTest(t)
	for _, lang := range []string{"en", "id"} {
		n := 0
		for _, text := range append(append(figureContexts(t, lang), figureCases...), countedTexts()...) {
			n += checkFinishPlain(t, e, lang, text)
		}
		if n < 1000 {
			t.Fatalf("%s: only %d plain figures compared", lang, n)
		}
		t.Logf("%s: %d plain figures", lang, n)
	}
}

// FuzzFinishPlain is TestFinishPlain on any text.
func FuzzFinishPlain(f *testing.F) {
	for _, s := range countedTexts()[:4] {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"en", "id"} {
			checkFinishPlain(t, e, lang, text)
		}
	})
}

// checkFinishGates reads a numeral at every token of text and finishes
// it with finishRead's gates (as finishNumber does) and without them,
// with no unit before it and with a unit of each dimension, and fails
// unless both read the same; it returns how many readings it compared.
func checkFinishGates(t *testing.T, e *Engine, lang, text string) int {
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	p := e.newPass(doc, new(scratch))
	units := []*rules.Unit{nil}
	seen := map[string]bool{}
	for k := range p.Lang.UnitList {
		if u := &p.Lang.UnitList[k]; !seen[u.Dimension] {
			seen[u.Dimension] = true
			units = append(units, u)
		}
	}
	n := 0
	for i := range p.Toks {
		var num rules.Numeral
		if !p.Lang.ReadNumeralTo(&num, p.Toks, i) {
			continue
		}
		for _, u := range units {
			n++
			gated, full := num, num
			got, want := numRead{start: i}, numRead{start: i}
			gotOK, wantOK := p.finishRead(&got, i, i, &gated, u, true), p.finishRead(&want, i, i, &full, u, false)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gated, full) {
				a, b := max(0, i-4), min(len(p.Toks), num.End+4)
				t.Fatalf("%s: %q at token %d (%q), unit %v: with the gates (%v)\n%+v\nwithout (%v)\n%+v", lang, p.Toks[i].Text, i, doc.Text[p.Toks[a].Start:p.Toks[b-1].End], u, gotOK, got, wantOK, want)
			}
		}
	}
	return n
}

// TestFinishGates: finishRead reads the same with its gates as without
// them, in both languages, on the texts of TestFinishPlain.
func TestFinishGates(t *testing.T) {
	e := engineForTest(t)
	for _, lang := range []string{"en", "id"} {
		n := 0
		for _, text := range append(append(figureContexts(t, lang), figureCases...), countedTexts()...) {
			n += checkFinishGates(t, e, lang, text)
		}
		if n < 1000 {
			t.Fatalf("%s: only %d readings compared", lang, n)
		}
		t.Logf("%s: %d readings", lang, n)
	}
}

// FuzzFinishGates is TestFinishGates on any text.
func FuzzFinishGates(f *testing.F) {
	for _, s := range append(figureCases, countedTexts()[:4]...) {
		f.Add(s)
	}
	e := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range []string{"en", "id"} {
			checkFinishGates(t, e, lang, text)
		}
	})
}

// TestReadNumberPrechecks: readNumber calls labelNumber only where
// mayLabel passes a figure, yearAdjective only at four digits and
// partOfCode only at digits glued to a token before or after their
// numeral; at every other figure of the texts of TestFinishPlain
// and the example articles both say no, in both languages.
func TestReadNumberPrechecks(t *testing.T) {
	e := engineForTest(t)
	n := 0
	for _, lang := range []string{"en", "id"} {
		texts := append(append(append(figureContexts(t, lang), figureCases...), countedTexts()...), exampleTexts()...)
		texts = append(texts, "Suite 300, flight 370, No. 5, #5, F-16, COVID-19, 1600 Pennsylvania Avenue, 2025 M St., pasal 28, nomor 7\n1. one\n2) two", "5G 3D %20 id=12 555-1234-99 x4 4x 2019s 1990an '95 2000-an 16:30 3/4 12_5 a@5 5=6")
		for _, text := range texts {
			doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
			p := e.newPass(doc, new(scratch))
			for i := range p.Toks {
				var num rules.Numeral
				if p.Toks[i].Kind != token.Number || !p.Lang.ReadNumeralTo(&num, p.Toks, i) {
					continue
				}
				n++
				if len(p.Toks[i].Text) != 4 && p.yearAdjective(i) {
					t.Fatalf("%s: %q at token %d: a year adjective", lang, p.Toks[i].Text, i)
				}
				if !mayLabel(p.Toks, i, p.Lang.List(rules.ListLabelBefore)) && p.labelNumber(i) {
					t.Fatalf("%s: %q at token %d: a label, and mayLabel says no", lang, p.Toks[i].Text, i)
				}
				glued := i > 0 && p.Toks[i].Glued() || num.End < len(p.Toks) && p.Toks[num.End].Glued()
				if !glued && p.partOfCode(i, num.End) {
					t.Fatalf("%s: %q at token %d: part of a code, glued to nothing", lang, p.Toks[i].Text, i)
				}
			}
		}
	}
	t.Logf("%d figures", n)
}
