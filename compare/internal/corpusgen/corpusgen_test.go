package corpusgen

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/pipeline"
)

func TestDeterministic(t *testing.T) {
	sum := func() [32]byte {
		var buf bytes.Buffer
		if err := Generate(7, 300, Mixed).WriteJSONL(&buf); err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(buf.Bytes())
	}
	if sum() != sum() {
		t.Fatal("same seed gave different corpora")
	}
	a, b := Generate(7, 50, English), Generate(8, 50, English)
	if a.Articles[0].Text == b.Articles[0].Text {
		t.Fatal("different seeds gave the same first article")
	}
}

func TestShape(t *testing.T) {
	for _, lang := range []string{English, Indonesian, Mixed} {
		c := Generate(1, 1000, lang)
		if len(c.Articles) != 1000 {
			t.Fatalf("%s: %d articles", lang, len(c.Articles))
		}
		avg := c.Bytes() / len(c.Articles)
		t.Logf("%s: %d articles, %d bytes (%d per article), %d discrepancies, %d traps", lang, len(c.Articles), c.Bytes(), avg, len(c.Discrepancies), len(c.Traps))
		if avg < 3000 || avg > 5500 {
			t.Errorf("%s: average article %d bytes, want about 4 KB", lang, avg)
		}
		ids := map[string]bool{}
		for _, a := range c.Articles {
			if ids[a.ID] {
				t.Fatalf("duplicate id %s", a.ID)
			}
			ids[a.ID] = true
			if strings.Contains(a.Text, "{") {
				t.Fatalf("%s: unfilled slot in\n%s", a.ID, a.Text)
			}
			if lang != Mixed && a.Lang != lang {
				t.Fatalf("%s: language %s in a %s corpus", a.ID, a.Lang, lang)
			}
		}
	}
}

// TestWriteDirReadsBack checks that files written by WriteDir come back
// through claims/ingest as the same documents.
func TestWriteDirReadsBack(t *testing.T) {
	c := Generate(3, 40, Mixed)
	dir := t.TempDir()
	if err := c.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(t.TempDir(), "c.jsonl"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := ingest.Read([]string{dir}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(c.Articles) {
		t.Fatalf("read %d documents, wrote %d", len(docs), len(c.Articles))
	}
	for i, d := range docs {
		if d.ID != c.Articles[i].ID || d.Text != c.Articles[i].Text {
			t.Fatalf("document %d: %s differs from %s", i, d.ID, c.Articles[i].ID)
		}
	}
}

// Findings converts crosscheck's findings for Score.
func findings(fs []compare.Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		g := Finding{ID: f.ID, Kind: f.Kind, Category: string(f.Category), Attribute: f.Attribute}
		for _, s := range f.Sides {
			var docs []string
			for _, c := range s.Claims {
				docs = append(docs, c.Doc)
			}
			g.Sides = append(g.Sides, docs)
		}
		out = append(out, g)
	}
	return out
}

// TestRecall1k runs the whole pipeline over 1,000 generated articles and
// checks that the injected discrepancies are reported. The corpus is fixed
// by its seed, so the figures are the same on every run.
func TestRecall1k(t *testing.T) {
	if testing.Short() {
		t.Skip("1k-article end-to-end run")
	}
	for _, lang := range []string{English, Indonesian, Mixed} {
		t.Run(lang, func(t *testing.T) {
			c := Generate(1, 1000, lang)
			res, err := pipeline.Run(c.Documents(), pipeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sc := c.Score(findings(res.Compare.Findings))
			t.Logf("%s: %s", lang, sc)
			for _, m := range sc.Missed {
				t.Logf("missed: %s", m)
			}
			for i, f := range sc.False {
				if i == 20 {
					t.Logf("... %d more", len(sc.False)-20)
					break
				}
				t.Logf("unmatched: %s", f)
			}
			// Floors, not targets: they catch a regression in extraction or
			// alignment. The misses logged above are the tool's known gaps
			// (a weekday after "on"/"pada" read apart from its date, durations
			// one day apart judged compatible, killed and injured figures in
			// one sentence); raise the floors as those are fixed.
			if sc.Recall() < 0.65 {
				t.Errorf("recall %.3f below 0.65", sc.Recall())
			}
			if sc.Precision() < 0.8 {
				t.Errorf("precision %.3f below 0.8", sc.Precision())
			}
		})
	}
}
