package token_test

import (
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"strings"
	"testing"

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
