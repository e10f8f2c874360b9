package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Comparing a story at a time (compare.Stream) must give exactly what
// comparing everything at once gives: the same findings, agreements,
// stories and copies. Checked here on generated corpora with injected
// discrepancies and traps, the example, and the real articles in ../shared
// when present; comparetest runs every expectation case both ways.
func TestStreamEqualsCompare(t *testing.T) {
	inputs := map[string]func() []*claims.Document{
		"generated mixed 800": func() []*claims.Document { return corpusgen.Generate(5, 800, corpusgen.Mixed).Documents() },
		"generated en 400":    func() []*claims.Document { return corpusgen.Generate(9, 400, corpusgen.English).Documents() },
		"example":             func() []*claims.Document { return readDir(t, "../../testdata/example") },
		// Dense: 1,500 articles within three weeks, so that windows hold
		// hundreds of articles and common keywords pass maxWindowPosting.
		"generated dense 1500 in 20 days": func() []*claims.Document {
			return corpusgen.GenerateOver(13, 1500, corpusgen.Mixed, 20).Documents()
		},
		// Every fourth article undated: undated joins, regroup's
		// placements and ties, undated groups, stories waiting for them.
		"generated with undated": func() []*claims.Document {
			docs := corpusgen.GenerateOver(17, 600, corpusgen.Mixed, 60).Documents()
			for i, d := range docs {
				if i%4 == 1 {
					d.Published, d.PublishedSource, d.PublishedText = time.Time{}, "", ""
				}
			}
			return docs
		},
	}
	for _, dir := range []string{"../../../shared/seeds", "../../../shared/corpora"} {
		if _, err := os.Stat(dir); err == nil {
			inputs[filepath.Base(dir)] = func() []*claims.Document { return readDir(t, dir) }
		}
	}
	for name, docs := range inputs {
		t.Run(name, func(t *testing.T) {
			ds := docs()
			cs, err := Extract(ds, Options{})
			require.NoError(t, err)
			want := compare.Compare(ds, cs, builtin(t))
			got := compareByStory(ds, cs, builtin(t))
			assert.Equal(t, want, got)
		})
	}
}

func builtin(t *testing.T) *rules.Set {
	t.Helper()
	set, err := rules.Builtin()
	require.NoError(t, err)
	return set
}

func readDir(t *testing.T, dir string) []*claims.Document {
	t.Helper()
	docs, err := ingest.Read([]string{dir}, ingest.Options{})
	require.NoError(t, err)
	return docs
}

// RunArchive (documents spilled to disk with their claims, read back a
// story at a time) writes the same report, byte for byte, as Run, in JSON
// and JSON Lines, and removes its spill file on Close.
func TestArchiveEqualsRun(t *testing.T) {
	inputs := map[string]func() []*claims.Document{
		"generated mixed 500": func() []*claims.Document { return corpusgen.Generate(11, 500, corpusgen.Mixed).Documents() },
		"example":             func() []*claims.Document { return readDir(t, "../../testdata/example") },
		"with a skipped file": func() []*claims.Document {
			docs := readDir(t, "../../testdata/example")
			return append(docs, &claims.Document{ID: "zz-unreadable", Path: "zz-unreadable.txt", Status: claims.StatusSkipped, SkipReason: "not UTF-8"})
		},
	}
	if _, err := os.Stat("../../../shared/corpora"); err == nil {
		inputs["corpora"] = func() []*claims.Document { return readDir(t, "../../../shared/corpora") }
	}
	for name, docs := range inputs {
		t.Run(name, func(t *testing.T) {
			want, err := Run(docs(), Options{})
			require.NoError(t, err)
			dir := t.TempDir()
			got, err := RunArchive(SliceSource(docs()), Options{}, dir)
			require.NoError(t, err)
			for _, f := range []string{"json", "jsonl"} {
				assert.Equal(t, render(t, want.Report, f), render(t, got.Report, f), f)
			}
			require.NoError(t, got.Close())
			left, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, left, "the spill file is removed")
		})
	}
}

func render(t *testing.T, r *report.Report, format string) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, report.Render(&b, r, format, report.RenderOptions{}))
	return b.String()
}

// Run reads the grouping words from extraction's tokens (CompareWords)
// and finds exactly what Compare finds scanning the texts again.
func TestRunWordsEqualCompare(t *testing.T) {
	docs := corpusgen.Generate(21, 400, corpusgen.Mixed).Documents()
	res, err := Run(docs, Options{})
	require.NoError(t, err)
	want := compare.Compare(docs, res.Claims, builtin(t))
	assert.Equal(t, want, res.Compare)
	if _, err := os.Stat("../../../shared/corpora"); err == nil {
		docs := readDir(t, "../../../shared/corpora")
		res, err := Run(docs, Options{GroupOnly: true})
		require.NoError(t, err)
		want := compare.Group(docs, res.Claims, builtin(t))
		assert.Equal(t, want, res.Compare)
	}
}
