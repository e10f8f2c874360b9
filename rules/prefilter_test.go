package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// TestReadPrefilters: the cheap tests callers make before reading
// (MayOpenOrdinal before ReadOrdinal, PunctMayOpenNumeral before
// ReadNumeral at punctuation) never turn away a token the readers read,
// on the project's example articles and cases and on text dense in
// figures and punctuation, in every language.
func TestReadPrefilters(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The 3rd, 21st and 102nd meetings; -5, −7, .08 and ½ of 3¾ (−2) ke-8 kedua puluh kesebelas 2,5 .5 -.5 #4 № 7 - 3",
		"Rp5,2 triliun, US$ 3.5 million, 1. Item 2) item; 'quoted' \"x\" [−4] the twenty-fifth and two hundredth.",
	}
	for _, dir := range []string{"../testdata/example", "../testdata/cases"} {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
				if b, err := os.ReadFile(path); err == nil {
					texts = append(texts, string(b))
				}
			}
			return nil
		})
	}
	if len(texts) < 10 {
		t.Fatalf("only %d texts", len(texts))
	}
	n := 0
	for _, l := range set.Languages {
		for _, text := range texts {
			toks := token.Scan(text, nil)
			for i := range toks {
				n++
				if _, _, ok := l.ReadOrdinal(toks, i); ok && !l.MayOpenOrdinal(&toks[i]) {
					t.Fatalf("%s: MayOpenOrdinal turns away the ordinal at %q", l.Code, toks[i].Text)
				}
				if toks[i].Kind != token.Punct {
					continue
				}
				if _, ok := l.ReadNumeral(toks, i); ok && !l.PunctMayOpenNumeral(&toks[i]) {
					t.Fatalf("%s: PunctMayOpenNumeral turns away the numeral at %q", l.Code, toks[i].Text)
				}
			}
		}
	}
	t.Logf("%d tokens checked", n)
}
