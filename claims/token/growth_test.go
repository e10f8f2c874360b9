package token

import (
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// Scan's buffer holds every token without being far too large: room for
// one token per five bytes up front (a long text measured first), and a
// full buffer is doubled, not grown by a quarter.
func TestScanGrowth(t *testing.T) {
	texts := append(shapedTexts(),
		strings.Repeat("1,2,3;4.5(6)7-8/9", 20000), // far denser than Scan's guess
	)
	for _, text := range texts {
		toks := Scan(text, nil)
		first := len(text)/5 + 4
		if len(text) >= estimateFrom {
			first = tokenEstimate(text)
		}
		if n := len(toks); cap(toks) > max(first, 2*n+n/4+8) { // doubled, and rounded up to a size class
			t.Errorf("%d tokens in a buffer of %d (first room %d), in %.60q", n, cap(toks), first, text)
		}
	}
}

// A text denser than Scan's first room (one too short to be measured)
// allocates its tokens about twice over (the doubled buffers), not some
// five times (growth by a quarter).
func TestScanGrowthAllocations(t *testing.T) {
	text := strings.Repeat("1,2,3;4.5(6)7-8/9", (estimateFrom-1)/17)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	toks := Scan(text, nil)
	runtime.ReadMemStats(&after)
	final := uint64(cap(toks)) * uint64(unsafe.Sizeof(Token{}))
	if got := after.TotalAlloc - before.TotalAlloc; got > 3*final {
		t.Errorf("%d bytes allocated for a %d-byte buffer of %d tokens", got, final, len(toks))
	}
}
