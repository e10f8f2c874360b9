package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func runCmdIn(t *testing.T, stdin, wd string, args ...string) run {
	t.Helper()
	env, out, errb := testEnv(stdin, wd)
	code := Run(args, env)
	return run{code, out.String(), errb.String()}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Nothing read is not "no discrepancies": a mistyped folder or a pipe that
// produced nothing must not pass a CI gate.
func TestZeroDocumentsIsAnError(t *testing.T) {
	empty := t.TempDir()
	binary := t.TempDir()
	writeFiles(t, binary, map[string]string{"a.txt": "\x00\x01\x02\x03binary\x00\x00"})
	for _, tc := range []struct {
		name, stdin string
		args        []string
	}{
		{"empty folder", "", []string{"report", empty}},
		{"only binary files", "", []string{"report", binary}},
		{"empty stdin", "", []string{"report", "-"}},
		{"claims, empty folder", "", []string{"claims", empty}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmdIn(t, tc.stdin, t.TempDir(), tc.args...)
			assert.Equal(t, ExitError, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
			assert.Contains(t, r.stderr, "no documents read")
			assert.Contains(t, r.stderr, "--allow-empty")
			assert.NotContains(t, r.stdout, "No discrepancies found")
			r = runCmdIn(t, tc.stdin, t.TempDir(), append(tc.args, "--allow-empty")...)
			assert.Equal(t, ExitOK, r.code, "--allow-empty: stderr: %s", r.stderr)
		})
	}
}
