package rules

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// Bound is what a qualifier says about a number.
type Bound int

// Qualifier bounds.
const (
	BoundMore    Bound = iota + 1 // more than v: (v, +inf)
	BoundAtLeast                  // at least v: [v, +inf)
	BoundLess                     // fewer than v: [0, v)
	BoundAtMost                   // up to v: [0, v]
	BoundAbout                    // about v: v ± precision
	BoundNearly                   // nearly v: [v - 10%, v)
	BoundExact                    // a total of v, mencapai v: [v, v], the words kept
)

var boundNames = map[string]Bound{"more": BoundMore, "atleast": BoundAtLeast, "less": BoundLess, "atmost": BoundAtMost, "about": BoundAbout, "nearly": BoundNearly, "exact": BoundExact}

// Unit is a unit of measure or currency.
type Unit struct {
	Name      string  // canonical: "km", "USD", "%"
	Dimension string  // "length", "money-usd", ...
	Factor    float64 // to the dimension's base unit
	Prefix    bool    // written before the number ("$5", "Rp 5", "magnitude 7")
}

// Language is one language's compiled lexicon and patterns.
type Language struct {
	Code, Name string
	File       string
	// Holidays are the dates the "holidays" lexicon names, in the order
	// of Captures.Holiday.
	Holidays []Holiday
	// needsCapital lists month and weekday names that are also common words
	// ("may", "march", "sun"): they count only when capitalised. Other
	// names ("june", "friday") are read in any case.
	needsCapital map[string]bool
	// MonthFirst says how an ambiguous numeric date ("5/3/2018") is read:
	// month first (US English) or day first.
	MonthFirst bool
	// DefaultTense is the tense of a sentence with no tense words: "past"
	// for a language whose verbs do not mark tense (Indonesian news
	// reports what happened unless it says "akan"), "" otherwise.
	DefaultTense claims.Tense

	Detect map[string]bool

	months        map[string]monthWord
	weekdays      map[string]monthWord
	numWords      map[string]numWord
	scaleSuffix   map[string]float64
	vague         map[string][2]float64
	ordinals      map[string]int
	ordinalSuffix map[string]bool
	ordinalPrefix map[string]bool
	ordPrefixes   []string           // ordinalPrefix's keys, longest first: a fixed order to try them in
	fractions     map[string]float64 // "thirds" -> 3, "quarter" -> 4
	halfWords     map[string]bool    // "half", "setengah"
	andWords      map[string]bool    // "and" inside "one hundred and six"
	pointWords    map[string]bool    // "point", "koma"
	minusWords    map[string]bool    // "minus", "negative"
	seasons       map[string][2]int  // "summer" -> June..August
	offsets       map[string]int     // "last" -> -1, "depan" -> +1
	parts         *Phrases           // "early", "the end of", "awal": payload index into partNames
	holidays      *Phrases           // "christmas", "hari natal": payload index into Holidays
	yearAfter     map[string]bool    // the spoken_year_after list ("year"), looked up per token
	decimal       string
	group         string

	Qualifiers *Phrases // payload: Bound
	Units      *Phrases // payload: index into UnitList
	UnitList   []Unit
	DurUnits   map[string]string // word -> unit name ("days" -> "day")
	Future     *Phrases
	Past       *Phrases
	lists      map[string]*Phrases // every list by name, for patterns ("@year_prep")
	// required and requiredSets are the lists the code reads (List,
	// WordSet), by ListID.
	required     [nLists]*Phrases
	requiredSets [nLists]map[string]bool
	// Zones are the time zones the "tz" list names, by payload - 1.
	Zones []Zone
	// listCapture maps a list name to what matching it captures.
	SkipLines []string

	// lex holds every word of the maps above, so that the number, date
	// and ordinal readers turn away ordinary words with one bit test.
	lex WordFilter
	// numLex holds the words that can open a numeral or ordinal (see
	// canStartNumber): a WideFilter, as the few hundred number words of a
	// language set a tenth of a WordFilter's bits, and every common word
	// that passed was looked up in the word facts for nothing (half of
	// the words NumeralLexical passed in English news).
	numLex WideFilter
	// numStart holds numLex's words exactly, looked up by the scanner's
	// hash: one probe where canStartNumber asked up to seven Go maps (and
	// "a", a number word, is everywhere).
	numStart WordMap[bool]
	// facts gathers the word tables above by word (see wordFacts);
	// factsKnown holds its keys (a WideFilter: hundreds of words, looked
	// up at most tokens).
	facts      WordMap[wordFacts]
	factsKnown WideFilter
	// figAfter and figBefore hold the words that may stand right after
	// and right before a figure and change its reading (see
	// MayFollowFigure and MayPrecedeFigure).
	figAfter, figBefore WideFilter
	// markUnits[c] is 1 + the index in UnitList of the unit the ASCII
	// mark c names alone ("%"), 0 for a mark that names none or opens a
	// unit of more tokens (see MarkUnit).
	markUnits [utf8.RuneSelf]uint16

	Furniture []*Pattern
	Dates     []*Pattern
	Relative  []*Pattern
	Durations []*Pattern
}

// Zone is a time zone word's offset from UTC in hours; Local marks "local
// time", whose offset is the place's.
type Zone struct {
	Name   string
	Offset float64
	Local  bool
}

// DayParts are the TimeML parts of the day: morning, midday, afternoon,
// evening, night, daytime.
var DayParts = []string{"MO", "MI", "AF", "EV", "NI", "DT"}

type monthWord struct {
	n      int
	abbrev bool
}

// Month looks up a month word.
func (l *Language) Month(w string) (n int, abbrev, ok bool) {
	m, ok := l.months[w]
	return m.n, m.abbrev, ok
}

// Weekday looks up a weekday word; 1 is Monday, 7 Sunday.
func (l *Language) Weekday(w string) (n int, abbrev, ok bool) {
	m, ok := l.weekdays[w]
	return m.n, m.abbrev, ok
}

// List returns one of the word lists the code reads.
func (l *Language) List(id ListID) *Phrases { return l.required[id] }

// WordSet returns a list as a set of its entries, lower-cased, for code
// that tests one token at a time ("now", "sekarang"); an entry of several
// words is kept whole and so never equals a single token.
func (l *Language) WordSet(id ListID) map[string]bool { return l.requiredSets[id] }

// ListID names one of the word lists the Go code reads (List, WordSet). The
// lists are resolved once when a language is compiled, so that reading one
// is an array index: looking them up by name hashed the name on every call,
// several times per number read, which cost some 3% of extraction.
type ListID uint8

// The lists the Go code reads.
const (
	ListAdjectiveBefore         ListID = iota // before an "-ed" word, make it an adjective ("the reduced dividend")
	ListAgeAfter                              // after a duration, make it an age ("24 years old")
	ListAgeBefore                             // an age cue before a duration ("aged 12 years")
	ListAtleastAfter                          // "5,000 or more"
	ListAtmostAfter                           // "50 or fewer"
	ListBoundFiller                           // between a qualifier and its number ("setidaknya ada dua")
	ListBoundJoin                             // joins two bounds into one interval ("more than 10 and less than 40")
	ListCollectiveOrdinalPrefix               // an ordinal prefix that opens a noun phrase as a count ("kedua negara")
	ListDateList                              // joins dates into a list ("May 3 and May 5")
	ListDeadlinePrep                          // a deadline lies ahead ("by August")
	ListDurationCue                           // before a count of quarters, a span of time, not a fraction ("for three quarters")
	ListHarmAfter                             // may follow a bare figure after a verb of harm ("killing 11 in ...")
	ListHarmOthers                            // "wounding 38 others"
	ListHarmVerbs                             // a bare figure after one counts people
	ListLabelBefore                           // a number after one is a label ("flight 370")
	ListMagnitudeBefore                       // "measuring 7.1"
	ListMagnitudeNouns                        // a bare magnitude before one ("a 7.1 quake")
	ListMoreVerbs                             // a threshold verb before a figure ("the toll passes 5,000")
	ListNameAnd                               // coordinates a sentence-opening word with a name: both are names ("Pertamina dan Shell")
	ListNameJoiners                           // lower-case words inside a proper name ("Bank of Japan", "bin")
	ListNameTitles                            // titles and roles before a name, not part of it ("President", "Menteri")
	ListNotCounted                            // words after a number that are not what it counts
	ListNotNames                              // capitalised words that name nothing ("The", "Under", "Namun")
	ListNotPast                               // words with a past suffix that are not past forms ("indeed", "expected")
	ListNowConjunction                        // after "now", makes it a conjunction ("now that")
	ListNowLead                               // may open a now word ("to the present")
	ListNowWords                              // a range ending at the publication date ("to date", "hingga kini")
	ListNumberList                            // joins numbers into a list ("5 and 7")
	ListParticipleBefore                      // before a past-suffix word, make it a participle ("to be held")
	ListPartitive                             // after a number, a part of something ("three quarters of", "100 dari")
	ListPastIrregular                         // past forms without the past suffix ("rose", "fell")
	ListPastSuffix                            // the suffix of past forms ("-ed"); [] for a language whose verbs do not mark tense
	ListPrefixOnly                            // unit words that stand only before a number ("$", "Rp")
	ListProgressiveSuffix                     // the suffix of progressive forms ("-ing"): a past marker before one that opens a future phrase is a future in the past ("were planning to"); [] for none
	ListPronounOneBefore                      // "one" after these is a pronoun ("the one")
	ListRangeAnd                              // a range_to word that joins a range only after range_between ("and")
	ListRangeBetween                          // "between 5 and 7", "antara"
	ListRangeFrom                             // opens a range ("from", "between", "sejak")
	ListRangeTo                               // closes a range ("to", "hingga")
	ListReportVerbs                           // reporting verbs: their past is the saying's
	ListSpokenYearAfter                       // before a year said in full words ("the year two thousand")
	ListStoryStop                             // capitalised words too common in news to tell stories apart
	ListStreetWords                           // end a street address ("2025 M St.")
	ListTimeGlue                              // may stand between a date and its time ("Feb. 6 at 4:17")
	ListTimexDrop                             // words a TimeML span leaves out ("in", "pada")
	ListUnitLead                              // before a unit word, keep it out of the number ("on the")
	ListVagueNeedsOf                          // vague numbers that need "of" ("scores of")
	ListYearAdjBefore                         // a year after one modifies a noun ("the 2004 tsunami")
	ListYearShareGlue                         // between two dates that share a year ("May 3, and June 5, 2024")
	nLists
)

// RequiredLists are the names of the word lists the Go code reads, by
// ListID. Every language file names each one under "lists": an empty
// list ([]) switches its feature off for that language on purpose, while
// a missing one is a load error — before, a language that lacked one
// (English had no bound_filler) lost the feature without a word.
var RequiredLists = [nLists]string{
	ListAdjectiveBefore:         "adjective_before",
	ListAgeAfter:                "age_after",
	ListAgeBefore:               "age_before",
	ListAtleastAfter:            "atleast_after",
	ListAtmostAfter:             "atmost_after",
	ListBoundFiller:             "bound_filler",
	ListBoundJoin:               "bound_join",
	ListCollectiveOrdinalPrefix: "collective_ordinal_prefix",
	ListDateList:                "date_list",
	ListDeadlinePrep:            "deadline_prep",
	ListDurationCue:             "duration_cue",
	ListHarmAfter:               "harm_after",
	ListHarmOthers:              "harm_others",
	ListHarmVerbs:               "harm_verbs",
	ListLabelBefore:             "label_before",
	ListMagnitudeBefore:         "magnitude_before",
	ListMagnitudeNouns:          "magnitude_nouns",
	ListMoreVerbs:               "more_verbs",
	ListNameAnd:                 "name_and",
	ListNameJoiners:             "name_joiners",
	ListNameTitles:              "name_titles",
	ListNotCounted:              "not_counted",
	ListNotNames:                "not_names",
	ListNotPast:                 "not_past",
	ListNowConjunction:          "now_conjunction",
	ListNowLead:                 "now_lead",
	ListNowWords:                "now_words",
	ListNumberList:              "number_list",
	ListParticipleBefore:        "participle_before",
	ListPartitive:               "partitive",
	ListPastIrregular:           "past_irregular",
	ListPastSuffix:              "past_suffix",
	ListPrefixOnly:              "prefix_only",
	ListProgressiveSuffix:       "progressive_suffix",
	ListPronounOneBefore:        "pronoun_one_before",
	ListRangeAnd:                "range_and",
	ListRangeBetween:            "range_between",
	ListRangeFrom:               "range_from",
	ListRangeTo:                 "range_to",
	ListReportVerbs:             "report_verbs",
	ListSpokenYearAfter:         "spoken_year_after",
	ListStoryStop:               "story_stop",
	ListStreetWords:             "street_words",
	ListTimeGlue:                "time_glue",
	ListTimexDrop:               "timex_drop",
	ListUnitLead:                "unit_lead",
	ListVagueNeedsOf:            "vague_needs_of",
	ListYearAdjBefore:           "year_adj_before",
	ListYearShareGlue:           "year_share_glue",
}

// IsNumberWord reports whether w can start a numeral in words.
func (l *Language) IsNumberWord(w string) bool {
	if _, ok := l.numWords[w]; ok {
		return true
	}
	if l.halfWords[w] {
		return true
	}
	_, ok := l.vague[w]
	return ok
}

// GroupSep returns the thousands separator ("," in English, "." in
// Indonesian).
func (l *Language) GroupSep() string { return l.group }

// IsAndWord reports a word that joins the parts of a numeral ("and" in
// "one hundred and six", "an hour and a half").
func (l *Language) IsAndWord(w string) bool { return l.andWords[w] }

// IsOneWord reports an article that counts one ("a", "an").
func (l *Language) IsOneWord(w string) bool { return l.numWords[w].kind == nwOne }

// IsOneNumeral reports the language's word for the number one ("one",
// "satu"), which can also be a pronoun ("the one").
func (l *Language) IsOneNumeral(w string) bool {
	nw := l.numWords[w]
	return nw.kind == nwValue && nw.value == 1
}

// PartOf returns the share of a unit a half or fraction word names
// ("half" 0.5, "quarter" 0.25, "setengah" 0.5).
func (l *Language) PartOf(w string) (float64, bool) {
	if l.halfWords[w] {
		return 0.5, true
	}
	if d := l.fractions[w]; d > 0 {
		return 1 / d, true
	}
	return 0, false
}

// IsMinusWord reports a word that negates the number after it ("minus").
func (l *Language) IsMinusWord(w string) bool { return l.minusWords[w] }

// IsFractionWord reports a fraction word ("quarter", "thirds").
func (l *Language) IsFractionWord(w string) bool { return l.fractions[w] > 0 }

// Ordinal looks up an ordinal word ("eighth", "kedelapan").
func (l *Language) Ordinal(w string) (int, bool) {
	v, ok := l.ordinals[w]
	return v, ok
}

// IsOrdinalSuffix reports whether w is an ordinal suffix ("th", "st").
func (l *Language) IsOrdinalSuffix(w string) bool { return l.ordinalSuffix[w] }

// ScaleSuffix returns the factor of an abbreviated scale ("bn", "m").
func (l *Language) ScaleSuffix(w string) (float64, bool) {
	v, ok := l.scaleSuffix[w]
	return v, ok
}

// Offset looks up a relative word ("last" -1, "next" +1, "lalu" -1).
func (l *Language) Offset(w string) (int, bool) {
	v, ok := l.offsets[w]
	return v, ok
}

// Part is a part of a period a date names ("early 2024", "the rest of the
// year") or a relative shift takes ("the past three months": a span).
type Part string

// Parts. The first five can be written as words (the "parts" lexicon); span
// and within only come from a pattern's shift.
const (
	PartNone   Part = ""
	PartEarly  Part = "early"
	PartMid    Part = "mid"
	PartLate   Part = "late"
	PartToDate Part = "todate" // from the period's start to the publication date
	PartRest   Part = "rest"   // from the publication date to the period's end
	PartSpan   Part = "span"   // the stretch between the base and the shifted date
	PartWithin Part = "within" // the same, for "within three days"
)

// partNames are the parts of a period the "parts" lexicon can name.
var partNames = []Part{PartEarly, PartMid, PartLate, PartToDate, PartRest}

// langFile is the YAML schema of a language file.
type langFile struct {
	Language     string              `yaml:"language"`
	Name         string              `yaml:"name"`
	Detect       []string            `yaml:"detect"`
	Months       [][]string          `yaml:"months"`
	Weekdays     [][]string          `yaml:"weekdays"`
	NeedsCapital []string            `yaml:"needs_capital"`
	NumericDates string              `yaml:"numeric_dates"`
	DefaultTense claims.Tense        `yaml:"default_tense"`
	Seasons      map[string][2]int   `yaml:"seasons"`
	Offsets      map[string]int      `yaml:"offsets"`
	Parts        map[string]string   `yaml:"parts"`
	HolidayDates map[string]string   `yaml:"holidays"`
	Numbers      numbersFile         `yaml:"numbers"`
	Qualifiers   map[string][]string `yaml:"qualifiers"`
	Units        []unitFile          `yaml:"units"`
	Durations    map[string][]string `yaml:"durations"`
	Tense        struct {
		Future []string `yaml:"future"`
		Past   []string `yaml:"past"`
	} `yaml:"tense"`
	Lists            map[string][]string `yaml:"lists"`
	TimeZones        map[string]string   `yaml:"time_zones"`
	PartsOfDay       map[string][]string `yaml:"parts_of_day"`
	SkipLines        []string            `yaml:"skip_lines"`
	Furniture        []patternFile       `yaml:"furniture"`
	Dates            []patternFile       `yaml:"dates"`
	Relative         []patternFile       `yaml:"relative"`
	DurationPatterns []patternFile       `yaml:"duration_patterns"`
}

type numbersFile struct {
	Decimal         string                `yaml:"decimal"`
	Group           string                `yaml:"group"`
	Words           map[string]float64    `yaml:"words"`
	Multipliers     map[string]float64    `yaml:"multipliers"`
	Adders          map[string]float64    `yaml:"adders"`
	Scales          map[string]float64    `yaml:"scales"`
	ScaleSuffixes   map[string]float64    `yaml:"scale_suffixes"`
	OneWords        []string              `yaml:"one_words"`
	Vague           map[string][2]float64 `yaml:"vague"`
	Ordinals        map[string]int        `yaml:"ordinals"`
	OrdinalSuffixes []string              `yaml:"ordinal_suffixes"`
	OrdinalPrefixes []string              `yaml:"ordinal_prefixes"`
	Fractions       map[string]float64    `yaml:"fractions"`
	HalfWords       []string              `yaml:"half_words"`
	AndWords        []string              `yaml:"and_words"`
	PointWords      []string              `yaml:"point_words"`
	MinusWords      []string              `yaml:"minus_words"`
}

type unitFile struct {
	Unit      string   `yaml:"unit"`
	Dimension string   `yaml:"dimension"`
	Factor    float64  `yaml:"factor"`
	Words     []string `yaml:"words"`
	Prefix    bool     `yaml:"prefix"`
}

// DurationSeconds is the one table of the duration units the engine
// understands and their lengths in seconds, for the extractor (compounds:
// "1 hour and 30 minutes") and the comparison ("12 months" against "a
// year"). Years and months are Gregorian averages (365.2425 days, a month
// a twelfth of that, a quarter a fourth), so that "12 months", "4 quarters"
// and "a year" are the same length.
var DurationSeconds = map[string]float64{
	"second": 1, "minute": 60, "hour": 3600, "day": 86400, "weekend": 2 * 86400, "week": 7 * 86400, "fortnight": 14 * 86400,
	"month": 2629746, "quarter": 3 * 2629746, "year": 12 * 2629746, "decade": 120 * 2629746, "century": 1200 * 2629746,
}

func compileLanguage(f *langFile, file string, lines *lineFinder) (*Language, error) {
	errf := func(path []any, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", file, lines.line(path...), fmt.Sprintf(format, args...))
	}
	if f.Language == "" {
		return nil, errf(nil, "missing \"language\" code")
	}
	l := &Language{
		Code: f.Language, Name: f.Name, File: file, needsCapital: map[string]bool{},
		Detect: map[string]bool{}, months: map[string]monthWord{}, weekdays: map[string]monthWord{},
		fractions: map[string]float64{}, halfWords: map[string]bool{}, andWords: map[string]bool{},
		pointWords: map[string]bool{}, minusWords: map[string]bool{}, seasons: map[string][2]int{},
		offsets: map[string]int{}, parts: newPhrases(false), holidays: newPhrases(false),
		numWords: map[string]numWord{}, scaleSuffix: map[string]float64{}, vague: map[string][2]float64{},
		ordinals: map[string]int{}, ordinalSuffix: map[string]bool{}, ordinalPrefix: map[string]bool{},
		decimal: f.Numbers.Decimal, group: f.Numbers.Group,
		Qualifiers: newPhrases(false), Units: newPhrases(false), DurUnits: map[string]string{},
		Future: newPhrases(false), Past: newPhrases(false), lists: map[string]*Phrases{},
	}
	for _, w := range f.Detect {
		l.Detect[strings.ToLower(w)] = true
	}
	for _, w := range f.NeedsCapital {
		l.needsCapital[strings.ToLower(w)] = true
	}
	switch f.DefaultTense {
	case claims.TenseNone, claims.TensePast, claims.TenseFuture:
		l.DefaultTense = f.DefaultTense
	default:
		return nil, errf([]any{"default_tense"}, "default_tense: want past or future, have %q", f.DefaultTense)
	}
	switch f.NumericDates {
	case "", "dmy":
	case "mdy":
		l.MonthFirst = true
	default:
		return nil, errf([]any{"numeric_dates"}, "numeric_dates: want mdy or dmy, have %q", f.NumericDates)
	}
	for w, r := range f.Seasons {
		if r[0] < 1 || r[0] > 12 || r[1] < 1 || r[1] > 12 {
			return nil, errf([]any{"seasons", w}, "season %q: months must be 1..12", w)
		}
		l.seasons[strings.ToLower(w)] = r
	}
	for w, v := range f.Offsets {
		// A pattern's captures keep the offset in an int16 (Captures is
		// copied for every pattern tried, so its fields are narrow).
		if v < math.MinInt16 || v > math.MaxInt16 {
			return nil, errf([]any{"offsets", w}, "offset %q: %d is outside %d..%d", w, v, math.MinInt16, math.MaxInt16)
		}
		l.offsets[strings.ToLower(w)] = v
	}
	// Captures number holidays and time zones in an int16 (1 + index).
	if n := len(f.HolidayDates); n >= math.MaxInt16 {
		return nil, errf([]any{"holiday_dates"}, "holiday_dates: %d holidays, at most %d", n, math.MaxInt16-1)
	}
	if n := len(f.TimeZones); n >= math.MaxInt16 {
		return nil, errf([]any{"time_zones"}, "time_zones: %d zones, at most %d", n, math.MaxInt16-1)
	}
	hnames := make([]string, 0, len(f.HolidayDates))
	for w := range f.HolidayDates {
		hnames = append(hnames, w)
	}
	sort.Strings(hnames)
	for _, w := range hnames {
		h, err := parseHoliday(f.HolidayDates[w])
		if err != nil {
			return nil, errf([]any{"holidays", w}, "holiday %q: %v", w, err)
		}
		l.Holidays = append(l.Holidays, h)
		l.holidays.add(w, len(l.Holidays)-1)
	}
	for w, part := range f.Parts {
		k := slices.Index(partNames, Part(part))
		if k < 0 {
			return nil, errf([]any{"parts", w}, "part %q: want one of %v", part, partNames)
		}
		l.parts.add(w, k)
	}
	if len(f.Months) != 12 {
		return nil, errf([]any{"months"}, "months: want 12 entries, have %d", len(f.Months))
	}
	for i, names := range f.Months {
		for k, n := range names {
			l.months[strings.ToLower(n)] = monthWord{n: i + 1, abbrev: k > 0}
		}
	}
	if len(f.Weekdays) != 7 {
		return nil, errf([]any{"weekdays"}, "weekdays: want 7 entries (Monday first), have %d", len(f.Weekdays))
	}
	for i, names := range f.Weekdays {
		for k, n := range names {
			l.weekdays[strings.ToLower(n)] = monthWord{n: i + 1, abbrev: k > 0}
		}
	}
	if l.decimal == "" || l.group == "" || l.decimal == l.group {
		return nil, errf([]any{"numbers"}, "numbers: decimal and group separators must be set and differ")
	}
	for w, v := range f.Numbers.Words {
		l.numWords[w] = numWord{nwValue, v}
	}
	for w, v := range f.Numbers.Multipliers {
		l.numWords[w] = numWord{nwMultiplier, v}
	}
	for w, v := range f.Numbers.Adders {
		l.numWords[w] = numWord{nwAdder, v}
	}
	for w, v := range f.Numbers.Scales {
		l.numWords[w] = numWord{nwScale, v}
	}
	for _, w := range f.Numbers.OneWords {
		l.numWords[w] = numWord{nwOne, 1}
	}
	for w, v := range f.Numbers.ScaleSuffixes {
		l.scaleSuffix[w] = v
	}
	for w, r := range f.Numbers.Vague {
		if r[0] > r[1] {
			return nil, errf([]any{"numbers", "vague", w}, "vague number %q: low %v above high %v", w, r[0], r[1])
		}
		l.vague[w] = r
	}
	for w, v := range f.Numbers.Ordinals {
		l.ordinals[w] = v
	}
	addAll(l.ordinalSuffix, f.Numbers.OrdinalSuffixes)
	addAll(l.ordinalPrefix, f.Numbers.OrdinalPrefixes)
	for w, d := range f.Numbers.Fractions {
		if d < 2 {
			return nil, errf([]any{"numbers", "fractions", w}, "fraction %q: denominator must be at least 2", w)
		}
		l.fractions[w] = d
	}
	addAll(l.halfWords, f.Numbers.HalfWords)
	addAll(l.andWords, f.Numbers.AndWords)
	addAll(l.pointWords, f.Numbers.PointWords)
	addAll(l.minusWords, f.Numbers.MinusWords)
	for name, words := range f.Qualifiers {
		b, ok := boundNames[name]
		if !ok {
			return nil, errf([]any{"qualifiers", name}, "unknown qualifier bound %q (want one of more, atleast, less, atmost, about, nearly, exact)", name)
		}
		for _, w := range words {
			l.Qualifiers.add(w, int(b))
		}
	}
	for i, u := range f.Units {
		if u.Unit == "" || u.Dimension == "" || u.Factor == 0 || len(u.Words) == 0 {
			return nil, errf([]any{"units", i}, "unit needs unit, dimension, factor and words")
		}
		l.UnitList = append(l.UnitList, Unit{Name: u.Unit, Dimension: u.Dimension, Factor: u.Factor, Prefix: u.Prefix})
		for _, w := range u.Words {
			l.Units.add(w, i)
		}
	}
	durAll := newPhrases(false)
	for unit, words := range f.Durations {
		if _, ok := DurationSeconds[unit]; !ok {
			return nil, errf([]any{"durations", unit}, "unknown duration unit %q", unit)
		}
		per := newPhrases(false)
		for _, w := range words {
			l.DurUnits[strings.ToLower(w)] = unit
			durAll.add(w, 0)
			per.add(w, 0)
		}
		l.lists["dur_"+unit] = per
	}
	l.lists["dur_any"] = durAll
	for _, w := range f.Tense.Future {
		l.Future.add(w, 0)
	}
	for _, w := range f.Tense.Past {
		l.Past.add(w, 0)
	}
	names := make([]string, 0, len(f.Lists))
	for n := range f.Lists {
		names = append(names, n)
	}
	sort.Strings(names)
	var missing []string
	for _, n := range RequiredLists {
		if _, ok := f.Lists[n]; !ok {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, errf([]any{"lists"}, "lists: missing %s (the code reads them; give [] to switch a feature off)", strings.Join(missing, ", "))
	}
	sets := map[string]map[string]bool{}
	for _, n := range names {
		if k, w, dup := duplicate(f.Lists[n]); dup {
			return nil, errf([]any{"lists", n, k}, "list %s: %q given twice", n, w)
		}
		p := newPhrases(false)
		set := map[string]bool{}
		for _, w := range f.Lists[n] {
			p.add(w, 0)
			set[strings.ToLower(w)] = true
		}
		l.lists[n], sets[n] = p, set
	}
	for id, n := range RequiredLists {
		l.required[id], l.requiredSets[id] = l.lists[n], sets[n]
	}
	l.yearAfter = l.WordSet(ListSpokenYearAfter)
	// ampm is the union of the two halves; the payload tells them apart.
	both := newPhrases(false)
	for _, w := range f.Lists["ampm_am"] {
		both.add(w, 1)
	}
	for _, w := range f.Lists["ampm_pm"] {
		both.add(w, 2)
	}
	l.lists["ampm"] = both
	// tz: the time zone words, payload 1 + index into Zones.
	if len(f.TimeZones) > 0 {
		tz := newPhrases(false)
		zn := make([]string, 0, len(f.TimeZones))
		for w := range f.TimeZones {
			zn = append(zn, w)
		}
		sort.Strings(zn)
		for _, w := range zn {
			z := Zone{Name: w}
			if v := f.TimeZones[w]; v == "local" {
				z.Local = true
			} else if h, err := strconv.ParseFloat(v, 64); err == nil && h >= -12 && h <= 14 {
				z.Offset = h
			} else {
				return nil, errf([]any{"time_zones", w}, "time zone %q: want an offset in hours (-12..14) or local, have %q", w, v)
			}
			l.Zones = append(l.Zones, z)
			tz.add(w, len(l.Zones))
		}
		l.lists["tz"] = tz
	}
	// part_of_day: payload 1 + index into DayParts.
	if len(f.PartsOfDay) > 0 {
		pod := newPhrases(false)
		for k, name := range DayParts {
			for _, w := range f.PartsOfDay[name] {
				pod.add(w, k+1)
			}
		}
		for name := range f.PartsOfDay {
			if !contains(DayParts, name) {
				return nil, errf([]any{"parts_of_day", name}, "part of day %q: want one of %s", name, strings.Join(DayParts, ", "))
			}
		}
		l.lists["part_of_day"] = pod
	}
	for _, s := range f.SkipLines {
		l.SkipLines = append(l.SkipLines, strings.ToLower(s))
	}
	var err error
	if l.Furniture, err = l.compilePatterns(f.Furniture, "furniture", file, lines); err != nil {
		return nil, err
	}
	if l.Dates, err = l.compilePatterns(f.Dates, "dates", file, lines); err != nil {
		return nil, err
	}
	if l.Relative, err = l.compilePatterns(f.Relative, "relative", file, lines); err != nil {
		return nil, err
	}
	if l.Durations, err = l.compilePatterns(f.DurationPatterns, "duration_patterns", file, lines); err != nil {
		return nil, err
	}
	l.buildFilters()
	return l, nil
}

// buildFilters fills lex, numLex and ordPrefixes from the compiled maps.
func (l *Language) buildFilters() {
	numStart := func(w string) {
		l.lex.Add(w)
		l.numLex.Add(w)
		l.numStart.Put(w, true)
	}
	eachKey(l.numWords, numStart)
	eachKey(l.vague, numStart)
	eachKey(l.halfWords, numStart)
	eachKey(l.ordinals, numStart)
	eachKey(l.ordinalPrefix, numStart)
	eachKey(l.minusWords, numStart)
	eachKey(l.fractions, numStart)
	addKeys(&l.lex, l.months)
	addKeys(&l.lex, l.weekdays)
	addKeys(&l.lex, l.seasons)
	addKeys(&l.lex, l.offsets)
	addKeys(&l.lex, l.DurUnits)
	addKeys(&l.lex, l.scaleSuffix)
	addKeys(&l.lex, l.ordinalSuffix)
	addKeys(&l.lex, l.andWords)
	addKeys(&l.lex, l.pointWords)
	l.buildFacts()
	l.buildFigureFilters()
	l.buildMarkUnits()
	l.ordPrefixes = l.ordPrefixes[:0]
	for w := range l.ordinalPrefix {
		l.ordPrefixes = append(l.ordPrefixes, w)
	}
	sort.Slice(l.ordPrefixes, func(i, j int) bool {
		a, b := l.ordPrefixes[i], l.ordPrefixes[j]
		return len(a) > len(b) || len(a) == len(b) && a < b
	})
}

// Lexical reports whether word t may be in this language's lexicon
// (number, ordinal, month, weekday, season, offset and time-unit words);
// false is certain, true is checked by the map lookups that follow. It
// lets hot loops skip those lookups for ordinary words.
func (l *Language) Lexical(t *token.Token) bool { return l.lex.May(t) }

// prefixedOrdinal reports whether w is an ordinal prefix glued to more
// letters ("kedua", "ketiga"; also "kepada", which the readers then reject).
func (l *Language) prefixedOrdinal(w string) bool {
	for _, pre := range l.ordPrefixes {
		// The first byte first: the comparison calls the runtime, and
		// it is asked at every word of a language with prefixes.
		if len(w) > len(pre) && (pre == "" || w[0] == pre[0]) && w[:len(pre)] == pre {
			return true
		}
	}
	return false
}

// canStartNumber reports whether a numeral or ordinal in words may start at
// word t: a number, vague, half, minus, fraction or ordinal word, or an
// ordinal prefix glued to a word. It is what canStart answers for $num and
// $ordinal at a word, without the map lookups.
func (l *Language) canStartNumber(t *token.Token) bool {
	if l.numLex.May(t) && l.numStart.Ref(t) != nil {
		return true // Ref: Get is a call on top of it
	}
	return l.prefixedOrdinal(t.Lower)
}

func (l *Language) compilePatterns(ps []patternFile, section, file string, lines *lineFinder) ([]*Pattern, error) {
	var out []*Pattern
	seen := map[string]bool{}
	for i, pf := range ps {
		line := lines.line(section, i)
		if pf.ID == "" {
			return nil, fmt.Errorf("%s:%d: %s pattern without id", file, line, section)
		}
		if seen[pf.ID] {
			return nil, fmt.Errorf("%s:%d: duplicate %s pattern id %q", file, line, section, pf.ID)
		}
		seen[pf.ID] = true
		p, err := l.compilePattern(pf)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s pattern %q: %v", file, line, section, pf.ID, err)
		}
		p.Section = section
		p.Rule = l.Code + "/" + section + "/" + pf.ID
		p.File, p.Line = file, line
		out = append(out, p)
	}
	return out, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// addAll puts every word into a set.
func addAll(set map[string]bool, words []string) {
	for _, w := range words {
		set[w] = true
	}
}

// figureDashes are the marks that join a range right after a figure
// ("3-5", "3–5", "3~5"), which the number reader compares by text.
var figureDashes = [...]string{"-", "–", "—", "~"}

// buildFigureFilters fills figAfter and figBefore from the tables the
// number reader asks about a figure's neighbours.
func (l *Language) buildFigureFilters() {
	l.figAfter, l.figBefore = WideFilter{}, WideFilter{}
	for _, d := range figureDashes {
		l.figAfter.Add(d)
	}
	eachKey(l.scaleSuffix, l.figAfter.Add)
	eachKey(l.DurUnits, l.figAfter.Add)
	for _, p := range []*Phrases{l.Units, l.List(ListUnitLead), l.List(ListRangeTo), l.List(ListMagnitudeNouns),
		l.List(ListAtleastAfter), l.List(ListAtmostAfter)} {
		addFirstWords(&l.figAfter, p)
	}
	for _, p := range []*Phrases{l.Qualifiers, l.List(ListBoundFiller), l.List(ListMagnitudeBefore), l.List(ListMoreVerbs),
		l.List(ListHarmVerbs), l.List(ListAgeBefore)} {
		addLastWords(&l.figBefore, p)
	}
}

// addFirstWords puts the lower-case first word of every phrase of p in
// f: f.May(t) is then true wherever p.MayStart(t) may be.
func addFirstWords(f *WideFilter, p *Phrases) {
	if p == nil {
		return
	}
	p.heads.Each(func(w string, _ phraseHead) { f.Add(w) })
}

// addLastWords puts the lower-case last word of every phrase of p in f,
// as p.last holds them: f.May(t) is then true wherever p.MayEnd(t) may
// be. (A case-sensitive table keeps its words as written, not as its
// last filter does; the number reader's tables are none, and f then
// passes every word.)
func addLastWords(f *WideFilter, p *Phrases) {
	if p == nil {
		return
	}
	if p.caseSensitive {
		for k := range f {
			f[k] = ^uint64(0)
		}
		return
	}
	for _, list := range p.byFirst {
		for k := range list {
			f.Add(list[k].words[len(list[k].words)-1])
		}
	}
}

// MayFollowFigure reports whether token t, right after a figure, may be
// something the number reader reads there besides what the figure counts:
// a range's dash or word ("3-5", "3 to 5"), a scale suffix ("5m"), a unit
// or its lead ("15 km", "7.1 on the Richter scale"), a quake noun, a time
// unit ("24 years"), or a bound ("5,000 or more"). ("Others", as in "wounding 38
// others", counts only after a verb of harm, which MayPrecedeFigure
// holds.) False is certain. It inlines: most figures are followed by
// none, and one bit test then answers for the dozen tests of those tables.
func (l *Language) MayFollowFigure(t *token.Token) bool { return l.figAfter.May(t) }

// MayPrecedeFigure reports whether token t, right before a figure, may
// end a phrase the number reader looks for there: a qualifier or its
// filler ("more than", "setidaknya ada"), a measuring word ("measuring
// 7.6"), a threshold verb ("passes"), a verb of harm ("killing") or an age
// cue ("aged", "at the age of"). False is certain; it inlines, as
// MayFollowFigure does.
func (l *Language) MayPrecedeFigure(t *token.Token) bool { return l.figBefore.May(t) }

// buildMarkUnits fills markUnits from the units that are one ASCII mark
// and open no unit of more tokens.
func (l *Language) buildMarkUnits() {
	l.markUnits = [utf8.RuneSelf]uint16{}
	for w, list := range l.Units.byFirst {
		if len(w) != 1 || w[0] >= utf8.RuneSelf || isDigit(w[0]) || asciiLetter(w[0]) || len(list) == 0 || list[0].value+1 > math.MaxUint16 {
			continue
		}
		// Longest first (appendLongestFirst): Match takes list[0] when
		// every phrase of the list is the mark alone.
		if len(list[0].words) == 1 {
			l.markUnits[w[0]] = uint16(list[0].value + 1)
		}
	}
}

// asciiLetter reports an ASCII letter.
func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// MarkUnit is Units.Match(toks, i) at a token of one ASCII mark that names
// a unit alone ("%"), read from a table: it returns the unit's index in
// UnitList plus one, and 0 where Match must be asked (any other token,
// or a mark that names no unit alone). A page of percentages asked Match
// after every figure, its lookup by hash and its comparisons, some 150
// instructions each. TestMarkUnit holds it to Match.
func (l *Language) MarkUnit(t *token.Token) int {
	if t.Kind != token.Punct || len(t.Text) != 1 || t.Text[0] >= utf8.RuneSelf {
		return 0
	}
	return int(l.markUnits[t.Text[0]])
}
