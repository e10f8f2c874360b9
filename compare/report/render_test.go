package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/claims"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden; run go test ./compare/report -run %s -update", t.Name())
	assert.Equal(t, string(want), string(got), "output differs from %s; rerun with -update if the change is intended", path)
}

func render(t *testing.T, r *Report, format string, opt RenderOptions) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Render(&buf, r, format, opt))
	return buf.String()
}

func renderClaims(t *testing.T, r *Report, format string, opt RenderOptions) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, RenderClaims(&buf, r, format, opt))
	return buf.String()
}

// TestGolden renders every format of both commands and compares it with its
// golden file; the content checks live in the per-format tests below.
func TestGolden(t *testing.T) {
	r := fixtureReport(t)
	base := fixtureOptions(r)
	all := base
	all.ShowAll = true
	color := all
	color.Color = true
	color.Width = 80

	cases := []struct {
		name, format string
		opt          RenderOptions
		claims       bool
	}{
		{"report.table.golden", "table", base, false},
		{"report-all-color-80.table.golden", "table", color, false},
		{"report.md.golden", "markdown", base, false},
		{"report-all.md.golden", "markdown", all, false},
		{"report.csv.golden", "csv", base, false},
		{"report-all.csv.golden", "csv", all, false},
		{"report.json.golden", "json", base, false},
		{"report.html.golden", "html", base, false},
		{"report-all.html.golden", "html", all, false},
		{"report.claimreview.golden", "claimreview", base, false},
		{"claims.table.golden", "table", base, true},
		{"claims.md.golden", "markdown", base, true},
		{"claims.csv.golden", "csv", base, true},
		{"claims.json.golden", "json", base, true},
		{"report.jsonl.golden", "jsonl", base, false},
		{"claims.jsonl.golden", "jsonl", base, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			if tc.claims {
				got = renderClaims(t, r, tc.format, tc.opt)
			} else {
				got = render(t, r, tc.format, tc.opt)
			}
			golden(t, tc.name, []byte(got))
		})
	}
}

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"table", "markdown", "csv", "json", "jsonl", "html", "claimreview"}, Formats())
	assert.Equal(t, []string{"table", "markdown", "csv", "json", "jsonl"}, ClaimFormats())

	r := fixtureReport(t)
	err := Render(&bytes.Buffer{}, r, "yaml", RenderOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown report format "yaml"`)
	assert.Contains(t, err.Error(), "claimreview")

	err = RenderClaims(&bytes.Buffer{}, r, "html", RenderOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown claims format "html"`)
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestTable(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)

	t.Run("default hides dismissed", func(t *testing.T) {
		opt := opt
		opt.Width = 200 // wide enough that no quote wraps
		out := render(t, r, "table", opt)
		assert.NotContains(t, out, "\x1b", "no colour unless asked")
		assert.Contains(t, out, "CC-1a2b3c4d5e")
		assert.Contains(t, out, "[confirmed]")
		assert.NotContains(t, out, "CC-9f8e7d6c5b", "dismissed finding is hidden")
		assert.Contains(t, out, `"on 9 March" bravo:3:27`)
		assert.Contains(t, out, `"on 8 March 2025" alpha:3:56`)
		assert.Contains(t, out, `"8 Maret 2025" charlie:1:40`)
		assert.Contains(t, out, "=\u00a02025-03-09")
		assert.Contains(t, out, "=\u00a02025-03-08")
		assert.Contains(t, out, "alpha, charlie")
		// documents header table
		assert.Regexp(t, `charlie\s+│ 2025-03-12\s+│ id\s+│ read`, out)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		require.GreaterOrEqual(t, len(lines), 2)
		assert.Equal(t, "1 discrepancy (1 high) across 3 documents; 1 dismissed finding hidden", lines[len(lines)-2])
		assert.Equal(t, "warning: 1 review decision no longer matches a finding: CC-00deadbeef (dismissed)", lines[len(lines)-1])
	})

	t.Run("show all marks dismissed and colours severity", func(t *testing.T) {
		o := opt
		o.ShowAll, o.Color = true, true
		out := render(t, r, "table", o)
		plain := ansi.ReplaceAllString(out, "")
		assert.Contains(t, plain, "CC-9f8e7d6c5b")
		assert.Contains(t, plain, "[dismissed]")
		assert.Contains(t, plain, "2 discrepancies (1 high, 1 medium) across 3 documents")
		assert.Contains(t, out, ansiRed+"high conflict"+ansiReset)
		assert.Contains(t, out, ansiYellow+"medium conflict"+ansiReset)
		assert.Contains(t, plain, "│ ceremony.attendees │", "the first column is not broken at 80 columns")
		assert.Contains(t, plain, "(newest)")
	})

	t.Run("fits the terminal", func(t *testing.T) {
		for _, width := range []int{56, 60, 80, 100, 160} {
			o := opt
			o.Width, o.ShowAll, o.Color = width, true, true
			out := render(t, r, "table", o)
			for _, line := range strings.Split(out, "\n") {
				plain := ansi.ReplaceAllString(line, "")
				if strings.HasPrefix(plain, "warning:") || strings.Contains(plain, "across") {
					continue // the prose lines after the table are not wrapped
				}
				assert.LessOrEqual(t, twwidth.Width(plain), width, "width %d: %q", width, plain)
			}
		}
	})

	t.Run("no discrepancies", func(t *testing.T) {
		empty := fixtureReport(t)
		empty.Discrepancies, empty.Stale = nil, nil
		out := render(t, empty, "table", opt)
		assert.Contains(t, out, "No discrepancies found across 3 documents")
		assert.NotContains(t, out, "warning:")
		assert.NotContains(t, out, "SEVERITY")
	})

	t.Run("article text cannot drive the terminal", func(t *testing.T) {
		evil := fixtureReport(t)
		evil.Claims[3].Text = "on 9 \x1b[2J March"
		evil.Documents[1].Title = "title\x1b]0;pwned\x07"
		out := render(t, evil, "table", opt)
		assert.NotContains(t, out, "\x1b")
		assert.Contains(t, out, `\u001b[2J`)
	})
}

func TestMarkdown(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	opt.ShowAll = true
	out := render(t, r, "markdown", opt)

	assert.True(t, strings.HasPrefix(out, "# crosscheck report\n"))
	// Raw HTML from articles must not survive: the only unescaped '<' is
	// the <br> the renderer puts in table cells.
	for _, m := range regexp.MustCompile(`(^|[^\\])<[^\n]{0,3}`).FindAllString(out, -1) {
		assert.Contains(t, m, "<br>", "unescaped HTML in %q", m)
	}
	assert.Contains(t, out, `\<script\>alert(1)\</script\>`)
	assert.Contains(t, out, `\*stars\*`)
	assert.Contains(t, out, `Bridge opens \<em\>early\</em\> &amp; "loud"`)
	assert.Contains(t, out, "### CC-1a2b3c4d5e · bridge.opened · high \\[confirmed\\]")
	assert.Contains(t, out, "**on 9 March**")
	assert.Contains(t, out, "- Review: dismissed by ben on 2025-03-13: crowd estimates vary")

	// Every table row has exactly as many unescaped pipes as its header.
	unescaped := regexp.MustCompile(`(^|[^\\])\|`)
	var inTable bool
	var cols int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		n := len(unescaped.FindAllString(line, -1))
		if !inTable {
			inTable, cols = true, n
		}
		assert.Equal(t, cols, n, "row breaks the table: %q", line)
	}
	assert.Contains(t, out, `while \| pipes`)

	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	assert.Equal(t, "> **Warning:** 1 review decision no longer matches a finding: CC-00deadbeef (dismissed)", lines[len(lines)-1])
}

func TestCSV(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	for _, tc := range []struct {
		showAll bool
		rows    int
	}{{false, 3}, {true, 6}} {
		opt.ShowAll = tc.showAll
		recs, err := csv.NewReader(strings.NewReader(render(t, r, "csv", opt))).ReadAll()
		require.NoError(t, err)
		require.Len(t, recs, 1+tc.rows)
		assert.Equal(t, []string{"id", "severity", "category", "attribute", "side", "doc", "line", "col", "text", "value", "summary", "review"}, recs[0])
		assert.Equal(t, []string{"CC-1a2b3c4d5e", "high", "conflict", "bridge.opened", "1", "bravo", "3", "27", "on 9 March", "2025-03-09",
			r.Discrepancies[0].Summary, "confirmed"}, recs[1])
		assert.Equal(t, "2", recs[2][4])
		assert.Equal(t, "alpha", recs[2][5])
	}

	recs, err := csv.NewReader(strings.NewReader(renderClaims(t, r, "csv", opt))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+len(r.Claims))
	assert.Equal(t, []string{"bravo@50", "bravo", "3", "27", "50", "60", "date", "bridge.opened", "on 9 March", "2025-03-09",
		"year inferred from the publication date 2025-03-11"}, recs[4])
}

func TestJSON(t *testing.T) {
	r := fixtureReport(t)
	out := render(t, r, "json", RenderOptions{})
	require.True(t, strings.HasSuffix(out, "}\n"))
	var back Report
	require.NoError(t, json.Unmarshal([]byte(out), &back))
	assert.Equal(t, *r, back, "the JSON is the contract: it must round-trip unchanged")
	assert.Contains(t, out, `"stale_reviews"`)
	assert.Contains(t, out, "\n  \"documents\": [")

	claims := renderClaims(t, r, "json", RenderOptions{})
	var c map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(claims), &c))
	assert.ElementsMatch(t, []string{"version", "documents", "claims"}, keys(c))
	var cs []Claim
	require.NoError(t, json.Unmarshal(c["claims"], &cs))
	assert.Equal(t, r.Claims, cs)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestClaimReview(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	opt.ShowAll = true // never changes what gets a ClaimReview
	out := render(t, r, "claimreview", opt)

	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1, "only the confirmed finding gets a ClaimReview")
	cr := got[0]
	assert.Equal(t, "https://schema.org", cr["@context"])
	assert.Equal(t, "ClaimReview", cr["@type"])
	assert.Equal(t, "on 9 March", cr["claimReviewed"])
	assert.Equal(t, "2025-03-14", cr["datePublished"])
	assert.Equal(t, "CC-1a2b3c4d5e", cr["identifier"])
	assert.Equal(t, map[string]any{"@type": "Organization", "name": "Velmora Fact Desk"}, cr["author"])
	assert.Equal(t, map[string]any{"@type": "Rating", "alternateName": "Contradicted by other sources"}, cr["reviewRating"])
	item := cr["itemReviewed"].(map[string]any)
	assert.Equal(t, "Claim", item["@type"])
	assert.Equal(t, "2025-03-11", item["datePublished"])
	assert.Equal(t, []any{map[string]any{
		"@type": "CreativeWork", "identifier": "story/bravo.txt",
		"headline": `Bridge opens <em>early</em> & "loud"`, "datePublished": "2025-03-11",
	}}, item["appearance"])

	// Without an author the field is present and empty, for the editor.
	opt.Author = ""
	require.NoError(t, json.Unmarshal([]byte(render(t, r, "claimreview", opt)), &got))
	assert.Equal(t, "", got[0]["author"].(map[string]any)["name"])

	// Nothing confirmed: an empty array, still valid JSON-LD.
	none := fixtureReport(t)
	none.Discrepancies[0].Review = nil
	assert.Equal(t, "[]\n", render(t, none, "claimreview", opt))
}

func TestClaimsTable(t *testing.T) {
	r := fixtureReport(t)
	out := renderClaims(t, r, "table", fixtureOptions(r))
	assert.Contains(t, out, "bravo:3:27")
	assert.Contains(t, out, `"Lebih dari 5.100"`)
	assert.Contains(t, out, "7 claims in 3 documents")
	md := renderClaims(t, r, "markdown", fixtureOptions(r))
	assert.Contains(t, md, "| charlie:1:74 | count | ceremony.attendees | \"Lebih dari 5.100\" | 5100 |  |")
}

func TestParseISOInterval(t *testing.T) {
	for _, tc := range []struct {
		in, start, end string
		ok             bool
	}{
		{"2024", "2024-01-01", "2025-01-01", true},
		{"202", "2020-01-01", "2030-01-01", true},
		{"2024-06", "2024-06-01", "2024-07-01", true},
		{"2024-12-27", "2024-12-27", "2024-12-28", true},
		{"2023-02-06T04:17", "2023-02-06", "2023-02-06", true},
		{"2024-Q3", "2024-07-01", "2024-10-01", true},
		{"2024-H2", "2024-07-01", "2025-01-01", true},
		{"2025-W01", "2024-12-30", "2025-01-06", true},
		{"2024-12-23/2024-12-27", "2024-12-23", "2024-12-28", true},
		{"2024-12-27/2024-12-23", "", "", false},
		{"P5D", "", "", false},
		{"2024-Q5", "", "", false},
		{"", "", "", false},
	} {
		s, e, ok := parseISOInterval(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		if ok {
			assert.Equal(t, tc.start, s.Format("2006-01-02"), tc.in)
			assert.Equal(t, tc.end, e.Format("2006-01-02"), tc.in)
		}
	}
}

func TestWrapAndAllocate(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"the quick brown fox", 9, []string{"the quick", "brown fox"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"a\n\nb", 5, []string{"a", "", "b"}},
		{"日本語のテキスト", 6, []string{"日本語", "のテキ", "スト"}},
		{"also 001-annual-plenary, dated", 17, []string{"also", "001-annual-", "plenary, dated"}},
	} {
		got := wrap(tc.text, tc.width)
		assert.Equal(t, tc.want, got, tc.text)
		for _, l := range got {
			assert.LessOrEqual(t, twwidth.Width(l), tc.width)
		}
	}
	assert.Equal(t, []int{13, 6, 41, 40}, allocate([]int{13, 6, 200, 300}, 100))
	assert.Equal(t, []int{5, 10}, allocate([]int{5, 10}, 100), "natural widths when everything fits")
	assert.Equal(t, []int{6, 6}, allocate([]int{50, 50}, 4), "never below the minimum")
}

func TestPrintable(t *testing.T) {
	assert.Equal(t, "plain – ünïcode", printable("plain – ünïcode"))
	assert.Equal(t, `a\u001b[31mb c`, printable("a\x1b[31mb\nc"))
	assert.Equal(t, `x\u202ey`, printable("x\u202ey"))
	assert.Equal(t, `bad\xff`, printable("bad\xff"))
}

// A cell that a spreadsheet would run as a formula is neutralised (OWASP:
// a leading apostrophe) in both CSVs; other cells are left alone.
func TestCSVFormulaInjection(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	evil := "=HYPERLINK(\"http://evil.example\",\"x\")"
	for i := range r.Claims {
		if r.Claims[i].Doc == "bravo" {
			r.Claims[i].Doc = evil
		}
		if r.Claims[i].Text == "on 9 March" {
			r.Claims[i].Text = "+1 on 9 March"
		}
	}
	r.Discrepancies[0].Summary = "@SUM(A1)"
	recs, err := csv.NewReader(strings.NewReader(render(t, r, "csv", opt))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "'"+evil, recs[1][5])
	assert.Equal(t, "'+1 on 9 March", recs[1][8])
	assert.Equal(t, "'@SUM(A1)", recs[1][10])
	assert.Equal(t, "CC-1a2b3c4d5e", recs[1][0])
	recs, err = csv.NewReader(strings.NewReader(renderClaims(t, r, "csv", opt))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "'"+evil, recs[4][1])
	for _, c := range []string{"-1", "\tx", "\rx"} {
		assert.Equal(t, "'"+c, csvCell(c))
	}
	assert.Equal(t, "ok=1", csvCell("ok=1"))
}

// claimReviewed is the sentence that makes the claim, not the bare span
// ("on 9 March" says nothing on its own); without the sentence, the span.
func TestClaimReviewSentence(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	var id string
	for _, c := range r.Claims {
		if c.Text == "on 9 March" {
			id = c.ID
		}
	}
	require.NotEmpty(t, id)
	opt.Sentences = map[string]string{id: "The bridge opened on 9 March, the council said."}
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(render(t, r, "claimreview", opt)), &got))
	require.Len(t, got, 1)
	assert.Equal(t, "The bridge opened on 9 March, the council said.", got[0]["claimReviewed"])
}

func TestSentencesFor(t *testing.T) {
	text := "First one.  The bridge\nopened on 9 March. Last."
	cs := []*claims.Claim{
		{ID: "a", Doc: "d", SentenceStart: 12, SentenceEnd: 41},
		{ID: "b", Doc: "d", SentenceStart: 40, SentenceEnd: 400}, // out of range: none
		{ID: "c", Doc: "x", SentenceStart: 0, SentenceEnd: 4},    // no such document
	}
	got := SentencesFor(map[string]string{"d": text}, cs)
	assert.Equal(t, map[string]string{"a": "The bridge opened on 9 March."}, got)
}
