package rules

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// digitGuardTexts are figures followed by what readDigitFraction and
// afterDigits read, and by what they do not.
var digitGuardTexts = []string{
	"3/4 cup, 2 1/4 miles, 1/2, 12/16, 99 1/3, 100/4, 3/4/2020, 5 1/32, 7 / 8, 2 1 /4",
	"1.2 million, 5-billion, $2.6-million, 3bn, 10M, 5m people, 3 hundred and 21, 3 dozens, 4 thousand, 5-year-old, 5 -6",
	"62,784 23% 50,449 18.6 94% 39.7 5085\n12 people 3 4 soldiers, 5 of them, 6. 7 8km 9-10 11:30 12'",
	"1,2 juta, 5 ribu, 3,5 miliar, 2jt, 5rb orang, 7 ratus, 4 puluh dua, 3/4 bagian, 10-an",
}

// checkDigitGuards reads the digits at every figure of text in lang and
// fails where a guard of ReadNumeralTo says no and the reading it guards
// reads something all the same; it returns how many it turned away.
func checkDigitGuards(t *testing.T, l *Language, text string) int {
	toks := token.Scan(text, nil)
	turned := 0
	for i := range toks {
		var n Numeral
		if toks[i].Kind != token.Number || !l.readDigits(toks, i, &n) || n.Code {
			continue
		}
		if !mayDigitFraction(toks, &n) {
			turned++
			m := n
			if l.readDigitFraction(toks, i, &m) || m != n {
				t.Fatalf("%s: %q at token %d: mayDigitFraction says no, readDigitFraction reads %+v", l.Code, text, i, m)
			}
		}
		if !mayFollowDigits(toks, &n) {
			turned++
			m := n
			if l.afterDigits(toks, &m); m != n {
				t.Fatalf("%s: %q at token %d: mayFollowDigits says no, afterDigits reads %+v", l.Code, text, i, m)
			}
		}
	}
	return turned
}

// TestDigitGuards: where ReadNumeralTo's guards turn a figure away,
// readDigitFraction and afterDigits read nothing there, in every
// language.
func TestDigitGuards(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	turned := 0
	for _, l := range set.Languages {
		for _, text := range digitGuardTexts {
			turned += checkDigitGuards(t, l, text)
		}
	}
	if turned == 0 {
		t.Fatal("nothing turned away: the test tests nothing")
	}
}

// FuzzDigitGuards is TestDigitGuards on any text.
func FuzzDigitGuards(f *testing.F) {
	for _, s := range digitGuardTexts {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range set.Languages {
			checkDigitGuards(t, l, text)
		}
	})
}
