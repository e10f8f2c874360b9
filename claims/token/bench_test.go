package token_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestLowerForms checks the scanner's lower-case forms against
// strings.ToLower, which they replace for speed.
func TestLowerForms(t *testing.T) {
	text := "KIM Jong Un met Xi. JAKARTA, Kompas - Ämter İstanbul ÇAĞ Straße DPRK's G20 COVID19 Korut\nSenin (30/12/2024) U.S.-led"
	for _, tk := range token.Scan(text, nil) {
		if tk.Kind == token.Word && tk.Lower != strings.ToLower(tk.Text) {
			t.Errorf("%q: lower %q, want %q", tk.Text, tk.Lower, strings.ToLower(tk.Text))
		}
	}
}

// BenchmarkScan measures the byte scanner every extractor works on.
func BenchmarkScan(b *testing.B) {
	for _, lang := range []string{"en", "id"} {
		b.Run(lang, func(b *testing.B) {
			texts := benchcorpus.Load(b, lang)
			b.SetBytes(benchcorpus.TotalBytes(texts))
			b.ReportAllocs()
			var buf []token.Token
			for b.Loop() {
				for _, t := range texts {
					buf = token.Scan(t, buf[:0])
				}
			}
		})
	}
}

// TestHashes checks that every token's Hash is HashString of its lower-case
// form, whichever way the scanner computed it (during the word scan for
// ASCII words, from the lower-case form otherwise).
func TestHashes(t *testing.T) {
	for _, text := range []string{
		"KIM Jong Un met Xi. JAKARTA, Kompas - Ämter İstanbul ÇAĞ Straße DPRK's G20 COVID19 Korut\nSenin (30/12/2024) U.S.-led",
		"Jérôme café naïveté résumé ÉCOLE Zürich 5,000 ½ — “quoted” x1 ABC123def",
	} {
		for _, tk := range token.Scan(text, nil) {
			if want := token.HashString(tk.Lower); tk.Hash != want {
				t.Errorf("%q: hash %#x, want %#x", tk.Text, tk.Hash, want)
			}
			if tk.Hash == 0 {
				t.Errorf("%q: zero hash", tk.Text)
			}
		}
	}
}

// TestWordFlags checks Capital and AllCaps against their definition:
// Capital when the first letter is upper case, AllCaps when two or more
// letters are and none is lower case (a combining mark or a letter
// without case counts as lower case), digits not counting.
func TestWordFlags(t *testing.T) {
	words := []string{
		"kim", "Kim", "KIM", "K", "KCNA", "G20", "COVID19", "Covid19", "x1", "ABC123def",
		"Ämter", "ÄMTER", "İstanbul", "ÇAĞ", "çAĞ", "Straße", "STRASSE", "Zürich", "ZÜRICH",
		"É", "ÉC", "aÉ", "Aé", "日本", "A日", "AB日", "Åå", "ÅÅ", "e\u0301", "E\u0301", "EE\u0301",
	}
	for _, w := range words {
		toks := token.Scan(w, nil)
		if len(toks) != 1 || toks[0].Kind != token.Word {
			t.Errorf("%q: scanned %v", w, toks)
			continue
		}
		upper, lower := 0, 0
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
			case unicode.IsUpper(r):
				upper++
			default:
				lower++
			}
		}
		first, _ := utf8.DecodeRuneInString(w)
		capital := upper > 0 && unicode.IsUpper(first)
		allCaps := upper > 1 && lower == 0
		if got := toks[0].Is(token.Capital); got != capital {
			t.Errorf("%q: Capital %v, want %v", w, got, capital)
		}
		if got := toks[0].Is(token.AllCaps); got != allCaps {
			t.Errorf("%q: AllCaps %v, want %v", w, got, allCaps)
		}
		if want := strings.ToLower(w); toks[0].Lower != want && upper > 0 {
			t.Errorf("%q: lower %q, want %q", w, toks[0].Lower, want)
		}
	}
}
