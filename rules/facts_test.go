package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestFactsAt: each question answered from the word facts by token (the
// ...At methods) answers as the language's word maps do by string, for
// every word of every language's tables, each also capitalised, and for
// words of no table.
func TestFactsAt(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	type pair struct {
		name string
		at   func(*Language, *token.Token) any
		str  func(*Language, string) any
	}
	pairs := []pair{
		{"IsOneNumeral", func(l *Language, t *token.Token) any { return l.IsOneNumeralAt(t) },
			func(l *Language, w string) any { return l.IsOneNumeral(w) }},
		{"IsOneWord", func(l *Language, t *token.Token) any { return l.IsOneWordAt(t) },
			func(l *Language, w string) any { return l.IsOneWord(w) }},
		{"IsNumberWord", func(l *Language, t *token.Token) any { return l.IsNumberWordAt(t) },
			func(l *Language, w string) any { return l.IsNumberWord(w) }},
		{"IsAndWord", func(l *Language, t *token.Token) any { return l.IsAndWordAt(t) },
			func(l *Language, w string) any { return l.IsAndWord(w) }},
		{"IsMinusWord", func(l *Language, t *token.Token) any { return l.IsMinusWordAt(t) },
			func(l *Language, w string) any { return l.IsMinusWord(w) }},
		{"IsFractionWord", func(l *Language, t *token.Token) any { return l.IsFractionWordAt(t) },
			func(l *Language, w string) any { return l.IsFractionWord(w) }},
		{"IsOrdinalSuffix", func(l *Language, t *token.Token) any { return l.IsOrdinalSuffixAt(t) },
			func(l *Language, w string) any { return l.IsOrdinalSuffix(w) }},
		{"Month", func(l *Language, t *token.Token) any { n, a, ok := l.MonthAt(t); return [3]any{n, a, ok} },
			func(l *Language, w string) any { n, a, ok := l.Month(w); return [3]any{n, a, ok} }},
		{"Weekday", func(l *Language, t *token.Token) any { n, a, ok := l.WeekdayAt(t); return [3]any{n, a, ok} },
			func(l *Language, w string) any { n, a, ok := l.Weekday(w); return [3]any{n, a, ok} }},
	}
	for _, code := range slices.Sorted(maps.Keys(set.Languages)) {
		l := set.Languages[code]
		words := append(l.Words(), slices.Collect(maps.Keys(l.ordinalSuffix))...)
		words = append(words, "", "x", "the", "nothing", "one", "satu", "a", "half")
		yes := 0
		for _, w := range words {
			for _, tk := range token.Scan(w+" "+strings.ToUpper(w), nil) {
				for _, p := range pairs {
					got, want := p.at(l, &tk), p.str(l, tk.Lower)
					if got != want {
						t.Fatalf("%s %s(%q): %v by token, %v by string", code, p.name, tk.Text, got, want)
					}
					if got == true {
						yes++
					}
				}
			}
		}
		if yes == 0 {
			t.Fatalf("%s: no question answered yes: the test tests nothing", code)
		}
	}
}
