package segment

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
)

// This file decides punkt's sentence breaks within one line the way
// neurosnap/sentences' DefaultSentenceTokenizer.Tokenize does with its
// default annotations (TypeBasedAnnotation, then TokenBasedAnnotation with
// OrthoContext), reading the same trained sentences.Storage. The library
// builds a *Token for every word that holds or follows '.', '!' or '?',
// and asks each token's lower-cased type several times; here a word is a
// pair of byte offsets, types are built in stack buffers, and map look-ups
// use string(bytes) keys, which Go does not allocate for. Comments name
// the library step each piece reproduces; its quirks are kept on purpose,
// since the spans must not change.

// Orthographic context flags, as the library's unexported ortho.go
// constants (and so as stored in Storage.OrthoContext).
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc    = orthoBegLc + orthoMidLc + orthoUnkLc
)

// numberType is what punkt's Type puts in place of a trailing number.
const numberType = "##number##"

// punktModel is punkt's trained parameters, with two filters built from
// them that let most words skip the map look-ups: few words are
// abbreviations or begin a collocation. OrthoContext is read through
// ortho (Storage.OrthoContext is nil when the model came from the compact
// form).
type punktModel struct {
	*sentences.Storage
	ortho     orthoTable
	abbrevs   keyFilter // the keys of AbbrevTypes
	colloHead keyFilter // the types before the comma in Collocations' keys
}

func newPunktModel(st *sentences.Storage, ortho orthoTable) *punktModel {
	m := &punktModel{Storage: st, ortho: ortho}
	for k := range st.AbbrevTypes {
		m.abbrevs.add(k)
	}
	for k := range st.Collocations {
		if i := strings.IndexByte(k, ','); i >= 0 {
			m.colloHead.add(k[:i])
		}
	}
	return m
}

// isAbbrev is AbbrevTypes.Has.
func (m *punktModel) isAbbrev(typ []byte) bool {
	return mayHave(&m.abbrevs, typ) && m.AbbrevTypes[string(typ)] != 0
}

// keyFilter is a set of strings that may wrongly answer yes, never no: a
// 4096-bit map indexed by a hash of a string's length and its first and
// last bytes.
type keyFilter [4096 / 64]uint64

func (f *keyFilter) add(s string) {
	h := filterHash(s)
	f[h/64] |= 1 << (h % 64)
}

func mayHave[S string | []byte](f *keyFilter, s S) bool {
	h := filterHash(s)
	return f[h/64]&(1<<(h%64)) != 0
}

// mayHaveLower is mayHave for the lower-cased form of an ASCII string,
// which has the same length and hash without being built.
func mayHaveLower(f *keyFilter, s string) bool {
	h := hash3(len(s), 0, 0)
	if len(s) > 0 {
		h = hash3(len(s), lowerASCII(s[0]), lowerASCII(s[len(s)-1]))
	}
	return f[h/64]&(1<<(h%64)) != 0
}

func filterHash[S string | []byte](s S) uint32 {
	if len(s) == 0 {
		return hash3(0, 0, 0)
	}
	return hash3(len(s), s[0], s[len(s)-1])
}

func hash3(n int, first, last byte) uint32 {
	h := uint32(n) | uint32(first)<<8 | uint32(last)<<16
	return h * 0x9E3779B1 >> 20 // Fibonacci hashing to 12 bits
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// marks finds the sentence marks '.', '!' and '?' of a text. It keeps the
// next of each for the whole text, not a line, because '!' and '?' are
// rare: each is searched for once per occurrence, not once per line.
type marks struct {
	text string
	at   [3]int // the next '.', '!' and '?' at or after some point; -1 before the first search
}

func newMarks(text string) marks { return marks{text: text, at: [3]int{-1, -1, -1}} }

// next returns the first mark at or after i, or len(text). Its three
// searches are written out rather than looped over: with a loop, next
// cost twice what its searches did.
func (m *marks) next(i int) int {
	if m.at[0] < i {
		m.at[0] = m.find(i, '.')
	}
	if m.at[1] < i {
		m.at[1] = m.find(i, '!')
	}
	if m.at[2] < i {
		m.at[2] = m.find(i, '?')
	}
	return min(m.at[0], m.at[1], m.at[2])
}

// find returns the first c at or after i, or len(text).
func (m *marks) find(i int, c byte) int {
	if j := strings.IndexByte(m.text[i:], c); j >= 0 {
		return i + j
	}
	return len(m.text)
}

// splitter runs punkt over the lines of one text and appends their
// sentences to out. Each call of Sentences has its own, on its stack (the
// marks are a value so that escape analysis keeps them there): nothing is
// shared but the read-only model.
type splitter struct {
	m     *punktModel
	marks marks
	out   []Span

	// The line being split.
	line string
	base int // offset of line in the text, for the spans

	last int // punkt's previous break, where its next sentence starts
	pos  int // end of the previous span within line, where searching resumes

	prev    word // the previous word punkt kept, still open to change
	hasPrev bool

	// split is the old needsSplit pre-check, answered during the scan: a
	// mark followed by a space or a quote. Without one, the line is one
	// sentence trimmed as appendTrimmed trims, whatever punkt decides.
	split bool
}

// word is a token of punkt's word tokenizer: line[start:end], with punkt's
// Position and the annotations it gathers.
type word struct {
	start, end int
	pos        int
	flags      wordFlags
	sentBreak  bool
	abbr       bool
}

// wordFlags are what scanning a word learns about its bytes.
type wordFlags uint8

const (
	hasMark     wordFlags = 1 << iota // '.', '!' or '?'
	hasBracket                        // one of .[  .(  ."  .'  ?[  ?(  ![  !(
	hasNonASCII                       // a byte of a multi-byte rune, or invalid
	hasDigit                          // an ASCII digit
	hasComma                          // ','
	hasHyphen                         // '-'

	isSpaceByte wordFlags = 1 << 7 // not a flag: ASCII white space ends the word
)

// byteFlags is the flag each byte gives a word (0 for most).
var byteFlags = func() (f [256]wordFlags) {
	for c := range f {
		switch {
		case c >= utf8.RuneSelf:
			f[c] = hasNonASCII
		case c == ' ' || c >= '\t' && c <= '\r':
			f[c] = isSpaceByte
		case c == '.' || c == '!' || c == '?':
			f[c] = hasMark
		case c >= '0' && c <= '9':
			f[c] = hasDigit
		case c == ',':
			f[c] = hasComma
		case c == '-':
			f[c] = hasHyphen
		}
	}
	return f
}()

// scan is the library's word tokenizer with onlyPeriodContext, which
// keeps only the words holding '.', '!' or '?' and the word after each,
// fed straight into the annotation passes and the sentence cutting. It
// finds those words from the marks (by IndexByte) instead of reading
// every word of the line.
//
// Words are runs of non-space runes (unicode.IsSpace, decoding as a range
// loop does). The library ends a word at a space, with Position at that
// space, or at the line's last byte: a line-final word is seen only if its
// last rune is one byte long, and a word followed by a one-byte space that
// ends the line gets Position len(line).
func (p *splitter) scan() {
	line := p.line
	n := len(line)
	from := 0 // the words before from are dealt with
	for {
		m := p.marks.next(p.base+from) - p.base
		if m >= n {
			break
		}
		// The word holding the mark starts after the last space before it
		// (decoding backwards finds the runes a range loop finds). The
		// flags of its bytes before the mark (no mark among them) are
		// gathered on the way, so that wordEnd reads on from the mark.
		start, f := m, wordFlags(0)
		// One table read tells most bytes (ASCII, not white space).
		for start > from {
			c := line[start-1]
			if k := byteFlags[c]; k&(isSpaceByte|hasNonASCII) == 0 {
				f |= k
				start--
				continue
			} else if c < utf8.RuneSelf {
				break // ASCII white space
			}
			r, size := utf8.DecodeLastRuneInString(line[:start])
			if unicode.IsSpace(r) {
				break
			}
			f |= hasNonASCII
			start -= size
		}
		// That word, and each word after a word with a mark.
		for i := m; ; {
			end, flags, seen := p.wordEnd(i, f)
			if !seen {
				p.finish()
				return
			}
			pos := end
			if end == n-1 {
				pos = n
			}
			p.add(word{start: start, end: end, pos: pos, flags: flags})
			from = end
			if flags&hasMark == 0 {
				break
			}
			start = skipSpace(line, end)
			i, f = start, 0
			if start == n {
				p.finish()
				return
			}
		}
	}
	p.finish()
}

// wordEnd returns the end of the word read on from i, its flags, and
// whether the library's tokenizer sees it at all (not if it ends the line
// with a multi-byte rune); f holds the flags of the word's bytes before i,
// where no rune ends the word. Every mark of the line passes through here,
// so it also answers p.split.
func (p *splitter) wordEnd(i int, f wordFlags) (end int, _ wordFlags, seen bool) {
	line := p.line
	multiEnd := -1 // end of the last multi-byte rune
	for i < len(line) {
		c := line[i]
		k := byteFlags[c]
		if k == 0 {
			i++
			continue
		}
		switch k {
		case isSpaceByte:
			return i, f, true
		case hasMark:
			if i+1 < len(line) {
				switch line[i+1] {
				case ' ':
					p.split = true
				case '"', '\'':
					p.split = true
					if c == '.' {
						f |= hasBracket
					}
				case '[', '(':
					f |= hasBracket
				}
			}
		case hasNonASCII:
			r, size := utf8.DecodeRuneInString(line[i:])
			if unicode.IsSpace(r) {
				return i, f, true
			}
			f |= hasNonASCII
			i += size
			if size > 1 {
				multiEnd = i
			}
			continue
		}
		f |= k
		i++
	}
	return i, f, multiEnd != i
}

// skipSpace returns the end of the white space starting at i.
func skipSpace(line string, i int) int {
	for i < len(line) {
		if c := line[i]; c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// isASCIISpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func isASCIISpace(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' }

// add takes the next word punkt keeps: it annotates it by type, then
// decides the previous word, which only the next one could still change.
func (p *splitter) add(w word) {
	if w.flags&hasMark != 0 {
		p.typeAnnotation(&w)
	}
	if p.hasPrev {
		p.tokenAnnotation(&p.prev, &w)
		p.decided(&p.prev)
	}
	p.prev, p.hasPrev = w, true
}

// finish decides the last word and cuts the line's last sentence, unless
// the line needs no splitting: then splitLine drops the spans anyway.
func (p *splitter) finish() {
	if !p.split {
		return
	}
	if p.hasPrev {
		p.decided(&p.prev)
		p.hasPrev = false
	}
	if p.last != len(p.line) {
		p.sentence(len(p.line))
	}
}

func (p *splitter) decided(w *word) {
	if w.sentBreak {
		p.sentence(w.pos)
	}
}

// sentence ends punkt's current sentence at end (DefaultSentenceTokenizer
// .Tokenize) and appends its span: the sentence text without surrounding
// white space, searched for from the end of the previous span, exactly as
// the spans were always located.
func (p *splitter) sentence(end int) {
	s := strings.TrimSpace(p.line[p.last:end])
	p.last = end
	if s == "" {
		return
	}
	i := strings.Index(p.line[p.pos:], s)
	if i < 0 {
		return
	}
	start := p.base + p.pos + i
	p.out = append(p.out, Span{start, start + len(s)})
	p.pos += i + len(s)
}

// typeAnnotation is TypeBasedAnnotation: a word with a sentence-ending
// mark breaks; a word ending in one period (not "..") is an abbreviation
// if the training knows it, else a break.
func (p *splitter) typeAnnotation(w *word) {
	tok := p.line[w.start:w.end]
	// Most of these words end in a period, where hasSentEndChars can only
	// answer with the bracket flag.
	period := tok[len(tok)-1] == '.'
	if period && w.flags&hasBracket != 0 || !period && hasSentEndChars(tok, w.flags) {
		w.sentBreak = true
		return
	}
	if !period || strings.HasSuffix(tok, "..") {
		return
	}
	// The library cuts the token at its rune count less one, a byte
	// index: for a non-ASCII word that drops more than the period.
	cut := len(tok) - 1
	if w.flags&hasNonASCII != 0 {
		cut = utf8.RuneCountInString(tok) - 1
	} else if !mayHaveLower(&p.m.abbrevs, tok[:cut]) && (w.flags&hasHyphen == 0 ||
		!mayHaveLower(&p.m.abbrevs, tok[strings.LastIndexByte(tok[:cut], '-')+1:cut])) {
		// (Without a hyphen, the last part is the whole type.)
		w.sentBreak = true // the usual case, decided without lower-casing
		return
	}
	var buf [64]byte
	typ := appendLower(buf[:0], tok[:cut])
	lastPart := typ[bytes.LastIndexByte(typ, '-')+1:]
	if p.m.isAbbrev(typ) || p.m.isAbbrev(lastPart) {
		w.abbr = true
	} else {
		w.sentBreak = true
	}
}

// hasSentEndChars is the library's DefaultWordTokenizer.HasSentEndChars:
// the word ends in one of ."  .'  .)  ?  ?"  ?'  ?)  !  !"  !'  !)  !’  !”
// or holds one of .[  .(  ."  .'  ?[  ?(  ![  !( (flagged by wordEnd).
func hasSentEndChars(tok string, f wordFlags) bool {
	if f&hasBracket != 0 {
		return true
	}
	n := len(tok)
	switch tok[n-1] {
	case '?', '!':
		return true
	case '"', '\'', ')':
		if n >= 2 {
			switch tok[n-2] {
			case '.', '?', '!':
				return true
			}
		}
	}
	return strings.HasSuffix(tok, "!’") || strings.HasSuffix(tok, "!”")
}

// tokenAnnotation is TokenBasedAnnotation.tokenAnnotation for a word one
// ending in a period and the next word kept, two: the collocation,
// orthographic and frequent-sentence-starter heuristics, spaced ellipses,
// and initials and ordinals.
func (p *splitter) tokenAnnotation(one, two *word) {
	tok := p.line[one.start:one.end]
	if tok[len(tok)-1] != '.' {
		return
	}
	next := p.line[two.start:two.end]

	initial := len(tok) == 2 && isASCIILetter(tok[0])
	ellipsis := strings.HasSuffix(tok, "..")
	// Most words are ASCII without digits or commas, so their type is the
	// lower-cased word without its period, and (unless the word is
	// "##number##." itself) not numberType. If no collocation begins with
	// it, and none of the conditions tested below holds, nothing changes.
	if one.flags&(hasNonASCII|hasDigit|hasComma) == 0 && len(tok) > 1 && tok[0] != '#' &&
		!one.abbr && !ellipsis && !initial && !mayHaveLower(&p.m.colloHead, tok[:len(tok)-1]) {
		return
	}

	// The collocation key "typ,nextTyp" holds both types.
	var buf [128]byte
	key := appendTypeNoPeriod(buf[:0], tok, one.flags)
	typ := key[:len(key):len(key)]
	number := string(typ) == numberType
	// A type holds no comma (one of one byte cannot end a word in a
	// period), so typ is the head of the key: without a collocation
	// starting with it, the map need not be asked.
	collo := mayHave(&p.m.colloHead, typ)
	// Each step below needs one of these, and most words have none.
	if !one.abbr && !ellipsis && !initial && !number && tok != "." && !collo {
		return
	}
	key = append(key, ',')
	n := len(key)
	if two.sentBreak {
		key = appendTypeNoPeriod(key, next, two.flags)
	} else {
		key = appendType(key, next, two.flags)
	}
	nextTyp := key[n:]

	if collo && p.m.Collocations[string(key)] != 0 {
		one.sentBreak, one.abbr = false, true
		return
	}
	if (one.abbr || ellipsis) && !initial {
		if p.ortho(next, nextTyp) == 1 {
			one.sentBreak = true
			return
		}
		if firstUpper(next) && p.m.SentStarters[string(nextTyp)] != 0 {
			one.sentBreak = true
			return
		}
	}
	if tok == "." && next == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	if initial || number {
		o := p.ortho(next, nextTyp)
		if o == 0 {
			one.sentBreak, one.abbr = false, true
			return
		}
		if o == -1 && initial && firstUpper(next) && p.m.ortho.get(nextTyp)&orthoLc == 0 {
			one.sentBreak, one.abbr = false, true
		}
	}
}

// ortho is OrthoContext.Heuristic for the word tok of type typ: 1 if it
// starts a sentence, 0 if it does not, -1 if unknown.
func (p *splitter) ortho(tok string, typ []byte) int {
	if len(tok) == 1 && strings.IndexByte(";:,.!?", tok[0]) >= 0 {
		return 0
	}
	ctx := p.m.ortho.get(typ)
	r, _ := utf8.DecodeRuneInString(tok)
	if unicode.IsUpper(r) && ctx&orthoLc != 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if unicode.IsLower(r) && (ctx&orthoUc != 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

func firstUpper(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// appendTypeNoPeriod is the library's TypeNoPeriod: the type without a
// final period, unless the type is one byte long.
func appendTypeNoPeriod(b []byte, tok string, f wordFlags) []byte {
	n := len(b)
	b = appendType(b, tok, f)
	if len(b)-n > 1 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

// appendType appends the library's Type of tok: lower-cased, a trailing
// number (the regexp `-?[\.,]?\d[\d,\.-]*\.?$`, leftmost match) replaced by
// "##number##", and commas removed unless the result is one byte long.
// f are tok's word flags: a number needs a digit and the comma pass a comma
// (lower-casing makes neither), so most words skip both passes.
func appendType(b []byte, tok string, f wordFlags) []byte {
	n := len(b)
	b = appendLower(b, tok)
	if f&hasDigit != 0 {
		if s := numberStart(b[n:]); s >= 0 {
			b = append(b[:n+s], numberType...)
		}
	}
	if f&hasComma == 0 || len(b)-n == 1 {
		return b
	}
	j := n
	for _, c := range b[n:] {
		if c != ',' {
			b[j] = c
			j++
		}
	}
	return b[:j]
}

// numberStart returns where the leftmost match of the library's number
// regexp `-?[\.,]?\d[\d,\.-]*\.?$` in s begins, or -1. Every character of
// a match is a digit, ',', '.' or '-', so it lies within the longest such
// suffix, and it starts where an optional '-' and an optional ',' or '.'
// are followed by a digit.
func numberStart(s []byte) int {
	k := len(s)
	for k > 0 && isNumberByte(s[k-1]) {
		k--
	}
	for i := k; i < len(s); i++ {
		j := i
		if s[j] == '-' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ',') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			return i
		}
	}
	return -1
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == ',' || c == '.' || c == '-'
}

// appendLower appends strings.ToLower(s): ASCII letters folded, other
// runes through unicode.ToLower, and (as strings.Map does) each invalid
// byte written as U+FFFD.
//
// It writes each byte once, lowered, rather than copying s and lowering
// the copy: the words are a few bytes, and the copy's call cost as much.
func appendLower(b []byte, s string) []byte {
	n := len(b)
	b = slices.Grow(b, len(s))[:n+len(s)]
	dst := b[n:]
	dst = dst[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendLowerUTF8(b[:n+i], s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return b
}

func appendLowerUTF8(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}
