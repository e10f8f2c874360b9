package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// projectTexts reads the files matching each glob (the project's example
// articles and expectation cases), for the tests that check a fast path
// against its reference on real text.
func projectTexts(t *testing.T, globs ...string) []string {
	t.Helper()
	var texts []string
	for _, glob := range globs {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			texts = append(texts, string(b))
		}
	}
	return texts
}
