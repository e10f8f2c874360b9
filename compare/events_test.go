package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/rules"
)

func TestLeadEnd(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string // want: the text up to the lead's end
	}{
		{"title line and two sentences",
			"title: Quake hits town\ndate: 2020-01-01\n\nA quake hit the town. Ten died. Rescuers came.\n",
			"title: Quake hits town\ndate: 2020-01-01\n\nA quake hit the town. Ten died."},
		{"one sentence a line",
			"First line here.\nSecond line here.\nThird line.\n",
			"First line here.\nSecond line here.\nThird line."},
		{"abbreviations are no ends",
			"Officials in the U.S. said so. Jan. 4 was cold. It rained. More.",
			"Officials in the U.S. said so. Jan. 4 was cold. It rained."},
		{"no sentence end: the limit",
			strings.Repeat("word ", 300), strings.Repeat("word ", 300)[:leadLimit]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.text[:leadEnd(tc.text)]; got != tc.want {
				t.Errorf("lead = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTitleSpan(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"title: Floods in Lorne\ndate: 2020-01-01\n\nBody.", "title: Floods in Lorne"},
		{"Floods in Lorne\n\nRain fell on Monday.", "Floods in Lorne"},
		{"Rain fell on Monday.\nMore rain.", ""},
	} {
		if got := tc.text[:titleSpan(tc.text)]; got != tc.want {
			t.Errorf("titleSpan(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// use adds n to the names l's text uses, keeping l.all sorted.
func (l *lead) use(n string) {
	if k, ok := slices.BinarySearch(l.all, n); !ok {
		l.all = slices.Insert(l.all, k, n)
	}
}

// TestVeto covers each anchor that tells two occurrences apart, and the
// differences that do not.
func TestVeto(t *testing.T) {
	freq := map[string]int{"orsk": 2, "velden": 2, "harbour": 1}
	l := func(mod func(*lead)) *lead {
		x := &lead{}
		mod(x)
		return x
	}
	for _, tc := range []struct {
		name   string
		a, b   *lead
		vetoed bool
	}{
		{"weekdays differ", l(func(x *lead) { x.weekdays = 1 << 6 }), l(func(x *lead) { x.weekdays = 1 << 1 }), true},
		{"one weekday shared", l(func(x *lead) { x.weekdays = 1<<6 | 1 }), l(func(x *lead) { x.weekdays = 1 }), false},
		{"magnitudes 0.5 apart", l(func(x *lead) { x.mags = []float64{5.6} }), l(func(x *lead) { x.mags = []float64{6.1, 5.9} }), true},
		{"magnitudes 0.2 apart: a discrepancy, not another quake", l(func(x *lead) { x.mags = []float64{5.9} }), l(func(x *lead) { x.mags = []float64{6.1} }), false},
		{"sums of another order", l(func(x *lead) { x.money = []figure{{"USD", 137e6}} }), l(func(x *lead) { x.money = []figure{{"USD", 2.6e6}} }), true},
		{"one close sum is enough", l(func(x *lead) { x.money = []figure{{"USD", 55e9}, {"USD", 11.5e9}} }), l(func(x *lead) { x.money = []figure{{"USD", 11e9}} }), false},
		{"other currencies are not compared", l(func(x *lead) { x.money = []figure{{"EUR", 2e6}} }), l(func(x *lead) { x.money = []figure{{"USD", 137e6}} }), false},
		{"years differ", l(func(x *lead) { x.years = []int{2009} }), l(func(x *lead) { x.years = []int{2013, 2004} }), true},
		{"places each side never mentions",
			l(func(x *lead) { x.names, x.general = []string{"orsk"}, []bool{false}; x.use("orsk") }),
			l(func(x *lead) { x.names, x.general = []string{"velden"}, []bool{false}; x.use("velden") }), true},
		{"a place the other mentions later is no veto",
			l(func(x *lead) {
				x.names, x.general = []string{"orsk"}, []bool{false}
				x.use("orsk")
				x.use("velden")
			}),
			l(func(x *lead) { x.names, x.general = []string{"velden"}, []bool{false}; x.use("velden") }), false},
		{"a name only one text uses is no place",
			l(func(x *lead) { x.names, x.general = []string{"harbour"}, []bool{false}; x.use("harbour") }),
			l(func(x *lead) { x.names, x.general = []string{"velden"}, []bool{false}; x.use("velden") }), false},
		{"nothing to tell them apart", l(func(*lead) {}), l(func(*lead) {}), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := veto(tc.a, tc.b, freq) != ""; got != tc.vetoed {
				t.Errorf("vetoed = %v, want %v (%q)", got, tc.vetoed, veto(tc.a, tc.b, freq))
			}
		})
	}
}

// extractAll reads documents with the built-in rules.
func extractAll(t *testing.T, docs []*claims.Document) []*claims.Claim {
	t.Helper()
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e := extract.New(set)
	var cs []*claims.Claim
	for _, d := range docs {
		cs = append(cs, e.Extract(d)...)
	}
	return cs
}

func doc(id, published, text string) *claims.Document {
	d := &claims.Document{ID: id, Path: id + ".txt", Text: text, Status: claims.StatusRead}
	if published != "" {
		d.Published, _ = time.Parse("2006-01-02", published)
	}
	return d
}

// TestRegroup checks where undated articles land: with the dated story
// whose leads they share, with each other, or alone with a reason.
func TestRegroup(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	docs := []*claims.Document{
		doc("a", "2019-05-07", "title: Quake shakes Velden\n\nA magnitude-6.0 earthquake struck near Velden on Tuesday, injuring 12 people.\nThe quake was felt across Velden.\n"),
		doc("b", "", "title: Velden shaken\n\nA quake struck near Velden on Tuesday. Officials in Velden said 15 people were hurt.\n"),
		doc("c", "", "A powerful magnitude-7.2 earthquake rocked Orsk on Sunday, injuring 140 people.\nDozens of buildings collapsed in Orsk.\n"),
		doc("d", "", "The Orsk earthquake on Sunday injured 150 people, officials in Orsk said.\nRescuers searched the ruins of Orsk.\n"),
		doc("e", "", "A ferry sank off Marlin Bay on Friday with 30 passengers aboard.\n"),
	}
	cs := extractAll(t, docs)
	ex := Explain(docs, cs, set)
	story := ex.Result.StoryOf
	if story["a"] != story["b"] {
		t.Errorf("b (undated, same place and weekday) is not in a's story: %v", story)
	}
	if story["c"] == story["a"] || story["c"] != story["d"] {
		t.Errorf("c and d (another quake, undated) should be one story apart from a's: %v", story)
	}
	if story["e"] == story["a"] || story["e"] == story["c"] {
		t.Errorf("e shares nothing and should stand alone: %v", story)
	}
	// The figures of c never meet a's.
	for _, c := range cs {
		if c.Doc != "c" {
			continue
		}
		for _, tr := range ex.Traces[c] {
			for _, m := range tr.Met {
				if m.Claim.Doc == "a" || m.Claim.Doc == "b" {
					t.Errorf("%s %q met %s %q across two quakes", c.ID, c.Text, m.Claim.ID, m.Claim.Text)
				}
			}
		}
	}
}

// TestExplainReasons checks that a claim left out says why, with the
// typed reason explain prints.
func TestExplainReasons(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	docs := []*claims.Document{
		doc("a", "2016-08-22", "title: Quake jolts province\n\nA magnitude-5.8 earthquake jolted the province on Monday, killing 3 people.\nOne of the dead was a child.\nIn 1990 a quake near Tarn killed 400 people.\n"),
		doc("b", "2016-08-22", "title: Province shaken\n\nA magnitude-5.9 quake shook the province on Monday, killing 3 people.\nThe quake killed dozens of cattle.\n"),
	}
	cs := extractAll(t, docs)
	ex := Explain(docs, cs, set)
	want := map[string]Skip{
		"One":    SkipNoAttribute, // a partitive: part of a count
		"400":    SkipBackground,  // 1990, and no other article gives it
		"dozens": SkipVague,
		"5.8":    Compared,
		"3":      Compared,
	}
	found := map[string]bool{}
	for _, c := range cs {
		for text, skip := range want {
			if c.Doc == "a" && strings.Contains(c.Text, text) || c.Doc == "b" && text == "dozens" && strings.Contains(c.Text, text) {
				ts := ex.Traces[c]
				if len(ts) == 0 {
					t.Errorf("%s %q: no trace", c.ID, c.Text)
					continue
				}
				found[text] = true
				if ts[0].Skip != skip {
					t.Errorf("%s %q: skip = %q, want %q", c.ID, c.Text, ts[0].Skip, skip)
				}
				if skip == Compared && len(ts[0].Met) == 0 {
					t.Errorf("%s %q: compared but met nothing", c.ID, c.Text)
				}
			}
		}
	}
	for text := range want {
		if !found[text] {
			t.Errorf("no claim %q was read", text)
		}
	}
	// Explain reports what Compare reports.
	plain := Compare(docs, cs, set)
	if len(plain.Findings) != len(ex.Result.Findings) || len(plain.Agreements) != len(ex.Result.Agreements) {
		t.Errorf("Explain found %d findings and %d agreements, Compare %d and %d",
			len(ex.Result.Findings), len(ex.Result.Agreements), len(plain.Findings), len(plain.Agreements))
	}
}

// TestSidesNameTheArticlesTheyQuote: a syndicated copy that changes a
// figure is its own witness, and each side's sources are exactly the
// articles of its claims.
func TestSidesNameTheArticlesTheyQuote(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	wire := "June 3, 2024\nFlood kills 24 in valley\n\nFloodwaters swept through the Lirn valley on Sunday and killed 24 people, the regional governor said. Rescue teams were still searching villages along the river on Monday, and hundreds of families spent the night in school buildings. Roads into the valley remained closed.\n"
	docs := []*claims.Document{
		doc("a-wire", "", wire),
		doc("b-reprint", "", strings.NewReplacer("killed 24", "killed 30", "kills 24", "kills 30").Replace(wire)),
		doc("c-other", "", "June 3, 2024\nLirn valley flood\n\nThe flood in the Lirn valley on Sunday killed 11 people, according to the emergency service.\n"),
	}
	cs := extractAll(t, docs)
	res := Compare(docs, cs, set)
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding, got %d", len(res.Findings))
	}
	f := res.Findings[0]
	if len(f.Sides) != 3 {
		t.Fatalf("want three sides (24, 30, 11), got %d: %s", len(f.Sides), f.Summary)
	}
	for _, s := range f.Sides {
		var quoted []string
		for _, c := range s.Claims {
			if !slices.Contains(quoted, c.Doc) {
				quoted = append(quoted, c.Doc)
			}
		}
		slices.Sort(quoted)
		if !slices.Equal(quoted, s.Sources) {
			t.Errorf("side %s names %v but quotes %v", s.Value, s.Sources, quoted)
		}
	}
}

func TestFrontMatterEnd(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"title: Floods\ndate: 2020-01-01\nsource: x.com\n\nBody: with a colon.", "title: Floods\ndate: 2020-01-01\nsource: x.com\n\n"},
		{"---\ndate: 2020-01-01\n---\nBody.", "---\ndate: 2020-01-01\n---\n"},
		{"Body first.\ndate: 2020-01-01", ""},
	} {
		end := frontMatterEnd(tc.text)
		if got := tc.text[:end]; got != tc.want {
			t.Errorf("frontMatterEnd(%q) keeps %q, want %q", tc.text, got, tc.want)
		}
		// A "key: value" line past the front matter is the article's.
		if i := strings.LastIndex(tc.text, "date:"); i >= end && metaKey(tc.text, i, end) {
			t.Errorf("%q: a date line in the body read as metadata", tc.text)
		}
	}
}

// apartReason's written-out reasons say what formatting the threshold
// says, for every threshold.
func TestApartReason(t *testing.T) {
	for _, diff := range []float64{magnitudeVeto, datedMagnitudeVeto, 0.7} {
		if got, want := apartReason(diff), fmt.Sprintf("the leads give magnitudes %.1f or more apart", diff); got != want {
			t.Errorf("apartReason(%v) = %q, want %q", diff, got, want)
		}
	}
}

// TestMergeUses: a merged lead's text uses exactly the names some member's
// text uses (a set built from the members' lists, as the map form held),
// each once, and merging names only magnitudes for mergeMags.
func TestMergeUses(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for range 200 {
		ls := make([]*lead, 1+r.IntN(5))
		want := map[string]bool{}
		for i := range ls {
			ls[i] = &lead{all: []string{}}
			for range r.IntN(6) {
				n := fmt.Sprintf("n%d", r.IntN(12))
				if !ls[i].uses(n) {
					ls[i].all = append(ls[i].all, n)
				}
				want[n] = true
			}
			ls[i].mags = []float64{float64(r.IntN(9))}
		}
		m := merge(ls)
		if len(m.all) != len(want) {
			t.Fatalf("merge of %d leads uses %v, want %v", len(ls), m.all, want)
		}
		for n := range want {
			if !m.uses(n) {
				t.Fatalf("merge of %d leads uses %v, want %v", len(ls), m.all, want)
			}
		}
		if got := mergeMags(ls).mags; !slices.Equal(got, m.mags) {
			t.Fatalf("mergeMags %v, merge %v", got, m.mags)
		}
	}
}

// minRatioRef is the smallest ratio between two sums of one currency, one
// from each list; ok is false when no currency is in both.
func minRatioRef(a, b []figure) (float64, bool) {
	r, ok := math.Inf(1), false
	for _, x := range a {
		for _, y := range b {
			if x.unit == y.unit && x.value > 0 && y.value > 0 {
				r, ok = math.Min(r, math.Max(x.value/y.value, y.value/x.value)), true
			}
		}
	}
	return r, ok
}

// TestSumsApart: sumsApart is minRatioRef's test (a currency in both, the
// smallest ratio above the limit), on sums that share currencies and
// values in every way, zeros included.
func TestSumsApart(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 11))
	units := []string{"USD", "EUR", ""}
	values := []float64{0, 1, 2.9, 3, 3.1, 10, 1e6, 3.1e6}
	figs := func() []figure {
		f := make([]figure, r.IntN(5))
		for i := range f {
			f[i] = figure{units[r.IntN(len(units))], values[r.IntN(len(values))]}
		}
		return f
	}
	for range 2000 {
		a, b := figs(), figs()
		ratio, ok := minRatioRef(a, b)
		if got, want := sumsApart(a, b, moneyVeto), ok && ratio > moneyVeto; got != want {
			t.Fatalf("sumsApart(%v, %v) = %v, minRatio %v %v", a, b, got, ratio, ok)
		}
	}
}

// leadEndRef is leadEnd as it was before sentenceStops: every byte of the
// lead tested for a sentence end.
func leadEndRef(text string) int {
	n, first := 0, -1
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := strings.TrimSpace(text[pos:end])
		if line == "" || line == "---" || isMetaLine(line) {
			pos = end + 1
			continue
		}
		if first < 0 {
			first = pos
		}
		if pos >= first+leadLimit {
			return min(pos, first+leadLimit)
		}
		end = min(end, first+leadLimit)
		for i := pos; i < end; i++ {
			if c := text[i]; (c == '.' || c == '!' || c == '?') && i+2 < end && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
				if n++; n == leadSentences+1 {
					return i + 1
				}
			}
		}
		if n++; n == leadSentences+1 {
			return end
		}
		pos = end + 1
	}
	return len(text)
}

// leadEndSeeds are texts whose sentence ends sit at every edge leadEnd
// has: line ends, the lead limit, stops with no capital after them.
var leadEndSeeds = []string{
	"",
	"Title\nOne. Two! Three? Four.",
	"title: A quake\n---\nIt struck. Then? No. Yes!",
	"a.b.c. d. E\nF! G? h\n.\n? X",
	"Headline\n" + strings.Repeat("word. ", 150) + "End. Here",
	"Headline\n" + strings.Repeat("x", 690) + ". A. B. C",
	"date: 2024-01-01\nsource: AP\n\nTitle!\nFirst sentence. Second one? Third! Fourth.",
	"...!!!???. A",
	"One\nTwo\nThree\nFour",
}

// TestLeadEndAsRef: leadEnd finds the sentence ends leadEndRef does, on
// the seeds and on random texts of stops, spaces, capitals and newlines.
func TestLeadEndAsRef(t *testing.T) {
	for _, s := range leadEndSeeds {
		if got, want := leadEnd(s), leadEndRef(s); got != want {
			t.Errorf("leadEnd(%q) = %d, want %d", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(8, 13))
	alphabet := []string{".", "!", "?", " ", "A", "b", "\n", "---\n", "title: T\n", "date: 2020\n", strings.Repeat("w", 300)}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		if s := b.String(); leadEnd(s) != leadEndRef(s) {
			t.Fatalf("leadEnd(%q) = %d, want %d", s, leadEnd(s), leadEndRef(s))
		}
	}
}

func FuzzLeadEnd(f *testing.F) {
	for _, s := range leadEndSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadEnd(s), leadEndRef(s); got != want {
			t.Errorf("leadEnd(%q) = %d, want %d", s, got, want)
		}
	})
}
