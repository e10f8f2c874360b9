// Package segment is the only place crosscheck touches prose/v2, so the NLP
// library can be swapped by rewriting this one file.
//
// Why it does not simply call prose.NewDocument per article: prose builds a
// fresh punkt segmenter inside every NewDocument call (about 13 ms per call,
// measured on this machine — under 1 MB/s), and its tagger/NER run at about
// 0.09 MB/s. So sentences come from prose's own punkt engine
// (neurosnap/sentences, the library prose/v2 wraps, with the same English
// training data) built once per process, and prose's tagger and entity model
// are loaded once and used only on the few sentences that carry claims.
package segment

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// Span is a half-open byte range [Start, End) of the segmented text.
type Span struct{ Start, End int }

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

func tokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() {
		b, err := data.Asset("data/english.json")
		if err != nil {
			punktErr = err
			return
		}
		st, err := sentences.LoadTraining(b)
		if err != nil {
			punktErr = err
			return
		}
		punkt = newPunkt(st)
	})
	return punkt, punktErr
}

// newPunkt builds punkt exactly as sentences.NewSentenceTokenizer does, but
// with fastWords as its word tokenizer.
func newPunkt(st *sentences.Storage) *sentences.DefaultSentenceTokenizer {
	lang := sentences.NewPunctStrings()
	return sentences.NewTokenizer(st, fastWords{sentences.NewWordTokenizer(lang)}, lang)
}

// fastWords is punkt's default word tokenizer with the same answers and
// without its per-call costs: the library lower-cases and runs a regexp
// over every token each time it asks a token's type (several times per
// token), compiles a regexp inside IsNonPunct on every call, converts
// tokens to []rune to read their first letter, and scans each word three
// times for sentence punctuation. Every method below returns what the
// library's would for any input; the regexps are kept for the rare tokens
// with digits, where their exact leftmost-match behaviour matters.
type fastWords struct {
	*sentences.DefaultWordTokenizer
}

// Tokenize is the library's loop with byte tests for its unicode.IsSpace
// and HasSentencePunct (any of ".!?"), which give the same answers.
func (p fastWords) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	textLength := len(text)
	if textLength == 0 {
		return nil
	}
	tokens := make([]*sentences.Token, 0, 50)
	lastSpace := 0
	lineStart := false
	paragraphStart := false
	getNextWord := false
	for i, char := range text {
		if !isSpace(char) && i != textLength-1 {
			continue
		}
		if char == '\n' {
			if lineStart {
				paragraphStart = true
			}
			lineStart = true
		}
		cursor := i
		if i == textLength-1 {
			cursor = textLength
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		hasSentencePunct := hasSentPunct(word)
		if onlyPeriodContext && !hasSentencePunct && !getNextWord {
			lastSpace = cursor
			continue
		}
		token := sentences.NewToken(word)
		token.Position = cursor
		token.ParaStart = paragraphStart
		token.LineStart = lineStart
		tokens = append(tokens, token)
		lastSpace = cursor
		lineStart = false
		paragraphStart = false
		getNextWord = hasSentencePunct
	}
	if len(tokens) == 0 {
		token := sentences.NewToken(text)
		token.Position = textLength
		tokens = append(tokens, token)
	}
	return tokens
}

// Type is the lower-cased token with numbers replaced by "##number##" and,
// unless it is one character long, commas removed.
func (p fastWords) Type(t *sentences.Token) string {
	if hasDigit(t.Tok) {
		return p.DefaultWordTokenizer.Type(t) // the number regexp decides
	}
	typ := strings.ToLower(t.Tok)
	if len(typ) == 1 || strings.IndexByte(typ, ',') < 0 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// TypeNoPeriod and TypeNoSentPeriod repeat the library's, which call its
// own Type directly and so would bypass the one above.
func (p fastWords) TypeNoPeriod(t *sentences.Token) string {
	typ := p.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

func (p fastWords) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return p.TypeNoPeriod(t)
	}
	return p.Type(t)
}

func (p fastWords) FirstUpper(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return unicode.IsUpper(r)
}

func (p fastWords) FirstLower(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return unicode.IsLower(r)
}

// IsEllipsis: `\.\.+$`.
func (p fastWords) IsEllipsis(t *sentences.Token) bool { return strings.HasSuffix(t.Tok, "..") }

// IsInitial: `^[A-Za-z]\.$`.
func (p fastWords) IsInitial(t *sentences.Token) bool {
	return len(t.Tok) == 2 && isASCIILetter(t.Tok[0]) && t.Tok[1] == '.'
}

// IsAlpha: `^[A-Za-z]+$`.
func (p fastWords) IsAlpha(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	for i := 0; i < len(t.Tok); i++ {
		if !isASCIILetter(t.Tok[i]) {
			return false
		}
	}
	return true
}

// IsNonPunct matches the type against the library's non-punctuation
// pattern, compiled once instead of on every call.
func (p fastWords) IsNonPunct(t *sentences.Token) bool { return nonPunct.MatchString(p.Type(t)) }

var nonPunct = regexp.MustCompile(sentences.NewPunctStrings().NonPunct())

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// hasSentPunct reports whether s contains '.', '!' or '?', and hasDigit
// whether it contains an ASCII digit. ASCII bytes never occur inside a
// multi-byte UTF-8 sequence, so these are the library's rune-wise tests
// without decoding runes.
func hasSentPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// isSpace is unicode.IsSpace with the ASCII cases answered first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || uint32(r-'\t') <= '\r'-'\t'
	}
	return unicode.IsSpace(r)
}

// Sentences splits text into sentences. Line breaks always end a sentence
// (news text puts headlines, datelines and paragraphs on lines of their own);
// within a line, punkt decides. Spans exclude surrounding white space.
func Sentences(text string) []Span {
	tk, err := tokenizer()
	var out []Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if strings.TrimSpace(line) != "" {
			if err != nil || !needsSplit(line) {
				out = appendTrimmed(out, text, start, end)
			} else {
				out = splitLine(out, tk, text, start, end)
			}
		}
		start = end + 1
	}
	return out
}

// needsSplit is a cheap pre-check: a line with no sentence-ending mark
// followed by a space has one sentence, and punkt need not run.
func needsSplit(line string) bool {
	for i := 0; i+1 < len(line); i++ {
		switch line[i] {
		case '.', '!', '?':
			if line[i+1] == ' ' || line[i+1] == '"' || line[i+1] == '\'' {
				return true
			}
		}
	}
	return false
}

func splitLine(out []Span, tk *sentences.DefaultSentenceTokenizer, text string, start, end int) []Span {
	line := text[start:end]
	pos := 0
	for _, s := range tk.Tokenize(line) {
		st := strings.TrimSpace(s.Text)
		if st == "" {
			continue
		}
		// punkt's offsets refer to its own view of the text; find the
		// sentence in the line from where the last one ended so the spans
		// are exact byte offsets of the input.
		i := strings.Index(line[pos:], st)
		if i < 0 {
			continue
		}
		out = append(out, Span{start + pos + i, start + pos + i + len(st)})
		pos += i + len(st)
	}
	if len(out) == 0 || out[len(out)-1].End < start {
		out = appendTrimmed(out, text, start, end)
	}
	return out
}

func appendTrimmed(out []Span, text string, start, end int) []Span {
	for start < end && unicode.IsSpace(rune(text[start])) {
		start++
	}
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	if start < end {
		out = append(out, Span{start, end})
	}
	return out
}

// Entity is a named entity found by prose's model.
type Entity struct {
	Text  string
	Label string // PERSON, GPE, ORG, ...
}

var (
	modelOnce sync.Once
	model     *prose.Model
)

// Entities runs prose's tagger and entity recogniser over one short
// fragment (a claim's sentence). The model is loaded once per process.
// Never call it over whole documents: it runs at about 0.09 MB/s.
func Entities(fragment string) []Entity {
	modelOnce.Do(func() {
		d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
		if err == nil {
			model = d.Model
		}
	})
	if model == nil {
		return nil
	}
	d, err := prose.NewDocument(fragment, prose.UsingModel(model), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []Entity
	for _, e := range d.Entities() {
		out = append(out, Entity{Text: e.Text, Label: e.Label})
	}
	return out
}
