package report

import (
	"crypto/sha256"
	"encoding/base64"
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

	scripts := elements(doc, "script")
	require.Len(t, scripts, 1, "only the report's own script")
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
	assert.Contains(t, text, `"<script>alert(1)</script>" and "><img src=x onerror=alert(2)>`, "payloads display as text")
	assert.Contains(t, text, `<img src=x onerror="window.__pwned=2">`)
	assert.Contains(t, text, `Bridge opens <em>early</em> & "loud"`)
	assert.Contains(t, page, "opened <mark>on 9 March</mark> as a banner", "claim highlighted in its sentence")

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
		assert.Len(t, elements(doc, "details"), 1)
		assert.Contains(t, textContent(doc), "warning: 1 review decision no longer matches a finding: CC-00deadbeef")
		// The findings table comes before everything else in <main>.
		assert.Less(t, strings.Index(page, `id="findings"`), strings.Index(page, `id="consensus"`))
		assert.Less(t, strings.Index(page, `id="consensus"`), strings.Index(page, `id="timeline"`))
	})

	t.Run("consensus and timeline", func(t *testing.T) {
		page := render(t, r, "html", opt)
		squash := regexp.MustCompile(`\s+`)
		flat := squash.ReplaceAllString(page, " ")
		assert.Contains(t, flat, `<h3>bridge.opened <small>3 sources · contested</small></h3>`)
		assert.Contains(t, flat, `<td class="value">2025-03-08</td><td class="bar"><span style="width: 66.7%"></span></td><td class="count">2 sources: alpha, charlie</td>`)
		assert.Contains(t, flat, `<td class="value">2025-03-09</td><td class="bar"><span style="width: 33.3%"></span></td><td class="count">1 source: bravo</td>`)
		assert.NotContains(t, flat, "ceremony.attendees <small>", "a hidden finding does not feed the consensus")
		assert.Contains(t, flat, `<span class="point" style="left: 50.0%; width: 50.0%" title="2025-03-09"></span>`)
		assert.Contains(t, flat, `<p class="axis"><span>2025-03-08</span><span>2025-03-09</span></p>`)
		assert.NotContains(t, page, "ZgotmplZ\"%", "style values pass html/template's CSS filter")
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
