package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
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

