package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/crosscheck/crosscheck/claims"
)

// appendClaimJSON appends c as encoding/json writes it: compact when
// indent is "", else as MarshalIndent(c, prefix, indent) does. Writing a
// claim by reflection was a sixth of `crosscheck claims`; this writes the
// same bytes (TestClaimJSONMatchesEncodingJSON, FuzzClaimJSON) without it.
// A field added to Claim must be added here too, and to appendSource:
// the tests compare every field's output on real claims.
//
// The buffer is passed along and returned rather than kept in a writer
// struct, so that it stays in registers: appending through a pointer to a
// writer loaded and stored it at every append, and each key took six
// appends where a layout's strings make it three.
func appendClaimJSON(b []byte, c *Claim, prefix, indent string) []byte {
	var w claimJSON
	return w.append(b, c, prefix, indent)
}

// claimJSON writes claims one after another as appendClaimJSON does,
// remembering the document id it last found plain (nothing to escape):
// the claims of a document follow one another, each names the document,
// and its id starts with the document's ("doc:line:col"), so the id and
// the doc, near a third of a claims run's string bytes, are mostly not
// tested again. The zero value is ready; a renderer keeps one per output.
//
// It also remembers, in shared, the strings it found plain among those
// many claims share (kinds, attributes, frames, rule names, units, ...),
// notes among them: most are constants of the extractors ("year not
// written and no publication date to infer it from"), long strings that
// the plain test read eight bytes at a time for every claim.
type claimJSON struct {
	plainDoc string
	shared   plainCache
}

// plainPrefix is the package's plainPrefix, skipping the remembered
// document id where s starts with it.
func (w *claimJSON) plainPrefix(s string) int {
	if sameString(s, w.plainDoc) {
		return len(s) // the document id itself, most often
	}
	if n := len(w.plainDoc); n > 0 && strings.HasPrefix(s, w.plainDoc) {
		return n + plainPrefix(s[n:])
	}
	return plainPrefix(s)
}

// idAndDoc returns the plain prefixes of a claim's id and document id,
// the document's first, so that a document's first claim finds its id's
// start remembered too.
func (w *claimJSON) idAndDoc(id, doc string) (int, int) {
	plain := w.plainPrefix(doc)
	if plain == len(doc) {
		w.plainDoc = doc
	}
	return w.plainPrefix(id), plain
}

// append is appendClaimJSON.
func (w *claimJSON) append(b []byte, c *Claim, prefix, indent string) []byte {
	l := layoutFor(prefix, indent)
	b = w.appendFields(append(b, '{'), c, l)
	return l.end.appendTo(b)
}

// appendFields appends c's fields as append writes them between the
// braces: JSON Lines writes its "type" before them.
func (w *claimJSON) appendFields(b []byte, c *Claim, l *jsonLayout) []byte {
	id, doc := w.idAndDoc(c.ID, c.Doc)
	b = appendJSONClosed(l.strKey(b, fID), c.ID, id)
	b = appendJSONClosed(l.strKey(b, fDoc), c.Doc, doc)
	b = l.shared(b, fKind, c.Kind, &w.shared)
	b = l.shared(b, fAttribute, c.Attribute, &w.shared)
	b = l.str(b, fText, c.Text)
	b = l.int(b, fStart, c.Start)
	b = l.int(b, fEnd, c.End)
	b = l.int(b, fLine, c.Line)
	b = l.int(b, fCol, c.Col)
	b = l.int(b, fSentence, c.Sentence)
	b = l.str(b, fValue, c.Value)
	if n := c.NumberFields; n != nil {
		b = l.float(b, fLow, n.Low)
		b = l.float(b, fHigh, n.High)
		b = strconv.AppendBool(l.key(b, fLowExclusive), n.LowExclusive)
		b = strconv.AppendBool(l.key(b, fHighExclusive), n.HighExclusive)
		if n.Approx {
			b = append(l.key(b, fApprox), "true"...)
		}
		b = l.shared(b, fUnit, n.Unit, &w.shared)
		b = l.optStr(b, fCounted, n.Counted)
		b = l.optStr(b, fQualifier, n.Qualifier)
	}
	b = l.sharedStrs(b, fAlso, c.Also, &w.shared)
	b = l.optStr(b, fSubject, c.Subject)
	b = l.optStr(b, fScope, c.Scope)
	b = l.optShared(b, fFrame, c.Frame, &w.shared)
	b = l.sharedStrs(b, fParticipants, c.Participants, &w.shared)
	b = l.strs(b, fTriggers, c.Triggers)
	b = l.sharedStrs(b, fWritten, c.Written, &w.shared)
	b = l.sharedStrs(b, fInferred, c.Inferred, &w.shared)
	b = l.optShared(b, fTense, c.Tense, &w.shared)
	b = l.optShared(b, fNote, c.Note, &w.shared)
	return l.optShared(b, fRule, c.Rule, &w.shared)
}

// appendSource is append for a claim as extraction made it, written as
// its conversion FromClaim(c) is: the renderers of a report built with
// Input.LazyClaims or Input.ClaimSource write each claim so, without
// converting it first (the conversion, a typed copy of some 30 fields
// per claim, cost half as much as writing them). Its fields are
// appendFields', in the same order (TestClaimJSONFromSource holds the two
// to the same bytes, every field set).
func (w *claimJSON) appendSource(b []byte, c *claims.Claim, l *jsonLayout) []byte {
	id, doc := w.idAndDoc(c.ID, c.Doc)
	b = appendJSONClosed(l.strKey(b, fID), c.ID, id)
	b = appendJSONClosed(l.strKey(b, fDoc), c.Doc, doc)
	b = l.shared(b, fKind, string(c.Kind), &w.shared)
	b = l.shared(b, fAttribute, c.Attribute, &w.shared)
	b = l.str(b, fText, c.Text)
	b = l.int(b, fStart, c.Start)
	b = l.int(b, fEnd, c.End)
	b = l.int(b, fLine, c.Line)
	b = l.int(b, fCol, c.Col)
	b = l.int(b, fSentence, c.Sentence)
	b = l.str(b, fValue, c.Value)
	if n := c.Num; n != nil {
		b = l.float(b, fLow, n.Low)
		b = l.float(b, fHigh, n.High)
		b = strconv.AppendBool(l.key(b, fLowExclusive), n.LowExclusive)
		b = strconv.AppendBool(l.key(b, fHighExclusive), n.HighExclusive)
		if n.Approx {
			b = append(l.key(b, fApprox), "true"...)
		}
		b = l.shared(b, fUnit, n.Unit, &w.shared)
		b = l.optStr(b, fCounted, n.Counted)
		b = l.optStr(b, fQualifier, n.Qualifier)
	}
	b = l.sharedStrs(b, fAlso, c.Also, &w.shared)
	b = l.optStr(b, fSubject, c.Subject)
	b = l.optStr(b, fScope, c.Scope)
	b = l.optShared(b, fFrame, c.Frame, &w.shared)
	b = l.sharedStrs(b, fParticipants, c.Participants, &w.shared)
	b = l.strs(b, fTriggers, c.Triggers)
	if d := c.Date; d != nil {
		b = l.sharedStrs(b, fWritten, d.Written, &w.shared)
		b = l.sharedStrs(b, fInferred, d.Inferred, &w.shared)
	}
	b = l.optShared(b, fTense, string(c.Tense), &w.shared)
	b = l.optShared(b, fNote, c.Note, &w.shared)
	return l.optShared(b, fRule, c.Rule, &w.shared)
}

// jsonField is a field of Claim or Document as appendClaimJSON and
// appendDocumentJSON write it: an index into a layout's keys.
type jsonField uint8

// The fields of Claim (with NumberFields), then those only Document has.
// fID is the first field of both objects and the only one ever first.
const (
	fID jsonField = iota
	fDoc
	fKind
	fAttribute
	fText
	fStart
	fEnd
	fLine
	fCol
	fSentence
	fValue
	fLow
	fHigh
	fLowExclusive
	fHighExclusive
	fApprox
	fUnit
	fCounted
	fQualifier
	fAlso
	fSubject
	fScope
	fFrame
	fParticipants
	fTriggers
	fWritten
	fInferred
	fTense
	fNote
	fRule
	fPath
	fTitle
	fPublished
	fLanguage
	fPublishedSource
	fPublishedText
	fLanguageSource
	fURL
	fStatus
	fSkipReason
	fExtracted
	fByline
	fSite
	fEncoding
	fWarnings
	fStory
	fSyndicatedWith
	nJSONFields
)

// jsonNames are the fields' JSON names, as their struct tags give them.
var jsonNames = [nJSONFields]string{
	fID: "id", fDoc: "doc", fKind: "kind", fAttribute: "attribute", fText: "text",
	fStart: "start", fEnd: "end", fLine: "line", fCol: "col", fSentence: "sentence",
	fValue: "value", fLow: "low", fHigh: "high", fLowExclusive: "low_exclusive",
	fHighExclusive: "high_exclusive", fApprox: "approx", fUnit: "unit",
	fCounted: "counted", fQualifier: "qualifier", fAlso: "also_attributes",
	fSubject: "subject", fScope: "scope", fFrame: "frame", fParticipants: "participants",
	fTriggers: "triggers", fWritten: "written", fInferred: "inferred", fTense: "tense",
	fNote: "note", fRule: "rule", fPath: "path", fTitle: "title", fPublished: "published",
	fLanguage: "language", fPublishedSource: "published_source",
	fPublishedText: "published_text", fLanguageSource: "language_source", fURL: "url",
	fStatus: "status", fSkipReason: "skip_reason", fExtracted: "extracted",
	fByline: "byline", fSite: "site", fEncoding: "encoding", fWarnings: "warnings",
	fStory: "story", fSyndicatedWith: "syndicated_with",
}

// jsonLayout is what MarshalIndent(v, prefix, indent) writes between the
// fields of an object v (at depth 1, as appendClaimJSON and
// appendDocumentJSON write them) and between the items of a string list
// in it, all spelled out once per prefix and indent.
type jsonLayout struct {
	// keys[f] is all that comes before field f's value: the line break
	// and indentation (after a comma but for fID), the quoted name and
	// the colon. One append of it replaced three (separator, name, colon)
	// for each of a claim's 15-20 fields.
	keys [nJSONFields]block
	// skeys[f] is keys[f] with the quote that opens a string value.
	skeys      [nJSONFields]block
	item, more block // before a list's first string and before each later one, with its opening quote
	close, end block // before a list's ']' and the object's '}', with it
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
	l := &jsonLayout{}
	first, sep, colon := `"`, `,"`, `":`
	item, more, close, end := `"`, `,"`, "]", "}"
	if indent != "" {
		line := "\n" + prefix // a line at depth 0
		first, sep, colon = line+indent+`"`, ","+line+indent+`"`, `": `
		item, more = line+indent+indent+`"`, ","+line+indent+indent+`"`
		close, end = line+indent+close, line+end
	}
	l.item, l.more, l.close, l.end = newBlock(item), newBlock(more), newBlock(close), newBlock(end)
	for f, name := range jsonNames {
		head := sep
		if jsonField(f) == fID {
			head = first
		}
		l.keys[f] = newBlock(head + name + colon)
		l.skeys[f] = newBlock(head + name + colon + `"`)
	}
	return l
}

// key appends what comes before field f's value.
func (l *jsonLayout) key(b []byte, f jsonField) []byte {
	return l.keys[f].appendTo(b)
}

// strKey appends what comes before field f's string value, with the
// quote that opens it.
func (l *jsonLayout) strKey(b []byte, f jsonField) []byte {
	return l.skeys[f].appendTo(b)
}

// block is a piece of a layout (a key, a separator), kept padded to 32
// bytes as well when it fits (every piece of the renderers' two layouts
// does): copying the padded block is a few moves in place, where
// appending the string called the copy routine, which was most of
// writing a key.
type block struct {
	b [32]byte
	n uint8 // len(s) when it fits b, else 0
	s string
}

func newBlock(s string) block {
	k := block{s: s}
	if len(s) <= len(k.b) {
		k.n = uint8(copy(k.b[:], s))
	}
	return k
}

// appendTo appends k's string. From the padded block it overwrites up to
// 32 bytes of b's spare room, past those it appends: the writers'
// buffers are theirs alone.
func (k *block) appendTo(b []byte) []byte {
	if n := len(b); k.n != 0 && cap(b)-n >= len(k.b) {
		*(*[len(k.b)]byte)(b[n : n+len(k.b)]) = k.b
		return b[:n+int(k.n)]
	}
	return append(b, k.s...)
}

func (l *jsonLayout) str(b []byte, f jsonField, v string) []byte {
	return appendJSONClosed(l.strKey(b, f), v, plainPrefix(v))
}

// optStr writes a string field left out when empty (omitempty).
func (l *jsonLayout) optStr(b []byte, f jsonField, v string) []byte {
	if v == "" {
		return b
	}
	return l.str(b, f, v)
}

// shared is str for a string many objects share (see plainCache).
func (l *jsonLayout) shared(b []byte, f jsonField, v string, p *plainCache) []byte {
	return appendJSONClosed(l.strKey(b, f), v, p.plainPrefix(v))
}

// optShared is optStr for a string many objects share.
func (l *jsonLayout) optShared(b []byte, f jsonField, v string, p *plainCache) []byte {
	if v == "" {
		return b
	}
	return l.shared(b, f, v, p)
}

func (l *jsonLayout) int(b []byte, f jsonField, v int) []byte {
	return appendInt(l.key(b, f), int64(v))
}

// appendInt appends v in decimal, as strconv.AppendInt does, without its
// calls for the small non-negative numbers (offsets, lines, columns) a
// claim has five of: below 10,000 the digits are appended in one append,
// two at a time, where spelling them into a buffer of their own and
// copying that over was a copy call per number.
func appendInt(b []byte, v int64) []byte {
	if v < 0 || v >= 10000 {
		return appendLargeInt(b, v)
	}
	return appendSmallInt(b, uint(v))
}

// appendSmallInt is appendInt for u below 10,000.
func appendSmallInt(b []byte, u uint) []byte {
	switch {
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, digitPairs[2*u], digitPairs[2*u+1])
	}
	hi, lo := u/100, 2*(u%100)
	if hi < 10 {
		return append(b, byte('0'+hi), digitPairs[lo], digitPairs[lo+1])
	}
	return append(b, digitPairs[2*hi], digitPairs[2*hi+1], digitPairs[lo], digitPairs[lo+1])
}

// appendLargeInt is appendInt for the rest: negative numbers and those
// from 10,000 on. Below 10^8 (the offsets of a long text, most figures)
// the digits are the first one to four as appendSmallInt writes them,
// then four in one append: spelling them two at a time into a buffer of
// their own and copying that over cost twice as much.
func appendLargeInt(b []byte, v int64) []byte {
	if v < 0 || v >= 1e8 {
		return strconv.AppendInt(b, v, 10)
	}
	u := uint(v)
	lo := u % 10000
	hi, low := 2*(lo/100), 2*(lo%100)
	return append(appendSmallInt(b, u/10000), digitPairs[hi], digitPairs[hi+1], digitPairs[low], digitPairs[low+1])
}

// digitPairs spells 00 to 99, two bytes each.
const digitPairs = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" +
	"30313233343536373839" + "40414243444546474849" + "50515253545556575859" +
	"60616263646566676869" + "70717273747576777879" + "80818283848586878889" +
	"90919293949596979899"

func (l *jsonLayout) float(b []byte, f jsonField, v *float64) []byte {
	b = l.key(b, f)
	if v == nil {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *v)
}

// strs writes a string list, left out when empty (omitempty).
func (l *jsonLayout) strs(b []byte, f jsonField, vs []string) []byte {
	return l.sharedStrs(b, f, vs, nil)
}

// sharedStrs is strs for a list of strings many objects share (see
// plainCache); p may be nil.
func (l *jsonLayout) sharedStrs(b []byte, f jsonField, vs []string, p *plainCache) []byte {
	if len(vs) == 0 {
		return b
	}
	b = append(l.key(b, f), '[')
	for i, v := range vs {
		if i == 0 {
			b = l.item.appendTo(b)
		} else {
			b = l.more.appendTo(b)
		}
		b = appendJSONClosed(b, v, p.plainPrefix(v))
	}
	return l.close.appendTo(b)
}

// appendJSONFloat formats a float64 as encoding/json does: the shortest
// decimal that reads back exactly, in exponent form only below 1e-6 or
// from 1e21 on, with a two-digit negative exponent shortened ("1e-07" is
// written "1e-7"). Bounds are finite numbers.
func appendJSONFloat(b []byte, f float64) []byte {
	// Most bounds are whole numbers (counts, years, amounts): below 2^53
	// such a number's shortest form is its integer's digits, which
	// AppendInt writes several times faster than AppendFloat. Negative
	// zero is left to AppendFloat, which writes its sign.
	if i := int64(f); float64(i) == f && i > -1<<53 && i < 1<<53 && (i != 0 || !math.Signbit(f)) {
		return appendInt(b, i)
	}
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

// plainCache remembers strings found plain (as plainPrefix finds them:
// nothing to escape), by where their bytes are and how many: a string
// many objects share (a kind, an attribute, a rule's name, a document id
// listed by each of its copies) is then tested once, not at each use.
// A string's bytes never change, and a remembered string keeps them
// alive, so no other bytes can come to lie at its address while it is
// remembered. A string not shared (one read back from a spill file) only
// costs the look and, if plain, takes a place.
type plainCache struct {
	// Pairs of places, the newer of a pair first: two strings whose
	// addresses fall on one pair and are used in turn would push each
	// other out of one place at every use. Enough for a claims run's
	// document ids: each copy of a story lists the others, and the
	// documents come in id order, which interleaves the stories (2,000
	// ids were in turn).
	sets [1 << plainCacheBits][2]string
}

const plainCacheBits = 12

// plainPrefix is the package's plainPrefix, from memory where s is a
// string remembered. A nil cache remembers nothing.
func (p *plainCache) plainPrefix(s string) int {
	if p == nil {
		return plainPrefix(s)
	}
	// Fibonacci hashing of the address: its top bits mix all of its bits
	// (strings lie 16, 48 or 64 bytes apart, which a mask of the low bits
	// would crowd into a few places).
	at := uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))
	set := &p.sets[at*0x9e3779b97f4a7c15>>(64-plainCacheBits)]
	if sameString(set[0], s) || sameString(set[1], s) {
		return len(s)
	}
	n := plainPrefix(s)
	if n == len(s) {
		set[1], set[0] = set[0], s
	}
	return n
}

// sameString reports whether a and b are the same bytes in memory.
func sameString(a, b string) bool {
	return unsafe.StringData(a) == unsafe.StringData(b) && len(a) == len(b)
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

// load4 is load8 for four bytes.
func load4(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// plain8 reports whether none of the eight bytes packed in w needs
// escaping or decoding by appendJSONString: none is a control character,
// '"', '\\', '<', '>', '&' or beyond ASCII.
//
// Each term below has a byte's high bit set when that byte passes one
// test, and the word is plain when every byte passes all of them. For
// ASCII bytes no sum carries into the next byte (x+0x60 and v+0x7f stay
// below 0x100 for x, v < 0x80), so each byte's high bit tells of that
// byte alone: x+0x60 reaches 0x80 exactly when x >= 0x20, and v+0x7f
// exactly when v != 0. A byte beyond ASCII fails ^w, which is all that
// matters then. The quote (0x22) and '&' (0x26) differ in one bit, as do
// '<' (0x3c) and '>' (0x3e), so setting that bit tests each pair at once.
func plain8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	const nonzero = 0x7f * ones             // v+nonzero has the high bit of each non-zero byte of v
	quoteAmp := (w | 0x04*ones) ^ 0x26*ones // a zero byte for each '"' or '&'
	angle := (w | 0x02*ones) ^ 0x3e*ones    // a zero byte for each '<' or '>'
	backslash := w ^ 0x5c*ones              // a zero byte for each '\\'
	ok := ^w & (w + 0x60*ones) &            // ASCII, not a control character
		(quoteAmp + nonzero) & (angle + nonzero) & (backslash + nonzero)
	return ok&highs == highs
}

// plainPrefix returns how many bytes at the start of s appendJSONString
// may copy as they are: all of s when none needs a look, else at most up
// to the first that does. Most of a claims run's strings (ids, paths,
// words) are plain ASCII and short: they are read a word at a time, the
// last word (or for four to seven bytes, the first and last four in one
// word) overlapping the ones before, without a byte-by-byte tail.
func plainPrefix(s string) int {
	n := len(s)
	switch {
	case n >= 8:
		i := 0
		for ; i+8 <= n; i += 8 {
			if !plain8(load8(s, i)) {
				return i
			}
		}
		if i == n || plain8(load8(s, n-8)) {
			return n
		}
		return i
	case n >= 4:
		if plain8(load4(s, 0) | load4(s, n-4)<<32) {
			return n
		}
		return 0
	}
	for i := 0; i < n; i++ {
		if c := s[i]; c >= utf8.RuneSelf || !jsonPlain[c] {
			return i
		}
	}
	return n
}

// appendJSONString quotes s as encoding/json does with HTML escaping on:
// quote and backslash escaped, \n \r \t and \b \f by name, other control
// characters, <, > and & as \u00XX, U+2028 and U+2029 escaped, and
// invalid UTF-8 replaced by \ufffd.
func appendJSONString(b []byte, s string) []byte {
	return appendJSONQuoted(b, s, plainPrefix(s))
}

// appendJSONQuoted is appendJSONString given the length of a prefix of s
// that needs no look (at most plainPrefix(s)).
func appendJSONQuoted(b []byte, s string, start int) []byte {
	return appendJSONClosed(append(b, '"'), s, start)
}

// appendJSONClosed is appendJSONQuoted after the opening quote: the
// layout's keys of string fields end with it (jsonLayout.strKey).
func appendJSONClosed(b []byte, s string, start int) []byte {
	b = append(b, s[:start]...)
	if start < len(s) {
		b = appendJSONEscaped(b, s, start)
	}
	return append(b, '"')
}

// appendJSONEscaped appends s from start, escaped as appendJSONString
// says, without the quotes.
func appendJSONEscaped(b []byte, s string, start int) []byte {
	for i := start; i < len(s); {
		// Eight bytes at a time while none needs a look.
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
	return append(b, s[start:]...)
}

// appendDocumentJSON appends d as encoding/json writes it, compact or
// indented as appendClaimJSON does. Marshalling a document by reflection
// and then indenting it cost more than writing all of a run's claims
// (`crosscheck claims` writes one per input file); this writes the same
// bytes (TestDocumentJSONMatchesEncodingJSON). A field added to Document
// must be added here too.
func appendDocumentJSON(b []byte, d *Document, prefix, indent string) []byte {
	var w documentJSON
	return w.append(b, d, prefix, indent)
}

// documentJSON writes documents one after another as appendDocumentJSON
// does, remembering the strings it found plain among those documents
// share: the ids of a story's copies, each listed in the syndicated_with
// of every other copy (two thirds of a claims run's document bytes). The
// zero value is ready; a renderer keeps one per output.
type documentJSON struct {
	shared plainCache
}

// append is appendDocumentJSON.
func (w *documentJSON) append(b []byte, d *Document, prefix, indent string) []byte {
	l := layoutFor(prefix, indent)
	b = w.appendFields(append(b, '{'), d, l)
	return l.end.appendTo(b)
}

// appendFields appends d's fields as append writes them between the
// braces: JSON Lines writes its "type" before them.
func (w *documentJSON) appendFields(b []byte, d *Document, l *jsonLayout) []byte {
	b = l.str(b, fID, d.ID)
	b = l.str(b, fPath, d.Path)
	b = l.str(b, fTitle, d.Title)
	if d.Published == nil {
		b = append(l.key(b, fPublished), "null"...)
	} else {
		b = l.str(b, fPublished, *d.Published)
	}
	b = l.str(b, fLanguage, d.Language)
	b = l.optStr(b, fPublishedSource, d.PublishedSource)
	b = l.optStr(b, fPublishedText, d.PublishedText)
	b = l.optStr(b, fLanguageSource, d.LanguageSource)
	b = l.optStr(b, fURL, d.URL)
	b = l.str(b, fStatus, d.Status)
	b = l.optStr(b, fSkipReason, d.SkipReason)
	b = l.optStr(b, fExtracted, d.Extracted)
	b = l.optStr(b, fByline, d.Byline)
	b = l.optStr(b, fSite, d.Site)
	b = l.optStr(b, fEncoding, d.Encoding)
	b = l.strs(b, fWarnings, d.Warnings)
	if d.Story != 0 {
		b = l.int(b, fStory, d.Story)
	}
	return l.sharedStrs(b, fSyndicatedWith, d.SyndicatedWith, &w.shared)
}
