package ingest

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	// golang.org/x/text supplies the Windows-1252 table and, through
	// htmlindex, the WHATWG mapping from an HTML page's declared charset
	// label to a decoder (Shift_JIS, GBK, ISO-8859-x, ...). Writing those
	// tables by hand would be error-prone; the module is maintained by the
	// Go team and is already required by golang.org/x/net/html.
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

const (
	bomUTF8    = "\xef\xbb\xbf"
	bomUTF16LE = "\xff\xfe"
	bomUTF16BE = "\xfe\xff"
)

// decoded is raw input turned into UTF-8 text.
type decoded struct {
	text     string
	encoding string   // what the bytes were decoded from: "utf-8", "utf-16le", "windows-1252", ...
	binary   bool     // not text at all: the caller skips it
	warnings []string // what was guessed or repaired (without the path)
}

// byteStats counts what decides whether bytes are text, and in which
// encoding.
type byteStats struct {
	n         int // bytes
	nul       int // NUL bytes: never in text, always in binary formats
	ctrl      int // other C0 controls that text does not use
	high      int // bytes >= 0x80
	invalid   int // bytes that are not part of a valid UTF-8 sequence
	multi     int // valid multi-byte UTF-8 sequences
	undefined int // invalid bytes that Windows-1252 leaves undefined
}

func scanBytes(s string) byteStats { return scanBytesFast(s, true) }

// scanBytesFast is scanBytes, skipping eight bytes of printable ASCII and
// line feeds at a time when fast (they count nowhere, and they are most of
// any text); the tests compare both ways.
func scanBytesFast(s string, fast bool) byteStats {
	st := byteStats{n: len(s)}
	for i := 0; i < len(s); {
		if fast {
			// Thirty-two bytes a turn, then eight: the test and the
			// loop's own instructions are shared by four times the
			// bytes, and one bounds check covers the four loads.
			for i+32 <= len(s) {
				w := s[i : i+32]
				if plainBits(load8(w, 0))&plainBits(load8(w, 8))&plainBits(load8(w, 16))&plainBits(load8(w, 24)) != highs {
					break
				}
				i += 32
			}
			for i+8 <= len(s) && plainText8(load8(s, i)) {
				i += 8
			}
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				st.nul++
			case c == 0x7f, c < 0x20 && !isTextControl(c):
				st.ctrl++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			st.invalid++
			st.high++
			if c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d {
				st.undefined++
			}
			i++
			continue
		}
		st.multi++
		st.high += size
		i += size
	}
	return st
}

// plainText8 reports whether each of the eight bytes packed in w is printable
// ASCII (0x20 to 0x7e) or a line feed: bytes scanBytes counts nowhere.
// Letting line feeds through keeps a text's paragraph breaks from sending
// scanBytes to its byte-by-byte path for the eight bytes around each
// (nine tenths of the bytes it read one at a time in real articles).
//
// Each term has a byte's high bit set when that byte passes one test. For
// ASCII bytes no sum carries into the next byte, so each high bit tells
// of its byte alone: x+0x60 reaches 0x80 when x >= 0x20, x+1 when x is
// 0x7f, and v+0x7f when v is not zero; a byte beyond ASCII fails ^w,
// which is all that matters then.
func plainText8(w uint64) bool { return plainBits(w) == highs }

// highs has the high bit of each of eight bytes.
const highs = 0x8080808080808080

// plainBits is plainText8's test: it has a byte's high bit set when the
// byte passes (so, of two words, the AND passes when both do).
func plainBits(w uint64) uint64 {
	const ones = 0x0101010101010101
	lineFeed := ^((w ^ '\n'*ones) + 0x7f*ones) // high bit where a byte is '\n'
	ok := ^w & ^(w + ones) &                   // ASCII, not 0x7f
		((w + 0x60*ones) | lineFeed) // not a control character but a line feed
	return ok & highs
}

// load8 packs the eight bytes of s from i into a word, first byte lowest
// (the compiler makes one load of it).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isTextControl reports the control characters plain text does use: tab,
// line breaks, form feed and escape (colour codes in captured terminal
// output).
func isTextControl(c byte) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1b
}

// isBinary: any NUL, or more than 5% stray control characters. Text in any
// ASCII-compatible encoding, or decoded from UTF-16, has neither.
func (st byteStats) isBinary() bool {
	return st.nul > 0 || st.ctrl*20 > st.n
}

// decode turns the raw bytes of a text input into UTF-8. A byte-order mark
// decides the encoding (UTF-8, UTF-16LE, UTF-16BE) and is dropped. Without
// one, valid UTF-8 is taken as is; bytes that are not UTF-8 but read as
// Western European 8-bit text are decoded as Windows-1252 (a superset of
// ISO-8859-1 for printable text) with a warning naming the guess; anything
// else has its invalid bytes replaced by U+FFFD with a warning. It never
// fails and always returns valid UTF-8, because one odd file must not stop
// a run.
func decode(s string) decoded {
	switch {
	case strings.HasPrefix(s, bomUTF8):
		return decodeUTF8(s[len(bomUTF8):], scanBytes(s[len(bomUTF8):]))
	case strings.HasPrefix(s, bomUTF16LE):
		return decodeUTF16(s[2:], false)
	case strings.HasPrefix(s, bomUTF16BE):
		return decodeUTF16(s[2:], true)
	}
	st := scanBytes(s)
	if st.isBinary() {
		if bigEndian, ok := utf16WithoutBOM(s, st); ok {
			d := decodeUTF16(s, bigEndian)
			if !d.binary {
				name := "UTF-16LE"
				if bigEndian {
					name = "UTF-16BE"
				}
				d.warnings = append([]string{"no byte-order mark; decoded as " + name + " (detected from its zero bytes)"}, d.warnings...)
			}
			return d
		}
		return decoded{binary: true}
	}
	if st.invalid == 0 || st.multi >= st.invalid {
		// Valid UTF-8, or UTF-8 with a few damaged bytes: legacy 8-bit
		// text almost never forms valid multi-byte sequences by chance.
		return decodeUTF8(s, st)
	}
	if st.undefined == 0 && st.high*2 <= st.n {
		t, _ := charmap.Windows1252.NewDecoder().String(s) // cannot fail: every byte maps
		return decoded{text: t, encoding: "windows-1252", warnings: []string{"not valid UTF-8; decoded as Windows-1252 (a guess)"}}
	}
	return decodeUTF8(s, st)
}

// utf16WithoutBOM recognises UTF-16 saved without a byte-order mark, as
// some Windows tools write it: in text of Latin script every other byte is
// zero (the high byte of each code unit), on the odd positions for
// little-endian and the even ones for big-endian, and almost never on the
// others. Binary data has its zero bytes on both. Only the first 4 KB are
// looked at; decodeUTF16 then still checks the decoded text is text.
func utf16WithoutBOM(s string, st byteStats) (bigEndian, ok bool) {
	if len(s) < 4 || len(s)%2 != 0 || st.nul*3 < len(s)/2 {
		return false, false
	}
	sample := s[:min(len(s), 4096)&^1]
	even, odd := 0, 0
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	pairs := len(sample) / 2
	switch {
	case odd*10 >= pairs*6 && even*50 <= pairs:
		return false, true
	case even*10 >= pairs*6 && odd*50 <= pairs:
		return true, true
	}
	return false, false
}

// decodeUTF8 returns s with any invalid bytes replaced by U+FFFD. Valid input
// is returned without a copy.
func decodeUTF8(s string, st byteStats) decoded {
	if st.isBinary() {
		return decoded{binary: true}
	}
	if st.invalid == 0 {
		return decoded{text: s, encoding: "utf-8"}
	}
	return decoded{
		text:     strings.ToValidUTF8(s, "\uFFFD"),
		encoding: "utf-8",
		warnings: []string{fmt.Sprintf("invalid UTF-8: %d %s replaced with U+FFFD", st.invalid, plural(st.invalid, "byte"))},
	}
}

// decodeUTF16 decodes UTF-16 code units (after the BOM) one at a time rather
// than through []uint16 and []rune slices, which would need six times the
// input's size for a large file.
func decodeUTF16(s string, bigEndian bool) decoded {
	var b strings.Builder
	b.Grow(len(s) / 2 * 3 / 2)
	unit := func(i int) rune {
		if bigEndian {
			return rune(s[i])<<8 | rune(s[i+1])
		}
		return rune(s[i+1])<<8 | rune(s[i])
	}
	bad := 0
	for i := 0; i+1 < len(s); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if r < 0xdc00 && i+3 < len(s) {
				if r2 := unit(i + 2); r2 >= 0xdc00 && r2 <= 0xdfff {
					b.WriteRune(utf16.DecodeRune(r, r2))
					i += 2
					continue
				}
			}
			r = utf8.RuneError
			bad++
		}
		b.WriteRune(r)
	}
	var warnings []string
	if len(s)%2 == 1 {
		b.WriteRune(utf8.RuneError)
		warnings = append(warnings, "UTF-16: odd number of bytes; the last byte was replaced with U+FFFD")
	}
	if bad > 0 {
		warnings = append(warnings, fmt.Sprintf("UTF-16: %d unpaired %s replaced with U+FFFD", bad, plural(bad, "surrogate")))
	}
	t := b.String()
	if scanBytes(t).isBinary() {
		return decoded{binary: true}
	}
	enc := "utf-16le"
	if bigEndian {
		enc = "utf-16be"
	}
	return decoded{text: t, encoding: enc, warnings: warnings}
}

// decodeHTML decodes an HTML page. A byte-order mark wins, then a charset
// declared in a <meta> tag within the first 1024 bytes (where the HTML
// standard says browsers look), then the same guessing as for plain text.
func decodeHTML(s string) decoded {
	if strings.HasPrefix(s, bomUTF8) || strings.HasPrefix(s, bomUTF16LE) || strings.HasPrefix(s, bomUTF16BE) {
		return decode(s)
	}
	label := declaredCharset(s)
	if label == "" {
		return decode(s)
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		d := decode(s)
		d.warnings = append(d.warnings, fmt.Sprintf("unknown charset %q declared; encoding guessed", label))
		return d
	}
	name, _ := htmlindex.Name(enc)
	// A page cannot declare UTF-16 in a <meta> tag it could only read if it
	// were ASCII-compatible; browsers then use UTF-8, and so do we.
	if name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return decode(s)
	}
	st := scanBytes(s)
	if st.isBinary() {
		return decoded{binary: true}
	}
	if st.high == 0 {
		return decoded{text: s, encoding: name} // ASCII reads the same in every declared charset
	}
	return decodeWith(s, enc, name)
}

// decodeWith decodes s with a declared encoding, falling back to replacing
// invalid UTF-8 if the decoder fails.
func decodeWith(s string, enc encoding.Encoding, name string) decoded {
	t, err := enc.NewDecoder().String(s)
	if err != nil {
		d := decodeUTF8(s, scanBytes(s))
		d.warnings = append(d.warnings, fmt.Sprintf("declared charset %s could not be decoded (%v)", name, err))
		return d
	}
	if !utf8.ValidString(t) {
		t = strings.ToValidUTF8(t, "\uFFFD")
	}
	return decoded{text: t, encoding: name}
}

// declaredCharset finds the charset label of <meta charset="..."> or
// <meta http-equiv="Content-Type" content="...; charset=..."> in the first
// 1024 bytes. A byte scan keeps this independent of the HTML parser, which
// only runs once the text is UTF-8.
func declaredCharset(s string) string {
	if len(s) > 1024 {
		s = s[:1024]
	}
	lower := strings.ToLower(s)
	for off := 0; ; {
		i := strings.Index(lower[off:], "<meta")
		if i < 0 {
			return ""
		}
		start := off + i
		end := strings.IndexByte(lower[start:], '>')
		if end < 0 {
			end = len(lower) - start
		}
		tag := lower[start : start+end]
		if j := strings.Index(tag, "charset"); j >= 0 {
			rest := strings.TrimLeft(tag[j+len("charset"):], " \t\r\n")
			if strings.HasPrefix(rest, "=") {
				rest = strings.TrimLeft(rest[1:], " \t\r\n\"'")
				k := strings.IndexAny(rest, " \t\r\n\"';/>")
				if k < 0 {
					k = len(rest)
				}
				if label := rest[:k]; label != "" {
					return label
				}
			}
		}
		off = start + len("<meta")
	}
}
