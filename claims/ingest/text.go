package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
)

// textDocument builds the document for a plain-text (.txt, .md) input.
func textDocument(path, content string) *claims.Document {
	d := decode(content)
	if d.binary {
		return skipped(path, ReasonBinary)
	}
	doc := &claims.Document{
		Path:            path,
		Text:            d.text,
		Encoding:        d.encoding,
		Status:          claims.StatusRead,
		PublishedSource: claims.SourceNone,
		LanguageSource:  claims.SourceNone,
	}
	addWarnings(doc, d.warnings)
	fm, body := parseFrontMatter(d.text)
	if strings.TrimSpace(d.text[body:]) == "" {
		return skipped(path, ReasonEmpty)
	}
	fm.apply(doc)
	if doc.Title == "" {
		doc.Title = guessTitle(d.text[body:])
	}
	return doc
}

// addWarnings adds warnings prefixed with the document's path, so that a
// warning printed on its own still names the file.
func addWarnings(doc *claims.Document, ws []string) {
	for _, w := range ws {
		doc.Warnings = append(doc.Warnings, doc.Path+": "+w)
	}
}

// metadata is what an input states about itself, from JSON Lines fields,
// front matter or HTML meta tags.
type metadata struct {
	id, title, url, language string
	published                []string // candidate date values, best first
	warnings                 []string
}

// apply fills the document's metadata fields. A date or language the input
// states but that cannot be understood becomes a warning rather than an
// error: the article is still worth reading.
func (m metadata) apply(doc *claims.Document) {
	if doc.ID == "" {
		doc.ID = strings.TrimSpace(m.id)
	}
	if t := collapseSpace(m.title); t != "" {
		doc.Title = t
	}
	if u := strings.TrimSpace(m.url); u != "" {
		doc.URL = u
	}
	if lang := strings.TrimSpace(m.language); lang != "" {
		if code, ok := normalizeLanguage(lang); ok {
			doc.Language, doc.LanguageSource = code, claims.SourceMetadata
		} else {
			m.warnings = append(m.warnings, fmt.Sprintf("language %q is not an ISO 639 code; ignored", lang))
		}
	}
	for _, raw := range m.published {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		if t, ok := parseDate(raw); ok {
			doc.Published, doc.PublishedSource, doc.PublishedText = t, claims.SourceMetadata, raw
			break
		}
		m.warnings = append(m.warnings, fmt.Sprintf("publication date %q not understood; ignored", raw))
	}
	addWarnings(doc, m.warnings)
}

// normalizeLanguage accepts an ISO 639 code or a BCP 47 tag ("en",
// "id-ID", "pt_BR") and returns its lower-case primary subtag.
func normalizeLanguage(s string) (string, bool) {
	primary := s
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		primary = s[:i]
	}
	if len(primary) < 2 || len(primary) > 3 {
		return "", false
	}
	for _, c := range primary {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", false
		}
	}
	return strings.ToLower(primary), true
}

// Date layouts accepted for metadata. The ISO forms are what JSON Lines and
// front matter use; the others are what HTML meta tags are seen to carry.
var (
	isoTimeLayouts = []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04:05",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
	}
	humanLayouts = []string{
		time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
		"Monday, January 2, 2006", "Mon, 2 Jan 2006",
	}
)

// parseDate reads a metadata date and returns UTC midnight of the calendar
// day it names. For a timestamp with a zone the day is the one written, not
// the UTC one: "2024-12-30T08:00+09:00" was published on the 30th where it
// was written, and that is the day relative expressions in the text ("on
// Sunday", "yesterday") count from.
func parseDate(raw string) (time.Time, bool) {
	s := strings.TrimSpace(raw)
	day := func(t time.Time) (time.Time, bool) {
		if t.Year() < 1000 || t.Year() > 9999 {
			return time.Time{}, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		d, err := time.Parse("2006-01-02", s[:10])
		if err != nil {
			return time.Time{}, false
		}
		if len(s) == 10 {
			return day(d)
		}
		for _, l := range isoTimeLayouts {
			if _, err := time.Parse(l, s); err == nil {
				return day(d)
			}
		}
		return time.Time{}, false
	}
	for _, l := range humanLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return day(t)
		}
	}
	return time.Time{}, false
}

// Front-matter keys. The first group fills document fields; the second is
// recognised (so that a block such as "title:/date:/source:" is read whole)
// but has no field to go to.
var (
	frontMatterKeys = map[string]bool{
		"title": true, "date": true, "published": true, "language": true,
		"lang": true, "url": true, "id": true,
	}
	frontMatterIgnored = map[string]bool{
		"source": true, "author": true, "byline": true, "site": true,
	}
)

// parseFrontMatter reads the block of "key: value" lines at the very top of a
// text file, optionally between "---" lines, and returns it with the offset
// where the body starts. Without "---" only known keys count and the block
// ends at the first other line; between "---" lines any key is accepted, as
// in Markdown front matter. The block is not removed from the text: offsets
// must stay those of the file.
func parseFrontMatter(text string) (metadata, int) {
	var m metadata
	var date, published string
	set := func(key, val string) {
		switch key {
		case "title":
			m.title = val
		case "date":
			date = val
		case "published":
			published = val
		case "language", "lang":
			m.language = val
		case "url":
			m.url = val
		case "id":
			m.id = val
		}
	}
	finish := func(end int) (metadata, int) {
		m.published = []string{published, date}
		return m, end
	}

	first, rest, ok := nextLine(text, 0)
	if ok && strings.TrimSpace(first) == "---" {
		var keys [][2]string
		for off := rest; ; {
			line, next, ok := nextLine(text, off)
			if !ok {
				return metadata{}, 0 // no closing line: not front matter
			}
			t := strings.TrimSpace(line)
			if t == "---" || t == "..." {
				for _, kv := range keys {
					set(kv[0], kv[1])
				}
				return finish(next)
			}
			if key, val, ok := keyValue(line); ok {
				keys = append(keys, [2]string{key, val})
			} else if t != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") && !strings.HasPrefix(t, "- ") && !strings.HasPrefix(t, "#") {
				return metadata{}, 0 // not YAML-like: not front matter
			}
			off = next
		}
	}
	end := 0
	for off := 0; ; {
		line, next, ok := nextLine(text, off)
		if !ok {
			break
		}
		key, val, ok := keyValue(line)
		if !ok || !(frontMatterKeys[key] || frontMatterIgnored[key]) {
			break
		}
		set(key, val)
		end, off = next, next
	}
	return finish(end)
}

// nextLine returns the line starting at off (without "\n" or "\r\n") and the
// offset of the next one; ok is false at the end of the text.
func nextLine(text string, off int) (line string, next int, ok bool) {
	if off >= len(text) {
		return "", off, false
	}
	i := strings.IndexByte(text[off:], '\n')
	if i < 0 {
		return strings.TrimSuffix(text[off:], "\r"), len(text), true
	}
	return strings.TrimSuffix(text[off:off+i], "\r"), off + i + 1, true
}

// keyValue splits a "key: value" line. The key is one word of letters,
// digits, '-' or '_' starting with a letter, so prose ("Update: police
// say ...") rarely passes; the caller still checks the key.
func keyValue(line string) (key, val string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	key = line[:i]
	for j, c := range key {
		if !(unicode.IsLetter(c) || j > 0 && (unicode.IsDigit(c) || c == '-' || c == '_')) {
			return "", "", false
		}
	}
	val = strings.TrimSpace(line[i+1:])
	if len(val) >= 2 && (val[0] == '"' && val[len(val)-1] == '"' || val[0] == '\'' && val[len(val)-1] == '\'') {
		val = val[1 : len(val)-1]
	}
	return strings.ToLower(key), val, true
}

// Title heuristic limits: how many non-empty lines to look at, and the size
// beyond which a line is body prose, which ends the search (a title comes
// before the body, and a paragraph is not a title).
const (
	titleLines    = 8
	titleMaxWords = 20
	titleMaxRunes = 150
	// A line of this many words ending with a period is a sentence.
	titleSentenceWords = 15
)

// guessTitle picks a title from the first lines of a text that states none:
// the first line of at least three words that is not a front-matter line,
// not mostly a date or numbers, and not navigation or advertising. The rules
// are deliberately few and general: a missing title costs little, while a
// wrong one misleads.
//
// A line that may be a site name or section label ("Radio Free Asia", three
// capitalised words) is kept only if no better line follows before the
// body: page furniture sits above the headline.
func guessTitle(text string) string {
	seen := 0
	weak := ""
	for off := 0; seen < titleLines; {
		line, next, ok := nextLine(text, off)
		if !ok {
			break
		}
		off = next
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		seen++
		if key, _, ok := keyValue(t); ok && (frontMatterKeys[key] || frontMatterIgnored[key]) {
			continue
		}
		t = strings.TrimSpace(strings.TrimLeft(t, "#")) // Markdown heading
		if moreRunesThan(t, titleMaxRunes) {
			break // prose (isProse), known before splitting a paragraph into words
		}
		words := strings.Fields(t)
		if isProse(t, words) {
			break
		}
		if len(words) < 3 || mostlyDate(words) || isBoilerplate(t, words) || isSectionLabel(words) {
			continue
		}
		if maybeSiteName(words) {
			if weak == "" {
				weak = collapseSpace(t)
			}
			continue
		}
		return collapseSpace(t)
	}
	return weak
}

// isTitleSeparator reports a word that joins breadcrumbs or a headline to a
// site name.
func isTitleSeparator(w string) bool {
	switch w {
	case "|", "»", "›", ">", "/", "•", "·", "-", "–", "—":
		return true
	}
	return false
}

// isSectionLabel reports a breadcrumb or section label such as "World |
// Asia": words joined by separators, every part one or two words long. A
// headline joined to a site name has a longer part.
func isSectionLabel(words []string) bool {
	seps, run, longest := 0, 0, 0
	for _, w := range words {
		if isTitleSeparator(w) {
			seps++
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return seps > 0 && longest <= 2
}

// maybeSiteName reports a short line that reads like a name rather than a
// headline: at most three words, each starting with a capital letter
// ("Radio Free Asia", "Korea Herald"). Headlines that short exist ("Kim
// Meets Putin"), so such a line is only a fallback.
func maybeSiteName(words []string) bool {
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isFurniture reports a title that is page furniture rather than a
// headline: a section label, a site name, navigation or a call to action.
func isFurniture(title string) bool {
	words := strings.Fields(title)
	return len(words) == 0 || isSectionLabel(words) || maybeSiteName(words) || isBoilerplate(title, words)
}

// moreRunesThan reports whether s has more than n runes, as
// utf8.RuneCountInString(s) > n, without counting a long line to its end
// (a megabyte without a line break cost ten million instructions): a rune
// is one to four bytes, and an invalid byte counts as one rune, so s has
// at most len(s) runes and more than n once it is longer than 4n bytes.
func moreRunesThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// isProse reports a line of body text, which ends the search for a title: a
// long line, or a full sentence of many words (headlines are short and
// seldom end with a period).
func isProse(line string, words []string) bool {
	if len(words) > titleMaxWords || moreRunesThan(line, titleMaxRunes) {
		return true
	}
	return len(words) >= titleSentenceWords && strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "...")
}

// mostlyDate reports a line that is a date or a row of figures rather than a
// headline: half or more of its words contain digits, or it is short and
// holds a numeric date such as 2024-12-29 or 29/12/2024.
func mostlyDate(words []string) bool {
	digits, date := 0, false
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			digits++
			if isNumericDate(w) {
				date = true
			}
		}
	}
	return digits*2 >= len(words) || date && len(words) <= 5
}

// isNumericDate: digits in two or three groups joined by '-', '/' or '.',
// one of them a four-digit year (2024-12-29, 29/12/2024, 12.2024).
func isNumericDate(w string) bool {
	w = strings.Trim(w, ",;()[]")
	groups := strings.FieldsFunc(w, func(c rune) bool { return c == '-' || c == '/' || c == '.' })
	if len(groups) < 2 || len(groups) > 3 {
		return false
	}
	year := false
	for _, g := range groups {
		for _, c := range g {
			if c < '0' || c > '9' {
				return false
			}
		}
		if len(g) == 4 {
			year = true
		}
	}
	return year
}

// isBoilerplate reports navigation and advertising lines: breadcrumbs
// ("Home » World » Asia"), short all-capitals lines ("SUBSCRIBE TO OUR
// NEWSLETTER"), labels ("READ MORE: ..."), and lines with an all-capitals
// call to action after a dash or bar ("... Jobs - JOIN NOW").
func isBoilerplate(line string, words []string) bool {
	seps := 0
	for _, w := range words {
		switch w {
		case "|", "»", "›", ">", "/", "•", "·":
			seps++
		}
	}
	if seps >= 2 {
		return true
	}
	if len(words) <= 4 && allCaps(words) {
		return true
	}
	if strings.HasSuffix(words[0], ":") && allCaps(words[:1]) {
		return true
	}
	parts := strings.Split(segmentSeparators.Replace(line), " - ")
	for _, part := range parts {
		if w := strings.Fields(part); len(parts) > 1 && len(w) >= 2 && allCaps(w) {
			return true
		}
	}
	return false
}

// segmentSeparators turns the dashes and bars that join a headline to a site
// name or a call to action into one form, " - ".
var segmentSeparators = strings.NewReplacer(" | ", " - ", " – ", " - ", " — ", " - ")

// allCaps reports whether every word has letters and no lower-case letter.
func allCaps(words []string) bool {
	for _, w := range words {
		letters := false
		for _, c := range w {
			if unicode.IsLower(c) {
				return false
			}
			if unicode.IsLetter(c) {
				letters = true
			}
		}
		if !letters {
			return false
		}
	}
	return len(words) > 0
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	if collapsed(s) {
		// A copy, as Join makes of two words or more: a title kept with
		// a document's metadata must not keep the whole input alive.
		return strings.Clone(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether collapseSpace would leave s as it is: ASCII
// with single spaces between words and none at the ends, as most titles
// are (strings.Fields and Join cost two allocations each time).
func collapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}
