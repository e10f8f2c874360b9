package app

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
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

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := runCmd(t, args...)
		assert.Equal(t, ExitOK, r.code, r.stderr)
		assert.Regexp(t, `^crosscheck \S+ \(revision \S+.*\), report schema version 1\n$`, r.stdout)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, cmd := range []string{"report", "claims", "verify", "review"} {
		for _, h := range []string{"-h", "--help"} {
			r := runCmd(t, cmd, h)
			assert.Equal(t, ExitOK, r.code, "%s %s: %s", cmd, h, r.stderr)
			assert.Contains(t, r.stderr, "Usage", "%s %s", cmd, h)
		}
	}
}

func TestOutputFlag(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, flag, want string }{
		{"r.html", "-o", "<!DOCTYPE html>"},
		{"r.md", "--output", "# "},
		{"r.csv", "-o", "id,severity,"},
		{"r.json", "--output", `"version": 1`},
		{"r.txt", "-o", "FINDING"},
	} {
		p := filepath.Join(dir, tc.name)
		r := runCmd(t, "report", tc.flag, p, exampleDir)
		assert.Equal(t, ExitFindings, r.code, r.stderr)
		b, err := os.ReadFile(p)
		assert.NoError(t, err)
		assert.Contains(t, string(b), tc.want, tc.name)
		assert.Empty(t, r.stdout)
	}
	// --format wins over the extension.
	p := filepath.Join(dir, "x.html")
	runCmd(t, "report", "--format", "json", "-o", p, exampleDir)
	b, _ := os.ReadFile(p)
	assert.Contains(t, string(b), `"version": 1`)
}

// An -o that cannot be written fails at once, before any article is read.
func TestUnwritableOutputFailsFirst(t *testing.T) {
	p := filepath.Join(t.TempDir(), "no", "such", "dir", "r.html")
	r := runCmd(t, "report", "-o", p, exampleDir)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, p)
	assert.NotContains(t, r.stderr, "read 5 documents")
}

func TestFailOnNone(t *testing.T) {
	for _, v := range []string{"none", "never"} {
		r := runCmd(t, "report", "--fail-on", v, exampleDir)
		assert.Equal(t, ExitOK, r.code, r.stderr)
		assert.Contains(t, r.stdout, "CC-")
	}
}

func TestUnknownLanguage(t *testing.T) {
	r := runCmd(t, "report", "--lang", "fr", exampleDir)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `unknown language "fr"`)
	assert.Contains(t, r.stderr, "en, id")
}

func TestNoColorFlag(t *testing.T) {
	env, out, _ := testEnv("", t.TempDir())
	env.IsTerminal = func(io.Writer) bool { return true }
	Run([]string{"report", exampleDir}, env)
	assert.Contains(t, out.String(), "\x1b[", "a terminal gets colour")
	env, out, _ = testEnv("", t.TempDir())
	env.IsTerminal = func(io.Writer) bool { return true }
	code := Run([]string{"report", "--no-color", exampleDir}, env)
	assert.Equal(t, ExitFindings, code)
	assert.NotContains(t, out.String(), "\x1b[")
}

func TestWarningsNamePathOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "December 30, 2024\nThe ferry sailed at noon \xff\xfe\xfd on Monday.\n"})
	r := runCmdIn(t, "", t.TempDir(), "report", dir)
	p := filepath.Join(dir, "a.txt")
	assert.Contains(t, r.stderr, "warning: "+p+": not valid UTF-8")
	assert.Equal(t, 1, strings.Count(r.stderr, p), r.stderr)
}

func TestStaleDecisionWarnedOnce(t *testing.T) {
	wd := t.TempDir()
	writeFiles(t, wd, map[string]string{".crosscheck-review.yaml": "version: 1\ndecisions:\n  - id: CC-0000000000\n    status: dismissed\n    reason: gone\n"})
	rf := filepath.Join(wd, ".crosscheck-review.yaml")
	for _, format := range []string{"table", "markdown", "json"} {
		r := runCmdIn(t, "", wd, "report", "--review-file", rf, "--format", format, exampleDir)
		assert.Equal(t, ExitFindings, r.code, r.stderr)
		assert.Equal(t, 1, strings.Count(r.stdout+r.stderr, "CC-0000000000 (dismissed)"), "%s: stdout:\n%s\nstderr:\n%s", format, r.stdout, r.stderr)
	}
}

func TestMinSeverityHiddenCounted(t *testing.T) {
	r := runCmd(t, "report", "--min-severity", "medium", exampleDir)
	assert.Contains(t, r.stderr, "1 finding below --min-severity medium hidden")
	r = runCmd(t, "report", "--min-severity", "high", exampleDir)
	assert.Contains(t, r.stderr, "2 findings below --min-severity high hidden")
	r = runCmd(t, "report", exampleDir)
	assert.NotContains(t, r.stderr, "--min-severity")
}

func TestClaimsHonoursConfigFormat(t *testing.T) {
	wd := t.TempDir()
	writeFiles(t, wd, map[string]string{".crosscheck.yaml": "format: json\n"})
	r := runCmdIn(t, "", wd, "claims", exampleDir)
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "{"), r.stdout[:min(len(r.stdout), 200)])
	// A report-only format in the config leaves claims at its default.
	writeFiles(t, wd, map[string]string{".crosscheck.yaml": "format: html\n"})
	r = runCmdIn(t, "", wd, "claims", exampleDir)
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "│ WHERE")
}

func TestStdinJSONLAndDoubleDash(t *testing.T) {
	feed := `{"id":"w1","text":"December 30, 2024. Floods killed 12 people in Sinuiju."}` + "\n" +
		`{"id":"w2","text":"December 31, 2024. Floods killed 40 people in Sinuiju."}` + "\n"
	for _, args := range [][]string{{"claims", "--format", "json", "-"}, {"claims", "--format", "json", "--stdin-format", "jsonl", "-"}} {
		r := runCmdIn(t, feed, t.TempDir(), args...)
		assert.Equal(t, ExitOK, r.code, r.stderr)
		assert.Contains(t, r.stdout, `"id": "w1"`)
		assert.Contains(t, r.stdout, `"id": "w2"`)
		assert.Contains(t, r.stderr, "read 2 documents")
	}
	r := runCmdIn(t, feed, t.TempDir(), "report", "-", "-")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `"-" (standard input) given twice`)
	r = runCmdIn(t, feed, t.TempDir(), "report", "--stdin-format", "xml", "-")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "--stdin-format")
}

func TestReviewIDs(t *testing.T) {
	wd := t.TempDir()
	r := runCmdIn(t, "", wd, "review", "CC-nothex1234", "--confirm", "--reason", "x")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `"CC-nothex1234" is not a finding id`)
	_, err := os.Stat(filepath.Join(wd, ".crosscheck-review.yaml"))
	assert.True(t, os.IsNotExist(err), "nothing written")

	r = runCmdIn(t, "", wd, "review", "cc-06752D9801", "--dismiss", "--reason", "checked: June 2024", "--by", "ana")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "CC-06752d9801 dismissed in "+filepath.Join(wd, ".crosscheck-review.yaml"))
	r = runCmdIn(t, "", wd, "review", "CC-06752d9801", "--confirm", "--reason", "2023 is wrong")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "replaces the earlier decision: dismissed by ana at 2025-01-02T03:04:05Z (checked: June 2024)")
	b, err := os.ReadFile(filepath.Join(wd, ".crosscheck-review.yaml"))
	assert.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(b), "id: "), string(b))
}

// The review file is found as the configuration is: walking up from the
// working directory, else beside the configuration; the report says which
// file it applied.
func TestReviewFileFound(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "desk", "today")
	writeFiles(t, root, map[string]string{"desk/today/.keep": ""})
	r := runCmdIn(t, "", root, "review", "CC-06752d9801", "--dismiss", "--reason", "checked")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	rep := runCmdIn(t, "", sub, "report", exampleDir)
	assert.Contains(t, rep.stderr, "review decisions: "+filepath.Join(root, ".crosscheck-review.yaml")+" (1 decision)")
	assert.NotContains(t, rep.stdout, "CC-06752d9801")
	assert.Contains(t, rep.stderr, "1 dismissed finding(s) hidden")

	// Beside the configuration, when none is found on the way up.
	cfgDir := t.TempDir()
	wd := filepath.Join(cfgDir, "sub")
	writeFiles(t, cfgDir, map[string]string{".crosscheck.yaml": "format: table\n", "sub/.keep": ""})
	r = runCmdIn(t, "", wd, "review", "CC-06752d9801", "--confirm", "--reason", "checked")
	assert.Equal(t, ExitOK, r.code, r.stderr)
	_, err := os.Stat(filepath.Join(cfgDir, ".crosscheck-review.yaml"))
	assert.NoError(t, err)
	rep = runCmdIn(t, "", wd, "report", exampleDir)
	assert.Contains(t, rep.stderr, "review decisions: "+filepath.Join(cfgDir, ".crosscheck-review.yaml"))
}

func TestClaimReviewWarnings(t *testing.T) {
	wd := t.TempDir()
	// Nothing confirmed, no author: both said on standard error.
	r := runCmdIn(t, "", wd, "report", "--format", "claimreview", exampleDir)
	assert.Equal(t, "[]\n", r.stdout)
	assert.Contains(t, r.stderr, "warning: claimreview_author is not set")
	assert.Contains(t, r.stderr, "no confirmed findings: nothing to draft")

	writeFiles(t, wd, map[string]string{".crosscheck.yaml": "claimreview_author: Example Fact Desk\n"})
	runCmdIn(t, "", wd, "review", "CC-06752d9801", "--confirm", "--reason", "signed June 2024")
	r = runCmdIn(t, "", wd, "report", "--format", "claimreview", exampleDir)
	assert.NotContains(t, r.stderr, "claimreview_author")
	assert.NotContains(t, r.stderr, "no confirmed findings")
	var drafts []map[string]any
	assert.NoError(t, json.Unmarshal([]byte(r.stdout), &drafts), r.stdout)
	if assert.Len(t, drafts, 1) {
		got := drafts[0]["claimReviewed"].(string)
		assert.Contains(t, got, "in 2023")
		assert.Greater(t, len(got), len("in 2023")+20, "the sentence, not the span: %q", got)
	}
}

func TestJSONEncoding(t *testing.T) {
	dir := t.TempDir()
	text := "December 30, 2024\nFloods in Sinuiju killed 12 people, officials said.\n"
	var le []byte
	le = append(le, 0xff, 0xfe)
	for _, r := range text {
		le = append(le, byte(r), 0)
	}
	writeFiles(t, dir, map[string]string{"a.txt": string(le), "b.txt": "December 31, 2024\nFloods in Sinuiju killed 40 people, officials said.\n"})
	rep, _ := reportJSON(t, dir)
	enc := map[string]string{}
	for _, d := range rep.Documents {
		enc[d.ID] = d.Encoding
	}
	assert.Equal(t, map[string]string{"a": "utf-16le", "b": "utf-8"}, enc)
	for _, c := range rep.Claims {
		if c.Doc == "a" {
			assert.Equal(t, c.Text, text[c.Start:c.End], "offsets refer to the decoded UTF-8 text")
		}
	}
}

// A run that fails leaves an existing -o file as it was, and removes one
// it created.
func TestFailedRunKeepsOutputFile(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.html")
	writeFiles(t, dir, map[string]string{"old.html": "yesterday's report"})
	r := runCmd(t, "report", "-o", old, t.TempDir()) // an empty folder: exit 2
	assert.Equal(t, ExitError, r.code)
	b, err := os.ReadFile(old)
	assert.NoError(t, err)
	assert.Equal(t, "yesterday's report", string(b))

	fresh := filepath.Join(dir, "new.html")
	r = runCmd(t, "report", "-o", fresh, t.TempDir())
	assert.Equal(t, ExitError, r.code)
	_, err = os.Stat(fresh)
	assert.True(t, os.IsNotExist(err), "no empty report left behind")

	r = runCmd(t, "report", "-o", old, exampleDir)
	assert.Equal(t, ExitFindings, r.code)
	b, _ = os.ReadFile(old)
	assert.True(t, strings.HasPrefix(string(b), "<!DOCTYPE html>"), "a successful run replaces it")
	assert.NotContains(t, string(b), "yesterday")
}
