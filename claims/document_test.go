package claims

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
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

// TestCountRunes holds countRunes to utf8.RuneCountInString on ASCII,
// multi-byte and invalid text, across the eight-byte boundaries.
func TestCountRunes(t *testing.T) {
	texts := []string{"", "a", "exactly8", "nine byte", "Jakarta, Rabu (27/11/2024) — Presiden", "héllo wörld, ünïcode everywhere",
		"abcdefg\xff\xfe tail", "\x80\x80\x80\x80\x80\x80\x80\x80\x80", strings.Repeat("ab€", 20), "日本語のテキストと ASCII text mixed 1234567"}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			require.Equal(t, utf8.RuneCountInString(s[i:]), countRunes(s[i:]), "%q from %d", s, i)
		}
	}
}

func FuzzCountRunes(f *testing.F) {
	f.Add("plain ascii text of some length")
	f.Add("mixed ü and \xff bytes")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countRunes(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("countRunes(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestLineOf: LineOf gives Position's line at every offset, out of range
// too, asked in text order and out of it.
func TestLineOf(t *testing.T) {
	text := "Jakarta\n\nSenin (30/12/2024)\r\nline three\u2028same line\n\nlast"
	r := rand.New(rand.NewPCG(5, 6))
	for _, inOrder := range []bool{true, false} {
		d := &Document{Text: text}
		for k := -2; k <= len(text)+2; k++ {
			off := k
			if !inOrder {
				off = r.IntN(len(text)+5) - 2
			}
			want, _ := d.Position(off)
			require.Equal(t, want, d.LineOf(off), "offset %d", off)
		}
	}
}
