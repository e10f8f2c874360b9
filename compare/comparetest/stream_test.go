package comparetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every expectation case of the project (undated articles, background
// events, once-only events, syndicated copies, two stories side by side,
// both languages) gives the same report, byte for byte, whether its claims
// are compared all at once or a story at a time (WithStreaming).
func TestCasesStreamTheSame(t *testing.T) {
	var paths []string
	require.NoError(t, filepath.WalkDir("../../testdata/cases", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return err
	}))
	require.NotEmpty(t, paths)
	for _, p := range paths {
		mem, err := Check(p)
		require.NoError(t, err, p)
		str, err := Check(p, WithStreaming())
		require.NoError(t, err, p)
		assert.Equal(t, reportJSON(t, mem.Report), reportJSON(t, str.Report), p)
		assert.Equal(t, mem.Problems, str.Problems, p)
	}
}

func reportJSON(t *testing.T, r *report.Report) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Render(&b, r, "json", report.RenderOptions{}))
	return b.String()
}
