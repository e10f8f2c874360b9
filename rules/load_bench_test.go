package rules

import "testing"

// BenchmarkLoadBuiltin is the rule compile every run of the command pays
// at start-up.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
