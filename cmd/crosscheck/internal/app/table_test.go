package app

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tableAt(t *testing.T, width int, args ...string) string {
	t.Helper()
	env, out, _ := testEnv("", t.TempDir())
	env.TermWidth = func(io.Writer) int { return width }
	Run(append([]string{"report"}, args...), env)
	return out.String()
}

// Finding IDs, document ids and doc:line:col positions are never broken
// across lines, at any width; on a narrow terminal the table drops a
// column (and says so) rather than cut them, and it still fits.
func TestTablePositionsWhole(t *testing.T) {
	rep, _ := reportJSON(t, exampleDir)
	for _, width := range []int{60, 72, 80, 100, 120} {
		out := tableAt(t, width, exampleDir)
		for _, c := range rep.Claims {
			inFinding := false
			for _, d := range rep.Discrepancies {
				for _, id := range d.Claims {
					inFinding = inFinding || id == c.ID
				}
			}
			if inFinding {
				assert.Contains(t, out, fmt.Sprintf("%s:%d:%d", c.Doc, c.Line, c.Col), "width %d", width)
			}
		}
		for _, d := range rep.Discrepancies {
			assert.Contains(t, out, d.ID, "width %d", width)
		}
		for _, d := range rep.Documents {
			assert.Regexp(t, "│ "+regexp.QuoteMeta(d.ID)+" ", out, "width %d", width)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "│") || strings.HasPrefix(line, "┌") {
				assert.LessOrEqual(t, twwidth.Width(line), width, "width %d: %s", width, line)
			}
		}
	}
	out := tableAt(t, 60, exampleDir)
	assert.NotContains(t, out, "│ SUMMARY")
	assert.Contains(t, out, "(SUMMARY column left out")
}

// The SUMMARY column says why the sides cannot both hold; it does not
// repeat who says what, which the sides already show.
func TestTableSummaryDoesNotRepeatSides(t *testing.T) {
	out := tableAt(t, 200, exampleDir)
	assert.NotContains(t, out, " says ")
	assert.Contains(t, out, "The two periods do not overlap")
	assert.Contains(t, out, "The newer article revises the figure")
}

// With many documents the table gives counts (and the skipped files)
// rather than one row per document.
func TestTableDocumentSummary(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"bin.txt": "\x00\x01binary\x00", "empty.txt": " \n"}
	for i := 0; i < 120; i++ {
		files[fmt.Sprintf("en-%03d.txt", i)] = fmt.Sprintf("December %d, 2024\nThe ferry number %d sailed from the harbour on time this morning.\n", i%28+1, i)
	}
	for i := 0; i < 30; i++ {
		files[fmt.Sprintf("id-%03d.txt", i)] = fmt.Sprintf("JAKARTA, Senin (30/12/2024) - Kapal feri nomor %d berangkat dari pelabuhan tepat waktu pagi ini dan tiba dengan selamat.\n", i)
	}
	writeFiles(t, dir, files)
	out := tableAt(t, 100, "--keep-going", dir)
	require.NotContains(t, out, "│ DOCUMENT")
	assert.Contains(t, out, "152 documents: 150 read (120 en, 30 id), 2 skipped (1 binary, 1 empty)")
	assert.Contains(t, out, filepath.Join(dir, "bin.txt")+": binary")
	assert.Contains(t, out, filepath.Join(dir, "empty.txt")+": empty")
}

func TestTerminalWidth(t *testing.T) {
	size := func(w int) func() (int, bool) { return func() (int, bool) { return w, w > 0 } }
	assert.Equal(t, 97, widthFrom("97", size(150)), "COLUMNS wins")
	assert.Equal(t, 150, widthFrom("", size(150)), "the terminal's own width")
	assert.Equal(t, 150, widthFrom("junk", size(150)))
	assert.Equal(t, 100, widthFrom("", size(0)), "not a terminal: the default")
}
