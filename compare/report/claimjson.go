package report

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendClaimJSON appends c as encoding/json writes it: compact when
// indent is "", else as MarshalIndent(c, prefix, indent) does. Writing a
// claim by reflection was a sixth of `crosscheck claims`; this writes the
// same bytes (TestClaimJSONMatchesEncodingJSON, FuzzClaimJSON) without it.
// A field added to Claim must be added here too: the tests compare every
// field's output on real claims.
//
// The buffer is passed along and returned rather than kept in a writer
// struct, so that it stays in registers: appending through a pointer to a
// writer loaded and stored it at every append, and each key took six
// appends where a layout's strings make it three.
func appendClaimJSON(b []byte, c *Claim, prefix, indent string) []byte {
	l := layoutFor(prefix, indent)
	b = append(b, '{')
	b = l.str(b, l.first, "id", c.ID)
	b = l.str(b, l.sep, "doc", c.Doc)
	b = l.str(b, l.sep, "kind", c.Kind)
	b = l.str(b, l.sep, "attribute", c.Attribute)
	b = l.str(b, l.sep, "text", c.Text)
	b = l.int(b, "start", c.Start)
	b = l.int(b, "end", c.End)
	b = l.int(b, "line", c.Line)
	b = l.int(b, "col", c.Col)
	b = l.int(b, "sentence", c.Sentence)
	b = l.str(b, l.sep, "value", c.Value)
	if n := c.NumberFields; n != nil {
		b = l.float(b, "low", n.Low)
		b = l.float(b, "high", n.High)
		b = strconv.AppendBool(l.key(b, l.sep, "low_exclusive"), n.LowExclusive)
		b = strconv.AppendBool(l.key(b, l.sep, "high_exclusive"), n.HighExclusive)
		if n.Approx {
			b = append(l.key(b, l.sep, "approx"), "true"...)
		}
		b = l.str(b, l.sep, "unit", n.Unit)
		b = l.optStr(b, "counted", n.Counted)
		b = l.optStr(b, "qualifier", n.Qualifier)
	}
	b = l.strs(b, "also_attributes", c.Also)
	b = l.optStr(b, "subject", c.Subject)
	b = l.optStr(b, "scope", c.Scope)
	b = l.optStr(b, "frame", c.Frame)
	b = l.strs(b, "participants", c.Participants)
	b = l.strs(b, "triggers", c.Triggers)
	b = l.strs(b, "written", c.Written)
	b = l.strs(b, "inferred", c.Inferred)
	b = l.optStr(b, "tense", c.Tense)
	b = l.optStr(b, "note", c.Note)
	b = l.optStr(b, "rule", c.Rule)
	b = append(b, l.end...)
	return append(b, '}')
}

// jsonLayout is what MarshalIndent(v, prefix, indent) writes between the
// fields of an object v (at depth 1, as appendClaimJSON and
// appendDocumentJSON write them) and between the items of a string list
// in it, all spelled out once per prefix and indent.
type jsonLayout struct {
	first, sep string // before the first key and before each later one, up to its opening quote
	colon      string // after a key's name
	item, more string // before a list's first item and before each later one
	close      string // before a list's ']'
	end        string // before the object's '}'
}

// The layouts of the renderers' two styles, made once.
var (
	compactLayout  = newLayout("", "")
	indentedLayout = newLayout("    ", "  ")
)

// layoutFor returns the layout of prefix and indent.
func layoutFor(prefix, indent string) *jsonLayout {
	switch {
	case prefix == "" && indent == "":
		return compactLayout
	case prefix == "    " && indent == "  ":
		return indentedLayout
	}
	return newLayout(prefix, indent)
}

// newLayout spells out the layout of prefix and indent: compact when
// indent is "" (as encoding/json, which then writes no line breaks).
func newLayout(prefix, indent string) *jsonLayout {
	if indent == "" {
		return &jsonLayout{first: `"`, sep: `,"`, colon: `":`, more: ","}
	}
	line := "\n" + prefix // a line at depth 0
	return &jsonLayout{
		first: line + indent + `"`, sep: "," + line + indent + `"`, colon: `": `,
		item: line + indent + indent, more: "," + line + indent + indent,
		close: line + indent, end: line,
	}
}

// key appends head (first or sep), the key and the colon.
func (l *jsonLayout) key(b []byte, head, k string) []byte {
	return append(append(append(b, head...), k...), l.colon...)
}

func (l *jsonLayout) str(b []byte, head, k, v string) []byte {
	return appendJSONString(l.key(b, head, k), v)
}

// optStr writes a string field left out when empty (omitempty); never the
// first field.
func (l *jsonLayout) optStr(b []byte, k, v string) []byte {
	if v == "" {
		return b
	}
	return l.str(b, l.sep, k, v)
}

func (l *jsonLayout) int(b []byte, k string, v int) []byte {
	return strconv.AppendInt(l.key(b, l.sep, k), int64(v), 10)
}

func (l *jsonLayout) float(b []byte, k string, v *float64) []byte {
	b = l.key(b, l.sep, k)
	if v == nil {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *v)
}

// strs writes a string list, left out when empty (omitempty); never the
// first field.
func (l *jsonLayout) strs(b []byte, k string, vs []string) []byte {
	if len(vs) == 0 {
		return b
	}
	b = append(l.key(b, l.sep, k), '[')
	for i, v := range vs {
		if i == 0 {
			b = append(b, l.item...)
		} else {
			b = append(b, l.more...)
		}
		b = appendJSONString(b, v)
	}
	b = append(b, l.close...)
	return append(b, ']')
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
	l := layoutFor(prefix, indent)
	b = append(b, '{')
	b = l.str(b, l.first, "id", d.ID)
	b = l.str(b, l.sep, "path", d.Path)
	b = l.str(b, l.sep, "title", d.Title)
	if d.Published == nil {
		b = append(l.key(b, l.sep, "published"), "null"...)
	} else {
		b = l.str(b, l.sep, "published", *d.Published)
	}
	b = l.str(b, l.sep, "language", d.Language)
	b = l.optStr(b, "published_source", d.PublishedSource)
	b = l.optStr(b, "published_text", d.PublishedText)
	b = l.optStr(b, "language_source", d.LanguageSource)
	b = l.optStr(b, "url", d.URL)
	b = l.str(b, l.sep, "status", d.Status)
	b = l.optStr(b, "skip_reason", d.SkipReason)
	b = l.optStr(b, "extracted", d.Extracted)
	b = l.optStr(b, "byline", d.Byline)
	b = l.optStr(b, "site", d.Site)
	b = l.optStr(b, "encoding", d.Encoding)
	b = l.strs(b, "warnings", d.Warnings)
	if d.Story != 0 {
		b = l.int(b, "story", d.Story)
	}
	b = l.strs(b, "syndicated_with", d.SyndicatedWith)
	b = append(b, l.end...)
	return append(b, '}')
}
