package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHTMLDesk checks the hooks "crosscheck serve" uses: the desk page is
// the report page plus the CSRF meta tag, the desk's data block and
// script, and a CSP that admits that script by hash and lets it call the
// server — while the static report has none of it.
func TestHTMLDesk(t *testing.T) {
	r := fixtureReport(t)
	opt := fixtureOptions(r)
	opt.ShowAll = true
	static := render(t, r, "html", opt)

	const script = `window.deskRan = true;`
	desk := HTMLDesk{
		Token:  `tok"en<&>`,
		Script: script,
		CSS:    ".desk { color: red; }",
		Data:   map[string]string{"note": "</script><script>alert(1)</script>"},
	}
	var buf bytes.Buffer
	require.NoError(t, RenderHTMLDesk(&buf, r, opt, desk))
	page := buf.String()

	for _, tc := range []struct {
		name         string
		page         string
		metas        int // csrf-token meta tags
		scripts      int // executable scripts
		dataBlocks   int
		wantCSP      string
		wantScriptIn bool
	}{
		{"static report", static, 0, 1, 1, htmlCSP, false},
		{"desk", page, 1, 2, 2, htmlCSP + " 'sha256-" + hashJS(script) + "'; connect-src 'self'", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseHTML(t, tc.page)
			var tokens []string
			var csp string
			for _, m := range elements(doc, "meta") {
				if m["name"] == "csrf-token" {
					tokens = append(tokens, m["content"])
				}
				if m["http-equiv"] == "Content-Security-Policy" {
					csp = m["content"]
				}
			}
			assert.Len(t, tokens, tc.metas)
			if tc.metas > 0 {
				assert.Equal(t, desk.Token, tokens[0], "the token survives attribute escaping intact")
			}
			assert.Equal(t, tc.wantCSP, csp)
			exec, data := 0, 0
			for _, s := range elements(doc, "script") {
				if s["type"] == "application/json" {
					data++
				} else {
					exec++
				}
			}
			assert.Equal(t, tc.scripts, exec)
			assert.Equal(t, tc.dataBlocks, data)
			assert.Equal(t, tc.wantScriptIn, strings.Contains(tc.page, "<script>"+script+"</script>"))
			assert.Equal(t, tc.wantScriptIn, strings.Contains(tc.page, ".desk { color: red; }"))
		})
	}
	assert.Equal(t, DeskCSP(script), htmlCSP+" 'sha256-"+hashJS(script)+"'; connect-src 'self'")

	// The data block cannot close its element, and reads back as given.
	assert.False(t, strings.Contains(page, "</script><script>alert"))
	_, block, ok := strings.Cut(page, `<script type="application/json" id="desk-data">`)
	require.True(t, ok)
	block, _, _ = strings.Cut(block, "</script>")
	var back map[string]string
	require.NoError(t, json.Unmarshal([]byte(block), &back))
	assert.Equal(t, desk.Data, back)

	// Take the desk's additions away and the static page is left.
	stripped := strings.Replace(page, "\n<meta name=\"csrf-token\" content=\"tok&#34;en&lt;&amp;&gt;\">", "", 1)
	stripped = strings.Replace(stripped, "\n<script type=\"application/json\" id=\"desk-data\">"+block+"</script>\n<script>"+script+"</script>", "", 1)
	stripped = strings.Replace(stripped, desk.CSS, "", 1)
	stripped = strings.Replace(stripped, strings.ReplaceAll(DeskCSP(script), "'", "&#39;"), strings.ReplaceAll(htmlCSP, "'", "&#39;"), 1)
	assert.True(t, stripped == static, "the desk page is the static page plus its additions")

	// A desk without a token or a script is refused.
	assert.Error(t, RenderHTMLDesk(&buf, r, opt, HTMLDesk{Script: script}))
	assert.Error(t, RenderHTMLDesk(&buf, r, opt, HTMLDesk{Token: "t"}))
}
