package token

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTokenEstimate: Scan sizes the token buffer of a long text by
// tokenEstimate, which should hold every token of the text without being
// far too large; a short estimate costs only the growth it was meant to
// spare.
func TestTokenEstimate(t *testing.T) {
	texts := shapedTexts()
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	for _, f := range files[:min(len(files), 40)] {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		n, est := len(Scan(text, nil)), tokenEstimate(text)
		if est < n || est > 2*n+16 {
			t.Errorf("%d tokens, estimate %d, in %.60q", n, est, text)
		}
	}
}

// shapedTexts are texts of every shape the buffer sizing meets: empty,
// news, figures, mixed scripts, one word a line, punctuation runs, and two
// long enough to be measured in samples.
func shapedTexts() []string {
	return []string{
		"",
		"The quake on March 3 killed 12 people, officials said.",
		"12,345 5.6 78% 1234 $7.70 Rp5,2 triliun M7.8 3:07:35 10/1/2024",
		"12abc abc12 a1b2c3 US$5 24-year-old e.g. U.S. don't — «quoted» “smart” café 東京 2024年",
		strings.Repeat("7\nkilled\n", 50),
		strings.Repeat("1,2,3;4.5(6)7-8/9", 40),
		"http://example.com/a?b=c&d=e#f user@example.com ...!!!???",
		strings.Repeat("The quake on March 3 killed 12 people, officials said. ", 3000),
		strings.Repeat("12,345 5.6 78% 1234\n", 8000),
	}
}
