package extract

import (
	"strconv"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// NumberExtractor reads counts, quantities with units, percentages and
// money, with the bounds their qualifiers give and what they count.
var NumberExtractor = &Extractor{
	Name:  "numbers",
	Doc:   "counts, quantities, percentages and money with qualifiers, units and counted nouns",
	Kinds: []claims.Kind{claims.KindCount, claims.KindQuantity, claims.KindPercent, claims.KindMoney},
	Run: func(p *Pass) {
		for i := 0; i < len(p.Toks); i++ {
			if p.blocked[i] {
				continue
			}
			if end, ok := p.number(i); ok {
				i = end - 1
			}
		}
	},
}

// OrdinalExtractor reads ordinals that number an event ("Eighth Congress",
// "the second summit", "kongres ke-8"); other ordinals ("first time") are
// not checkable claims.
var OrdinalExtractor = &Extractor{
	Name:  "ordinals",
	Doc:   "ordinals next to an event word",
	Kinds: []claims.Kind{claims.KindOrdinal},
	Run: func(p *Pass) {
		for i := 0; i < len(p.Toks); i++ {
			if p.blocked[i] {
				continue
			}
			v, end, ok := p.Lang.ReadOrdinal(p.Toks, i)
			if !ok || p.Blocked(i, end) {
				continue
			}
			near := false
			for k := max(0, i-3); k < min(len(p.Toks), end+3) && !near; k++ {
				if k >= i && k < end {
					continue
				}
				near = p.Rules.Triggers.Has(p.Toks, k)
			}
			if !near {
				continue
			}
			p.Report(&claims.Claim{Kind: claims.KindOrdinal, Rule: p.Lang.Code + "/ordinal",
				Start: p.Toks[i].Start, End: p.Toks[end-1].End, Value: strconv.Itoa(v),
				Num: &claims.NumberValue{Value: float64(v), Low: claims.Ptr(float64(v)), High: claims.Ptr(float64(v)), Precision: 1}})
			p.Block(i, end)
			i = end - 1
		}
	},
}

// number reads one numeric claim starting at token i.
func (p *Pass) number(i int) (int, bool) {
	l, toks := p.Lang, p.Toks
	first := i
	var unit *rules.Unit
	if e, ui, ok := l.Units.Match(toks, i); ok && l.UnitList[ui].Prefix && e < len(toks) && !p.Blocked(i, e) {
		if _, ok := l.ReadNumeral(toks, e); ok && toks[e].Kind == token.Number {
			unit = &l.UnitList[ui]
			i = e
		}
	}
	t := &toks[i]
	if t.Kind != token.Number && !(t.Kind == token.Word && l.IsNumberWord(t.Lower)) {
		return 0, false
	}
	if t.Kind == token.Number && unit == nil && p.labelNumber(i) {
		return i + 1, false
	}
	n, ok := l.ReadNumeral(toks, i)
	if !ok || p.Blocked(i, n.End) {
		return 0, false
	}
	end := n.End
	if t.Kind == token.Number && p.partOfCode(end) {
		return end, false
	}
	nv := &claims.NumberValue{Value: n.Value, Precision: n.Precision}
	// A range: "3-5", "3 to 5", "between 3 and 5", "antara 3 hingga 5".
	isRange := false
	if end+1 < len(toks) && !toks[end].Is(token.NewlineBefore) {
		sep := toks[end].Text
		dash := sep == "-" || sep == "–" || sep == "—"
		_, fromOK := p.rangeFromBefore(first)
		if dash || (fromOK && l.List("range_to").Has(toks, end)) {
			se := end + 1
			if !dash {
				se, _, _ = l.List("range_to").Match(toks, end)
			}
			if n2, ok := l.ReadNumeral(toks, se); ok && n2.Value > n.Value && !p.Blocked(se, n2.End) {
				lo, hi := n.Value, n2.Value
				nv.Low, nv.High = &lo, &hi
				nv.Value = lo
				isRange = true
				end = n2.End
			}
		}
	}
	if unit == nil && end < len(toks) {
		if e, ui, ok := l.Units.Match(toks, end); ok && !l.UnitList[ui].Prefix && !toks[end].Is(token.NewlineBefore) {
			unit = &l.UnitList[ui]
			end = e
		}
	}
	if end < len(toks) && unit == nil {
		if _, ok := l.DurUnits[toks[end].Lower]; ok {
			return end, false // a duration the date extractor did not take
		}
	}
	counted, attrNext := p.counted(end)
	kind := claims.KindCount
	if unit != nil {
		nv.Unit = unit.Name
		switch {
		case unit.Name == "%":
			kind = claims.KindPercent
		case len(unit.Dimension) > 6 && unit.Dimension[:6] == "money-":
			kind = claims.KindMoney
		default:
			kind = claims.KindQuantity
		}
	}
	start := first
	qs, b, hasQ := p.qualifierBefore(first)
	if hasQ {
		start = qs
	}
	if kind == claims.KindCount && counted == "" && !attrNext {
		return end, false // a bare number: no claim without what it counts
	}
	if n.Vague {
		lo, hi := n.Low, n.High
		nv.Low, nv.High, nv.Vague = &lo, &hi, true
	} else if !isRange {
		if hasQ {
			nv.Qualifier = p.Doc.Text[toks[qs].Start:toks[first].Start]
			applyBound(nv, b)
		} else {
			exact(nv)
		}
	}
	nv.Counted = counted
	c := &claims.Claim{Kind: kind, Rule: l.Code + "/number", Start: toks[start].Start, End: toks[end-1].End, Num: nv}
	c.Value = claims.FormatNumber(nv.Value)
	if isRange {
		c.Value = claims.FormatNumber(*nv.Low) + "/" + claims.FormatNumber(*nv.High)
	}
	p.Report(c)
	p.Block(start, end)
	return end, true
}

// labelNumber reports numbers that name rather than count: "Suite 300",
// "Boeing 737", "COVID-19", "F-16", list markers, times and fractions.
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
			!p.Lang.Qualifiers.Has(toks, i-1) && !p.Lang.Units.Has(toks, i-1) {
			_, _, isMonth := p.Lang.Month(prev.Lower)
			_, _, isWeekday := p.Lang.Weekday(prev.Lower)
			if !isMonth && !isWeekday {
				return true
			}
		}
	}
	if t.Is(token.NewlineBefore) || i == 0 {
		if i+1 < len(toks) && toks[i+1].Glued() && (toks[i+1].Text == "." || toks[i+1].Text == ")") {
			return true
		}
	}
	return false
}

// partOfCode reports digits glued to something that makes them a code,
// time, fraction or phone number rather than a quantity.
func (p *Pass) partOfCode(end int) bool {
	toks := p.Toks
	if end >= len(toks) || !toks[end].Glued() {
		return false
	}
	nx := &toks[end]
	switch nx.Text {
	case ":", "/":
		return end+1 < len(toks) && toks[end+1].Kind == token.Number && toks[end+1].Glued()
	case "-":
		// "555-1234-99": more than two digit groups is a code.
		return end+3 < len(toks) && toks[end+1].Kind == token.Number && toks[end+2].Text == "-" && toks[end+3].Kind == token.Number
	}
	if nx.Kind == token.Word {
		// Glued letters that are not a unit or scale: "5G", "3D".
		if _, _, ok := p.Lang.Units.Match(toks, end); ok {
			return false
		}
		if _, ok := p.Lang.ReadNumeral(toks, end-1); ok {
			return false
		}
		return true
	}
	return false
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
	s, _, ok := p.Lang.List("range_from").MatchBefore(p.Toks, i, 3)
	return s, ok
}

// qualifierBefore finds a qualifier phrase ending right before token i.
func (p *Pass) qualifierBefore(i int) (start int, b rules.Bound, ok bool) {
	s, v, ok := p.Lang.Qualifiers.MatchBefore(p.Toks, i, 4)
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
	attrNext := end < len(toks) && !toks[end].Is(token.NewlineBefore) &&
		(p.Rules.AttrWords.Has(toks, end) || p.Rules.Triggers.Has(toks, end))
	// A listed noun counts only as the head of the number's own phrase: the
	// first word, or the second after one modifier ("three high-profile
	// meetings", "lebih dari 100 uji coba rudal") — not "250 temporary
	// camps hosting people".
	k0 := end
	if k0 < len(toks) && (toks[k0].Lower == "of" || toks[k0].Lower == "dari") {
		k0++
	}
	for k0+2 < len(toks) && toks[k0].Kind == token.Word && toks[k0+1].Text == "-" && toks[k0+1].Glued() && toks[k0+2].Glued() {
		k0 += 3
	}
	for k := k0; k < len(toks) && k <= k0+1; k++ {
		if k > end && (toks[k].Is(token.NewlineBefore) || toks[k].Kind == token.Punct) {
			break
		}
		if _, v, ok := p.Rules.Counted.Match(toks, k); ok {
			return p.Rules.CountedIDs[v], attrNext
		}
	}
	k := end
	if k < len(toks) && (toks[k].Lower == "of" || toks[k].Lower == "dari") {
		k++
	}
	for k+2 < len(toks) && toks[k].Kind == token.Word && toks[k+1].Text == "-" && toks[k+1].Glued() && toks[k+2].Glued() {
		k += 3 // "high-profile"
	}
	if k >= len(toks) || toks[k].Kind != token.Word || toks[k].Is(token.NewlineBefore) || toks[k].Is(token.Capital) || toks[k].Is(token.AllCaps) {
		return "", attrNext
	}
	w := toks[k].Lower
	if len(w) < 3 || p.Lang.Detect[w] || attrNext || p.Rules.AttrWords.Has(toks, k) || p.Rules.Triggers.Has(toks, k) || p.Lang.IsNumberWord(w) {
		return "", attrNext
	}
	return w, attrNext
}

func applyBound(nv *claims.NumberValue, b rules.Bound) {
	v := nv.Value
	switch b {
	case rules.BoundMore:
		nv.Low, nv.LowExclusive = claims.Ptr(v), true
	case rules.BoundAtLeast:
		nv.Low = claims.Ptr(v)
	case rules.BoundLess:
		nv.High, nv.HighExclusive = claims.Ptr(v), true
	case rules.BoundAtMost:
		nv.High = claims.Ptr(v)
	case rules.BoundAbout:
		nv.Low, nv.High, nv.Approx = claims.Ptr(v), claims.Ptr(v), true
	case rules.BoundNearly:
		nv.Low, nv.High, nv.HighExclusive, nv.Approx = claims.Ptr(v*0.9), claims.Ptr(v), true, true
	}
}

func exact(nv *claims.NumberValue) { nv.Low, nv.High = claims.Ptr(nv.Value), claims.Ptr(nv.Value) }
