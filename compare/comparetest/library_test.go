package comparetest

import (
	"flag"
	"os"
	"testing"
)

var pending = flag.Bool("pending", false, "also run testdata/cases-pending and say which of its cases now pass")

// TestCaseLibrary runs the project's own case library: every story in
// testdata/cases must give exactly the findings it expects.
func TestCaseLibrary(t *testing.T) {
	Run(t, "../../testdata/cases")
}

// TestPendingCases runs, with -pending, the cases the engine gets wrong
// today (each says what the right result is). It never fails: it lists the
// cases that now pass, which are ready to move to testdata/cases, so that
// a fix to the engine is noticed and pinned down by a case.
func TestPendingCases(t *testing.T) {
	if !*pending {
		t.Skip("run with -pending to see which pending cases now pass")
	}
	files, err := Cases("../../testdata/cases-pending")
	if err != nil {
		if os.IsNotExist(err) {
			t.Skip("no pending cases")
		}
		t.Fatal(err)
	}
	for _, f := range files {
		res, err := Check(f)
		switch {
		case err != nil:
			t.Errorf("%v", err)
		case res.Passed():
			t.Logf("PASSES NOW, move it to testdata/cases: %s", f)
		default:
			t.Logf("still pending: %s (%d problems)", f, len(res.Problems))
		}
	}
}
