package token

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
)

// The scanner as it was before its dispatch table and its lower-case fast
// path: TestScanReference holds the new one to it, token for token.

func scanRef(text string, dst []Token) []Token {
	// Room up front, so that a large document is not copied over and
	// over as it grows: news text has about one token per six bytes, so
	// one per five; a long text is measured (tokenEstimate), since a page
	// of figures has several times as many.
	need := len(text)/5 + 4
	if len(text) >= estimateFrom {
		need = tokenEstimate(text)
	}
	if need += len(dst); cap(dst) < need {
		dst = append(make([]Token, 0, need), dst...)
	}
	var flags uint8
	var low lowerArena
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == '\n':
			flags |= NewlineBefore | SpaceBefore
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			flags |= SpaceBefore
			i++
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			s := text[i:j]
			dst = append(room(dst), Token{Start: i, End: j, Kind: Number, Flags: flags, Hash: HashString(s), Text: s, Lower: s})
			flags = 0
			i = j
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				dst = low.wordRef(dst, text, i, flags)
				flags = 0
				i = dst[len(dst)-1].End
				continue
			}
			s := text[i : i+1]
			dst = append(room(dst), Token{Start: i, End: i + 1, Kind: Punct, Flags: flags, Hash: HashString(s), Text: s, Lower: s})
			flags = 0
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r):
				dst = low.wordRef(dst, text, i, flags)
				flags = 0
				i = dst[len(dst)-1].End
			case unicode.IsSpace(r) || r == utf8.RuneError && size == 1:
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					flags |= NewlineBefore
				}
				flags |= SpaceBefore
				i += size
			default:
				s := text[i : i+size]
				dst = append(room(dst), Token{Start: i, End: i + size, Kind: Punct, Flags: flags, Hash: HashString(s), Text: s, Lower: s})
				flags = 0
				i += size
			}
		}
	}
	return dst
}

func scanWordRef(text string, i int) (end int, seen uint8, h uint32) {
	h = 2166136261
	j := i
	for j < len(text) {
		c := text[j]
		k := wordClass[c]
		if k&(classLower|classUpper|classDigit) != 0 {
			seen |= k
			// Lower-case letters and digits have bit 5 set; setting it
			// lowers an upper-case letter.
			h = (h ^ uint32(c|0x20)) * 16777619
			j++
			continue
		}
		if k == 0 {
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		if unicode.IsUpper(r) {
			seen |= classWide | classUpper
		} else {
			seen |= classWide | classLower
		}
		j += size
	}
	return j, seen, h
}

func (a *lowerArena) wordRef(dst []Token, text string, i int, flags uint8) []Token {
	j, seen, h := scanWordRef(text, i)
	s := text[i:j]
	low := s
	if seen&classUpper != 0 {
		low = a.lower(s)
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
			flags |= Capital
		}
		if seen&classLower == 0 && upperLetters(s) > 1 {
			flags |= AllCaps
		}
	}
	if seen&classWide != 0 {
		h = HashString(low)
	} else {
		h = finishHash(h)
	}
	dst = append(room(dst), Token{})
	t := &dst[len(dst)-1]
	t.Start, t.End, t.Kind, t.Flags, t.Hash, t.Text, t.Lower = i, j, Word, flags, h, s, low
	return dst
}

// TestScanReference: Scan gives exactly the tokens (offsets, kinds,
// flags, hashes, texts, lower-case forms) of the reference scanner on real
// articles (when ../shared/corpora is present), on text of every shape the
// tests use, and on random bytes and runes.
func TestScanReference(t *testing.T) {
	texts := []string{
		"",
		"KIM Jong Un met Xi. JAKARTA, Kompas - Ämter İstanbul ÇAĞ Straße DPRK's G20 COVID19 Korut\nSenin (30/12/2024) U.S.-led",
		"Jérôme café naïveté résumé ÉCOLE Zürich 5,000 ½ — “quoted” x1 ABC123def\u2028next\u0085line\u2029p",
		"12abc abc12 a1b2c3 US$5 24-year-old e.g. U.S. don't — «quoted» “smart” café 東京 2024年 \x00\x01\x7f\xff\xfe bad\xc3",
		"\t\r\f\v  \n\n x \r\n Y\vZ",
		strings.Repeat("12,345 5.6 78% 1234\n", 100),
		// Texts ending in a letter or digit run, or in a capital before
		// one (scanRun leaves what reaches runLimit to scanOne), and
		// capitalised words near the end, of up to eight bytes and more.
		"abc X", "X", "Xy", "a", "7", "Abc 2024", "Jakarta", "Mo Tuesday.", "Wednesdays!", "Ab.", "x Abcdefgh", "x Abcdefghi.",
		"Abcdefghijklmnop qr", "Abcdefghijklmnopq rs", "Abcdefghijklmnop.", "x Abcdefghijklmnopqrstuvwxyz abc. Def",
		// All-capitals words: ending at the text's end or at runLimit,
		// of up to 16 bytes and more, followed by digits, lower-case
		// letters or another rune.
		"US", "the US", "US.", "US-led", "DPR RI, KPK.", "x ABCDEFGHIJKLMNOP qr", "x ABCDEFGHIJKLMNOPQ rs",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ abc", "COVID19 G20 ABCdef ABÇ I A. NATO\nUN abc", "IPhone AB7 ab",
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "Z", "q", "É", "é", "ß", "İ", "\u0301", "7", "0", " ", "\n", "\t", ",", ".", "-", "’", "東", "\xff", "\xc3", "\u2028", "Ⅻ", "ǅ"}
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := r.IntN(200); k > 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	if benchcorpus.RealDir() != "" {
		for _, lang := range []string{"en", "id"} {
			texts = append(texts, benchcorpus.LoadReal(t, lang, 1_000_000)...)
		}
	}
	for _, text := range texts {
		got, want := Scan(text, nil), scanRef(text, nil)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", text, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, want %+v", text, i, got[i], want[i])
			}
		}
	}
}

// room makes dst room for one more token, doubling a full slice: append
// grows a large slice by a quarter at a time, which copied the tokens of a
// text denser than Scan's first guess (a page of figures) some five times
// over.
func room(dst []Token) []Token {
	if len(dst) == cap(dst) {
		return slices.Grow(dst, len(dst)+1)
	}
	return dst
}

// FuzzScanReference: on any text, Scan gives the reference scanner's
// tokens.
func FuzzScanReference(f *testing.F) {
	for _, s := range []string{"", "Jakarta said", "KIM Jong Un", "A b C", "Ängel café G20 x1", "Rabu (27/11) – ok\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Scan(text, nil), scanRef(text, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: tokens %+v, want %+v", text, got, want)
		}
	})
}
