package serve

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFingerprint: what re-runs the report when watching, and what does not.
func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("a.txt", "one")
	reviewPath := filepath.Join(dir, "decisions.md") // an article extension, but the review file
	fp := func() string { return fingerprint([]string{dir}, reviewPath) }
	last := fp()
	for _, tc := range []struct {
		name    string
		do      func()
		changed bool
	}{
		{"nothing", func() {}, false},
		{"the review file", func() { write("decisions.md", "version: 1\n") }, false},
		{"a hidden file", func() { write(".a.txt.swp", "x") }, false},
		{"a file ingest does not read", func() { write("notes.yaml", "x") }, false},
		{"a file in a hidden folder", func() { write(".git/b.txt", "x") }, false},
		{"an article edited", func() { write("a.txt", "one, two") }, true},
		{"an article touched", func() {
			later := time.Now().Add(time.Hour)
			require.NoError(t, os.Chtimes(filepath.Join(dir, "a.txt"), later, later))
		}, true},
		{"an article added in a subfolder", func() { write("more/b.html", "<p>x</p>") }, true},
		{"an article removed", func() { require.NoError(t, os.Remove(filepath.Join(dir, "more", "b.html"))) }, true},
	} {
		tc.do()
		now := fp()
		assert.Equal(t, tc.changed, now != last, tc.name)
		last = now
	}
	// A path given directly counts whatever its extension; a missing one too.
	file := filepath.Join(dir, "notes.yaml")
	a := fingerprint([]string{file}, reviewPath)
	write("notes.yaml", "y2")
	assert.NotEqual(t, a, fingerprint([]string{file}, reviewPath))
	gone := filepath.Join(dir, "gone.txt")
	assert.NotEqual(t, fingerprint([]string{gone}, reviewPath), fingerprint(nil, reviewPath))
}
