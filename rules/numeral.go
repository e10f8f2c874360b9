package rules

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck/claims/token"
)

// Numeral is a number read from tokens. Its flags come last, packed
// together (the pattern matcher copies two of them with every capture set).
type Numeral struct {
	Value     float64
	Precision float64 // the place value of the last written digit (1 for "5,000", 0.1 for "58.6", 1e6 for "two million")
	Low, High float64 // the range of a vague numeral (Vague)
	End       int     // token index after the numeral
	Scale     float64 // the last scale applied (1e6 for "1.2 million"), 0 when none
	Vague     bool    // "hundreds", "ratusan": Low..High
	Words     bool    // written (at least partly) in words
	// Code marks digits joined by separators in a way no number is written
	// ("192.168.1.2", "1.2.3"): a code or version, read as its first group.
	Code     bool
	Scaled   bool // multiplied by a scale word or suffix ("1.2 million", "$3bn")
	Fraction bool // a fraction ("two thirds", "3/4", "½")
	Ordinal  bool // read by ReadOrdinal's word path: the last word was an ordinal
}

// number word kinds
const (
	nwValue = iota + 1
	nwMultiplier
	nwScale
	nwAdder
	nwOne
)

type numWord struct {
	kind  int
	value float64
}

// ReadNumeral reads a numeral starting at toks[i]: digits with this
// language's group and decimal separators ("5,000", "4.000", "7,8"), an
// optional scale word ("1.2 million", "3bn", "1,2 juta"), number words
// ("twenty-five", "a thousand", "dua puluh lima", "seribu"), fractions
// ("two thirds", "one and a half", "setengah"), vague amounts ("hundreds",
// "puluhan ribu", "tens of thousands") and a leading minus ("-5", "minus
// five").
func (l *Language) ReadNumeral(toks []token.Token, i int) (Numeral, bool) {
	var n Numeral
	if !l.ReadNumeralTo(&n, toks, i) {
		return Numeral{}, false
	}
	return n, true
}

// ReadNumeralTo is ReadNumeral writing the numeral to *n (all of it, when
// it reads one; what it leaves there when it reads none is no numeral). A Numeral is large: the number scan reads one at every
// figure, and returned by value it was copied at each of the three calls
// between the digits' reader and the scan, and again into finishNumber.
func (l *Language) ReadNumeralTo(n *Numeral, toks []token.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := &toks[i]
	var ok bool
	switch t.Kind {
	case token.Number:
		if !l.readDigits(toks, i, n) {
			return false
		}
		if n.Code {
			return true
		}
		// The two read n in place too. Each is called only where what
		// follows the digits may be what it reads (mayDigitFraction,
		// mayFollowDigits): most figures are followed by neither, and
		// cost no call.
		if mayDigitFraction(toks, n) && l.readDigitFraction(toks, i, n) {
			return true
		}
		if mayFollowDigits(toks, n) {
			l.afterDigits(toks, n)
		}
		return true
	case token.Punct:
		if (t.Text == "-" || t.Text == "−") && i+1 < len(toks) && toks[i+1].Kind == token.Number && toks[i+1].Glued() &&
			(i == 0 || !t.Glued() || toks[i-1].Text == "(" || toks[i-1].Text == "[") {
			if !l.ReadNumeralTo(n, toks, i+1) || n.Code {
				return false
			}
			*n = negate(*n)
			return true
		}
		if v, ok := vulgarFraction(t.Text); ok {
			*n = Numeral{Value: v, Precision: v, Fraction: true, End: i + 1}
			return true
		}
		// ".08": a decimal without its leading zero, where the point
		// follows no digit.
		if t.Text == l.decimal && i+1 < len(toks) && toks[i+1].Kind == token.Number && toks[i+1].Glued() && len(toks[i+1].Text) <= 9 &&
			(i == 0 || !t.Glued() || toks[i-1].Kind == token.Punct && toks[i-1].Text != l.decimal && toks[i-1].Text != l.group) &&
			!glueContinues(toks, i+2) {
			frac := toks[i+1].Text
			p := math.Pow(10, -float64(len(frac)))
			*n = Numeral{Value: parseInt(frac) * p, Precision: p, End: i + 2}
			return true
		}
	case token.Word:
		if !l.numLex.May(t) {
			return false // readWords would stop at the first word
		}
		if l.factsOf(t).minus && i+1 < len(toks) && !toks[i+1].Is(token.NewlineBefore) {
			if l.ReadNumeralTo(n, toks, i+1) && !n.Vague && !n.Code {
				*n = negate(*n)
				return true
			}
			return false
		}
		if r, ok := l.vagueOf(t); ok {
			*n = l.readVague(toks, i, r)
			return true
		}
		*n, ok = l.readWords(toks, i, "", nil, 0, false)
		return ok
	}
	return false
}

// PunctMayOpenNumeral reports whether ReadNumeral may read a numeral at
// punctuation t: a minus sign, a decimal point or a vulgar fraction. Other
// punctuation (commas, full stops in a language whose decimal is a comma,
// quotes, brackets) never opens one.
func (l *Language) PunctMayOpenNumeral(t *token.Token) bool {
	if l.isGluedSign(t.Text) {
		return true
	}
	_, ok := vulgarFraction(t.Text)
	return ok
}

// isGluedSign reports a mark that opens a numeral only with digits glued
// after it: a minus sign or the decimal point ("-5", ".08").
func (l *Language) isGluedSign(s string) bool { return s == "-" || s == "−" || s == l.decimal }

// PunctOpensNumeralAt is PunctMayOpenNumeral for punctuation toks[i] with
// the token after it: a minus sign or a decimal point opens a numeral only
// with digits glued after it ("-5", ".08"), as ReadNumeral reads them,
// and a vulgar fraction by itself. Most full stops and hyphens end a
// sentence or join words, and cost a reading each when asked
// PunctMayOpenNumeral alone.
func (l *Language) PunctOpensNumeralAt(toks []token.Token, i int) bool {
	t := &toks[i]
	// The token after first: most marks have no digits glued after them,
	// and then only a vulgar fraction (never ASCII) is left to ask about.
	if glueNumberAt(toks, i+1) && l.isGluedSign(t.Text) {
		return true
	}
	_, ok := vulgarFraction(t.Text)
	return ok
}

// OneWordAloneAt reports an article that is a number word ("a", "an")
// at toks[i] where ReadNumeral reads no numeral: the article counts only
// before a scale, multiplier, fraction or half ("a thousand", "a dozen",
// "a third", "a half"), and most articles stand before a noun. (It is
// false for every other word, which may open a numeral.)
func (l *Language) OneWordAloneAt(toks []token.Token, i int) bool {
	return l.oneAlone(l.factsOf(&toks[i]), toks, i)
}

// NumeralWordStartsAt is IsNumeralWordAt(&toks[i]) && !OneWordAloneAt(toks,
// i) with the word looked up once: a scan for numbers asks both at every
// number word, and one of them ("a") is everywhere.
func (l *Language) NumeralWordStartsAt(toks []token.Token, i int) bool {
	f := l.factsOf(&toks[i])
	return (f.num.kind != 0 || f.half || f.isVague || f.minus || f.fraction > 0) && !l.oneAlone(f, toks, i)
}

// oneAlone is OneWordAloneAt for toks[i], whose facts are f.
func (l *Language) oneAlone(f *wordFacts, toks []token.Token, i int) bool {
	if f.num.kind != nwOne || f.minus || f.isVague {
		return false
	}
	j := i + 1
	if j >= len(toks) || toks[j].Is(token.NewlineBefore) || !l.MayKnow(&toks[j]) {
		// (A word the facts cannot hold, as most nouns after "a" are,
		// is no scale, multiplier, fraction nor half: MayKnow's bit
		// test, inline, says so without factsOf's call.)
		return true
	}
	nx := l.factsOf(&toks[j])
	return !(nx.num.kind == nwScale || nx.num.kind == nwMultiplier || nx.fraction > 0 && fractionContext(toks, j) || nx.half)
}

// vulgarFraction is vulgarFractions[s] with its presence. The signs are
// all written beyond ASCII (a test holds them to that), so an ASCII mark,
// as most punctuation is, costs no map lookup: one was made for every
// comma and full stop that numbers asked about.
func vulgarFraction(s string) (float64, bool) {
	if s == "" || s[0] < 0x80 {
		return 0, false
	}
	v, ok := vulgarFractions[s]
	return v, ok
}

func negate(n Numeral) Numeral {
	n.Value = -n.Value
	n.Low, n.High = -n.High, -n.Low
	return n
}

// vulgarFractions are the single-character fractions.
var vulgarFractions = map[string]float64{"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "⅕": 0.2,
	"⅙": 1.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

// readVague reads "hundreds", "several hundred", "puluhan ribu", "tens of
// thousands": a range, widened by a multiplier or scale that follows.
func (l *Language) readVague(toks []token.Token, i int, r [2]float64) Numeral {
	n := Numeral{Value: r[0], Low: r[0], High: r[1], Vague: true, Words: true, End: i + 1, Precision: 1}
	j := i + 1
	if j < len(toks) && !toks[j].Is(token.NewlineBefore) {
		// "several hundred", "beberapa ratus", "puluhan ribu"
		if w, ok := l.numWordOf(&toks[j]); ok && (w.kind == nwMultiplier || w.kind == nwScale) {
			n.Low, n.High = r[0]*w.value, (r[1]+1)*w.value-1
			n.Value, n.End = n.Low, j+1
			return n
		}
		// "tens of thousands", "hundreds of millions"
		if toks[j].Lower == "of" && j+1 < len(toks) {
			if w, ok := l.vagueOf(&toks[j+1]); ok && w[0] >= 100 {
				unit := math.Pow(10, math.Floor(math.Log10(w[0])))
				n.Low, n.High = r[0]*unit, (r[1]+1)*unit-1
				n.Value, n.End = n.Low, j+2
			}
		}
	}
	return n
}

// readDigits joins digit groups split by separators. It reads the
// language's own convention first ("5,000.5" in English, "5.000,5" in
// Indonesian) and falls back to the other one only where the text cannot
// be the language's own: "7.8" in Indonesian and "1,3" or "1.111,11" in
// English are decimals written the other way, while "4.000" in Indonesian
// stays four thousand. Runs that fit neither ("192.168.1.2") are codes.
func (l *Language) readDigits(toks []token.Token, i int, n *Numeral) bool {
	if !digitGroupAt(toks, i+1) {
		// Most numbers are one run of digits: what parseSeparated makes
		// of a run alone.
		return n.setDigits(digitParse{parseInt(toks[i].Text), 1}, i+1)
	}
	if !digitGroupAt(toks, i+3) {
		return l.readOneSeparator(n, toks[i].Text, toks[i+1].Text, toks[i+2].Text, i)
	}
	// Collect the glued run: number (sep number)*.
	var nums [8]string
	var seps [8]string
	nums[0] = toks[i].Text
	k := 1
	end := i + 1
	for k < len(nums) && digitGroupAt(toks, end) {
		seps[k-1] = toks[end].Text
		nums[k] = toks[end+1].Text
		k++
		end += 2
	}
	native, nUsed := parseSeparated(nums[:k], seps[:k-1], l.group, l.decimal)
	if nUsed == k-1 {
		return n.setDigits(native, i+1+2*nUsed)
	}
	foreign, fUsed := parseSeparated(nums[:k], seps[:k-1], l.decimal, l.group)
	if fUsed == k-1 {
		return n.setDigits(foreign, i+1+2*fUsed)
	}
	// Neither reading takes the whole run. Dots used more than once that
	// are not thousands groups make a code or version ("192.168.1.2").
	dots := 0
	for _, sp := range seps[:k-1] {
		if sp == "." {
			dots++
		}
	}
	if dots >= 2 {
		*n = Numeral{Value: parseInt(nums[0]), Precision: 1, End: i + 1, Code: true}
		return true
	}
	return n.setDigits(native, i+1+2*nUsed)
}

// readOneSeparator is readDigits for two digit groups joined by one
// separator sep at toks[i] ("62,784", "18.6", "4.000", "7,8"), as most
// figures with a separator are: what parseSeparated makes of them, without
// collecting the run into two arrays of eight strings (zeroed for every
// figure) nor comparing the separators through the runtime. The language's
// own reading first, then the other convention's, else the first group
// alone (one separator is never a code).
func (l *Language) readOneSeparator(n *Numeral, a, sep, b string, i int) bool {
	if d, ok := parseOneSeparator(a, sep[0], b, l.group, l.decimal); ok {
		return n.setDigits(d, i+3)
	}
	if d, ok := parseOneSeparator(a, sep[0], b, l.decimal, l.group); ok {
		return n.setDigits(d, i+3)
	}
	return n.setDigits(digitParse{parseInt(a), 1}, i+1)
}

// parseOneSeparator is parseSeparated for nums {a, b} and the one-byte
// separator sep, with group separator g and decimal separator d, when it
// uses the separator.
func parseOneSeparator(a string, sep byte, b, g, d string) (digitParse, bool) {
	if isMark(sep, g) && len(a) <= 3 && len(b) == 3 {
		return digitParse{parseInt(a)*1000 + parseInt(b), 1}, true
	}
	if isMark(sep, d) && len(b) <= 9 {
		return digitParse{parseInt(a) + parseInt(b)/pow10[len(b)], pow10neg[len(b)]}, true
	}
	return digitParse{}, false
}

// isMark reports whether the one-byte separator sep is the mark m.
func isMark(sep byte, m string) bool { return len(m) == 1 && m[0] == sep }

// digitGroupAt reports a separator ("," or ".") at toks[j] glued between
// the digits before it and a glued run of digits after it.
func digitGroupAt(toks []token.Token, j int) bool {
	return j+1 < len(toks) && toks[j].Glued() && toks[j+1].Glued() && toks[j+1].Kind == token.Number &&
		(toks[j].Text == "," || toks[j].Text == ".")
}

type digitParse struct {
	v, prec float64
}

// parseSeparated reads nums joined by seps with group separator g and
// decimal separator d, returning the value and how many separators it used.
func parseSeparated(nums, seps []string, g, d string) (digitParse, int) {
	v := parseInt(nums[0])
	used := 0
	if len(nums[0]) <= 3 {
		for used < len(seps) && seps[used] == g && len(nums[used+1]) == 3 {
			v = v*1000 + parseInt(nums[used+1])
			used++
		}
	}
	prec := 1.0
	if used < len(seps) && seps[used] == d && len(nums[used+1]) <= 9 {
		frac := nums[used+1]
		v += parseInt(frac) / pow10[len(frac)]
		prec = pow10neg[len(frac)]
		used++
	}
	return digitParse{v, prec}, used
}

// pow10[k] and pow10neg[k] are math.Pow(10, k) and math.Pow(10, -k) for
// the fractions parseSeparated reads (at most nine digits), computed by
// math.Pow so that they are its values to the bit.
var pow10, pow10neg = func() (p, n [10]float64) {
	for k := range p {
		p[k], n[k] = math.Pow(10, float64(k)), math.Pow(10, -float64(k))
	}
	return p, n
}()

// setDigits writes the numeral of digits read as d, ending at token end,
// to *n: none for a value out of range. It builds it in place, where a
// Numeral returned by value was built on the stack and copied (80 bytes,
// at every figure read).
func (n *Numeral) setDigits(d digitParse, end int) bool {
	if math.IsInf(d.v, 0) || math.IsNaN(d.v) {
		*n = Numeral{}
		return false
	}
	*n = Numeral{Value: d.v, Precision: d.prec, End: end}
	return true
}

// readDigitFraction reads "3/4" and "2 1/4" (a whole number and a
// fraction with a denominator of at most 16, as recipes and measures write
// them) into n, the digits read at toks[i]; other slashes are dates, scores
// or codes, and leave n as it is.
func (l *Language) readDigitFraction(toks []token.Token, i int, n *Numeral) bool {
	j := n.End
	if n.Precision != 1 || n.Value > 99 {
		return false
	}
	// "2 1/4"
	if j+2 < len(toks) && toks[j].Kind == token.Number && !toks[j].Glued() && !toks[j].Is(token.NewlineBefore) &&
		toks[j+1].Text == "/" && toks[j+1].Glued() && toks[j+2].Kind == token.Number && toks[j+2].Glued() {
		num, den := parseInt(toks[j].Text), parseInt(toks[j+2].Text)
		if den >= 2 && den <= 16 && num < den && !glueContinues(toks, j+3) {
			*n = Numeral{Value: n.Value + num/den, Precision: 1 / den, Fraction: true, End: j + 3}
			return true
		}
	}
	if j+1 < len(toks) && toks[j].Text == "/" && toks[j].Glued() && toks[j+1].Kind == token.Number && toks[j+1].Glued() &&
		(i == 0 || !toks[i].Glued() || toks[i-1].Kind == token.Punct && toks[i-1].Text != "/") {
		den := parseInt(toks[j+1].Text)
		if den >= 2 && den <= 16 && n.Value < den && !glueContinues(toks, j+2) && (i < 2 || toks[i-1].Text != "-" || toks[i-2].Kind != token.Number) {
			*n = Numeral{Value: n.Value / den, Precision: 1 / den, Fraction: true, End: j + 2}
			return true
		}
	}
	return false
}

// mayDigitFraction is false where readDigitFraction reads nothing after
// the digits n read: a fraction's digits are a whole number below 100,
// and a slash follows them ("3/4") or the figure after them ("2 1/4").
func mayDigitFraction(toks []token.Token, n *Numeral) bool {
	j := n.End
	return n.Precision == 1 && n.Value <= 99 && j+1 < len(toks) && (toks[j].Text == "/" || toks[j+1].Text == "/")
}

// mayFollowDigits is false where afterDigits reads nothing after the
// digits n read: it reads a word ("million", "3bn") or a glued hyphen
// ("5-billion").
func mayFollowDigits(toks []token.Token, n *Numeral) bool {
	return n.End < len(toks) && (toks[n.End].Kind == token.Word || toks[n.End].Glued())
}

// glueContinues reports a separator and digits glued at j ("3/4/2020").
func glueContinues(toks []token.Token, j int) bool {
	return j+1 < len(toks) && toks[j].Glued() && toks[j].Kind == token.Punct && toks[j+1].Glued() && toks[j+1].Kind == token.Number
}

// afterDigits applies what may follow digits: an abbreviated scale glued to
// them ("3bn", "10M"), a scale word ("1.2 million"), or more number words
// ("3 hundred and 21", "3 dozens"), to n in place.
func (l *Language) afterDigits(toks []token.Token, n *Numeral) {
	if n.End >= len(toks) {
		return
	}
	s := &toks[n.End]
	if s.Text == "-" && s.Glued() && n.End+1 < len(toks) && toks[n.End+1].Glued() && toks[n.End+1].Kind == token.Word {
		// "$2.6-million", "5-billion": a scale joined by a hyphen.
		if w, ok := l.numWordOf(&toks[n.End+1]); ok && w.kind == nwScale {
			n.Value *= w.value
			n.Precision *= w.value
			n.End += 2
			n.Words, n.Scaled, n.Scale = true, true, w.value
		}
		return
	}
	if s.Kind != token.Word || s.Is(token.NewlineBefore) {
		return
	}
	// Glued first: most words after a figure stand apart from it ("5
	// people"), and were looked up in the suffix map all the same.
	if v, ok := l.gluedScaleSuffix(s); ok {
		// A suffix that is also a unit ("5m": metres or millions) scales
		// only when written in capitals ("10M"); the caller decides the
		// lower-case reading from context (a currency before it).
		if !l.Units.Has(toks, n.End) || s.Text != s.Lower {
			n.Value *= v
			n.Precision *= v
			n.End++
			n.Scaled, n.Scale = true, v
		}
		return
	}
	if !l.MayKnow(s) {
		return // no number word, without numWordOf's call ("5 people")
	}
	w, ok := l.numWordOf(s)
	if !ok || s.Glued() {
		return
	}
	switch w.kind {
	case nwScale, nwMultiplier:
		if n.Precision < 1 {
			n.Value *= w.value
			n.Precision *= w.value
			n.End++
			n.Words, n.Scaled, n.Scale = true, true, w.value
			return
		}
		seed := n.Value
		if m, ok := l.readWords(toks, n.End, "", &seed, n.Precision, false); ok {
			*n = m
		}
	}
}

// gluedScaleSuffix is scaleSuffix[s.Lower] for a word s glued to the
// digits before it, and nothing for a word apart from them.
func (l *Language) gluedScaleSuffix(s *token.Token) (float64, bool) {
	if !s.Glued() {
		return 0, false
	}
	v, ok := l.scaleSuffix[s.Lower]
	return v, ok
}

func parseInt(s string) float64 {
	var v float64
	for i := 0; i < len(s); i++ {
		v = v*10 + float64(s[i]-'0')
	}
	return v
}

// wordState is the accumulator of readWords.
type wordState struct {
	total     float64 // closed scale groups ("two thousand")
	small     float64 // finished parts of the current group ("three hundred" before "twenty")
	last      float64 // the value being built
	lastKind  int     // kind of the last word read (nwValue, nwMultiplier, nwScale)
	haveLast  bool
	lastScale float64 // the last scale applied, for "one million and a half"
	// Precision is the place value of the smallest written part: 1 for a
	// value word, times the multipliers and scales applied to it ("two
	// million" = 1e6, "dua ratus lima puluh" = 10), or the fraction.
	lastPrec, groupPrec, minPrec float64
	frac                         bool
	any                          bool
}

func (s *wordState) value() float64 { return s.total + s.small + s.last }

func (s *wordState) precision() float64 {
	p := math.Min(s.minPrec, s.groupPrec)
	if s.haveLast {
		p = math.Min(p, s.lastPrec)
	}
	if math.IsInf(p, 1) {
		return 1
	}
	return p
}

// addSmall moves the value being built into the finished parts of the group.
func (s *wordState) addSmall() {
	s.small += s.last
	s.groupPrec = math.Min(s.groupPrec, s.lastPrec)
}

// readWords combines number words with the usual accumulator: values add,
// multipliers ("hundred", "puluh") multiply the value before them, adders
// ("belas") add ten to it, scales ("thousand", "ribu") close a group.
// first, when set, replaces the first token's word (the cardinal inside
// "kedua puluh"); seed starts the accumulator with digits already read ("3
// hundred and 21"); ordinal lets the last word be an ordinal ("twenty-fifth").
func (l *Language) readWords(toks []token.Token, i int, first string, seed *float64, seedPrec float64, ordinal bool) (Numeral, bool) {
	inf := math.Inf(1)
	st := wordState{lastPrec: 1, groupPrec: inf, minPrec: inf}
	j := i
	end := i
	isOrdinal := false
	// The state before an "and", to fall back to when what follows is a
	// new number ("3 hundred and 2 hundred are two numbers").
	var saved wordState
	savedEnd := -1
	if seed != nil {
		st.last, st.haveLast, st.lastKind, st.any = *seed, true, nwValue, true
		if seedPrec > 0 {
			st.lastPrec = seedPrec
		}
		end = i
	}
	for j < len(toks) {
		t := &toks[j]
		if j > i && t.Is(token.NewlineBefore) {
			break
		}
		if t.Kind == token.Punct {
			// "twenty-five", "two-thirds": a hyphen between two number words.
			if t.Text == "-" && st.any && t.Glued() && j+1 < len(toks) && toks[j+1].Glued() && toks[j+1].Kind == token.Word {
				nx := l.factsOf(&toks[j+1])
				// "two-million-euro", "one-hundred-year": a scale or multiplier too.
				if k := nx.num.kind; k == nwValue || k == nwScale || k == nwMultiplier || nx.fraction > 0 || ordinal && nx.ordinal > 0 {
					j++
					continue
				}
			}
			break
		}
		if t.Kind == token.Number {
			// Digits inside words only after a scale or "and": "4 thousand
			// 3 hundred and 21".
			if !st.any || st.lastKind != nwScale && !(st.lastKind == nwMultiplier && j > i && l.factsOf(&toks[j-1]).and) || len(t.Text) > 3 || glueContinues(toks, j+1) {
				break
			}
			if st.haveLast {
				st.addSmall()
			}
			st.last, st.haveLast, st.lastKind, st.lastPrec = parseInt(t.Text), true, nwValue, 1
			j++
			end = j
			continue
		}
		// What the tables say about the word, looked up once.
		f := l.factsOf(t)
		if j == i && first != "" {
			f = l.factsOfWord(first)
		}
		nw, ok := f.num, f.num.kind != 0
		if !ok && ordinal && f.isOrdinal {
			nw, ok = l.cardinalFor(float64(f.ordinal)), true
			isOrdinal = true
		}
		switch {
		case ok:
		case f.and && st.any && j+1 < len(toks):
			// "one hundred and six", "one and a half", "three million and
			// a quarter": "and" only joins number words.
			if st.lastKind == nwMultiplier || st.lastKind == nwScale || st.lastKind == nwValue && st.haveLast {
				if k, ok := l.readHalfOrFraction(toks, j+1, &st); ok {
					j, end = k, k
					continue
				}
				if st.lastKind == nwValue {
					break
				}
				if (l.factsOf(&toks[j+1]).num.kind == nwValue || toks[j+1].Kind == token.Number && toks[j+1].Text != "0" && strings.Trim(toks[j+1].Text, "0") != "") && !toks[j+1].Is(token.NewlineBefore) {
					saved, savedEnd = st, end
					j++
					continue
				}
			}
		case f.half:
			// "half a million", "half an hour", "half million", "setengah",
			// "dua setengah" (two and a half).
			if !st.any {
				st.last, st.haveLast, st.lastKind, st.any, st.frac = 0.5, true, nwValue, true, true
				st.lastPrec = 0.5
				j++
				end = j
				if j+1 < len(toks) && l.factsOf(&toks[j]).num.kind == nwOne && !toks[j].Is(token.NewlineBefore) {
					if nx, ok := l.numWordOf(&toks[j+1]); ok && (nx.kind == nwScale || nx.kind == nwMultiplier) {
						j++ // "half a million": the article stands for nothing
					} else {
						j++ // "half an hour": the caller reads the unit
						end = j
						return l.finishWords(&st, i, end, isOrdinal)
					}
				}
				continue
			}
			if st.lastKind == nwValue && st.haveLast {
				st.last += 0.5
				st.frac = true
				st.lastPrec = math.Min(st.lastPrec, 0.5)
				j++
				end = j
				continue
			}
		}
		if !ok && !st.any && f.fraction > 0 && j+1 < len(toks) && l.factsOf(&toks[j+1]).num.kind == nwScale {
			// "quarter million"
			st.last, st.haveLast, st.lastKind, st.any, st.frac = 1/f.fraction, true, nwValue, true, true
			st.lastPrec = st.last
			j++
			end = j
			continue
		}
		if !ok {
			// A fraction after a count: "two thirds", "one fifth".
			if d := f.fraction; d > 0 && st.haveLast && st.lastKind == nwValue && st.last >= 1 && st.last < 100 && fractionContext(toks, j) {
				st.last /= d
				st.frac = true
				st.lastPrec = st.lastPrec / d
				j++
				end = j
				continue
			}
			if f.point && st.any && j+1 < len(toks) {
				if k, ok := l.readPoint(toks, j+1, &st); ok {
					j, end = k, k
					continue
				}
			}
			break
		}
		switch nw.kind {
		case nwOne:
			// "a thousand", "a dozen", "a third", "a half": the article
			// counts only before a multiplier, scale or fraction.
			if st.any || j+1 >= len(toks) || toks[j+1].Is(token.NewlineBefore) {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			nx := l.factsOf(&toks[j+1])
			isFrac := nx.fraction > 0 && fractionContext(toks, j+1)
			if !(nx.num.kind == nwScale || nx.num.kind == nwMultiplier || isFrac || nx.half) {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			if nx.half {
				// "a half" is one half.
				st.last, st.haveLast, st.lastKind, st.any, st.frac = 0.5, true, nwValue, true, true
				st.lastPrec = 0.5
				j += 2
				end = j
				continue
			}
			st.last, st.haveLast, st.lastKind, st.lastPrec = 1, true, nwValue, 1
		case nwValue:
			v := nw.value
			if st.haveLast && st.lastKind == nwValue {
				switch {
				case st.last >= 20 && st.last < 100 && math.Mod(st.last, 10) == 0 && v < 10:
					// "twenty five"
					st.last += v
					st.lastKind = nwValue
					st.any = true
					j++
					end = j
					if isOrdinal {
						return l.finishWords(&st, i, end, true)
					}
					continue
				case st.last >= 100 && v < 100 && math.Mod(st.last, 100) == 0:
					// "seratus dua", "seribu lima ratus"
					st.addSmall()
				default:
					// "two three", "nineteen ninety": not one number.
					return l.finishWords(&st, i, end, isOrdinal)
				}
			} else if st.haveLast {
				// after a multiplier: "two hundred six", "dua puluh lima"
				if st.last < v {
					return l.finishWords(&st, i, end, isOrdinal)
				}
				st.addSmall()
			}
			if v >= 1000 && !st.haveLast && st.small == 0 && st.total == 0 {
				// "seribu", "sejuta": one of a scale, which closes a group.
				st.total, st.lastKind, st.lastScale = v, nwScale, v
				st.minPrec = math.Min(st.minPrec, v)
				break
			}
			st.last, st.haveLast, st.lastKind, st.lastPrec = v, true, nwValue, 1
			if v >= 100 {
				st.lastPrec = v // "seratus": one hundred
			}
		case nwMultiplier:
			if !st.haveLast {
				if st.small != 0 || st.total != 0 && st.lastKind != nwScale {
					return l.finishWords(&st, i, end, isOrdinal)
				}
				st.last, st.lastPrec = 1, 1 // "hundred thousand dollars"
			}
			if st.lastKind == nwMultiplier && st.last >= nw.value {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			if savedEnd >= 0 && st.haveLast && st.small > 0 && st.last*nw.value >= lowestPlace(st.small) {
				// "3 hundred and 2 hundred": the place is taken ("three
				// hundred and two dozens" is 324).
				return l.finishWords(&saved, i, savedEnd, isOrdinal)
			}
			st.last *= nw.value
			st.lastPrec *= nw.value
			st.haveLast, st.lastKind = true, nwMultiplier
		case nwAdder:
			if !st.haveLast || st.lastKind != nwValue || st.last >= 10 {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			st.last += nw.value
		case nwScale:
			if st.lastKind == nwScale && !st.haveLast && st.small == 0 && nw.value > st.lastScale {
				// "three lakh crore", "a thousand million": scales multiply.
				st.total *= nw.value
				st.minPrec *= nw.value
				st.lastScale = nw.value
				break
			}
			if !st.haveLast && st.small == 0 {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			if st.lastKind == nwScale {
				return l.finishWords(&st, i, end, isOrdinal)
			}
			st.total += (st.small + st.last) * nw.value
			gp := st.groupPrec
			if st.haveLast {
				gp = math.Min(gp, st.lastPrec)
			}
			st.minPrec = math.Min(st.minPrec, gp*nw.value)
			st.small, st.last, st.haveLast, st.lastKind = 0, 0, false, nwScale
			st.groupPrec, st.lastPrec = inf, 1
			st.lastScale = nw.value
		}
		st.any = true
		j++
		end = j
		if isOrdinal {
			break
		}
	}
	return l.finishWords(&st, i, end, isOrdinal)
}

// lowestPlace is the place value of the last non-zero digit of v: 100 for 300.
func lowestPlace(v float64) float64 {
	if v <= 0 || v != math.Trunc(v) {
		return 1
	}
	p := 1.0
	for math.Mod(v, p*10) == 0 {
		p *= 10
	}
	return p
}

// cardinalFor maps an ordinal's value to the word kind of its cardinal:
// "hundredth" multiplies like "hundred", "millionth" scales like "million".
func (l *Language) cardinalFor(v float64) numWord {
	for _, nw := range l.numWords {
		if nw.value == v && v >= 100 && (nw.kind == nwMultiplier || nw.kind == nwScale) {
			return nw
		}
	}
	return numWord{nwValue, v}
}

// fractionContext accepts a fraction word where it cannot be a count of
// periods ("three quarters" of a year): glued by a hyphen ("two-thirds"),
// before "of", or at the end of a clause.
func fractionContext(toks []token.Token, j int) bool {
	if j > 0 && toks[j-1].Text == "-" && toks[j].Glued() {
		return true
	}
	if j+1 >= len(toks) {
		return true
	}
	nx := &toks[j+1]
	if nx.Is(token.NewlineBefore) || nx.Kind == token.Punct && nx.Text != "-" {
		return true
	}
	return nx.Lower == "of" || nx.Lower == "dari"
}

// readHalfOrFraction reads what follows "and" in "one and a half", "three
// million and a quarter", "one hundred and three quarters".
func (l *Language) readHalfOrFraction(toks []token.Token, j int, st *wordState) (int, bool) {
	k := j
	num := 1.0
	if k < len(toks) && l.factsOf(&toks[k]).num.kind == nwOne {
		k++
	} else if k < len(toks) {
		if w, ok := l.numWordOf(&toks[k]); ok && w.kind == nwValue && w.value < 10 && k+1 < len(toks) &&
			(l.factsOf(&toks[k+1]).fraction > 0 || w.value == 1 && l.factsOf(&toks[k+1]).half) {
			num = w.value
			k++
		} else if !l.factsOf(&toks[k]).half {
			return 0, false
		}
	}
	if k >= len(toks) || toks[k].Is(token.NewlineBefore) {
		return 0, false
	}
	var f float64
	switch w := toks[k].Lower; {
	case l.halfWords[w]:
		f = 0.5
	case l.fractions[w] > 0:
		f = num / l.fractions[w]
	default:
		return 0, false
	}
	if st.lastKind == nwScale && k+1 < len(toks) && l.factsOf(&toks[k+1]).num.kind == nwScale && !toks[k+1].Is(token.NewlineBefore) {
		// "one billion and a half million": the fraction of the scale
		// that follows.
		v := l.factsOf(&toks[k+1]).num.value
		st.total += f * v
		st.minPrec = math.Min(st.minPrec, f*v)
		st.frac = true
		return k + 2, true
	}
	if st.lastKind == nwScale {
		st.total += f * st.lastScale
		st.minPrec = math.Min(st.minPrec, f*st.lastScale)
	} else {
		st.last += f
		st.lastPrec = math.Min(st.lastPrec, f)
	}
	st.frac = true
	return k + 1, true
}

// readPoint reads the digits after "point": "five point five", "two
// hundred point zero three", "point seventy-one".
func (l *Language) readPoint(toks []token.Token, j int, st *wordState) (int, bool) {
	digits := ""
	k := j
	for k < len(toks) && !toks[k].Is(token.NewlineBefore) {
		t := &toks[k]
		if t.Kind == token.Number && digits == "" {
			digits = t.Text
			k++
			break
		}
		w, ok := l.numWordOf(t)
		if !ok || w.kind != nwValue || w.value >= 100 || w.value != math.Trunc(w.value) {
			break
		}
		v := int(w.value)
		switch {
		case v < 10:
			digits += string(rune('0' + v))
		case v%10 == 0 && k+2 < len(toks) && toks[k+1].Text == "-" && toks[k+2].Glued():
			if u, ok := l.numWordOf(&toks[k+2]); ok && u.kind == nwValue && u.value < 10 {
				digits += string(rune('0'+v/10)) + string(rune('0'+int(u.value)))
				k += 3
				continue
			}
			digits += string(rune('0'+v/10)) + "0"
		default:
			digits += string(rune('0'+v/10)) + string(rune('0'+v%10))
		}
		k++
	}
	if digits == "" {
		return 0, false
	}
	f := parseInt(digits) / math.Pow(10, float64(len(digits)))
	p := math.Pow(10, -float64(len(digits)))
	if st.lastKind == nwScale {
		st.total += f * st.lastScale
		st.minPrec = math.Min(st.minPrec, p*st.lastScale)
	} else {
		st.last += f
		st.lastPrec = math.Min(st.lastPrec, p)
	}
	return k, true
}

func (l *Language) finishWords(st *wordState, start, end int, ordinal bool) (Numeral, bool) {
	if !st.any || end == start {
		return Numeral{}, false
	}
	return Numeral{Value: st.value(), Precision: st.precision(), Words: true, End: end, Fraction: st.frac, Ordinal: ordinal,
		Scaled: st.lastScale != 0, Scale: st.lastScale}, true
}

// AddLexical adds the filter of the lexicon words (Lexical) to f, so that
// a loop testing every word against it and other tables' first words
// (Phrases.AddFirsts) turns most words away with one bit test.
func (l *Language) AddLexical(f *WordFilter) {
	for k := range f {
		f[k] |= l.lex[k]
	}
}

// OrdinalPrefixFirsts marks in first the first byte of each of the
// language's ordinal prefixes (every byte for an empty prefix), and
// reports whether it has any: a word whose first byte is unmarked opens
// with none of them, so a scan can turn it away before ReadOrdinal (which
// tests the prefixes one by one) when it is no lexicon word either.
func (l *Language) OrdinalPrefixFirsts(first *[256]bool) bool {
	for _, pre := range l.ordPrefixes {
		if pre == "" {
			for b := range first {
				first[b] = true
			}
			continue
		}
		first[pre[0]] = true
	}
	return len(l.ordPrefixes) > 0
}

// MayOpenOrdinal reports whether ReadOrdinal may read an ordinal at t: a
// word the number tables may hold or an ordinal prefix opens, or digits.
// It inlines, so that a scan over every token calls ReadOrdinal only at
// these.
func (l *Language) MayOpenOrdinal(t *token.Token) bool {
	return t.Kind == token.Number || t.Kind == token.Word && (l.numLex.May(t) || len(l.ordPrefixes) > 0)
}

// NumeralLexical reports whether word t may open a numeral or an ordinal
// in words (a number, vague, half, minus, fraction or ordinal word, or an
// ordinal prefix): false is certain. It is Lexical narrowed to the words
// ReadOrdinal reads, for a loop over every word.
func (l *Language) NumeralLexical(t *token.Token) bool { return l.numLex.May(t) }

// afterOne reports whether the word before toks[i] is one the tables
// read as an article's one ("a", "an"): "a third" is a fraction.
func (l *Language) afterOne(toks []token.Token, i int) bool {
	return i > 0 && l.factsOf(&toks[i-1]).num.kind == nwOne
}

// wordsGoOn reports whether readWords, reading a numeral from the
// cardinal word before toks[j], may read on at toks[j]: false when that
// is missing, opens a line, is punctuation other than a hyphen, or is a
// word none of the language's tables hold. A numeral in words is an
// ordinal only if an ordinal word follows its first word ("twenty-fifth",
// "one hundred twenty fifth"), so ReadOrdinal turns away here the
// cardinal words before an ordinary word ("a man", "two people"), nearly
// all of those it was asked about, without setting readWords up. (A
// number reads on only after a scale word, which readWords tests.)
func (l *Language) wordsGoOn(toks []token.Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	t := &toks[j]
	switch {
	case t.Is(token.NewlineBefore):
		return false
	case t.Kind == token.Word:
		return l.factsKnown.May(t) && l.factsOf(t).tableWord()
	case t.Kind == token.Punct:
		return t.Text == "-"
	}
	return true
}

// DigitsMayOpenOrdinal reports whether ReadOrdinal may read an ordinal at
// the digits toks[i]: only with a word glued after them, its ordinal
// suffix ("8th", "21st"); false is certain. It inlines, so that a scan over
// every token pays no call for the figures that stand alone, most of them.
func DigitsMayOpenOrdinal(toks []token.Token, i int) bool {
	return i+1 < len(toks) && toks[i+1].Kind == token.Word && toks[i+1].Glued()
}

// ReadOrdinal reads "eighth", "8th", "twenty-fifth", "one hundred twenty
// fifth", "kedelapan", "kedua puluh", "ke-8".
func (l *Language) ReadOrdinal(toks []token.Token, i int) (value, end int, ok bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	t := &toks[i]
	if t.Kind == token.Word {
		// Most words: no ordinal, number word or prefix. (numLex, not
		// the whole lexicon's filter: "and", months and units read
		// nothing here.)
		// Whether an ordinal prefix opens it is asked once (it was asked
		// twice of every word that reads as none).
		prefixed := l.prefixedOrdinal(t.Lower)
		if !prefixed && !l.numLex.May(t) {
			return 0, 0, false
		}
		// What the tables say about the word, looked up once.
		f := l.factsOf(t)
		if !f.ordPrefix && !f.isOrdinal && f.num.kind == 0 && !prefixed {
			return 0, 0, false
		}
		// "ke-8"
		if f.ordPrefix && i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+1].Glued() &&
			toks[i+2].Kind == token.Number && toks[i+2].Glued() && len(toks[i+2].Text) <= 4 {
			return int(parseInt(toks[i+2].Text)), i + 3, true
		}
		// "kedua puluh", "kesebelas": the prefix glued to a cardinal.
		// (ordPrefixes rather than a range over the set, which started a
		// map iteration at every number word; and only for a word a prefix
		// opens, as prefixedOrdinal said.)
		for k := 0; prefixed && k < len(l.ordPrefixes); k++ {
			if rest, found := strings.CutPrefix(t.Lower, l.ordPrefixes[k]); found && rest != "" {
				if _, isNum := l.numWords[rest]; isNum {
					if n, ok := l.readWords(toks, i, rest, nil, 0, false); ok && !n.Fraction && n.Value >= 1 {
						return int(n.Value), n.End, true
					}
				}
			}
		}
		// The word before is looked up only for a word that may be an
		// ordinal.
		if f.isOrdinal {
			if v := f.ordinal; v >= 3 && l.afterOne(toks, i) {
				return 0, 0, false // "a third", "a trillionth": fractions
			}
			return f.ordinal, i + 1, true
		}
		// "twenty-fifth", "one hundred twenty fifth", "two hundredth"
		if f.num.kind == 0 || !l.wordsGoOn(toks, i+1) {
			return 0, 0, false
		}
		if l.afterOne(toks, i) && !toks[i].Is(token.NewlineBefore) {
			return 0, 0, false // "a third", "a trillionth": fractions
		}
		if n, ok := l.readWords(toks, i, "", nil, 0, true); ok && n.Ordinal && n.Value >= 1 && n.Value == math.Trunc(n.Value) {
			return int(n.Value), n.End, true
		}
		return 0, 0, false
	}
	if t.Kind == token.Number && len(t.Text) <= 4 && i+1 < len(toks) {
		s := &toks[i+1]
		if i > 0 && t.Glued() && (toks[i-1].Kind == token.Word || toks[i-1].Kind == token.Number) {
			return 0, 0, false
		}
		if s.Kind == token.Word && s.Glued() && l.factsOf(s).ordSuffix {
			return int(parseInt(t.Text)), i + 2, true
		}
	}
	return 0, 0, false
}
