package extract

import (
	"math/rand/v2"
	"testing"
)

// TestSameMark holds sameMark to string equality on the marks around
// figures and on random short strings.
func TestSameMark(t *testing.T) {
	marks := []string{"", ",", ".", "-", "–", "—", "%", "'", "’", ",,", ".,", "ab", "a", "abc", "abd"}
	for _, a := range marks {
		for _, b := range marks {
			if got := sameMark(a, b); got != (a == b) {
				t.Errorf("sameMark(%q, %q) = %v", a, b, got)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		a, b := make([]byte, r.IntN(4)), make([]byte, r.IntN(4))
		for i := range a {
			a[i] = byte('a' + r.IntN(3))
		}
		for i := range b {
			b[i] = byte('a' + r.IntN(3))
		}
		if got := sameMark(string(a), string(b)); got != (string(a) == string(b)) {
			t.Fatalf("sameMark(%q, %q) = %v", a, b, got)
		}
	}
}

// TestFourBytes: fourBytes orders strings of four bytes as string
// comparison does, so yearAdjective's bounds are "1800" and "2099".
func TestFourBytes(t *testing.T) {
	if fourBytes("1800") != year1800 || fourBytes("2099") != year2099 {
		t.Fatal("year bounds are not fourBytes of 1800 and 2099")
	}
	r := rand.New(rand.NewPCG(9, 10))
	pick := func() string {
		b := make([]byte, 4)
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = byte('0' + r.IntN(10))
			}
		}
		return string(b)
	}
	for range 200000 {
		a, b := pick(), pick()
		if (fourBytes(a) < fourBytes(b)) != (a < b) || (fourBytes(a) > fourBytes(b)) != (a > b) {
			t.Fatalf("fourBytes orders %q and %q unlike strings", a, b)
		}
	}
}
