package rules

import (
	"math"

	"github.com/crosscheck/crosscheck/claims/token"
)

// Numeral is a number read from tokens.
type Numeral struct {
	Value     float64
	Precision float64 // the place value of the last written digit (1 for "5,000", 0.1 for "58.6")
	Vague     bool    // "hundreds", "ratusan": Low..High
	Low, High float64
	Words     bool // written in words
	End       int  // token index after the numeral
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
// optional scale word ("1.2 million", "1,2 juta", "3bn"), or number words
// ("twenty-five", "a thousand", "dua puluh lima", "seribu").
func (l *Language) ReadNumeral(toks []token.Token, i int) (Numeral, bool) {
	if i >= len(toks) {
		return Numeral{}, false
	}
	t := &toks[i]
	switch t.Kind {
	case token.Number:
		n, ok := l.readDigits(toks, i)
		if !ok {
			return n, false
		}
		// A scale: "1.2 million", "3bn", "1,2 juta".
		if n.End < len(toks) && toks[n.End].Kind == token.Word {
			s := &toks[n.End]
			if v, ok := l.scaleSuffix[s.Lower]; ok && s.Glued() {
				n.Value *= v
				n.Precision *= v
				n.End++
			} else if w, ok := l.numWords[s.Lower]; ok && w.kind == nwScale && !s.Is(token.NewlineBefore) {
				n.Value *= w.value
				n.Precision *= w.value
				n.End++
			}
		}
		return n, true
	case token.Word:
		if r, ok := l.vague[t.Lower]; ok {
			return Numeral{Value: r[0], Low: r[0], High: r[1], Vague: true, Words: true, End: i + 1, Precision: 1}, true
		}
		return l.readWords(toks, i)
	}
	return Numeral{}, false
}

// readDigits joins digit groups split by the group separator (exactly three
// digits after each) and one decimal part.
func (l *Language) readDigits(toks []token.Token, i int) (Numeral, bool) {
	t := &toks[i]
	v := parseInt(t.Text)
	end := i + 1
	grouped := false
	// Thousands groups: "96,214,691" / "96.214.691".
	if len(t.Text) <= 3 {
		for end+1 < len(toks) && toks[end].Text == l.group && toks[end].Glued() &&
			toks[end+1].Kind == token.Number && toks[end+1].Glued() && len(toks[end+1].Text) == 3 {
			v = v*1000 + parseInt(toks[end+1].Text)
			end += 2
			grouped = true
		}
	}
	prec := 1.0
	// Decimal part: "7.8" / "7,8". With an ambiguous "4.000" (one group
	// separator and three digits) the group reading above already won.
	if end+1 < len(toks) && toks[end].Text == l.decimal && toks[end].Glued() &&
		toks[end+1].Kind == token.Number && toks[end+1].Glued() {
		frac := toks[end+1].Text
		if len(frac) <= 6 {
			v += parseInt(frac) / math.Pow(10, float64(len(frac)))
			prec = math.Pow(10, -float64(len(frac)))
			end += 2
		}
	}
	_ = grouped
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return Numeral{}, false
	}
	return Numeral{Value: v, Precision: prec, End: end}, true
}

func parseInt(s string) float64 {
	var v float64
	for i := 0; i < len(s); i++ {
		v = v*10 + float64(s[i]-'0')
	}
	return v
}

// readWords combines number words with the usual accumulator: values add,
// multipliers ("hundred", "puluh") multiply the last value, adders ("belas")
// add to it, and scales ("thousand", "ribu") close a group.
func (l *Language) readWords(toks []token.Token, i int) (Numeral, bool) {
	var total, cur, last float64
	haveLast, any := false, false
	j := i
	end := i
	for j < len(toks) {
		t := &toks[j]
		if t.Kind != token.Word {
			// "twenty-five": a hyphen between two number words.
			if t.Text == "-" && any && t.Glued() && j+1 < len(toks) && toks[j+1].Glued() {
				if w, ok := l.numWords[toks[j+1].Lower]; ok && w.kind == nwValue {
					j++
					continue
				}
			}
			break
		}
		if j > i && t.Is(token.NewlineBefore) {
			break
		}
		w, ok := l.numWords[t.Lower]
		if !ok {
			break
		}
		switch w.kind {
		case nwOne:
			// "a thousand": only counts when a scale or multiplier follows.
			if any || j+1 >= len(toks) {
				return l.finishWords(total, cur, last, haveLast, any, i, end)
			}
			nx, ok := l.numWords[toks[j+1].Lower]
			if !ok || (nx.kind != nwScale && nx.kind != nwMultiplier) {
				return l.finishWords(total, cur, last, haveLast, any, i, end)
			}
			last, haveLast = 1, true
		case nwValue:
			if haveLast && last < 10 && w.value < 10 {
				// "two three" is not one number.
				return l.finishWords(total, cur, last, haveLast, any, i, end)
			}
			if haveLast {
				cur += last
			}
			last, haveLast = w.value, true
		case nwMultiplier:
			if !haveLast {
				last = 1
			}
			last *= w.value
			haveLast = true
		case nwAdder:
			if !haveLast {
				return l.finishWords(total, cur, last, haveLast, any, i, end)
			}
			last += w.value
		case nwScale:
			if !haveLast && cur == 0 {
				return l.finishWords(total, cur, last, haveLast, any, i, end)
			}
			total += (cur + last) * w.value
			cur, last, haveLast = 0, 0, false
		}
		any = true
		j++
		end = j
	}
	return l.finishWords(total, cur, last, haveLast, any, i, end)
}

func (l *Language) finishWords(total, cur, last float64, haveLast, any bool, start, end int) (Numeral, bool) {
	if !any || end == start {
		return Numeral{}, false
	}
	v := total + cur
	if haveLast {
		v += last
	}
	return Numeral{Value: v, Precision: 1, Words: true, End: end}, true
}

// ReadOrdinal reads "eighth", "8th", "kedelapan", "ke-8".
func (l *Language) ReadOrdinal(toks []token.Token, i int) (value, end int, ok bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	t := &toks[i]
	if t.Kind == token.Word {
		if v, ok := l.ordinals[t.Lower]; ok {
			return v, i + 1, true
		}
		// "ke-8"
		if l.ordinalPrefix[t.Lower] && i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+1].Glued() &&
			toks[i+2].Kind == token.Number && toks[i+2].Glued() && len(toks[i+2].Text) <= 3 {
			return int(parseInt(toks[i+2].Text)), i + 3, true
		}
		return 0, 0, false
	}
	if t.Kind == token.Number && len(t.Text) <= 3 && i+1 < len(toks) {
		s := &toks[i+1]
		if s.Kind == token.Word && s.Glued() && l.ordinalSuffix[s.Lower] {
			return int(parseInt(t.Text)), i + 2, true
		}
	}
	return 0, 0, false
}
