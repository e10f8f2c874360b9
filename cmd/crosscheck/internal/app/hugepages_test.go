package app

import (
	"runtime/debug"
	"testing"
)

// HugeHeap holds the collector off only while its buffer exists: the
// setting it found is the setting it leaves.
func TestHugeHeapKeepsGCPercent(t *testing.T) {
	for _, percent := range []int{200, 50, -1} {
		old := debug.SetGCPercent(percent)
		HugeHeap(8 << 20)
		got := debug.SetGCPercent(old)
		if got != percent {
			t.Errorf("GC percent %d before HugeHeap, %d after", percent, got)
		}
	}
}
