package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck/claims"
)

// deepPage returns a page whose article sits under depth nested elements
// (alternating <div> and <span>, past the parser's 512), with a script and
// a style inside the nesting and paragraphs on the way down and back up.
func deepPage(depth int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Ferry timetable changes</title>` +
		`<meta property="article:published_time" content="2024-03-05T08:00:00Z">` +
		`<link rel="canonical" href="https://example.org/ferry"><style>p { color: red }</style></head><body>`)
	b.WriteString("<p>Top of the page.</p>")
	for i := range depth {
		if i%2 == 0 {
			b.WriteString("<div>")
		} else {
			b.WriteString("<span>")
		}
		if i == depth/2 {
			b.WriteString("<p>Halfway down, the &quot;Morning Star&quot; ferry was withdrawn for 12 days.</p><script>var hidden = 'not text';</script>")
		}
	}
	b.WriteString("<h1>Ferry timetable changes</h1><p>The ferry sails at 7:15<br>and again at 9:40.</p><pre>\nline one\n  line two</pre><style>.x{}</style>")
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteString("</div>")
		} else {
			b.WriteString("</span>")
		}
	}
	b.WriteString("<p>Bottom of the page.</p></body></html>")
	return b.String()
}

// TestHTMLTooDeepToParse: a page nested deeper than the parser allows is read
// by the tokenizer fallback, laid out as the parsed path lays out <body>,
// with its metadata and a warning naming the file and the fallback.
func TestHTMLTooDeepToParse(t *testing.T) {
	page := deepPage(3000)
	_, err := html.Parse(strings.NewReader(page))
	require.Error(t, err, "the page must be too deep for the parser, or this test tests nothing")

	p := write(t, t.TempDir(), "deep.html", []byte(page))
	d := readOne(t, p, Options{})
	require.Equal(t, claims.StatusRead, d.Status, d.SkipReason)
	assert.Equal(t, ExtractedTokens, d.Extracted)
	assert.Equal(t, "Top of the page.\n\n"+
		"Halfway down, the \"Morning Star\" ferry was withdrawn for 12 days.\n\n"+
		"Ferry timetable changes\n\n"+
		"The ferry sails at 7:15\nand again at 9:40.\n\n"+
		"line one\n  line two\n\n"+
		"Bottom of the page.", d.Text)
	assert.Equal(t, "Ferry timetable changes", d.Title)
	assert.Equal(t, "en", d.Language)
	assert.Equal(t, date("2024-03-05"), d.Published.UTC().Truncate(24*60*60*1e9))
	assert.Equal(t, "https://example.org/ferry", d.URL)
	require.Len(t, d.Warnings, 1)
	assert.Contains(t, d.Warnings[0], p+": ")
	assert.Contains(t, d.Warnings[0], "refused")
	assert.Contains(t, d.Warnings[0], "tag by tag")

	// Offsets refer to the text read, as for any HTML page.
	i := strings.Index(d.Text, "12 days")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "12 days", d.Text[i:i+len("12 days")])
}

// TestHTMLTooDeepEmpty: a too-deep page with no visible text is skipped as
// empty, like any other.
func TestHTMLTooDeepEmpty(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 600) + "<script>var x = 1;</script>" + strings.Repeat("</div>", 600) + "</body></html>"
	d := readOne(t, write(t, t.TempDir(), "empty.html", []byte(page)), Options{KeepGoing: true})
	assert.Equal(t, claims.StatusSkipped, d.Status)
	assert.Equal(t, ReasonEmpty, d.SkipReason)
}

// tokenPages are pages the parser accepts, for holding the tokenizer's text
// and metadata to the parsed path's.
var tokenPages = []string{
	"<p>One.</p><p>Two &amp; three.</p>",
	"plain text, no tags at all\n\nsecond   paragraph",
	"<html><head><title>T</title><script>x()</script></head><body><div>A<b>b</b>c<br/>d</div></body></html>",
	"<head><title>Unclosed head</title><p>Text after an unclosed head.</p>",
	"<table><tr><th>Town</th><td>Rain</td></tr><tr><td>Elm</td><td>12 mm</td></tr></table>",
	"<pre>\nkeep\n   this</pre><pre>no leading newline</pre>",
	"<ul><li>one<li>two</ul><hr><p>after the rule</p>",
	"<div>before<noscript>hidden</noscript><template><p>hidden</p></template><select><option>hidden</select>after</div>",
	"<p>a <!-- comment --> b</p><iframe>hidden</iframe><svg><text>hidden</text></svg><p>c</p>",
	"<h1>Head <i>line</i></h1><h1>Second</h1><p>Body.</p>",
	`<html lang="id"><head><meta name="date" content="2024-06-01"><meta property="og:url" content="https://e.org/x"></head><body><time itemprop="datePublished" datetime="2024-05-31">31 Mei</time><p>Teks.</p></body></html>`,
	`<html><head><script type="application/ld+json">{"@graph":[{"datePublished":"2024-02-02"}]}</script></head><body><p>Body text.</p></body></html>`,
	"</p>stray end tags</div></span><p>then a paragraph</p>",
	"<p>line\r\nbreaks\rand\ttabs</p>",
	"text<head><head>more</head> and more",     // a late or second <head> is ignored
	"<p>icon <svg><path/><b>bold</b> tail</p>", // an HTML tag ends <svg>
	"<div/>self-closing div</div><script/>hidden</script><p>shown</p>",
	"<td>cell outside a table</td><tr>row</tr>",
}

// TestTokenTextMatchesParsedBody: on pages the parser accepts, the fallback
// gives the text renderText gives for <body>, and the metadata
// htmlMetadata reads — so a page's offsets do not depend on which path read
// it. The project's HTML test page is among them.
func TestTokenTextMatchesParsedBody(t *testing.T) {
	pages := append([]string{}, tokenPages...)
	b, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	require.NoError(t, err)
	pages = append(pages, string(b))
	for _, page := range pages {
		root, err := html.Parse(strings.NewReader(page))
		require.NoError(t, err)
		want := renderText(findElement(root, atom.Body))
		got, m := tokenText(page)
		assert.Equal(t, want, got, "text of %q", page)
		wm := htmlMetadata(root)
		assert.Equal(t, wm.titleTag, m.titleTag, "title of %q", page)
		assert.Equal(t, wm.h1, m.h1, "h1 of %q", page)
		assert.Equal(t, wm.language, m.language, "language of %q", page)
		assert.Equal(t, wm.url, m.url, "url of %q", page)
		assert.Equal(t, wm.published, m.published, "dates of %q", page)
	}
}

// FuzzTokenText: the fallback never panics, and on input without markup
// it gives what the parsed path gives.
func FuzzTokenText(f *testing.F) {
	for _, p := range tokenPages {
		f.Add(p)
	}
	f.Add(deepPage(40))
	f.Add("<pre>\n\n<div><pre>\nx</pre></div>")
	f.Fuzz(func(t *testing.T, page string) {
		text, _ := tokenText(page)
		if strings.ContainsAny(page, "<&\x00\r") {
			return
		}
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		if want := renderText(findElement(root, atom.Body)); text != want {
			t.Fatalf("%q: tokens give %q, the parser %q", page, text, want)
		}
	})
}
