package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// Internal finding kinds: one article disagreeing with itself.
const (
	KindWeekdayMismatch = "weekday-mismatch"
	KindDurationRange   = "duration-range"
	KindAnachronism     = "anachronism"
	KindConversion      = "conversion"
)

// internalChecks looks for contradictions inside single articles.
func (cm *comparer) internalChecks(cs []*claims.Claim) []Finding {
	var out []Finding
	check := func(id string, list []*claims.Claim) {
		d := cm.docs[id]
		if d == nil {
			return
		}
		for _, c := range list {
			if c.Date == nil {
				continue // both checks below are about dates
			}
			if f, ok := weekdayMismatch(c); ok {
				out = append(out, f)
			}
			if f, ok := cm.anachronism(c, d); ok {
				out = append(out, f)
			}
		}
		out = append(out, cm.durationRange(list)...)
		out = append(out, cm.conversions(d, list)...)
	}
	// Articles in id order, each with its claims in cs order: runs of cs
	// when it is in document order, as extraction returns it.
	if slices.IsSortedFunc(cs, func(a, b *claims.Claim) int { return strings.Compare(a.Doc, b.Doc) }) {
		for lo := 0; lo < len(cs); {
			hi := lo + 1
			for hi < len(cs) && cs[hi].Doc == cs[lo].Doc {
				hi++
			}
			check(cs[lo].Doc, cs[lo:hi:hi])
			lo = hi
		}
		return out
	}
	byDoc := map[string][]*claims.Claim{}
	for _, c := range cs {
		byDoc[c.Doc] = append(byDoc[c.Doc], c)
	}
	docs := make([]string, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, id := range docs {
		check(id, byDoc[id])
	}
	return out
}

func internalFinding(kind, attr, summary string, cs ...*claims.Claim) Finding {
	f := Finding{Kind: kind, Category: Internal, Severity: SevMedium, Attribute: attr, Summary: summary}
	for _, c := range cs {
		f.Sides = append(f.Sides, Side{Value: c.Value, Describe: describe(c), Claims: []*claims.Claim{c}, Sources: []string{c.Doc}})
	}
	f.ID = StableID(kind, attr, cs)
	return f
}

// weekdayMismatch: "Tuesday, February 6, 2023" when 6 February 2023 was a Monday.
func weekdayMismatch(c *claims.Claim) (Finding, bool) {
	if c.Date == nil || c.Date.Weekday == 0 {
		return Finding{}, false
	}
	want := time.Weekday(c.Date.Weekday % 7)
	got := c.Date.Start.Weekday()
	if want == got {
		return Finding{}, false
	}
	s := fmt.Sprintf("%s writes %q, but %s was a %s, not a %s.", c.Doc, c.Text, c.Date.Start.Format("2 January 2006"), got, want)
	f := internalFinding(KindWeekdayMismatch, orAttr(c.Attribute, "date"), s, c)
	f.Why = "The weekday and the date are written side by side."
	return f, true
}

func orAttr(a, def string) string {
	if a == "" {
		return def
	}
	return a
}

// anachronism: a forward-looking value ("policies for 2024", future tense)
// that is already over — or all but over — at the article's dateline.
func (cm *comparer) anachronism(c *claims.Claim, d *claims.Document) (Finding, bool) {
	if c.Date == nil || c.Tense != claims.TenseFuture || !d.HasDate() || len(c.Date.Inferred) > 0 || c.Date.Relative {
		return Finding{}, false
	}
	at := cm.attribute(c.Attribute)
	if at == nil || !at.Forward {
		return Finding{}, false
	}
	left := c.Date.End.Sub(d.Published)
	span := c.Date.End.Sub(c.Date.Start)
	if left > span/24 {
		return Finding{}, false
	}
	s := fmt.Sprintf("%s, dated %s, looks ahead to %s (%q), which is over or nearly over at the dateline.", c.Doc, d.Published.Format("2 January 2006"), c.Date.Describe(), c.Text)
	f := internalFinding(KindAnachronism, c.Attribute, s, c)
	f.Why = "A forward-looking sentence (future tense) names a period that has already passed at the publication date."
	return f, true
}

func (cm *comparer) attribute(attr string) *rules.Attribute {
	_, at, _ := cm.set.Attribute(attr)
	return at
}

// durationRange: "a five-day meeting" against "from 23 to 26 December" in
// the same article and frame.
func (cm *comparer) durationRange(list []*claims.Claim) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, du := range list {
		if du.Kind != claims.KindDuration || du.Num == nil || du.Num.Unit != "day" || du.Frame == "" ||
			cm.background(du) {
			continue
		}
		for _, r := range list {
			if r.Date == nil || !r.Date.Range || r.Frame != du.Frame || r.Date.Gran != claims.GranDay ||
				cm.background(r) {
				continue
			}
			days := math.Round(r.Date.End.Sub(r.Date.Start).Hours() / 24)
			lo, hi := interval(du)
			if days >= lo && days <= hi {
				continue
			}
			s := fmt.Sprintf("%s calls it %q but dates it %q, which is %s days (counting both ends).", du.Doc, du.Text, r.Text, claims.FormatNumber(days))
			f := internalFinding(KindDurationRange, du.Frame+".duration", s, du, r)
			f.Why = fmt.Sprintf("Both speak of the same %s in one article.", du.Frame)
			if !seen[f.ID] {
				seen[f.ID] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// conversions: "15,000 kilometers (9,320 miles)" holds; "10 km (3 miles)"
// does not.
func (cm *comparer) conversions(d *claims.Document, list []*claims.Claim) []Finding {
	lang := cm.set.Languages[d.Language]
	if lang == nil {
		return nil
	}
	var out []Finding
	for i := 0; i+1 < len(list); i++ {
		a, b := list[i], list[i+1]
		if a.Kind != claims.KindQuantity || b.Kind != claims.KindQuantity || a.Num == nil || b.Num == nil || a.Num.Unit == b.Num.Unit {
			continue
		}
		between := d.Text[a.End:b.Start]
		if b.Start-a.End > 4 || !strings.Contains(between, "(") {
			continue
		}
		ua, ub := unitOf(lang, a.Num.Unit), unitOf(lang, b.Num.Unit)
		if ua == nil || ub == nil || ua.Dimension != ub.Dimension || ua.Dimension == "temperature" {
			continue
		}
		va, vb := a.Num.Value*ua.Factor, b.Num.Value*ub.Factor
		// Tolerance: 5%, or the rounding of the converted figure (writers
		// round "80.5 km" to "50 miles"), or the first figure's written
		// precision, whichever is largest.
		tol := math.Max(0.05*math.Max(va, vb), math.Max(a.Num.Precision/2*ua.Factor, roundingOf(b)/2*ub.Factor))
		if math.Abs(va-vb) <= tol {
			continue
		}
		s := fmt.Sprintf("%s gives %q as %q, but %s %s is about %s %s.", d.ID, a.Text, b.Text,
			claims.FormatNumber(a.Num.Value), a.Num.Unit, claims.FormatNumber(math.Round(va/ub.Factor*10)/10), b.Num.Unit)
		f := internalFinding(KindConversion, orAttr(a.Attribute, "quantity"), s, a, b)
		f.Why = "A figure and its conversion in parentheses."
		out = append(out, f)
	}
	return out
}

// roundingOf is the place of a figure's last non-zero digit: 10 for "50",
// 1 for "9,321", 0.1 for "2.5".
func roundingOf(c *claims.Claim) float64 {
	p := c.Num.Precision
	if tz := trailingZeros(c.Num.Value); tz >= 1 {
		p = math.Max(p, math.Pow(10, float64(tz)))
	}
	return p
}

func unitOf(l *rules.Language, name string) *rules.Unit {
	for i := range l.UnitList {
		if l.UnitList[i].Name == name {
			return &l.UnitList[i]
		}
	}
	return nil
}

// mergeInternal folds an internal finding into a cross-source finding that
// already shows all of its claims, adding its explanation there, so one
// problem is one row; other internal findings stay on their own.
func mergeInternal(fs, internal []Finding) []Finding {
	if len(internal) == 0 {
		return fs
	}
	// For each claim of an internal finding, the findings that show it, so
	// that merging stays linear in the number of findings (and holds no
	// entry for the other claims: an archive's findings quote tens of
	// thousands).
	wanted := map[string]bool{}
	for _, in := range internal {
		for _, id := range in.ClaimIDs() {
			wanted[id] = true
		}
	}
	byClaim := map[string][]int{}
	for k := range fs {
		for _, id := range fs[k].ClaimIDs() {
			if wanted[id] {
				byClaim[id] = append(byClaim[id], k)
			}
		}
	}
	n := len(fs)
	for _, in := range internal {
		ids := in.ClaimIDs()
		merged := false
		if len(ids) > 0 {
			for _, k := range byClaim[ids[0]] {
				all := true
				for _, id := range ids[1:] {
					all = all && containsInt(byClaim[id], k)
				}
				if all && k < n {
					fs[k].Summary += " Also: " + in.Summary
					merged = true
					break
				}
			}
		}
		if !merged {
			fs = append(fs, in)
		}
	}
	return fs
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
