package report

import (
	"strings"

	"github.com/crosscheck/crosscheck/claims"
	"unicode"
	"unicode/utf8"
)

// Snippet is a claim in context: the words just before it, the claim's exact
// words, and the words just after, cut from the document text. The report
// carries no document text, so renderers that show evidence in context take
// snippets through RenderOptions.Snippets.
//
// Before and After have white space folded to single spaces and begin or end
// with "…" where the cut fell inside a sentence. Match is the claim's words
// exactly as written.
type Snippet struct {
	Before string `json:"before"`
	Match  string `json:"match"`
	After  string `json:"after"`
}

// SentencesFor returns the sentence of every claim of cs (by the claims'
// SentenceStart..SentenceEnd spans into docs, document id -> text), white
// space folded, keyed by claim id. A claim whose document is missing or
// whose span does not fit its text gets none.
func SentencesFor(docs map[string]string, cs []*claims.Claim) map[string]string {
	out := make(map[string]string, len(cs))
	for _, c := range cs {
		text, ok := docs[c.Doc]
		if !ok || c.SentenceStart < 0 || c.SentenceEnd <= c.SentenceStart || c.SentenceEnd > len(text) {
			continue
		}
		out[c.ID] = strings.Join(strings.Fields(text[c.SentenceStart:c.SentenceEnd]), " ")
	}
	return out
}

// DefaultSnippetRadius is the context radius, in bytes, used when
// SnippetsFor is given radius <= 0: enough for a typical news sentence.
const DefaultSnippetRadius = 240

// SnippetsFor cuts the context around every claim of r from docs (document
// id -> text, the same text the claim offsets refer to). The context runs
// from the start of the claim's sentence to its end, but no further than
// radius bytes either side; cuts always fall on rune boundaries and, where
// the radius ends mid-sentence, between words.
//
// A claim whose document is missing, or whose offsets do not select its
// words (the text changed since extraction), gets no snippet: showing the
// wrong sentence as evidence would be worse than showing none.
func SnippetsFor(docs map[string]string, r *Report, radius int) map[string]Snippet {
	if radius <= 0 {
		radius = DefaultSnippetRadius
	}
	out := make(map[string]Snippet, len(r.Claims))
	for i := range r.Claims {
		c := &r.Claims[i]
		text, ok := docs[c.Doc]
		if !ok || c.Start < 0 || c.End < c.Start || c.End > len(text) || text[c.Start:c.End] != c.Text {
			continue
		}
		out[c.ID] = Snippet{
			Before: before(text, c.Start, radius),
			Match:  c.Text,
			After:  after(text, c.End, radius),
		}
	}
	return out
}

// before returns the context before offset s: from the last sentence
// boundary within radius, or from a word boundary with a leading "…".
func before(text string, s, radius int) string {
	lo := max(0, s-radius)
	for lo < s && !utf8.RuneStart(text[lo]) {
		lo++
	}
	cut := lo > 0
	if b := lastBoundary(text, lo, s); b >= 0 {
		lo = b
		cut = false
	} else if prev, _ := utf8.DecodeLastRuneInString(text[:lo]); cut && !unicode.IsSpace(prev) {
		// Drop the partial word the radius fell in.
		if i := strings.IndexFunc(text[lo:s], unicode.IsSpace); i >= 0 {
			lo += i
		} else {
			lo = s
		}
	}
	ctx := strings.TrimLeftFunc(collapseSpace(text[lo:s]), unicode.IsSpace)
	if cut && ctx != "" {
		ctx = "…" + ctx
	}
	return ctx
}

// after returns the context after offset e: up to and including the end of
// the sentence within radius, or to a word boundary with a trailing "…".
func after(text string, e, radius int) string {
	hi := min(len(text), e+radius)
	for hi > e && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	cut := hi < len(text)
	if b := firstBoundary(text[e:hi], hi == len(text)); b >= 0 {
		hi = e + b
		cut = false
	} else if next, _ := utf8.DecodeRuneInString(text[hi:]); cut && !unicode.IsSpace(next) {
		// Drop the partial word the radius fell in.
		if i := strings.LastIndexFunc(text[e:hi], unicode.IsSpace); i >= 0 {
			hi = e + i
		} else {
			hi = e
		}
	}
	ctx := strings.TrimRightFunc(collapseSpace(text[e:hi]), unicode.IsSpace)
	if cut && ctx != "" {
		ctx += "…"
	}
	return ctx
}

// sentence terminators, Latin and CJK.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？':
		return true
	}
	return false
}

// lastBoundary returns the offset in text[lo:s] just after the last
// sentence end (terminator, optional closing quotes, white space, then a
// capital letter or opening quote) or line break, or -1. The text after
// s is consulted only to see how a sentence ending right before s goes on.
func lastBoundary(text string, lo, s int) int {
	best := -1
	for i := lo; i < s; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if j := boundaryAfter(text, i, r, size); j >= 0 && j <= s {
			best = j
		}
		i += size
	}
	return best
}

// firstBoundary returns the offset in s just after the first sentence
// terminator (with closing quotes), or -1. atEnd says s runs to the end of
// the document, where a final terminator needs no following space.
func firstBoundary(s string, atEnd bool) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			// Every line ends its sentence, as claims/segment splits them:
			// a heading or a link line is never run into the next line.
			return strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) }) + 1
		}
		if isTerminator(r) && !abbreviation(s, i) {
			j := i + size
			for j < len(s) && strings.ContainsRune(`"'”’»)`, rune(s[j])) {
				j++
			}
			if j == len(s) && atEnd || j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r') {
				return j
			}
		}
		i += size
	}
	return -1
}

// boundaryAfter reports where the next sentence starts when the rune r at
// s[i:] ends one: after a terminator, closing quotes and white space when a
// capital letter, opening quote or parenthesis follows; or after a line
// break.
// It returns -1 when r ends no sentence.
func boundaryAfter(s string, i int, r rune, size int) int {
	if r == '\n' {
		// A line break starts a sentence (see firstBoundary).
		return len(s) - len(strings.TrimLeftFunc(s[i+1:], unicode.IsSpace))
	}
	if !isTerminator(r) || abbreviation(s, i) {
		return -1
	}
	j := i + size
	for j < len(s) && strings.ContainsRune(`"'”’»)`, rune(s[j])) {
		j++
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r') {
		k++
	}
	if k == j || k == len(s) {
		return -1
	}
	next, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.IsUpper(next) || strings.ContainsRune(`"'“‘«(`, next) {
		return k
	}
	return -1
}

// abbreviation reports whether the '.' at s[i] ends a one-letter initial
// ("J. Smith") rather than a sentence.
func abbreviation(s string, i int) bool {
	if s[i] != '.' || i == 0 {
		return false
	}
	prev, size := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(prev) {
		return false
	}
	before := i - size
	if before == 0 {
		return true
	}
	p2, _ := utf8.DecodeLastRuneInString(s[:before])
	return !unicode.IsLetter(p2)
}
