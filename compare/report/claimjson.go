package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// appendClaimJSON appends c as encoding/json writes it: compact when
// indent is "", else as MarshalIndent(c, prefix, indent) does. Writing a
// claim by reflection was a sixth of `crosscheck claims`; this writes the
// same bytes (TestClaimJSONMatchesEncodingJSON, FuzzClaimJSON) without it.
// A field added to Claim must be added here too: the tests compare every
// field's output on real claims.
func appendClaimJSON(b []byte, c *Claim, prefix, indent string) []byte {
	w := newObjWriter(b, prefix, indent)
	w.b = append(w.b, '{')
	w.str("id", c.ID)
	w.str("doc", c.Doc)
	w.str("kind", c.Kind)
	w.str("attribute", c.Attribute)
	w.str("text", c.Text)
	w.int("start", c.Start)
	w.int("end", c.End)
	w.int("line", c.Line)
	w.int("col", c.Col)
	w.int("sentence", c.Sentence)
	w.str("value", c.Value)
	if n := c.NumberFields; n != nil {
		w.float("low", n.Low)
		w.float("high", n.High)
		w.bool("low_exclusive", n.LowExclusive)
		w.bool("high_exclusive", n.HighExclusive)
		if n.Approx {
			w.bool("approx", true)
		}
		w.str("unit", n.Unit)
		w.optStr("counted", n.Counted)
		w.optStr("qualifier", n.Qualifier)
	}
	w.strs("also_attributes", c.Also)
	w.optStr("subject", c.Subject)
	w.optStr("scope", c.Scope)
	w.optStr("frame", c.Frame)
	w.strs("participants", c.Participants)
	w.strs("triggers", c.Triggers)
	w.strs("written", c.Written)
	w.strs("inferred", c.Inferred)
	w.optStr("tense", c.Tense)
	w.optStr("note", c.Note)
	w.optStr("rule", c.Rule)
	w.newline(0)
	w.b = append(w.b, '}')
	return w.b
}

// objWriter writes the fields of one JSON object.
type objWriter struct {
	b              []byte
	prefix, indent string
	depth          int
	fields         int
	// blank is set when prefix and indent are spaces only, as every
	// caller's are: a line then starts with one slice of lineStart.
	blank bool
}

// newObjWriter writes an object's fields after b, indented as
// MarshalIndent(v, prefix, indent) indents them (compact when indent is
// ""), at depth 1.
func newObjWriter(b []byte, prefix, indent string) objWriter {
	blank := strings.Trim(prefix, " ") == "" && strings.Trim(indent, " ") == ""
	return objWriter{b: b, prefix: prefix, indent: indent, depth: 1, blank: blank}
}

// lineStart is a newline and the spaces that begin an indented line.
const lineStart = "\n                                "

// newline starts a line at depth (nothing when compact).
func (w *objWriter) newline(depth int) {
	if w.indent == "" {
		return
	}
	if n := 1 + len(w.prefix) + depth*len(w.indent); w.blank && n <= len(lineStart) {
		w.b = append(w.b, lineStart[:n]...)
		return
	}
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for i := 0; i < depth; i++ {
		w.b = append(w.b, w.indent...)
	}
}

func (w *objWriter) key(k string) {
	if w.fields > 0 {
		w.b = append(w.b, ',')
	}
	w.fields++
	w.newline(w.depth)
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	if w.indent != "" {
		w.b = append(w.b, '"', ':', ' ')
	} else {
		w.b = append(w.b, '"', ':')
	}
}

func (w *objWriter) str(k, v string) {
	w.key(k)
	w.b = appendJSONString(w.b, v)
}

func (w *objWriter) optStr(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *objWriter) int(k string, v int) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

func (w *objWriter) bool(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *objWriter) float(k string, v *float64) {
	w.key(k)
	if v == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = appendJSONFloat(w.b, *v)
}

// strs writes a string list, left out when empty (omitempty).
func (w *objWriter) strs(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	w.key(k)
	w.b = append(w.b, '[')
	for i, v := range vs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.newline(w.depth + 1)
		w.b = appendJSONString(w.b, v)
	}
	w.newline(w.depth)
	w.b = append(w.b, ']')
}

// appendJSONFloat formats a float64 as encoding/json does: the shortest
// decimal that reads back exactly, in exponent form only below 1e-6 or
// from 1e21 on, with a two-digit negative exponent shortened ("1e-07" is
// written "1e-7"). Bounds are finite numbers.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// "e-07" -> "e-7"
		n := len(b) - start
		if n >= 4 && b[len(b)-4] == 'e' && b[len(b)-3] == '-' && b[len(b)-2] == '0' {
			b[len(b)-2] = b[len(b)-1]
			b = b[:len(b)-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// jsonPlain[c] is set for the ASCII bytes appendJSONString copies as they
// are: not a control character, '"', '\\', '<', '>' or '&'.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := byte(0x20); c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// load8 packs the eight bytes of s from i into a word, first byte lowest
// (the compiler makes one load of it).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plain8 reports whether none of the eight bytes packed in w needs
// escaping or decoding by appendJSONString: none is a control character,
// '"', '\\', '<', '>', '&' or beyond ASCII. It uses the word-at-a-time
// tests for a zero byte (x-0x01… & ^x & 0x80… is non-zero exactly when
// some byte of x is zero) and for a byte below n (the same with n for
// 0x01, for n up to 0x80).
func plain8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, bs, lt, gt, amp := w^'"'*ones, w^'\\'*ones, w^'<'*ones, w^'>'*ones, w^'&'*ones
	special := (w-0x20*ones)&^w | // a byte below 0x20
		w | // or beyond ASCII (the high bit)
		(q-ones)&^q | (bs-ones)&^bs | (lt-ones)&^lt | (gt-ones)&^gt | (amp-ones)&^amp
	return special&highs == 0
}

// appendJSONString quotes s as encoding/json does with HTML escaping on:
// quote and backslash escaped, \n \r \t and \b \f by name, other control
// characters, <, > and & as \u00XX, U+2028 and U+2029 escaped, and
// invalid UTF-8 replaced by \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look: most of a
		// claims run's output is plain ASCII (ids, paths, words).
		if i+8 <= len(s) && plain8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendDocumentJSON appends d as encoding/json writes it, compact or
// indented as appendClaimJSON does. Marshalling a document by reflection
// and then indenting it cost more than writing all of a run's claims
// (`crosscheck claims` writes one per input file); this writes the same
// bytes (TestDocumentJSONMatchesEncodingJSON). A field added to Document
// must be added here too.
func appendDocumentJSON(b []byte, d *Document, prefix, indent string) []byte {
	w := newObjWriter(b, prefix, indent)
	w.b = append(w.b, '{')
	w.str("id", d.ID)
	w.str("path", d.Path)
	w.str("title", d.Title)
	if d.Published == nil {
		w.key("published")
		w.b = append(w.b, "null"...)
	} else {
		w.str("published", *d.Published)
	}
	w.str("language", d.Language)
	w.optStr("published_source", d.PublishedSource)
	w.optStr("published_text", d.PublishedText)
	w.optStr("language_source", d.LanguageSource)
	w.optStr("url", d.URL)
	w.str("status", d.Status)
	w.optStr("skip_reason", d.SkipReason)
	w.optStr("extracted", d.Extracted)
	w.optStr("byline", d.Byline)
	w.optStr("site", d.Site)
	w.optStr("encoding", d.Encoding)
	w.strs("warnings", d.Warnings)
	if d.Story != 0 {
		w.int("story", d.Story)
	}
	w.strs("syndicated_with", d.SyndicatedWith)
	w.newline(0)
	w.b = append(w.b, '}')
	return w.b
}
