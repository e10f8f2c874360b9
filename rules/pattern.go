package rules

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/claims/token"
)

// Pattern is a compiled token pattern from a language file.
type Pattern struct {
	ID      string
	Section string // "dates", "relative", "duration_patterns", "furniture"
	// Rule names the pattern in claims: language/section/id, joined once
	// here rather than for every match.
	Rule string
	File string
	Line int
	Lang *Language

	parts []part

	Dateline   bool // a match anywhere is a publication dateline ("Senin (30/12/2024)")
	YearOffset *int // year relative to the publication year ("in June last year")
	Half       bool // the ordinal names a half, not a quarter
	Century    bool // the ordinal names a century ("the 19th century", "abad ke-19")
	// Anchor resolves a relative expression against the date the text last
	// mentioned ("two days later", "dua hari kemudian") rather than the
	// publication date.
	Anchor bool
	// Future marks "in two weeks": a date when the sentence looks ahead,
	// otherwise the duration it names ("finished in two weeks").
	Future bool
	// Alone requires the match to end a phrase: no word may follow ("on the
	// 18th." but not "on the 3rd floor"; "the day before" but not "the day
	// before the vote").
	Alone bool
	// Rel fixes how a weekday or month name is resolved: "past" (the last
	// one before the publication date) or "next" (the first one after).
	Rel   string
	Shift *Shift
	// Value is a fixed TimeML value ("PRESENT_REF", "PAST_REF"): the
	// expression names no checkable time.
	Value string
	// Set marks a recurrence ("every year", "setiap Senin"): a TimeML SET,
	// never compared as a date.
	Set bool
	// Vague marks a duration with no count ("recent weeks", "beberapa
	// bulan"): its value is PXW, PXM, ...
	Vague bool
	// DayPart fixes the part of the day ("tonight": NI).
	DayPart string
	// SkipFirst leaves the words before the year out of the claim: they
	// only tell what the rest is ("the 2000 Olympics": "2000").
	SkipFirst bool
	// NotStart is a word the match may not open with: "shouldn't last two
	// hours" is the verb, where "next two hours" is a period.
	NotStart string
	// CueFirst leaves the match's first word, a cue that found it, out of
	// the claim: "for an hour" is the duration "an hour".
	CueFirst bool
	// CueLast leaves the match's last CueLast words, a cue that tells what
	// the rest is, out of the claim: "the year ended Aug. 31" is the
	// duration "the year", "tahun buku yang berakhir" "tahun buku".
	CueLast int
	// Number is what the pattern's words count without a numeral: the
	// length of "a couple of years" (2), the half of "the last half of
	// 1989" (2).
	Number int
	// Week reads the day the pattern names as its ISO week ("the week of
	// March 6").
	Week bool
	// NotBefore is a word that may not follow the match ("the quarter"
	// but not "the quarter of the vote").
	NotBefore string
}

// Shift describes a relative expression: move by Amount Units from the
// publication date (Amount taken from the captured number when FromNum),
// then take Part of the resulting period.
type Shift struct {
	Unit       string // "day", "week", "month", "year", ...; "" = the captured duration unit
	Amount     int
	FromNum    bool // amount is the captured number times Sign
	Sign       int
	FromOffset bool // amount is the captured offset word ("last" -1), times the number when FromNum
	Part       Part
}

type patternFile struct {
	ID         string     `yaml:"id"`
	Match      string     `yaml:"match"`
	Dateline   bool       `yaml:"dateline"`
	YearOffset *int       `yaml:"year_offset"`
	Half       bool       `yaml:"half"`
	Century    bool       `yaml:"century"`
	Anchor     bool       `yaml:"anchor"`
	Future     bool       `yaml:"future"`
	Alone      bool       `yaml:"alone"`
	Rel        string     `yaml:"rel"`
	Shift      *shiftFile `yaml:"shift"`
	Value      string     `yaml:"value"`
	Set        bool       `yaml:"set"`
	Vague      bool       `yaml:"vague"`
	DayPart    string     `yaml:"day_part"`
	SkipFirst  bool       `yaml:"skip_first"`
	NotBefore  string     `yaml:"not_before"`
	NotStart   string     `yaml:"not_start"`
	CueFirst   bool       `yaml:"cue_first"`
	CueLast    int        `yaml:"cue_last"`
	Number     int        `yaml:"number"`
	Week       bool       `yaml:"week"`
}

type shiftFile struct {
	Unit   string `yaml:"unit"`
	Amount string `yaml:"amount"`
	Part   string `yaml:"part"`
}

type slotKind int

const (
	slotYear slotKind = iota + 1
	slotYY
	slotMonth
	slotMonthName
	slotMon
	slotDay
	slotWeekday
	slotWeekdayName
	slotHour
	slotMinute
	slotNum
	slotInt
	slotOrdinal
	slotDecade
	slotQ        // "Q3", "H1": a quarter or half tag
	slotRoman    // "III": a Roman ordinal (Indonesian "kuartal III")
	slotSeason   // "summer", "musim panas"
	slotHHMM     // "0417", "1140": a clock time without a separator
	slotA        // "a", "an": one, before a unit ("an hour")
	slotOffset   // "last", "next", "this", "lalu", "depan"
	slotPart     // "early", "the end of", "awal", "akhir"
	slotCentury  // "1800s": a century written as its first year
	slotTHour    // "T04" in "2023-02-06T04:17"
	slotDayTh    // a day with its ordinal suffix: "13th"
	slotMonthDay // "Dec31", "mar3": a month glued to its day in one word
	slotHoliday  // "Christmas", "Thanksgiving Day", "Hari Natal"
)

var slotNames = map[string]slotKind{
	"year": slotYear, "yy": slotYY, "month": slotMonth, "monthname": slotMonthName, "mon": slotMon,
	"day": slotDay, "weekday": slotWeekday, "weekdayname": slotWeekdayName, "hour": slotHour,
	"minute": slotMinute, "num": slotNum, "int": slotInt, "ordinal": slotOrdinal, "decade": slotDecade,
	"q": slotQ, "roman": slotRoman, "season": slotSeason, "hhmm": slotHHMM, "a": slotA, "offset": slotOffset,
	"part": slotPart, "century": slotCentury, "thour": slotTHour, "dayth": slotDayTh, "monthday": slotMonthDay,
	"holiday": slotHoliday,
}

type partKind int

const (
	partSlot partKind = iota + 1
	partList
	partLit
)

type part struct {
	kind     partKind
	slot     slotKind
	side     int // 0 or 1 (second point of a range)
	list     *Phrases
	listName string
	// reads is what a list part captures (see listReads), settled once
	// from its name: matchPart compared the name with each kind of list
	// at every list it matched.
	reads listRead
	lit   *Phrases
	// litWords holds a literal's alternatives when each is one token
	// ("of", "-", "at|on"), as most are: matchPart compares the token's
	// hash and text with each instead of looking the token up in lit,
	// which cost a tenth of the pattern matcher's instructions.
	litWords []litWord
	optional bool
	glued    bool
	// open is mayOpen's test, settled when the part is compiled (see
	// settle).
	open openTest
}

// openTest is whether a part may open at a token (part.mayOpen) in
// fields read without a branch on the part's kind: the first-word filter
// of its phrases (nil for a slot), the token kinds it opens at (bit k for
// token.Kind k) and whether it needs a capital. Asked through a switch on
// the kind and slot, the test was a call at every optional part a
// pattern tried, most of them absent, and the call's moves and the
// matcher's saved registers cost more than the test.
type openTest struct {
	first   *WordFilter
	kinds   uint8
	capital bool
}

// settle fills in what the part derives from its kind, slot and phrases
// (open), once they are set.
func (pt *part) settle() {
	switch pt.kind {
	case partLit:
		pt.open = openTest{first: &pt.lit.first, kinds: 0xff}
	case partList:
		pt.open = openTest{first: &pt.list.first, kinds: 0xff}
	default:
		// Asked of slotMayOpen, which says what a slot opens at: a
		// token of each kind with a capital, and a word with and
		// without one.
		var o openTest
		for k := range 8 {
			if pt.slotMayOpen(&token.Token{Kind: token.Kind(k), Flags: token.Capital}) {
				o.kinds |= 1 << k
			}
		}
		o.capital = pt.slotMayOpen(&token.Token{Kind: token.Word, Flags: token.Capital}) &&
			!pt.slotMayOpen(&token.Token{Kind: token.Word})
		pt.open = o
	}
}

// litWord is a one-token alternative of a literal part, lower-cased,
// with its token hash.
type litWord struct {
	hash uint32
	word string
}

// singleWords returns the alternatives as litWords when each scans to
// one token, or nil.
func singleWords(alts []string) []litWord {
	var out []litWord
	for _, alt := range alts {
		toks := token.Scan(alt, nil)
		if len(toks) != 1 {
			return nil
		}
		out = append(out, litWord{hash: toks[0].KeyHash(), word: toks[0].Lower})
	}
	return out
}

// listRead is what a matched list part writes into the captures.
type listRead uint8

const (
	readNothing  listRead = iota
	readAmPm              // @ampm: its value
	readAm                // @am_*: the morning
	readPm                // @pm_*: the afternoon
	readDayPart           // @part_of_day: its value
	readZone              // @tz: its value
	readNoon              // @noon: 12:00
	readMidnight          // @midnight: 0:00
	readDurUnit           // @dur_*: the unit of the word it opens with
)

// listReads returns what a list part named name captures.
func listReads(name string) listRead {
	switch {
	case name == "ampm":
		return readAmPm
	case strings.HasPrefix(name, "am_"):
		return readAm
	case strings.HasPrefix(name, "pm_"):
		return readPm
	case name == "part_of_day":
		return readDayPart
	case name == "tz":
		return readZone
	case name == "noon":
		return readNoon
	case name == "midnight":
		return readMidnight
	case strings.HasPrefix(name, "dur_"):
		return readDurUnit
	}
	return readNothing
}

// validParts are the parts a shift may take: any written part, a span, or none.
var validParts = append([]Part{PartNone, PartSpan, PartWithin}, partNames...)

func (l *Language) compilePattern(pf patternFile) (*Pattern, error) {
	p := &Pattern{ID: pf.ID, Lang: l, Dateline: pf.Dateline, YearOffset: pf.YearOffset, Half: pf.Half,
		Century: pf.Century, Anchor: pf.Anchor, Future: pf.Future, Alone: pf.Alone, Rel: pf.Rel,
		Value: pf.Value, Set: pf.Set, Vague: pf.Vague, DayPart: pf.DayPart, SkipFirst: pf.SkipFirst, NotBefore: strings.ToLower(pf.NotBefore),
		NotStart: strings.ToLower(pf.NotStart), CueFirst: pf.CueFirst, CueLast: pf.CueLast, Number: pf.Number, Week: pf.Week}
	if p.DayPart != "" && !contains(DayParts, p.DayPart) {
		return nil, fmt.Errorf("day_part %q: want one of %s", p.DayPart, strings.Join(DayParts, ", "))
	}
	if p.Rel != "" && p.Rel != "past" && p.Rel != "next" {
		return nil, fmt.Errorf("rel %q: want past or next", p.Rel)
	}
	if strings.TrimSpace(pf.Match) == "" {
		return nil, fmt.Errorf("empty match")
	}
	for _, el := range strings.Fields(pf.Match) {
		parts, err := l.compileElement(el)
		if err != nil {
			return nil, err
		}
		p.parts = append(p.parts, parts...)
	}
	if pf.Shift != nil {
		s := &Shift{Unit: pf.Shift.Unit, Part: Part(pf.Shift.Part)}
		if !slices.Contains(validParts, s.Part) {
			return nil, fmt.Errorf("unknown shift part %q", s.Part)
		}
		if s.Unit != "" && DurationSeconds[s.Unit] == 0 {
			return nil, fmt.Errorf("unknown shift unit %q", s.Unit)
		}
		switch a := strings.TrimSpace(pf.Shift.Amount); a {
		case "num", "+num":
			s.FromNum, s.Sign = true, 1
		case "-num":
			s.FromNum, s.Sign = true, -1
		case "offset":
			s.FromOffset = true
		case "offset*num":
			s.FromOffset, s.FromNum, s.Sign = true, true, 1
		default:
			n, err := strconv.Atoi(a)
			if err != nil {
				return nil, fmt.Errorf("shift amount %q: want an integer, num, -num, offset or offset*num", a)
			}
			s.Amount = n
		}
		p.Shift = s
	}
	return p, nil
}

// compileElement splits one space-free element into parts; every part after
// the first must be glued to the one before it in the text.
func (l *Language) compileElement(el string) ([]part, error) {
	var parts []part
	i := 0
	for i < len(el) {
		var pt part
		switch el[i] {
		case '$', '@':
			sigil := el[i]
			j := i + 1
			for j < len(el) && (el[j] >= 'a' && el[j] <= 'z' || el[j] >= '0' && el[j] <= '9' || el[j] == '_') {
				j++
			}
			name := el[i+1 : j]
			if name == "" {
				return nil, fmt.Errorf("%q: %c without a name", el, sigil)
			}
			if sigil == '$' {
				side := 0
				if strings.HasSuffix(name, "2") {
					side, name = 1, strings.TrimSuffix(name, "2")
				}
				k, ok := slotNames[name]
				if !ok {
					return nil, fmt.Errorf("unknown slot $%s", name)
				}
				pt = part{kind: partSlot, slot: k, side: side}
			} else {
				side := 0
				lst, ok := l.lists[name]
				if !ok && strings.HasSuffix(name, "2") {
					// "@dur_any2": the same list, captured for the second
					// half of a compound ("1 hour and 30 minutes").
					side, name = 1, strings.TrimSuffix(name, "2")
					lst, ok = l.lists[name]
				}
				if !ok {
					return nil, fmt.Errorf("unknown list @%s", name)
				}
				pt = part{kind: partList, list: lst, listName: name, side: side, reads: listReads(name)}
			}
			i = j
		default:
			j := i
			for j < len(el) && el[j] != '$' && el[j] != '@' {
				j++
			}
			run := el[i:j]
			i = j
			opt := false
			if len(run) > 1 && strings.HasSuffix(run, "?") {
				run, opt = run[:len(run)-1], true
			}
			lit := newPhrases(false)
			alts := strings.Split(run, "|")
			for _, alt := range alts {
				if alt == "" || !lit.add(alt, 0) {
					return nil, fmt.Errorf("%q: empty alternative", el)
				}
			}
			pt = part{kind: partLit, lit: lit, litWords: singleWords(alts), optional: opt}
			pt.glued = len(parts) > 0
			pt.settle()
			parts = append(parts, pt)
			continue
		}
		if i < len(el) && el[i] == '?' {
			pt.optional = true
			i++
		}
		pt.glued = len(parts) > 0
		pt.settle()
		parts = append(parts, pt)
	}
	return parts, nil
}

// Captures holds what a pattern match read. The matcher clears the
// captures for every pattern it tries and saves them before every optional
// part, the search copies the best match, and the date step compares the
// captures it stores, hundreds of thousands of times per megabyte: so the
// small fields take the narrowest type their values fit (years are 1000 to
// 2999, months, days and clock fields under 128), packed after the wide
// ones with the flags last, which cut the struct from 344 bytes to 208.
// Readers convert them to int where they compute (see claims/extract).
type Captures struct {
	Num, Num2          Numeral // $num and $num2
	DurUnit, DurUnit2  string  // units of @dur_* lists (the second for @dur_any2)
	Part               Part    // from a $part slot (early, mid, late, todate, rest)
	Ordinal            int
	Year               [2]int16 // 0 = not written (as for Month, Day, Weekday)
	Decade             int16
	Century            int16 // first year of a century written "1800s"
	Zone               int16 // 1 + index into Language.Zones from the tz list
	Holiday            int16 // 1 + index into Language.Holidays from a $holiday slot
	Offset             int16 // "last" -1, "this" 0, "next" +1
	Month, Day         [2]int8
	Weekday            [2]int8
	Season             [2]int8 // first and last month of a season
	Hour, Minute       int8
	Second             int8 // the seconds of a clock time (see Seconds)
	AmPm               int8 // 1 am, 2 pm
	DayPart            int8 // 1 + index into DayParts from the part_of_day list
	YY2                bool
	MonthName          bool // a month was written as a word
	HasHour, HasMinute bool
	HasNum, HasNum2    bool
	HalfTag            bool // the $q slot read "H1"/"H2"
	HasOffset          bool
	Seconds            bool // a clock time with seconds was read
}

// Match tries the pattern at toks[i] and returns the token index after the
// match. Optional parts are tried greedily first.
func (p *Pattern) Match(toks []token.Token, i int) (end int, c Captures, ok bool) {
	end, ok = p.matchCaps(toks, i, &c, nil)
	if !ok {
		c = Captures{}
	}
	return end, c, ok
}

// matchCaps is Match writing into *c, which must be zero: the index tries
// hundreds of thousands of patterns per megabyte, and returning the
// captures by value copied them twice per try. When the pattern does not
// match, *c holds whatever the failed attempt read: the caller drops it.
// m, when not nil, holds the numerals read at toks so far (see numMemo).
func (p *Pattern) matchCaps(toks []token.Token, i int, c *Captures, m *numMemo) (end int, ok bool) {
	end, ok = p.match(toks, 0, i, i, c, m)
	if ok && p.Alone && end < len(toks) && toks[end].Kind == token.Word && !toks[end].Is(token.NewlineBefore) {
		return 0, false
	}
	return end, ok
}

// MatchElided matches the pattern at toks[i] without its leading
// prepositions: the second and later members of a list ("in 2007 and 2009",
// "on 11/20, 11/22 or 11/25") share the first member's preposition.
func (p *Pattern) MatchElided(toks []token.Token, i int) (end int, c Captures, ok bool) {
	pi := 0
	for pi < len(p.parts) && p.parts[pi].kind != partSlot {
		pi++
	}
	if pi == 0 || pi == len(p.parts) {
		return 0, c, false
	}
	if end, ok = p.match(toks, pi, i, i, &c, nil); !ok {
		return 0, Captures{}, false
	}
	return end, c, true
}

// match matches parts[pi:] at toks[ti], writing what they read into c,
// which holds what parts[:pi] read: nothing (zero captures) when ti is
// still start, as every part that matches reads a token.
//
// On failure c may hold what the failed parts read. Only an optional
// part, which is retried as absent when the parts after it fail, needs the
// captures as they were before it, so only it saves them: the captures are
// large (208 bytes), and copying them before every part of every
// pattern tried was the matcher's largest cost. The parts between an
// optional part and the failure all fail back to it, so it sees the state
// it saved, as when every part restored its own.
//
// The parts are walked in a loop: only a present optional part recurses,
// to be retried as absent when the rest fails. A call per part cost more
// than most parts' own test.
func (p *Pattern) match(toks []token.Token, pi, ti, start int, c *Captures, m *numMemo) (int, bool) {
	for ; pi < len(p.parts); pi++ {
		pt := &p.parts[pi]
		// Most optional parts are absent, turned away by mayOpen (which
		// inlines) with nothing to save; a part is also absent at the
		// end, and after the match's first token on another line or
		// not glued to the token before when it must be.
		if ti < len(toks) && (!pt.optional || pt.mayOpen(&toks[ti])) &&
			(ti == start || !toks[ti].Is(token.NewlineBefore) && (!pt.glued || toks[ti].Glued())) {
			switch {
			case pi == len(p.parts)-1:
				// The last part: nothing after it can fail (it reads at
				// least one token, so the match is not empty).
				if end, ok := p.Lang.matchPart(pt, toks, ti, c, m); ok {
					return end, true
				}
			case pt.optional:
				if ti == start {
					// Nothing read yet ("@time_prep?", "the?" opening the
					// pattern): the captures are still zero, so they are
					// cleared, not saved, when the part turns out absent.
					if e, ok, read := p.matchPresent(pt, toks, pi, ti, start, c, m); ok {
						return e, true
					} else if read {
						*c = Captures{}
					}
					break
				}
				saved := *c
				if e, ok, read := p.matchPresent(pt, toks, pi, ti, start, c, m); ok {
					return e, true
				} else if read {
					*c = saved
				}
			default:
				end, ok := p.Lang.matchPart(pt, toks, ti, c, m)
				if !ok {
					return 0, false
				}
				ti = end
				continue
			}
		}
		if !pt.optional {
			return 0, false
		}
	}
	return ti, ti > start
}

// matchPresent matches optional part pi at toks[ti] and the parts after
// it. read reports whether c was written: matchPart writes only when the
// part matches, and a part absent where it was tried leaves nothing to
// restore.
func (p *Pattern) matchPresent(pt *part, toks []token.Token, pi, ti, start int, c *Captures, m *numMemo) (end int, ok, read bool) {
	at, ok := p.Lang.matchPart(pt, toks, ti, c, m)
	if !ok {
		return 0, false, false
	}
	end, ok = p.match(toks, pi+1, at, start, c, m)
	if pi == 0 && m != nil && m.tails != nil {
		m.tails.add(p, at, end, ok)
	}
	return end, ok, true
}

// mayOpen is a cheap test that part pt may match at t: false only where
// matchPart fails. match asks it before an optional part, which must
// save the captures before it is tried; most optional parts ("the?", a
// preposition list) are absent where a pattern is tried, and saving and
// restoring the captures for each was most of the matcher's cost on text
// dense in numbers.
//
// Words are tested by their first-word filter alone, one bit, and slots
// by the token's kind and capital, all read from the part's settled test
// (openTest), so that the test inlines: a false positive only costs the
// save.
func (pt *part) mayOpen(t *token.Token) bool {
	o := &pt.open
	return o.kinds&(1<<t.Kind) != 0 && (o.first == nil || o.first.May(t)) &&
		(!o.capital || t.Flags&(token.Capital|token.AllCaps) != 0)
}

// slotMayOpen is mayOpen for a slot: false only where the token's kind or
// missing capital rules the slot out. (settle reads it into the part's
// openTest, which mayOpen asks.)
func (pt *part) slotMayOpen(t *token.Token) bool {
	switch pt.slot {
	case slotYY, slotMon, slotDay, slotDayTh, slotHour, slotMinute, slotInt, slotDecade, slotCentury, slotHHMM:
		return t.Kind == token.Number
	case slotMonth, slotMonthName, slotWeekday, slotWeekdayName, slotQ, slotRoman, slotSeason, slotMonthDay, slotTHour, slotA, slotOffset:
		return t.Kind == token.Word
	case slotHoliday:
		return t.Flags&(token.Capital|token.AllCaps) != 0
	}
	return true // numerals, years in words, parts of periods
}

// isLitWord reports whether t is one of the one-token alternatives
// pt.litWords.
func (pt *part) isLitWord(t *token.Token) bool {
	h := t.KeyHash()
	for k := range pt.litWords {
		if w := &pt.litWords[k]; w.hash == h && w.word == t.Lower {
			return true
		}
	}
	return false
}

// matchPart matches one part at toks[i]. It writes into c only when it
// matches. m, when not nil, holds the numerals read at toks so far.
func (l *Language) matchPart(pt *part, toks []token.Token, i int, c *Captures, m *numMemo) (int, bool) {
	t := &toks[i]
	switch pt.kind {
	case partLit:
		if pt.litWords != nil {
			if pt.isLitWord(t) {
				return i + 1, true
			}
			return 0, false
		}
		end, _, ok := m.phraseMatch(pt.lit, toks, i)
		return end, ok
	case partList:
		end, v, ok := m.phraseMatch(pt.list, toks, i)
		if !ok {
			return 0, false
		}
		switch pt.reads {
		case readAmPm:
			c.AmPm = int8(v)
		case readAm:
			c.AmPm = 1
		case readPm:
			c.AmPm = 2
		case readDayPart:
			c.DayPart = int8(v)
		case readZone:
			c.Zone = int16(v)
		case readNoon:
			c.Hour, c.HasHour, c.Minute, c.HasMinute = 12, true, 0, true
		case readMidnight:
			c.Hour, c.HasHour, c.Minute, c.HasMinute = 0, true, 0, true
		case readDurUnit:
			u, ok := l.DurUnitAt(t)
			if !ok {
				u = t.Lower
			}
			if pt.side == 1 {
				c.DurUnit2 = u
			} else {
				c.DurUnit = u
			}
		}
		return end, true
	}
	s := pt.side
	switch pt.slot {
	case slotYear:
		// A year in words opens with a word, and a year in digits with
		// digits (isYear): spokenYear is asked only at a word, not at
		// every year in digits, where its call found nothing; and only
		// at a word the number words' filter passes (numLex, which
		// holds every word ReadNumeral opens at and every number word of
		// the facts), not at every other word a year may follow ("May 4
		// the", "March 18 deaths"), where it looked up the word before
		// in a map.
		if t.Kind == token.Word {
			if !l.numLex.May(t) {
				return 0, false
			}
			if y, end, ok := l.spokenYear(toks, i); ok {
				c.Year[s] = int16(y)
				return end, true
			}
			return 0, false
		}
		if !l.isYear(toks, i, pt.glued) {
			return 0, false
		}
		c.Year[s] = int16(parseInt(t.Text))
		return i + 1, true
	case slotYY:
		// Only the year after: "2018-19", "1998/99" (seasons, fiscal and
		// school years). "2014-16" is not written for a range of years.
		if t.Kind != token.Number || len(t.Text) != 2 || c.Year[0] == 0 || int(parseInt(t.Text)) != (int(c.Year[0])+1)%100 {
			return 0, false
		}
		c.Year[s] = int16(parseInt(t.Text))
		c.YY2 = true
		return i + 1, true
	case slotMonth, slotMonthName:
		if t.Kind != token.Word {
			return 0, false
		}
		// One read of the word's entry for the name and its capital.
		f := l.factsOf(t)
		m, ok := f.month, f.isMonth
		if !ok || f.capital && t.Flags&(token.Capital|token.AllCaps) == 0 || (m.abbrev && pt.slot == slotMonthName) {
			return 0, false
		}
		c.Month[s], c.MonthName = int8(m.n), true
		end := i + 1
		if m.abbrev && end < len(toks) && toks[end].Text == "." && toks[end].Glued() {
			end++
		}
		return end, true
	case slotMon:
		v, ok := smallInt(t, 1, 12)
		if !ok {
			return 0, false
		}
		c.Month[s] = int8(v)
		return i + 1, true
	case slotDay, slotDayTh:
		v, ok := smallInt(t, 1, 31)
		if !ok {
			return 0, false
		}
		c.Day[s] = int8(v)
		end := i + 1
		if end < len(toks) && toks[end].Kind == token.Word && toks[end].Glued() && l.factsOf(&toks[end]).ordSuffix {
			end++
		} else if pt.slot == slotDayTh {
			return 0, false
		}
		return end, true
	case slotWeekday, slotWeekdayName:
		if t.Kind != token.Word {
			return 0, false
		}
		// One read of the word's entry for the name and its capital.
		f := l.factsOf(t)
		w, ok := f.weekday, f.isWeekday
		if !ok || f.capital && t.Flags&(token.Capital|token.AllCaps) == 0 || (w.abbrev && pt.slot == slotWeekdayName) {
			return 0, false
		}
		c.Weekday[s] = int8(w.n)
		end := i + 1
		if w.abbrev && end < len(toks) && toks[end].Text == "." && toks[end].Glued() {
			end++
		}
		return end, true
	case slotHour:
		v, ok := smallInt(t, 0, 24)
		if !ok {
			return 0, false
		}
		c.Hour, c.HasHour = int8(v), true
		return i + 1, true
	case slotMinute:
		if t.Kind != token.Number || len(t.Text) != 2 {
			return 0, false
		}
		v := int(parseInt(t.Text))
		if v > 59 {
			return 0, false
		}
		c.Minute, c.HasMinute = int8(v), true
		end := i + 1
		// Seconds ("04:17:35") are read and dropped: a claim's clock time
		// stops at the minute.
		if end+1 < len(toks) && toks[end].Glued() && (toks[end].Text == ":" || i > 0 && toks[end].Text == toks[i-1].Text) &&
			toks[end+1].Glued() && toks[end+1].Kind == token.Number && len(toks[end+1].Text) == 2 && parseInt(toks[end+1].Text) < 60 {
			end += 2
			c.Seconds = true
			c.Second = int8(parseInt(toks[end-1].Text))
		}
		return end, true
	case slotNum:
		n, ok := m.readNumeral(l, toks, i)
		if ok && n.Fraction && n.End-1 > i {
			// "the previous three quarters": a count of periods, not three
			// fourths (but "one and a quarter years" is 1.25).
			if _, isUnit := l.DurUnitAt(&toks[n.End-1]); isUnit && toks[n.End-2].Kind != token.Word || isUnit && l.factsOf(&toks[n.End-2]).num.kind == nwValue {
				n, ok = l.ReadNumeral(toks[:n.End-1], i)
			}
		}
		if !ok || n.Vague || n.Code || n.Value < 0 {
			return 0, false
		}
		if s == 1 {
			c.Num2, c.HasNum2 = n, true
		} else {
			c.Num, c.HasNum = n, true
		}
		return n.End, true
	case slotInt:
		if t.Kind != token.Number || len(t.Text) > 9 {
			return 0, false
		}
		c.Num, c.HasNum = Numeral{Value: parseInt(t.Text), Precision: 1, End: i + 1}, true
		return i + 1, true
	case slotOrdinal:
		// Read without the words before it: in a pattern the word after
		// says what the ordinal counts ("a third-quarter loss" is a
		// quarter, where "a third" alone would be a fraction).
		v, end, ok := l.ReadOrdinal(toks[i:], 0)
		if !ok {
			return 0, false
		}
		end += i
		c.Ordinal = v
		return end, true
	case slotDecade, slotCentury:
		if t.Kind != token.Number || len(t.Text) != 4 || t.Text[3] != '0' || t.Text[0] < '1' || t.Text[0] > '2' {
			return 0, false
		}
		y := int(parseInt(t.Text))
		// "the 1800s" and "the 1900s" name centuries; "the 2000s" and
		// every other "...0s" a decade.
		century := y%100 == 0 && y < 2000
		if century != (pt.slot == slotCentury) {
			return 0, false
		}
		end, ok := decadeSuffix(toks, i+1)
		if !ok {
			return 0, false
		}
		if century {
			c.Century = int16(y)
		} else {
			c.Decade = int16(y)
		}
		return end, true
	case slotQ:
		if t.Kind != token.Word || len(t.Lower) != 2 {
			return 0, false
		}
		n := int(t.Lower[1] - '0')
		switch {
		case t.Lower[0] == 'q' && n >= 1 && n <= 4:
			c.Ordinal = n
		case t.Lower[0] == 'h' && n >= 1 && n <= 2:
			c.Ordinal, c.HalfTag = n, true
		default:
			return 0, false
		}
		return i + 1, true
	case slotRoman:
		if t.Kind != token.Word || t.Flags&(token.Capital|token.AllCaps) == 0 || t.Text != strings.ToUpper(t.Text) {
			return 0, false
		}
		v, ok := romanOrdinals[t.Text]
		if !ok {
			return 0, false
		}
		c.Ordinal = v
		return i + 1, true
	case slotSeason:
		// "fall" the verb needs a capital, except after a relative word
		// ("last fall", "this fall").
		if t.Kind != token.Word || !l.capsOK(t) && !(i > 0 && c.HasOffset) {
			return 0, false
		}
		r, ok := l.seasons[t.Lower]
		if !ok {
			return 0, false
		}
		c.Season = [2]int8{int8(r[0]), int8(r[1])}
		return i + 1, true
	case slotMonthDay:
		if t.Kind != token.Word || !l.capsOK(t) {
			return 0, false
		}
		k := len(t.Lower)
		for k > 0 && t.Lower[k-1] >= '0' && t.Lower[k-1] <= '9' {
			k--
		}
		if k == len(t.Lower) || len(t.Lower)-k > 2 || k == 0 {
			return 0, false
		}
		m, ok := l.months[t.Lower[:k]]
		d := int(parseInt(t.Lower[k:]))
		if !ok || d < 1 || d > 31 {
			return 0, false
		}
		c.Month[s], c.Day[s], c.MonthName = int8(m.n), int8(d), true
		return i + 1, true
	case slotTHour:
		if t.Kind != token.Word || len(t.Lower) < 2 || len(t.Lower) > 3 || t.Lower[0] != 't' {
			return 0, false
		}
		h := 0
		for _, d := range t.Lower[1:] {
			if d < '0' || d > '9' {
				return 0, false
			}
			h = h*10 + int(d-'0')
		}
		if h > 24 {
			return 0, false
		}
		c.Hour, c.HasHour = int8(h), true
		return i + 1, true
	case slotHHMM:
		if t.Kind != token.Number || len(t.Text) < 3 || len(t.Text) > 4 {
			return 0, false
		}
		v := int(parseInt(t.Text))
		h, m := v/100, v%100
		if h > 23 || m > 59 {
			return 0, false
		}
		c.Hour, c.HasHour, c.Minute, c.HasMinute = int8(h), true, int8(m), true
		return i + 1, true
	case slotA:
		w, ok := l.numWordOf(t)
		if t.Kind != token.Word || !ok || w.kind != nwOne {
			return 0, false
		}
		c.Num, c.HasNum = Numeral{Value: 1, Precision: 1, Words: true, End: i + 1}, true
		return i + 1, true
	case slotOffset:
		v, ok := l.offsets[t.Lower]
		if t.Kind != token.Word || !ok {
			return 0, false
		}
		c.Offset, c.HasOffset = int16(v), true
		return i + 1, true
	case slotPart:
		end, v, ok := l.parts.Match(toks, i)
		if !ok {
			return 0, false
		}
		c.Part = partNames[v]
		return end, true
	case slotHoliday:
		// A holiday's name is a proper name: "thanksgiving" in lower
		// case is the word.
		if t.Flags&(token.Capital|token.AllCaps) == 0 {
			return 0, false
		}
		end, v, ok := l.holidays.Match(toks, i)
		if !ok {
			return 0, false
		}
		c.Holiday = int16(v + 1)
		return end, true
	}
	return 0, false
}

var romanOrdinals = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
	"IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18,
	"XIX": 19, "XX": 20, "XXI": 21}

// decadeSuffix accepts "1990s", "1990's" and "1990-an" after the digits.
func decadeSuffix(toks []token.Token, j int) (int, bool) {
	if j < len(toks) && toks[j].Glued() {
		switch {
		case toks[j].Lower == "s":
			return j + 1, true
		case (toks[j].Text == "'" || toks[j].Text == "’") && j+1 < len(toks) && toks[j+1].Lower == "s" && toks[j+1].Glued():
			return j + 2, true
		case toks[j].Text == "-" && j+1 < len(toks) && toks[j+1].Lower == "an" && toks[j+1].Glued():
			return j + 2, true
		}
	}
	return 0, false
}

func smallInt(t *token.Token, lo, hi int) (int, bool) {
	if t.Kind != token.Number || len(t.Text) > 2 {
		return 0, false
	}
	v := int(parseInt(t.Text))
	return v, v >= lo && v <= hi
}

// capsOK accepts a month, weekday or season name unless it doubles as a
// common word ("may", "march", "sun") and is not capitalised.
func (l *Language) capsOK(t *token.Token) bool {
	return !l.factsOf(t).capital || t.Flags&(token.Capital|token.AllCaps) != 0
}

// DateWordAt reports a word that can open the date part of a match: a
// month or weekday name, a number word, or a relative word ("last",
// "next"). It is MonthAt, WeekdayAt and IsNumberWordAt in one look-up of
// the word's facts, then Offset (relative words have no fact of their
// own).
func (l *Language) DateWordAt(t *token.Token) bool {
	f := l.factsOf(t)
	if f.isMonth || f.isWeekday || f.num.kind != 0 || f.half || f.isVague {
		return true
	}
	_, ok := l.offsets[t.Lower]
	return ok
}

// SpokenCentury reports a number word from eleven to nineteen, the first
// half of a year said aloud ("nineteen ninety-six").
func (l *Language) SpokenCentury(t *token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	w, ok := l.numWordOf(t)
	return ok && w.kind == nwValue && w.value >= 11 && w.value <= 19
}

// numMemo holds the numerals ReadNumeral read at a few tokens of one
// token slice. The index tries every pattern that can start at a token,
// and a number opens a dozen of them ("$num @dur_any", "$num to $num2
// @dur_any", "$num more @dur_any", ...): each read the same numeral again,
// most of the time their matching took.
//
// It holds the phrase matches of the lists and literals the patterns read
// too: the patterns a preposition opens ("@time_prep? $hour:$minute",
// "@time_prep? $hour:?$minute? @ampm", ...) each matched the list at it
// again, and the lists after the number ("@ampm", "@tz") likewise.
type numMemo struct {
	n    int // entries in use
	next int // the entry to replace when all are in use
	at   [2]struct {
		i  int
		ok bool
		v  Numeral
	}
	pn, pnext int // phrases' entries in use, and the next to replace
	phrases   [4]phraseRead
	// tails, when not nil, records how the rest of each pattern matched
	// after its optional first part (see Tails).
	tails *Tails
}

// reset empties the memo for a search of other tokens (or another
// search's tokens), which then records its tails in t (nil: none). The
// entries are read only below their counts, so they are left as they are.
func (m *numMemo) reset(t *Tails) {
	m.n, m.next, m.pn, m.pnext, m.tails = 0, 0, 0, 0, t
}

// phraseRead is one phrase list's match at token i.
type phraseRead struct {
	ph        *Phrases
	i, end, v int
	ok        bool
}

// phraseMatch is ph.Match(toks, i), remembered in m (which serves one
// token slice); a nil m reads every time.
//
// A token the first-word filter turns away (most calls) is answered here
// as Match would answer it, with no call to Match to ask the filter again.
func (m *numMemo) phraseMatch(ph *Phrases, toks []token.Token, i int) (end, v int, ok bool) {
	if ph == nil || i >= len(toks) || !ph.first.May(&toks[i]) {
		return 0, 0, false
	}
	if m == nil {
		return ph.matchAt(toks, i)
	}
	for k := 0; k < m.pn; k++ {
		if e := &m.phrases[k]; e.ph == ph && e.i == i {
			return e.end, e.v, e.ok
		}
	}
	end, v, ok = ph.matchAt(toks, i)
	m.phrases[ringSlot(&m.pn, &m.pnext, len(m.phrases))] = phraseRead{ph: ph, i: i, end: end, v: v, ok: ok}
	return end, v, ok
}

// ringSlot returns the entry a memo of size entries, n of them in use,
// writes next: a free one while there is one, else the oldest (next,
// which then moves on).
func ringSlot(n, next *int, size int) int {
	if *n < size {
		*n++
		return *n - 1
	}
	k := *next
	*next = (*next + 1) % size
	return k
}

// readNumeral is l.ReadNumeral(toks, i), remembered in m (which serves one
// token slice and one language); a nil m reads every time.
func (m *numMemo) readNumeral(l *Language, toks []token.Token, i int) (Numeral, bool) {
	if m == nil {
		return l.ReadNumeral(toks, i)
	}
	for k := 0; k < m.n; k++ {
		if e := &m.at[k]; e.i == i {
			return e.v, e.ok
		}
	}
	v, ok := l.ReadNumeral(toks, i)
	k := ringSlot(&m.n, &m.next, len(m.at))
	m.at[k].i, m.at[k].ok, m.at[k].v = i, ok, v
	return v, ok
}

// spokenYear reads a year said in words as two pairs of digits: "nineteen
// ninety-six" (1996), "eighteen twelve". The second half is a whole
// number from 10 to 99 written in words; "nineteen hundred" and "two
// thousand" are left to the numbers.
func (l *Language) spokenYear(toks []token.Token, i int) (int, int, bool) {
	if l.afterYearWord(toks, i) {
		// "the year two thousand", "tahun dua ribu": after the word
		// for year, a year in full words.
		n, ok := l.ReadNumeral(toks, i)
		if ok && !n.Vague && !n.Fraction && n.Value >= 1000 && n.Value <= 2999 && n.Value == math.Trunc(n.Value) && wordsOnly(toks, i, n.End) {
			return int(n.Value), n.End, true
		}
	}
	if !l.SpokenCentury(&toks[i]) || i+1 >= len(toks) || toks[i+1].Kind != token.Word || toks[i+1].Glued() {
		return 0, 0, false
	}
	n, ok := l.ReadNumeral(toks, i+1)
	if !ok || n.Vague || n.Fraction || n.Scaled || n.Value < 10 || n.Value > 99 || n.Value != math.Trunc(n.Value) {
		return 0, 0, false
	}
	if !wordsOnly(toks, i+1, n.End) {
		return 0, 0, false
	}
	return int(l.factsOf(&toks[i]).num.value)*100 + int(n.Value), n.End, true
}

// afterYearWord reports a word that may open a year in full words right
// before token i: one of the language's spoken_year_after ("year").
func (l *Language) afterYearWord(toks []token.Token, i int) bool {
	return i > 0 && len(l.yearAfter) > 0 && toks[i].Kind == token.Word && l.yearAfter[toks[i-1].Lower]
}

// SpokenYearStart reports a token that may open a year said in words:
// "nineteen" of "nineteen ninety-six", "two" of "the year two thousand".
func (l *Language) SpokenYearStart(toks []token.Token, i int) bool {
	return l.SpokenCentury(&toks[i]) || l.afterYearWord(toks, i) && l.canStartNumber(&toks[i])
}

// wordsOnly reports tokens [a, b) with no digits among them.
func wordsOnly(toks []token.Token, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].Kind == token.Number {
			return false
		}
	}
	return true
}

// isYear accepts a four-digit run from 1000 to 2999 that is not part of a
// larger numeral ("2,022 people", "2024.5") or glued to a unit or percent.
//
// inDate is set when the pattern glues the year to what comes before it
// ("23.04.2022"), so a separator before it is the date's own.
func (l *Language) isYear(toks []token.Token, i int, inDate bool) bool {
	t := &toks[i]
	if t.Kind != token.Number || len(t.Text) != 4 || t.Text[0] < '1' || t.Text[0] > '2' {
		return false
	}
	if i > 0 && t.Glued() && !inDate {
		p := toks[i-1].Text
		if p == l.group || p == l.decimal || p == "$" || p == "#" || p == "+" {
			if p == l.group || p == l.decimal {
				if i > 1 && toks[i-2].Kind == token.Number && toks[i-1].Glued() {
					return false
				}
			} else {
				return false
			}
		}
	}
	if i > 0 && toks[i-1].Kind == token.Word && t.Glued() {
		return false // "G2024", "COVID-" handled by the word scanner
	}
	if n := i + 1; n < len(toks) && toks[n].Glued() {
		nx := toks[n].Text
		if nx == "%" {
			return false
		}
		if (nx == l.group || nx == l.decimal) && n+1 < len(toks) && toks[n+1].Kind == token.Number && toks[n+1].Glued() {
			return false
		}
		if toks[n].Kind == token.Word && !l.factsOf(&toks[n]).ordSuffix && toks[n].Lower != "s" {
			return false
		}
	}
	return true
}
