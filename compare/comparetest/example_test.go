package comparetest_test

import (
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

// Check runs one case: the two articles of testdata/pact.txtar and its one
// expectation, conflict date pact.signed "Earlier in 2023" <> "pada bulan
// Juni".
func ExampleCheck() {
	res, err := comparetest.Check("testdata/pact.txtar")
	if err != nil {
		fmt.Println("malformed:", err)
		return
	}
	for _, d := range res.Report.Discrepancies {
		fmt.Println(d.Category, d.Kind, d.Attribute)
	}
	fmt.Println("passed:", res.Passed())
	for _, p := range res.Problems {
		fmt.Println(p)
	}
	// Output:
	// conflict date pact.signed
	// passed: true
}

// In a newsroom's own repository, one test runs the whole case library,
// one subtest per case:
//
//	go test -run TestStories/pact ./...
func ExampleRun() {
	// func TestStories(t *testing.T) {
	// 	comparetest.Run(t, "testdata/stories")
	// }
	var t *testing.T // the *testing.T of a test function
	if t != nil {
		comparetest.Run(t, "testdata/stories")
	}
}
