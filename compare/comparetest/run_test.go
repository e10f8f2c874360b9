package comparetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a Reporter that keeps what it is told.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

const pactArticles = `-- 001.txt --
December 30, 2024
Kim vows toughest line as party plenary closes

Kim Jong Un told the party plenary that North Korea would meet US pressure head on.

Earlier in 2023, Kim and Russian President Vladimir Putin signed a mutual defence pact.
-- 002.txt --
JAKARTA, Senin (30/12/2024) - Kim Jong Un menutup rapat pleno partai dengan seruan sikap keras terhadap Amerika Serikat.

Kim dan Presiden Rusia Vladimir Putin telah meneken pakta pertahanan bersama pada bulan Juni lalu.
`

func TestRunCaseReportsBothWays(t *testing.T) {
	// Expecting the wrong side and missing the real finding: one unmet
	// expectation and one unexpected finding, each one error.
	p := writeCase(t, "pact.txtar", pactArticles+"-- expect --\nconflict count pact.signed \"Earlier in 2023\" <> \"pada bulan Juni\"\n")
	var r recorder
	RunCase(&r, p)
	if len(r.errs) != 2 {
		t.Fatalf("want 2 errors, got %d:\n%s", len(r.errs), strings.Join(r.errs, "\n"))
	}
	if want := p + `:13: missing finding: conflict count pact.signed "Earlier in 2023" <> "pada bulan Juni"`; !strings.HasPrefix(r.errs[0], want) {
		t.Errorf("first error should start %q:\n%s", want, r.errs[0])
	}
	for _, want := range []string{p + ": unexpected finding:", `"Earlier in 2023" at 001:6 (` + p + `:7)`, `"bulan Juni" at 002:3 (` + p + `:11)`,
		`expect it with: conflict date pact.signed "Earlier in 2023" <> "bulan Juni"`} {
		if !strings.Contains(r.errs[1], want) {
			t.Errorf("second error lacks %q:\n%s", want, r.errs[1])
		}
	}

	r = recorder{}
	RunCase(&r, writeCase(t, "ok.txtar", pactArticles+"-- expect --\nconflict date pact.signed \"Earlier in 2023\" <> \"bulan Juni\"\n"))
	if len(r.errs) != 0 {
		t.Errorf("passing case reported: %v", r.errs)
	}

	r = recorder{}
	bad := writeCase(t, "bad.txtar", pactArticles+"-- expect --\nconflict date pact.signed \"Earlier in 2023\" <>\n")
	RunCase(&r, bad)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], bad+":13: conflict: no phrase after") {
		t.Errorf("malformed case: %v", r.errs)
	}
}

func TestCases(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txtar", "a/z.txtar", "a/y.txtar", "notes.txt", "_parked/x.txtar", ".hidden/x.txtar", "a/.x.txtar"} {
		p = filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got, err := Cases(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a/y.txtar"), filepath.Join(dir, "a/z.txtar"), filepath.Join(dir, "b.txtar")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Cases = %v, want %v", got, want)
	}
	if got, _ := Cases(filepath.Join(dir, "b.txtar")); len(got) != 1 {
		t.Errorf("a file is its own case list: %v", got)
	}
	if _, err := Cases(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing directory: no error")
	}
	if n := caseName(dir, filepath.Join(dir, "a/y.txtar")); n != "a/y" {
		t.Errorf("caseName = %q", n)
	}
	if n := caseName(filepath.Join(dir, "b.txtar"), filepath.Join(dir, "b.txtar")); n != "b" {
		t.Errorf("caseName of a file = %q", n)
	}
}

// TestRunSubtests runs Run for real in a child test process, so that its
// failures (the behaviour under test) do not fail this test, and checks
// what go test prints: one subtest per case, named after the file, failing
// with the harness's messages; and an empty directory failing too.
func TestRunSubtests(t *testing.T) {
	if dir := os.Getenv("COMPARETEST_CHILD_DIR"); dir != "" {
		Run(t, dir)
		return
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txtar"), []byte(pactArticles+"-- expect --\nconflict date pact.signed \"2023\" <> \"Juni\"\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "bad.txtar"), []byte(pactArticles+"-- expect --\nnone \"Juni\"\n"), 0o644)

	out, err := child(t, dir)
	if err == nil {
		t.Fatalf("child passed, want failure:\n%s", out)
	}
	for _, want := range []string{
		"--- PASS: TestRunSubtests/good",
		"--- FAIL: TestRunSubtests/sub/bad",
		`bad.txtar:13: none "Juni": a finding mentions it`,
		"bad.txtar: unexpected finding:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}

	out, err = child(t, t.TempDir())
	if err == nil || !strings.Contains(out, "no *.txtar cases under") {
		t.Errorf("empty directory: err %v, output:\n%s", err, out)
	}
}

func child(t *testing.T, dir string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRunSubtests$", "-test.v")
	cmd.Env = append(os.Environ(), "COMPARETEST_CHILD_DIR="+dir)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
