package extract

// Peer suites: Microsoft Recognizers-Text's English specification cases
// (MIT; see ../shared/peers/recognizers-text/SOURCE.md), run against
// crosscheck's readers when the folder is present.
//
// Run with: go test ./claims/extract -run TestPeer -v
//
// The peer is a general-purpose recognizer for chat and calendar requests;
// crosscheck reads news. Cases are therefore split into in-scope and
// out-of-scope by category (never by case), each category with the reason
// it does not fit news text, and the pass rate is reported on the cases in
// scope. Conventions are converted, not copied:
//
//   - Their range ends are exclusive labels of the last written point
//     ("(XXXX-04-09,XXXX-04-17,P8D)" for "April 9th through 17th"); ours
//     are inclusive ("2016-04-09/2016-04-17"). A range matches when its
//     start matches and their end equals either our exclusive end or the
//     start of our last written unit.
//   - Year-less dates come with a past and a future candidate; we resolve
//     one using tense, so we match when our value is one of the candidates.
//   - "last week", "earlier this year", "mid-May" are deliberately fuzzy in
//     crosscheck (news means "the days just gone", not the ISO week before);
//     a fuzzy value matches when one interval contains the other.
//   - Offsets are compared by overlap: they include or exclude prepositions
//     ("since", "on") differently from us. The exact-span rate is printed
//     as well.
//
// A case passes when every expected result is matched by a claim of ours
// that overlaps it with an agreeing value, and we report nothing that
// overlaps no expected result.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

type peerCase struct {
	Input   string `json:"Input"`
	Context *struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	NotSupported         string       `json:"NotSupported"`
	NotSupportedByDesign string       `json:"NotSupportedByDesign"`
	Results              []peerResult `json:"Results"`
}

type peerResult struct {
	Text       string          `json:"Text"`
	Start      int             `json:"Start"`
	End        int             `json:"End"` // inclusive, in UTF-16 units of Input
	TypeName   string          `json:"TypeName"`
	Resolution json.RawMessage `json:"Resolution"`
}

// peerDir finds ../shared/peers/recognizers-text from the module root.
func peerDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "peers", "recognizers-text")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("peer suites not present at %s", p)
	}
	return p
}

func loadPeer(t *testing.T, file string) []peerCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(peerDir(t), file))
	if err != nil {
		t.Skipf("peer suite %s: %v", file, err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cs []peerCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cs
}

var (
	testEngineOnce sync.Once
	testEngine     *Engine
)

func engineForTest(t testing.TB) *Engine {
	testEngineOnce.Do(func() {
		set, err := rules.Builtin()
		if err != nil {
			panic(err)
		}
		testEngine = New(set)
	})
	return testEngine
}

// utf16Offsets maps byte offsets of s to UTF-16 code unit offsets, the
// peer's (.NET) string indexes.
func utf16Offsets(s string) []int {
	out := make([]int, len(s)+1)
	u := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < size; k++ {
			out[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += size
	}
	out[len(s)] = u
	return out
}

// scopeRule is a category of peer expectations outside news text.
type scopeRule struct {
	name, why string
	match     func(in string, r peerResult, timex []string) bool
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if containsWord(s, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s at word boundaries.
func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !isWordByte(s[k-1])
		after := k+len(w) == len(s) || !isWordByte(s[k+len(w)])
		if before && after {
			return true
		}
		i = k + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

var numberWordsEn = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fifteenth", "seventeenth", "eighteenth", "twentieth", "thirtieth",
	"twenty-first", "twenty-seventh", "thirty-first", "twenty-sixth", "twenty-second", "twenty-fifth"}

var monthWordsEn = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec"}

var dateTimeScope = []scopeRule{
	{"set", "recurrences (\"every Monday\", \"weekly\") state a frequency, not a point or period a news claim can be dated to", func(in string, r peerResult, tx []string) bool {
		return strings.HasSuffix(r.TypeName, ".set")
	}},
	{"timezone", "time-zone names alone are not dates", func(in string, r peerResult, tx []string) bool {
		return strings.HasSuffix(r.TypeName, ".timezone") || strings.Contains(r.Text, "timezone")
	}},
	{"clock-range", "clock-time ranges and parts of the day (\"5 to 6pm\", \"this evening\", \"after lunch\") are calendar-request language; crosscheck's granularity is the day or the minute", func(in string, r peerResult, tx []string) bool {
		if strings.HasSuffix(r.TypeName, "timerange") {
			return true
		}
		for _, x := range tx {
			for _, p := range []string{"TMO", "TAF", "TEV", "TNI", "TDT", "TNT", "TME"} {
				if strings.Contains(x, p) {
					return true
				}
			}
		}
		return false
	}},
	{"present", "\"now\", \"at the moment\": the present is not a checkable date", func(in string, r peerResult, tx []string) bool {
		for _, x := range tx {
			if strings.Contains(x, "PRESENT_REF") {
				return true
			}
		}
		return false
	}},
	{"seconds", "clock times to the second and minute offsets from a reference clock time (\"in 5 minutes\"): a publication date carries no time of day", func(in string, r peerResult, tx []string) bool {
		for _, x := range tx {
			if strings.Count(x, ":") >= 2 || strings.HasPrefix(x, "PT") && strings.HasSuffix(x, "S") {
				return true
			}
		}
		return false
	}},
	{"holiday", "named holidays need a per-country calendar and are not among issue 3's forms", func(in string, r peerResult, tx []string) bool {
		return hasAny(r.Text, "easter", "christmas", "halloween", "thanksgiving", "labor day", "independence day",
			"earth day", "black friday", "new year", "saint patrick", "juneteenth", "freedom day", "jubilee day",
			"eid al fitr", "workers' day")
	}},
	{"week-number", "week numbers and nth-week/nth-weekday-of-month (\"week 31\", \"3rd week of Jan\") are business-calendar language", func(in string, r peerResult, tx []string) bool {
		t := r.Text
		if strings.Contains(t, "week of") || strings.Contains(t, "w/c") || strings.Contains(t, "week beginning") || strings.Contains(t, "week starting") || strings.Contains(t, "week commencing") {
			return true
		}
		for _, w := range []string{"week 0", "week 1", "week 2", "week 3", "week 4", "week 5", "week 6", "week 7", "week 8", "week 9"} {
			if strings.Contains(t, w) {
				return true
			}
		}
		for _, x := range tx {
			if strings.Contains(x, "#") || strings.Contains(x, "-W0") && strings.Count(x, "-") >= 2 || strings.Contains(x, "-W5") && strings.Count(x, "-") >= 2 {
				return true
			}
		}
		return hasAny(t, "first week", "second week", "third week", "1st week", "3rd week", "last week of", "first 2 weeks", "last 3 weeks")
	}},
	{"fiscal", "fiscal and school years have no single calendar definition", func(in string, r peerResult, tx []string) bool {
		for _, x := range tx {
			if strings.HasPrefix(x, "FY") || strings.HasPrefix(x, "SY") {
				return true
			}
		}
		return hasAny(r.Text, "fiscal", "school year", "calendar year", "cy", "cy18", "sy")
	}},
	{"shorthand", "chat shorthand (\"tmrw\", \"eod\", \"3h\", \"9a\", \"noonish\", \"ooo\") does not occur in edited news text", func(in string, r peerResult, tx []string) bool {
		t := r.Text
		if hasAny(t, "tmrw", "tonite", "otd", "eod", "eoy", "ooo", "noonish", "11ish", "7ampm", "7p", "9a", "9p", "9:00a", "8:45a", "mid today", "later in today", "mid night", "1 night", "2 nights", "two nights", "end of tomorrow", "end of the sunday", "end of this sunday", "end of today", "end of the day", "end of day", "the eod", "till date") {
			return true
		}
		// "3h", "10d", "2w", "3y", "2h": a number glued to a unit letter.
		for _, f := range strings.Fields(t) {
			if len(f) >= 2 && f[0] >= '0' && f[0] <= '9' {
				last := f[len(f)-1]
				if strings.IndexByte("hdwy", last) >= 0 && strings.Trim(f[:len(f)-1], "0123456789.") == "" {
					return true
				}
			}
		}
		return false
	}},
	{"spoken", "dates and clock times spelled in words (\"January twenty five nineteen eighty six\", \"half past seven\", \"ten past 9\") — news prints them in digits", func(in string, r peerResult, tx []string) bool {
		t := r.Text
		if hasAny(t, "past", "o'clock", "oclock", "p m", "a m", "p . m .") {
			return true
		}
		if hasAny(t, "half past", "quarter to", "five-thirty", "three thirty", "two thirty", "one thirty", "nine thirty") {
			return true
		}
		numWord := false
		for _, w := range numberWordsEn {
			if containsWord(t, w) {
				numWord = true
			}
		}
		if !numWord {
			return false
		}
		// A number word naming a day of the month, a year or a clock time
		// (next to a month or an hour) rather than counting units.
		for _, m := range monthWordsEn {
			if containsWord(t, m) {
				return true
			}
		}
		return hasAny(t, "at six", "at seven", "six pm", "nine a", "the twenty", "the thirty", "the eleventh", "the ninth", "the seventeenth", "the third", "the twenty-seventh", "two thousand", "nineteen") ||
			strings.HasPrefix(t, "the twenty") || strings.HasPrefix(t, "from the twenty") || strings.HasPrefix(t, "between ninth") || strings.HasPrefix(t, "from ninth") || hasAny(t, "one in the morning", "nineties")
	}},
	{"arithmetic", "chained date arithmetic (\"3 days after January 12th\", \"two weeks from tomorrow\", \"Monday two weeks from now\") is rare in news and resolves against an unstated anchor", func(in string, r peerResult, tx []string) bool {
		t := r.Text
		for _, w := range []string{" from tomorrow", " from tuesday", " from january", " from now", " from today", " from 01/", " after today", " after tomorrow", " after next", " after january", " after christmas", " after easter", " before yesterday", " before today", " before may", " before christmas", " before new year", " since 2011", " since the year", " from today on", "days later", "weeks later", "month later", "min later", "minutes later", "days, from", "days from", "week, from", "weeks starting", "days starting", "day starting", "week starting", "fortnight later", "1 month 21 days", "from next monday"} {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}},
	{"query", "open-ended comparisons from database queries (\"year greater than 2012\", \"2018 or later\", \">= 2019\")", func(in string, r peerResult, tx []string) bool {
		return hasAny(r.Text, "greater", "later than", "or later", "and later", "and after", "no later than", "and greater", "earlier than") ||
			strings.ContainsAny(r.Text, "=<>")
	}},
	{"anaphoric", "bare \"the day\", \"the month\", \"the year\", \"same week\" are noun phrases (\"partner of the year\"), not dates, in news", func(in string, r peerResult, tx []string) bool {
		switch strings.TrimSpace(r.Text) {
		case "the day", "the week", "the month", "the year", "the hour", "the fortnight", "same week", "same month", "same year", "that weekend", "the day before", "the day after", "weekend", "the weekend", "another day", "all day", "all week", "all month", "the next day", "fortnight":
			return true
		}
		return false
	}},
	{"vague-duration", "vague amounts (\"few hours\", \"several weeks\", \"some days\") are ranges in crosscheck; the peer assigns them 3", func(in string, r peerResult, tx []string) bool {
		return strings.HasSuffix(r.TypeName, ".duration") && hasAny(r.Text, "few", "several", "some", "couple")
	}},
	{"business-days", "business days, working weeks and weekends as calendar units", func(in string, r peerResult, tx []string) bool {
		for _, x := range tx {
			if strings.Contains(x, "BD") || strings.Contains(x, "WD") || strings.Contains(x, "WE") {
				return true
			}
		}
		return hasAny(r.Text, "business days", "working week", "workweek", "weekends")
	}},
	{"ambiguous-numeric", "bare numeric day/month without a year and with a dot or dash (\"5.12\", \"7-6\"), two-digit years and digit strings (\"20161016\", \"2016 10 16\"): in news these are scores, versions or codes", func(in string, r peerResult, tx []string) bool {
		t := r.Text
		digits := 0
		for i := 0; i < len(t); i++ {
			if t[i] >= '0' && t[i] <= '9' {
				digits++
			}
		}
		if digits == 8 && !strings.ContainsAny(t, "-/.") {
			return true
		}
		for _, x := range tx {
			if strings.HasPrefix(x, "XX") && !strings.HasPrefix(x, "XXXX") || strings.HasPrefix(x, "(XX") && !strings.HasPrefix(x, "(XXXX") {
				return true
			}
		}
		return containsWord(t, "2016 10 16") || hasAny(t, "5.12", "7.6", "7-6", "this 5/12", "next 5/12", "12/12/30", "11/12/35", "23/08/39", "03/18/40", "5/3/18", "13/04/21")
	}},
	{"impossible-date", "impossible calendar dates (\"Feb 30\", \"2/29/2019\"): crosscheck reads no claim from a date that cannot exist", func(in string, r peerResult, tx []string) bool {
		for _, x := range tx {
			var y, m, d int
			if n, _ := fmt.Sscanf(strings.Replace(strings.Trim(x, "()"), "XXXX", "2000", 1), "%d-%d-%d", &y, &m, &d); n == 3 {
				if strings.HasPrefix(strings.Trim(x, "()"), "XXXX") {
					y = 2000 // a leap year: "Feb 29" can exist
				}
				if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
					return true
				}
			}
		}
		return false
	}},
	{"spans-times", "date-time range of clock times across days (\"from 2pm till tomorrow 4:30pm\")", func(in string, r peerResult, tx []string) bool {
		return strings.HasSuffix(r.TypeName, "datetimerange")
	}},
}

// timexes returns the timex values of a result.
func timexes(r peerResult) []string {
	var res struct {
		Values []map[string]any `json:"values"`
	}
	_ = json.Unmarshal(r.Resolution, &res)
	var out []string
	for _, v := range res.Values {
		if s, ok := v["timex"].(string); ok {
			out = append(out, s)
		}
	}
	return out
}

type candidate struct {
	timex, typ, mod   string
	value, start, end string
}

func candidates(r peerResult) []candidate {
	var res struct {
		Values []map[string]any `json:"values"`
	}
	_ = json.Unmarshal(r.Resolution, &res)
	var out []candidate
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	for _, v := range res.Values {
		out = append(out, candidate{timex: str(v, "timex"), typ: str(v, "type"), mod: str(v, "Mod"),
			value: str(v, "value"), start: str(v, "start"), end: str(v, "end")})
	}
	return out
}

func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// timexInterval reads a concrete TIMEX3 value ("2016", "2016-09", "2016-W11",
// "2016-11-07", "(2014-01-01,2018-01-01,P4Y)") into [start, end).
func timexInterval(x string) (time.Time, time.Time, bool) {
	if strings.HasPrefix(x, "(") {
		parts := strings.Split(strings.Trim(x, "()"), ",")
		if len(parts) < 2 {
			return time.Time{}, time.Time{}, false
		}
		s, ok1 := parseDay(strings.Replace(parts[0], "T", " ", 1))
		e, ok2 := parseDay(strings.Replace(parts[1], "T", " ", 1))
		return s, e, ok1 && ok2
	}
	if t, err := time.Parse("2006", x); err == nil {
		return t, t.AddDate(1, 0, 0), true
	}
	if t, err := time.Parse("2006-01", x); err == nil {
		return t, t.AddDate(0, 1, 0), true
	}
	if t, err := time.Parse("2006-01-02", x); err == nil {
		return t, t.AddDate(0, 0, 1), true
	}
	var y, w int
	if n, _ := fmt.Sscanf(x, "%d-W%d", &y, &w); n == 2 && len(x) == 8 {
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		s := mon.AddDate(0, 0, 7*(w-1))
		return s, s.AddDate(0, 0, 7), true
	}
	// Seasons: the peer labels them; we read meteorological months of the
	// northern hemisphere.
	for suffix, m := range map[string]int{"-SP": 3, "-SU": 6, "-FA": 9, "-WI": 12} {
		if rest, ok := strings.CutSuffix(x, suffix); ok {
			if t, err := time.Parse("2006", rest); err == nil {
				s := time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
				return s, s.AddDate(0, 3, 0), true
			}
		}
	}
	var q int
	if n, _ := fmt.Sscanf(x, "%d-Q%d", &y, &q); n == 2 {
		s := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 3, 0), true
	}
	return time.Time{}, time.Time{}, false
}

// lastUnitStart is the start of the last written unit of a date value: for
// "March to May" the first of May, for "2014 to 2018" 1 January 2018.
func lastUnitStart(d *claims.DateValue) time.Time {
	last := d.End.Add(-time.Nanosecond)
	g := d.EndGran
	if g == claims.GranUnknown {
		g = d.Gran
	}
	switch g {
	case claims.GranYear:
		return time.Date(last.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case claims.GranMonth:
		return time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, time.UTC)
	case claims.GranQuarter:
		return time.Date(last.Year(), (last.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	case claims.GranMinute:
		return last.Truncate(time.Minute)
	}
	return time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, time.UTC)
}

// dateAgrees reports whether our claim agrees with one of the peer's
// candidates, after converting conventions (see the file comment).
func dateAgrees(c *claims.Claim, r peerResult) bool {
	cands := candidates(r)
	for _, cd := range cands {
		if candAgrees(c, cd) {
			return true
		}
	}
	return false
}

func candAgrees(c *claims.Claim, cd candidate) bool {
	switch cd.typ {
	case "duration":
		return c.Kind == claims.KindDuration && strings.EqualFold(c.Value, cd.timex)
	case "time", "timerange":
		if cd.typ == "timerange" && cd.start != "" {
			return false
		}
		if c.Date != nil && c.Date.Gran == claims.GranMinute && !slices.Contains(c.Date.Written, "day") && !slices.Contains(c.Date.Written, "weekday") {
			// A clock time we dated from its sentence: they give the clock
			// time alone.
			return sameClock(c.Date.Start.Format("T15:04"), cd.timex)
		}
		if c.Date != nil || !strings.HasPrefix(c.Value, "T") {
			return false
		}
		return sameClock(c.Value, cd.timex)
	}
	if c.Kind != claims.KindDate {
		return false
	}
	if c.Date == nil {
		// No publication date: compare the TIMEX strings.
		return strings.EqualFold(c.Value, cd.timex)
	}
	d := c.Date
	var s, e time.Time
	ok := false
	switch {
	case cd.start != "" && cd.end != "":
		s1, ok1 := parseDay(cd.start)
		e1, ok2 := parseDay(cd.end)
		s, e, ok = s1, e1, ok1 && ok2
	case cd.value != "" && cd.value != "not resolved":
		if t, good := parseDay(cd.value); good {
			s, ok = t, true
			if len(cd.value) > 10 {
				e = s.Add(time.Minute)
				if strings.Count(cd.timex, ":") == 0 {
					e = s.Add(time.Hour)
				}
			} else {
				e = s.AddDate(0, 0, 1)
			}
		}
	default:
		// Open ranges ("since August", "after 2016") carry one end only;
		// compare the period the words name, in the candidate's year.
		x := cd.timex
		if strings.HasPrefix(x, "XXXX") && len(cd.start+cd.end) >= 4 {
			x = (cd.start + cd.end)[:4] + x[4:]
		}
		s, e, ok = timexInterval(x)
	}
	if !ok {
		return false
	}
	if d.Gran == claims.GranMinute && !d.Range {
		return d.Start.Equal(s)
	}
	if d.Start.Equal(s) && (d.End.Equal(e) || lastUnitStart(d).Equal(e)) {
		return true
	}
	within := !d.Start.Before(s) && !d.End.After(e)
	contains := !s.Before(d.Start) && !e.After(d.End)
	if d.Fuzzy || cd.mod != "" {
		// Deliberately fuzzy values, or modified periods ("mid-May",
		// "earlier this year"): one interval within the other.
		return within || contains
	}
	if d.Relative && contains {
		// "two months ago", "in two years": we state the month or year,
		// the peer a day within it.
		return true
	}
	return false
}

// sameClock compares our "T04:17" with their "T04", "T04:17".
func sameClock(ours, theirs string) bool {
	norm := func(x string) string {
		x = strings.TrimPrefix(x, "T")
		if len(x) == 2 {
			x += ":00"
		}
		return x
	}
	return norm(ours) == norm(theirs)
}

type peerTally struct {
	inScope, passed, exact, total int
	out                           map[string]int
	why                           map[string]string // category -> why it is out of scope
	fails                         []string
}

// note records why a category is out of scope, for the report.
func (pt *peerTally) note(rules []scopeRule) {
	if pt.why == nil {
		pt.why = map[string]string{}
	}
	for _, r := range rules {
		pt.why[r.name] = r.why
	}
}

func (pt *peerTally) report(t *testing.T, model string) {
	t.Helper()
	names := make([]string, 0, len(pt.out))
	for n := range pt.out {
		names = append(names, n)
	}
	sort.Strings(names)
	var outs []string
	for _, n := range names {
		outs = append(outs, fmt.Sprintf("%s=%d", n, pt.out[n]))
	}
	rate := 0.0
	if pt.inScope > 0 {
		rate = 100 * float64(pt.passed) / float64(pt.inScope)
	}
	t.Logf("%s: %d/%d in-scope cases pass (%.1f%%); %d of %d cases out of scope: %s", model, pt.passed, pt.inScope, rate, pt.total-pt.inScope, pt.total, strings.Join(outs, " "))
	if pt.exact > 0 {
		t.Logf("%s: %d of the passing cases also match every span exactly", model, pt.exact)
	}
	for _, n := range names {
		if why := pt.why[n]; why != "" {
			t.Logf("%s: out of scope %s (%d): %s", model, n, pt.out[n], why)
		}
	}
	if os.Getenv("PEER_FAILS") != "" {
		for _, f := range pt.fails {
			t.Log(f)
		}
	}
}

// TestPeerDateTime runs Recognizers-Text's English DateTimeModel cases.
func TestPeerDateTime(t *testing.T) {
	cases := loadPeer(t, "DateTime-English-DateTimeModel.json")
	e := engineForTest(t)
	pt := &peerTally{out: map[string]int{}, total: len(cases)}
	pt.note(dateTimeScope)
	for i, pc := range cases {
		out := ""
		for _, r := range pc.Results {
			tx := timexes(r)
			for _, sr := range dateTimeScope {
				if sr.match(pc.Input, r, tx) {
					out = sr.name
					break
				}
			}
			if out != "" {
				break
			}
		}
		if out != "" {
			pt.out[out]++
			continue
		}
		pt.inScope++
		ok, exact, msg := runDateCase(e, pc)
		if ok {
			pt.passed++
			if exact {
				pt.exact++
			}
		} else {
			pt.fails = append(pt.fails, fmt.Sprintf("FAIL %d %q: %s", i, pc.Input, msg))
		}
	}
	pt.report(t, "DateTimeModel")
}

func peerDoc(input, lang string, ref *struct {
	ReferenceDateTime string `json:"ReferenceDateTime"`
}) *claims.Document {
	doc := &claims.Document{ID: "peer", Text: input, Language: lang, Status: claims.StatusRead}
	if ref != nil && len(ref.ReferenceDateTime) >= 10 {
		if t, err := time.Parse("2006-01-02", ref.ReferenceDateTime[:10]); err == nil {
			doc.Published = t
			doc.PublishedSource = "peer"
		}
	} else {
		// The peer resolves nothing without a reference date; neither
		// should a dateline found in the input.
		doc.Published = time.Time{}
	}
	return doc
}

func runDateCase(e *Engine, pc peerCase) (ok, exact bool, msg string) {
	doc := peerDoc(pc.Input, "en", pc.Context)
	cs := e.Extract(doc)
	var ours []*claims.Claim
	for _, c := range cs {
		if c.Kind == claims.KindDate || c.Kind == claims.KindDuration {
			ours = append(ours, c)
		}
	}
	u := utf16Offsets(pc.Input)
	used := make([]bool, len(ours))
	ok, exact = true, true
	var b strings.Builder
	for _, r := range pc.Results {
		found := false
		for k, c := range ours {
			s, en := u[c.Start], u[c.End]
			if s > r.End || en <= r.Start {
				continue
			}
			used[k] = true
			if dateAgrees(c, r) {
				found = true
				if s != r.Start || en != r.End+1 {
					exact = false
				}
			}
		}
		if !found {
			ok = false
			fmt.Fprintf(&b, "want %q %v; ", r.Text, timexes(r))
		}
	}
	for k, c := range ours {
		if !used[k] {
			ok = false
			fmt.Fprintf(&b, "extra %q=%s; ", c.Text, c.Value)
		}
	}
	if !ok {
		var got []string
		for _, c := range ours {
			got = append(got, fmt.Sprintf("%q=%s", c.Text, c.Value))
		}
		fmt.Fprintf(&b, "got [%s]", strings.Join(got, " "))
	}
	return ok, ok && exact, b.String()
}

// numberEngine reads every numeric expression, claim or not: the peer
// suites measure the reader. Dates and durations still run first and
// block their tokens, as in production.
func numberEngine(t testing.TB, ordinals bool) *Engine {
	base := engineForTest(t)
	e := &Engine{Rules: base.Rules, langs: base.langs}
	run := func(p *Pass) { scanNumbers(p, true) }
	if ordinals {
		run = func(p *Pass) { scanOrdinals(p, true) }
	}
	e.Steps = []Step{Furniture, Dates, run}
	return e
}

// peerValue parses the peer's resolution value ("192", "1E-12", "20%").
func peerValue(r peerResult) (float64, bool) {
	var res struct {
		Value *string `json:"value"`
	}
	if json.Unmarshal(r.Resolution, &res) != nil || res.Value == nil {
		return 0, false
	}
	var v float64
	_, err := fmt.Sscan(strings.TrimSuffix(*res.Value, "%"), &v)
	return v, err == nil
}

func closeTo(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	m := max(abs(a), abs(b), 1e-12)
	return d <= 1e-9*m || d < 1e-12
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var fractionDenominators = []string{"half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths",
	"sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths"}

var numberScope = []scopeRule{
	{"scientific", "scientific notation and powers (\"1e10\", \"1.1^23\", \"6.23x10^-4\") are not written in news prose", func(in string, r peerResult, _ []string) bool {
		t := r.Text
		if strings.ContainsAny(t, "^") || strings.Contains(t, "x10") {
			return true
		}
		for i := 1; i+1 < len(t); i++ {
			if t[i] == 'e' && t[i-1] >= '0' && t[i-1] <= '9' && (t[i+1] >= '0' && t[i+1] <= '9' || t[i+1] == '+' || t[i+1] == '-') {
				return true
			}
		}
		return false
	}},
	{"space-grouping", "digits grouped by spaces (\"1 234 567\", \"40\u202f000\") are neither English nor Indonesian news style, and reading them would merge neighbouring numbers", func(in string, r peerResult, _ []string) bool {
		rs := []rune(r.Text)
		for i := 1; i+3 < len(rs); i++ {
			if (rs[i] == ' ' || rs[i] == '\u202f' || rs[i] == '\u00a0') && rs[i-1] >= '0' && rs[i-1] <= '9' && rs[i+1] >= '0' && rs[i+1] <= '9' &&
				rs[i+2] >= '0' && rs[i+2] <= '9' && rs[i+3] >= '0' && rs[i+3] <= '9' {
				return true
			}
		}
		return false
	}},
	{"indian-grouping", "lakh-style digit groups (\"12,34,567.89\")", func(in string, r peerResult, _ []string) bool {
		return strings.Contains(r.Text, ",34,")
	}},
	{"si-prefix", "SI prefixes and abbreviations apart from the number (\"10G\", \"2.33 k\", \"1,674.5 G\", \"3 dzs\")", func(in string, r peerResult, _ []string) bool {
		t := strings.TrimSpace(r.Text)
		return strings.HasSuffix(t, " k") || strings.HasSuffix(t, "g") || strings.HasSuffix(t, " m") || hasAny(t, "dzs", "dozs")
	}},
	{"ratio", "ratios read as one number (\"one out of three\", \"2000 over 3\", \"1 in twenty-one\")", func(in string, r peerResult, _ []string) bool {
		return hasAny(r.Text, "over", "out of", "in")
	}},
	{"fraction-of-scale", "fractions of a scale word (\"two thirds of a million\", \"one billion and three quarters million\")", func(in string, r peerResult, _ []string) bool {
		return hasAny(r.Text, "of a million") || hasAny(r.Text, "quarters million", "thirds million")
	}},
	{"labels", "numbers after \"No.\", \"nr.\" and similar label words are identifiers: crosscheck keeps them quiet on purpose", func(in string, r peerResult, _ []string) bool {
		low := strings.ToLower(in)
		return strings.Contains(low, "nr.") || strings.Contains(low, "nrs.") || strings.Contains(low, "no.")
	}},
	{"rare-fraction", "fractions with large or compound denominators or numerators (\"a trillionth\", \"three twenty-firsts\", \"one hundred thirty fifths\", \"twenty-three fifths\") are rare in news and ambiguous", func(in string, r peerResult, _ []string) bool {
		t := r.Text
		words := strings.FieldsFunc(t, func(c rune) bool { return c == ' ' || c == '-' })
		for k, w := range words {
			isOrd := strings.HasSuffix(w, "th") || strings.HasSuffix(w, "ths") || strings.HasSuffix(w, "firsts") || strings.HasSuffix(w, "first") || strings.HasSuffix(w, "seconds")
			if !isOrd || w == "fourth" {
				continue
			}
			if !slices.Contains(fractionDenominators, w) {
				return true
			}
			// A compound numerator: more than one number word before the
			// fraction word.
			n := 0
			for _, x := range words[:k] {
				if slices.Contains(numberWordsEn, x) {
					n++
				}
			}
			if n > 1 {
				return true
			}
		}
		return false
	}},
	{"spelled-digits", "spaced hyphens and minus signs (\"fifty - two\", \"- 1 4/5\", \"three-nought-four\") are not how news writes numbers", func(in string, r peerResult, _ []string) bool {
		return strings.Contains(r.Text, " - ") || strings.HasPrefix(r.Text, "- ") || strings.Contains(in, "-nought-")
	}},
	{"codes", "digits inside dates, phone numbers, IP addresses and codes (\"5/17/2018\", \"+1-222-2222\", \"192.168.1.2\", \"SCP-173\"): crosscheck keeps them quiet on purpose", func(in string, r peerResult, _ []string) bool {
		u := utf16Offsets(in)
		// find the byte range of the result
		bs, be := -1, -1
		for b := 0; b <= len(in); b++ {
			if u[b] == r.Start && bs < 0 {
				bs = b
			}
			if u[b] == r.End+1 {
				be = b
				break
			}
		}
		if bs < 0 || be < 0 {
			return false
		}
		glue := func(c byte) bool { return c == '/' || c == '-' || c == '.' || c == '+' }
		if bs > 1 && glue(in[bs-1]) && (in[bs-2] >= '0' && in[bs-2] <= '9' || in[bs-2] >= 'A' && in[bs-2] <= 'Z' || in[bs-1] == '+') {
			return true
		}
		if bs > 0 && in[bs-1] == '+' {
			return true
		}
		return be+1 < len(in) && glue(in[be]) && in[be+1] >= '0' && in[be+1] <= '9'
	}},
}

// runNumberSuite runs a number peer suite with a selector for our claims
// and a comparison of values.
func runNumberSuite(t *testing.T, model, file string, scope []scopeRule, ordinals bool,
	ours func(*claims.Claim) bool, agrees func(*claims.Claim, peerResult) bool, caseOut func(peerCase) string) {
	cases := loadPeer(t, file)
	e := numberEngine(t, ordinals)
	pt := &peerTally{out: map[string]int{}, total: len(cases)}
	pt.note(scope)
	pt.note(caseOutReasons)
	for i, pc := range cases {
		out := ""
		if caseOut != nil {
			out = caseOut(pc)
		}
		for _, r := range pc.Results {
			for _, sr := range scope {
				if out == "" && sr.match(pc.Input, r, nil) {
					out = sr.name
				}
			}
		}
		if out != "" {
			pt.out[out]++
			continue
		}
		pt.inScope++
		doc := &claims.Document{ID: "peer", Text: pc.Input, Language: "en", Status: claims.StatusRead,
			Published: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), PublishedSource: "peer"}
		var got []*claims.Claim
		for _, c := range e.Extract(doc) {
			if ours(c) {
				got = append(got, c)
			}
		}
		u := utf16Offsets(pc.Input)
		used := make([]bool, len(got))
		ok, exact := true, true
		var b strings.Builder
		for _, r := range pc.Results {
			found := false
			for k, c := range got {
				s, en := u[c.Start], u[c.End]
				if s > r.End || en <= r.Start {
					continue
				}
				used[k] = true
				if agrees(c, r) {
					found = true
					if s != r.Start || en != r.End+1 {
						exact = false
					}
				}
			}
			if !found {
				ok = false
				fmt.Fprintf(&b, "want %q %s; ", r.Text, strings.Join(strings.Fields(string(r.Resolution)), ""))
			}
		}
		for k, c := range got {
			if !used[k] {
				ok = false
				fmt.Fprintf(&b, "extra %q=%s; ", c.Text, c.Value)
			}
		}
		if ok {
			pt.passed++
			if exact {
				pt.exact++
			}
		} else {
			var gs []string
			for _, c := range got {
				gs = append(gs, fmt.Sprintf("%q=%s", c.Text, c.Value))
			}
			pt.fails = append(pt.fails, fmt.Sprintf("FAIL %d %q: %s got [%s]", i, pc.Input, b.String(), strings.Join(gs, " ")))
		}
	}
	pt.report(t, model)
}

// caseOutReasons explain the whole-case exclusions of runNumberSuite's
// caseOut functions.
var caseOutReasons = []scopeRule{
	{name: "relative", why: "relative ordinals (\"last\", \"next\", \"previous one\") point into a list on screen, not at an event"},
	{name: "query", why: "comparison symbols and \"equal to\" phrasing from query languages (\">= 30\", \"x>10\")"},
}

// isNumberClaim selects what the peer's NumberModel calls a number: counts,
// sums (the number inside "$20") and the amounts of durations; not
// quantities with physical units ("180ml", which its model leaves to the
// dimension recognizer).
func isNumberClaim(c *claims.Claim) bool {
	switch c.Kind {
	case claims.KindCount, claims.KindMoney, claims.KindDuration:
		return c.Num != nil
	}
	return false
}

func numberAgrees(c *claims.Claim, r peerResult) bool {
	v, ok := peerValue(r)
	if !ok {
		return false
	}
	if c.Num.Low != nil && c.Num.High != nil && *c.Num.Low != *c.Num.High && !c.Num.Vague {
		return closeTo(*c.Num.Low, v) || closeTo(*c.Num.High, v)
	}
	return closeTo(c.Num.Value, v)
}

// TestPeerNumber runs Recognizers-Text's English NumberModel cases.
func TestPeerNumber(t *testing.T) {
	runNumberSuite(t, "NumberModel", "Number-English-NumberModel.json", numberScope, false, isNumberClaim, numberAgrees, nil)
}

// TestPeerOrdinal runs the OrdinalModel cases. Relative ordinals ("last",
// "next", "the one before the last") are chat commands over lists, not
// news; an article before an ordinal word ("a third", "a hundred
// trillionth") makes it a fraction in news English.
func TestPeerOrdinal(t *testing.T) {
	scope := []scopeRule{
		{"relative", "relative ordinals (\"last\", \"next\", \"previous one\") point into a list on screen, not at an event", func(in string, r peerResult, _ []string) bool {
			return strings.HasSuffix(r.TypeName, ".relative")
		}},
		{"fraction-article", "an article before an ordinal word makes a fraction (\"a third\", \"a hundred trillionth\")", func(in string, r peerResult, _ []string) bool {
			return strings.HasPrefix(r.Text, "a ") || strings.Contains(in, "and a "+r.Text)
		}},
	}
	caseOut := func(pc peerCase) string {
		for _, r := range pc.Results {
			if strings.HasSuffix(r.TypeName, ".relative") {
				return "relative"
			}
		}
		return ""
	}
	runNumberSuite(t, "OrdinalModel", "Number-English-OrdinalModel.json", scope, true,
		func(c *claims.Claim) bool { return c.Kind == claims.KindOrdinal }, numberAgrees, caseOut)
}

// TestPeerPercent runs the PercentModel cases.
func TestPeerPercent(t *testing.T) {
	scope := []scopeRule{
		{"no-number", "a percent sign or word with no number (\"the % of increase\") states no value", func(in string, r peerResult, _ []string) bool {
			_, ok := peerValue(r)
			return !ok
		}},
		{"reversed", "\"percent of 10\" for ten percent is not news English", func(in string, r peerResult, _ []string) bool {
			return strings.HasPrefix(r.Text, "perc") || strings.HasPrefix(r.Text, "per cent")
		}},
	}
	runNumberSuite(t, "PercentModel", "Number-English-PercentModel.json", scope, false,
		func(c *claims.Claim) bool { return c.Kind == claims.KindPercent }, numberAgrees, nil)
}

// TestPeerNumberRange runs the NumberRangeModel cases. Their intervals are
// written "[20,30)"; a range's end is exclusive by their convention only,
// so the end value is compared, not its bracket. Bounds from "more than"
// are open, from "at least" closed, as in crosscheck.
func TestPeerNumberRange(t *testing.T) {
	scope := []scopeRule{
		{"query", "comparisons from query languages (\"less than or equal to\", \"equals 20\", \">= 30\")", func(in string, r peerResult, _ []string) bool {
			return hasAny(r.Text, "equal", "equals", "equaling") || strings.ContainsAny(r.Text, "<>=")
		}},
		{"ordinal-range", "ranges of ordinals (\"between the tenth and the fifteenth\")", func(in string, r peerResult, _ []string) bool {
			return hasAny(r.Text, "tenth", "fifteenth")
		}},
		{"ratio", "ratios (\"2 in 5 or more\")", func(in string, r peerResult, _ []string) bool { return hasAny(r.Text, "in") }},
		{"fraction-bounds", "bounds given as fraction words (\"above one quarter and below a half\")", func(in string, r peerResult, _ []string) bool {
			return hasAny(r.Text, "quarter")
		}},
		{"or-equal", "\"bigger or equal than\": comparatives with \"or equal\"", func(in string, r peerResult, _ []string) bool {
			return strings.Contains(r.Text, "or equal") || strings.Contains(r.Text, "greater than\"")
		}},
	}
	caseOut := func(pc peerCase) string {
		if strings.ContainsAny(pc.Input, "<>=") {
			return "query"
		}
		return ""
	}
	runNumberSuite(t, "NumberRangeModel", "Number-English-NumberRangeModel.json", scope, false,
		func(c *claims.Claim) bool {
			return c.Num != nil && (c.Num.Low == nil || c.Num.High == nil || *c.Num.Low != *c.Num.High) && c.Kind != claims.KindDate
		}, rangeAgrees, caseOut)
}

// rangeAgrees compares our bounds with "(20,35]", "[30,)", "(,170)".
func rangeAgrees(c *claims.Claim, r peerResult) bool {
	var res struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(r.Resolution, &res) != nil || len(res.Value) < 3 {
		return false
	}
	v := res.Value
	loEx, hiEx := v[0] == '(', v[len(v)-1] == ')'
	parts := strings.SplitN(v[1:len(v)-1], ",", 2)
	if len(parts) != 2 {
		return false
	}
	lo, hi, loEx2, hiEx2 := c.Num.Bounds()
	check := func(s string, ours float64, oursEx, theirsEx, isLow bool) bool {
		if s == "" {
			return isLow && math.IsInf(ours, -1) || !isLow && math.IsInf(ours, 1) || isLow && ours == 0 && !oursEx
		}
		var x float64
		if _, err := fmt.Sscan(s, &x); err != nil {
			return false
		}
		if !closeTo(x, ours) {
			return false
		}
		// A closed range's end is exclusive by their convention ("between
		// 20 and 30" is [20,30)); ours is inclusive. Qualifier bounds
		// agree exactly.
		return oursEx == theirsEx || !isLow && theirsEx && !oursEx && c.Num.Qualifier == ""
	}
	return check(parts[0], lo, loEx2, loEx, true) && check(parts[1], hi, hiEx2, hiEx, false)
}

// TestPeerDimension runs the DimensionModel cases for lengths, areas,
// masses, speeds and volumes. Left out: information sizes, angles, cooking
// measures, micro- and pico-units, and units named without a number.
func TestPeerDimension(t *testing.T) {
	inScopeSubtype := map[string]bool{"Length": true, "Area": true, "Weight": true, "Speed": true, "Volume": true}
	scope := []scopeRule{
		{"other-dimension", "information sizes, angles and units named without a number are not news quantities crosscheck compares", func(in string, r peerResult, _ []string) bool {
			var res struct {
				Subtype string  `json:"subtype"`
				Value   *string `json:"value"`
			}
			_ = json.Unmarshal(r.Resolution, &res)
			return !inScopeSubtype[res.Subtype] || res.Value == nil
		}},
		{"rare-unit", "cooking measures, micro-/pico-units, decimetres, drachmas and the inch mark (\"10 \\\"\") are rare in news", func(in string, r peerResult, _ []string) bool {
			var res struct {
				Unit string `json:"unit"`
			}
			_ = json.Unmarshal(r.Resolution, &res)
			u := strings.ToLower(res.Unit)
			return hasAny(u, "tablespoon", "teaspoon", "cup", "microgram", "picometer", "decimeter", "dram", "milliliter") ||
				strings.Contains(r.Text, "\"") || strings.Contains(u, "per millisecond") || strings.ContainsAny(r.Text, "([{<")
		}},
	}
	inDim := map[string]bool{"length": true, "area": true, "mass": true, "speed": true, "volume": true}
	unitOf := func(c *claims.Claim) string { return c.Num.Unit }
	runNumberSuite(t, "DimensionModel", "NumberWithUnit-English-DimensionModel.json", scope, false,
		func(c *claims.Claim) bool {
			if c.Kind != claims.KindQuantity || c.Num == nil {
				return false
			}
			for _, u := range engineForTest(t).Rules.Languages["en"].UnitList {
				if u.Name == unitOf(c) {
					return inDim[u.Dimension]
				}
			}
			return false
		}, func(c *claims.Claim, r peerResult) bool {
			var res struct {
				Unit  string `json:"unit"`
				Value string `json:"value"`
			}
			_ = json.Unmarshal(r.Resolution, &res)
			var v float64
			if _, err := fmt.Sscan(res.Value, &v); err != nil {
				return false
			}
			want := peerUnits[strings.ToLower(res.Unit)]
			if want != c.Num.Unit {
				return false
			}
			// The peer reads one end of a range ("eight to 10 feet" is 10
			// feet to it); we read the range.
			if c.Num.Low != nil && c.Num.High != nil && *c.Num.Low != *c.Num.High {
				return closeTo(*c.Num.Low, v) || closeTo(*c.Num.High, v)
			}
			return closeTo(c.Num.Value, v)
		}, nil)
}

// peerUnits maps the peer's unit names to ours.
var peerUnits = map[string]string{"pound": "lb", "mile": "mi", "inch": "in", "foot": "ft", "barrel": "bbl", "ounce": "oz",
	"acre": "acre", "gallon": "gal", "cubic foot": "ft3", "square meter": "m2", "ton": "t", "metric ton": "t", "meter": "m",
	"mile per hour": "mph", "kilometer": "km", "millimeter": "mm", "square kilometer": "km2", "kilogram": "kg",
	"kilometer per hour": "km/h", "centimeter": "cm", "gram": "g", "liter": "l"}
