package ingest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHTMLByline: the byline goes to Document.Byline and never into the
// text, whether the page's metadata names the author (Readability then
// leaves the byline element in the article, and ingest removes it) or not
// (Readability reads the byline from the element and removes it). The page
// is written for this test.
func TestHTMLByline(t *testing.T) {
	body := `<article><h1>Dam inspection finds cracks</h1>
<p class="byline">By Tomas Varga</p>
<p>Engineers found two cracks in the spillway of the valley dam during a routine inspection on Monday, the water authority said in a statement.</p>
<p>The authority said the cracks posed no immediate risk and that repairs would begin next month, once the reservoir level had been lowered by three metres.</p>
<p>Residents downstream were told that no evacuation was needed and that the road across the dam would stay open to traffic during the work.</p>
</article>`
	tests := []struct {
		name, head, byline, site string
	}{
		{"author in metadata", `<meta name="author" content="Tomas Varga"><meta property="og:site_name" content="Valley Courier">`, "Tomas Varga", "Valley Courier"},
		{"author only in the page", ``, "By Tomas Varga", ""},
	}
	dir := t.TempDir()
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<!DOCTYPE html><html lang=\"en\"><head><title>Dam inspection finds cracks</title>" + tc.head + "</head><body>" + body + "</body></html>"
			d := readOne(t, write(t, dir, strings.Repeat("p", i+1)+".html", []byte(page)), Options{})
			require.Equal(t, ExtractedReadability, d.Extracted)
			assert.Equal(t, tc.byline, d.Byline)
			assert.Equal(t, tc.site, d.Site)
			assert.NotContains(t, d.Text, "Varga")
			assert.True(t, strings.HasPrefix(d.Text, "Engineers found two cracks"), "%q", d.Text)
		})
	}
}
