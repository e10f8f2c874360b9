package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Result is everything the comparison found.
type Result struct {
	Findings   []Finding
	Agreements []Agreement
	Stories    []Story
	StoryOf    map[string]int      // document id -> story id
	SourceOf   map[string]string   // document id -> source id (syndicated copies share one)
	Copies     map[string][]string // document id -> its syndicated copies
}

// Compare aligns claims across documents and reports discrepancies.
// Claims are compared only when they speak of the same frame and attribute,
// about the same occurrence of the event, from different sources.
func Compare(docs []*claims.Document, cs []*claims.Claim, set *rules.Set) Result {
	var read []*claims.Document
	for _, d := range docs {
		if d.Status != claims.StatusSkipped {
			read = append(read, d)
		}
	}
	sort.Slice(read, func(i, j int) bool { return read[i].ID < read[j].ID })
	byID := map[string]*claims.Document{}
	for _, d := range read {
		byID[d.ID] = d
	}
	// Participants named anywhere in a document (not only in its claims'
	// sentences): canonical across languages, the strongest sign that two
	// articles tell the same story.
	partsOf := map[string][]string{}
	for _, d := range read {
		if d.Participants != nil {
			partsOf[d.ID] = d.Participants // found during extraction
		} else {
			partsOf[d.ID] = set.NamedIn(token.Scan(d.Text, nil))
		}
	}
	res := Result{}
	res.SourceOf, res.Copies = syndication(read)
	stop := map[string]bool{}
	for _, l := range set.Languages {
		for w := range l.Detect {
			stop[w] = true
		}
	}
	res.Stories, res.StoryOf = stories(read, func(d *claims.Document) []string { return partsOf[d.ID] }, stop)
	storyByID := map[int]*Story{}
	for i := range res.Stories {
		storyByID[res.Stories[i].ID] = &res.Stories[i]
	}
	cmp := &comparer{set: set, docs: byID, res: &res, stories: storyByID}
	cmp.background = cmp.backgroundSentences(cs)
	blocks := cmp.blocks(cs)
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cmp.compareBlock(k, blocks[k])
	}
	internal := cmp.internalChecks(cs)
	res.Findings = mergeInternal(res.Findings, internal)
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].ID < res.Findings[j].ID })
	return res
}

type comparer struct {
	set        *rules.Set
	docs       map[string]*claims.Document
	res        *Result
	stories    map[int]*Story
	background map[sentenceKey]bool
}

type sentenceKey struct {
	doc      string
	sentence int
}

// Event windows around a story's publication dates: a recurring event's
// date is the story's own occurrence only inside [first - eventBefore,
// last + eventAfter] (eventBefore is the frame's window_days); a sentence dated before first - backgroundBefore is
// background about another occurrence.
const (
	eventAfter       = 31 * 24 * time.Hour
	backgroundBefore = 21 * 24 * time.Hour
)

// backgroundSentences finds sentences about other occurrences of recurring
// events: those carrying a date well before the story ("killed more than
// 26,000 people in Bam in December 2003", "The last major quake ... was in
// February"), and a sentence that continues one of them with a pronoun
// ("It killed 612 people").
func (cm *comparer) backgroundSentences(cs []*claims.Claim) map[sentenceKey]bool {
	// One pass in document order: every claim of sentence n-1 is seen
	// before the first claim of sentence n, so a continuation can be
	// decided when its sentence first appears.
	if !sort.SliceIsSorted(cs, func(i, j int) bool {
		if cs[i].Doc != cs[j].Doc {
			return cs[i].Doc < cs[j].Doc
		}
		return cs[i].Start < cs[j].Start
	}) {
		cs = append([]*claims.Claim(nil), cs...)
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Doc != cs[j].Doc {
				return cs[i].Doc < cs[j].Doc
			}
			return cs[i].Start < cs[j].Start
		})
	}
	bg := map[sentenceKey]bool{}
	var last sentenceKey
	for _, c := range cs {
		k := sentenceKey{c.Doc, c.Sentence}
		d := cm.docs[c.Doc]
		if d == nil {
			continue
		}
		if k != last {
			last = k
			head := ""
			if c.SentenceEnd > c.SentenceStart && c.SentenceEnd <= len(d.Text) {
				head = d.Text[c.SentenceStart:min(c.SentenceEnd, c.SentenceStart+40)]
			}
			if toks := token.Scan(head, nil); len(toks) > 0 {
				// "Previously, ...", "Sebelumnya, ...", or "It killed 612
				// people" after a background sentence.
				if cm.set.Background.Has(toks, 0) ||
					bg[sentenceKey{c.Doc, c.Sentence - 1}] && cm.set.Anaphora.Has(toks, 0) {
					bg[k] = true
				}
			}
		}
		if c.Date == nil || c.Date.Fuzzy && c.Date.Relative || !d.HasDate() {
			continue
		}
		st := cm.stories[cm.res.StoryOf[c.Doc]]
		if st == nil || st.Start.IsZero() {
			continue
		}
		window := backgroundBefore
		if fr := cm.set.FrameByName(c.Frame); fr != nil && !fr.Once {
			window = time.Duration(max(fr.WindowDays, 21)) * 24 * time.Hour
		}
		if !c.Date.End.After(st.Start.Add(-window)) {
			bg[k] = true
		}
	}
	return bg
}

type block struct {
	attribute string
	frame     *rules.Frame
	attr      *rules.Attribute
	claims    []*claims.Claim
	why       string
}

// blocks puts every comparable claim under a key naming its attribute and
// the occurrence of the event it is about, so that comparison never looks
// at pairs that cannot be about the same thing.
func (cm *comparer) blocks(cs []*claims.Claim) map[string]*block {
	out := map[string]*block{}
	for _, c := range cs {
		if !comparable(c) {
			continue
		}
		d := cm.docs[c.Doc]
		if d == nil {
			continue
		}
		for _, attr := range append([]string{c.Attribute}, c.Also...) {
			if attr == "" {
				continue
			}
			fname, aname, _ := strings.Cut(attr, ".")
			fr := cm.set.FrameByName(fname)
			if fr == nil || fr.NoCompare {
				continue
			}
			var at *rules.Attribute
			for _, a := range fr.Attributes {
				if a.Name == aname {
					at = a
				}
			}
			if at == nil {
				continue
			}
			key, ok := cm.instanceKey(c, d, fr, at)
			if !ok {
				continue
			}
			if at.PerSubject {
				if c.Subject == "" {
					continue // whose share it is was not found: not comparable
				}
				key += "|subject:" + c.Subject
			}
			key = attr + "|" + string(c.Kind) + "|" + key
			b := out[key]
			if b == nil {
				why := cm.instanceWhy(c, d, fr)
				if at.PerSubject {
					why += ", for " + c.Subject
				}
				b = &block{attribute: attr, frame: fr, attr: at, why: why}
				out[key] = b
			}
			b.claims = append(b.claims, c)
		}
	}
	return out
}

// comparable: a claim with a resolved value. Vague numbers ("several",
// "ratusan") say too little to contradict anything.
func comparable(c *claims.Claim) bool {
	switch c.Kind {
	case claims.KindDate:
		return c.Date != nil
	default:
		return c.Num != nil && !c.Num.Vague
	}
}

// unitKey keeps quantities of different dimensions and counts of different
// things apart.
func unitKey(c *claims.Claim) string {
	if c.Num == nil {
		return ""
	}
	switch c.Kind {
	case claims.KindCount:
		if c.Num.Counted == "" {
			return "people"
		}
		return c.Num.Counted
	case claims.KindDuration:
		return "time"
	case claims.KindMoney, claims.KindQuantity:
		return c.Num.Unit
	}
	return c.Num.Unit
}

// instanceKey says which occurrence of the event a claim is about. Events
// that happen once for given participants (a treaty's signing) are one
// occurrence per set of participants, across stories. Recurring events are
// only compared within one story, and a date only when it falls near the
// story's own time: "the last time the congress met, in 2016" is another
// congress, not a contradiction of this one.
func (cm *comparer) instanceKey(c *claims.Claim, d *claims.Document, fr *rules.Frame, at *rules.Attribute) (string, bool) {
	if fr.Once {
		if len(c.Participants) < 2 {
			return "", false
		}
		return "once:" + strings.Join(c.Participants, "+"), true
	}
	sid := cm.res.StoryOf[d.ID]
	st := cm.stories[sid]
	if st == nil || cm.background[sentenceKey{c.Doc, c.Sentence}] {
		return "", false
	}
	// A forward-looking attribute ("targets for 2030") names a target, not
	// when the event happened: no window applies to it.
	if c.Kind == claims.KindDate && !st.Start.IsZero() && !at.Forward {
		lo, hi := st.Start.AddDate(0, 0, -fr.WindowDays), st.End.Add(eventAfter)
		if !(c.Date.Start.Before(hi) && lo.Before(c.Date.End)) {
			return "", false
		}
	}
	if !d.HasDate() {
		// Which occurrence of a recurring event an undated article speaks
		// of cannot be told, and its story membership is itself a guess
		// from shared names: on ../shared/corpora, comparing undated
		// articles' figures paired the 2005 and 2008 Qeshm quakes.
		return "", false
	}
	return "story:" + strconv.Itoa(sid), true
}

// instanceWhy says in words why claims under one instance key were paired.
func (cm *comparer) instanceWhy(c *claims.Claim, d *claims.Document, fr *rules.Frame) string {
	if fr.Once {
		return fmt.Sprintf("both speak of a %s between %s", fr.Name, strings.Join(c.Participants, " and "))
	}
	st := cm.stories[cm.res.StoryOf[d.ID]]
	return fmt.Sprintf("both speak of the %s reported in the same story (articles published %s)", fr.Name, storyWindow(st))
}

func storyWindow(st *Story) string {
	if st.Start.IsZero() {
		return "on unknown dates"
	}
	if st.Start.Equal(st.End) {
		return st.Start.Format("2 Jan 2006")
	}
	return st.Start.Format("2 Jan 2006") + " to " + st.End.Format("2 Jan 2006")
}

// compareBlock finds pairs of claims from different sources whose values
// cannot both hold, groups the claims into sides by value, and reports a
// finding — or an agreement when every pair is compatible.
func (cm *comparer) compareBlock(key string, b *block) {
	// An article that itself gives incompatible values for this attribute
	// uses it for several things (per-village tolls, an earlier event):
	// none of its values can stand for the story's.
	byDoc := map[string][]*claims.Claim{}
	for _, c := range b.claims {
		byDoc[c.Doc] = append(byDoc[c.Doc], c)
	}
	var kept []*claims.Claim
	for _, c := range b.claims {
		if !ambiguous(byDoc[c.Doc]) {
			kept = append(kept, c)
		}
	}
	groups := map[string][]*claims.Claim{}
	var order []string
	for _, c := range kept {
		k := unitKey(c)
		if k == "victims" && b.frame.Name == "casualties" {
			k = "people" // "35 korban luka" are 35 people hurt
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], c)
	}
	for _, k := range order {
		sub := *b
		sub.claims = groups[k]
		cm.compareGroup(&sub)
	}
}

// ambiguous reports whether one article's claims in a block contradict
// each other.
func ambiguous(cs []*claims.Claim) bool {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if unitKey(cs[i]) == unitKey(cs[j]) && !compatible(cs[i], cs[j]) {
				return true
			}
		}
	}
	return false
}

func (cm *comparer) compareGroup(b *block) {
	srcs := map[string]bool{}
	for _, c := range b.claims {
		srcs[cm.res.SourceOf[c.Doc]] = true
	}
	if len(srcs) < 2 {
		return
	}
	sort.SliceStable(b.claims, func(i, j int) bool {
		if b.claims[i].Doc != b.claims[j].Doc {
			return b.claims[i].Doc < b.claims[j].Doc
		}
		return b.claims[i].Start < b.claims[j].Start
	})
	n := len(b.claims)
	conflicted := make([]bool, n)
	anyConflict := false
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			ci, cj := b.claims[i], b.claims[j]
			if cm.res.SourceOf[ci.Doc] == cm.res.SourceOf[cj.Doc] {
				continue
			}
			if !compatible(ci, cj) {
				conflicted[i], conflicted[j] = true, true
				anyConflict = true
			}
		}
	}
	if !anyConflict {
		ag := Agreement{Attribute: b.attribute, Value: representative(b.claims).Value, Claims: b.claims}
		for s := range srcs {
			ag.Sources = append(ag.Sources, s)
		}
		sort.Strings(ag.Sources)
		cm.res.Agreements = append(cm.res.Agreements, ag)
		return
	}
	// Sides: claims that take part in a conflict, grouped so every claim in
	// a side is compatible with the side's first claim.
	var sides []Side
	for i, c := range b.claims {
		if !conflicted[i] {
			continue
		}
		placed := false
		for k := range sides {
			if compatible(sides[k].Claims[0], c) && allCompatible(sides[k].Claims, c) {
				sides[k].Claims = append(sides[k].Claims, c)
				placed = true
				break
			}
		}
		if !placed {
			sides = append(sides, Side{Value: c.Value, Describe: describe(c), Claims: []*claims.Claim{c}})
		}
	}
	for k := range sides {
		rep := representative(sides[k].Claims)
		sides[k].Value, sides[k].Describe = rep.Value, cm.describeIn(rep)
		seen := map[string]bool{}
		for _, c := range sides[k].Claims {
			s := cm.res.SourceOf[c.Doc]
			if !seen[s] {
				seen[s] = true
				sides[k].Sources = append(sides[k].Sources, s)
			}
		}
		sort.Strings(sides[k].Sources)
	}
	if len(sides) < 2 {
		return
	}
	sort.SliceStable(sides, func(i, j int) bool {
		if len(sides[i].Sources) != len(sides[j].Sources) {
			return len(sides[i].Sources) < len(sides[j].Sources)
		}
		return sides[i].Sources[0] < sides[j].Sources[0]
	})
	f := Finding{Kind: string(b.claims[0].Kind), Attribute: b.attribute, Sides: sides, Category: Conflict}
	var all []*claims.Claim
	for _, s := range sides {
		all = append(all, s.Claims...)
	}
	f.ID = StableID(f.Kind, f.Attribute, all)
	f.Why = cm.why(b, all)
	if b.attr.Growing && cm.isUpdate(&f) {
		f.Category, f.Severity = Update, SevInfo
	} else {
		f.Severity = cm.severity(&f)
		if f.Severity <= SevLow {
			f.Category = Possible
		}
	}
	f.Summary = cm.summary(&f)
	cm.res.Findings = append(cm.res.Findings, f)
}

func allCompatible(cs []*claims.Claim, c *claims.Claim) bool {
	for _, x := range cs {
		if !compatible(x, c) {
			return false
		}
	}
	return true
}

// isUpdate reports whether a growing count rises from older to newer
// articles: each side's claims come from one publication date, and the
// newer the date, the higher the value. It marks the newest side.
func (cm *comparer) isUpdate(f *Finding) bool {
	type sd struct {
		date time.Time
		lo   float64
		idx  int
	}
	var ss []sd
	for k, s := range f.Sides {
		var date time.Time
		lo := math.Inf(1)
		for _, c := range s.Claims {
			d := cm.docs[c.Doc]
			if !d.HasDate() {
				return false
			}
			if !date.IsZero() && !date.Equal(d.Published) {
				return false
			}
			date = d.Published
			l, _ := interval(c)
			lo = math.Min(lo, l)
		}
		ss = append(ss, sd{date, lo, k})
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].date.Before(ss[j].date) })
	for i := 1; i < len(ss); i++ {
		if !ss[i].date.After(ss[i-1].date) || !(ss[i].lo > ss[i-1].lo) {
			return false
		}
	}
	f.Sides[ss[len(ss)-1].idx].Newest = true
	// Newest first.
	sort.SliceStable(f.Sides, func(i, j int) bool { return f.Sides[i].Newest && !f.Sides[j].Newest })
	return true
}

// severity: high when every side has at least one value written out in
// full; medium when a side rests only on inferred parts (a year read from
// the dateline) or approximate words; low when an article has no date, so
// even which occurrence it speaks of is uncertain.
func (cm *comparer) severity(f *Finding) Severity {
	sev := SevHigh
	for _, s := range f.Sides {
		for _, c := range s.Claims {
			if !cm.docs[c.Doc].HasDate() {
				return SevLow
			}
		}
		if !explicit(representative(s.Claims)) {
			sev = SevMedium
		}
	}
	return sev
}

func explicit(c *claims.Claim) bool {
	if c.Date != nil {
		return len(c.Date.Inferred) == 0 && !c.Date.Fuzzy
	}
	return c.Num == nil || !(c.Num.Approx || c.Num.Vague)
}

// representative picks the claim that states a side's value most
// explicitly: written parts over inferred ones, then document order.
func representative(cs []*claims.Claim) *claims.Claim {
	best := cs[0]
	score := func(c *claims.Claim) int {
		if c.Date != nil {
			n := len(c.Date.Inferred)
			if c.Date.Fuzzy {
				n += 5
			}
			return n
		}
		if explicit(c) {
			return 0
		}
		return 1
	}
	for _, c := range cs[1:] {
		if score(c) < score(best) {
			best = c
		}
	}
	return best
}

// describeIn describes a claim's value and, for parts inferred from a
// dateline, whose dateline it was.
func (cm *comparer) describeIn(c *claims.Claim) string {
	if c.Date == nil || len(c.Date.Inferred) == 0 {
		return describe(c)
	}
	d := *c.Date
	d.Inferred = nil
	s := d.Describe()
	if doc := cm.docs[c.Doc]; doc != nil && doc.HasDate() {
		s += fmt.Sprintf(" (%s read from %s's dateline, %s)", strings.Join(c.Date.Inferred, ", "), c.Doc, doc.Published.Format("2 Jan 2006"))
	}
	return s
}

func (cm *comparer) why(b *block, cs []*claims.Claim) string {
	trig := map[string]bool{}
	var tl []string
	for _, c := range cs {
		for _, t := range c.Triggers {
			k := strings.ToLower(t)
			if !trig[k] {
				trig[k] = true
				tl = append(tl, fmt.Sprintf("%q", t))
			}
		}
	}
	s := fmt.Sprintf("Paired as %s: %s", b.attribute, b.why)
	if len(tl) > 0 {
		s += "; event words " + strings.Join(tl, ", ")
	}
	return s + "."
}

// summary is the one line a person reads first: who says what, and why
// both cannot hold. The exact words are in the sides.
func (cm *comparer) summary(f *Finding) string {
	var parts []string
	for _, s := range f.Sides {
		verb := "says"
		if len(s.Sources) > 1 {
			verb = "say"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", strings.Join(s.Sources, " and "), verb, s.Describe))
	}
	label := strings.ReplaceAll(f.Attribute, ".", " ")
	if f.Category == Update {
		return fmt.Sprintf("Update on %s: %s; the newer article revises the figure.", label, strings.Join(parts, "; "))
	}
	return fmt.Sprintf("%s: %s — %s.", capitalize(label), strings.Join(parts, "; "), reason(f))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// reason says in words why the sides cannot both hold.
func reason(f *Finding) string {
	if len(f.Sides) < 2 {
		return "the values cannot both hold"
	}
	a, b := f.Sides[0].Claims[0], f.Sides[1].Claims[0]
	if a.Date != nil && b.Date != nil {
		return "the two periods do not overlap, so both cannot be right"
	}
	if a.Num != nil && b.Num != nil {
		alo, ahi := interval(a)
		blo, bhi := interval(b)
		if ahi < blo {
			return fmt.Sprintf("%s's upper bound (%s) is below %s's lower bound (%s)", a.Doc, claims.FormatNumber(ahi), b.Doc, claims.FormatNumber(blo))
		}
		if bhi < alo {
			return fmt.Sprintf("%s's upper bound (%s) is below %s's lower bound (%s)", b.Doc, claims.FormatNumber(bhi), a.Doc, claims.FormatNumber(alo))
		}
	}
	return "their ranges do not overlap"
}

// describe renders a claim's value for a person.
func describe(c *claims.Claim) string {
	if c.Date != nil {
		return c.Date.Describe()
	}
	if c.Num == nil {
		return c.Value
	}
	n := c.Num
	unit := n.Unit
	if c.Kind == claims.KindDuration {
		unit += "s"
	}
	lo, hi, loEx, hiEx := n.Bounds()
	var s string
	switch {
	case n.Vague:
		s = fmt.Sprintf("between %s and %s", claims.FormatNumber(lo), claims.FormatNumber(hi))
	case n.Approx && n.HighExclusive:
		s = "just under " + claims.FormatNumber(hi)
	case n.Approx:
		s = "about " + claims.FormatNumber(n.Value)
	case math.IsInf(hi, 1) && loEx:
		s = "more than " + claims.FormatNumber(lo)
	case math.IsInf(hi, 1):
		s = "at least " + claims.FormatNumber(lo)
	case math.IsInf(lo, -1) && hiEx:
		s = "fewer than " + claims.FormatNumber(hi)
	case math.IsInf(lo, -1):
		s = "at most " + claims.FormatNumber(hi)
	case lo != hi:
		s = claims.FormatNumber(lo) + " to " + claims.FormatNumber(hi)
	default:
		s = claims.FormatNumber(n.Value)
	}
	if unit != "" {
		s += " " + unit
	}
	if n.Counted != "" && c.Kind == claims.KindCount {
		s += " " + n.Counted
	}
	return s
}

// compatible reports whether two claims' values can both hold.
func compatible(a, b *claims.Claim) bool {
	if a.Date != nil && b.Date != nil {
		if a.Date.Range && b.Date.Range && !a.Date.Fuzzy && !b.Date.Fuzzy && a.Date.Gran == b.Date.Gran && a.Date.EndGran == b.Date.EndGran {
			// Two written ranges state both ends: "23 to 26 December" and
			// "23 to 27 December" overlap but cannot both be right.
			return a.Date.Start.Equal(b.Date.Start) && a.Date.End.Equal(b.Date.End)
		}
		as, ae := dayWindow(a.Date)
		bs, be := dayWindow(b.Date)
		return as.Before(be) && bs.Before(ae)
	}
	if a.Num == nil || b.Num == nil {
		return true
	}
	alo, ahi := interval(a)
	blo, bhi := interval(b)
	if alo > bhi || blo > ahi {
		return false
	}
	// Touching ends: excluded only when a bound there is exclusive.
	if alo == bhi && (a.Num.LowExclusive || b.Num.HighExclusive) && alo != ahi {
		return false
	}
	if blo == ahi && (b.Num.LowExclusive || a.Num.HighExclusive) && blo != bhi {
		return false
	}
	return true
}

// dayWindow is a date's interval, widened by a day on each side when the
// day itself was only resolved against a dateline ("this morning", "on
// Monday"): publication dates are often a day off (time zones, the date in
// a URL versus the print edition).
func dayWindow(d *claims.DateValue) (time.Time, time.Time) {
	if d.Relative && d.Gran >= claims.GranDay {
		return d.Start.AddDate(0, 0, -1), d.End.AddDate(0, 0, 1)
	}
	return d.Start, d.End
}

// interval returns the closed range a numeric claim allows, in base units,
// widened by the precision the number was written with: "58.6%" covers
// 58.55..58.65, "about 96.2 million" covers 96.15..96.25 million and a
// little more, and a round "5,000" covers 4,500..5,500.
func interval(c *claims.Claim) (float64, float64) {
	n := c.Num
	lo, hi, _, _ := n.Bounds()
	f := unitFactor(c)
	written := n.Precision
	if written == 0 {
		written = 1
	}
	// Trailing zeros suggest rounding ("5,000" may be 4,600), but never
	// more than a tenth of the value: "about 1,000 km" and "about 800 km"
	// are different figures.
	rounding := written
	if !n.Vague && n.Value >= 100 && written >= 1 {
		if tz := trailingZeros(n.Value); tz >= 2 {
			rounding = math.Max(written, math.Min(math.Pow(10, float64(tz)), 0.1*math.Abs(n.Value)))
		}
	}
	// Rounding widens only a value stated as a point ("5,000", "about
	// 800"); a bound the words give ("more than 100") is taken as written.
	point := n.Low != nil && n.High != nil && *n.Low == n.Value && *n.High == n.Value
	if point {
		// Just under half the last digit's place, so that "3" and "4"
		// (or "third" and "fourth") do not touch.
		pad := rounding * 0.49
		if n.Approx {
			pad = math.Max(pad, 0.05*n.Value)
		}
		lo, hi = lo-pad, hi+pad
	}
	return lo * f, hi * f
}

func trailingZeros(v float64) int {
	if v != math.Trunc(v) || v == 0 {
		return 0
	}
	n := 0
	for math.Mod(v, 10) == 0 {
		v /= 10
		n++
	}
	return n
}

var durationDays = map[string]float64{"year": 365.25, "decade": 3652.5, "century": 36525, "month": 30.44, "quarter": 91.31,
	"fortnight": 14, "week": 7, "weekend": 2, "day": 1, "hour": 1.0 / 24, "minute": 1.0 / 1440, "second": 1.0 / 86400}

func unitFactor(c *claims.Claim) float64 {
	if c.Kind == claims.KindDuration {
		if f, ok := durationDays[c.Num.Unit]; ok {
			return f
		}
	}
	return 1
}
