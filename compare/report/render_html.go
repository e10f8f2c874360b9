package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The HTML report is one self-contained file: the template, style and
// script are embedded, and the Content-Security-Policy allows nothing but
// that one script (by hash) and inline styles. Article text only ever
// reaches the page through html/template's contextual escaping; the CSP is a
// second wall should that ever fail, not the first.
var (
	//go:embed render_html.tmpl
	htmlTemplateText string
	//go:embed render_html.css
	htmlCSS string
	//go:embed render_html.js
	htmlJS string

	htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
		"sources": func(n int) string { return plural(n, "source", "sources") },
		"badge":   badge,
	}).Parse(htmlTemplateText))

	htmlCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " +
		"script-src 'sha256-" + hashJS(htmlJS) + "'"
)

func hashJS(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// htmlPage is everything the template shows, computed in Go so that the
// template only lays out and escapes.
type htmlPage struct {
	CSP       string
	CSS       template.CSS
	Script    template.JS
	Generated string
	CountLine string
	Stale     string
	Findings  []htmlFinding
	Consensus []htmlAttribute
	Timeline  htmlTimeline
	Documents []htmlDocument
}

type htmlDocument struct {
	ID, Published, Language, Status, Title, URL, Path string
	Skipped                                           bool
}

type htmlFinding struct {
	Order                                   int
	ID, Mark, Severity, Category, Kind      string
	SevRank                                 int
	Attribute, Summary, Explanation, Review string
	Sides                                   []htmlSide
	First                                   *htmlSide  // the outlier, for the table
	Others                                  []htmlSide // every other side
}

type htmlSide struct {
	Label, Value, Description string
	Sources                   []htmlSource
	Newest                    bool
	Claims                    []htmlClaim
}

type htmlSource struct{ ID, URL string }

type htmlClaim struct {
	Where                string
	Before, Match, After string
	HasContext           bool
}

type htmlAttribute struct {
	Attribute string
	Contested bool
	Sources   int // distinct sources that state any value
	Values    []htmlValue
}

type htmlValue struct {
	Value   string
	Sources []string
	Percent string // share of the attribute's sources, for the bar width
}

type htmlTimeline struct {
	From, To string
	Rows     []htmlTimelineRow
}

type htmlTimelineRow struct {
	Doc, Published string
	Points         []htmlPoint
}

type htmlPoint struct {
	Value, Text, Where, Attribute string
	HasBar                        bool
	Left, Width                   string // percentages of the timeline span
}

// renderHTML writes the interactive single-file report.
func renderHTML(w io.Writer, r *Report, opt RenderOptions) error {
	shown, hidden := visible(r, opt)
	byID := r.ClaimByID()
	docs := r.DocumentByID()
	page := htmlPage{
		CSP:       htmlCSP,
		CSS:       template.CSS(htmlCSS),
		Script:    template.JS(htmlJS),
		Generated: opt.now().UTC().Format("2006-01-02 15:04 UTC"),
		CountLine: countLine(r, shown, hidden),
		Stale:     staleWarning(r),
	}
	for i, d := range shown {
		f := htmlFinding{
			Order: i, ID: d.ID, Mark: strings.Trim(d.Mark, "[]"), Severity: d.Severity, SevRank: sevRank(d.Severity),
			Category: d.Category, Kind: d.Kind, Attribute: d.Attribute, Summary: d.Summary, Explanation: d.Explanation,
		}
		if d.Review != nil {
			f.Review = reviewLine(d.Review)
		}
		for si, s := range d.Sides {
			cs := sideClaims(s, byID)
			hs := htmlSide{Label: string(rune('A' + si)), Value: s.Value, Newest: s.Newest}
			if s.Description != s.Value {
				hs.Description = s.Description
			}
			for _, src := range sideSources(s, cs) {
				u := ""
				if doc, ok := docs[src]; ok {
					u = doc.URL
				}
				hs.Sources = append(hs.Sources, htmlSource{ID: src, URL: u})
			}
			for _, c := range cs {
				hc := htmlClaim{Where: location(c), Match: c.Text}
				if sn, ok := opt.Snippets[c.ID]; ok {
					hc.Before, hc.Match, hc.After, hc.HasContext = sn.Before, sn.Match, sn.After, true
				}
				hs.Claims = append(hs.Claims, hc)
			}
			f.Sides = append(f.Sides, hs)
		}
		if len(f.Sides) > 0 {
			f.First, f.Others = &f.Sides[0], f.Sides[1:]
		}
		page.Findings = append(page.Findings, f)
	}
	page.Consensus = consensus(r, shown, byID)
	page.Timeline = timeline(r)
	for i := range r.Documents {
		d := &r.Documents[i]
		page.Documents = append(page.Documents, htmlDocument{
			ID: d.ID, Published: published(d), Language: orDash(d.Language), Status: docStatus(d),
			Title: d.Title, URL: d.URL, Path: d.Path, Skipped: d.Status == "skipped",
		})
	}
	return htmlTemplate.Execute(w, page)
}

// consensus counts, per attribute, how many independent sources give each
// value. It draws on the pairings compare made — the sides of the shown
// findings and the agreements — rather than on every claim with the same
// attribute, because only those were judged to speak of the same event.
func consensus(r *Report, shown []shownFinding, byID map[string]*Claim) []htmlAttribute {
	type acc struct {
		contested bool
		values    map[string]map[string]bool // value -> sources
	}
	attrs := map[string]*acc{}
	add := func(attr, value string, sources []string, contested bool) {
		if attr == "" {
			return
		}
		a := attrs[attr]
		if a == nil {
			a = &acc{values: map[string]map[string]bool{}}
			attrs[attr] = a
		}
		a.contested = a.contested || contested
		if a.values[value] == nil {
			a.values[value] = map[string]bool{}
		}
		for _, s := range sources {
			a.values[value][s] = true
		}
	}
	for _, d := range shown {
		for _, s := range d.Sides {
			add(d.Attribute, s.Value, sideSources(s, sideClaims(s, byID)), true)
		}
	}
	for _, ag := range r.Agreements {
		src := ag.Sources
		if len(src) == 0 {
			src = claimDocs(ag.Claims, byID)
		}
		value := ag.Value
		if value == "" && len(ag.Claims) > 0 {
			if c, ok := byID[ag.Claims[0]]; ok {
				value = c.Value
			}
		}
		add(ag.Attribute, value, src, false)
	}
	names := make([]string, 0, len(attrs))
	for k := range attrs {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]htmlAttribute, 0, len(names))
	for _, name := range names {
		a := attrs[name]
		all := map[string]bool{}
		ha := htmlAttribute{Attribute: name, Contested: a.contested}
		for v, srcs := range a.values {
			hv := htmlValue{Value: v}
			for s := range srcs {
				hv.Sources = append(hv.Sources, s)
				all[s] = true
			}
			sort.Strings(hv.Sources)
			ha.Values = append(ha.Values, hv)
		}
		ha.Sources = len(all)
		for i := range ha.Values {
			ha.Values[i].Percent = pct(float64(len(ha.Values[i].Sources)) / float64(max(1, ha.Sources)))
		}
		sort.Slice(ha.Values, func(i, j int) bool {
			vi, vj := ha.Values[i], ha.Values[j]
			if len(vi.Sources) != len(vj.Sources) {
				return len(vi.Sources) > len(vj.Sources)
			}
			return vi.Value < vj.Value
		})
		out = append(out, ha)
	}
	return out
}

// timeline places every date claim of every document on one shared axis,
// so a reader sees at a glance which source puts an event earlier or later.
func timeline(r *Report) htmlTimeline {
	type point struct {
		htmlPoint
		start, end time.Time
		ok         bool
	}
	perDoc := map[string][]point{}
	var lo, hi time.Time
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.Kind != "date" {
			continue
		}
		p := point{htmlPoint: htmlPoint{Value: c.Value, Text: c.Text, Where: location(c), Attribute: c.Attribute}}
		p.start, p.end, p.ok = parseISOInterval(c.Value)
		if p.ok {
			if lo.IsZero() || p.start.Before(lo) {
				lo = p.start
			}
			if hi.IsZero() || p.end.After(hi) {
				hi = p.end
			}
		}
		perDoc[c.Doc] = append(perDoc[c.Doc], p)
	}
	tl := htmlTimeline{}
	if len(perDoc) == 0 {
		return tl
	}
	span := hi.Sub(lo)
	if !lo.IsZero() {
		tl.From, tl.To = lo.Format("2006-01-02"), hi.Add(-time.Nanosecond).Format("2006-01-02")
	}
	for i := range r.Documents {
		d := &r.Documents[i]
		ps := perDoc[d.ID]
		if len(ps) == 0 {
			continue
		}
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].ok != ps[j].ok {
				return ps[i].ok
			}
			if ps[i].ok && !ps[i].start.Equal(ps[j].start) {
				return ps[i].start.Before(ps[j].start)
			}
			return ps[i].Value < ps[j].Value
		})
		row := htmlTimelineRow{Doc: d.ID, Published: published(d)}
		for _, p := range ps {
			if p.ok && span > 0 {
				p.HasBar = true
				p.Left = pct(float64(p.start.Sub(lo)) / float64(span))
				p.Width = pct(max(float64(p.end.Sub(p.start))/float64(span), 0.006))
			}
			row.Points = append(row.Points, p.htmlPoint)
		}
		tl.Rows = append(tl.Rows, row)
	}
	return tl
}

// pct formats a fraction as a CSS percentage number ("12.5").
func pct(f float64) string {
	f = min(max(f, 0), 1)
	return strconv.FormatFloat(f*100, 'f', 1, 64)
}

// parseISOInterval reads the canonical date values crosscheck writes —
// "2024", "2024-06", "2024-12-27", "2023-02-06T04:17", "2024-Q3", "2024-H1",
// "2024-W05", decades as "202", and ranges "a/b" — into a half-open UTC
// interval [start, end).
func parseISOInterval(v string) (start, end time.Time, ok bool) {
	if a, b, found := strings.Cut(v, "/"); found {
		s, _, ok1 := parseISOInterval(a)
		_, e, ok2 := parseISOInterval(b)
		return s, e, ok1 && ok2 && e.After(s)
	}
	atoi := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	switch {
	case len(v) == 3: // decade
		if d, ok := atoi(v); ok {
			s := time.Date(d*10, 1, 1, 0, 0, 0, 0, time.UTC)
			return s, s.AddDate(10, 0, 0), true
		}
	case len(v) == 4:
		if y, ok := atoi(v); ok {
			s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			return s, s.AddDate(1, 0, 0), true
		}
	case len(v) == 7 && (v[5] == 'Q' || v[5] == 'H'):
		y, ok1 := atoi(v[:4])
		n, ok2 := atoi(v[6:])
		months := 3
		if v[5] == 'H' {
			months = 6
		}
		if ok1 && ok2 && n >= 1 && n <= 12/months {
			s := time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
			return s, s.AddDate(0, months, 0), true
		}
	case len(v) == 8 && v[5] == 'W':
		y, ok1 := atoi(v[:4])
		wk, ok2 := atoi(v[6:])
		if ok1 && ok2 && wk >= 1 && wk <= 53 {
			// ISO week 1 holds 4 January; weeks start on Monday.
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
			s := monday.AddDate(0, 0, 7*(wk-1))
			return s, s.AddDate(0, 0, 7), true
		}
	case len(v) == 7:
		if t, err := time.Parse("2006-01", v); err == nil {
			return t, t.AddDate(0, 1, 0), true
		}
	case len(v) == 10:
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return t, t.AddDate(0, 0, 1), true
		}
	case len(v) == 16:
		if t, err := time.Parse("2006-01-02T15:04", v); err == nil {
			return t, t.Add(time.Minute), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// badge is the CSS class suffix for a severity, limited to known names so
// that the class attribute never carries arbitrary text.
func badge(sev string) string {
	switch sev {
	case "high", "medium", "low", "info":
		return sev
	}
	return "unknown"
}
