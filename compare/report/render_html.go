package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
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
		"sources":  func(n int) string { return plural(n, "source", "sources") },
		"docs":     func(n int) string { return plural(n, "document", "documents") },
		"findings": func(n int) string { return plural(n, "finding", "findings") },
		"badge":    badge,
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
//
// The page stays light however large the report: the findings table and
// the story list carry one short row each, and everything bulky — each
// finding's evidence, each story's consensus and timeline — travels in one
// JSON blob (Data) that the page's script turns into elements only when a
// reader opens it, with textContent, never as markup. Long tables are paged
// by the script.
type htmlPage struct {
	CSP       string
	CSS       template.CSS
	Script    template.JS
	Data      template.JS // the JSON blob; encoding/json escapes <, > and & so it cannot close its element
	Generated string
	CountLine string
	Stale     string
	Findings  []htmlFinding
	Stories   []htmlStory
	Documents []htmlDocument
	// Filters: the stories that have findings, and every attribute.
	StoryOptions []htmlStoryOption
	AttrOptions  []string
	// Desk is set only on the page crosscheck serve serves (RenderHTMLDesk).
	Desk *htmlDeskPage
}

type htmlDocument struct {
	ID, Published, Language, Status, Title, URL, Path string
	Story                                             int
	Skipped                                           bool
}

type htmlFinding struct {
	Order                              int
	ID, Mark, Severity, Category, Kind string
	SevRank, Story                     int
	Attribute, Summary                 string
	First                              *htmlSide  // the outlier, for the table
	Others                             []htmlSide // every other side
}

type htmlSide struct {
	Label   string       `json:"label"`
	Value   string       `json:"value"`
	Desc    string       `json:"desc,omitempty"`
	Sources []htmlSource `json:"sources"`
	Newest  bool         `json:"newest,omitempty"`
	Claims  []htmlClaim  `json:"claims"`
}

type htmlSource struct {
	ID  string `json:"id"`
	URL string `json:"url,omitempty"` // http(s) only
}

type htmlClaim struct {
	Where  string `json:"where"`
	Before string `json:"before,omitempty"`
	Match  string `json:"match"`
	After  string `json:"after,omitempty"`
}

// htmlStory is one story's line in the story list; its consensus and
// timeline are in the data blob.
type htmlStory struct {
	N         int
	Docs      []string // named in the summary (the first few)
	More      int      // documents not named
	NDocs     int
	Findings  int
	Contested int
	Attrs     string // space-separated, for the attribute filter
	From, To  string // the span of its dated claims
}

type htmlStoryOption struct {
	N        int
	Label    string
	Findings int
}

// htmlData is the JSON blob.
type htmlData struct {
	Findings []htmlEvidence           `json:"findings"` // by finding order
	Stories  map[string]htmlStoryData `json:"stories"`  // by story number
}

type htmlEvidence struct {
	Why    string     `json:"why,omitempty"`
	Review string     `json:"review,omitempty"`
	Sides  []htmlSide `json:"sides"`
}

type htmlStoryData struct {
	Docs      []string        `json:"docs"`
	Consensus []htmlAttribute `json:"consensus"`
	Timeline  htmlTimeline    `json:"timeline"`
}

type htmlAttribute struct {
	Attribute string      `json:"attribute"`
	Contested bool        `json:"contested,omitempty"`
	Sources   int         `json:"sources"` // distinct sources that state any value
	Values    []htmlValue `json:"values"`
}

type htmlValue struct {
	Value   string   `json:"value"`
	Sources []string `json:"sources"`
	Percent string   `json:"percent"` // share of the attribute's sources, for the bar width
}

type htmlTimeline struct {
	From string            `json:"from,omitempty"`
	To   string            `json:"to,omitempty"`
	Rows []htmlTimelineRow `json:"rows"`
}

type htmlTimelineRow struct {
	Doc       string      `json:"doc"`
	Published string      `json:"published"`
	Points    []htmlPoint `json:"points"`
}

type htmlPoint struct {
	Value, Text, Where, Attribute string
	HasBar                        bool
	Left, Width                   string // percentages of the timeline span
}

// A timeline point is written as an array, [value, text, where,
// attribute, left, width] (left and width "" without a bar): a large
// report has tens of thousands of them, and keys would double their size.
func (p htmlPoint) MarshalJSON() ([]byte, error) {
	left, width := "", ""
	if p.HasBar {
		left, width = p.Left, p.Width
	}
	return json.Marshal([6]string{p.Value, p.Text, p.Where, p.Attribute, left, width})
}

func (p *htmlPoint) UnmarshalJSON(b []byte) error {
	var a [6]string
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	*p = htmlPoint{Value: a[0], Text: a[1], Where: a[2], Attribute: a[3], HasBar: a[4] != "", Left: a[4], Width: a[5]}
	return nil
}

// storyDocsNamed is how many of a story's documents its summary names.
const storyDocsNamed = 6

// renderHTML writes the interactive single-file report.
func renderHTML(w io.Writer, r *Report, opt RenderOptions) error {
	page, err := buildHTMLPage(r, opt)
	if err != nil {
		return err
	}
	return htmlTemplate.Execute(w, page)
}

// buildHTMLPage computes what the report page shows.
func buildHTMLPage(r *Report, opt RenderOptions) (*htmlPage, error) {
	shown, hidden := visible(r, opt)
	byID := r.ClaimByID()
	docs := r.DocumentByID()
	storyOf := func(claimIDs []string) int {
		for _, id := range claimIDs {
			if c, ok := byID[id]; ok {
				if d, ok := docs[c.Doc]; ok && d.Story > 0 {
					return d.Story
				}
			}
		}
		return 0
	}
	page := htmlPage{
		CSP:       htmlCSP,
		CSS:       template.CSS(htmlCSS),
		Script:    template.JS(htmlJS),
		Generated: opt.now().UTC().Format("2006-01-02 15:04 UTC"),
		CountLine: countLine(r, shown, hidden),
		Stale:     staleWarning(r),
	}
	data := htmlData{Findings: []htmlEvidence{}, Stories: map[string]htmlStoryData{}}
	findingStory := make([]int, len(shown))
	for i, d := range shown {
		f := htmlFinding{
			Order: i, ID: d.ID, Mark: strings.Trim(d.Mark, "[]"), Severity: d.Severity, SevRank: sevRank(d.Severity),
			Category: d.Category, Kind: d.Kind, Attribute: d.Attribute, Summary: d.Summary, Story: storyOf(d.Claims),
		}
		findingStory[i] = f.Story
		ev := htmlEvidence{Why: d.Explanation}
		if d.Review != nil {
			ev.Review = reviewLine(d.Review)
		}
		for si, s := range d.Sides {
			cs := sideClaims(s, byID)
			hs := htmlSide{Label: string(rune('A' + si)), Value: s.Value, Newest: s.Newest}
			if s.Description != s.Value {
				hs.Desc = s.Description
			}
			for _, src := range sideSources(s, cs) {
				u := ""
				if doc, ok := docs[src]; ok {
					u = safeURL(doc.URL)
				}
				hs.Sources = append(hs.Sources, htmlSource{ID: src, URL: u})
			}
			for _, c := range cs {
				hc := htmlClaim{Where: location(c), Match: c.Text}
				if sn, ok := opt.Snippets[c.ID]; ok {
					hc.Before, hc.Match, hc.After = sn.Before, sn.Match, sn.After
				}
				hs.Claims = append(hs.Claims, hc)
			}
			ev.Sides = append(ev.Sides, hs)
		}
		if len(ev.Sides) > 0 {
			short := make([]htmlSide, len(ev.Sides))
			for k, hs := range ev.Sides {
				short[k] = hs
				short[k].Claims = nil
				for _, c := range hs.Claims {
					short[k].Claims = append(short[k].Claims, htmlClaim{Where: c.Where, Match: c.Match})
				}
			}
			f.First, f.Others = &short[0], short[1:]
		}
		page.Findings = append(page.Findings, f)
		data.Findings = append(data.Findings, ev)
	}

	// Stories: each story's documents, consensus and timeline, so that
	// figures from unrelated stories are never pooled.
	storyDocs := map[int][]*Document{}
	for i := range r.Documents {
		d := &r.Documents[i]
		if d.Story > 0 {
			storyDocs[d.Story] = append(storyDocs[d.Story], d)
		}
	}
	cons := consensus(r, shown, byID, findingStory, storyOf)
	tls := timelines(r, storyDocs)
	nFindings := map[int]int{}
	for _, s := range findingStory {
		nFindings[s]++
	}
	attrSet := map[string]bool{}
	var numbers []int
	for n := range storyDocs {
		if len(cons[n]) == 0 && len(tls[n].Rows) == 0 && nFindings[n] == 0 {
			continue
		}
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	for _, n := range numbers {
		ds := storyDocs[n]
		st := htmlStory{N: n, NDocs: len(ds), Findings: nFindings[n], From: tls[n].From, To: tls[n].To}
		ids := make([]string, len(ds))
		for i, d := range ds {
			ids[i] = d.ID
		}
		st.Docs = ids[:min(len(ids), storyDocsNamed)]
		st.More = len(ids) - len(st.Docs)
		var attrs []string
		for _, a := range cons[n] {
			attrs = append(attrs, a.Attribute)
			attrSet[a.Attribute] = true
			if a.Contested {
				st.Contested++
			}
		}
		st.Attrs = strings.Join(attrs, " ")
		page.Stories = append(page.Stories, st)
		data.Stories[strconv.Itoa(n)] = htmlStoryData{Docs: ids, Consensus: cons[n], Timeline: tls[n]}
		if st.Findings > 0 {
			page.StoryOptions = append(page.StoryOptions, htmlStoryOption{N: n, Label: storyLabel(st), Findings: st.Findings})
		}
	}
	for _, f := range page.Findings {
		attrSet[f.Attribute] = true
	}
	delete(attrSet, "")
	for a := range attrSet {
		page.AttrOptions = append(page.AttrOptions, a)
	}
	sort.Strings(page.AttrOptions)

	for i := range r.Documents {
		d := &r.Documents[i]
		page.Documents = append(page.Documents, htmlDocument{
			ID: d.ID, Published: published(d), Language: orDash(d.Language), Status: docStatus(d),
			Title: d.Title, URL: d.URL, Path: d.Path, Story: d.Story, Skipped: d.Status == "skipped",
		})
	}
	blob, err := json.Marshal(data) // escapes <, >, &, U+2028 and U+2029
	if err != nil {
		return nil, err
	}
	page.Data = template.JS(blob)
	return &page, nil
}

// storyLabel names a story in the filter: its number and first documents.
func storyLabel(st htmlStory) string {
	s := "Story " + strconv.Itoa(st.N) + ": " + strings.Join(st.Docs, ", ")
	if st.More > 0 {
		s += " +" + strconv.Itoa(st.More)
	}
	return s
}

// safeURL passes only http and https URLs into the data blob, whose links
// the script builds: html/template's URL filter does not see them there.
func safeURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

// consensus counts, per story and attribute, how many independent sources
// give each value. It draws on the pairings compare made — the sides of the
// shown findings and the agreements — rather than on every claim with the
// same attribute, because only those were judged to speak of the same
// event; and it never pools two stories.
func consensus(r *Report, shown []shownFinding, byID map[string]*Claim, findingStory []int, storyOf func([]string) int) map[int][]htmlAttribute {
	type acc struct {
		contested bool
		values    map[string]map[string]bool // value -> sources
	}
	type key struct {
		story int
		attr  string
	}
	attrs := map[key]*acc{}
	add := func(story int, attr, value string, sources []string, contested bool) {
		if attr == "" || story == 0 {
			return
		}
		k := key{story, attr}
		a := attrs[k]
		if a == nil {
			a = &acc{values: map[string]map[string]bool{}}
			attrs[k] = a
		}
		a.contested = a.contested || contested
		if a.values[value] == nil {
			a.values[value] = map[string]bool{}
		}
		for _, s := range sources {
			a.values[value][s] = true
		}
	}
	for i, d := range shown {
		for _, s := range d.Sides {
			add(findingStory[i], d.Attribute, s.Value, sideSources(s, sideClaims(s, byID)), true)
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
		add(storyOf(ag.Claims), ag.Attribute, value, src, false)
	}
	keys := make([]key, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].story != keys[j].story {
			return keys[i].story < keys[j].story
		}
		return keys[i].attr < keys[j].attr
	})
	out := map[int][]htmlAttribute{}
	for _, k := range keys {
		a := attrs[k]
		all := map[string]bool{}
		ha := htmlAttribute{Attribute: k.attr, Contested: a.contested}
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
		out[k.story] = append(out[k.story], ha)
	}
	return out
}

// timelines places the date claims of each story's documents on that
// story's own axis, so a reader sees at a glance which source puts an event
// earlier or later — and the axis spans one story, not every year any
// article mentions.
func timelines(r *Report, storyDocs map[int][]*Document) map[int]htmlTimeline {
	byDoc := map[string][]*Claim{}
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.Kind == "date" {
			byDoc[c.Doc] = append(byDoc[c.Doc], c)
		}
	}
	out := map[int]htmlTimeline{}
	for n, ds := range storyDocs {
		if tl := timeline(ds, byDoc); len(tl.Rows) > 0 {
			out[n] = tl
		}
	}
	return out
}

// timeline lays out the date claims of docs on one shared axis.
func timeline(docs []*Document, byDoc map[string][]*Claim) htmlTimeline {
	type point struct {
		htmlPoint
		start, end time.Time
		ok         bool
	}
	perDoc := map[string][]point{}
	var lo, hi time.Time
	for _, d := range docs {
		for _, c := range byDoc[d.ID] {
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
	}
	tl := htmlTimeline{Rows: []htmlTimelineRow{}}
	if len(perDoc) == 0 {
		return tl
	}
	span := hi.Sub(lo)
	if !lo.IsZero() {
		tl.From, tl.To = lo.Format("2006-01-02"), hi.Add(-time.Nanosecond).Format("2006-01-02")
	}
	for _, d := range docs {
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
