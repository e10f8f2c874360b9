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
		{"FactsAt", func(l *Language, t *token.Token) any { return l.FactsAt(t) },
			func(l *Language, w string) any {
				f := TokenFacts{Detect: l.Detect[w], NumberWord: l.IsNumberWord(w)}
				for id := range ListID(nLists) {
					if l.WordSet(id)[w] {
						f.Sets |= 1 << id
					}
				}
				return f
			}},
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

// TestMayKnow: where MayKnow says no, the facts hold nothing for the
// token (factsOf gives noFacts), for every word of every language's
// tables, capitalised, glued to digits and marks, and for figures and
// marks; and it says yes for every word the facts hold.
func TestMayKnow(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range slices.Sorted(maps.Keys(set.Languages)) {
		l := set.Languages[code]
		text := "0 1 5 12 62,784 18.6 94% - – , . ; : ( ) $ € Rp x zz the nothing kepada"
		for _, w := range append(l.Words(), slices.Collect(maps.Keys(l.ordinalSuffix))...) {
			text += " " + w + " " + strings.ToUpper(w) + " 5" + w
		}
		known, no := 0, 0
		for _, tk := range token.Scan(text, nil) {
			f := l.factsOf(&tk)
			if !l.MayKnow(&tk) {
				no++
				if f != &noFacts {
					t.Fatalf("%s %q: MayKnow says no, the facts hold %+v", code, tk.Text, *f)
				}
			} else if f != &noFacts {
				known++
			}
		}
		if known == 0 || no == 0 {
			t.Fatalf("%s: %d known, %d turned away: the test tests too little", code, known, no)
		}
	}
}

// TestPrefixedNumberAt: of the words outside the number tables
// (NumeralLexical false), ReadOrdinal reads an ordinal only at those
// PrefixedNumberAt passes, over every prefix glued to every number word,
// the tables' words and common words a prefix's first byte opens; and the
// prefixed words no table holds stay unknown to wordsGoOn (tableWord).
func TestPrefixedNumberAt(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range slices.Sorted(maps.Keys(set.Languages)) {
		l := set.Languages[code]
		words := append(l.Words(), "kepada", "karena", "kami", "ketika", "kembali", "kedua", "ketiga", "kesebelas", "keseratus",
			"kedelapan", "ke", "kek", "kedu", "the", "third", "second", "x")
		prefixed := 0
		for pre := range l.ordinalPrefix {
			for n := range l.numWords {
				words = append(words, pre+n, pre+n+"x", pre+n[:len(n)/2])
				w := token.Scan(pre+n, nil)
				if len(w) == 1 && !l.NumeralLexical(&w[0]) {
					if l.factsOf(&w[0]).tableWord() {
						t.Fatalf("%s %q: a prefixed number word no table holds reads as a table's word", code, pre+n)
					}
				}
			}
		}
		for _, w := range words {
			toks := token.Scan(w+" puluh tahun", nil)
			if len(toks) == 0 || toks[0].Kind != token.Word || l.NumeralLexical(&toks[0]) {
				continue
			}
			_, _, ok := l.ReadOrdinal(toks, 0)
			if ok {
				prefixed++
			}
			if ok && !l.PrefixedNumberAt(&toks[0]) {
				t.Fatalf("%s %q: ReadOrdinal reads an ordinal, PrefixedNumberAt says no", code, w)
			}
		}
		if code == "id" && prefixed == 0 {
			t.Fatalf("%s: no prefixed ordinal read: the test tests nothing", code)
		}
		for _, w := range l.Words() {
			if toks := token.Scan(w, nil); len(toks) == 1 && l.factsOf(&toks[0]) != &noFacts && !l.factsOf(&toks[0]).tableWord() {
				t.Fatalf("%s %q: a table's word reads as none's", code, w)
			}
		}
	}
}
