package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Numbers reads counts, quantities with units, percentages and
// money, with the bounds their qualifiers give and what they count.
//
// Reading and reporting are separate: readNumber reads any numeric
// expression at a token (qualifier, currency, numeral, range, unit), and the
// extractor reports it only when it is a claim: a quantity, percentage or
// sum, or a count of something named ("12 people", "several missile
// tests"). Bare numbers ("3 of them", "in section 4") stay quiet.
func Numbers(p *Pass) { scanNumbers(p, false) }

// Ordinals reads ordinals that number an event ("Eighth Congress",
// "the second summit", "kongres ke-8"); other ordinals ("first time") are
// not checkable claims.
func Ordinals(p *Pass) { scanOrdinals(p, false) }

// scanOrdinals reports ordinals; with all set, every ordinal, else only
// those near an event word. After scanNumbers in the same pass it reads
// only the tokens that scan listed (ordinalCands): walking every token
// again cost some 17 M instructions on 5 MB of news, for about one token
// in a hundred that may open an ordinal.
func scanOrdinals(p *Pass, all bool) {
	if !p.ordCands.ready {
		scanOrdinalsAll(p, all)
		return
	}
	blocked := p.blocked
	for _, i := range p.ordCands.at {
		// Blocked now, not when listed: the dates and the numbers
		// reported since, and this walk's own ordinals, block tokens
		// (and blocking only grows, so a token blocked when listed was
		// never listed).
		if !blocked[i] {
			p.ordinalAt(int(i), all)
		}
	}
}

// scanOrdinalsAll is scanOrdinals walking every token, for a step list
// that runs Ordinals without Numbers before it.
func scanOrdinalsAll(p *Pass, all bool) {
	// The tokens, the blocked flags and the language are locals: read
	// through p, they were loaded again for every token.
	toks, blocked := p.Toks, p.blocked
	for i := 0; i < len(toks); i++ {
		if blocked[i] || !p.mayOpenOrdinal(i) {
			continue
		}
		if end, ok := p.ordinalAt(i, all); ok {
			i = end - 1
		}
	}
}

// mayOpenOrdinal is the ordinal walks' first test, false only where
// ReadOrdinal reads nothing: digits with no word glued after them (most
// figures stand alone, and each cost ReadOrdinal's call; see
// rules.DigitsMayOpenOrdinal), and a word that is no number or ordinal
// word and opens with no ordinal prefix ("ke-"), by the first-byte test
// (none in a language without prefixes, which then pays nothing for
// them). scanNumbers writes it out (the call cost more than the test at
// every figure).
func (p *Pass) mayOpenOrdinal(i int) bool {
	t := &p.Toks[i]
	return t.Kind == token.Number && rules.DigitsMayOpenOrdinal(p.Toks, i) || t.Kind == token.Word && p.wordMayOpenOrdinal(t)
}

// wordMayOpenOrdinal is mayOpenOrdinal at a word: a number or ordinal
// word, or one an ordinal prefix may open.
func (p *Pass) wordMayOpenOrdinal(t *token.Token) bool {
	return p.Lang.NumeralLexical(t) || p.index.ordPrefixFirst[t.Lower[0]]
}

// ordinalAt reads an ordinal at unblocked token i and reports it (and
// blocks its tokens) when it is a claim, returning its end.
func (p *Pass) ordinalAt(i int, all bool) (end int, ok bool) {
	v, end, ok := p.Lang.ReadOrdinal(p.Toks, i)
	if !ok || p.Blocked(i, end) || p.codeBoundary(i, end) {
		return 0, false
	}
	if p.collectiveOrdinal(i, end) {
		return 0, false
	}
	if !all {
		near := false
		for k := max(0, i-3); k < min(len(p.Toks), end+3) && !near; k++ {
			if k >= i && k < end {
				continue
			}
			near = p.Rules.Triggers.Has(p.Toks, k)
		}
		if !near {
			return 0, false
		}
	}
	c := p.made.numClaim(&claims.NumberValue{Value: float64(v), Precision: 1})
	c.Kind, c.Rule, c.Start, c.End, c.Value = claims.KindOrdinal, p.index.ordinalRule, p.Toks[i].Start, p.Toks[end-1].End, strconv.Itoa(v)
	exactOwn(c.Num)
	p.Report(c)
	p.Block(i, end)
	return end, true
}

// collectivePrefixed reports a word that opens with one of the language's
// collective_ordinal_prefix entries (Indonesian "ke-").
func (p *Pass) collectivePrefixed(w string) bool {
	for pre := range p.Lang.WordSet(rules.ListCollectiveOrdinalPrefix) {
		if strings.HasPrefix(w, pre) {
			return true
		}
	}
	return false
}

// collectiveOrdinal reports Indonesian "kedua negara" (both countries),
// "ketiga tersangka" (the three suspects): a ke- word opening a noun phrase
// counts the members, while after its noun it ranks ("putaran kedua", the
// second round).
func (p *Pass) collectiveOrdinal(i, end int) bool {
	toks := p.Toks
	if end != i+1 || end >= len(toks) || !p.collectivePrefixed(toks[i].Lower) {
		return false
	}
	nx := &toks[end]
	if nx.Kind != token.Word || nx.Is(token.NewlineBefore) || p.Lang.DetectAt(nx) {
		return false
	}
	if i == 0 || toks[i].Is(token.NewlineBefore) || toks[i-1].Kind == token.Punct {
		return true
	}
	prev := toks[i-1].Lower
	return p.Lang.Detect[prev] && prev != "yang" || p.Lang.Past.Has(toks, i-1) || p.Lang.Future.Has(toks, i-1)
}

// scanNumbers reads numbers left to right; with all set it reports every
// numeric expression read (the peer suites measure the reader), otherwise
// only claims.
func scanNumbers(p *Pass, all bool) {
	magNext := -1                         // where a magnitude listed after the last one may start (listAfter)
	var r numRead                         // read in place: a numRead is large, and was copied at every return
	batch := batches.Get().(*numberBatch) // the claims read and not yet made
	opens, lang, units := &p.index.numberOpens, p.Lang, p.Lang.Units
	prefixFirst := &p.index.ordPrefixFirst
	toks := p.Toks
	blocked := p.blocked[:len(toks)] // locals, as in scanOrdinalsAll; the length for the loop's bounds
	// What the Vocab read at each token: its one bit turns away most
	// words (see rules.TokenWord.MayStartNumber), where the tests below
	// cost a filter or two each. It is asked before blocked, which then
	// costs nothing at those words.
	tws := p.words()[:len(toks)]
	// The tokens that may open an ordinal, for scanOrdinals: listed here,
	// as this walk looks at every token (see ordinalCands).
	p.ordCands = ordinalCands{at: p.scratch.ordCands[:0]}
	for i := 0; i < len(toks); i++ {
		if !tws[i].MayStartNumber() || blocked[i] {
			continue
		}
		// Most tokens start no number, and bit tests turn most of those
		// away here, where mayStartNumber cost a call each (the tests
		// are written out: as functions they would not inline).
		switch t := &toks[i]; t.Kind {
		case token.Word:
			// A word that ends in no digit may start a number only as a
			// number word, a unit's first word or "M" (mayStartNumber's
			// word case). The lexicon's filter joined with the units'
			// (langIndex.numberOpens) turns most words away in one test;
			// of those it passes (a fifth of English news's words:
			// "and", months, units, other lexicon words) the narrower
			// filters of number words and units turn half away.
			if !isDigit(t.Lower[len(t.Lower)-1]) && (!opens.May(t) || !lang.NumeralLexical(t) && !units.MayStart(t) && t.Text != "M") {
				// No number word (opens holds every one), so an
				// ordinal only where a prefix is glued to one ("kedua";
				// none in a language without prefixes, and there the
				// first-byte test answers): mayOpenOrdinal's answer,
				// narrowed to the words ReadOrdinal may read.
				if prefixFirst[t.Lower[0]] {
					p.listPrefixedOrdinal(i)
				}
				continue
			}
		case token.Punct:
			// A spaced mark ("," and "." in prose) or one glued to a
			// word may open a unit only (quietMark), and most open none.
			if quietMark(toks, i) && !units.MayStart(t) {
				continue
			}
		}
		// The few tokens left (digits, number words, some marks) are
		// asked in full whether they may open an ordinal: mayOpenOrdinal,
		// written out for digits, most of them, which then cost no call.
		if t := &toks[i]; t.Kind == token.Number {
			if rules.DigitsMayOpenOrdinal(toks, i) {
				p.listOrdinal(i)
			}
		} else if t.Kind == token.Word && p.wordMayOpenOrdinal(t) {
			p.listOrdinal(i)
		}
		// A figure is one mayStartNumber passes whole: it costs no call.
		if toks[i].Kind != token.Number && !p.mayStartNumber(i) {
			continue
		}
		if !p.readNumber(i, &r) {
			if r.skip > i {
				// A code or label: none of its digits is a number, but
				// its tokens may open an ordinal all the same.
				p.listOrdinals(i+1, r.skip)
				i = r.skip - 1
			}
			continue
		}
		if r.start == magNext {
			// Only a number starting here continues a list of
			// magnitudes: the list's words ("and", ",") after the
			// last magnitude are asked once, not at every number
			// after it.
			p.listedMagnitude(&r)
		}
		reported := all && !r.pronoun || r.isClaim()
		if reported {
			if batch.open {
				batch.add(p, &r)
			} else {
				p.Report(r.claimIn(p, p.made.numSlot()))
			}
			p.Block(r.start, r.end)
		}
		if r.nv.Unit == "magnitude" {
			magNext = p.listAfter(r.end)
		}
		// The number's other tokens are read; those it left unblocked
		// (it was no claim) may still open an ordinal. A claim blocked
		// them all, and most numbers are one token: neither is looked at.
		if r.end > i+1 && (!reported || r.start > i+1) {
			for j := i + 1; j < r.end; j++ {
				// mayOpenOrdinal, written out as above.
				if t := &toks[j]; blocked[j] {
					continue
				} else if t.Kind == token.Number {
					if rules.DigitsMayOpenOrdinal(toks, j) {
						p.listOrdinal(j)
					}
				} else if t.Kind == token.Word && p.wordMayOpenOrdinal(t) {
					p.listOrdinal(j)
				}
			}
		}
		i = r.end - 1
	}
	batch.done(p)
	p.ordCands.ready = true
	p.scratch.ordCands = p.ordCands.at
}

// mayStartNumber is readNumber's cheap first test, false only where
// readNumber would find nothing and skip nothing: most words are not a
// number word (nor an article before a noun, "a man"), a unit before a number ("Rp", "US$"), a currency glued to
// digits ("Rp5") or a magnitude ("M7", "M 6.4"), and most punctuation opens
// neither a unit ("$"), a numeral ("-5", ".08", "½") nor a code ("-16"),
// and need no further look. (Every lexicon word and every mark was read
// whole: months, weekdays and commas cost a reading each.)
func (p *Pass) mayStartNumber(i int) bool {
	t := &p.Toks[i]
	switch t.Kind {
	case token.Word:
		if isDigit(t.Lower[len(t.Lower)-1]) {
			return true
		}
		// A numeral word passes the narrower filter of number and ordinal
		// words (NumeralLexical), which most words the lexicon's passes
		// (months, units, "and") do not.
		if p.Lang.NumeralLexical(t) && p.Lang.NumeralWordStartsAt(p.Toks, i) || t.Text == "M" && p.Lang.Lexical(t) {
			return true
		}
		// MayOpen inlines: most words cost no call. Its wide filter
		// turns away the words the units' first-word filter passes by
		// its bit alone, "of" above all, which cost StartsAt's call at
		// every one. (The walk in scanNumbers keeps MayStart: there the
		// second filter cost more in its loop than the calls it saved.)
		return p.Lang.Units.MayOpen(t) && p.Lang.Units.StartsAt(t)
	case token.Punct:
		if quietMark(p.Toks, i) {
			return p.Lang.Units.MayOpen(t) && p.Lang.Units.StartsAt(t)
		}
		return p.Lang.PunctOpensNumeralAt(p.Toks, i) || p.Lang.Units.MayOpen(t) && p.Lang.Units.StartsAt(t) || codeAt(p.Toks, i)
	}
	return true
}

// quietMark reports a mark that opens neither a numeral nor a code, for a
// reason that costs a few tests: it starts with an ASCII byte, so it is no
// vulgar fraction ("½"); and the token after it is not glued to it (or
// there is none), or is a word: so no digits follow it as a sign or
// decimal point ("-5", ".08") and it is no code's first mark ("-16"). The
// commas and periods of prose are such marks, and so are the quote of
// "“The", the hyphen of "well-known", the apostrophe of "'s", the bracket
// of "(AP" and the full stops of "U.S.". mayStartNumber then asks only
// whether it opens a unit ("$"), and not rules.Language.PunctOpensNumeralAt
// nor codeAt: marks glued to words were two in five of the marks it asked
// in full, at some 100 instructions each in English news. TestQuietMark
// holds the answers equal. (One expression, so that it inlines in
// scanNumbers' walk.)
func quietMark(toks []token.Token, i int) bool {
	return toks[i].Text != "" && toks[i].Text[0] < utf8.RuneSelf && (i+1 == len(toks) || !toks[i+1].Glued() || toks[i+1].Kind == token.Word)
}

// startsAt reports that a phrase of ph may start at toks[i], and endsBefore
// that one may end right before toks[i]: the phrase tables' filters, which
// inline (Match and MatchBefore do not), asked first where a number asks
// many tables about its neighbours, most of which hold neither.
func startsAt(ph *rules.Phrases, toks []token.Token, i int) bool {
	return i < len(toks) && ph.MayStart(&toks[i])
}

func endsBefore(ph *rules.Phrases, toks []token.Token, i int) bool {
	return i > 0 && i <= len(toks) && ph.MayEnd(&toks[i-1])
}

// numRead is one numeric expression read at a token.
type numRead struct {
	start, end int // token range: qualifier .. unit
	skip       int // for a non-number: the token after the code or label
	kind       claims.Kind
	nv         claims.NumberValue
	isRange    bool
	attrNext   bool
	pronoun    bool // "one" as a pronoun ("the one you mentioned")
	weighty    bool // qualified, scaled or digit-grouped: a figure even without a counted noun
	// exact says nv is bounded at its value on both sides, bounds that
	// claim gives it: half the figures read are no claim, and their
	// bounds were two floats each for nothing.
	exact bool
}

// isClaim reports whether a read number is a checkable claim.
func (r *numRead) isClaim() bool {
	if r.pronoun {
		return false
	}
	if r.kind != claims.KindCount {
		return true
	}
	// A count with what it counts, or a figure that is clearly one: a
	// qualifier, a scale word or grouped digits ("about 96.2 million were
	// registered", "96,214,691 was the final count").
	return r.nv.Counted != "" || r.attrNext || r.weighty
}

// claimIn makes r's claim in nc, a zero slot (see numberBatch).
func (r *numRead) claimIn(p *Pass, nc *numClaim) *claims.Claim {
	c := nc.set(&r.nv)
	nv := c.Num
	if r.exact {
		exactOwn(nv)
	}
	c.Kind, c.Rule, c.Start, c.End = r.kind, p.index.numberRule, p.Toks[r.start].Start, p.Toks[r.end-1].End
	if r.isRange && nv.Low != nil && nv.High != nil {
		var buf [64]byte
		b := append(appendNumber(buf[:0], *nv.Low), '/')
		c.Value = p.made.value(appendNumber(b, *nv.High))
	} else if v, ok := smallValue(nv.Value); ok {
		c.Value = v
	} else {
		c.Value = p.numberValue(nv.Value, r.start, r.end)
	}
	return c
}

// smallValue is claims.FormatNumber(f) for a whole f from 0 to 99, read
// from a table (smallValues). numberValue spelled such a value, searched
// the claim's text for it and, for a number in words ("two", "dua
// puluh"), copied it into the value buffer, whose first use took a 4 KB
// chunk in every article with one. (With strconv.Itoa, which spells them
// from a table too, the call did not inline: 30 instructions a claim.)
func smallValue(f float64) (string, bool) {
	if f >= 0 && f < 100 && f == math.Trunc(f) {
		return smallValues[int(f)], true
	}
	return "", false
}

// smallValues[k] is strconv.Itoa(k).
var smallValues = func() (s [100]string) {
	for k := range s {
		s[k] = strconv.Itoa(k)
	}
	return s
}()

// unitAt matches a unit written before (prefix) or after a number at toks[i].
func (p *Pass) unitAt(i int, before bool) (end int, u *rules.Unit, ok bool) {
	l, toks := p.Lang, p.Toks
	if i >= len(toks) || toks[i].Is(token.NewlineBefore) && !before || !l.Units.MayStart(&toks[i]) {
		return 0, nil, false
	}
	e, ui, ok := i+1, l.MarkUnit(&toks[i])-1, true // a table for "%" and its like
	if ui < 0 {
		e, ui, ok = l.Units.Match(toks, i)
	}
	if !ok {
		return 0, nil, false
	}
	u = &l.UnitList[ui]
	if before {
		if !u.Prefix {
			return 0, nil, false
		}
		// "Rp." / "Rp": a glued period after the symbol.
		if e < len(toks) && toks[e].Text == "." && toks[e].Glued() {
			e++
		}
		return e, u, true
	}
	if u.Prefix && p.Lang.InSet(rules.ListPrefixOnly, &toks[i]) {
		return 0, nil, false
	}
	return e, u, true
}

// readNumber reads a numeric expression at token i: an optional qualifier
// ("more than", "sekitar"), currency or "magnitude" before the number, the
// numeral, a range ("3-5", "between 3 and 5", "antara 3 hingga 5"), a unit
// after it ("km", "persen", "dollars"), and a qualifier after it ("or more").
// The caller has tested mayStartNumber(i). The reading is written to r
// (when it fails, only r.skip counts).
func (p *Pass) readNumber(i int, r *numRead) bool {
	l, toks := p.Lang, p.Toks
	*r = numRead{start: i}
	first := i
	var unit *rules.Unit
	// The units' filter inline first (as in finishNumber): most figures
	// open no currency or unit, and each cost unitAt's call.
	if startsAt(l.Units, toks, i) {
		if e, u, ok := p.unitAt(i, true); ok && e < len(toks) && !p.Blocked(i, e) {
			if e+1 < len(toks) && toks[e].Text == "-" && toks[e].Glued() && toks[e+1].Glued() && toks[e+1].Kind == token.Number &&
				!strings.HasPrefix(u.Dimension, "money-") {
				e++ // "magnitude-6.1": the hyphen joins, it is no minus
			}
			if _, ok := l.ReadNumeral(toks, e); ok && (toks[e].Kind == token.Number || l.IsNumberWordAt(&toks[e])) {
				unit = u
				i = e
			}
		}
	}
	t := &toks[i]
	// Both read a word only, and a figure (most tokens read here) cost
	// each a call, and magnitudeWord a Numeral returned empty.
	if t.Kind == token.Word {
		if p.gluedPrefix(i, r) {
			// "Rp5,2 triliun": the scanner keeps letters and digits together.
			return true
		}
		if v, ok := p.magnitudeWord(i); ok {
			// "M7.8"
			n := rules.Numeral{Value: v.Value, Precision: v.Precision, End: v.End}
			return p.finishNumber(r, first, i, &n, &l.UnitList[p.index.magnitude])
		}
	}
	isWord := t.Kind == token.Word && l.Lexical(t) && l.IsNumeralWordAt(t)
	if isWord && l.List(rules.ListVagueNeedsOf).Has(toks, i) && (i+1 >= len(toks) || toks[i+1].Lower != "of") {
		return false // "he scores"
	}
	isPunct := t.Kind == token.Punct
	if t.Kind != token.Number && !isWord && !isPunct {
		return false
	}
	if unit == nil && (t.Kind == token.Number || isPunct) {
		if isPunct && !l.PunctOpensNumeralAt(toks, i) && !codeAt(toks, i) {
			// Most punctuation (a full stop, a hyphen between words): no
			// numeral opens here, so the reading fails whatever
			// labelNumber says, and a label's skip would not pass the
			// next token either.
			return false
		}
		if mayLabel(toks, i, l.List(rules.ListLabelBefore)) && p.labelNumber(i) {
			r.skip = p.skipCode(i)
			return false
		}
		// (yearAdjective reads four digits only: most figures cost no call.)
		if t.Kind == token.Number && len(t.Text) == 4 && p.yearAdjective(i) {
			r.skip = i + 1
			return false
		}
	}
	var n rules.Numeral // read in place (rules.Language.ReadNumeralTo)
	if !l.ReadNumeralTo(&n, toks, i) || p.Blocked(i, n.End) {
		return false
	}
	if n.Code {
		r.skip = p.skipCode(i)
		return false
	}
	// (partOfCode reads digits glued to what is before or after them
	// only: most figures cost no call.)
	if t.Kind == token.Number && (i > 0 && t.Glued() || n.End < len(toks) && toks[n.End].Glued()) && p.partOfCode(i, n.End) {
		r.skip = p.skipCode(i)
		return false
	}
	if isWord && n.Value == 0.5 && n.End == i+1 && (n.End >= len(toks) || toks[n.End].Lower != "of" && toks[n.End].Lower != "dari") {
		// "half time", "at half": a bare "half" is a number only before
		// "of" or after a qualifier ("more than half").
		if _, _, q := p.qualifierBefore(i); !q {
			return false
		}
	}
	if isWord && l.IsOneNumeralAt(t) && n.End == i+1 {
		// "the one you mentioned", "which one": a pronoun, unless a unit
		// or a counted noun follows ("that one mile").
		if _, _, ok := l.List(rules.ListPronounOneBefore).MatchBefore(toks, i, 2); ok {
			_, _, isUnit := l.Units.Match(toks, n.End)
			r.pronoun = !isUnit && !p.Rules.Counted.Has(toks, n.End)
		}
	}
	return p.finishNumber(r, first, i, &n, unit)
}

// gluedPrefix reads a currency or magnitude word glued to its digits in one
// token ("Rp5,2 triliun", "Rp150.000", "M7,8" in Indonesian) by reading the
// digits as a token of their own. It writes r only when it reads one.
func (p *Pass) gluedPrefix(i int, r *numRead) bool {
	l, toks := p.Lang, p.Toks
	t := &toks[i]
	if t.Kind != token.Word || len(t.Lower) < 2 {
		return false
	}
	k := len(t.Lower)
	for k > 0 && t.Lower[k-1] >= '0' && t.Lower[k-1] <= '9' {
		k--
	}
	if k == 0 || k == len(t.Lower) {
		return false
	}
	pre := token.Scan(t.Text[:k], nil)
	_, ui, ok := l.Units.Match(pre, 0)
	if !ok || !l.UnitList[ui].Prefix || len(pre) != 1 {
		return false
	}
	digits := t.Text[k:]
	end := min(len(toks), i+16)
	tmp := make([]token.Token, 0, end-i)
	tmp = append(tmp, token.Token{Start: t.Start + k, End: t.End, Kind: token.Number, Text: digits, Lower: digits})
	tmp = append(tmp, toks[i+1:end]...)
	n, ok := l.ReadNumeral(tmp, 0)
	if !ok || n.Code || n.Vague {
		return false
	}
	n.End += i
	// Read the rest (range, unit, qualifier) from the real tokens; the
	// number starts at the glued word.
	// A failed reading leaves the caller's r as it was.
	g := numRead{start: i}
	if !p.finishNumber(&g, i, i, &n, &l.UnitList[ui]) {
		return false
	}
	*r = g
	return true
}

// magnitudeWord reads "M7.8" (a word token "M7" and a glued decimal) and
// "M 6.4" (a capital M before a one-decimal figure up to 10).
func (p *Pass) magnitudeWord(i int) (rules.Numeral, bool) {
	toks := p.Toks
	t := &toks[i]
	if t.Kind != token.Word || len(t.Text) > 3 || t.Text[0] != 'M' || p.index.magnitude < 0 {
		return rules.Numeral{}, false
	}
	if t.Text == "M" {
		if i+1 >= len(toks) || toks[i+1].Kind != token.Number || toks[i+1].Glued() || toks[i+1].Is(token.NewlineBefore) ||
			i > 0 && t.Glued() && toks[i-1].Kind != token.Punct {
			return rules.Numeral{}, false
		}
		n, ok := p.Lang.ReadNumeral(toks, i+1)
		if !ok || n.Code || n.Scaled || n.Precision != 0.1 || n.Value < 1 || n.Value > 10 {
			return rules.Numeral{}, false
		}
		if _, _, isUnit := p.Lang.Units.Match(toks, n.End); isUnit && n.End < len(toks) && !toks[n.End].Is(token.NewlineBefore) {
			return rules.Numeral{}, false
		}
		return n, true
	}
	if len(t.Text) < 2 {
		return rules.Numeral{}, false
	}
	v := 0.0
	for _, c := range t.Text[1:] {
		if c < '0' || c > '9' {
			return rules.Numeral{}, false
		}
		v = v*10 + float64(c-'0')
	}
	if v > 10 || (i > 0 && t.Glued() && toks[i-1].Kind != token.Punct) {
		return rules.Numeral{}, false
	}
	n := rules.Numeral{Value: v, Precision: 1, End: i + 1}
	if i+2 < len(toks) && (toks[i+1].Text == "." || toks[i+1].Text == ",") && toks[i+1].Glued() && toks[i+2].Kind == token.Number && toks[i+2].Glued() && len(toks[i+2].Text) == 1 {
		n.Value += float64(toks[i+2].Text[0]-'0') / 10
		n.Precision = 0.1
		n.End = i + 3
	} else {
		return rules.Numeral{}, false
	}
	return n, true
}

// bareFigureEnd reports that nothing the figure ending at token end could
// count follows it: the end of the text or line, punctuation, a function
// word or a listed preposition ("killing 11.", "wounding 26 near the gate",
// not "injured 3 times").
func (p *Pass) bareFigureEnd(end int) bool {
	toks := p.Toks
	if end >= len(toks) || toks[end].Is(token.NewlineBefore) || toks[end].Kind == token.Punct {
		return true
	}
	return toks[end].Kind == token.Word && (p.Lang.DetectAt(&toks[end]) || p.Lang.List(rules.ListHarmAfter).Has(toks, end))
}

// moneyUnitAt reports a currency word after a number at token k ("2m
// euros").
func (p *Pass) moneyUnitAt(k int) bool {
	_, u, ok := p.unitAt(k, false)
	return ok && strings.HasPrefix(u.Dimension, "money-")
}

// leadUnit matches a magnitude unit after a lead ("on the Richter scale")
// at token k.
func (p *Pass) leadUnit(k int) (int, *rules.Unit, bool) {
	lead := p.Lang.List(rules.ListUnitLead)
	if !startsAt(lead, p.Toks, k) {
		return 0, nil, false
	}
	e, _, ok := lead.Match(p.Toks, k)
	if !ok || e >= len(p.Toks) || p.Toks[e].Is(token.NewlineBefore) {
		return 0, nil, false
	}
	e2, u, ok := p.unitAt(e, false)
	if !ok || u.Dimension != "magnitude" {
		return 0, nil, false
	}
	return e2, u, true
}

// magnitudeFigure reports a numeral that can be a magnitude standing
// alone: one decimal ("7.6", "6,6"), from 1 to 10. (Whether the language
// has the magnitude unit is the caller's to ask: langIndex.magnitude.)
func (p *Pass) magnitudeFigure(n *rules.Numeral) bool {
	return !n.Vague && !n.Code && !n.Scaled && !n.Words && n.Precision == 0.1 && n.Value >= 1 && n.Value <= 10
}

// quakeSentence reports a quake word (magnitude_nouns) in the sentence of
// token i. The answer for the last sentence asked about is kept: reading
// the sentence again for each figure in it made a long one quadratic.
func (p *Pass) quakeSentence(i int) bool {
	a, b := p.sentenceTokens(p.Toks[i].Start)
	if q := &p.quake; q.ok && q.a == a {
		return q.yes
	}
	nouns := p.Lang.List(rules.ListMagnitudeNouns)
	yes := false
	for k := a; k < b && !yes; k++ {
		// The table's filter inline first: a sentence is read whole,
		// and most of its words cost Has's call for nothing.
		yes = startsAt(nouns, p.Toks, k) && nouns.Has(p.Toks, k)
	}
	p.quake = sentenceFlag{a: a, ok: true, yes: yes}
	return yes
}

// sentenceFlag is a yes or no kept for the sentence starting at token a,
// when ok.
type sentenceFlag struct {
	a       int
	ok, yes bool
}

// listAfter is where a number listed after the number ending at token
// end starts, past the list's words there ("and", ","): the only start
// at which listedMagnitude may continue a list of magnitudes ending at
// end. It is -1 when no list word follows.
func (p *Pass) listAfter(end int) int {
	if e, _, ok := p.Lang.List(rules.ListNumberList).Match(p.Toks, end); ok {
		return e
	}
	return -1
}

// listedMagnitude turns r into a magnitude when it continues a list of
// magnitudes ("measuring 7.6 and 7.4", "4.9, 5.1 and 5.3"): the caller
// has found that it starts where the list's words after the last
// magnitude end (listAfter).
func (p *Pass) listedMagnitude(r *numRead) {
	if r.kind != claims.KindCount || r.isRange || r.nv.Vague || r.nv.Qualifier != "" {
		return
	}
	v := r.nv.Value
	if r.nv.Precision != 0.1 || v < 1 || v > 10 || r.end != r.start+p.numeralTokens(r.start) {
		return
	}
	r.kind = claims.KindQuantity
	r.nv.Unit = "magnitude"
	r.nv.Counted = ""
	r.attrNext = false
}

// numeralTokens is the number of tokens the numeral at i takes.
func (p *Pass) numeralTokens(i int) int {
	n, ok := p.Lang.ReadNumeral(p.Toks, i)
	if !ok {
		return 0
	}
	return n.End - i
}

// unitIndex returns the index of l's unit named name, or -1.
func unitIndex(l *rules.Language, name string) int {
	for k := range l.UnitList {
		if l.UnitList[k].Name == name {
			return k
		}
	}
	return -1
}

// skipCode returns the token after a run of digits joined by punctuation
// ("555-1212", "192.168.1.2", "F-16"), so none of its parts is read.
func (p *Pass) skipCode(i int) int {
	// (codeAt is the loop's first test: keep the two alike.)
	toks := p.Toks
	j := i + 1
	for j+1 < len(toks) && toks[j].Glued() && toks[j+1].Glued() && (toks[j].Kind == token.Punct && len(toks[j].Text) == 1 && strings.Contains("-./:,", toks[j].Text)) &&
		(toks[j+1].Kind == token.Number || toks[j+1].Kind == token.Word) {
		j += 2
	}
	return j
}

// codeAt reports that skipCode(i) skips past token i+1: a one-character
// mark of a code glued to token i's end and a word or figure glued after
// it ("16-", "/2024"). Most marks open no code, and this answers for
// them without a call.
func codeAt(toks []token.Token, i int) bool {
	j := i + 1
	if j+1 >= len(toks) {
		return false
	}
	m, n := &toks[j], &toks[j+1]
	return m.Kind == token.Punct && len(m.Text) == 1 && m.Glued() && n.Glued() && (n.Kind == token.Number || n.Kind == token.Word) &&
		strings.IndexByte("-./:,", m.Text[0]) >= 0
}

// finishNumber reads what follows the numeral n read at token i (a scale
// suffix, a range, a unit, a qualifier, what it counts) into r, whose
// expression starts at token first. It may change n (its Scale), which is
// passed by reference: a Numeral is large, and was copied at every call.
//
// A figure with no unit before it whose neighbours are no words the
// number reader looks for around a figure (rules.Language's
// MayFollowFigure and MayPrecedeFigure, asked by mayFollow and
// mayPrecede, which inline here, where a function asking both did not) is
// read by finishPlain: finishRead would find no scale suffix, range, unit,
// quake word, time unit, qualifier, bound, threshold verb nor verb of
// harm there, and its dozen tests of those tables (some 250 instructions
// a figure, most of the cost of a page of figures) come to what
// finishPlain reads without them. TestFinishPlain holds the two readings
// equal.
func (p *Pass) finishNumber(r *numRead, first, i int, n *rules.Numeral, unit *rules.Unit) bool {
	if unit == nil && !p.mayFollow(n.End, true) && !p.mayPrecede(first, true) {
		p.finishPlain(r, first, i, n)
		return true
	}
	return p.finishRead(r, first, i, n, unit, true)
}

// mayPrecede is false when gate is set and the token before first may
// end no phrase finishRead looks for before a figure: a qualifier, a
// measuring word, a threshold verb, a verb of harm or an age cue.
func (p *Pass) mayPrecede(first int, gate bool) bool {
	return !gate || first > 0 && p.Lang.MayPrecedeFigure(&p.Toks[first-1])
}

// mayFollow is false when gate is set and the token at end may open
// nothing finishRead looks for after a figure: a scale suffix, a range, a
// unit or its lead, a quake noun, a time unit or a bound.
func (p *Pass) mayFollow(end int, gate bool) bool {
	return !gate || end < len(p.Toks) && p.Lang.MayFollowFigure(&p.Toks[end])
}

// finishPlain is finishRead for a figure with no unit before it whose
// neighbours the gates of finishRead turn away (see finishNumber): a
// count of what follows it, if anything, exact unless vague.
func (p *Pass) finishPlain(r *numRead, first, i int, n *rules.Numeral) {
	end := n.End
	nv := &r.nv
	*nv = claims.NumberValue{Value: n.Value, Precision: n.Precision}
	if n.Vague {
		lo, hi := n.Low, n.High
		nv.Low, nv.High, nv.Vague = &lo, &hi, true
	} else {
		r.exact = true // bounded when it is a claim (numRead.claim)
	}
	// counted, written out: it does not inline, and most plain figures
	// are followed by another or a mark (countedAfterMark).
	ok := false
	if end < len(p.Toks) && p.Toks[end].Kind != token.Word {
		nv.Counted, r.attrNext, ok = p.countedAfterMark(end)
	}
	if !ok {
		nv.Counted, r.attrNext = p.countedAfterWord(end)
	}
	r.start, r.end, r.kind = first, end, claims.KindCount
	r.weighty = n.Scale > 1 || n.Vague || n.End > i+1 && p.grouped(i, n.End)
}

// finishRead is finishNumber in full. With gate set, the tests of the
// words after the expression's end are asked only while MayFollowFigure
// passes the token there, and those of the words before its first token
// only while MayPrecedeFigure passes the one before it (see mayFollow):
// a figure with a unit after it ("23%") or a qualifier before it ("about
// 500 people") is plain on its other side, and asked the half of the
// dozen tests there for nothing. Without gate every test is asked, as
// TestFinishGates does to hold the two readings equal.
func (p *Pass) finishRead(r *numRead, first, i int, n *rules.Numeral, unit *rules.Unit, gate bool) bool {
	l, toks := p.Lang, p.Toks
	end := n.End
	before, after := p.mayPrecede(first, gate), p.mayFollow(end, gate)
	// The value is built in r itself: a NumberValue is large, and was
	// copied into r at the end.
	nv := &r.nv
	*nv = claims.NumberValue{Value: n.Value, Precision: n.Precision}
	// A lower-case unit-like suffix scales after a currency or before a
	// counted noun: "$5m", "£2bn", "5m people".
	if after && n.Scale == 0 && end < len(toks) && toks[end].Glued() && toks[end].Kind == token.Word {
		if v, ok := l.ScaleSuffix(toks[end].Lower); ok && (unit != nil && strings.HasPrefix(unit.Dimension, "money-") || p.Rules.Counted.Has(toks, end+1) || p.moneyUnitAt(end+1)) {
			nv.Value *= v
			nv.Precision *= v
			n.Scale = v
			end++
			after = p.mayFollow(end, gate)
		}
	}
	// A range: "3-5", "3 to 5", "between 3 and 5", "antara 3 hingga 5",
	// "$3-$5 million".
	if after && end+1 < len(toks) && !toks[end].Is(token.NewlineBefore) && !n.Vague {
		sep := toks[end].Text
		dash := sep == "-" || sep == "–" || sep == "—" || sep == "~"
		// "between"/"antara" before the figure is looked for only where a
		// range may follow it, which most figures' next token rules out.
		fromAt, fromOK := 0, false
		to := end
		if dash {
			to = end + 1
			fromAt, fromOK = p.rangeFromBefore(first)
		} else if rt := l.List(rules.ListRangeTo); startsAt(rt, toks, end) {
			if k, _, ok := rt.Match(toks, end); ok {
				fromAt, fromOK = p.rangeFromBefore(first)
				// "and" joins a range only after "between"/"antara".
				isAnd := l.InSet(rules.ListRangeAnd, &toks[end])
				between := fromOK && l.InSet(rules.ListRangeBetween, &toks[fromAt])
				if !isAnd || between {
					to = k
				}
			}
		}
		if to > end && to < len(toks) {
			se := to
			var rangeUnit *rules.Unit
			if e, u, ok := p.unitAt(se, true); ok && (unit == nil || u.Name == unit.Name) && e < len(toks) {
				se, rangeUnit = e, u
			}
			if n2, ok := l.ReadNumeral(toks, se); ok && !n2.Vague && !n2.Code && !p.Blocked(se, n2.End) && !(dash && p.phoneLike(toks[end-1].Text, toks[se].Text)) {
				lo, hi := n.Value, n2.Value
				if n.Scale == 0 && n2.Scale > 1 && lo < n2.Value/n2.Scale*10 {
					// "3 to 5 million": the scale covers both ends.
					lo *= n2.Scale
				}
				if scale := n.Scale; scale > 1 && n2.Scale == 0 && hi < lo {
					hi *= scale // "5k-20k" is written whole; "3m-5" is not
				}
				if hi > lo {
					if unit == nil && rangeUnit != nil {
						unit = rangeUnit
					}
					nv.Low, nv.High = &lo, &hi
					nv.Value = lo
					nv.Precision = math.Min(n.Precision, n2.Precision)
					r.isRange = true
					end = n2.End
					after = p.mayFollow(end, gate)
					if fromOK && fromAt < first {
						first = fromAt
						before = p.mayPrecede(first, gate)
					}
				}
			}
		}
	}
	// A unit after the number: "15 km", "58,59 persen", "5 million
	// dollars", "7.8-magnitude", "10-kilometre".
	if unit == nil && after && end < len(toks) {
		k := end
		if toks[k].Text == "-" && toks[k].Glued() && k+1 < len(toks) && toks[k+1].Glued() {
			k++
		}
		// The two tables' filters inline first: most figures have no
		// unit after them, and each cost the two calls that say so.
		if startsAt(l.Units, toks, k) || startsAt(l.List(rules.ListUnitLead), toks, k) {
			if e, u, ok := p.unitAt(k, false); ok {
				unit = u
				end = e
			} else if e, u, ok := p.leadUnit(k); ok {
				unit = u
				end = e
			}
		}
	} else if unit != nil && after && end < len(toks) && !toks[end].Is(token.NewlineBefore) {
		// The unit said again after a prefix: "magnitude of 8.9 on the
		// Richter scale", "Rp 5 juta rupiah".
		if e, u, ok := p.unitAt(end, false); ok && u.Name == unit.Name {
			end = e
		} else if e, u, ok := p.leadUnit(end); ok && u.Name == unit.Name {
			end = e
		}
	}
	after = p.mayFollow(end, gate) // (end may have moved: the unit read)
	// Feet and inches, kilometres and metres: "5 ft 2 in".
	if unit != nil && unit.Dimension == "length" && end+1 < len(toks) {
		k := end
		if l.IsAndWordAt(&toks[k]) {
			k++
		}
		if n2, ok := l.ReadNumeral(toks, k); ok && toks[k].Kind == token.Number && n2.End < len(toks) {
			e, u2, ok := p.unitAt(n2.End, false)
			if !ok && unit.Name == "ft" && toks[n2.End].Lower == "in" && (n2.End+1 >= len(toks) || toks[n2.End+1].Kind != token.Word) {
				// "5 ft 2 in": "in" is inches only here.
				if in := unitIndex(p.Lang, "in"); in >= 0 {
					e, u2, ok = n2.End+1, &l.UnitList[in], true
				}
			}
			if ok && u2.Dimension == "length" && u2.Factor < unit.Factor {
				nv.Value += n2.Value * u2.Factor / unit.Factor
				nv.Precision = math.Min(nv.Precision, n2.Precision*u2.Factor/unit.Factor)
				end = e
				after = p.mayFollow(end, gate)
			}
		}
	}
	if unit == nil && after && !r.isRange && n.Precision == 0.1 && nv.Value > 0 && nv.Value < 10 && end < len(toks) &&
		l.List(rules.ListMagnitudeNouns).Has(toks, end) {
		// "a 9.1 temblor", "gempa 6,6": a one-decimal figure naming a
		// quake is its magnitude.
		if mag := p.index.magnitude; mag >= 0 {
			unit = &l.UnitList[mag]
		}
	}
	if mb := l.List(rules.ListMagnitudeBefore); before && (unit == nil || unit.Dimension == "magnitude") && !r.isRange && endsBefore(mb, toks, first) {
		// "two quakes measuring 7.6", "gempa berkekuatan 6,6": a bare
		// decimal after a measuring word, in a sentence about a quake.
		if s, _, ok := mb.MatchBefore(toks, first, 3); ok && !p.Blocked(s, first) {
			if unit == nil && p.magnitudeFigure(n) && p.quakeSentence(first) {
				if mag := p.index.magnitude; mag >= 0 {
					unit = &l.UnitList[mag]
				}
			}
			if unit != nil {
				first = s
				before = p.mayPrecede(first, gate)
			}
		}
	}
	if unit != nil && unit.Name == "lb" && n.Scale >= 1e6 {
		// "5 million pounds" in a news report is money.
		if gbp := unitIndex(p.Lang, "GBP"); gbp >= 0 {
			unit = &l.UnitList[gbp]
		}
	}
	if unit == nil && after && end < len(toks) {
		// "24 years", "tiga hari": durations are the date extractor's; an
		// age ("a 24-year-old") is not a count either.
		k := end
		if toks[k].Text == "-" && toks[k].Glued() {
			k++
		}
		if k < len(toks) && l.MayKnow(&toks[k]) { // the facts' filter inline, DurUnitAt's call only past it
			if du, ok := l.DurUnitAt(&toks[k]); ok {
				// "thirty years old", "a 24-year-old": an age.
				e := k + 1
				if old := l.WordSet(rules.ListAgeAfter); e+1 < len(toks) && toks[e].Text == "-" && toks[e].Glued() && old[toks[e+1].Lower] {
					e += 2
				} else if e < len(toks) && old[toks[e].Lower] {
					e++
				} else if !before || !p.ageBefore(first) {
					r.skip = k + 1
					return false
				}
				if du != "year" {
					r.skip = e
					return false
				}
				ageUnit := rules.Unit{Name: "years-old", Dimension: "age", Factor: 1}
				unit = &ageUnit
				end = e
			}
		}
	}
	if unit == nil && !r.isRange && !n.Vague && nv.Value > 0 && nv.Value <= 130 && nv.Value == math.Trunc(nv.Value) && before && p.ageBefore(first) {
		// "aged 76", "at the age of 85", "berusia 74": an age in years,
		// written without its unit.
		ageUnit := rules.Unit{Name: "years-old", Dimension: "age", Factor: 1}
		unit = &ageUnit
	}
	kind := claims.KindCount
	if unit != nil {
		nv.Unit = unit.Name
		switch {
		case unit.Dimension == "ratio" || unit.Dimension == "ratio-points":
			kind = claims.KindPercent
		case strings.HasPrefix(unit.Dimension, "money-"):
			kind = claims.KindMoney
		default:
			kind = claims.KindQuantity
		}
	}
	start := first
	var qs int
	var b rules.Bound
	var hasQ bool
	if before && (endsBefore(l.Qualifiers, toks, first) || endsBefore(l.List(rules.ListBoundFiller), toks, first)) {
		// qualifierBefore's two filters, inline: no qualifier ends
		// before most figures, and each cost its call.
		qs, b, hasQ = p.qualifierBefore(first)
	}
	if hasQ {
		start = qs
	}
	// A qualifier after the number: "5,000 or more", "100 orang lebih".
	postBound := rules.Bound(0)
	if after && (!hasQ || b == rules.BoundAbout) && !r.isRange && end < len(toks) && !toks[end].Is(token.NewlineBefore) {
		if al := l.List(rules.ListAtleastAfter); startsAt(al, toks, end) {
			if e, _, ok := al.Match(toks, end); ok && !p.opensQualifier(end, e) {
				postBound, end = rules.BoundAtLeast, e
			}
		}
		if am := l.List(rules.ListAtmostAfter); postBound == 0 && startsAt(am, toks, end) {
			if e, _, ok := am.Match(toks, end); ok && !p.opensQualifier(end, e) {
				postBound, end = rules.BoundAtMost, e
			}
		}
	}
	counted, attrNext := p.counted(end)
	// "the toll passes 5,000": a threshold verb before a figure with no
	// noun of its own, of people ("passes 80,000 people"; the canonical
	// names of rules/data/frames counted), or a sum is an exclusive lower
	// bound; "passed 12 amendments" counts what was passed.
	verbBound := false
	if before && !hasQ && postBound == 0 && !r.isRange && !n.Vague && (counted == "" || counted == "people" || counted == "victims" || kind == claims.KindMoney) {
		if mv := l.List(rules.ListMoreVerbs); endsBefore(mv, toks, first) {
			if s, _, ok := mv.MatchBefore(toks, first, 3); ok && !p.Blocked(s, first) {
				verbBound, qs, start = true, s, s
			}
		}
	}
	others, harm := l.List(rules.ListHarmOthers), l.List(rules.ListHarmVerbs)
	if kind == claims.KindCount && !n.Fraction && (counted == "" || startsAt(others, toks, end) && others.Has(toks, end)) && (before || start != first) && endsBefore(harm, toks, start) {
		// "killing 11.", "injuring 40, 15 of them", "wounding 38 others":
		// a figure right after a verb of harm, with no noun of its own,
		// counts people.
		if _, _, ok := harm.MatchBefore(toks, start, 4); ok && (counted != "" || p.bareFigureEnd(end)) {
			counted = "people"
		}
	}
	switch {
	case n.Vague:
		lo, hi := n.Low, n.High
		nv.Low, nv.High, nv.Vague = &lo, &hi, true
	case r.isRange:
	case postBound != 0:
		// "about five hundred or more": the bound after the number wins.
		p.applyBound(nv, postBound)
		nv.Qualifier = p.Doc.Text[toks[end-1].Start:toks[end-1].End]
	case hasQ:
		nv.Qualifier = strings.TrimSpace(p.Doc.Text[toks[qs].Start:toks[first].Start])
		p.applyBound(nv, b)
	case verbBound:
		nv.Qualifier = strings.TrimSpace(p.Doc.Text[toks[qs].Start:toks[first].Start])
		p.applyBound(nv, rules.BoundMore)
	default:
		r.exact = true // bounded when it is a claim (numRead.claim)
	}
	if nv.Low == nil && !r.exact && nv.Value >= 0 && (kind == claims.KindCount || kind == claims.KindMoney || kind == claims.KindPercent) {
		// "fewer than 200", "up to Rp 5 triliun": counts and sums start
		// at zero.
		nv.Low = p.floats.ptr(0)
	}
	nv.Counted = counted
	r.start, r.end, r.kind, r.attrNext = start, end, kind, attrNext
	r.weighty = hasQ || verbBound || postBound != 0 || n.Scale > 1 || n.Vague || n.End > i+1 && p.grouped(i, n.End)
	if hasQ && !r.isRange {
		p.compoundBounds(r, b)
	}
	return true
}

// opensQualifier reports a qualifier that starts inside toks[a:b] and
// runs past it: "and more" before "than 1,400" opens the next figure's
// "more than", it does not bound this one.
func (p *Pass) opensQualifier(a, b int) bool {
	for k := a; k < b; k++ {
		if e, _, ok := p.Lang.Qualifiers.Match(p.Toks, k); ok && e > b {
			return true
		}
	}
	return false
}

// grouped reports digits written with a thousands separator ("96,214,691",
// "4.000").
func (p *Pass) grouped(i, end int) bool {
	g := p.Lang.GroupSep()
	for k := i + 1; k < end; k++ {
		if t := &p.Toks[k]; sameMark(t.Text, g) && t.Glued() {
			return true
		}
	}
	return false
}

// sameMark is a == b for the short marks around figures, without the
// runtime's comparison call for marks of one byte ("," against "."), which
// is what most of them are.
func sameMark(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || a[0] == b[0] && (len(a) == 1 || a[1:] == b[1:]))
}

// compoundBounds joins "more than 10 and less than 40" (or "at most 100 and
// at least 20") into one interval when the two bounds face each other.
func (p *Pass) compoundBounds(r *numRead, b rules.Bound) {
	toks := p.Toks
	k := r.end
	if k+1 >= len(toks) || !p.Lang.InSet(rules.ListBoundJoin, &toks[k]) {
		return
	}
	q, b2, ok := p.Lang.Qualifiers.Match(toks, k+1)
	if !ok || p.Blocked(k+1, q) {
		return
	}
	n2, ok := p.Lang.ReadNumeral(toks, q)
	if !ok || n2.Vague || n2.Code {
		return
	}
	lower := func(b rules.Bound) bool { return b == rules.BoundMore || b == rules.BoundAtLeast }
	upper := func(b rules.Bound) bool { return b == rules.BoundLess || b == rules.BoundAtMost }
	bb := rules.Bound(b2)
	var second claims.NumberValue
	second.Value = n2.Value
	p.applyBound(&second, bb)
	nv := &r.nv
	switch {
	case lower(b) && upper(bb) && n2.Value > nv.Value:
		nv.High, nv.HighExclusive = second.High, second.HighExclusive
	case upper(b) && lower(bb) && n2.Value < nv.Value:
		nv.Low, nv.LowExclusive = second.Low, second.LowExclusive
	default:
		return
	}
	nv.Qualifier = p.Doc.Text[toks[r.start].Start:toks[n2.End-1].End]
	r.isRange = true
	r.end = n2.End
}

// mayLabel is false where labelNumber is, by the tokens beside toks[i]
// and the last-word filter of the label words (labelBefore) alone: a
// label's number opens the text or a line, is glued to what is before
// it ("F-16", "#5"), follows a capitalised word ("Suite 300") or a label
// word ("flight 370"), or is
// followed by a capitalised word ("2025 M St."). Most figures are none
// of these, and cost no call of labelNumber's (a figure between two
// others, some 60 instructions). The flags are read as such, so that it
// inlines: a figure glued to nothing has SpaceBefore alone, and only a
// word has Capital. TestReadNumberPrechecks holds it to labelNumber.
func mayLabel(toks []token.Token, i int, labelBefore *rules.Phrases) bool {
	return i == 0 || toks[i].Flags&(token.SpaceBefore|token.NewlineBefore) != token.SpaceBefore || toks[i-1].Flags&token.Capital != 0 ||
		i+1 < len(toks) && toks[i+1].Flags&token.Capital != 0 || labelBefore.MayEnd(&toks[i-1])
}

// labelNumber reports numbers that name rather than count: "Suite 300",
// "Boeing 737", "COVID-19", "F-16", "No. 5", "pasal 28", list markers and
// street addresses ("2025 M St.").
func (p *Pass) labelNumber(i int) bool {
	toks := p.Toks
	t := &toks[i]
	if i > 0 {
		prev := &toks[i-1]
		if t.Glued() && prev.Kind == token.Punct && (prev.Text == "-" || prev.Text == "/" || prev.Text == "#" || prev.Text == ":" || prev.Text == "№") &&
			i > 1 && prev.Glued() && toks[i-2].Kind != token.Punct {
			return true
		}
		if prev.Kind == token.Word && prev.Is(token.Capital) && !t.Is(token.NewlineBefore) && !p.sentenceStart(i-1) &&
			!p.Lang.Qualifiers.Has(toks, i-1) && !p.prefixUnitBefore(i) && !p.Lang.IsNumberWordAt(prev) &&
			!p.Lang.List(rules.ListRangeFrom).Has(toks, i-1) {
			_, _, isMonth := p.Lang.MonthAt(prev)
			_, _, isWeekday := p.Lang.WeekdayAt(prev)
			if !isMonth && !isWeekday {
				if _, _, q := p.Lang.Qualifiers.MatchBefore(toks, i, 3); !q {
					return true
				}
			}
		}
	}
	if lb := p.Lang.List(rules.ListLabelBefore); endsBefore(lb, toks, i) {
		if _, _, ok := lb.MatchBefore(toks, i, 2); ok {
			return true
		}
	}
	if t.Is(token.NewlineBefore) || i == 0 {
		// A list marker: "1." or "2)" opening a line of text.
		if i+2 < len(toks) && toks[i+1].Glued() && (toks[i+1].Text == "." || toks[i+1].Text == ")") &&
			!toks[i+2].Glued() && !toks[i+2].Is(token.NewlineBefore) && len(t.Text) <= 2 {
			return true
		}
	}
	// "2025 M St.", "1600 Pennsylvania Avenue": a number, capitalised
	// words and a street word.
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		w := &toks[k]
		if w.Kind != token.Word || !w.Is(token.Capital) || w.Is(token.NewlineBefore) {
			break
		}
		if k > i+1 && p.Lang.InSet(rules.ListStreetWords, w) {
			return true
		}
	}
	return false
}

// yearAdjective reports a year that dates the noun next to it rather than
// counting it: after a determiner or a listed noun (year_adj_before: "the
// 2003 invasion", "his 2007 campaign", "gempa 2006"), four plain digits
// from 1800 to 2099, followed by a word that is no unit and no listed
// counted noun ("the 2000 soldiers" is a count).
func (p *Pass) yearAdjective(i int) bool {
	toks := p.Toks
	t := &toks[i]
	if len(t.Text) != 4 || i == 0 || i+1 >= len(toks) || fourBytes(t.Text) < year1800 || fourBytes(t.Text) > year2099 {
		return false
	}
	nx := &toks[i+1]
	if nx.Kind != token.Word || nx.Glued() || nx.Is(token.NewlineBefore) || t.Is(token.NewlineBefore) {
		return false
	}
	before := p.Lang.List(rules.ListYearAdjBefore)
	if !before.Has(toks, i-1) && !(i > 1 && toks[i-1].Lower == "s" && toks[i-1].Glued() && (toks[i-2].Text == "'" || toks[i-2].Text == "’")) {
		return false // "Kim's 2019 summit"
	}
	if p.Rules.Counted.Has(toks, i+1) || p.Lang.Units.Has(toks, i+1) || p.Lang.IsNumberWordAt(nx) {
		return false
	}
	_, isDur := p.Lang.DurUnitAt(nx)
	return !isDur
}

// fourBytes is the first four bytes of s as a big-endian number: two
// strings of four bytes compare as their fourBytes do, without the
// runtime's comparison call that a comparison of strings is.
func fourBytes(s string) uint32 {
	return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3])
}

// year1800 and year2099 are fourBytes("1800") and fourBytes("2099"), the
// bounds of yearAdjective's years.
const (
	year1800 = '1'<<24 | '8'<<16 | '0'<<8 | '0'
	year2099 = '2'<<24 | '0'<<16 | '9'<<8 | '9'
)

// prefixUnitBefore reports a currency or "magnitude" word ending just
// before token i ("Rp 5", "US$ 3", "Magnitude 7").
func (p *Pass) prefixUnitBefore(i int) bool {
	_, ui, ok := p.Lang.Units.MatchBefore(p.Toks, i, 3)
	return ok && p.Lang.UnitList[ui].Prefix
}

// partOfCode reports digits glued to something that makes them a code,
// time, phone number or URL part rather than a quantity: "5G", "3D",
// "555-1234-99", "%20", "id=12".
func (p *Pass) partOfCode(i, end int) bool {
	toks := p.Toks
	if i > 0 && toks[i].Glued() {
		prev := &toks[i-1]
		if prev.Kind == token.Word && !p.Lang.Units.Has(toks, i-1) || strings.Contains("%=&?#+@_", prev.Text) {
			return true
		}
	}
	if end >= len(toks) || !toks[end].Glued() {
		return false
	}
	nx := &toks[end]
	switch nx.Text {
	case ":", "/", "_", "=", "&", "@":
		return end+1 < len(toks) && (toks[end+1].Kind == token.Number || toks[end+1].Kind == token.Word) && toks[end+1].Glued()
	case "%":
		return end+1 < len(toks) && toks[end+1].Glued() && (toks[end+1].Kind == token.Number || toks[end+1].Kind == token.Word)
	case "-":
		// "555-1234-99": more than two digit groups is a code.
		if end+3 < len(toks) && toks[end+1].Kind == token.Number && toks[end+2].Text == "-" && toks[end+3].Kind == token.Number &&
			toks[end+1].Glued() && toks[end+2].Glued() && toks[end+3].Glued() {
			return true
		}
		return end+1 < len(toks) && toks[end+1].Glued() && toks[end+1].Kind == token.Number && p.phoneLike(toks[end-1].Text, toks[end+1].Text)
	}
	if nx.Kind == token.Word {
		// Glued letters that are not a unit or scale: "5G", "3D".
		if _, _, ok := p.Lang.Units.Match(toks, end); ok {
			return false
		}
		if _, ok := p.Lang.ScaleSuffix(nx.Lower); ok {
			return false
		}
		if p.Lang.IsOrdinalSuffixAt(nx) {
			return false
		}
		return true
	}
	return false
}

// phoneLike reports two dash-joined digit groups that read as a phone
// number ("555-1212") rather than a range ("1000-5000", "3-5").
func (p *Pass) phoneLike(a, b string) bool {
	if len(a) < 3 || len(a) > 4 || len(b) < 4 {
		return false
	}
	return b[len(b)-2:] != "00"
}

func (p *Pass) sentenceStart(i int) bool {
	if i == 0 || p.Toks[i].Is(token.NewlineBefore) {
		return true
	}
	switch p.Toks[i-1].Text {
	case ".", "!", "?", ":", "\"", "“", "(":
		return true
	}
	return false
}

// rangeFromBefore finds "between"/"antara" just before token i.
func (p *Pass) rangeFromBefore(i int) (int, bool) {
	from := p.Lang.List(rules.ListRangeFrom)
	if !endsBefore(from, p.Toks, i) {
		return 0, false
	}
	s, _, ok := from.MatchBefore(p.Toks, i, 3)
	return s, ok
}

// qualifierBefore finds a qualifier phrase ending right before token i.
func (p *Pass) qualifierBefore(i int) (start int, b rules.Bound, ok bool) {
	q, filler := p.Lang.Qualifiers, p.Lang.List(rules.ListBoundFiller)
	s, v := 0, 0
	if endsBefore(q, p.Toks, i) {
		s, v, ok = q.MatchBefore(p.Toks, i, 4)
	}
	if !ok && endsBefore(filler, p.Toks, i) {
		// "setidaknya ada dua": a filler word between the qualifier and
		// the number keeps the bound.
		if f, _, isFiller := filler.MatchBefore(p.Toks, i, 2); isFiller && endsBefore(q, p.Toks, f) {
			s, v, ok = q.MatchBefore(p.Toks, f, 4)
		}
	}
	if !ok || p.Blocked(s, i) {
		return 0, 0, false
	}
	return s, rules.Bound(v), true
}

// counted finds what a number counts in the few words after it: a listed
// noun ("tentara" -> soldiers), else the first content word. attrNext is
// set when an event word follows directly ("1,000 killed", "5 tewas").
func (p *Pass) counted(end int) (string, bool) {
	toks := p.Toks
	if end < len(toks) && toks[end].Kind != token.Word {
		if counted, attrNext, ok := p.countedAfterMark(end); ok {
			return counted, attrNext
		}
	}
	return p.countedAfterWord(end)
}

// countedAfterMark is counted for a number followed by a figure or a mark
// (token end is no word), as in a table or a list of figures, or before a
// comma or full stop: none of the words counted looks for past a
// partitive, a hyphen or an initialism can then be there, nor a content
// word, and only the tables' answers at end and end+1 are left to ask.
// The general reading (countedAfterWord) walked its loops for them, some
// 150 instructions a figure. ok is false at a token the partitive set
// holds, which only the general reading reads.
func (p *Pass) countedAfterMark(end int) (counted string, attrNext, ok bool) {
	toks := p.Toks
	t := &toks[end]
	if p.Lang.MayKnow(t) && p.Lang.InSet(rules.ListPartitive, t) {
		return "", false, false
	}
	// An event word right at the number (a table may hold a mark): the
	// first step of countedAfterWord's loop, which a token that is no
	// word then ends.
	attrNext = !t.Is(token.NewlineBefore) && (startsAt(p.Rules.AttrWords, toks, end) && p.Rules.AttrWords.Has(toks, end) ||
		startsAt(p.Rules.Triggers, toks, end) && p.Rules.Triggers.Has(toks, end))
	if t.Is(token.NewlineBefore) || t.Kind == token.Punct {
		// Not across a sentence mark or line.
		return "", attrNext, true
	}
	// A figure: a listed noun starting at it or right after it.
	for k := end; k < len(toks) && k <= end+1; k++ {
		if k > end && (toks[k].Is(token.NewlineBefore) || toks[k].Kind == token.Punct) {
			break
		}
		if startsAt(p.Rules.Counted, toks, k) {
			if _, v, ok := p.Rules.Counted.Match(toks, k); ok {
				return p.Rules.CountedIDs[v], attrNext, true
			}
		}
	}
	return "", attrNext, true
}

// countedAfterWord is counted read in full, for a number followed by a
// word (or by nothing).
//
// The word right after the number (token end) is looked up once
// (FactsAt), and the first content word takes its answers when it is that
// word, as the first loop found them there (no event word, else
// attrNext): a figure is mostly followed by its content word, and a page
// of "measuring 6.1" asked four lookups of that word a figure.
// TestCountedAsking holds it to the plain reading (countedAfterWordRef),
// which asks every table again.
func (p *Pass) countedAfterWord(end int) (string, bool) {
	toks := p.Toks
	// The facts of token end, which every step below asks about.
	var fe rules.TokenFacts
	knownEnd := end < len(toks) && p.Lang.MayKnow(&toks[end])
	if knownEnd {
		fe = p.Lang.FactsAt(&toks[end])
	}
	// An event word right after the number, or after function words
	// ("40 were injured", "12 have died", "5 telah tewas").
	attrNext := false
	for k := end; k < len(toks) && k < end+3 && !toks[k].Is(token.NewlineBefore); k++ {
		if startsAt(p.Rules.AttrWords, toks, k) && p.Rules.AttrWords.Has(toks, k) || startsAt(p.Rules.Triggers, toks, k) && p.Rules.Triggers.Has(toks, k) {
			attrNext = true
			break
		}
		if toks[k].Kind != token.Word || !p.Lang.MayKnow(&toks[k]) {
			break
		}
		if detect := k == end && fe.Detect || k != end && p.Lang.DetectAt(&toks[k]); !detect {
			break
		}
	}
	// A listed noun counts only as the head of the number's own phrase: the
	// first word, or the second after one modifier ("three high-profile
	// meetings", "lebih dari 100 uji coba rudal") — not "250 temporary
	// camps hosting people".
	k0 := end
	if knownEnd && fe.Sets.Has(rules.ListPartitive) {
		k0++
	}
	for k0+2 < len(toks) && toks[k0].Kind == token.Word && toks[k0+1].Text == "-" && toks[k0+1].Glued() && toks[k0+2].Glued() {
		k0 += 3
	}
	if k0 < len(toks) && toks[k0].Kind == token.Word {
		k0 = p.skipInitialism(k0) // "two U.S. soldiers" (only a word opens one: no call for a figure or a mark)
	}
	for k := k0; k < len(toks) && k <= k0+1; k++ {
		if (k > end || k == k0) && (toks[k].Is(token.NewlineBefore) || toks[k].Kind == token.Punct) {
			// Not across a sentence mark or line: "menewaskan 40. Korban
			// dievakuasi" counts no victims.
			break
		}
		if !startsAt(p.Rules.Counted, toks, k) {
			continue
		}
		if _, v, ok := p.Rules.Counted.Match(toks, k); ok {
			return p.Rules.CountedIDs[v], attrNext
		}
	}
	// Else the first content word of the same phrase: the word k0 found
	// (past a partitive, "high-profile" and "U.S.").
	k := k0
	if k >= len(toks) || toks[k].Kind != token.Word || toks[k].Is(token.NewlineBefore) || toks[k].Is(token.Capital) || toks[k].Is(token.AllCaps) {
		return "", attrNext
	}
	// The tables are asked by the token's hash (FactsAt) and past their
	// filters (startsAt), not by the word hashed again.
	w, t := toks[k].Lower, &toks[k]
	notCounted := p.Lang.List(rules.ListNotCounted)
	var f rules.TokenFacts
	switch {
	case k == end:
		f = fe
	case p.Lang.MayKnow(t): // (inline first: most content words are in no table)
		f = p.Lang.FactsAt(t)
	}
	// At end (a word, on the number's line) the first loop asked the
	// event tables already.
	if len(w) < 3 || attrNext || f.Detect ||
		k != end && (startsAt(p.Rules.AttrWords, toks, k) && p.Rules.AttrWords.Has(toks, k) || startsAt(p.Rules.Triggers, toks, k) && p.Rules.Triggers.Has(toks, k)) ||
		f.NumberWord ||
		startsAt(notCounted, toks, k) && notCounted.Has(toks, k) || startsAt(p.Lang.Future, toks, k) && p.Lang.Future.Has(toks, k) ||
		startsAt(p.Lang.Past, toks, k) && p.Lang.Past.Has(toks, k) || p.hasPastSuffix(w) {
		// A verb, not the thing counted ("hundreds went missing", "up to
		// 300 may leave").
		return "", attrNext
	}
	return w, attrNext
}

// skipInitialism returns the token after an initialism written with
// dots at k ("U.S.", "U.N."), or k.
func (p *Pass) skipInitialism(k int) int {
	toks := p.Toks
	j, n := k, 0
	for j+1 < len(toks) && toks[j].Kind == token.Word && len(toks[j].Text) == 1 && toks[j].Is(token.Capital) &&
		toks[j+1].Text == "." && toks[j+1].Glued() && (j == k || toks[j].Glued()) && !toks[j].Is(token.NewlineBefore) {
		j += 2
		n++
	}
	if n < 2 || j >= len(toks) || toks[j].Is(token.NewlineBefore) {
		return k
	}
	return j
}

// applyBound bounds nv as the qualifier's bound b says.
func (p *Pass) applyBound(nv *claims.NumberValue, b rules.Bound) {
	v, f := nv.Value, &p.floats
	switch b {
	case rules.BoundMore:
		nv.Low, nv.LowExclusive = f.ptr(v), true
	case rules.BoundAtLeast:
		nv.Low = f.ptr(v)
	case rules.BoundLess:
		nv.High, nv.HighExclusive = f.ptr(v), true
	case rules.BoundAtMost:
		nv.High = f.ptr(v)
	case rules.BoundAbout:
		nv.Low, nv.High, nv.Approx = f.ptr(v), f.ptr(v), true
	case rules.BoundNearly:
		nv.Low, nv.High, nv.HighExclusive, nv.Approx = f.ptr(v*0.9), f.ptr(v), true, true
	default:
		p.exact(nv)
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
