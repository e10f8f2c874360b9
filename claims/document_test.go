package claims

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Position counts columns on from the last offset it was asked on the same
// line; in any order of questions it must give what counting from the line
// start gives.
func TestPositionAnyOrder(t *testing.T) {
	text := strings.Repeat("Gempa ber­kekuatan 6,1 — “kuat” 12 km\nshort\n\n", 50) + "no newline at the end é"
	naive := func(off int) (int, int) {
		line := strings.Count(text[:off], "\n") + 1
		start := strings.LastIndexByte(text[:off], '\n') + 1
		return line, utf8.RuneCountInString(text[start:off]) + 1
	}
	d := &Document{Text: text}
	r := rand.New(rand.NewPCG(1, 1))
	var offs []int
	for off := range len(text) + 1 {
		offs = append(offs, off) // in order
	}
	for range 2000 {
		offs = append(offs, r.IntN(len(text)+1)) // and at random
	}
	for _, off := range offs {
		l, c := d.Position(off)
		wl, wc := naive(off)
		if l != wl || c != wc {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, l, c, wl, wc)
		}
	}
}
