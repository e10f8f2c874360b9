package extract

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// FuzzExtractDocument runs the whole extraction of one document over
// arbitrary text in every language: no panic, and every claim's text is
// exactly its span of the input. Run: go test ./claims/extract -run=^$ -fuzz=FuzzExtractDocument
func FuzzExtractDocument(f *testing.F) {
	for _, s := range []string{
		"Sunday, December 29, 2024\nThe five-day meeting concluded on Friday; more than 5,000 people fled.",
		"JAKARTA, Senin (30/12/2024) - Rapat berlangsung dari 23 hingga 27 Desember. Sedikitnya 4.000 orang mengungsi, 7,8 persen.",
		"2021-01-12 -- 15,000 kilometers (9,320 miles) between 3 and 5 km, $3bn, Rp 5 triliun, ke-8, 1990s, tahun 1990-an",
		"Copyright 1998-2016, 2025 M St. NW, Suite 300, 3 minute read, COVID-19, G20, F-16, 555-1234-99",
		"in 2018-19 between March and May at 4:17 a.m. pukul 04.17 WIB two days ago kemarin",
		"\xff\xfe broken \x00 bytes 12,",
	} {
		f.Add(s, "en")
		f.Add(s, "id")
	}
	set, err := rules.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	eng := New(set)
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(lang) > 3 {
			lang = lang[:3]
		}
		doc := &claims.Document{ID: "fuzz", Text: text, Language: lang, Status: claims.StatusRead}
		if len(text)%2 == 0 {
			doc.Published = time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC)
		}
		for _, c := range eng.Extract(doc) {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End {
				t.Fatalf("span %d..%d outside text of %d bytes", c.Start, c.End, len(text))
			}
			if text[c.Start:c.End] != c.Text {
				t.Fatalf("claim text %q is not its span %q", c.Text, text[c.Start:c.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(c.Text) {
				t.Fatalf("claim %q cuts a character", c.Text)
			}
		}
	})
}
