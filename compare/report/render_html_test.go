package report

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// parseHTML parses a page with the same algorithm a browser uses, so counts
// of elements are what a browser would build, not what a regexp guesses.
func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	return doc
}

// elements returns every element named tag, with its attributes as a map.
func elements(n *html.Node, tag string) []map[string]string {
	var out []map[string]string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			out = append(out, attrs)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestHTMLEscapesArticleText(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	opt.ShowAll = true
	page := render(t, r, "html", opt)
	doc := parseHTML(t, page)

	// One script runs: the report's own. The other <script> is a JSON data
	// block, which browsers never execute, and it cannot close itself
	// early: encoding/json writes <, > and & as \u escapes.
	scripts := elements(doc, "script")
	require.Len(t, scripts, 2)
	assert.Equal(t, map[string]string{}, scripts[1], "the executable script has no type or src")
	assert.Equal(t, map[string]string{"type": "application/json", "id": "crosscheck-data"}, scripts[0])
	blob := dataBlob(t, page)
	assert.NotContains(t, blob, "<", "the data block holds no markup characters")
	assert.Empty(t, elements(doc, "img"), "no element may come from article text")
	assert.Empty(t, elements(doc, "em"), "not even harmless markup from a title")
	for _, tag := range []string{"link", "iframe", "object", "embed", "base", "form"} {
		assert.Empty(t, elements(doc, tag), "the page is self-contained: no %s", tag)
	}
	for _, a := range elements(doc, "a") {
		assert.NotContains(t, a["href"], "javascript:", "unsafe URLs are neutralised")
	}
	assert.Contains(t, page, `href="#ZgotmplZ"`, "the javascript: URL of charlie was replaced")

	text := textContent(doc)
	assert.Contains(t, text, `Bridge opens <em>early</em> & "loud"`)
	// The evidence travels as data: the payloads are strings there, shown
	// as text by the script (the browser test proves it).
	var data htmlData
	require.NoError(t, json.Unmarshal([]byte(blob), &data))
	c := data.Findings[0].Sides[0].Claims[0]
	assert.Equal(t, "on 9 March", c.Match, "the claim, marked in its sentence")
	assert.Equal(t, "The harbour bridge opened ", c.Before)
	assert.Contains(t, c.After, `"<script>alert(1)</script>" and "><img src=x onerror=alert(2)>`)
	for _, src := range data.Findings[0].Sides[1].Sources {
		if src.ID == "charlie" {
			assert.Empty(t, src.URL, "a javascript: URL does not reach the data")
		}
	}

	// The CSP admits exactly the embedded script, by hash.
	var csp string
	for _, m := range elements(doc, "meta") {
		if m["http-equiv"] == "Content-Security-Policy" {
			csp = m["content"]
		}
	}
	sum := sha256.Sum256([]byte(htmlJS))
	assert.Contains(t, csp, "script-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	assert.Contains(t, csp, "default-src 'none'")
	assert.Contains(t, page, "<script>"+htmlJS+"</script>", "the script is emitted byte for byte, or its hash would not match")
}

func TestHTMLStructure(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)

	t.Run("default", func(t *testing.T) {
		page := render(t, r, "html", opt)
		doc := parseHTML(t, page)
		bodies := 0
		for _, tb := range elements(doc, "tbody") {
			if strings.Contains(tb["class"], "finding") {
				bodies++
				assert.Equal(t, "CC-1a2b3c4d5e", tb["id"])
				assert.Equal(t, "4", tb["data-sev"])
				assert.Equal(t, "bridge.opened", tb["data-attr"])
			}
		}
		assert.Equal(t, 1, bodies, "dismissed finding hidden")
		evidence := 0
		for _, d := range elements(doc, "details") {
			if _, ok := d["data-finding"]; ok {
				evidence++
			}
		}
		assert.Equal(t, 1, evidence, "one evidence section per shown finding")
		assert.Contains(t, textContent(doc), "warning: 1 review decision no longer matches a finding: CC-00deadbeef")
		// The findings table comes before everything else in <main>.
		assert.Less(t, strings.Index(page, `id="findings"`), strings.Index(page, `id="stories"`))
		assert.Less(t, strings.Index(page, `id="stories"`), strings.Index(page, `id="documents"`))
	})

	t.Run("consensus and timeline", func(t *testing.T) {
		page := render(t, r, "html", opt)
		var data htmlData
		require.NoError(t, json.Unmarshal([]byte(dataBlob(t, page)), &data))
		st := data.Stories["1"]
		require.Len(t, st.Consensus, 1, "a hidden finding does not feed the consensus")
		a := st.Consensus[0]
		assert.Equal(t, "bridge.opened", a.Attribute)
		assert.True(t, a.Contested)
		assert.Equal(t, 3, a.Sources)
		assert.Equal(t, []htmlValue{
			{Value: "2025-03-08", Sources: []string{"alpha", "charlie"}, Percent: "66.7"},
			{Value: "2025-03-09", Sources: []string{"bravo"}, Percent: "33.3"},
		}, a.Values)
		assert.Equal(t, "2025-03-08", st.Timeline.From)
		assert.Equal(t, "2025-03-09", st.Timeline.To)
		var bravo htmlTimelineRow
		for _, row := range st.Timeline.Rows {
			if row.Doc == "bravo" {
				bravo = row
			}
		}
		require.Len(t, bravo.Points, 1)
		assert.Equal(t, htmlPoint{Value: "2025-03-09", Text: "on 9 March", Where: "bravo:3:27", Attribute: "bridge.opened", HasBar: true, Left: "50.0", Width: "50.0"}, bravo.Points[0])
	})

	t.Run("no findings", func(t *testing.T) {
		empty := fixtureReport(t)
		empty.Discrepancies = nil
		page := render(t, empty, "html", opt)
		assert.Contains(t, page, "No discrepancies to show.")
		assert.Contains(t, page, "No discrepancies found across 3 documents")
		assert.NotContains(t, page, `id="findings"`)
	})
}

// dataBlob returns the text of the page's JSON data block.
func dataBlob(t *testing.T, page string) string {
	t.Helper()
	const open = `<script type="application/json" id="crosscheck-data">`
	i := strings.Index(page, open)
	require.GreaterOrEqual(t, i, 0, "no data block")
	rest := page[i+len(open):]
	j := strings.Index(rest, "</script>")
	require.GreaterOrEqual(t, j, 0)
	return rest[:j]
}

// Consensus and timeline are per story: figures from two stories are never
// pooled, each story names its documents, and the page offers filters by
// story and attribute.
func TestHTMLStoriesNotPooled(t *testing.T) {
	r := fixtureReport(t)
	const deltaText = "The old bridge opened in 1965, the archive shows.\n"
	const echoText = "The old bridge was opened in 1966 by the governor.\n"
	r.Documents = append(r.Documents,
		Document{ID: "delta", Path: "old/delta.txt", Title: "Old bridge", Language: "en", Status: "read", Story: 2},
		Document{ID: "echo", Path: "old/echo.txt", Title: "Old bridge history", Language: "en", Status: "read", Story: 2})
	d := claimAt(t, "delta", deltaText, "in 1965", "date", "bridge.opened", "1965")
	e := claimAt(t, "echo", echoText, "in 1966", "date", "bridge.opened", "1966")
	r.Claims = append(r.Claims, d, e)
	r.Discrepancies = append(r.Discrepancies, Discrepancy{
		ID: "CC-0123456789", Kind: "date", Severity: "low", Attribute: "bridge.opened", Category: "conflict",
		Summary: "delta says 1965; echo says 1966", Claims: []string{d.ID, e.ID},
		Sides: []Side{{Value: "1965", Claims: []string{d.ID}, Sources: []string{"delta"}}, {Value: "1966", Claims: []string{e.ID}, Sources: []string{"echo"}}},
	})
	page := render(t, r, "html", fixtureOptions(r))
	var data htmlData
	require.NoError(t, json.Unmarshal([]byte(dataBlob(t, page)), &data))

	one, two := data.Stories["1"], data.Stories["2"]
	require.Len(t, one.Consensus, 1)
	assert.Equal(t, 3, one.Consensus[0].Sources, "story 1 counts only its own sources")
	assert.Equal(t, "2025-03-08", one.Timeline.From, "story 1's axis does not reach back to 1965")
	require.Len(t, two.Consensus, 1)
	assert.Equal(t, 2, two.Consensus[0].Sources)
	assert.Equal(t, "1965-01-01", two.Timeline.From)
	assert.Equal(t, "1966-12-31", two.Timeline.To)
	assert.Equal(t, []string{"delta", "echo"}, two.Docs)

	flat := regexp.MustCompile(`\s+`).ReplaceAllString(page, " ")
	assert.Contains(t, flat, `<strong>Story 1</strong> · 3 documents: alpha, bravo, charlie · 1 finding · 1 contested · 2025-03-08 to 2025-03-09</summary>`)
	assert.Contains(t, flat, `<strong>Story 2</strong> · 2 documents: delta, echo · 1 finding · 1 contested · 1965-01-01 to 1966-12-31</summary>`)
	assert.Contains(t, flat, `data-attr="bridge.opened" data-story="2"`)
	assert.Contains(t, flat, `<option value="1">Story 1: alpha, bravo, charlie (1 finding)</option>`)
	assert.Contains(t, flat, `<option value="2">Story 2: delta, echo (1 finding)</option>`)
	assert.Contains(t, flat, `<option value="bridge.opened">bridge.opened</option>`)
}
