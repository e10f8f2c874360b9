package claims

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind is the type of value a claim states. The set is open: rule files may
// name new kinds, but these are the ones the built-in rules produce.
type Kind string

// Built-in claim kinds.
const (
	KindDate     Kind = "date"
	KindDuration Kind = "duration"
	KindCount    Kind = "count"
	KindQuantity Kind = "quantity"
	KindOrdinal  Kind = "ordinal"
	KindPercent  Kind = "percent"
	KindMoney    Kind = "money"
)

// Tense is what a claim's sentence or clause says about time: the tense
// words of the language lists, or a past form. It decides which way a date
// without a year is read (before or after the publication date).
type Tense string

// Tenses. TenseNone: the words do not say.
const (
	TenseNone   Tense = ""
	TensePast   Tense = "past"
	TenseFuture Tense = "future"
)

// Context flags what a claim's sentence and words say about which
// occurrence of an event they report, read at extraction from the tokens
// in hand so that the comparison, which decides with the story's dates
// whether a sentence is background, does not scan the text again.
type Context uint8

// Context flags.
const (
	// OpensBackground: the sentence opens with a background marker
	// ("Previously, ...", "Sebelumnya, ...").
	OpensBackground Context = 1 << iota
	// OpensAnaphora: the sentence opens with a pronoun for an earlier
	// sentence's event ("It killed 612 people").
	OpensAnaphora
	// DefiniteEvent: the sentence names an event as a known one ("in the
	// quake", "gempa tersebut").
	DefiniteEvent
	// NominalDate: the date modifies a noun rather than placing its
	// sentence in time ("the tsunami of 2004", "the 2004 tsunami").
	NominalDate
)

// Kinds lists every claim kind, for code that checks a kind named in data
// (rules' attribute kinds).
var Kinds = []Kind{KindDate, KindDuration, KindCount, KindQuantity, KindOrdinal, KindPercent, KindMoney}

// Claim is one checkable statement found in a document: a value, the exact
// bytes it was read from, and what it is said to be about.
//
// Invariant: doc.Text[Start:End] == Text.
type Claim struct {
	ID   string // stable within a run: "<doc>:<line>:<col>" (set by extract.Engine.Extract)
	Doc  string // Document.ID
	Kind Kind
	Rule string // the rule that produced it: "<lang>/<section>/<pattern id>" ("en/dates/month-day-year"), or "<lang>/number", "<lang>/ordinal"

	// What the value is about. Frame is an event type ("meeting", "pact"),
	// Attribute the property of it ("meeting.date", "pact.signed",
	// "casualties.killed"); both empty when no frame evoked in the sentence
	// matches. Triggers are the words that evoked the frame and Participants
	// the canonical names found in the claim's sentence.
	Frame     string
	Attribute string
	// Also lists further attributes when a sentence-opening expression
	// ("Earlier in 2023, X held a summit and signed a pact") scopes over
	// several events of the sentence.
	Also         []string
	Triggers     []string
	Participants []string
	// Dateline marks the document's own dateline, reported only so that a
	// weekday contradicting its date is checked; never compared.
	Dateline bool
	// Subject is who an attribute that belongs to someone speaks of (the
	// candidate of a vote share), in lower case; empty when none is named.
	Subject string
	// Scope is the place a count is limited to when its words say so
	// ("killed 170,000 people in the province", "in 13 countries"): counts
	// of two different scopes are parts of different wholes.
	Scope string
	// Definite is set when the sentence refers to the frame's event as one
	// already known ("the meeting", "rapat ini"), i.e. the story's event.
	Definite bool

	Text     string
	Start    int
	End      int
	Line     int
	Col      int
	Sentence int // 1-based index of the sentence in the document
	// SentenceStart and SentenceEnd are the byte span of that sentence, so
	// later stages can read the claim's context without re-segmenting.
	SentenceStart, SentenceEnd int

	Value string // canonical: ISO 8601/TIMEX3 for dates and durations, decimal for numbers
	Date  *DateValue
	Num   *NumberValue

	Tense Tense // TensePast, TenseFuture or TenseNone when the sentence does not say
	// Context is what extraction read around the claim that tells which
	// occurrence of an event its sentence is about (see Context).
	Context Context
	Note    string // how the value was resolved, in words ("year inferred from dateline 2024-12-30")
}

// Granularity is the precision at which a date was stated.
type Granularity int

// Granularities from coarse to fine.
const (
	GranUnknown Granularity = iota
	GranDecade
	GranYear
	GranHalf
	GranQuarter
	GranMonth
	GranWeek
	GranDay
	GranMinute
)

var granNames = [...]string{"unknown", "decade", "year", "half", "quarter", "month", "week", "day", "minute"}

func (g Granularity) String() string {
	if int(g) < len(granNames) {
		return granNames[g]
	}
	return "unknown"
}

// DateValue is a date, time or date range as an interval [Start, End) in
// UTC, with the precision it was written at and which parts were written
// and which inferred.
type DateValue struct {
	Start, End time.Time
	Gran       Granularity // of the first (or only) point
	EndGran    Granularity // of the end point of a written range
	Range      bool        // written as two points ("from 23 to 27 December")
	Fuzzy      bool        // a vague period ("last week", "early this year")
	Written    []string    // parts written: "year", "month", "day", "weekday", "time"
	Inferred   []string    // parts inferred from the publication date
	Relative   bool        // resolved against the publication date
	// Weekday is the weekday written beside a full date (1 Monday .. 7
	// Sunday), kept so a mismatch ("Tuesday, February 6, 2023") can be
	// reported; 0 when none was written.
	Weekday int

	// Period is the TimeML value of what the words name when the interval
	// is not simply that period: "early December" (the month, Mod START),
	// "earlier this year" (the year, cut at the dateline), "the past three
	// months" (P3M), "last weekend" (2024-W51-WE), a clock time moved to
	// UTC (its written wall-clock value). Canonical returns it when set.
	Period string
	// Mod is the TimeML modifier: START, MID, END ("early", "mid-", "late"
	// December); empty when none.
	Mod string
	// DayPart is the TimeML part of the day (MO, MI, AF, EV, NI, DT) of a
	// day written with one ("Friday evening", "Selasa sore").
	DayPart string
	// Wall is the clock time as written, when Start/End were moved from it
	// to UTC; Zone says how ("WIB (+7)", "local time in Indonesia (+7..+9)",
	// "zone unknown"). Both empty for dates without a time.
	Wall time.Time
	Zone string
}

// InferredPart reports whether part ("year", "month", ...) was inferred.
func (d *DateValue) InferredPart(part string) bool {
	for _, p := range d.Inferred {
		if p == part {
			return true
		}
	}
	return false
}

// Canonical renders the value in ISO 8601 / TIMEX3 style: "2023", "2024-06",
// "2024-12-27", "2023-02-06T04:17", "2024-12-23/2024-12-27".
//
// It is spelled into one buffer (appendPoint) and made a string once: every
// date claim asks it, and the concatenations and fmt calls of formatPoint
// were a tenth of resolving a date on a page of dates.
func (d *DateValue) Canonical() string {
	if d.Period != "" {
		return d.Period
	}
	var buf [48]byte
	b := buf[:0]
	switch {
	case d.DayPart != "" && d.Gran == GranDay && !d.Range && !d.Fuzzy:
		b = appendPoint(b, d.Start, GranDay)
		b = append(b, 'T')
		b = append(b, d.DayPart...)
	case d.Range || d.Fuzzy:
		last := d.End.Add(-time.Nanosecond)
		g, eg := d.Gran, d.EndGran
		if eg == GranUnknown {
			eg = d.Gran
		}
		if d.Fuzzy {
			g, eg = GranDay, GranDay
		}
		b = appendPoint(b, d.Start, g)
		b = append(b, '/')
		b = appendPoint(b, last, eg)
	default:
		b = appendPoint(b, d.Start, d.Gran)
	}
	return string(b)
}

// AppendDay appends t's day as Canonical spells a day ("2024-12-30",
// t.Format("2006-01-02")), for notes that name a day without building a
// DateValue.
func AppendDay(b []byte, t time.Time) []byte { return appendPoint(b, t, GranDay) }

// appendPoint appends formatPoint(t, g) to b. Years 0 to 9999, all that
// news writes, are spelled digit by digit from one t.Date call; any other
// year goes through formatPoint itself, whose fmt and time layouts decide
// signs and widths there. TestAppendPoint holds the two together.
func appendPoint(b []byte, t time.Time, g Granularity) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return append(b, formatPoint(t, g)...)
	}
	switch g {
	case GranDecade:
		return appendDigits(b, y/10, 3)
	case GranYear:
		return append4(b, y)
	case GranHalf:
		b = append(append4(b, y), '-', 'H')
		return append(b, byte('0'+(int(m)-1)/6+1))
	case GranQuarter:
		b = append(append4(b, y), '-', 'Q')
		return append(b, byte('0'+(int(m)-1)/3+1))
	case GranMonth:
		b = append(append4(b, y), '-')
		return append2(b, int(m))
	case GranWeek:
		wy, w := t.ISOWeek()
		if wy < 0 || wy > 9999 {
			return append(b, formatPoint(t, g)...)
		}
		b = append(append4(b, wy), '-', 'W')
		return append2(b, w)
	}
	b = append(append4(b, y), '-')
	b = append(append2(b, int(m)), '-')
	b = append2(b, d)
	if g == GranMinute {
		hh, mm, _ := t.Clock()
		b = append(b, 'T')
		b = append(append2(b, hh), ':')
		b = append2(b, mm)
	}
	return b
}

// appendDigits appends v, which is at least 0 and below 10^width, in
// exactly width digits, with leading zeros.
func appendDigits(b []byte, v, width int) []byte {
	n := len(b)
	for range width {
		b = append(b, '0')
	}
	for i := len(b) - 1; i >= n; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return b
}

// append2 and append4 are appendDigits for widths 2 and 4 (a date's month,
// day, hour and minute, and its year), written out: one append each, not
// a byte at a time and a loop of divisions, which were most of a value's
// spelling.
func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

func formatPoint(t time.Time, g Granularity) string {
	switch g {
	case GranDecade:
		return fmt.Sprintf("%03d", t.Year()/10)
	case GranYear:
		return fmt.Sprintf("%04d", t.Year())
	case GranHalf:
		return fmt.Sprintf("%04d-H%d", t.Year(), (int(t.Month())-1)/6+1)
	case GranQuarter:
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	case GranMonth:
		return t.Format("2006-01")
	case GranWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case GranMinute:
		return t.Format("2006-01-02T15:04")
	default:
		return t.Format("2006-01-02")
	}
}

// Describe renders the value for a person, saying which parts were inferred:
// "June 2024 (year read from the dateline)".
func (d *DateValue) Describe() string {
	var s string
	switch {
	case !d.Wall.IsZero():
		s = d.Wall.Format("2 January 2006 15:04")
		if d.Zone != "" {
			s += " " + d.Zone
		}
	case d.Mod != "":
		s = map[string]string{"START": "early", "MID": "mid", "END": "late"}[d.Mod] + " " + describePoint(d.Start, d.Gran)
	case d.Fuzzy:
		s = d.Start.Format("2 Jan 2006") + " to " + d.End.Add(-time.Nanosecond).Format("2 Jan 2006")
	case d.Range:
		s = describePoint(d.Start, d.Gran) + " to " + describePoint(d.End.Add(-time.Nanosecond), nonZero(d.EndGran, d.Gran))
	default:
		s = describePoint(d.Start, d.Gran)
	}
	if len(d.Inferred) > 0 {
		s += " (" + strings.Join(d.Inferred, ", ") + " inferred from the publication date)"
	}
	return s
}

func nonZero(g, def Granularity) Granularity {
	if g == GranUnknown {
		return def
	}
	return g
}

func describePoint(t time.Time, g Granularity) string {
	switch g {
	case GranDecade:
		return fmt.Sprintf("the %d0s", t.Year()/10)
	case GranYear:
		return strconv.Itoa(t.Year())
	case GranHalf:
		return fmt.Sprintf("H%d %d", (int(t.Month())-1)/6+1, t.Year())
	case GranQuarter:
		return fmt.Sprintf("Q%d %d", (int(t.Month())-1)/3+1, t.Year())
	case GranMonth:
		return t.Format("January 2006")
	case GranWeek:
		return "the week of " + t.Format("2 January 2006")
	case GranMinute:
		return t.Format("2 January 2006 15:04")
	default:
		return t.Format("2 January 2006")
	}
}

// NumberValue is a number with the bounds its qualifier gives ("more than
// 5,000" is (5000, +inf)), its unit and what it counts.
type NumberValue struct {
	Value float64 // the number as written, after scales ("1.2 million" = 1200000)
	// Low and High are the bounds the words give; nil means unbounded.
	Low, High                   *float64
	LowExclusive, HighExclusive bool
	Approx                      bool    // "about", "around", "sekitar": widened by Precision
	Precision                   float64 // the unit of the last written digit (0.1 for "58.6")
	Qualifier                   string  // the qualifier words as written, e.g. "more than"
	Unit                        string  // canonical unit: "km", "USD", "%", "day", ... ("" for a bare count)
	Counted                     string  // what is counted, canonical: "killed", "soldiers", "missile-tests"
	Vague                       bool    // "hundreds", "ratusan", "dozens"
}

// Bounds returns the closed interval the value can lie in, after the
// qualifier and written precision, used for compatibility checks. Exclusive
// bounds are returned with the flags so callers can be exact.
func (n *NumberValue) Bounds() (lo, hi float64, loEx, hiEx bool) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if n.Low != nil {
		lo, loEx = *n.Low, n.LowExclusive
	}
	if n.High != nil {
		hi, hiEx = *n.High, n.HighExclusive
	}
	return lo, hi, loEx, hiEx
}

// FormatNumber renders a float as a plain decimal without exponent or
// trailing zeros: 5000, 7.8, 96214691.
func FormatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e18 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Ptr returns a pointer to f; handy for bounds.
func Ptr(f float64) *float64 { return &f }
