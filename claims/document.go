// Package claims holds the data model shared by every stage of crosscheck:
// documents as read, the claims extracted from them, and the positions that
// tie every claim back to the exact bytes of its input.
//
// The package imports no renderer, rule loader or NLP library, so that
// extractors, comparators and report writers can all depend on it without
// depending on each other.
package claims

import (
	"math/bits"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// How a document's publication date or language was decided. Reports show it
// so that nothing is guessed silently.
const (
	SourceMetadata = "metadata" // given by the input (JSON Lines field, HTML meta, header line)
	SourceDateline = "dateline" // read from a dateline in the text
	SourceDetected = "detected" // detected from the text (language)
	SourceFlag     = "flag"     // set on the command line or in configuration
	SourceNone     = "none"     // not found
)

// Document statuses.
const (
	StatusRead    = "read"
	StatusSkipped = "skipped"
)

// Document is one article as read. Text is kept exactly as decoded from the
// input: every byte offset in the program refers to it.
type Document struct {
	ID    string // file name without extension, or the JSON Lines id
	Path  string // path as given (with ":N" for a JSON Lines record)
	URL   string
	Title string
	Text  string

	// Published is the publication date at day precision (UTC midnight), or
	// the zero time when none was found.
	Published       time.Time
	PublishedSource string // one of the Source* constants
	PublishedText   string // the words the date was read from, if any

	Language       string // ISO 639-1 code: "en", "id", ...
	LanguageSource string

	// Byline and Site are the author line and the site's name an HTML page
	// gives (Readability reads them from its metadata or the byline
	// element), whitespace collapsed; empty for other inputs. The byline
	// element is not part of Text.
	Byline, Site string

	// Extracted names how Text was obtained when it is not the file's bytes
	// as decoded, e.g. "html-readability"; offsets then refer to Text.
	Extracted string
	// Encoding names the character encoding the input was decoded from
	// ("utf-8", "utf-16le", "windows-1252", a declared HTML charset): Text
	// is always UTF-8, so for any other encoding offsets into Text are not
	// offsets into the file.
	Encoding string
	Warnings []string // non-fatal problems met while reading (bad UTF-8, ...)

	// Status is StatusRead for a document that was read, or StatusSkipped
	// with the reason in SkipReason ("binary", "empty", "unsupported type",
	// "duplicate of X", or a read error under --keep-going). Skipped
	// documents stay in the report so that nothing is lost silently.
	Status     string
	SkipReason string

	// Participants are the canonical participant ids (rules' alias table)
	// the text names anywhere, filled during extraction; stories are
	// grouped by them.
	Participants []string

	lineStarts []int
	// Where Position last counted a column: line index, byte offset and
	// runes from the line start to it.
	colLine, colOff, colRunes int
}

// HasDate reports whether the publication date is known.
func (d *Document) HasDate() bool { return !d.Published.IsZero() }

// PublishedString returns the publication date as YYYY-MM-DD, or "" when unknown.
func (d *Document) PublishedString() string {
	if d.Published.IsZero() {
		return ""
	}
	return d.Published.Format("2006-01-02")
}

// Position returns the 1-based line and column of a byte offset in Text.
// Columns count characters (runes), not bytes, because that is what a person
// counts in an editor.
func (d *Document) Position(off int) (line, col int) {
	if i := d.colLine; d.lineStarts != nil && d.colOff <= off && off < len(d.Text) &&
		(i+1 == len(d.lineStarts) || off < d.lineStarts[i+1]) {
		// On the line asked last, at or after the offset asked last: the
		// runes are counted on from there (as below), without finding
		// the line again. On a page of claims a few words apart, finding
		// the line was most of the cost of each.
		runes := d.colRunes + countRunes(d.Text[d.colOff:off])
		if utf8.RuneStart(d.Text[off]) {
			d.colOff, d.colRunes = off, runes
		}
		return i + 1, runes + 1
	}
	off = max(0, min(off, len(d.Text)))
	i := d.lineIndex(off)
	// Claims ask in text order: count the runes on from the last offset
	// asked on the same line, so a very long line costs its length once,
	// not once per claim on it.
	from, runes := d.lineStarts[i], 0
	if d.colLine == i && d.colOff <= off && d.colOff >= from {
		from, runes = d.colOff, d.colRunes
	}
	runes += countRunes(d.Text[from:off])
	if off == len(d.Text) || utf8.RuneStart(d.Text[off]) {
		d.colLine, d.colOff, d.colRunes = i, off, runes
	}
	return i + 1, runes + 1
}

// LineOf returns the 1-based line of a byte offset in Text: Position's line,
// without counting the column.
func (d *Document) LineOf(off int) int {
	return d.lineIndex(max(0, min(off, len(d.Text)))) + 1
}

// lineIndex returns the 0-based line of offset off (within Text), indexing
// the line starts on first use.
func (d *Document) lineIndex(off int) int {
	if d.lineStarts == nil {
		d.lineStarts = make([]int, 1, strings.Count(d.Text, "\n")+1)
		for i := 0; ; {
			k := strings.IndexByte(d.Text[i:], '\n')
			if k < 0 {
				break
			}
			i += k + 1
			d.lineStarts = append(d.lineStarts, i)
		}
	}
	// Claims ask in text order, mostly on the line asked last or the
	// next: those two are tried before a search.
	ls := d.lineStarts
	for i := d.colLine; i < len(ls) && i <= d.colLine+1; i++ {
		if ls[i] <= off && (i+1 == len(ls) || off < ls[i+1]) {
			return i
		}
	}
	return sort.Search(len(ls), func(i int) bool { return ls[i] > off }) - 1
}

// Line returns the text of the 1-based line n without its newline.
func (d *Document) Line(n int) string {
	d.Position(0)
	if n < 1 || n > len(d.lineStarts) {
		return ""
	}
	start := d.lineStarts[n-1]
	end := len(d.Text)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	}
	if end > start && d.Text[end-1] == '\r' {
		end--
	}
	return d.Text[start:end]
}

// FrontMatterKey returns the key of a front-matter line ("date: 2024-12-30",
// "title: ..."): a short lower-case key, a colon, a value. ok is false for
// any other line. Extraction blocks such lines at the top of a text (but a
// title's value, which is reporting) and the event layer reads the title
// from them, so both use this one test.
func FrontMatterKey(line string) (key string, ok bool) {
	k, v, found := strings.Cut(line, ":")
	if !found || len(k) == 0 || len(k) > 20 || strings.TrimSpace(v) == "" {
		return "", false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r == '_' || r == '-') {
			return "", false
		}
	}
	return k, true
}

// WithoutText returns a copy of d's metadata: no text, and no caches
// derived from it (line starts), so that keeping the copy does not keep
// the text.
func (d *Document) WithoutText() *Document {
	c := *d
	c.Text = ""
	c.lineStarts = nil
	return &c
}

// countRunes is utf8.RuneCountInString, eight bytes at a time while they
// are all ASCII (news text mostly is): counting columns for every claim
// was a percent of extraction. A word holding a byte beyond ASCII counts
// the ASCII bytes before it and decodes that one rune, as
// RuneCountInString would (an invalid byte is a rune of one byte), and
// goes on after it: stopping at the first curly quote or dash of a line
// left the rest of it to a rune at a time.
func countRunes(s string) int {
	const highs = 0x8080808080808080
	n, i := 0, 0
	for {
		// A loop of its own for the ASCII words, which calls nothing, so
		// that its state stays in registers.
		for i+8 <= len(s) && load8(s, i)&highs == 0 {
			n, i = n+8, i+8
		}
		if i+8 > len(s) {
			break
		}
		k := bits.TrailingZeros64(load8(s, i)&highs) >> 3
		_, size := utf8.DecodeRuneInString(s[i+k:])
		n, i = n+k+1, i+k+size
	}
	return n + utf8.RuneCountInString(s[i:])
}

// load8 packs the eight bytes of s from i into a word, first byte lowest:
// slicing them first lets the compiler make it one load, where indexing
// s eight times cost a bounds check each.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
