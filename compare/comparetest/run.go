package comparetest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestingT is what Run needs of a test: *testing.T satisfies it. It is an
// interface, not *testing.T, so that wrappers of a test (a test framework's
// own T, a recorder in this package's tests) can be passed; nothing here
// needs testify or any other assertion library.
type TestingT interface {
	Helper()
	Errorf(format string, args ...any)
	Run(name string, f func(t *testing.T)) bool
}

// Reporter is what a single case reports its failures to.
type Reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// Run runs every case under dir (a directory searched recursively for
// *.txtar files, or one case file) as a subtest named after the case's path
// below dir without the extension, so `go test -run 'TestCases/quake'`
// selects cases. A case fails with one error per unmet expectation and per
// unexpected finding; a malformed case fails with its file:line. A dir with
// no cases is an error too: a mistyped path must not pass silently.
func Run(t TestingT, dir string, opts ...Option) {
	t.Helper()
	files, err := Cases(dir)
	if err != nil {
		t.Errorf("comparetest: %v", err)
		return
	}
	if len(files) == 0 {
		t.Errorf("comparetest: no *.txtar cases under %s", dir)
		return
	}
	for _, f := range files {
		t.Run(caseName(dir, f), func(t *testing.T) {
			t.Helper()
			RunCase(t, f, opts...)
		})
	}
}

// RunCase checks one case file and reports each problem to t. Run calls it
// per subtest; call it directly to run a single case, or to report to
// something other than a *testing.T.
func RunCase(t Reporter, path string, opts ...Option) {
	t.Helper()
	res, err := Check(path, opts...)
	if err != nil {
		t.Errorf("malformed case: %v", err)
		return
	}
	for _, p := range res.Problems {
		t.Errorf("%s", p.Message)
	}
}

// caseName is the subtest name of a case: its path below dir, with slashes
// (subtest names keep them, and -run matches them level by level), without
// ".txtar".
func caseName(dir, file string) string {
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == "." {
		rel = filepath.Base(file)
	}
	return strings.TrimSuffix(filepath.ToSlash(rel), ".txtar")
}
