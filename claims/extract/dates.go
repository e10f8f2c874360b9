package extract

import (
	"fmt"
	"math"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// DateExtractor reads dates, date ranges, times, relative expressions and
// durations, and finds the publication dateline when the input gave none.
var DateExtractor = &Extractor{
	Name:  "dates",
	Doc:   "absolute, partial and relative dates, ranges, times and durations",
	Kinds: []claims.Kind{claims.KindDate, claims.KindDuration},
	Run:   runDates,
}

func runDates(p *Pass) {
	idx := p.engine.langs[p.Lang.Code].dates
	var ms []rules.Match
	for i := 0; i < len(p.Toks); i++ {
		if p.blocked[i] {
			continue
		}
		m, ok := idx.Longest(p.Toks, i)
		if !ok || p.Blocked(m.Start, m.End) {
			continue
		}
		// A match that starts inside this one and reaches further wins:
		// "on Tuesday, February 6, 2023" is one date, not "on Tuesday"
		// followed by another.
		for j := m.Start + 1; j < m.End; j++ {
			if m2, ok := idx.Longest(p.Toks, j); ok && m2.End > m.End && !p.Blocked(m2.Start, m2.End) {
				m = m2
				break
			}
		}
		// An optional separator may have matched before an optional part
		// that was absent ("December 23 to December 27,"): trim it.
		for m.End-1 > m.Start {
			if t := p.Toks[m.End-1].Text; t == "," || t == "." || t == "-" {
				m.End--
				continue
			}
			break
		}
		ms = append(ms, m)
		i = m.End - 1
	}
	p.dateMatches = ms
	dateline := -1
	if !p.Doc.HasDate() {
		dateline = p.findDateline(ms)
	}
	for k, m := range ms {
		p.Block(m.Start, m.End)
		if k == dateline {
			continue // the dateline is the document's own date, not a claim
		}
		start, end := p.Toks[m.Start].Start, p.Toks[m.End-1].End
		c := &claims.Claim{Rule: p.Lang.Code + "/" + m.Pattern.Section + "/" + m.Pattern.ID, Start: start, End: end}
		if m.Pattern.Section == "duration_patterns" {
			if !p.duration(c, m) {
				continue
			}
		} else if !p.resolveDate(c, m) {
			continue
		}
		p.Report(c)
	}
}

// findDateline picks the publication date among full-date matches: a
// pattern marked as a dateline anywhere, else a full date among the first
// three non-empty lines, else a full date that opens one of the first twelve
// lines. It sets the document's date and returns the match index, or -1.
func (p *Pass) findDateline(ms []rules.Match) int {
	lineOf := func(i int) int { l, _ := p.Doc.Position(p.Toks[i].Start); return l }
	nonEmpty := map[int]int{} // line -> rank among non-empty lines
	rank := 0
	for i := range p.Toks {
		if i == 0 || p.Toks[i].Is(token.NewlineBefore) {
			rank++
			nonEmpty[lineOf(i)] = rank
			if rank > 12 {
				break
			}
		}
	}
	pick := -1
	for pass := 0; pass < 3 && pick < 0; pass++ {
		for k, m := range ms {
			c := m.Caps
			if c.Year[0] == 0 || c.Month[0] == 0 || c.Day[0] == 0 || c.Year[1] != 0 || c.Day[1] != 0 {
				continue
			}
			if _, err := civil(c.Year[0], c.Month[0], c.Day[0]); err != nil {
				continue
			}
			r, ok := nonEmpty[lineOf(m.Start)]
			lineStart := m.Start == 0 || p.Toks[m.Start].Is(token.NewlineBefore)
			if (pass == 0 && m.Pattern.Dateline) ||
				(pass == 1 && ok && r <= 3) ||
				(pass == 2 && ok && lineStart) {
				pick = k
				break
			}
		}
	}
	if pick < 0 {
		p.Doc.PublishedSource = claims.SourceNone
		return -1
	}
	m := ms[pick]
	t, _ := civil(m.Caps.Year[0], m.Caps.Month[0], m.Caps.Day[0])
	p.Doc.Published = t
	p.Doc.PublishedSource = claims.SourceDateline
	p.Doc.PublishedText = p.Doc.Text[p.Toks[m.Start].Start:p.Toks[m.End-1].End]
	return pick
}

func civil(y, m, d int) (time.Time, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return t, fmt.Errorf("no such date")
	}
	return t, nil
}

// resolveDate turns a match into a date claim. It returns false when the
// words cannot be a date after all (31 February).
func (p *Pass) resolveDate(c *claims.Claim, m rules.Match) bool {
	c.Kind = claims.KindDate
	cp := m.Caps
	pub := p.pubDate()
	tense := p.Tense(m.Start)
	c.Tense = tense
	pat := m.Pattern
	if pat.Section == "relative" {
		return p.resolveRelative(c, m, pub)
	}
	dv := &claims.DateValue{}
	switch {
	case cp.Decade != 0:
		dv.Start = time.Date(cp.Decade, 1, 1, 0, 0, 0, 0, time.UTC)
		dv.End = dv.Start.AddDate(10, 0, 0)
		dv.Gran = claims.GranDecade
		dv.Written = []string{"decade"}
	case cp.Ordinal != 0:
		n := 4
		months := 3
		g := claims.GranQuarter
		if pat.Half {
			n, months, g = 2, 6, claims.GranHalf
		}
		if cp.Ordinal < 1 || cp.Ordinal > n {
			return false
		}
		y := cp.Year[0]
		dv.Written = []string{"part"}
		if y == 0 {
			if pub.IsZero() {
				c.Value = fmt.Sprintf("XXXX-%s%d", map[bool]string{true: "H", false: "Q"}[pat.Half], cp.Ordinal)
				c.Note = "year not written and no publication date"
				return true
			}
			y = pub.Year()
			dv.Inferred = append(dv.Inferred, "year")
		} else {
			dv.Written = append(dv.Written, "year")
		}
		dv.Start = time.Date(y, time.Month((cp.Ordinal-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		dv.End = dv.Start.AddDate(0, months, 0)
		dv.Gran = g
	case cp.Year[0] == 0 && cp.Month[0] == 0 && cp.Day[0] == 0 && cp.Weekday[0] != 0:
		return p.resolveWeekday(c, cp, pub, tense)
	case cp.Year[0] == 0 && cp.Month[0] == 0 && cp.Day[0] == 0:
		// A time of day alone.
		if !cp.HasHour {
			return false
		}
		c.Value = fmt.Sprintf("T%02d:%02d", hour24(cp), cp.Minute)
		c.Note = "time of day without a date"
		return true
	default:
		if !p.resolveCalendar(c, dv, cp, pat, pub, tense) {
			return false
		}
		if c.Value != "" {
			return true
		}
	}
	c.Date = dv
	c.Value = dv.Canonical()
	return true
}

func hour24(cp rules.Captures) int {
	h := cp.Hour
	if cp.AmPm == 2 && h < 12 {
		h += 12
	}
	if cp.AmPm == 1 && h == 12 {
		h = 0
	}
	return h
}

// resolveCalendar handles written dates and ranges with any parts missing.
func (p *Pass) resolveCalendar(c *claims.Claim, dv *claims.DateValue, cp rules.Captures, pat *rules.Pattern, pub time.Time, tense string) bool {
	y1, m1, d1 := cp.Year[0], cp.Month[0], cp.Day[0]
	y2, m2, d2 := cp.Year[1], cp.Month[1], cp.Day[1]
	rng := y2 != 0 || m2 != 0 || d2 != 0
	if cp.YY2 {
		y2 = y1 - y1%100 + y2
		if y2 <= y1 {
			y2 += 100
		}
		if y2-y1 > 10 {
			return false // "1998-2016"-like spans are not written as yy
		}
	}
	if rng {
		if m1 == 0 {
			m1 = m2
		}
		if m2 == 0 && d2 != 0 {
			m2 = m1
		}
		if y1 == 0 {
			y1 = y2
		}
		if y2 == 0 {
			y2 = y1
		}
	}
	addWritten(dv, y1 != 0, "year")
	addWritten(dv, m1 != 0, "month")
	addWritten(dv, d1 != 0, "day")
	addWritten(dv, cp.Weekday[0] != 0, "weekday")
	addWritten(dv, cp.HasHour, "time")
	if pat.YearOffset != nil {
		if pub.IsZero() {
			c.Value = timexUnknownYear(m1, d1)
			c.Note = "year relative to an unknown publication date"
			return true
		}
		y1, y2 = pub.Year()+*pat.YearOffset, pub.Year()+*pat.YearOffset
		dv.Inferred = append(dv.Inferred, "year")
		dv.Relative = true
	}
	if y1 == 0 {
		if pub.IsZero() {
			c.Value = timexUnknownYear(m1, d1)
			c.Note = "year not written and no publication date to infer it from"
			return true
		}
		y1 = inferYear(pub, m1, max(d1, 1), tense)
		if rng {
			y2 = y1
			if m2 < m1 {
				y2 = y1 + 1
			}
		}
		dv.Inferred = append(dv.Inferred, "year")
		c.Note = fmt.Sprintf("year %d inferred from the publication date %s", y1, pub.Format("2006-01-02"))
	}
	start, gran, ok := point(y1, m1, d1)
	if !ok {
		return false
	}
	dv.Start, dv.Gran = start, gran
	dv.End = advance(start, gran)
	if cp.HasHour && d1 != 0 && !rng {
		dv.Start = start.Add(time.Duration(hour24(cp))*time.Hour + time.Duration(cp.Minute)*time.Minute)
		dv.End = dv.Start.Add(time.Minute)
		dv.Gran = claims.GranMinute
	}
	if rng {
		if m2 == 0 && d2 == 0 && m1 != 0 {
			// "between March and May" keeps months; "2018-19" years.
		}
		e, eg, ok := point(y2, m2, d2)
		if !ok || !e.After(start) && !(e.Equal(start) && eg == gran) {
			if !ok || e.Before(start) {
				return false
			}
		}
		dv.Range, dv.EndGran = true, eg
		dv.End = advance(e, eg)
	}
	if cp.Weekday[0] != 0 && d1 != 0 && !rng {
		dv.Weekday = cp.Weekday[0]
	}
	return true
}

func addWritten(dv *claims.DateValue, ok bool, part string) {
	if ok {
		dv.Written = append(dv.Written, part)
	}
}

func timexUnknownYear(m, d int) string {
	switch {
	case m != 0 && d != 0:
		return fmt.Sprintf("XXXX-%02d-%02d", m, d)
	case m != 0:
		return fmt.Sprintf("XXXX-%02d", m)
	}
	return "XXXX"
}

// point builds the start of a date written to year, month or day precision.
func point(y, m, d int) (time.Time, claims.Granularity, bool) {
	switch {
	case d != 0:
		if m == 0 {
			return time.Time{}, 0, false
		}
		t, err := civil(y, m, d)
		return t, claims.GranDay, err == nil
	case m != 0:
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), claims.GranMonth, true
	default:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranYear, y != 0
	}
}

func advance(t time.Time, g claims.Granularity) time.Time {
	switch g {
	case claims.GranDecade:
		return t.AddDate(10, 0, 0)
	case claims.GranYear:
		return t.AddDate(1, 0, 0)
	case claims.GranHalf:
		return t.AddDate(0, 6, 0)
	case claims.GranQuarter:
		return t.AddDate(0, 3, 0)
	case claims.GranMonth:
		return t.AddDate(0, 1, 0)
	case claims.GranWeek:
		return t.AddDate(0, 0, 7)
	case claims.GranMinute:
		return t.Add(time.Minute)
	default:
		return t.AddDate(0, 0, 1)
	}
}

// inferYear picks the year for a month (and day) written without one. Past
// sentences take the most recent occurrence not after the publication date
// (a week's slack lets "on 2 January" in an article of 29 December look
// back), future ones the next occurrence not before it, and sentences that
// do not mark tense the occurrence nearest to the publication date.
func inferYear(pub time.Time, m, d int, tense string) int {
	y := pub.Year()
	at := func(cand int) time.Time { return time.Date(cand, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch tense {
	case "past":
		for _, cand := range []int{y + 1, y, y - 1} {
			if !at(cand).After(pub.AddDate(0, 0, 7)) {
				return cand
			}
		}
	case "future":
		for _, cand := range []int{y - 1, y, y + 1} {
			if !at(cand).Before(pub.AddDate(0, 0, -7)) {
				return cand
			}
		}
	}
	best, bestD := y, time.Duration(math.MaxInt64)
	for _, cand := range []int{y - 1, y, y + 1} {
		d := at(cand).Sub(pub)
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// resolveWeekday resolves "on Friday" against the dateline: the latest such
// day on or before it, or with future tense the first on or after it.
func (p *Pass) resolveWeekday(c *claims.Claim, cp rules.Captures, pub time.Time, tense string) bool {
	wd := time.Weekday(cp.Weekday[0] % 7) // 7 (Sunday) -> 0
	if pub.IsZero() {
		c.Value = fmt.Sprintf("XXXX-WXX-%d", cp.Weekday[0])
		c.Note = "weekday with no publication date to resolve it against"
		return true
	}
	d := pub
	if tense == "future" {
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, 1)
		}
	} else {
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, -1)
		}
	}
	dv := &claims.DateValue{Start: d, End: d.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true,
		Written: []string{"weekday"}, Inferred: []string{"year", "month", "day"}}
	if cp.HasHour {
		dv.Start = d.Add(time.Duration(hour24(cp))*time.Hour + time.Duration(cp.Minute)*time.Minute)
		dv.End = dv.Start.Add(time.Minute)
		dv.Gran = claims.GranMinute
		dv.Written = append(dv.Written, "time")
	}
	c.Date = dv
	c.Value = dv.Canonical()
	c.Note = fmt.Sprintf("%s resolved against the publication date %s (%s)", wd, pub.Format("Mon 2006-01-02"), orDefault(tense, "past assumed"))
	return true
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// resolveRelative resolves "last week", "two days ago", "tahun lalu".
func (p *Pass) resolveRelative(c *claims.Claim, m rules.Match, pub time.Time) bool {
	sh := m.Pattern.Shift
	unit := sh.Unit
	if unit == "" {
		unit = m.Caps.DurUnit
	}
	n := sh.Amount
	if sh.FromNum {
		if !m.Caps.HasNum || m.Caps.Num.Value != float64(int(m.Caps.Num.Value)) || m.Caps.Num.Value > 1000 {
			return false
		}
		n = sh.Sign * int(m.Caps.Num.Value)
	}
	if pub.IsZero() {
		c.Value = ""
		c.Note = "relative expression with no publication date to resolve it against"
		return true
	}
	dv := &claims.DateValue{Relative: true}
	switch unit {
	case "day":
		dv.Start, dv.Gran = pub.AddDate(0, 0, n), claims.GranDay
		dv.Inferred = []string{"year", "month", "day"}
	case "hour", "minute":
		dv.Start, dv.Gran = pub, claims.GranDay
		dv.Inferred = []string{"year", "month", "day"}
	case "week":
		if n == 0 {
			off := (int(pub.Weekday()) + 6) % 7
			dv.Start, dv.Gran = pub.AddDate(0, 0, -off), claims.GranWeek
		} else {
			// "last week" in news means the days just gone, not the ISO week
			// before: a fuzzy span of about two weeks around pub + 7n days.
			dv.Start = pub.AddDate(0, 0, 7*n-6)
			dv.End = pub.AddDate(0, 0, 7*n+7)
			if n < 0 && dv.End.After(pub) {
				dv.End = pub
			}
			dv.Fuzzy, dv.Gran = true, claims.GranDay
		}
		dv.Inferred = []string{"year", "month", "day"}
	case "month":
		t := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		dv.Start, dv.Gran = t, claims.GranMonth
		dv.Inferred = []string{"year", "month"}
	case "quarter":
		q := (int(pub.Month()) - 1) / 3
		t := time.Date(pub.Year(), time.Month(q*3+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*n, 0)
		dv.Start, dv.Gran = t, claims.GranQuarter
		dv.Inferred = []string{"year", "quarter"}
	case "year":
		dv.Start, dv.Gran = time.Date(pub.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranYear
		dv.Inferred = []string{"year"}
	case "decade":
		dv.Start, dv.Gran = time.Date(pub.Year()/10*10+10*n, 1, 1, 0, 0, 0, 0, time.UTC), claims.GranDecade
		dv.Inferred = []string{"decade"}
	default:
		return false
	}
	if dv.End.IsZero() {
		dv.End = advance(dv.Start, dv.Gran)
	}
	applyPart(dv, sh.Part, pub)
	c.Date = dv
	c.Value = dv.Canonical()
	c.Note = "relative to the publication date " + pub.Format("2006-01-02")
	return true
}

// applyPart narrows a period to its early, middle or late third, or to the
// part before or after the publication date.
func applyPart(dv *claims.DateValue, part string, pub time.Time) {
	if part == "" {
		return
	}
	span := dv.End.Sub(dv.Start)
	third := span / 3
	switch part {
	case "early":
		dv.End = dv.Start.Add(third)
	case "mid":
		dv.Start, dv.End = dv.Start.Add(third), dv.Start.Add(2*third)
	case "late":
		dv.Start = dv.End.Add(-third)
	case "todate":
		if pub.Before(dv.End) {
			dv.End = pub.AddDate(0, 0, 1)
		}
	case "rest":
		if pub.After(dv.Start) {
			dv.Start = pub
		}
	}
	dv.Start = dv.Start.Truncate(24 * time.Hour)
	dv.End = dv.End.Truncate(24 * time.Hour)
	dv.Fuzzy = true
}

// duration turns "five-day", "24 years", "selama tujuh hari" into a
// duration claim with the qualifier's bounds.
func (p *Pass) duration(c *claims.Claim, m rules.Match) bool {
	if !m.Caps.HasNum || m.Caps.DurUnit == "" {
		return false
	}
	n := m.Caps.Num
	c.Kind = claims.KindDuration
	nv := &claims.NumberValue{Value: n.Value, Precision: n.Precision, Unit: m.Caps.DurUnit}
	if qs, b, ok := p.qualifierBefore(m.Start); ok {
		c.Start = p.Toks[qs].Start
		nv.Qualifier = p.Doc.Text[c.Start:p.Toks[m.Start].Start]
		applyBound(nv, b)
	} else {
		exact(nv)
	}
	c.Num = nv
	c.Value = isoDuration(n.Value, m.Caps.DurUnit)
	return c.Value != ""
}

// isoDuration renders P5D, PT2H, P24Y, P3M, P2W, P10Y (a decade).
func isoDuration(v float64, unit string) string {
	num := claims.FormatNumber(v)
	switch unit {
	case "year":
		return "P" + num + "Y"
	case "decade":
		return "P" + claims.FormatNumber(v*10) + "Y"
	case "century":
		return "P" + claims.FormatNumber(v*100) + "Y"
	case "month":
		return "P" + num + "M"
	case "quarter":
		return "P" + claims.FormatNumber(v*3) + "M"
	case "week":
		return "P" + num + "W"
	case "day":
		return "P" + num + "D"
	case "hour":
		return "PT" + num + "H"
	case "minute":
		return "PT" + num + "M"
	}
	return ""
}
