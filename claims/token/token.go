// Package token splits text into words, digit runs and punctuation with byte
// offsets, in one pass and without regular expressions.
//
// It is crosscheck's hot path: every extractor works on these tokens through
// lexicon lookups, so scanning must stay a simple byte loop (hundreds of MB/s)
// rather than a sweep of alternation-heavy regexps (a few MB/s).
//
// Digit runs are never merged with their separators here ("5,000" is three
// tokens): whether "," groups thousands or marks decimals depends on the
// language, which the number reader knows and the scanner does not.
package token

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters, possibly followed by digits ("G20", "mi")
	Number                 // a run of ASCII digits
	Punct                  // one punctuation or symbol character
)

// Token flags.
const (
	SpaceBefore   uint8 = 1 << iota // white space separates it from the previous token
	NewlineBefore                   // a line break separates it from the previous token
	Capital                         // a word starting with an upper-case letter
	AllCaps                         // a word of two or more letters, all upper case
)

// Token is one token. Text is a slice of the scanned string; Lower is its
// lower-case form (the same string when it was lower case already).
//
// Hash is a hash of Lower that Scan computes once, so rule tables can turn
// away the many words they do not hold with a bit test instead of a map
// lookup (see KeyHash). Zero means not computed.
//
// Word is the number of Lower among the words the rules' phrase tables
// and word facts key on, which a rules.Vocab writes as it reads the tokens
// (rules.Vocab.Read), so that each table finds its entry at the token by
// an index instead of a hashed probe. Zero means not numbered: the tables
// then look the token up by Hash. Scan writes it as zero, also into a
// reused buffer (see pushToken). It sits in the bytes Flags and Hash left
// over, so a Token is no larger.
type Token struct {
	Start, End int
	Kind       Kind
	Flags      uint8
	Word       uint16
	Hash       uint32
	Text       string
	Lower      string
}

// KeyHash returns t.Hash, computing it when the token was not made by Scan.
func (t *Token) KeyHash() uint32 {
	if t.Hash != 0 {
		return t.Hash
	}
	return hashLower(t)
}

// hashLower is KeyHash's rare path, kept out of line so that KeyHash and
// the filters calling it stay small enough to inline.
//
//go:noinline
func hashLower(t *Token) uint32 { return HashString(t.Lower) }

// HashString is the hash Scan stores in Token.Hash for a token whose lower
// case form is s: FNV-1a, then multiplied by the golden ratio so that its
// top bits are well mixed (filters index by them), never zero.
func HashString(s string) uint32 {
	h := uint32(offset32)
	for k := 0; k < len(s); k++ {
		h = (h ^ uint32(s[k])) * prime32
	}
	return finishHash(h)
}

// finishHash turns an FNV-1a state into HashString's hash.
func finishHash(h uint32) uint32 { return h*0x9E3779B1 | 1 }

// Is reports whether all of the flags f are set.
func (t *Token) Is(f uint8) bool { return t.Flags&f == f }

// Glued reports whether the token directly follows the previous one.
func (t *Token) Glued() bool { return t.Flags&(SpaceBefore|NewlineBefore) == 0 }

// Scan appends the tokens of text to dst and returns it.
//
// The tokens of most text (ASCII words in lower case or capitalised,
// digit runs, ASCII punctuation, spaces) come from scanRun, a loop that
// calls nothing; Scan's own loop takes the rest (scanOne) one token at a
// time and hands back to it.
func Scan(text string, dst []Token) []Token { return ScanTally(text, dst, nil) }

// Tally counts words by class while Scan reads them (ScanTally): each Word
// among the first Limit tokens appended adds one to Counts[c], c being
// Classes[Hash>>17], the class of the word's hash. Language detection
// counts in it the words each language may weigh for: read back from the
// tokens, they cost a second pass over all of them, a load of each
// 64-byte token and a test of its kind, where the scanner has the hash in
// a register and the kind known.
//
// The caller clears the Counts it reads before the scan.
type Tally struct {
	Classes *[1 << 15]uint8
	Limit   int
	Counts  [256]uint32
}

// add counts a word of hash h (see Tally).
func (tl *Tally) add(h uint32) { tl.Counts[tl.Classes[h>>17]]++ }

// addWords counts the words of dst[from:stop] (see Tally), for the
// tokens that scanOne and scanTail append: scanRun counts its own.
func (tl *Tally) addWords(dst []Token, from, stop int) {
	for k := from; k < stop && k < len(dst); k++ {
		if dst[k].Kind == Word {
			tl.add(dst[k].Hash)
		}
	}
}

// ScanTally is Scan, counting the words of the first tl.Limit tokens it
// appends in tl (see Tally); a nil tl counts nothing.
func ScanTally(text string, dst []Token, tl *Tally) []Token {
	// Room up front, so that a large document is not copied over and
	// over as it grows: news text has about one token per six bytes, so
	// one per five; a long text is measured (tokenEstimate), since a page
	// of figures has several times as many.
	need := len(text)/5 + 4
	if len(text) >= estimateFrom {
		need = tokenEstimate(text)
	}
	if need += len(dst); cap(dst) < need {
		dst = append(make([]Token, 0, need), dst...)
	}
	// Tokens from stop on are not counted: scanRun is handed dst with
	// its room cut at stop while it counts, so that it returns there.
	stop := len(dst)
	if tl != nil {
		stop += tl.Limit
	}
	var flags uint8
	var low lowerArena
	i, lim := 0, runLimit(text)
	for i < lim {
		if n := len(dst); n < stop {
			var run []Token
			run, i, flags = scanRun(&low, text, lim, i, flags, dst[:n:min(cap(dst), stop)], tl)
			dst = dst[:len(run)] // the same array: scanRun never grows it
		} else {
			dst, i, flags = scanRun(&low, text, lim, i, flags, dst, nil)
		}
		if i < lim {
			n := len(dst)
			dst, i, flags = low.scanOne(text, i, flags, dst)
			if n < stop {
				tl.addWords(dst, n, stop)
			}
		}
	}
	// A token starting before lim ends at lim at the latest, or at the
	// end of the text, taking in the letters and digits after lim.
	n := len(dst)
	dst = scanTail(text, i, flags, dst)
	if n < stop {
		tl.addWords(dst, n, stop)
	}
	return dst
}

// scanTail appends the tokens of text[i:], where a token starts, which
// holds only lower-case ASCII letters and digits (text from its runLimit):
// a run of digits, then a word to the end. A text that is one word (most
// of the rules' phrases, scanned at start-up) is all tail: through
// scanOne's general word, it cost more than the rest of its scan.
func scanTail(text string, i int, flags uint8, dst []Token) []Token {
	for i < len(text) {
		j, h := i, uint32(offset32)
		for j < len(text) && text[j]-'0' < 10 {
			h = (h ^ uint32(text[j])) * prime32
			j++
		}
		kind := Number
		if j == i {
			kind = Word
			for ; j < len(text); j++ {
				h = (h ^ uint32(text[j])) * prime32
			}
		}
		var t *Token
		dst, t = pushToken(dst)
		s := text[i:j]
		t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, j, kind, flags, 0, finishHash(h), s, s
		i, flags = j, 0
	}
	return dst
}

// pushToken appends a token to dst, doubling a full slice (see
// appendToken), and returns it and the token, to be written in place: a
// Token passed and copied whole is moved with the collector's bulk write
// barrier while it marks. The caller writes every field, Word as zero:
// in a reused buffer the slot still holds the number a Vocab gave the
// token scanned there before, which a phrase table would take for this
// token's (TestScanClearsWord).
func pushToken(dst []Token) ([]Token, *Token) {
	n := len(dst)
	if n == cap(dst) {
		dst = slices.Grow(dst, n+1)
	}
	dst = dst[:n+1]
	return dst, &dst[n]
}

// scanRun appends the tokens of text from i for as long as it can without
// a call: with a call in its loop, the compiler kept the loop's state on
// the stack, and the scanner spent more instructions moving it than
// reading bytes. It returns where it stopped and the flags the next token
// gets, leaving to scanOne a byte of a multi-byte rune, a word that is not
// lower-case ASCII letters with at most a capital first, a full dst, a
// capitalised word of more than 16 bytes, within 16 bytes of the text's
// end or when low has no 16 bytes of room, and every token from lim on
// (see runLimit).
//
// Its tokens are exactly scanOne's (TestScanReference): lower-case words
// are their own Lower, and a capitalised word's lower-case form is
// written to low as lowerASCII writes it.
//
// low comes first: passed last (in R11), it was reloaded from the stack
// at every letter of a lower-case word, whose loop took R11 for its
// test, nine instructions a letter where seven do.
//
// A word is counted in tl unless it is nil (see Tally).
func scanRun(low *lowerArena, text string, lim, i int, flags uint8, dst []Token, tl *Tally) ([]Token, int, uint8) {
	for i < lim {
		c := at(text, i)
		if c-'a' < 26 {
			// A word starting with a lower-case letter: its letters,
			// hashed as they are read, up to the byte after them,
			// which is before lim.
			h, j := (offset32^uint32(c))*prime32, i+1
			for c = at(text, j); c-'a' < 26; c = at(text, j) {
				h = (h ^ uint32(c)) * prime32
				j++
			}
			// Most words are followed by one space, taken here.
			var next uint8
			if c == ' ' {
				next = SpaceBefore
			} else if wordClass[c] != 0 {
				return dst, i, flags // more of the word to read (scanWord's)
			}
			if len(dst) == cap(dst) {
				return dst, i, flags
			}
			n := len(dst)
			dst = dst[:n+1]
			w := substr(text, i, j)
			t := &dst[n]
			h = finishHash(h)
			t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, j, Word, flags, 0, h, w, w
			if tl != nil {
				tl.add(h)
			}
			flags, i = next, j+int(next&SpaceBefore)
			continue
		}
		switch scanClass[c] {
		case byteSpace:
			flags |= SpaceBefore
			i++
		case byteLetter:
			// An upper-case letter: a capitalised word ("Jakarta", "I")
			// when lower-case letters alone follow it. Its letters end
			// before lim unless it is the byte before lim.
			if i+1 == lim {
				return dst, i, flags
			}
			h, j := (offset32^uint32(c|0x20))*prime32, i+1
			for d := at(text, j); d-'a' < 26; d = at(text, j) {
				h = (h ^ uint32(d)) * prime32
				j++
			}
			// Or an all-capitals word ("US", "DPR") when upper-case
			// letters alone follow it, up to lim at the most: all its
			// letters are lowered (lower), and it is AllCaps as word
			// finds it (no lower-case letter, two upper-case ones).
			kind, lower := Capital, uint64(0)
			if j == i+1 {
				for ; j < lim && at(text, j)-'A' < 26; j++ {
					h = (h ^ uint32(at(text, j)|0x20)) * prime32
				}
				if j == lim {
					return dst, i, flags
				}
				if j > i+1 {
					kind, lower = Capital|AllCaps, 0x2020202020202020
				}
			}
			// The lower-case form, as lowerASCII writes it, is moved
			// with two eight-byte stores of the bytes from i on, the
			// first lowered: copy's call cost more than the rest of
			// the token, and a call in the loop (for the rare word of
			// more than 16 bytes) cost more still. The bytes stored
			// past the word are past len(low.buf), in no string yet,
			// and the next words write over them.
			if wordClass[at(text, j)] != 0 || len(dst) == cap(dst) ||
				j-i > 16 || i+16 > len(text) || len(low.buf)+16 > cap(low.buf) {
				return dst, i, flags
			}
			// The tests above put both 16-byte blocks in range, so they
			// are reached through array pointers (at16, room16): the
			// slice expressions' bounds checks were a third of the word.
			buf := low.buf
			src, b := at16(text, i), room16(buf)
			binary.LittleEndian.PutUint64(b[:8], binary.LittleEndian.Uint64(src[:8])|0x20|lower)
			binary.LittleEndian.PutUint64(b[8:], binary.LittleEndian.Uint64(src[8:])|lower)
			low.buf = low.buf[:len(buf)+j-i] // the length alone: no write barrier
			n := len(dst)
			dst = dst[:n+1]
			t := &dst[n]
			h = finishHash(h)
			t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, j, Word, flags|kind, 0, h, substr(text, i, j), substr(bytesString(b[:]), 0, j-i)
			if tl != nil {
				tl.add(h)
			}
			i, flags = spaceAfter(text, lim, j)
		case bytePunct:
			if len(dst) == cap(dst) {
				return dst, i, flags
			}
			n := len(dst)
			dst = dst[:n+1]
			p := substr(text, i, i+1)
			t := &dst[n]
			t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, i+1, Punct, flags, 0, byteHash[c], p, p
			i, flags = spaceAfter(text, lim, i+1)
		case byteDigit:
			h, j := (offset32^uint32(c))*prime32, i+1
			for d := at(text, j); d-'0' < 10; d = at(text, j) {
				h = (h ^ uint32(d)) * prime32
				j++
			}
			if len(dst) == cap(dst) {
				return dst, i, flags
			}
			n := len(dst)
			dst = dst[:n+1]
			d := substr(text, i, j)
			t := &dst[n]
			t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, j, Number, flags, 0, finishHash(h), d, d
			i, flags = spaceAfter(text, lim, j)
		case byteNewline:
			flags |= NewlineBefore | SpaceBefore
			i++
		default: // byteWide
			return dst, i, flags
		}
	}
	return dst, i, flags
}

// runLimit returns one past the last byte of text that is neither a
// lower-case ASCII letter nor a digit (0 when there is none). A run of
// letters or of digits starting before it ends before it, so that
// scanRun reads those runs, most of the scanner's bytes, without testing
// for the end of the text at every byte; the tokens from it on (the tail
// of a text ending in a word or a figure) are scanTail's.
func runLimit(text string) int {
	n := len(text)
	for n > 0 && runByte[text[n-1]] {
		n--
	}
	return n
}

// runByte tells the bytes of runLimit's runs: lower-case ASCII letters
// and digits.
var runByte = func() (t [256]bool) {
	for c := range t {
		t[c] = byte(c)-'a' < 26 || byte(c)-'0' < 10
	}
	return t
}()

// at is text[i] without its bounds check, for scanRun's reads of bytes it
// knows are in the text (before its lim; see runLimit).
func at(text string, i int) byte {
	return *(*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(text)), i))
}

// at16 is the 16 bytes of text from i, for scanRun, which knows them to
// be in the text: an array pointer, read without bounds checks (see at).
func at16(text string, i int) *[16]byte {
	return (*[16]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(text)), i))
}

// room16 is the 16 bytes of buf's room after its length, for scanRun,
// which knows that cap(buf) holds them (see at16).
func room16(buf []byte) *[16]byte {
	return (*[16]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(buf)), len(buf)))
}

// spaceAfter returns where scanning goes on after a token ending at j
// (at most lim; see runLimit), and the flags of the next token: one
// space, the most common gap between tokens, is taken here rather than by
// another turn of the loop. (No space is at lim or after it.)
func spaceAfter(text string, lim, j int) (int, uint8) {
	if j < lim && at(text, j) == ' ' {
		return j + 1, SpaceBefore
	}
	return j, 0
}

// substr is text[i:j] for 0 <= i <= j <= len(text), which scanRun knows
// and the compiler cannot prove: the bounds checks and the empty-string
// case of a slice expression were a tenth of the loop. The string is put
// together from its two words (stringHeader) because unsafe.String checks
// its length against the pointer, half a dozen instructions a token.
func substr(text string, i, j int) string {
	h := stringHeader{unsafe.Add(unsafe.Pointer(unsafe.StringData(text)), i), j - i}
	return *(*string)(unsafe.Pointer(&h))
}

// bytesString is unsafe.String(unsafe.SliceData(b), len(b)) without its
// checks (see substr), for bytes of a lowerArena, never written again.
func bytesString(b []byte) string {
	h := stringHeader{unsafe.Pointer(unsafe.SliceData(b)), len(b)}
	return *(*string)(unsafe.Pointer(&h))
}

// stringHeader is a string's layout: its bytes and its length.
type stringHeader struct {
	data unsafe.Pointer
	len  int
}

// FNV-1a's 32-bit parameters, of HashString.
const (
	offset32 = 2166136261
	prime32  = 16777619
)

// byteHash is HashString of every one-byte string.
var byteHash = func() (t [256]uint32) {
	for c := range t {
		t[c] = HashString(string([]byte{byte(c)}))
	}
	return t
}()

// scanOne appends the token at i, or skips the white space there, growing
// a full dst: Scan's general step, for what scanRun leaves.
func (low *lowerArena) scanOne(text string, i int, flags uint8, dst []Token) ([]Token, int, uint8) {
	switch c := text[i]; scanClass[c] {
	case byteSpace:
		return dst, i + 1, flags | SpaceBefore
	case byteNewline:
		return dst, i + 1, flags | NewlineBefore | SpaceBefore
	case byteLetter:
		dst = low.word(dst, text, i, flags)
		return dst, dst[len(dst)-1].End, 0
	case bytePunct:
		s := text[i : i+1]
		return appendToken(dst, Token{Start: i, End: i + 1, Kind: Punct, Flags: flags, Hash: byteHash[c], Text: s, Lower: s}), i + 1, 0
	case byteDigit:
		j := i + 1
		for j < len(text) && text[j]-'0' < 10 {
			j++
		}
		s := text[i:j]
		return appendToken(dst, Token{Start: i, End: j, Kind: Number, Flags: flags, Hash: HashString(s), Text: s, Lower: s}), j, 0
	}
	// byteWide
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsLetter(r):
		dst = low.word(dst, text, i, flags)
		return dst, dst[len(dst)-1].End, 0
	case unicode.IsSpace(r) || r == utf8.RuneError && size == 1:
		if r == '\u2028' || r == '\u2029' || r == '\u0085' {
			flags |= NewlineBefore
		}
		return dst, i + size, flags | SpaceBefore
	}
	s := text[i : i+size]
	return appendToken(dst, Token{Start: i, End: i + size, Kind: Punct, Flags: flags, Hash: HashString(s), Text: s, Lower: s}), i + size, 0
}

// Byte classes of Scan's dispatch, one table read per token start instead
// of a chain of comparisons.
const (
	bytePunct   = iota // an ASCII byte that is a token of its own
	byteSpace          // ' ', '\t', '\r', '\f', '\v'
	byteNewline        // '\n'
	byteDigit          // '0'-'9'
	byteLetter         // 'a'-'z', 'A'-'Z'
	byteWide           // a byte of a multi-byte rune, or not UTF-8
)

// scanClass classifies every byte for Scan.
var scanClass = func() (t [256]uint8) {
	for _, c := range []byte{' ', '\t', '\r', '\f', '\v'} {
		t[c] = byteSpace
	}
	t['\n'] = byteNewline
	for c := '0'; c <= '9'; c++ {
		t[c] = byteDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byteLetter, byteLetter
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = byteWide
	}
	return t
}()

// appendToken appends t to dst, doubling a full slice: append grows a
// large slice by a quarter at a time, which copied the tokens of a text
// denser than Scan's first guess (a page of figures) some five times over.
func appendToken(dst []Token, t Token) []Token {
	n := len(dst)
	if n == cap(dst) {
		dst = slices.Grow(dst, n+1)
	}
	dst = dst[:n+1]
	dst[n] = t
	return dst
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Byte classes of scanWord: what an ASCII byte is within a word.
const (
	classLower = 1 << iota // a-z
	classUpper             // A-Z
	classDigit             // 0-9
	classWide              // not ASCII: a rune to decode
)

// wordClass classifies every byte for scanWord; 0 ends a word.
var wordClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
		t[c-'a'+'A'] = classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = classWide
	}
	return t
}()

// scanWord reads letters (and digits after the first letter, so "G20" and
// "COVID19" stay one word) from i. seen has classUpper when some letter is
// upper case and classLower when some other letter (or a combining mark)
// is, as unicode.IsUpper tells them apart. When every byte was ASCII
// (seen has no classWide), h is the FNV-1a hash of the word's lower-case
// form, which finishHash completes: computed in the same pass, so that a
// word's bytes are read once.
func scanWord(text string, i int) (end int, seen uint8, h uint32) {
	h = 2166136261
	j := i
	for {
		// Lower-case ASCII letters, most of a word's bytes, in a loop of
		// their own: no table read and no call, so that its state stays
		// in registers.
		if j < len(text) && text[j]-'a' < 26 {
			seen |= classLower
			for j < len(text) && text[j]-'a' < 26 {
				h = (h ^ uint32(text[j])) * 16777619
				j++
			}
		}
		if j >= len(text) {
			break
		}
		c := text[j]
		k := wordClass[c]
		if k&(classLower|classUpper|classDigit) != 0 {
			seen |= k
			// Lower-case letters and digits have bit 5 set; setting it
			// lowers an upper-case letter.
			h = (h ^ uint32(c|0x20)) * 16777619
			j++
			continue
		}
		if k == 0 {
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		if unicode.IsUpper(r) {
			seen |= classWide | classUpper
		} else {
			seen |= classWide | classLower
		}
		j += size
	}
	return j, seen, h
}

// upperLetters counts the upper-case letters of s.
func upperLetters(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf && wordClass[r]&classUpper != 0 || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// estimateFrom is the length from which Scan measures a text's tokens
// rather than guessing.
const estimateFrom = 64 << 10

// tokenEstimate is a little more than the number of tokens Scan makes of
// text: one per run of letters and digits (any byte of a UTF-8 sequence
// counting as a letter) and one per other byte that is not a space. A long
// text is measured in a few samples spread over it, scaled up: counting
// every byte cost a tenth of extraction on text with few claims, and a
// text whose density changes costs at most some growth (room).
func tokenEstimate(text string) int {
	const sample, samples = 16 << 10, 4
	if len(text) <= sample*samples {
		n := countTokens(text)
		return n + n/8 + 16
	}
	n, step := 0, (len(text)-sample)/(samples-1)
	for k := range samples {
		n += countTokens(text[k*step : k*step+sample])
	}
	n = int(int64(n) * int64(len(text)) / (sample * samples))
	return n + n/8 + 16
}

// countTokens is tokenEstimate's count over all of text.
func countTokens(text string) int {
	n, inWord := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		word := wordClass[c] != 0
		if word && !inWord || !word && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			n++
		}
		inWord = word
	}
	return n
}

// word scans the word at i (see scanWord) and appends its token to dst.
// The token is written in place: a 64-byte Token returned and then
// appended was copied twice for every word.
func (a *lowerArena) word(dst []Token, text string, i int, flags uint8) []Token {
	j, seen, h := scanWord(text, i)
	s := text[i:j]
	low := s
	if seen&classUpper != 0 {
		if seen&classWide == 0 {
			// ASCII, as scanWord found: no rune to decode.
			low = a.lowerASCII(s)
			if s[0]-'A' < 26 {
				flags |= Capital
			}
		} else {
			low = a.lower(s)
			if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
				flags |= Capital
			}
		}
		if seen&classLower == 0 && upperLetters(s) > 1 {
			flags |= AllCaps
		}
	}
	if seen&classWide != 0 {
		h = HashString(low)
	} else {
		h = finishHash(h)
	}
	// The token's fields are written in place: a Token passed and copied
	// whole is moved with the collector's bulk write barrier while it
	// marks, and words are most tokens.
	n := len(dst)
	if n == cap(dst) {
		dst = slices.Grow(dst, n+1)
	}
	dst = dst[:n+1]
	t := &dst[n]
	t.Start, t.End, t.Kind, t.Flags, t.Word, t.Hash, t.Text, t.Lower = i, j, Word, flags, 0, h, s, low
	return dst
}

// lowerArena holds the lower-case forms of one Scan's capitalised ASCII
// words in a few shared chunks instead of one allocation per word
// (strings.ToLower allocates every time): news text capitalises about one
// word in ten, and those allocations were most of the scanner's cost.
//
// Bytes are only ever appended to a chunk, never rewritten, so the strings
// made over them stay immutable; a full chunk is left to the strings that
// point into it and a new one is started. The first chunk holds 1 KB, the
// capitalised words of most articles: each chunk taken costs an allocation
// and sends the word that wanted it through scanOne, since scanRun only
// writes into room it has.
type lowerArena struct{ buf []byte }

func (a *lowerArena) lower(s string) string {
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return strings.ToLower(s) // Unicode case mapping may change the length
		}
	}
	return a.lowerASCII(s)
}

// lowerASCII is lower for a string known to be ASCII.
func (a *lowerArena) lowerASCII(s string) string {
	if len(a.buf)+len(s) > cap(a.buf) {
		a.buf = make([]byte, 0, max(len(s), min(2*cap(a.buf)+1024, 8192)))
	}
	start := len(a.buf)
	a.buf = a.buf[:start+len(s)]
	b := a.buf[start:]
	for k := range b {
		c := s[k]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return bytesString(b)
}
