package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestDocumentBylineSite: an HTML page's byline and site name reach the
// JSON report's document, and a document without them gains no field (the
// JSON report only ever adds fields).
func TestDocumentBylineSite(t *testing.T) {
	tests := []struct {
		name         string
		byline, site string
		want, absent []string
	}{
		{"html page", "Mara Lindqvist", "Coastline Gazette", []string{`"byline":"Mara Lindqvist"`, `"site":"Coastline Gazette"`}, nil},
		{"text file", "", "", nil, []string{`"byline"`, `"site"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &claims.Document{ID: "a", Text: "x", Status: claims.StatusRead, Byline: tc.byline, Site: tc.site}
			b, err := json.Marshal(FromDocument(d, 0, nil))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("%s lacks %s", b, w)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(string(b), a) {
					t.Errorf("%s has %s", b, a)
				}
			}
		})
	}
}
