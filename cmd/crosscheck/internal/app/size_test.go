package app

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"5000": 5000, "500K": 500 << 10, "64MB": 64 << 20, "1g": 1 << 30, "1.5M": 3 << 19, "20 kb": 20 << 10, "7B": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "1X", "MB", "1e30G"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}
