package token

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestScanClearsWord holds Scan to writing Word as zero into a reused
// buffer: a rules.Vocab numbers the tokens after Scan, and a number left
// from the text scanned there before would send a phrase table to another
// word's entry.
func TestScanClearsWord(t *testing.T) {
	texts := []string{
		"Ledger, 12 of them", // words, a capital, punctuation, a figure
		"x",                  // one word: all tail
		"٣ € «quoted» 2025",  // wide runes and marks (scanOne)
		"ÉCOLE naïve Überall",
	}
	buf := Scan("Seven words to fill the buffer first , 42 times over", nil)
	for _, text := range texts {
		for i := range buf[:cap(buf)] {
			buf[:cap(buf)][i].Word = 777
		}
		buf = Scan(text, buf[:0])
		require.NotEmpty(t, buf, text)
		for i, tok := range buf {
			require.Zero(t, tok.Word, "%q: token %d %q", text, i, tok.Text)
		}
	}
}
