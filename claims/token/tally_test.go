package token

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// tallyClasses is a Tally's class table for the tests: each slot a
// random class of the eight below 8, so that every path of the scanner
// counts into several.
func tallyClasses() *[1 << 15]uint8 {
	var t [1 << 15]uint8
	r := rand.New(rand.NewPCG(9, 10))
	for i := range t {
		t[i] = uint8(r.IntN(8))
	}
	return &t
}

// tallyRef counts, as a Tally does, the words among the first limit
// tokens of toks by their class.
func tallyRef(classes *[1 << 15]uint8, toks []Token, limit int) (counts [256]uint32) {
	for i := 0; i < len(toks) && i < limit; i++ {
		if toks[i].Kind == Word {
			counts[classes[toks[i].Hash>>17]]++
		}
	}
	return counts
}

// checkTally scans text with a tally of limit tokens into a buffer that
// already holds pre tokens (ScanTally counts from the first it appends)
// and checks the tokens against Scan's and the counts against tallyRef's.
func checkTally(t *testing.T, classes *[1 << 15]uint8, text string, limit, pre int) {
	t.Helper()
	tl := &Tally{Classes: classes, Limit: limit}
	buf := Scan(strings.Repeat("x ", pre), nil)
	got := ScanTally(text, buf, tl)
	want := Scan(text, nil)
	if !slices.Equal(got[pre:], want) {
		t.Fatalf("%.80q: ScanTally's tokens are not Scan's", text)
	}
	if ref := tallyRef(classes, want, limit); tl.Counts != ref {
		t.Fatalf("%.80q, limit %d after %d tokens: counts %v, want %v", text, limit, pre, tl.Counts[:8], ref[:8])
	}
}

// TestScanTally: a Tally counts the words of exactly the first Limit
// tokens appended, whichever path of the scanner made them (scanRun's
// lower-case and capitalised words, scanOne's others, scanTail's last),
// with the limit anywhere among them and room of any size left in dst.
func TestScanTally(t *testing.T) {
	classes := tallyClasses()
	texts := []string{
		"", "a", "Ab", "the cat sat", "KIM Jong Un met Xi. JAKARTA, Kompas - Ämter İstanbul G20 COVID19\nSenin (30/12/2024) x",
		strings.Repeat("Jérôme said the café ÉCOLE 5,000 abc12 ", 200), strings.Repeat("word ", 5000) + "end",
	}
	r := rand.New(rand.NewPCG(11, 12))
	alphabet := []string{"a", "bc", "Z", "Qx", "É", "é", "7", " ", " ", "\n", ",", ".", "Abcdefghijklmnopqr", "東", "\xff"}
	for range 200 {
		var b strings.Builder
		for k := r.IntN(400); k > 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		n := len(Scan(text, nil))
		for _, limit := range []int{0, 1, 2, n / 3, n / 2, n - 1, n, n + 1, 3000} {
			checkTally(t, classes, text, max(limit, 0), 0)
			checkTally(t, classes, text, max(limit, 0), 3)
		}
	}
}

// FuzzScanTally: on any text and limit, ScanTally's tokens are Scan's and
// its counts those of the words among the first limit.
func FuzzScanTally(f *testing.F) {
	for _, s := range []string{"", "Jakarta said", "KIM Jong Un", "A b C", "Ängel café G20 x1", "Rabu (27/11) – ok\n"} {
		f.Add(s, uint16(2))
	}
	classes := tallyClasses()
	f.Fuzz(func(t *testing.T, text string, limit uint16) {
		checkTally(t, classes, text, int(limit), int(limit%5))
	})
}
