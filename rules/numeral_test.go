package rules

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

func lang(t testing.TB, code string) *Language {
	t.Helper()
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return s.Languages[code]
}

// readAt reads a numeral at the first token and returns it with the text
// it consumed.
func readAt(l *Language, text string) (Numeral, string, bool) {
	toks := token.Scan(text, nil)
	n, ok := l.ReadNumeral(toks, 0)
	if !ok || n.End == 0 {
		return n, "", false
	}
	return n, text[toks[0].Start:toks[n.End-1].End], true
}

func TestReadNumeral(t *testing.T) {
	cases := []struct {
		lang, text string
		want       float64
		span       string // consumed text; "" = all of text
		prec       float64
	}{
		// Digits with the language's separators.
		{"en", "5,000", 5000, "", 1},
		{"en", "96,214,691", 96214691, "", 1},
		{"en", "58.6", 58.6, "", 0.1},
		{"en", "4.800", 4.8, "", 0.001},
		{"id", "4.000", 4000, "", 1},
		{"id", "96.214.691", 96214691, "", 1},
		{"id", "7,8", 7.8, "", 0.1},
		{"id", "58,59", 58.59, "", 0.01},
		// The other convention where the text cannot be the language's own.
		{"id", "7.8", 7.8, "", 0.1},
		{"en", "1,3", 1.3, "", 0.1},
		{"en", "1.111,11", 1111.11, "", 0.01},
		{"en", "5,00", 5, "", 0.01},
		// Scales.
		{"en", "1.2 million", 1.2e6, "", 1e5},
		{"en", "3bn", 3e9, "", 1e9},
		{"en", "10M", 1e7, "", 1e6},
		{"en", "10k", 1e4, "", 1e3},
		{"id", "1,2 juta", 1.2e6, "", 1e5},
		{"id", "2,5 miliar", 2.5e9, "", 1e8},
		{"id", "5 triliun", 5e12, "", 1e12},
		{"en", "13 lakh", 1.3e6, "", 1e5},
		// A scale joined by a hyphen.
		{"en", "2.6-million", 2.6e6, "", 1e5},
		{"en", "5-billion", 5e9, "", 1e9},
		{"en", "two-million-euro", 2e6, "two-million", 1e6},
		{"en", "one-hundred-year", 100, "one-hundred", 100},
		{"en", "3-5", 3, "3", 1},
		// Words.
		{"en", "twenty-five", 25, "", 1},
		{"en", "a thousand", 1000, "", 1000},
		{"en", "one hundred and six", 106, "", 1},
		{"en", "one hundred and sixty-one", 161, "", 1},
		{"en", "two hundred and two thousand", 202000, "", 1000},
		{"en", "twenty-one trillion and three hundred", 21000000000300, "", 100},
		{"en", "Three hundred  and  thirty one", 331, "", 1},
		{"en", "fifty two", 52, "", 1},
		{"en", "hundred thousand", 100000, "", 100000},
		{"en", "3 hundred and 21", 321, "", 1},
		{"en", "4 thousand 3 hundred and 21", 4321, "", 1},
		{"en", "322 hundred", 32200, "", 100},
		{"en", "2.12 hundred", 212, "", 1},
		{"en", "3 dozens", 36, "", 12},
		{"en", "a dozen", 12, "", 12},
		{"en", "half a dozen", 6, "", 6},
		{"en", "two thirds", 2.0 / 3, "", 1.0 / 3},
		{"en", "three quarters", 0.75, "", 0.25},
		{"en", "one and a half", 1.5, "", 0.5},
		{"en", "five and a half million", 5.5e6, "", 5e5},
		{"en", "3 million and a half", 3.5e6, "", 5e5},
		{"en", "half million", 5e5, "", 5e5},
		{"en", "two hundred point zero three", 200.03, "", 0.01},
		{"en", "five point five", 5.5, "", 0.1},
		{"en", "minus five", -5, "", 1},
		{"en", "-4", -4, "", 1},
		{"en", "3/4", 0.75, "", 0.25},
		{"en", "2 1/4", 2.25, "", 0.25},
		{"en", "½", 0.5, "", 0.5},
		{"en", "two three", 2, "two", 1},
		{"en", "nineteen ninety", 19, "nineteen", 1},
		{"id", "dua puluh lima", 25, "", 1},
		{"id", "dua ratus lima puluh", 250, "", 10},
		{"id", "sebelas", 11, "", 1},
		{"id", "dua belas", 12, "", 1},
		{"id", "seratus dua puluh", 120, "", 10},
		{"id", "seribu lima ratus", 1500, "", 100},
		{"id", "sejuta dua ratus ribu", 1200000, "", 100000},
		{"id", "dua setengah", 2.5, "", 0.5},
		{"id", "satu setengah juta", 1.5e6, "", 5e5},
		{"id", "setengah", 0.5, "", 0.5},
		{"id", "dua pertiga", 2.0 / 3, "", 1.0 / 3},
		{"id", "tiga koma lima", 3.5, "", 0.1},
		// Not more than the number.
		{"en", "5,000 people", 5000, "5,000", 1},
		{"en", "192.168.1.2", 192, "192", 1},
		{"en", "22,24,26,31", 22, "22", 1},
		{"en", "2024.", 2024, "2024", 1},
	}
	for _, c := range cases {
		l := lang(t, c.lang)
		n, span, ok := readAt(l, c.text)
		want := c.span
		if want == "" {
			want = c.text
		}
		if !ok || math.Abs(n.Value-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) || span != want {
			t.Errorf("%s %q: got %v %q ok=%v, want %v %q", c.lang, c.text, n.Value, span, ok, c.want, want)
			continue
		}
		if math.Abs(n.Precision-c.prec) > 1e-9*math.Max(1, c.prec) {
			t.Errorf("%s %q: precision %v, want %v", c.lang, c.text, n.Precision, c.prec)
		}
	}
}

func TestReadNumeralVague(t *testing.T) {
	cases := []struct {
		lang, text string
		lo, hi     float64
	}{
		{"en", "hundreds", 200, 999},
		{"en", "dozens", 24, 99},
		{"en", "several hundred", 300, 999},
		{"en", "tens of thousands", 20000, 99999},
		{"en", "hundreds of thousands", 200000, 999999},
		{"id", "ratusan", 200, 999},
		{"id", "puluhan", 20, 99},
		{"id", "puluhan ribu", 20000, 99999},
		{"id", "beberapa ratus", 300, 999},
	}
	for _, c := range cases {
		n, span, ok := readAt(lang(t, c.lang), c.text)
		if !ok || !n.Vague || n.Low != c.lo || n.High != c.hi || span != c.text {
			t.Errorf("%s %q: got [%v, %v] vague=%v %q", c.lang, c.text, n.Low, n.High, n.Vague, span)
		}
	}
}

func TestReadOrdinal(t *testing.T) {
	cases := []struct {
		lang, text string
		want       int
		span       string
	}{
		{"en", "Eighth", 8, ""},
		{"en", "8th", 8, ""},
		{"en", "21st", 21, ""},
		{"en", "twenty-fifth", 25, ""},
		{"en", "twenty-first", 21, ""},
		{"en", "one hundred twenty fifth", 125, ""},
		{"en", "one hundred twenty-fifth", 125, ""},
		{"en", "two hundredth", 200, ""},
		{"en", "three trillionth", 3000000000000, ""},
		{"en", "second place", 2, "second"},
		{"id", "kedelapan", 8, ""},
		{"id", "ke-8", 8, ""},
		{"id", "kedua puluh", 20, ""},
		{"id", "kesebelas", 11, ""},
		{"id", "pertama", 1, ""},
	}
	for _, c := range cases {
		l := lang(t, c.lang)
		toks := token.Scan(c.text, nil)
		v, end, ok := l.ReadOrdinal(toks, 0)
		want := c.span
		if want == "" {
			want = c.text
		}
		if !ok {
			t.Errorf("%s %q: not read", c.lang, c.text)
			continue
		}
		if got := c.text[:toks[end-1].End]; v != c.want || got != want {
			t.Errorf("%s %q: got %d %q, want %d %q", c.lang, c.text, v, got, c.want, want)
		}
	}
	for _, s := range []string{"keluarga", "kena", "twenty", "first-hand"} {
		toks := token.Scan(s, nil)
		if v, end, ok := lang(t, "en").ReadOrdinal(toks, 0); ok && s != "first-hand" {
			t.Errorf("%q read as ordinal %d (end %d)", s, v, end)
		}
		if _, _, ok := lang(t, "id").ReadOrdinal(toks, 0); ok && s != "first-hand" {
			t.Errorf("id %q read as ordinal", s)
		}
	}
}

// numMemo answers as ReadNumeral does, whichever tokens are asked for in
// whichever order (repeats, more tokens than it holds, a nil memo).
func TestNumMemo(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := set.Languages["en"]
	toks := token.Scan("about 5,000 people, two thirds of 1.2 million, twenty-five and -3 hundreds x", nil)
	orders := [][]int{
		{0, 1, 1, 1, 2},
		{1, 5, 1, 5, 9, 1, 13, 5, 1},
		{18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
		{3, 3, 3},
	}
	for _, order := range orders {
		var m numMemo
		for _, i := range order {
			if i >= len(toks) {
				continue
			}
			want, wantOK := l.ReadNumeral(toks, i)
			got, ok := m.readNumeral(l, toks, i)
			if ok != wantOK || got != want {
				t.Errorf("token %d %q: memo %v %v, ReadNumeral %v %v", i, toks[i].Text, got, ok, want, wantOK)
			}
			got, ok = (*numMemo)(nil).readNumeral(l, toks, i)
			if ok != wantOK || got != want {
				t.Errorf("token %d: nil memo %v %v, want %v %v", i, got, ok, want, wantOK)
			}
		}
	}
}

// TestNumeralWordStartsAt holds NumeralWordStartsAt to the two questions
// it answers in one lookup, at every token of random runs of the
// language's own words (number words, articles, scales, fractions) and
// ordinary words, in every language.
func TestNumeralWordStartsAt(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(11, 12))
	n, yes := 0, 0
	for _, l := range set.Languages {
		words := append(l.Words(), "the", "man", "people", "dan", "orang", "-", ",", "5", "of")
		for range 3000 {
			var b strings.Builder
			for k := range 1 + r.IntN(6) {
				if k > 0 {
					b.WriteString([]string{" ", " ", "-", "\n"}[r.IntN(4)])
				}
				b.WriteString(words[r.IntN(len(words))])
			}
			toks := token.Scan(b.String(), nil)
			for i := range toks {
				want := l.IsNumeralWordAt(&toks[i]) && !l.OneWordAloneAt(toks, i)
				if got := l.NumeralWordStartsAt(toks, i); got != want {
					t.Fatalf("%s: %q at %d: %v, want %v", l.Code, b.String(), i, got, want)
				}
				n++
				if want {
					yes++
				}
			}
		}
	}
	if yes == 0 {
		t.Fatal("no numeral word started: the test tests nothing")
	}
	t.Logf("%d tokens, %d numeral words", n, yes)
}
