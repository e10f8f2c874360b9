package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/claims/ingest"
)

const exampleDir = "../../testdata/example"

func reportBytes(t *testing.T, paths []string, workers int) []byte {
	t.Helper()
	docs, err := ingest.Read(paths, ingest.Options{})
	require.NoError(t, err)
	res, err := Run(docs, Options{Workers: workers})
	require.NoError(t, err)
	b, err := json.Marshal(res.Report)
	require.NoError(t, err)
	return b
}

// TestDeterministic: the same inputs give byte-identical JSON whatever the
// order of paths on the command line, the directory listing, the number of
// workers and GOMAXPROCS.
func TestDeterministic(t *testing.T) {
	entries, err := os.ReadDir(exampleDir)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(exampleDir, e.Name()))
	}
	reversed := make([]string, len(files))
	for i, f := range files {
		reversed[len(files)-1-i] = f
	}
	want := reportBytes(t, []string{exampleDir}, 1)
	require.Equal(t, string(want), string(reportBytes(t, files, 1)), "files listed one by one")
	require.Equal(t, string(want), string(reportBytes(t, reversed, 3)), "reverse order, three workers")
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	require.Equal(t, string(want), string(reportBytes(t, reversed, 0)), "GOMAXPROCS=1")
	runtime.GOMAXPROCS(4)
	require.Equal(t, string(want), string(reportBytes(t, files, 0)), "GOMAXPROCS=4")
}
