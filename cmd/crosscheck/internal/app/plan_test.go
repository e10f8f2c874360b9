package app

import (
	"os"
	"path/filepath"
	"testing"
)

// planInputs: only JSON and JSON Lines may run as an archive, never with
// --spill never, and with --spill auto only for inputs over smallInput
// bytes (a small directory is read into memory, its files stated once for
// reading) or standard input, whose size is not known.
func TestPlanInputs(t *testing.T) {
	t.Setenv("CROSSCHECK_HUGEPAGES", "off") // no 512 MB heap for a test
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Two ferries sank on 3 May 2024.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		format, spill string
		paths         []string
		archive       bool
		stated        int
	}{
		{"json", "auto", []string{dir}, false, 2},
		{"jsonl", "auto", []string{dir}, false, 2},
		{"json", "always", []string{dir}, true, 0},
		{"json", "never", []string{dir}, false, 0},
		{"json", "auto", []string{"-"}, true, 0},
		{"json", "auto", []string{dir, "-"}, true, 0},
		{"table", "auto", []string{dir}, false, 0},
		{"html", "always", []string{dir}, false, 0},
	}
	for _, tt := range tests {
		f := &reportFlags{format: tt.format, spill: tt.spill}
		plan := f.planInputs(tt.paths)
		if plan.archive != tt.archive || len(plan.stated) != tt.stated {
			t.Errorf("%s --spill %s %v: archive %v, %d stated; want %v, %d",
				tt.format, tt.spill, tt.paths, plan.archive, len(plan.stated), tt.archive, tt.stated)
		}
	}
}
