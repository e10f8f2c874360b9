package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const verifyArticles = `The seed story's pact discrepancy.
-- 001.txt --
December 30, 2024
Kim vows toughest line as party plenary closes

Kim Jong Un told the party plenary that North Korea would meet US pressure head on.

Earlier in 2023, Kim and Russian President Vladimir Putin signed a mutual defence pact.
-- 002.txt --
JAKARTA, Senin (30/12/2024) - Kim Jong Un menutup rapat pleno partai dengan seruan sikap keras terhadap Amerika Serikat.

Kim dan Presiden Rusia Vladimir Putin telah meneken pakta pertahanan bersama pada bulan Juni lalu.
-- expect --
`

// runVerifyIn runs "crosscheck verify args..." with a working directory of
// its own (so no .crosscheck.yaml of the developer's is picked up).
func runVerifyIn(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	wd := t.TempDir()
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:     func(string) string { return "" },
		Getwd:      func() (string, error) { return wd, nil },
		IsTerminal: func(io.Writer) bool { return false },
		TermWidth:  func(io.Writer) int { return 100 },
		Now:        func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
	code = Run(append([]string{"verify"}, args...), env)
	return code, out.String(), errb.String()
}

func caseDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const pactExpect = `conflict date pact.signed "Earlier in 2023" <> "bulan Juni"` + "\n"

func TestVerifyPass(t *testing.T) {
	dir := caseDir(t, map[string]string{"pact.txtar": verifyArticles + pactExpect, "sub/again.txtar": verifyArticles + pactExpect})
	code, out, errs := runVerifyIn(t, dir)
	if code != ExitOK {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	want := "PASS " + filepath.Join(dir, "pact.txtar") + "\nPASS " + filepath.Join(dir, "sub/again.txtar") + "\n2 passed, 0 failed\n"
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	// -q keeps only the summary for passing cases; a file path works too.
	code, out, _ = runVerifyIn(t, "-q", filepath.Join(dir, "pact.txtar"))
	if code != ExitOK || out != "1 passed, 0 failed\n" {
		t.Errorf("-q: exit %d, stdout %q", code, out)
	}
}

func TestVerifyFail(t *testing.T) {
	// Case line 14 expects the wrong kind; the real finding is then
	// unexpected as well.
	dir := caseDir(t, map[string]string{
		"ok.txtar":    verifyArticles + pactExpect,
		"wrong.txtar": verifyArticles + `conflict count pact.signed "Earlier in 2023" <> "pada bulan Juni"` + "\n",
	})
	wrong := filepath.Join(dir, "wrong.txtar")
	code, out, _ := runVerifyIn(t, dir)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{
		"PASS " + filepath.Join(dir, "ok.txtar") + "\n",
		"FAIL " + wrong + "\n",
		wrong + `:14: missing finding: conflict count pact.signed "Earlier in 2023" <> "pada bulan Juni"`,
		wrong + ": unexpected finding:",
		`side 1: "Earlier in 2023" at 001:6 (` + wrong + ":8)",
		`side 2: "bulan Juni" at 002:3 (` + wrong + ":12)",
		`expect it with: conflict date pact.signed "Earlier in 2023" <> "bulan Juni"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "\n1 passed, 1 failed\n") {
		t.Errorf("summary line missing or wrong:\n%s", out)
	}
}

func TestVerifyMalformed(t *testing.T) {
	dir := caseDir(t, map[string]string{
		"ok.txtar":  verifyArticles + pactExpect,
		"bad.txtar": verifyArticles + "\n# a comment\nconflict date pact.signed 2023 <> \"Juni\"\n",
	})
	bad := filepath.Join(dir, "bad.txtar")
	code, out, errs := runVerifyIn(t, dir)
	if code != ExitError {
		t.Fatalf("exit %d, want 2\n%s", code, out)
	}
	for _, want := range []string{bad + ":16: conflict: ", "quote the phrases"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// The other case still ran, and the summary counts the malformed one
	// as failed.
	if !strings.Contains(out, "PASS "+filepath.Join(dir, "ok.txtar")) || !strings.HasSuffix(out, "1 passed, 1 failed\n") {
		t.Errorf("stdout:\n%s", out)
	}
}

func TestVerifyUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "no case files or directories given"},
		{[]string{filepath.Join(t.TempDir(), "missing")}, "no such file"},
		{[]string{t.TempDir()}, "no *.txtar cases found"},
		{[]string{"--rules", filepath.Join(t.TempDir(), "nope"), t.TempDir()}, "nope"},
		{[]string{"--bogus"}, "flag provided but not defined"},
	} {
		code, _, errs := runVerifyIn(t, tt.args...)
		if code != ExitError || !strings.Contains(errs, tt.want) {
			t.Errorf("verify %v: exit %d, stderr %q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
}

// TestVerifyCaseLibrary is the acceptance check: the project's own
// case library passes through the command.
func TestVerifyCaseLibrary(t *testing.T) {
	code, out, errs := runVerifyIn(t, "-q", filepath.Join("..", "..", "..", "..", "testdata", "cases"))
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.HasSuffix(out, " passed, 0 failed\n") {
		t.Errorf("stdout:\n%s", out)
	}
}

// A phrase no article contains, or a misspelt attribute, makes the case
// malformed: exit 2, with the case line named.
func TestVerifyUncheckableExpectation(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{`none "Senn"`, `:14: none: "Senn": no article contains it`},
		{`unpaired 001:"no such words"`, `:14: unpaired: "no such words": no article (document 001) contains it`},
		{`conflict date pact.signd "Earlier in 2023" <> "pada bulan Juni"`, `:14: conflict: unknown attribute "pact.signd" (did you mean pact.signed?); the attributes are: `},
	} {
		dir := caseDir(t, map[string]string{"c.txtar": verifyArticles + tt.line + "\n"})
		code, out, errs := runVerifyIn(t, dir)
		if code != ExitError || !strings.Contains(errs, filepath.Join(dir, "c.txtar")+tt.want) {
			t.Errorf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", tt.line, code, out, errs)
		}
		if strings.Contains(out, "unexpected finding") {
			t.Errorf("%s: reported as unexpected finding too:\n%s", tt.line, out)
		}
	}
}
