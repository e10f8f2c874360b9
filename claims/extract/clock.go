package extract

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Clock times: "pukul 06.12", "Pukul 07.55 WIB", "7:37 AM local time",
// "0737 GMT", "4:43 a.m.". A time with no date of its own takes the date
// of its sentence, else the nearest date before it in the text, else the
// publication date. Its value stays the written wall-clock time
// ("2013-07-02T07:37", as TimeML writes it); its interval is the instant
// in UTC: exact for a named zone (WIB is UTC+7), and widened by the range
// of offsets the story's country can have for "local time" or no zone at
// all (Indonesia +7..+9), or by the whole -12..+14 when the country is not
// known, so that an unplaced time never contradicts another.

// zoneRange returns the UTC offsets, in hours, a time written with zone
// (1 + index into the language's zones, 0 for none) at token i can have,
// and how they were found.
func (r *dateRun) zoneRange(zone, i int) (lo, hi float64, how string) {
	if zone > 0 && zone <= len(r.Lang.Zones) {
		z := r.Lang.Zones[zone-1]
		if !z.Local {
			if r.zoneHow == nil {
				r.zoneHow = make([]string, len(r.Lang.Zones))
			}
			if r.zoneHow[zone-1] == "" {
				r.zoneHow[zone-1] = fmt.Sprintf("%s (UTC%s)", strings.ToUpper(z.Name), fmtOffset(z.Offset))
			}
			return z.Offset, z.Offset, r.zoneHow[zone-1]
		}
	}
	// The sentence's countries, else the document's. The last sentence's
	// are kept, with how they were found: reading the sentence again for
	// each time in it made a long one quadratic, and spelling how for
	// each time was an allocation per clock.
	a, b := r.sentenceTokens(r.Toks[i].Start)
	if z := &r.sentZone; !z.done || z.a != a || z.b != b {
		*z = sentenceZone{a: a, b: b, done: true}
		z.ids, z.lo, z.hi, z.ok = r.offsetsIn(a, b)
		if z.ok {
			z.how = localHow(z.ids, z.lo, z.hi)
		}
	}
	if z := &r.sentZone; z.ok {
		return z.lo, z.hi, z.how
	}
	if !r.docZoneDone {
		r.docZoneDone = true
		r.docZoneIDs, r.docZoneLo, r.docZoneHi, r.docZoneOK = r.mainOffsets()
		if r.docZoneOK {
			r.docZoneHow = localHow(r.docZoneIDs, r.docZoneLo, r.docZoneHi)
		}
	}
	if r.docZoneOK {
		return r.docZoneLo, r.docZoneHi, r.docZoneHow
	}
	return -12, 14, "zone unknown (UTC-12..+14)"
}

// localHow says how a local time was placed: in the offsets [lo, hi] of
// the countries ids.
func localHow(ids []string, lo, hi float64) string {
	return fmt.Sprintf("local time in %s (UTC%s..%s)", strings.Join(ids, ", "), fmtOffset(lo), fmtOffset(hi))
}

// offsetsIn unites the UTC offset ranges of the participants named in
// tokens [a, b) that have one.
func (r *dateRun) offsetsIn(a, b int) (ids []string, lo, hi float64, ok bool) {
	set := r.Rules
	if len(set.UTCOffsets) == 0 {
		return nil, 0, 0, false
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	parts := set.Participants
	if parts == nil {
		return nil, 0, 0, false
	}
	toks, lanes := r.Toks, &r.index.lanes
	for k := a; ; {
		v, end, found := nextParticipant(lanes, parts, toks, k, min(b, len(toks)))
		if !found {
			break
		}
		k = end
		id := set.ParticipantIDs[v]
		if o, has := set.UTCOffsets[id]; has {
			if !ok || !containsStr(ids, id) {
				ids = append(ids, id)
			}
			lo, hi, ok = math.Min(lo, o[0]), math.Max(hi, o[1]), true
		}
	}
	return ids, lo, hi, ok
}

// nextParticipant finds the first participant named from toks[k] on,
// starting before toks[b]: its value in parts, and the token after its
// name.
//
// Every token of a sentence or document is asked: the evidence lanes
// (evidenceLanes), which hold the table's MayOpen at one load, turn most
// away without Match's call, and the loop keeps the tokens in registers.
func nextParticipant(lanes *rules.LaneFilter, parts *rules.Phrases, toks []token.Token, k, b int) (v, end int, found bool) {
	for ; k < b; k++ {
		if lanes.Lanes(&toks[k])&laneParticipant == 0 {
			continue
		}
		if end, v, found = parts.Match(toks, k); found {
			return v, end, true
		}
	}
	return 0, b, false
}

// mainOffsets is the UTC offset range of the country the document names
// most often (the countries tied for most, together): the story's place,
// not every country named in passing ("the U.S. Geological Survey said").
func (r *dateRun) mainOffsets() (ids []string, lo, hi float64, ok bool) {
	set := r.Rules
	if len(set.UTCOffsets) == 0 {
		return nil, 0, 0, false
	}
	parts := set.Participants
	if parts == nil {
		return nil, 0, 0, false
	}
	count := map[string]int{}
	var order []string
	toks, lanes := r.Toks, &r.index.lanes
	for k := 0; ; {
		v, end, found := nextParticipant(lanes, parts, toks, k, len(toks))
		if !found {
			break
		}
		k = end
		if id := set.ParticipantIDs[v]; hasOffsets(set.UTCOffsets, id) {
			if count[id] == 0 {
				order = append(order, id)
			}
			count[id]++
		}
	}
	best := 0
	for _, id := range order {
		best = max(best, count[id])
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, id := range order {
		if count[id] == best {
			o := set.UTCOffsets[id]
			ids = append(ids, id)
			lo, hi, ok = math.Min(lo, o[0]), math.Max(hi, o[1]), true
		}
	}
	return ids, lo, hi, ok
}

func hasOffsets(m map[string][2]float64, id string) bool {
	_, ok := m[id]
	return ok
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func fmtOffset(h float64) string {
	sign := "+"
	if h < 0 {
		sign, h = "-", -h
	}
	m := int(math.Round(h * 60))
	if m%60 == 0 {
		return fmt.Sprintf("%s%d", sign, m/60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, m/60, m%60)
}

// toUTC moves a claim's minute-precision interval from the written wall
// clock to UTC. The value keeps the written time.
func (r *dateRun) toUTC(c *claims.Claim, zone, i int) {
	if c.Date == nil || c.Date.Gran != claims.GranMinute || !c.Date.Wall.IsZero() {
		return
	}
	dv := *c.Date
	r.wallToUTC(&dv, c, zone, i)
	c.Date = &dv
}

// wallToUTC is toUTC on a value the claim does not hold yet (see
// datedClock), and sets the claim's note.
func (r *dateRun) wallToUTC(dv *claims.DateValue, c *claims.Claim, zone, i int) {
	lo, hi, how := r.zoneRange(zone, i)
	dv.Wall = dv.Start
	if dv.Period == "" {
		dv.Period = c.Value
	}
	dv.Start = dv.Wall.Add(-time.Duration(hi * float64(time.Hour)))
	dv.End = dv.Wall.Add(-time.Duration(lo * float64(time.Hour))).Add(time.Minute)
	dv.Zone = how
	if dv.Weekday != 0 && time.Weekday(dv.Weekday%7) == dv.Wall.Weekday() {
		// The weekday check compares the written weekday with Start's:
		// a weekday that agrees with the written date still agrees once
		// the instant is in UTC.
		dv.Weekday = (int(dv.Start.Weekday())+6)%7 + 1
	}
	c.Note = r.clockNote(c.Note, how)
}

// clockNote is note with how a clock time was moved to UTC added. The
// last one made is given again for the same note and zone: the clocks of
// a page share a few of each, and joining them anew for each clock was an
// allocation per clock.
func (r *dateRun) clockNote(note, how string) string {
	if cn := &r.lastClockNote; cn.made == "" || cn.note != note || cn.how != how {
		cn.note, cn.how = note, how
		if note == "" {
			cn.made = "clock time " + how
		} else {
			cn.made = note + "; clock time " + how
		}
	}
	return r.lastClockNote.made
}

// clockNoteMemo is clockNote's last answer.
type clockNoteMemo struct{ note, how, made string }

// datedClock gives a clock time the day of day (a day-precision date) and
// moves it to UTC: the value is made on the stack and kept once, moved.
func (r *dateRun) datedClock(it *dateItem, day claims.DateValue, note string) {
	dv := day
	dv.DayPart, dv.Period, dv.Mod = "", "", ""
	dv.Start = dv.Start.Add(time.Duration(it.hour)*time.Hour + time.Duration(it.min)*time.Minute)
	dv.End = dv.Start.Add(time.Minute)
	dv.Gran = claims.GranMinute
	dv.Written = partsTime
	dv.Inferred = partsYMD
	dv.Weekday = 0
	it.c.Value = dv.Canonical()
	it.c.Note = note
	if dv.Wall.IsZero() {
		r.wallToUTC(&dv, it.c, int(it.cp().Zone), it.start)
	}
	it.c.Date = new(claims.DateValue)
	*it.c.Date = dv
}

// datesForClocks dates each clock time left without a day: by the one
// day-precision date of its sentence, else the nearest one before it in the
// text, else the publication date.
//
// The dates that can give a day are found once, before (a clock is never
// one, and dating a clock changes no other item): searching all the items
// for each clock made a page of clock times quadratic.
func (r *dateRun) datesForClocks(items []*dateItem) {
	if !slices.ContainsFunc(items, undatedClock) {
		return // a page of dates with no clock time to date: nothing to find
	}
	var days []*dateItem // the items that can give a clock its day, by start
	for _, o := range items {
		if givesDay(o) {
			days = append(days, o)
		}
	}
	slices.SortStableFunc(days, func(x, y *dateItem) int { return x.start - y.start })
	var prev *dateItem // the last of days before the item at hand
	// The notes, made once for each day that dates clocks (a day usually
	// dates the several clocks after it).
	var notes dayNotes
	pubNote := ""
	for _, it := range items {
		if givesDay(it) {
			prev = it
			continue
		}
		if !undatedClock(it) {
			continue
		}
		if only := r.onlyDayOfSentence(days, it); only != nil {
			r.datedClock(it, *only.c.Date, notes.note(only, "day taken from %q in the same sentence"))
			continue
		}
		if prev != nil {
			r.datedClock(it, *prev.c.Date, notes.note(prev, "day taken from %q, the date mentioned before it"))
			continue
		}
		if pub := r.pubDate(); !pub.IsZero() {
			day := claims.DateValue{Start: pub, End: pub.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true}
			if pubNote == "" {
				pubNote = "day taken from the publication date " + pub.Format("2006-01-02")
			}
			r.datedClock(it, day, pubNote)
			continue
		}
		it.c.Value = clockValue(it.hour, it.min)
	}
}

// givesDay reports an item that can give a clock time its day: a date at day
// precision (dayDate) with a value. The value is tested first: a date
// without one (no publication date to place it) spares dayDate's tests of
// its text, which a page of clock times and undated days made for every
// item twice.
func givesDay(it *dateItem) bool { return it.c.Date != nil && dayDate(it) }

// undatedClock reports a time of day that datesForClocks dates.
func undatedClock(it *dateItem) bool { return it.clock && it.c.Date == nil }

// onlyDayOfSentence returns the one item of days (sorted by start) within
// the sentence of the clock it, or nil when there is none or more than
// one. With no days at all the sentence is not looked up.
func (r *dateRun) onlyDayOfSentence(days []*dateItem, it *dateItem) *dateItem {
	if len(days) == 0 {
		return nil
	}
	a, b := r.sentenceTokens(it.c.Start)
	// The days within the sentence; two are as many as one needs.
	var only *dateItem
	n := 0
	for j := sort.Search(len(days), func(j int) bool { return days[j].start >= a }); j < len(days) && days[j].start < b && n < 2; j++ {
		if days[j].end <= b {
			only = days[j]
			n++
		}
	}
	if n != 1 {
		return nil
	}
	return only
}

// dayNotes remembers the last note made about a day item, so that the
// clocks a day dates share one note.
type dayNotes struct {
	day    *dateItem
	format string
	text   string
}

// note returns format (with one %q) applied to the text of day.
func (n *dayNotes) note(day *dateItem, format string) string {
	if n.day != day || n.format != format {
		n.day, n.format, n.text = day, format, fmt.Sprintf(format, day.c.Text)
	}
	return n.text
}
