package segment

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// This file keeps, for the differential tests only, the implementation
// Sentences had before it decided punkt's boundaries itself: punkt's own
// DefaultSentenceTokenizer (built once, with the fastWords word tokenizer)
// run over every line that may hold more than one sentence. It is the
// reference the fast code must match byte for byte, and
// TestFastWordsMatchLibrary ties it in turn to the unmodified library.

var (
	refOnce  sync.Once
	refPunkt *sentences.DefaultSentenceTokenizer
	refErr   error
)

func refTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	refOnce.Do(func() {
		b, err := data.Asset("data/english.json")
		if err != nil {
			refErr = err
			return
		}
		st, err := sentences.LoadTraining(b)
		if err != nil {
			refErr = err
			return
		}
		refPunkt = newRefPunkt(st)
	})
	return refPunkt, refErr
}

// newRefPunkt builds punkt exactly as sentences.NewSentenceTokenizer does,
// but with fastWords as its word tokenizer.
func newRefPunkt(st *sentences.Storage) *sentences.DefaultSentenceTokenizer {
	lang := sentences.NewPunctStrings()
	return sentences.NewTokenizer(st, fastWords{sentences.NewWordTokenizer(lang)}, lang)
}

// refSentences is the former Sentences.
func refSentences(text string) []Span {
	tk, err := refTokenizer()
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
			if err != nil || !refNeedsSplit(line) {
				out = refAppendTrimmed(out, text, start, end)
			} else {
				out = refSplitLine(out, tk, text, start, end)
			}
		}
		start = end + 1
	}
	return out
}

func refNeedsSplit(line string) bool {
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

func refSplitLine(out []Span, tk *sentences.DefaultSentenceTokenizer, text string, start, end int) []Span {
	line := text[start:end]
	pos := 0
	for _, s := range tk.Tokenize(line) {
		st := strings.TrimSpace(s.Text)
		if st == "" {
			continue
		}
		i := strings.Index(line[pos:], st)
		if i < 0 {
			continue
		}
		out = append(out, Span{start + pos + i, start + pos + i + len(st)})
		pos += i + len(st)
	}
	if len(out) == 0 || out[len(out)-1].End < start {
		out = refAppendTrimmed(out, text, start, end)
	}
	return out
}

// refAppendTrimmed is appendTrimmed, copied so that the reference stays
// fixed while the live code changes; it trims runes, as the live code does
// since trimming bytes cut UTF-8 letters.
func refAppendTrimmed(out []Span, text string, start, end int) []Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		out = append(out, Span{start, end})
	}
	return out
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
		if !refIsSpace(char) && i != textLength-1 {
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
		hasSentencePunct := refHasSentPunct(word)
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
	if refHasDigit(t.Tok) {
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
	return len(t.Tok) == 2 && refIsASCIILetter(t.Tok[0]) && t.Tok[1] == '.'
}

// IsAlpha: `^[A-Za-z]+$`.
func (p fastWords) IsAlpha(t *sentences.Token) bool {
	if t.Tok == "" {
		return false
	}
	for i := 0; i < len(t.Tok); i++ {
		if !refIsASCIILetter(t.Tok[i]) {
			return false
		}
	}
	return true
}

// IsNonPunct matches the type against the library's non-punctuation
// pattern, compiled once instead of on every call.
func (p fastWords) IsNonPunct(t *sentences.Token) bool { return refNonPunct.MatchString(p.Type(t)) }

var refNonPunct = regexp.MustCompile(sentences.NewPunctStrings().NonPunct())

func refIsASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func refHasSentPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

func refHasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

func refIsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || uint32(r-'\t') <= '\r'-'\t'
	}
	return unicode.IsSpace(r)
}
