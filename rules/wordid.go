package rules

import "github.com/crosscheck/crosscheck/claims/token"

// Vocab numbers the words the pattern indexes of one language key on, so
// that a document's tokens are read once (Read) and every index then takes
// what it needs from the result (Index.AnchorsRead): the date and furniture
// indexes each hashed every token into their own table, asked a third
// whether the word opens a numeral, and tested its shape (a year's digits,
// "Q3", "t14", "III") over again.
//
// Indexes add their words while they are built (NewIndexIn); after that a
// Vocab is only read, so any number of goroutines may use it.
type Vocab struct {
	lang *Language
	// ids holds each word's number and flags (see vocabWord); the words
	// are numbered from 1 in the order they are added, so word id is
	// entry id-1 (Vocab.word).
	ids   WordMap[vocabWord]
	words WideFilter
	// slots hold the words of ids of up to 16 bytes with their values,
	// for Read (see vocabSlots); shortWords is how many, and slotOf[k]
	// the slot of entry k of ids (-1 for a longer word).
	slots      vocabSlots
	shortWords int
	slotOf     []int32
	// shapeLive[s] holds bit k when shape s (without shapeLine) can give
	// the k-th index a bit or a candidate. Read ORs it with the word's
	// flags into TokenWord.live, so that an index tells the tokens it has
	// nothing for (most of them: see Index.dull) by one bit, with no table
	// of its own to read.
	shapeLive [shapeLine]uint8
	indexes   int // indexes given a bit of flags so far
	// ordFirst marks the first bytes of the language's ordinal prefixes
	// (Language.OrdinalPrefixFirsts): Read asks prefixedOrdinal only at a
	// word that starts with one, where its loop over the prefixes cost a
	// dozen instructions at every word, even of a language with none.
	ordFirst [256]bool
}

// vocabWord is what a Vocab holds for a word: its number and its flags,
// numStartFlag when canStartNumber's table holds it and bit k when the
// k-th index built on the Vocab holds a key for it. Read finds both with
// one lookup: the flags were in a slice by number, a second load that
// depended on the first, at every token.
type vocabWord struct {
	id    int32
	flags uint8
	// unit marks the first words of the language's units and "m" (a
	// magnitude's "M"), the words besides digits, number words and
	// prefixed ones at which a number may start: Read gives them
	// shapeNumStart (see TokenWord.MayStartNumber). Held here, they are
	// known by the lookup Read makes anyway, where a filter of their own
	// cost a test at every word.
	unit bool
	num  uint16 // the word's number in wordNums (token.Token.Word), 0 for none
}

// numStartFlag marks, in vocabWord.flags, a word that opens a numeral; the
// bits below it are the indexes', so at most maxLiveIndexes of a Vocab
// get one (the others read their own tables: see Index.dull): the
// lowest maxLiveIndexes their live bits, the next as many their gate
// bits (gateFlag). An extractor builds two indexes a language.
const (
	numStartFlag   = 1 << 7
	maxLiveIndexes = 3
	shapeLiveMask  = shapeLine - 1
)

// gateFlag is the bit of vocabWord.flags, and so of TokenWord.live, that
// marks a gate word (Index.setGate) of the index with liveBit b: Read
// passes it on with the live bits at no cost, and the index's liveMask
// does not test it.
func gateFlag(b uint8) uint8 { return b << maxLiveIndexes }

// TokenWord is what Vocab.Read found at one token: the number of its
// lower-case form (0: not in the Vocab), its shape bits, and the indexes
// of the Vocab that may give it a bit or a candidate (see Vocab.flags),
// with those it is a gate word of (gateFlag).
type TokenWord struct {
	id    int32
	shape uint16
	live  uint8
}

// Token shapes, the facts of a token itself that anchor masks record (see
// Index.shapeBits, which turns the low eight into an index's own bits).
const (
	shapeNumber    = 1 << iota // a digit run
	shapeNumLike               // a digit run, punctuation, or a word that can open a numeral
	shapeSmall                 // one or two digits
	shapeYear                  // four digits from 1000 to 2999
	shapeMonthDay              // a word of a month name and digits ("june5")
	shapeTwo                   // a word of a letter and a digit ("Q3", "H1")
	shapeRoman                 // a capitalised Roman ordinal ("III")
	shapeTHour                 // "t" and a digit ("t14")
	shapePrefixed              // a word an ordinal prefix opens ("kedua")
	shapeSpoken                // a numeral word: SpokenYearStart may hold
	shapeLine                  // the token starts a line (token.NewlineBefore)
	shapeNumStart              // a number may start here (MayStartNumber)
	shapeRoundYear             // shapeYear, ending in 0 (see numClass)
)

// MayStartNumber reports whether a number, or an ordinal the number walk
// lists, may start at the token: false is certain. It is set at every
// token but a word that ends in no digit, is no number word, has no
// ordinal prefix, and is no unit's first word nor "M" (vocabWord.unit):
// most words, which the number walk (extract's scanNumbers) then turns
// away with this one bit where it asked a filter or two of each. Read
// tests the word only by what it reads anyway: the walk's tests cost some
// 30 instructions a token. The number words and the units' first words
// are known exactly here (numStartFlag, unit), so a word the walk's
// filters of them passed by chance has no bit: the walk's full tests
// found nothing there (extract's TestNumberStartBit holds both).
func (tw TokenWord) MayStartNumber() bool { return tw.shape&shapeNumStart != 0 }

// NewVocab starts a vocabulary for l holding the words that open numerals.
func NewVocab(l *Language) *Vocab {
	v := &Vocab{lang: l}
	l.OrdinalPrefixFirsts(&v.ordFirst)
	l.numStart.Each(func(w string, _ bool) { v.orFlags(v.add(w), numStartFlag) })
	if l.Units != nil {
		l.Units.heads.Each(func(w string, _ phraseHead) { v.markUnit(v.add(w)) })
	}
	v.markUnit(v.add("m"))
	return v
}

// add returns w's number, giving it the next one if it has none.
//
// A word it adds also keeps its number in wordNums, if it has one, which
// Read writes into each token of the word (token.Token.Word) for the
// phrase tables and the word facts. The Vocab looks up every token of
// its own words anyway; a word it holds only for the tables would cost a
// lookup at each of its tokens, which about as many lookups by the
// tables save (the common words a table holds are asked about at few of
// their tokens).
func (v *Vocab) add(w string) int32 {
	e := v.ids.Ptr(w)
	if e.id == 0 {
		e.id = int32(v.ids.Len()) // entry id-1, just added
		e.num = wordNums.find(w)
		v.words.Add(w)
		v.placeWord(int(e.id - 1))
	}
	return e.id
}

// word is the entry of the word numbered id (at least 1), to be read:
// orFlags writes its flags.
func (v *Vocab) word(id int32) *vocabWord { return &v.ids.entries[id-1].val }

// orFlags sets flags f of the word numbered id (at least 1), in ids and
// in the slots Read looks it up in.
func (v *Vocab) orFlags(id int32, f uint8) {
	v.ids.entries[id-1].val.flags |= f
	if s := v.slotOf[id-1]; s >= 0 {
		v.slots[s].val.flags |= f
	}
}

// flagsOf is the flags of the word numbered id (none for 0, every word
// the Vocab does not hold).
func (v *Vocab) flagsOf(id int32) uint8 {
	if id == 0 {
		return 0
	}
	return v.word(id).flags
}

// markUnit marks the word numbered id (at least 1) as a unit's first
// word (vocabWord.unit), in ids and in the slots.
func (v *Vocab) markUnit(id int32) {
	v.ids.entries[id-1].val.unit = true
	if s := v.slotOf[id-1]; s >= 0 {
		v.slots[s].val.unit = true
	}
}

// ID is the number of t's lower-case form, 0 when the Vocab does not hold it.
func (v *Vocab) ID(t *token.Token) int32 {
	if !v.words.May(t) {
		return 0 // most words, at the cost of a bit test
	}
	return v.lookup(t).id
}

// Read writes what each token is (see TokenWord) into dst's storage when
// it is large enough and returns it, so a caller can reuse one buffer. It
// also numbers each token for the phrase tables and the word facts
// (token.Token.Word), 0 for a word it does not number (see add).
//
// It is run at every token of every document, so the common tests are
// written in the loop rather than in a function called per token (the call
// was a third of Read's own cost); the rare marks of a word ending in a
// digit or starting with a capital Roman letter are read by markedShape.
func (v *Vocab) Read(toks []token.Token, dst []TokenWord) []TokenWord {
	ws := dst[:0]
	if cap(ws) < len(toks) {
		ws = make([]TokenWord, len(toks))
	}
	ws = ws[:len(toks)]
	l := v.lang
	for i := range toks {
		t := &toks[i]
		// The shape first, then the word: the rare calls of the shape
		// (prefixedOrdinal, markedShape) are then made with no number or
		// flags of the word to keep across them.
		s := uint16(shapeNumStart)
		switch t.Kind {
		case token.Number:
			s = numberShape(t.Text) | shapeNumStart
		case token.Punct:
			s = shapeNumLike | shapeNumStart
		case token.Word:
			w := t.Lower
			s = 0
			if v.ordFirst[w[0]] && l.prefixedOrdinal(w) {
				s = shapePrefixed | shapeNumLike | shapeSpoken | shapeNumStart
			}
			if isDigit(w[len(w)-1]) {
				s |= l.markedShape(t) | shapeNumStart
			} else {
				if t.Flags&token.Capital != 0 && romanFirst(t.Text[0]) {
					s |= l.markedShape(t)
				}
			}
		}
		var vw vocabWord    // not in the Vocab: number 0, no flags
		if v.words.May(t) { // ID, with a call for the few words that pass its test
			vw = v.lookup(t)
			if vw.flags&numStartFlag != 0 && t.Kind == token.Word {
				s |= shapeNumLike | shapeSpoken | shapeNumStart
			}
			if vw.unit { // every token but a word has the bit already
				s |= shapeNumStart
			}
		}
		id, f := vw.id, vw.flags
		t.Word = vw.num
		live := f | v.shapeLive[s&shapeLiveMask]
		if t.Is(token.NewlineBefore) {
			s |= shapeLine
		}
		ws[i] = TokenWord{id: id, shape: s, live: live &^ numStartFlag}
	}
	return ws
}

// markLive gives x the next bit of the Vocab's flags, if one is left, and
// marks with it the words and shapes x may give a bit or a candidate.
func (v *Vocab) markLive(x *Index) {
	if v.indexes == maxLiveIndexes {
		return
	}
	x.liveBit = 1 << v.indexes
	v.indexes++
	for id := range x.byID {
		if x.liveIDs[id/64]&(1<<(id%64)) != 0 {
			v.orFlags(int32(id), x.liveBit)
		}
	}
	for s := range v.shapeLive {
		if uint16(s)&x.liveShapes != 0 {
			v.shapeLive[s] |= x.liveBit
		}
	}
}

// numberShape is the shape of a digit run.
func numberShape(digits string) uint16 {
	s := uint16(shapeNumber | shapeNumLike)
	switch n := len(digits); {
	case n <= 2:
		s |= shapeSmall
	case n == 4 && (digits[0] == '1' || digits[0] == '2'):
		s |= shapeYear
		if digits[3] == '0' {
			s |= shapeRoundYear
		}
	}
	return s
}

// shapeNumClass is numClass of a digit run of shape s (numberShape):
// AnchorsRead then finds a number's candidates without reading its token.
func shapeNumClass(s uint16) int {
	switch {
	case s&shapeSmall != 0:
		return numSmall
	case s&shapeRoundYear != 0:
		return numRoundYear
	case s&shapeYear != 0:
		return numYear
	}
	return numOther
}

// romanFirst reports whether a word that starts with c may be a Roman
// ordinal (romanLetters): Read calls markedShape at a capitalised word
// only then, where it called it at every name and sentence start.
func romanFirst(c byte) bool { return c == 'I' || c == 'V' || c == 'X' }

// markedShape is the shape bits of word t that its last digit ("june5",
// "t14", "Q3") or its capital ("III") may give.
//
// A word of two letters is no shapeTwo: the quarters and halves ("Q3",
// "H1") end in a digit, and "is", "he", "it" and the like each set up
// the reading of a live token in the date index for nothing.
func (l *Language) markedShape(t *token.Token) uint16 {
	var s uint16
	w := t.Lower
	if isDigit(w[len(w)-1]) {
		if len(w) == 2 {
			s |= shapeTwo
		}
		if l.canStart(&part{kind: partSlot, slot: slotMonthDay}, t) {
			s |= shapeMonthDay
		}
		if w[0] == 't' && isDigit(w[1]) {
			s |= shapeTHour
		}
	}
	if t.Flags&token.Capital != 0 && romanLetters(t.Text) {
		if _, ok := romanOrdinals[t.Text]; ok {
			s |= shapeRoman
		}
	}
	return s
}
