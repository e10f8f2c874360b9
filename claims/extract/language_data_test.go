package extract

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// TestLanguageFromDataAlone proves that a new language is a data file: a
// test-only Malay file (rules/testdata/ms/ms.yaml), loaded on top of the
// built-in rules, gives dates and counts with no Go change. Its month names
// ("Disember", "Mac") and numerals ("lapan", "puluh") are neither English
// nor Indonesian, so nothing built in can read them. The sentences are
// written for this test.
func TestLanguageFromDataAlone(t *testing.T) {
	set, err := rules.Load(filepath.Join("..", "..", "rules", "testdata", "ms"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(set.Codes, "ms") {
		t.Fatalf("languages %v, want ms among them", set.Codes)
	}
	e := New(set)
	pub := time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC)
	kinds := []claims.Kind{claims.KindDate, claims.KindCount}
	tests := []struct {
		text string
		want []want
	}{
		{"Banjir pada 3 Disember 2024 memaksa lapan ribu penduduk berpindah.", []want{
			{claims.KindDate, "3 Disember 2024", "2024-12-03", "w=year,month,day"},
			{claims.KindCount, "lapan ribu", "8000", "lo=8000 hi=8000 counted=people"}}},
		{"Sekurang-kurangnya dua puluh orang cedera pada Mac 2023.", []want{
			{claims.KindCount, "Sekurang-kurangnya dua puluh", "20", "lo=20 hi=inf counted=people q=Sekurang-kurangnya"},
			{claims.KindDate, "Mac 2023", "2023-03", "w=year,month"}}},
		{"Kira-kira 1.500 orang dipindahkan sejak 1 Ogos.", []want{
			{claims.KindCount, "Kira-kira 1.500", "1500", "approx=true counted=people"},
			{claims.KindDate, "1 Ogos", "2024-08-01", "w=month,day i=year"}}},
	}
	for _, tc := range tests {
		doc := &claims.Document{ID: "t", Text: tc.text, Language: "ms", Status: claims.StatusRead, Published: pub, PublishedSource: "test"}
		var got []*claims.Claim
		for _, c := range e.Extract(doc) {
			if slices.Contains(kinds, c.Kind) {
				got = append(got, c)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: %d claims, want %d: %s", tc.text, len(got), len(tc.want), listClaims(got))
			continue
		}
		for i, w := range tc.want {
			c := got[i]
			if c.Kind != w.kind || c.Text != w.text || c.Value != w.value {
				t.Errorf("%q: claim %d is %s %q = %s, want %s %q = %s", tc.text, i, c.Kind, c.Text, c.Value, w.kind, w.text, w.value)
				continue
			}
			d := describe(c)
			for _, kv := range strings.Fields(w.detail) {
				key, val, _ := strings.Cut(kv, "=")
				if d[key] != val {
					t.Errorf("%q: %q %s=%q, want %q", tc.text, w.text, key, d[key], val)
				}
			}
		}
	}
}
