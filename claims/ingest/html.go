package ingest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/claims"

	// go-readability finds the article in a page full of menus, related
	// links and comments: Mozilla's Readability.js algorithm, ported line by
	// line, which is what browsers' reader modes use. Re-implementing its
	// scoring would be a project of its own. This is readeck's maintained
	// fork, which go-shiori/go-readability (used here before v2.1.3 was on
	// the module proxy) is deprecated in favour of.
	readability "codeberg.org/readeck/go-readability/v2"

	// golang.org/x/net/html is the HTML5 parser (the one go-readability
	// itself uses), so the page is parsed once and the same tree gives both
	// the article and the metadata below.
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extracted values for Document.Extracted.
const (
	ExtractedReadability = "html-readability" // the article found by Readability
	ExtractedBody        = "html-body"        // all visible text of <body> (Readability found none)
	ExtractedTokens      = "html-tokens"      // all visible text, read tag by tag: the page is nested too deep to parse
)

// htmlDocument builds the document for an HTML page: Text is the readable
// article as plain text, paragraphs separated by blank lines, and offsets
// refer to that text, not to the markup.
func htmlDocument(path, content string) *claims.Document {
	d := decodeHTML(content)
	if d.binary {
		return skipped(path, ReasonBinary)
	}
	doc := &claims.Document{
		Path:            path,
		Encoding:        d.encoding,
		Status:          claims.StatusRead,
		PublishedSource: claims.SourceNone,
		LanguageSource:  claims.SourceNone,
	}
	addWarnings(doc, d.warnings)
	root, err := html.Parse(strings.NewReader(d.text))
	if err != nil {
		// The parser refuses pages nested deeper than 512 open elements
		// (its only error on a strings.Reader): their text is still
		// there, token by token.
		return tokenDocument(doc, d.text, err)
	}

	m := htmlMetadata(root)
	art, rerr := runReadability(root)
	if art.Node != nil && art.Node.Parent != nil {
		dropByline(root, art.Node.Parent)
		doc.Text = renderText(art.Node.Parent)
	}
	doc.Byline = strings.Join(strings.Fields(art.Byline()), " ")
	doc.Site = strings.Join(strings.Fields(art.SiteName()), " ")
	if strings.TrimSpace(doc.Text) != "" {
		doc.Extracted = ExtractedReadability
	} else {
		reason := "found no article text"
		if rerr != nil {
			reason = rerr.Error()
		}
		doc.Text = renderText(findElement(root, atom.Body))
		doc.Extracted = ExtractedBody
		addWarnings(doc, []string{fmt.Sprintf("readability %s; using all visible text of <body>", reason)})
	}
	if strings.TrimSpace(doc.Text) == "" {
		return skipped(path, ReasonEmpty)
	}

	m.title = htmlTitle(strings.TrimSpace(art.Title()), m.titleTag, m.h1)
	m.apply(doc)
	if doc.Title == "" {
		doc.Title = guessTitle(doc.Text)
	}
	if doc.Title == "" {
		doc.Title = firstNonEmpty(strings.TrimSpace(art.Title()), m.titleTag, m.h1)
	}
	return doc
}

// tokenDocument reads a page the parser refused (err) with the tokenizer
// alone: all its visible text, laid out as renderText lays out <body> (so
// a page that parses gives the same text either way), and the metadata
// htmlMetadata reads, from the tags themselves. Without a tree there is no
// article to find, and no byline.
func tokenDocument(doc *claims.Document, src string, err error) *claims.Document {
	text, m := tokenText(src)
	doc.Text = text
	doc.Extracted = ExtractedTokens
	addWarnings(doc, []string{fmt.Sprintf("the HTML parser refused the page (%v); read all its visible text tag by tag instead, without article detection", err)})
	if strings.TrimSpace(doc.Text) == "" {
		return skipped(doc.Path, ReasonEmpty)
	}
	m.title = htmlTitle("", m.titleTag, m.h1)
	m.apply(doc)
	if doc.Title == "" {
		doc.Title = guessTitle(doc.Text)
	}
	if doc.Title == "" {
		doc.Title = firstNonEmpty(m.titleTag, m.h1)
	}
	return doc
}

// tokenText is renderText and htmlMetadata over the tokenizer's stream,
// for pages the parser refuses: text outside invisible elements (and
// outside <title>), blocks as paragraphs, <br> as a line break, <pre>
// lines kept; <html lang>, <title>, the first <h1>, the canonical link and
// the dates htmlMetadata reads. Without a tree, it follows the parser where
// pages commonly go wrong: an invisible element's text is skipped up to its
// end tag, an unclosed <head> ends at the first body tag or text, an HTML
// tag ends <svg> and <math>, "/>" does not close an HTML element, and a
// stray end tag (one with no open element of its name) changes nothing,
// but for </p>. TestTokenTextMatchesParsedBody holds it to the parsed
// path's text on pages the parser accepts; it differs on the rarer repairs
// (text in a <table> outside its cells, which the parser moves before the
// table). Its state is counts and a stack of open invisible elements, so
// depth costs nothing but that stack.
func tokenText(src string) (string, htmlMeta) {
	var (
		w                       textWriter
		m                       htmlMeta
		og, itemprop, named, ld []string
		canonical, ogURL        string
		hidden                  []atom.Atom // open invisible elements (and <title>)
		pre                     int         // open <pre> elements
		dropNewline             bool        // right after <pre>: the parser drops one leading newline
		inTitle, inH1, inLD     bool
		title, h1, script       strings.Builder
		h1Depth                 int
		inBody                  bool                  // past <head>: a later <head> tag is ignored, as in the parser
		tables                  int                   // open <table> elements: <td> outside one is ignored
		open                    = map[atom.Atom]int{} // open block elements, by name: a stray end tag is ignored
	)
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: a strings.Reader has no other error
		}
		switch tt {
		case html.TextToken:
			t := strings.ReplaceAll(string(z.Text()), "\x00", "")
			switch {
			case inTitle:
				title.WriteString(t)
			case inLD:
				script.WriteString(t)
			case len(hidden) == 1 && hidden[0] == atom.Head && strings.TrimSpace(t) != "":
				hidden = hidden[:0] // text ends an unclosed <head>, as in the parser
			}
			if len(hidden) == 0 && strings.TrimSpace(t) != "" {
				inBody = true
			}
			if len(hidden) > 0 {
				continue
			}
			if inH1 {
				h1.WriteString(t)
			}
			if dropNewline {
				t = strings.TrimPrefix(t, "\n")
				dropNewline = false
			}
			w.text(t, pre > 0)
		case html.StartTagToken, html.SelfClosingTagToken:
			dropNewline = false
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if _, dup := attrs[string(k)]; !dup { // the first wins, as in the parser
					attrs[string(k)] = strings.TrimSpace(string(v))
				}
			}
			tokenMeta(a, attrs, &m, &og, &itemprop, &named, &canonical, &ogURL)
			// The parser ignores "/>" on HTML elements ("<div/>" opens a
			// div); inside <svg> and <math>, hidden anyway, it closes them.
			void := voidElements[a] || tt == html.SelfClosingTagToken && len(hidden) > 0
			if n := len(hidden); n > 0 && (hidden[n-1] == atom.Svg || hidden[n-1] == atom.Math) && breakout[a] {
				hidden = hidden[:n-1] // "<svg><p>": an HTML tag ends the foreign content
			}
			if len(hidden) == 1 && hidden[0] == atom.Head && !headContent[a] {
				hidden = hidden[:0] // <body>, <p>, ... end an unclosed <head>
			}
			if a == atom.Head && inBody {
				continue
			}
			if len(hidden) == 0 && !headContent[a] && a != atom.Html {
				inBody = true
			}
			switch {
			case a == atom.Title && !void:
				hidden = append(hidden, a)
				inTitle = title.Len() == 0
			case a == atom.Script && !void:
				hidden = append(hidden, a)
				inLD = strings.EqualFold(attrs["type"], "application/ld+json")
			case a == atom.Head && lastIndex(hidden, a) >= 0:
				// a second <head> is ignored
			case invisible[a] && !void:
				hidden = append(hidden, a)
			}
			if len(hidden) > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				w.breakLine(1)
				continue
			case a == atom.Pre && !void:
				pre++
				dropNewline = true
			case a == atom.Table && !void:
				tables++
			case (a == atom.Td || a == atom.Th) && tables > 0:
				w.space = true
			case a == atom.H1 && m.h1 == "" && !void:
				inH1 = true
				h1Depth++
			}
			if blocks[a] && a != atom.Body && (tables > 0 || !tableParts[a]) {
				w.breakLine(2)
				if !void {
					open[a]++
				}
			}
		case html.EndTagToken:
			dropNewline = false
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if i := lastIndex(hidden, a); i >= 0 {
				hidden = hidden[:i]
				switch a {
				case atom.Title:
					if inTitle {
						m.titleTag = collapseSpace(title.String())
					}
					inTitle = false
				case atom.Script:
					if inLD {
						ld = append(ld, jsonLDDates(script.String())...)
					}
					inLD = false
					script.Reset()
				}
				continue
			}
			if len(hidden) > 0 {
				continue
			}
			switch a {
			case atom.Br:
				w.breakLine(1) // </br> is a <br> to the parser
				continue
			case atom.Pre:
				pre = max(0, pre-1)
			case atom.Table:
				tables = max(0, tables-1)
			case atom.H1:
				if inH1 {
					if h1Depth--; h1Depth == 0 {
						inH1 = false
						m.h1 = collapseSpace(h1.String())
					}
				}
			}
			switch {
			case blocks[a] && open[a] > 0:
				open[a]--
				w.breakLine(2)
			case a == atom.P:
				w.breakLine(2) // a stray </p> is an empty paragraph to the parser
			}
		}
	}
	if inH1 && m.h1 == "" {
		m.h1 = collapseSpace(h1.String())
	}
	for _, list := range [][]string{og, itemprop, ld, named} {
		m.published = append(m.published, list...)
	}
	m.url = canonical
	if m.url == "" {
		m.url = ogURL
	}
	return w.b.String(), m
}

// tokenMeta is htmlMetadata's test on one start tag's attributes (keys in
// lower case, as the tokenizer gives them).
func tokenMeta(a atom.Atom, attrs map[string]string, m *htmlMeta, og, itemprop, named *[]string, canonical, ogURL *string) {
	switch a {
	case atom.Html:
		if m.language == "" {
			m.language = attrs["lang"]
		}
	case atom.Link:
		if strings.EqualFold(attrs["rel"], "canonical") && *canonical == "" {
			*canonical = attrs["href"]
		}
	case atom.Meta:
		prop, name, content := strings.ToLower(attrs["property"]), strings.ToLower(attrs["name"]), attrs["content"]
		switch {
		case prop == "article:published_time" || name == "article:published_time":
			*og = append(*og, content)
		case name == "date":
			*named = append(*named, content)
		case prop == "og:url" && *ogURL == "":
			*ogURL = content
		}
	}
	if strings.EqualFold(attrs["itemprop"], "datePublished") {
		v := attrs["content"]
		if v == "" {
			v = attrs["datetime"]
		}
		if v != "" { // (a date given only as the element's text is not read here)
			*itemprop = append(*itemprop, v)
		}
	}
}

// Elements that have no end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// HTML start tags that end <svg> or <math> content (the parser's
// "breakout" list).
var breakout = map[atom.Atom]bool{
	atom.B: true, atom.Big: true, atom.Blockquote: true, atom.Body: true, atom.Br: true,
	atom.Center: true, atom.Code: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Em: true, atom.Embed: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Head: true,
	atom.Hr: true, atom.I: true, atom.Img: true, atom.Li: true, atom.Listing: true,
	atom.Menu: true, atom.Meta: true, atom.Nobr: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Ruby: true, atom.S: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Strike: true, atom.Sub: true, atom.Sup: true, atom.Table: true,
	atom.Tt: true, atom.U: true, atom.Ul: true, atom.Var: true,
}

// Parts of a table, ignored by the parser outside one.
var tableParts = map[atom.Atom]bool{atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true}

// Elements that stay in <head>: any other start tag ends it.
var headContent = map[atom.Atom]bool{
	atom.Base: true, atom.Basefont: true, atom.Bgsound: true, atom.Link: true, atom.Meta: true,
	atom.Title: true, atom.Style: true, atom.Script: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true,
}

// lastIndex returns the index of the last a in s, or -1.
func lastIndex(s []atom.Atom, a atom.Atom) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == a {
			return i
		}
	}
	return -1
}

// dropByline removes the article's byline element ("By Mara Lindqvist"):
// the first element of the page marked as one (rel="author",
// itemprop="author", or a class or id with byline, author, dateline or
// writtenby in it) whose text is under 100 characters — Readability's own
// test. Readability removes it only when the page's metadata named no
// author; with one, it leaves the element in the article, where it would
// open the text in place of the first paragraph. The article has lost its
// class attributes, so the element is found in the page and removed from
// the article by its text. The byline itself is kept in Document.Byline.
func dropByline(page, article *html.Node) {
	var byline string
	walk(findElement(page, atom.Body), func(c *html.Node) bool {
		if byline != "" {
			return false
		}
		if c.Type == html.ElementNode && isBylineElement(c) {
			if t := strings.TrimSpace(textOf(c)); len([]rune(t)) < 100 {
				byline = t
				return false
			}
		}
		return true
	})
	if byline == "" {
		return
	}
	var found *html.Node
	walk(article, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c != article && c.Type == html.ElementNode && strings.TrimSpace(textOf(c)) == byline {
			found = c
			return false
		}
		return true
	})
	if found != nil && found.Parent != nil {
		found.Parent.RemoveChild(found)
	}
}

// isBylineElement is Readability's byline test on an element's attributes.
func isBylineElement(n *html.Node) bool {
	var class, id string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "rel":
			if a.Val == "author" {
				return true
			}
		case "itemprop":
			if strings.Contains(a.Val, "author") {
				return true
			}
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	match := strings.ToLower(class + " " + id)
	for _, w := range []string{"byline", "author", "dateline", "writtenby", "p-author"} {
		if strings.Contains(match, w) {
			return true
		}
	}
	return false
}

// runReadability runs go-readability, turning a panic into an error: it is a
// large heuristic over arbitrary markup, and one odd page must not stop a run.
func runReadability(root *html.Node) (art readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			art, err = readability.Article{}, fmt.Errorf("failed: %v", p)
		}
	}()
	return readability.FromDocument(root, nil)
}

// htmlMeta is metadata read from the page's tags.
type htmlMeta struct {
	metadata
	titleTag string
	h1       string // the first <h1>'s text
}

// htmlTitle chooses a page's title: Readability's, else the <title>, unless
// it is page furniture (a section label such as "World | Asia", a site
// name) and the page's <h1> is a real headline.
func htmlTitle(readable, titleTag, h1 string) string {
	for _, t := range []string{readable, titleTag, h1} {
		if t != "" && !isFurniture(t) {
			return t
		}
	}
	// Nothing better: a short name-like title ("Notice") is still the
	// page's own; a section label or navigation is not, and the text's
	// first headline-like line is tried instead.
	t := firstNonEmpty(readable, titleTag, h1)
	if words := strings.Fields(t); len(words) > 0 && (isSectionLabel(words) || isBoilerplate(t, words)) {
		return ""
	}
	return t
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// htmlMetadata reads the publication date, language, canonical URL and
// <title> from the page. Dates are taken, best first, from
// <meta property="article:published_time">, itemprop="datePublished" (a
// <meta content> or a <time datetime>), JSON-LD "datePublished" and
// <meta name="date">. go-readability's own PublishedTime is not used: it
// reads only the first and part of the third of these, and its date parser
// guesses at ambiguous forms such as 01/02/2024.
func htmlMetadata(root *html.Node) htmlMeta {
	var m htmlMeta
	var og, itemprop, named, jsonld []string
	var canonical, ogURL string
	walk(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			m.language = attr(n, "lang")
		case atom.Title:
			if m.titleTag == "" {
				m.titleTag = collapseSpace(textOf(n))
			}
		case atom.H1:
			if m.h1 == "" {
				m.h1 = collapseSpace(textOf(n))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
				canonical = attr(n, "href")
			}
		case atom.Meta:
			prop := strings.ToLower(attr(n, "property"))
			name := strings.ToLower(attr(n, "name"))
			content := attr(n, "content")
			switch {
			case prop == "article:published_time" || name == "article:published_time":
				og = append(og, content)
			case name == "date":
				named = append(named, content)
			case prop == "og:url" && ogURL == "":
				ogURL = content
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				jsonld = append(jsonld, jsonLDDates(textOf(n))...)
			}
			return false
		}
		if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			v := attr(n, "content")
			if v == "" {
				v = attr(n, "datetime")
			}
			if v == "" {
				v = textOf(n)
			}
			itemprop = append(itemprop, v)
		}
		return true
	})
	for _, list := range [][]string{og, itemprop, jsonld, named} {
		m.published = append(m.published, list...)
	}
	m.url = canonical
	if m.url == "" {
		m.url = ogURL
	}
	return m
}

// jsonLDDates returns every "datePublished" string in a JSON-LD block, at any
// depth (sites nest the article in "@graph" or in arrays).
func jsonLDDates(src string) []string {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []string
	var visit func(any)
	visit = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok {
				out = append(out, s)
			}
			for _, k := range sortedKeys(v) {
				if k != "datePublished" {
					visit(v[k])
				}
			}
		case []any:
			for _, e := range v {
				visit(e)
			}
		}
	}
	visit(v)
	return out
}

// sortedKeys returns m's keys in order: map iteration is random, and the
// first date found wins.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sniff decides how to read standard input, which has no file name to go
// by: HTML if it starts with a tag and names a typical page element early
// on, else plain text.
func sniff(content string) int {
	sample := content
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	if strings.HasPrefix(sample, bomUTF16LE) || strings.HasPrefix(sample, bomUTF16BE) {
		sample = decode(sample).text
	}
	sample = strings.TrimPrefix(sample, bomUTF8)
	sample = strings.ToLower(strings.TrimLeftFunc(sample, unicode.IsSpace))
	if !strings.HasPrefix(sample, "<") {
		return kindText
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article"} {
		if strings.Contains(sample, tag) {
			return kindHTML
		}
	}
	return kindText
}

// walk visits n and its descendants in document order; fn returns false to
// skip a node's children.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(n *html.Node) bool {
		if found == nil && n.Type == html.ElementNode && n.DataAtom == a {
			found = n
		}
		return found == nil
	})
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// textOf concatenates the text nodes under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		return true
	})
	return b.String()
}

// Elements whose content is not visible text.
var invisible = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Object: true, atom.Canvas: true, atom.Select: true, atom.Button: true,
}

// Elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tr: true,
	atom.Ul: true, atom.Caption: true, atom.Body: true,
}

// renderText turns the visible text under n into plain text: white space
// runs become one space, block elements become paragraphs separated by a
// blank line, <br> a line break, and <pre> keeps its lines. Downstream
// sentence splitting and pattern matching then see prose, not markup
// layout.
func renderText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.node(n, false)
	return w.b.String()
}

type textWriter struct {
	b     strings.Builder
	brk   int  // pending line breaks before the next text: 0, 1 or 2
	space bool // pending space before the next text
}

func (w *textWriter) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if invisible[n.DataAtom] {
			return
		}
		switch {
		case n.DataAtom == atom.Br:
			w.breakLine(1)
			return
		case n.DataAtom == atom.Pre:
			pre = true
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			w.space = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		w.breakLine(2)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, pre)
	}
	if block {
		w.breakLine(2)
	}
}

func (w *textWriter) breakLine(n int) {
	if w.b.Len() > 0 && n > w.brk {
		w.brk = n
	}
}

func (w *textWriter) text(s string, pre bool) {
	if pre {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				w.breakLine(1)
			}
			w.emit(strings.TrimRight(line, " \t\r"))
		}
		return
	}
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			w.emit(s)
			return
		}
		w.emit(s[:i])
		w.space = true
		s = strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	}
}

// emit writes a word (or a <pre> line), preceded by whatever break or space
// is pending.
func (w *textWriter) emit(s string) {
	if s == "" {
		return
	}
	switch {
	case w.b.Len() == 0:
	case w.brk > 0:
		w.b.WriteString(strings.Repeat("\n", w.brk))
	case w.space:
		w.b.WriteByte(' ')
	}
	w.brk, w.space = 0, false
	w.b.WriteString(s)
}
