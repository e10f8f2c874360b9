package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// want is one expected claim: its kind, its exact text, its canonical
// value, and optional details written "key=value" separated by spaces:
// w= (written parts), i= (inferred parts), lo=, hi= (bounds; "(" or ")"
// marks an exclusive bound, "-inf"/"inf" no bound), unit=, counted=, q=
// (qualifier, spaces as "_").
type want struct {
	kind   claims.Kind
	text   string
	value  string
	detail string
}

type extractCase struct {
	lang string
	pub  string // YYYY-MM-DD, or "" for none
	text string
	want []want
}

// extractDoc runs the engine on one text.
func extractDoc(t testing.TB, lang, pub, text string) []*claims.Claim {
	t.Helper()
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	if pub != "" {
		d, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatalf("bad pub %q", pub)
		}
		doc.Published, doc.PublishedSource = d, "test"
	}
	cs := engineForTest(t).Extract(doc)
	for _, c := range cs {
		if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Text {
			t.Fatalf("%q: claim %q at [%d,%d) breaks the span invariant", text, c.Text, c.Start, c.End)
		}
	}
	return cs
}

// describe renders a claim's details in the want.detail format.
func describe(c *claims.Claim) map[string]string {
	d := map[string]string{}
	if c.Date != nil {
		d["w"] = strings.Join(c.Date.Written, ",")
		d["i"] = strings.Join(c.Date.Inferred, ",")
		if c.Date.Fuzzy {
			d["fuzzy"] = "true"
		}
	}
	if c.Num != nil {
		lo, hi, loEx, hiEx := c.Num.Bounds()
		d["lo"] = fmtBound(lo, loEx, "(")
		d["hi"] = fmtBound(hi, hiEx, ")")
		d["unit"] = c.Num.Unit
		d["counted"] = c.Num.Counted
		d["q"] = strings.ReplaceAll(strings.TrimSpace(c.Num.Qualifier), " ", "_")
		if c.Num.Approx {
			d["approx"] = "true"
		}
		if c.Num.Vague {
			d["vague"] = "true"
		}
	}
	return d
}

func fmtBound(v float64, ex bool, mark string) string {
	switch {
	case math.IsInf(v, -1):
		return "-inf"
	case math.IsInf(v, 1):
		return "inf"
	}
	s := claims.FormatNumber(math.Round(v*1e6) / 1e6)
	if ex {
		if mark == "(" {
			return "(" + s
		}
		return s + ")"
	}
	return s
}

// runExtractCases checks every case: each wanted claim is found with its
// exact text, value and details, and no other claim of the kinds the case
// is about is reported.
func runExtractCases(t *testing.T, kinds []claims.Kind, cases []extractCase) {
	t.Helper()
	for _, tc := range cases {
		cs := extractDoc(t, tc.lang, tc.pub, tc.text)
		var got []*claims.Claim
		for _, c := range cs {
			if slices.Contains(kinds, c.Kind) {
				got = append(got, c)
			}
		}
		used := make([]bool, len(got))
		for _, w := range tc.want {
			found := false
			for k, c := range got {
				if used[k] || c.Text != w.text {
					continue
				}
				used[k], found = true, true
				if c.Kind != w.kind || c.Value != w.value {
					t.Errorf("%s %q: %q is %s %s, want %s %s", tc.lang, tc.text, w.text, c.Kind, c.Value, w.kind, w.value)
				}
				d := describe(c)
				for _, kv := range strings.Fields(w.detail) {
					key, val, _ := strings.Cut(kv, "=")
					if d[key] != val {
						t.Errorf("%s %q: %q %s=%q, want %q (all: %v)", tc.lang, tc.text, w.text, key, d[key], val, d)
					}
				}
				break
			}
			if !found {
				t.Errorf("%s %q: missing %s %q = %s; got %s", tc.lang, tc.text, w.kind, w.text, w.value, listClaims(got))
			}
		}
		for k, c := range got {
			if !used[k] {
				t.Errorf("%s %q: unexpected %s %q = %s", tc.lang, tc.text, c.Kind, c.Text, c.Value)
			}
		}
	}
}

func listClaims(cs []*claims.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "[%s %q=%s] ", c.Kind, c.Text, c.Value)
	}
	return b.String()
}

// negativeLines reads a negative corpus: one sentence per line; "#" lines
// are comments, and a line may start with "YYYY-MM-DD|" to give a
// publication date.
func negativeLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if s := strings.TrimSpace(line); s != "" && !strings.HasPrefix(s, "#") {
			out = append(out, line)
		}
	}
	return out
}

// runNegative checks that no claim of the given kinds is read from any
// line of a negative corpus.
func runNegative(t *testing.T, lang, name string, kinds []claims.Kind) {
	t.Helper()
	lines := negativeLines(t, name)
	if len(lines) < 20 {
		t.Fatalf("%s: only %d sentences", name, len(lines))
	}
	for _, line := range lines {
		pub := "2024-06-15"
		if p, rest, ok := strings.Cut(line, "|"); ok && len(p) == 10 {
			pub, line = p, rest
		}
		for _, c := range extractDoc(t, lang, pub, line) {
			if slices.Contains(kinds, c.Kind) {
				t.Errorf("%s: %q: read %s %q = %s (%s)", name, line, c.Kind, c.Text, c.Value, c.Rule)
			}
		}
	}
}

// exampleTexts returns every example article and case under ../../testdata
// (.txt and .txtar files), the real-looking texts over which a fast path is
// held to the reading it replaced.
func exampleTexts() []string {
	var texts []string
	filepath.WalkDir("../../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".txtar")) {
			if b, err := os.ReadFile(path); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	return texts
}

// sparseText joins n words drawn by r from words, with spaces; where
// r.IntN(sparse+1) > 0 it writes "x" instead, so that sparse 0 gives text
// dense in the words that matter and larger values sparser text.
func sparseText(r *rand.Rand, words []string, n, sparse int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		if r.IntN(sparse+1) > 0 {
			b.WriteString("x")
			continue
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

// wordSalad writes n words drawn by r from words, each followed by a
// space: a dense text for tests that walk every token.
func wordSalad(r *rand.Rand, words []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(words[r.IntN(len(words))] + " ")
	}
	return b.String()
}

// randomDateDoc is the seed-th of a family of random documents for tests
// that hold a fast date path to its plain one: English for even seeds,
// Indonesian for odd, a salad of 40 to 340 of the language's words at one of
// three densities, and a publication date for three seeds in four (the
// others exercise dates with nothing to infer a year from). stream keeps
// two tests with the same seeds from drawing the same texts.
func randomDateDoc(seed, stream uint64, words map[string][]string) *claims.Document {
	r := rand.New(rand.NewPCG(seed, stream))
	lang := []string{"en", "id"}[seed%2]
	text := sparseText(r, words[lang], 40+r.IntN(300), int(seed%3))
	doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
	if seed%4 < 3 {
		doc.Published = time.Date(2024, time.Month(1+seed%12), 1+int(seed%28), 0, 0, 0, 0, time.UTC)
	}
	return doc
}

// steppedPass runs the engine's extraction steps over doc and returns the
// pass, for tests that look inside it (frames, names) rather than at the
// claims it returns.
func steppedPass(e *Engine, doc *claims.Document) *Pass {
	p := e.newPass(doc, new(scratch))
	for _, step := range e.Steps {
		step(p)
	}
	return p
}

// passOver is steppedPass over a read document of text in lang.
func passOver(e *Engine, lang, text string) *Pass {
	return steppedPass(e, &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead})
}
