package rules

import "github.com/crosscheck/crosscheck/claims/token"

// wordFacts is everything the lexicon's word tables say about one
// lower-case word, gathered in one entry so that the readers, which ask
// several tables about the same token (is it a number word, an ordinal, a
// fraction, a month?), look it up once, by the hash token.Scan computed,
// instead of hashing the word again for each Go map.
type wordFacts struct {
	num       numWord // kind 0: not a number word
	vague     [2]float64
	ordinal   int // 0: not an ordinal word
	fraction  float64
	durUnit   string
	sets      uint64 // bit id: the word is in WordSet(id)
	month     monthWord
	weekday   monthWord
	isVague   bool
	isOrdinal bool
	isMonth   bool
	isWeekday bool
	isDurUnit bool
	half      bool
	minus     bool
	ordSuffix bool
	ordPrefix bool
	and       bool
	point     bool
	detect    bool // a function word of the language (Detect)
	// capital marks a name that is also a common word ("may", "march"):
	// a name only when capitalised (Language.needsCapital).
	capital bool
	// prefixedNumber marks an ordinal prefix glued to a number word
	// ("kedua", "ketiga"): the only words outside the number tables at
	// which ReadOrdinal may read an ordinal (see PrefixedNumberAt). It is
	// a word's only fact unless the tables hold the word themselves.
	prefixedNumber bool
}

// wordFacts.sets holds one bit per ListID.
var _ = [1]struct{}{}[nLists/65]

// noFacts is the entry of every word the tables do not hold. It is never
// written.
var noFacts wordFacts

// buildFacts fills facts from the word maps; the maps stay the reference
// (and serve lookups by string).
func (l *Language) buildFacts() {
	l.facts = WordMap[wordFacts]{}
	l.factsKnown = WideFilter{}
	at := func(w string) *wordFacts {
		l.factsKnown.Add(w)
		return l.facts.Ptr(w)
	}
	for w := range l.needsCapital {
		at(w).capital = true
	}
	for w, v := range l.numWords {
		at(w).num = v
	}
	for w, v := range l.vague {
		f := at(w)
		f.vague, f.isVague = v, true
	}
	for w, v := range l.ordinals {
		f := at(w)
		f.ordinal, f.isOrdinal = v, true
	}
	for w, v := range l.fractions {
		at(w).fraction = v
	}
	for w, v := range l.DurUnits {
		f := at(w)
		f.durUnit, f.isDurUnit = v, true
	}
	for w, v := range l.months {
		f := at(w)
		f.month, f.isMonth = v, true
	}
	for w, v := range l.weekdays {
		f := at(w)
		f.weekday, f.isWeekday = v, true
	}
	for w, v := range l.halfWords {
		at(w).half = v
	}
	for w, v := range l.minusWords {
		at(w).minus = v
	}
	for w, v := range l.ordinalSuffix {
		at(w).ordSuffix = v
	}
	for w, v := range l.ordinalPrefix {
		at(w).ordPrefix = v
	}
	for w, v := range l.andWords {
		at(w).and = v
	}
	for w, v := range l.pointWords {
		at(w).point = v
	}
	for w, v := range l.Detect {
		at(w).detect = v
	}
	for pre := range l.ordinalPrefix {
		for w := range l.numWords {
			if w != "" {
				at(pre + w).prefixedNumber = true
			}
		}
	}
	for id, set := range l.requiredSets {
		for w, v := range set {
			if v {
				at(w).sets |= 1 << id
			}
		}
	}
	l.facts.Number()
}

// MayKnow reports whether the word tables may hold t's word, by the facts'
// filter alone: when it is false, every fact asked about t (DetectAt,
// InSet, DurUnitAt, IsNumberWordAt and the rest) is no. It inlines, where
// factsOf, which those call, does not: a reader that asks about most
// tokens (the word or figure after every number) asks it first, and
// most tokens then cost a bit test instead of a call each.
func (l *Language) MayKnow(t *token.Token) bool { return l.factsKnown.May(t) }

// PrefixedNumberAt reports whether word t is an ordinal prefix glued to a
// number word ("kedua"), by one lookup: of the words outside the number
// tables (NumeralLexical false), ReadOrdinal reads an ordinal only at
// those, where the first byte of a prefix opens one word in six of
// Indonesian news ("kepada", "karena", "kami"), and each cost
// ReadOrdinal's test of its prefixes and a lookup of what follows them.
// It inlines as far as the facts' filter.
func (l *Language) PrefixedNumberAt(t *token.Token) bool {
	return l.factsKnown.May(t) && l.factsOf(t).prefixedNumber
}

// tableWord reports that f is the facts of a word the language's tables
// hold, not only a prefixed number word (which no table holds as such).
func (f *wordFacts) tableWord() bool {
	return f != &noFacts && (!f.prefixedNumber || *f != (wordFacts{prefixedNumber: true}))
}

// factsOfWord is factsOf for a lower-case word that is no token's.
func (l *Language) factsOfWord(w string) *wordFacts {
	if i, ok := l.facts.find(w, token.HashString(w)); ok {
		return &l.facts.entries[i].val
	}
	return &noFacts
}

// factsOf is the entry of t's lower-case form (noFacts when there is none).
func (l *Language) factsOf(t *token.Token) *wordFacts {
	if !l.factsKnown.May(t) {
		return &noFacts // most words, at the cost of a bit test
	}
	if numbered(t) {
		return l.numberedFacts(t)
	}
	if f := l.facts.Ref(t); f != nil {
		return f
	}
	return &noFacts
}

// numberedFacts is factsOf at a token a Vocab numbered that the filter
// passed: an index, where the lookup by hash probed and compared the word
// (the common words the date indexes hold too, once per question asked).
func (l *Language) numberedFacts(t *token.Token) *wordFacts {
	if f := l.facts.RefNumbered(t); f != nil {
		return f
	}
	return &noFacts
}

// numWordOf is l.numWords[t.Lower] with its presence.
func (l *Language) numWordOf(t *token.Token) (numWord, bool) {
	f := l.factsOf(t)
	return f.num, f.num.kind != 0
}

// vagueOf is l.vague[t.Lower] with its presence.
func (l *Language) vagueOf(t *token.Token) ([2]float64, bool) {
	f := l.factsOf(t)
	return f.vague, f.isVague
}

// monthOf is l.months[t.Lower] with its presence.
func (l *Language) monthOf(t *token.Token) (monthWord, bool) {
	f := l.factsOf(t)
	return f.month, f.isMonth
}

// weekdayOf is l.weekdays[t.Lower] with its presence.
func (l *Language) weekdayOf(t *token.Token) (monthWord, bool) {
	f := l.factsOf(t)
	return f.weekday, f.isWeekday
}

// DurUnitAt is DurUnits[t.Lower]: the time unit word t names ("days" ->
// "day"), looked up by the token's hash.
func (l *Language) DurUnitAt(t *token.Token) (string, bool) {
	f := l.factsOf(t)
	return f.durUnit, f.isDurUnit
}

// MonthAt is Month for token t, looked up by its hash.
func (l *Language) MonthAt(t *token.Token) (n int, abbrev, ok bool) {
	f := l.factsOf(t)
	return f.month.n, f.month.abbrev, f.isMonth
}

// WeekdayAt is Weekday for token t, looked up by its hash.
func (l *Language) WeekdayAt(t *token.Token) (n int, abbrev, ok bool) {
	f := l.factsOf(t)
	return f.weekday.n, f.weekday.abbrev, f.isWeekday
}

// IsNumberWordAt is IsNumberWord for token t, looked up by its hash.
func (l *Language) IsNumberWordAt(t *token.Token) bool { return l.factsOf(t).numberWord() }

// numberWord is IsNumberWord for the word of f.
func (f *wordFacts) numberWord() bool { return f.num.kind != 0 || f.half || f.isVague }

// TokenFacts is what DetectAt, SetsAt and IsNumberWordAt answer for one
// token, for a reader that asks them all of the same word: each of those
// is a lookup of its own (the reading of what a number counts asked three
// of the word after every number). The zero value is a word the tables do
// not hold.
type TokenFacts struct {
	Sets       ListSets // SetsAt
	Detect     bool     // DetectAt
	NumberWord bool     // IsNumberWordAt
}

// FactsAt is t's TokenFacts, by one lookup.
func (l *Language) FactsAt(t *token.Token) TokenFacts {
	f := l.factsOf(t)
	return TokenFacts{Sets: ListSets(f.sets), Detect: f.detect, NumberWord: f.numberWord()}
}

// IsOneWordAt is IsOneWord for token t, looked up by its hash.
func (l *Language) IsOneWordAt(t *token.Token) bool { return l.factsOf(t).num.kind == nwOne }

// IsOneNumeralAt is IsOneNumeral for token t, looked up by its hash.
func (l *Language) IsOneNumeralAt(t *token.Token) bool {
	f := l.factsOf(t)
	return f.num.kind == nwValue && f.num.value == 1
}

// IsAndWordAt is IsAndWord for token t, looked up by its hash.
func (l *Language) IsAndWordAt(t *token.Token) bool { return l.factsOf(t).and }

// IsMinusWordAt is IsMinusWord for token t, looked up by its hash.
func (l *Language) IsMinusWordAt(t *token.Token) bool { return l.factsOf(t).minus }

// IsFractionWordAt is IsFractionWord for token t, looked up by its hash.
func (l *Language) IsFractionWordAt(t *token.Token) bool { return l.factsOf(t).fraction > 0 }

// IsOrdinalSuffixAt is IsOrdinalSuffix for token t, looked up by its hash.
func (l *Language) IsOrdinalSuffixAt(t *token.Token) bool { return l.factsOf(t).ordSuffix }

// InSet is WordSet(id)[t.Lower], looked up by the token's hash.
func (l *Language) InSet(id ListID, t *token.Token) bool { return l.factsOf(t).sets&(1<<id) != 0 }

// ListSets holds one bit per word set (ListID): SetsAt's answer.
type ListSets uint64

// Has reports whether the word is in WordSet(id).
func (s ListSets) Has(id ListID) bool { return s&(1<<id) != 0 }

// SetsAt is every word set token t is in, in one lookup: InSet(id, t) is
// SetsAt(t).Has(id), for a caller that asks about several sets of a token.
func (l *Language) SetsAt(t *token.Token) ListSets { return ListSets(l.factsOf(t).sets) }

// DetectAt is Detect[t.Lower], looked up by the token's hash.
func (l *Language) DetectAt(t *token.Token) bool { return l.factsOf(t).detect }

// IsNumeralWordAt reports whether token t is a number, minus or fraction
// word (IsNumberWord, IsMinusWord or IsFractionWord), in one lookup.
func (l *Language) IsNumeralWordAt(t *token.Token) bool {
	f := l.factsOf(t)
	return f.num.kind != 0 || f.half || f.isVague || f.minus || f.fraction > 0
}
