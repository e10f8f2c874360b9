package ingest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"github.com/crosscheck/crosscheck/claims"
)

// write creates a file under dir (making parent directories) and returns its
// path.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, content, 0o644))
	return p
}

// readOne reads a single path and returns its only document.
func readOne(t *testing.T, path string, opt Options) *claims.Document {
	t.Helper()
	docs, err := Read([]string{path}, opt)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	return docs[0]
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func win1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestTextInputs covers plain-text files: front matter, the title heuristic,
// every encoding and the binary and empty skips. Text must always be the
// file's content as decoded, so offsets stay those of the file.
func TestTextInputs(t *testing.T) {
	const body = "Harbour fees rise by 4 percent from May.\nFishermen say the increase is unfair.\n"
	tests := []struct {
		name    string
		file    string
		content []byte

		text     string // "" means: the content as a string
		id       string
		title    string
		pub      string // YYYY-MM-DD
		pubText  string
		lang     string
		url      string
		status   string
		reason   string
		warnings []string // substrings, one per expected warning
	}{
		{
			name:    "plain text, title from first line",
			file:    "harbour.txt",
			content: []byte("Harbour fees to rise in spring\n\n" + body),
			title:   "Harbour fees to rise in spring",
		},
		{
			name:    "markdown heading as title",
			file:    "harbour.md",
			content: []byte("# Harbour fees to rise in spring\n\n" + body),
			title:   "Harbour fees to rise in spring",
		},
		{
			name: "front matter, keys case-insensitive, kept in Text",
			file: "fm.txt",
			content: []byte("Title: Harbour fees to rise\nDATE: 2021-03-02\nlanguage: EN-us\nurl: https://port.example/fees\n" +
				"id: port-fees\nsource: port.example\n\n" + body),
			id: "port-fees", title: "Harbour fees to rise", pub: "2021-03-02", pubText: "2021-03-02",
			lang: "en", url: "https://port.example/fees",
		},
		{
			name:    "front matter between --- lines, any key, quoted values",
			file:    "yaml.md",
			content: []byte("---\ntitle: 'Harbour fees to rise'\npublished: 2021-03-02T23:30:00-05:00\nlang: id\nkeywords:\n  - port\n---\n" + body),
			title:   "Harbour fees to rise", pub: "2021-03-02", pubText: "2021-03-02T23:30:00-05:00", lang: "id",
		},
		{
			name:    "front matter stops at the first other line",
			file:    "stop.txt",
			content: []byte("title: Harbour fees to rise\nHarbour fees rise: a short explainer\ndate: 2021-03-02\n" + body),
			title:   "Harbour fees to rise",
		},
		{
			name:     "front matter date not understood: warning, no date",
			file:     "baddate.txt",
			content:  []byte("title: Harbour fees to rise\ndate: next Tuesday\n\n" + body),
			title:    "Harbour fees to rise",
			warnings: []string{`baddate.txt: publication date "next Tuesday" not understood`},
		},
		{
			name:     "front matter language not a code: warning",
			file:     "badlang.txt",
			content:  []byte("language: Bahasa Indonesia\n\n" + body),
			title:    "Harbour fees rise by 4 percent from May.",
			warnings: []string{`language "Bahasa Indonesia" is not an ISO 639 code`},
		},
		{
			name:    "title skips dates, boilerplate and short lines",
			file:    "boiler.txt",
			content: []byte(" date 2021-03-02 Menu\nMonday, March 1, 2021\nSUBSCRIBE TO OUR NEWSLETTER\nHome » Local » Port\nBest Maritime Jobs Portal - APPLY TODAY\nLocal\nHarbour fees to rise in spring\n" + body),
			title:   "Harbour fees to rise in spring",
		},
		{
			name:    "no title when the text starts with prose",
			file:    "prose.txt",
			content: []byte("The harbour authority said on Monday that mooring fees would rise by four percent in May, the first increase since the pier was rebuilt.\n"),
			title:   "",
		},
		{
			name:    "CRLF kept as is",
			file:    "crlf.txt",
			content: []byte("Harbour fees to rise in spring\r\n\r\nFees rise by 4 percent.\r\n"),
			title:   "Harbour fees to rise in spring",
		},
		{
			name:    "UTF-8 BOM stripped",
			file:    "bom.txt",
			content: []byte("\xef\xbb\xbfHarbour fees to rise in spring\n" + body),
			text:    "Harbour fees to rise in spring\n" + body,
			title:   "Harbour fees to rise in spring",
		},
		{
			name:    "UTF-16LE with BOM",
			file:    "le.txt",
			content: utf16LE("Hafengebühren steigen im Frühjahr\n"+body+"Emoji 🚢 kept.\n", true),
			text:    "Hafengebühren steigen im Frühjahr\n" + body + "Emoji 🚢 kept.\n",
			title:   "Hafengebühren steigen im Frühjahr",
		},
		{
			name:    "UTF-16BE with BOM",
			file:    "be.txt",
			content: utf16BE("Hafengebühren steigen im Frühjahr\n" + body),
			text:    "Hafengebühren steigen im Frühjahr\n" + body,
			title:   "Hafengebühren steigen im Frühjahr",
		},
		{
			name:     "UTF-16 odd byte count",
			file:     "odd.txt",
			content:  append(utf16LE("Harbour fees to rise\n"+body, true), 'x'),
			text:     "Harbour fees to rise\n" + body + "\uFFFD",
			title:    "Harbour fees to rise",
			warnings: []string{"odd number of bytes"},
		},
		{
			name:     "Windows-1252 guessed",
			file:     "cp1252.txt",
			content:  win1252(t, "Les droits de port augmentent à Saint-Malo\n«Trop cher», disent les pêcheurs – 4 € de plus.\n"),
			text:     "Les droits de port augmentent à Saint-Malo\n«Trop cher», disent les pêcheurs – 4 € de plus.\n",
			title:    "Les droits de port augmentent à Saint-Malo",
			warnings: []string{"cp1252.txt: not valid UTF-8; decoded as Windows-1252"},
		},
		{
			name:     "damaged UTF-8 repaired with U+FFFD",
			file:     "damaged.txt",
			content:  []byte("Hafengebühren steigen im Frühjahr\nDie Gebühr steigt um 4 %, sagt der Hafenmeister \xff.\n"),
			text:     "Hafengebühren steigen im Frühjahr\nDie Gebühr steigt um 4 %, sagt der Hafenmeister \uFFFD.\n",
			title:    "Hafengebühren steigen im Frühjahr",
			warnings: []string{"damaged.txt: invalid UTF-8: 1 byte replaced with U+FFFD"},
		},
		{
			name:     "bytes undefined in Windows-1252 replaced",
			file:     "undef.txt",
			content:  []byte("Harbour fees to rise\nfees \x81\x8d rise\n"),
			text:     "Harbour fees to rise\nfees \uFFFD rise\n",
			title:    "Harbour fees to rise",
			warnings: []string{"undef.txt: invalid UTF-8: 2 bytes replaced"},
		},
		{name: "NUL bytes: binary", file: "nul.txt", content: []byte("GIF89a\x00\x01\x02 harbour"), status: claims.StatusSkipped, reason: ReasonBinary},
		{name: "control bytes: binary", file: "ctrl.txt", content: []byte("\x01\x02\x03\x04\x05\x06harbour\x07\x08\x0e\x0f"), status: claims.StatusSkipped, reason: ReasonBinary},
		{name: "UTF-16 that decodes to controls: binary", file: "bin16.txt", content: []byte{0xff, 0xfe, 1, 0, 2, 0, 3, 0, 0, 0}, status: claims.StatusSkipped, reason: ReasonBinary},
		{name: "empty file", file: "empty.txt", content: nil, status: claims.StatusSkipped, reason: ReasonEmpty},
		{name: "white space only", file: "blank.txt", content: []byte(" \n\t\r\n  \n"), status: claims.StatusSkipped, reason: ReasonEmpty},
		{name: "BOM only", file: "bomonly.txt", content: []byte("\xef\xbb\xbf\n"), status: claims.StatusSkipped, reason: ReasonEmpty},
		{name: "front matter and no body", file: "fmonly.txt", content: []byte("title: Harbour fees\ndate: 2021-03-02\n\n"), status: claims.StatusSkipped, reason: ReasonEmpty},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.file, tc.content)
			d := readOne(t, p, Options{})
			wantStatus := tc.status
			if wantStatus == "" {
				wantStatus = claims.StatusRead
			}
			require.Equal(t, wantStatus, d.Status, "skip reason %q", d.SkipReason)
			assert.Equal(t, tc.reason, d.SkipReason)
			assert.Equal(t, p, d.Path)
			wantID := tc.id
			if wantID == "" {
				wantID = strings.TrimSuffix(tc.file, filepath.Ext(tc.file))
			}
			assert.Equal(t, wantID, d.ID)
			if wantStatus != claims.StatusRead {
				assert.Empty(t, d.Text)
				return
			}
			wantText := tc.text
			if wantText == "" {
				wantText = string(tc.content)
			}
			assert.Equal(t, wantText, d.Text)
			assert.Equal(t, tc.title, d.Title)
			assert.Empty(t, d.Extracted)
			if tc.pub == "" {
				assert.False(t, d.HasDate())
				assert.Equal(t, claims.SourceNone, d.PublishedSource)
			} else {
				assert.Equal(t, date(tc.pub), d.Published)
				assert.Equal(t, claims.SourceMetadata, d.PublishedSource)
				assert.Equal(t, tc.pubText, d.PublishedText)
			}
			assert.Equal(t, tc.lang, d.Language)
			if tc.lang != "" {
				assert.Equal(t, claims.SourceMetadata, d.LanguageSource)
			}
			assert.Equal(t, tc.url, d.URL)
			require.Len(t, d.Warnings, len(tc.warnings), "%q", d.Warnings)
			for i, w := range tc.warnings {
				assert.Contains(t, d.Warnings[i], w)
				assert.True(t, strings.HasPrefix(d.Warnings[i], p+": "), "warning names the file: %q", d.Warnings[i])
			}
		})
	}
}

// TestDirectory covers walking: recursion in sorted order, hidden entries
// ignored, other extensions listed as unsupported, and colliding file names
// told apart by their directory.
func TestDirectory(t *testing.T) {
	docs, err := Read([]string{"testdata/dir"}, Options{})
	require.NoError(t, err)
	type row struct{ ID, Path, Status, Reason, Title, Pub string }
	var got []row
	for _, d := range docs {
		got = append(got, row{d.ID, d.Path, d.Status, d.SkipReason, d.Title, d.PublishedString()})
	}
	assert.Equal(t, []row{
		{"council-budget", "testdata/dir/council-budget.md", "read", "", "Council approves leaner budget", "2022-10-07"},
		{"dir/river-flood", "testdata/dir/river-flood.txt", "read", "", "River Alder bursts its banks in Millford", "2022-10-05"},
		{"photos", "testdata/dir/photos.csv", "skipped", ReasonUnsupported, "", ""},
		{"wire/river-flood", "testdata/dir/wire/river-flood.txt", "read", "", "Millford floods as river rises overnight", ""},
	}, got)

	flood := docs[1]
	assert.Equal(t, "en", flood.Language)
	assert.Equal(t, "https://valleypost.example/alder-flood", flood.URL)
	raw, err := os.ReadFile("testdata/dir/river-flood.txt")
	require.NoError(t, err)
	assert.Equal(t, string(raw), flood.Text, "front matter stays in Text")
}

// TestExplicitPaths: a file named on the command line with an unsupported
// extension is skipped, not an error; a hidden file named explicitly is read;
// the same file named twice (or also found in a named directory) is one
// document.
func TestExplicitPaths(t *testing.T) {
	docs, err := Read([]string{"testdata/dir/photos.csv", "testdata/dir/.draft.txt", "testdata/dir/wire/river-flood.txt",
		"testdata/dir/wire", "./testdata/dir/wire/river-flood.txt"}, Options{})
	require.NoError(t, err)
	require.Len(t, docs, 3)
	assert.Equal(t, ".draft", docs[0].ID)
	assert.Equal(t, claims.StatusRead, docs[0].Status)
	assert.Equal(t, "photos", docs[1].ID)
	assert.Equal(t, ReasonUnsupported, docs[1].SkipReason)
	assert.Equal(t, "river-flood", docs[2].ID)
	assert.Equal(t, "./testdata/dir/wire/river-flood.txt", docs[2].Path, "the first spelling in sorted order")
}

// TestJSONL covers the JSON Lines reader: ids from the field (string or
// number) or <stem>-<line>, Path with the line, metadata fields, unknown
// fields and blank lines ignored, empty text skipped.
func TestJSONL(t *testing.T) {
	docs, err := Read([]string{"testdata/feed.jsonl"}, Options{})
	require.NoError(t, err)
	require.Len(t, docs, 4)
	byID := map[string]*claims.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	tests := []struct {
		id, path, title, pub, pubText, lang, url, status, text string
	}{
		{"17", "testdata/feed.jsonl:4", "Banjir di Millford surut pada hari Kamis.", "", "", "id", "", claims.StatusRead, "Banjir di Millford surut pada hari Kamis.\nWarga mulai membersihkan rumah mereka."},
		{"alder-1", "testdata/feed.jsonl:1", "Flood waters recede in Millford", "2022-10-06", "2022-10-06", "en", "https://wire.example/1", claims.StatusRead, "Water levels in Millford fell overnight, and most of the 60 flooded homes were dry again by Thursday."},
		{"alder-4", "testdata/feed.jsonl:5", "", "", "", "", "", claims.StatusSkipped, ""},
		{"feed-3", "testdata/feed.jsonl:3", "Insurers count the cost", "2022-10-08", "2022-10-08T09:15:00Z", "en", "", claims.StatusRead, "Insurers estimated the damage in Millford at 2.4 million pounds on Saturday."},
	}
	for i, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			d := byID[tc.id]
			require.NotNil(t, d, "ids: %v", docs)
			assert.Same(t, docs[i], d, "sorted by ID")
			assert.Equal(t, tc.path, d.Path)
			assert.Equal(t, tc.status, d.Status)
			assert.Equal(t, tc.text, d.Text)
			assert.Equal(t, tc.title, d.Title)
			assert.Equal(t, tc.pub, d.PublishedString())
			assert.Equal(t, tc.pubText, d.PublishedText)
			assert.Equal(t, tc.lang, d.Language)
			assert.Equal(t, tc.url, d.URL)
			if tc.pub != "" {
				assert.Equal(t, claims.SourceMetadata, d.PublishedSource)
			}
		})
	}
	assert.Equal(t, ReasonEmpty, byID["alder-4"].SkipReason)
}

// TestJSONLErrors: a malformed record is an *Error naming path:line; with
// KeepGoing it is a skipped document and the other records are still read.
func TestJSONLErrors(t *testing.T) {
	good := `{"id":"ok","text":"The ferry sailed at noon."}`
	tests := []struct {
		name, line, msg string
		id              string // of the skipped document under KeepGoing
	}{
		{"not JSON", `{"text": "unterminated`, "malformed record: unexpected end of JSON input", "f-2"},
		{"not an object", `["text"]`, "malformed record: a record must be a JSON object, not a JSON array", "f-2"},
		{"no text", `{"id":"x9","title":"Ferry"}`, `malformed record: no "text" field`, "x9"},
		{"text null", `{"text":null}`, `malformed record: no "text" field`, "f-2"},
		{"text a number", `{"text":42}`, `malformed record: field "text" must be a string, not a JSON number`, "f-2"},
		{"title an object", `{"text":"The ferry sailed.","title":{}}`, `malformed record: field "title" must be a string, not a JSON object`, "f-2"},
		{"id an array", `{"id":[1],"text":"The ferry sailed."}`, `malformed record: "id" must be a string or a number`, "f-2"},
		{"trailing garbage", `{"text":"The ferry sailed."} x`, "malformed record: invalid character 'x' after top-level value", "f-2"},
		{"id with a newline", `{"id":"a\nb","text":"The ferry sailed."}`, `malformed record: "id" "a\nb" contains a newline or control character`, "f-2"},
		{"id with a tab", `{"id":"a\tb","text":"The ferry sailed."}`, `malformed record: "id" "a\tb" contains a newline or control character`, "f-2"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, "f.jsonl", []byte(good+"\n"+tc.line+"\n"))
			_, err := Read([]string{p}, Options{})
			var ie *Error
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, p, ie.Path)
			assert.Equal(t, 2, ie.Line)
			assert.Equal(t, p+":2: "+tc.msg, err.Error())

			docs, err := Read([]string{p}, Options{KeepGoing: true})
			require.NoError(t, err)
			require.Len(t, docs, 2)
			var bad *claims.Document
			for _, d := range docs {
				if d.Status == claims.StatusSkipped {
					bad = d
				} else {
					assert.Equal(t, "ok", d.ID)
				}
			}
			require.NotNil(t, bad)
			assert.Equal(t, tc.id, bad.ID)
			assert.Equal(t, p+":2", bad.Path)
			assert.Equal(t, tc.msg, bad.SkipReason)
		})
	}
}

// TestJSONLEncodings: a UTF-8 BOM is dropped, UTF-16 feeds are transcoded,
// and invalid UTF-8 inside a string is replaced with a warning.
func TestJSONLEncodings(t *testing.T) {
	dir := t.TempDir()
	rec := `{"id":"r","text":"Fähre fährt wieder."}` + "\n"
	for name, content := range map[string][]byte{
		"bom.jsonl":   []byte("\xef\xbb\xbf" + rec),
		"utf16.jsonl": utf16LE(rec, true),
	} {
		t.Run(name, func(t *testing.T) {
			d := readOne(t, write(t, dir, name, content), Options{})
			assert.Equal(t, "r", d.ID)
			assert.Equal(t, "Fähre fährt wieder.", d.Text)
			assert.Empty(t, d.Warnings)
		})
	}
	d := readOne(t, write(t, dir, "bad.jsonl", []byte("{\"text\":\"F\xe4hre\"}\n")), Options{})
	assert.Equal(t, "F\uFFFDhre", d.Text)
	require.Len(t, d.Warnings, 1)
	assert.Contains(t, d.Warnings[0], "bad.jsonl:1: invalid UTF-8")
}

// TestHTML covers extraction: the article without navigation, scripts or
// asides, paragraphs separated by blank lines, title, canonical URL, lang
// attribute and published time.
func TestHTML(t *testing.T) {
	d := readOne(t, "testdata/article.html", Options{})
	require.Equal(t, claims.StatusRead, d.Status)
	assert.Equal(t, ExtractedReadability, d.Extracted)
	assert.Equal(t, "Ferry service resumes after storm", d.Title)
	assert.Equal(t, "https://gazette.example/ferry-resumes", d.URL)
	assert.Equal(t, "en", d.Language)
	assert.Equal(t, date("2023-03-14"), d.Published)
	assert.Equal(t, "2023-03-14T07:45:00+01:00", d.PublishedText)
	// The byline and site name are kept beside the text, not in it.
	assert.Equal(t, "Mara Lindqvist", d.Byline)
	assert.Equal(t, "Coastline Gazette", d.Site)
	assert.NotContains(t, d.Text, "Lindqvist")
	paras := strings.Split(d.Text, "\n\n")
	require.Len(t, paras, 3, "%q", d.Text)
	assert.True(t, strings.HasPrefix(paras[0], "The island ferry made its first crossing"))
	assert.True(t, strings.HasPrefix(paras[2], "The timetable will return to normal"))
	for _, junk := range []string{"tracking", "font-family", "Weather", "Bridge plan delayed", "All rights reserved"} {
		assert.NotContains(t, d.Text, junk)
	}
	assert.Empty(t, d.Warnings)
}

// TestHTMLMetadata covers each source of the publication date, and that the
// most specific one wins.
func TestHTMLMetadata(t *testing.T) {
	article := `<article><p>The bakery on Quay Street reopened on Monday after a fire in its kitchen closed it for three weeks. The owners said 30 regulars queued before opening time.</p>
<p>Repairs cost 18,000 pounds, most of it covered by insurance, and two new ovens were fitted.</p></article>`
	page := func(head, body string) []byte {
		return []byte("<!doctype html><html><head><title>Bakery reopens after fire</title>" + head + "</head><body>" + body + article + "</body></html>")
	}
	tests := []struct {
		name, head, body, pub, pubText string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2020-05-04T10:00:00Z">`, "", "2020-05-04", "2020-05-04T10:00:00Z"},
		{"meta name=date", `<meta name="date" content="2020-05-04">`, "", "2020-05-04", "2020-05-04"},
		{"itemprop meta", `<meta itemprop="datePublished" content="2020-05-04T08:00:00+02:00">`, "", "2020-05-04", "2020-05-04T08:00:00+02:00"},
		{"itemprop time", "", `<time itemprop="datePublished" datetime="2020-05-04">4 May</time>`, "2020-05-04", "2020-05-04"},
		{"JSON-LD", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2020-05-04T09:00:00+01:00"}</script>`, "", "2020-05-04", "2020-05-04T09:00:00+01:00"},
		{"JSON-LD @graph", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2020-05-04"}]}</script>`, "", "2020-05-04", "2020-05-04"},
		{"human date", `<meta name="date" content="May 4, 2020">`, "", "2020-05-04", "May 4, 2020"},
		{"article:published_time beats meta date", `<meta name="date" content="2019-01-01"><meta property="article:published_time" content="2020-05-04">`, "", "2020-05-04", "2020-05-04"},
		{"none", "", "", "", ""},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, write(t, dir, "bakery.html", page(tc.head, tc.body)), Options{})
			assert.Equal(t, "Bakery reopens after fire", d.Title)
			assert.Equal(t, tc.pub, d.PublishedString())
			assert.Equal(t, tc.pubText, d.PublishedText)
			assert.Contains(t, d.Text, "The bakery on Quay Street reopened")
		})
	}
}

// TestHTMLEncodings: a charset declared in <meta> decides the decoding;
// a BOM wins over it.
func TestHTMLEncodings(t *testing.T) {
	const para = "Le café du port a rouvert lundi après l’incendie, a déclaré la propriétaire. Trente habitués attendaient déjà devant la porte."
	sjis, err := japanese.ShiftJIS.NewEncoder().String("港のパン屋が火事の後に営業を再開した。常連客三十人が開店前から並んだ。")
	require.NoError(t, err)
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"meta charset windows-1252", append([]byte(`<html><head><meta charset="windows-1252"></head><body><p>`), append(win1252(t, para), "</p></body></html>"...)...), para},
		{"http-equiv iso-8859-1", append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>`), append(win1252(t, para), "</p></body></html>"...)...), para},
		{"meta charset shift_jis", []byte(`<html><head><meta charset="shift_jis"></head><body><p>` + sjis + `</p></body></html>`), "港のパン屋が火事の後に営業を再開した。常連客三十人が開店前から並んだ。"},
		{"UTF-16 BOM beats meta", utf16LE(`<html><head><meta charset="windows-1252"></head><body><p>`+para+`</p></body></html>`, true), para},
		{"undeclared 8-bit guessed", append([]byte(`<html><body><p>`), append(win1252(t, para), "</p></body></html>"...)...), para},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, write(t, dir, "cafe.html", tc.content), Options{})
			require.Equal(t, claims.StatusRead, d.Status, d.SkipReason)
			assert.Equal(t, tc.want, d.Text)
		})
	}
}

// TestHTMLFallback: when Readability finds no article, the visible text of
// <body> is used, without scripts or styles, with a warning; a page with no
// visible text is empty; a page with NUL bytes is binary.
func TestHTMLFallback(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "footer.html", []byte(`<html><head><title>Notice</title><style>p{}</style></head><body><form><input value="x"></form>`+
		`<footer>Office closed <b>all</b> day<br>on Friday</footer><script>var hidden = 1;</script></body></html>`))
	d := readOne(t, p, Options{})
	require.Equal(t, claims.StatusRead, d.Status)
	assert.Equal(t, ExtractedBody, d.Extracted)
	assert.Equal(t, "Office closed all day\non Friday", d.Text)
	assert.Equal(t, "Notice", d.Title)
	require.Len(t, d.Warnings, 1)
	assert.Contains(t, d.Warnings[0], p+": readability")

	d = readOne(t, write(t, dir, "script.html", []byte(`<html><body><script>var a = 1;</script></body></html>`)), Options{})
	assert.Equal(t, ReasonEmpty, d.SkipReason)
	d = readOne(t, write(t, dir, "nul.htm", []byte("<html>\x00\x00</html>")), Options{})
	assert.Equal(t, ReasonBinary, d.SkipReason)
}

// TestStdin: "-" reads Options.Stdin once, with ID "stdin", sniffing HTML.
func TestStdin(t *testing.T) {
	tests := []struct {
		name, in, text, extracted string
	}{
		{"text", "Ferry delayed by fog\n\nThe morning boat left two hours late.\n", "Ferry delayed by fog\n\nThe morning boat left two hours late.\n", ""},
		{"text starting with a tag-like word", "<b>old markup</b> Ferry delayed by fog.\n", "<b>old markup</b> Ferry delayed by fog.\n", ""},
		{"HTML", "\n  <!DOCTYPE html><html><body><p>The morning boat left two hours late because of fog over the strait.</p></body></html>", "The morning boat left two hours late because of fog over the strait.", ExtractedReadability},
		{"UTF-16 HTML", string(utf16LE("<html><body><p>The morning boat left two hours late because of fog.</p></body></html>", true)), "The morning boat left two hours late because of fog.", ExtractedReadability},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Read([]string{"-", "-"}, Options{Stdin: strings.NewReader(tc.in)})
			require.NoError(t, err)
			require.Len(t, docs, 1)
			d := docs[0]
			assert.Equal(t, "stdin", d.ID)
			assert.Equal(t, "-", d.Path)
			assert.Equal(t, tc.text, d.Text)
			assert.Equal(t, tc.extracted, d.Extracted)
		})
	}
}

// TestErrors: missing and unreadable paths are *Errors naming the path (the
// CLI exits 2); with KeepGoing they are skipped documents, and nothing is
// dropped.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.txt", []byte("Ferry delayed by fog again\n"))
	missing := filepath.Join(dir, "missing.txt")

	_, err := Read([]string{ok, missing}, Options{})
	var ie *Error
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, missing, ie.Path)
	assert.Equal(t, 0, ie.Line)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Equal(t, missing+": no such file or directory", err.Error())

	docs, err := Read([]string{missing, ok}, Options{KeepGoing: true})
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, "missing", docs[0].ID)
	assert.Equal(t, claims.StatusSkipped, docs[0].Status)
	assert.Equal(t, "no such file or directory", docs[0].SkipReason)
	assert.Equal(t, "ok", docs[1].ID)

	// A dangling symbolic link inside a directory is unreadable.
	sub := filepath.Join(dir, "sub")
	write(t, sub, "a.txt", []byte("Ferry delayed by fog at dawn\n"))
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(sub, "b.txt")))
	_, err = Read([]string{sub}, Options{})
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, filepath.Join(sub, "b.txt"), ie.Path)
	docs, err = Read([]string{sub}, Options{KeepGoing: true})
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, "b", docs[1].ID)
	assert.Equal(t, claims.StatusSkipped, docs[1].Status)

	if os.Geteuid() != 0 { // root reads anything
		locked := write(t, dir, "locked.txt", []byte("Ferry timetable\n"))
		require.NoError(t, os.Chmod(locked, 0))
		_, err = Read([]string{locked}, Options{})
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, locked, ie.Path)
	}
}

// TestTooLarge: files over MaxFileBytes are errors naming the file and the
// limit (skipped with KeepGoing), checked before reading, and for standard
// input while reading.
func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.txt", []byte(strings.Repeat("Ferry news. ", 20)))
	feed := write(t, dir, "big.jsonl", []byte(`{"text":"`+strings.Repeat("x", 300)+`"}`))
	for _, p := range []string{big, feed} {
		_, err := Read([]string{p}, Options{MaxFileBytes: 100})
		var ie *Error
		require.ErrorAs(t, err, &ie)
		assert.ErrorIs(t, err, ErrTooLarge)
		assert.Equal(t, p, ie.Path)
		assert.Contains(t, err.Error(), "limit of 100 bytes")

		d := readOne(t, p, Options{MaxFileBytes: 100, KeepGoing: true})
		assert.Equal(t, claims.StatusSkipped, d.Status)
		assert.Contains(t, d.SkipReason, "too large")
		assert.Equal(t, "read 0 documents, skipped 1 (1 too large)", Summary([]*claims.Document{d}))
	}
	_, err := Read([]string{"-"}, Options{MaxFileBytes: 10, Stdin: strings.NewReader(strings.Repeat("a", 11))})
	assert.ErrorIs(t, err, ErrTooLarge)
	d := readOne(t, "-", Options{MaxFileBytes: 11, Stdin: strings.NewReader(strings.Repeat("a", 11))})
	assert.Equal(t, claims.StatusRead, d.Status, "exactly at the limit is fine")
}

// TestDuplicates: identical text is read once; later copies (in ID order)
// are skipped naming the first, whatever the file's encoding or kind.
func TestDuplicates(t *testing.T) {
	dir := t.TempDir()
	text := "Ferry delayed by fog\n\nThe morning boat left two hours late.\n"
	a := write(t, dir, "a.txt", []byte(text))
	b := write(t, dir, "b.txt", []byte(text))
	c := write(t, dir, "c.txt", utf16LE(text, true))
	f := write(t, dir, "feed.jsonl", []byte(`{"id":"0-wire","text":"Ferry delayed by fog\n\nThe morning boat left two hours late.\n"}`+"\n"))
	docs, err := Read([]string{c, b, a, f}, Options{})
	require.NoError(t, err)
	require.Len(t, docs, 4)
	assert.Equal(t, "0-wire", docs[0].ID)
	assert.Equal(t, claims.StatusRead, docs[0].Status)
	for _, d := range docs[1:] {
		assert.Equal(t, claims.StatusSkipped, d.Status, d.ID)
		assert.Equal(t, "duplicate of 0-wire", d.SkipReason)
	}
	assert.Equal(t, "read 1 document, skipped 3 (3 duplicate)", Summary(docs))
}

// TestIDs covers disambiguation: qualified by directory (or JSON Lines file)
// name one level at a time, and a "~N" suffix only when paths cannot tell
// them apart. It never depends on input order.
func TestIDs(t *testing.T) {
	mk := func(base, path string, qual ...string) *item {
		return &item{doc: &claims.Document{Path: path}, base: base, qual: qual}
	}
	tests := []struct {
		name  string
		items []*item
		want  []string
	}{
		{"unique", []*item{mk("a", "x/a.txt", "x"), mk("b", "x/b.txt", "x")}, []string{"a", "b"}},
		{"same name, two dirs", []*item{mk("a", "x/a.txt", "x", "r"), mk("a", "y/a.txt", "y", "r")}, []string{"x/a", "y/a"}},
		{"same parent name", []*item{mk("a", "p/x/a.txt", "x", "p"), mk("a", "q/x/a.txt", "x", "q")}, []string{"p/x/a", "q/x/a"}},
		{"stdin and a file named stdin", []*item{mk("stdin", "-"), mk("stdin", "d/stdin.txt", "d")}, []string{"stdin", "d/stdin"}},
		{"same id in two feeds", []*item{mk("n1", "f.jsonl:1", "f", "d"), mk("n1", "g.jsonl:1", "g", "d")}, []string{"f/n1", "g/n1"}},
		{"same id twice in one feed", []*item{mk("n1", "f.jsonl:7", "f"), mk("n1", "f.jsonl:3", "f")}, []string{"n1~2", "n1"}}, // qualifying cannot separate them: no "f/" (real paths would qualify up to the root)
		{"suffix avoids an existing id", []*item{mk("n~2", "g.jsonl:1"), mk("n", "f.jsonl:2"), mk("n", "f.jsonl:1")}, []string{"n~2", "n~3", "n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assignIDs(tc.items)
			var got []string
			for _, it := range tc.items {
				got = append(got, it.doc.ID)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestDeterminism: the same set of paths in any argument order gives
// identical documents, IDs and order.
func TestDeterminism(t *testing.T) {
	dir := t.TempDir()
	// Created in reverse name order, so a file system returning creation
	// order would list them differently from name order.
	for i, name := range []string{"z/story.txt", "m/story.txt", "b/story.txt", "b/copy.txt", "a/notes.csv"} {
		write(t, dir, name, []byte("Ferry story number "+string(rune('A'+i%4))+" about the harbour\n"))
	}
	feed := write(t, dir, "feed.jsonl", []byte(`{"id":"story","text":"Ferry story number A about the harbour\n"}`+"\n"+`{"text":"x"`+"\n"))
	paths := []string{filepath.Join(dir, "z"), filepath.Join(dir, "m"), filepath.Join(dir, "b"), filepath.Join(dir, "a"), feed,
		filepath.Join(dir, "b", "story.txt"), filepath.Join(dir, "missing.txt"), "testdata/dir", "testdata/feed.jsonl"}
	first, err := Read(paths, Options{KeepGoing: true})
	require.NoError(t, err)
	require.NotEmpty(t, first)
	for _, perm := range [][]int{{8, 7, 6, 5, 4, 3, 2, 1, 0}, {4, 0, 8, 2, 6, 1, 7, 3, 5}, {1, 3, 5, 7, 0, 2, 4, 6, 8}} {
		var p []string
		for _, i := range perm {
			p = append(p, paths[i])
		}
		got, err := Read(p, Options{KeepGoing: true})
		require.NoError(t, err)
		assert.Equal(t, first, got)
	}
	ids := map[string]bool{}
	for _, d := range first {
		assert.False(t, ids[d.ID], "unique id %s", d.ID)
		ids[d.ID] = true
	}
	// Which error comes first does not depend on order either.
	_, err1 := Read([]string{filepath.Join(dir, "no1"), filepath.Join(dir, "no2")}, Options{})
	_, err2 := Read([]string{filepath.Join(dir, "no2"), filepath.Join(dir, "no1")}, Options{})
	assert.Equal(t, err1, err2)
}

// TestSummary covers the CLI's stderr line.
func TestSummary(t *testing.T) {
	read := &claims.Document{Status: claims.StatusRead}
	skip := func(r string) *claims.Document { return &claims.Document{Status: claims.StatusSkipped, SkipReason: r} }
	tests := []struct {
		docs []*claims.Document
		want string
	}{
		{nil, "read 0 documents"},
		{[]*claims.Document{read}, "read 1 document"},
		{[]*claims.Document{read, read, read, skip("duplicate of a"), skip(ReasonBinary), read, read},
			"read 5 documents, skipped 2 (1 binary, 1 duplicate)"},
		{[]*claims.Document{skip(ReasonEmpty), skip(ReasonUnsupported), skip("no such file or directory"), skip("malformed record: x"), skip("too large: over the limit of 9 bytes")},
			"read 0 documents, skipped 5 (1 empty, 1 unsupported type, 1 too large, 2 error)"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Summary(tc.docs))
	}
}

func TestErrorString(t *testing.T) {
	base := errors.New("boom")
	assert.Equal(t, "a.jsonl:3: boom", (&Error{Path: "a.jsonl", Line: 3, Err: base}).Error())
	assert.Equal(t, "a.txt: boom", (&Error{Path: "a.txt", Err: base}).Error())
	assert.ErrorIs(t, &Error{Path: "a", Err: base}, base)
}

// TestBoundedMemory: a large text file is held once, not copied again on the
// way to Document.Text (reading, BOM stripping, duplicate detection), and a
// large JSON Lines file is read a record at a time.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 16 MiB")
	}
	const size = 8 << 20
	line := "The harbour authority counted 1,204 ferry crossings last month.\n"
	text := strings.Repeat(line, size/len(line))
	dir := t.TempDir()
	txt := write(t, dir, "big.txt", []byte("\xef\xbb\xbf"+text))
	var feed strings.Builder
	for i := 0; feed.Len() < size; i++ {
		feed.WriteString(`{"text":"` + strings.ReplaceAll(strings.Repeat(line, 20), "\n", `\n`) + `"}` + "\n")
	}
	jsonl := write(t, dir, "big.jsonl", []byte(feed.String()))
	feed.Reset()

	for _, tc := range []struct {
		path     string
		maxAlloc float64 // bytes allocated by Read, as a multiple of the file size
	}{
		{txt, 1.5},
		// encoding/json unescapes each text into a buffer and then
		// a string (2x); a copy of the whole file on top would
		// exceed 4x.
		{jsonl, 4},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		docs, err := Read([]string{tc.path}, Options{})
		runtime.ReadMemStats(&after)
		require.NoError(t, err)
		require.NotEmpty(t, docs)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d documents, %.2f MiB allocated for %.2f MiB", filepath.Base(tc.path), len(docs), float64(alloc)/(1<<20), float64(size)/(1<<20))
		assert.Less(t, float64(alloc), tc.maxAlloc*size)
	}
}

// A file name with a newline or control character would become a document
// ID that breaks every line-based format: it is refused, naming the file.
func TestControlCharacterFileName(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no newlines in Windows file names")
	}
	dir := t.TempDir()
	p := write(t, dir, "bad\nname.txt", []byte("The ferry sailed at noon.\n"))
	_, err := Read([]string{dir}, Options{})
	var ie *Error
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, p, ie.Path)
	assert.Contains(t, err.Error(), "file name contains a newline or control character")
}

// UTF-16 saved without a byte-order mark (some Windows tools do) is
// recognised by its zero bytes and decoded, with a warning, rather than
// skipped as binary.
func TestUTF16WithoutBOM(t *testing.T) {
	const text = "Flood waters in Millford receded on Thursday, officials said.\n"
	dir := t.TempDir()
	be := utf16BE(text)[2:]
	for name, data := range map[string][]byte{"le.txt": utf16LE(text, false), "be.txt": be} {
		d := readOne(t, write(t, dir, name, data), Options{})
		assert.Equal(t, claims.StatusRead, d.Status, name)
		assert.Equal(t, text, d.Text, name)
		require.Len(t, d.Warnings, 1, name)
		assert.Contains(t, d.Warnings[0], "no byte-order mark; decoded as UTF-16", name)
	}
	// Real binary data with NULs is still binary.
	d := readOne(t, write(t, dir, "bin.txt", []byte("\x00\x01\x02\x03\x00\xff\x10\x00binary\x00\x00\x00")), Options{})
	assert.Equal(t, claims.StatusSkipped, d.Status)
}

// Two JSON Lines records with the same id: the second is renamed (id~2) and
// says so, rather than silently.
func TestDuplicateJSONLIDWarns(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "f.jsonl", []byte(`{"id":"a","text":"The ferry sailed at noon."}`+"\n"+`{"id":"a","text":"The ferry sailed at one."}`+"\n"))
	docs, err := Read([]string{p}, Options{})
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, "a", docs[0].ID)
	assert.Equal(t, "a~2", docs[1].ID)
	assert.Empty(t, docs[0].Warnings)
	require.Len(t, docs[1].Warnings, 1)
	assert.Equal(t, p+`:2: id "a" is already used by `+p+`:1; this document is "a~2"`, docs[1].Warnings[0])
}

// JSON Lines on standard input is read as JSON Lines: detected when the
// first line is a JSON object, or forced with Options.StdinFormat.
func TestStdinJSONL(t *testing.T) {
	feed := `{"id":"w1","title":"Ferry","text":"The morning boat left two hours late."}` + "\n" +
		`{"id":"w2","text":"The evening boat was cancelled."}` + "\n"
	for _, format := range []string{"", "jsonl"} {
		docs, err := Read([]string{"-"}, Options{Stdin: strings.NewReader(feed), StdinFormat: format})
		require.NoError(t, err)
		require.Len(t, docs, 2, "format %q", format)
		assert.Equal(t, "w1", docs[0].ID)
		assert.Equal(t, "-:1", docs[0].Path)
		assert.Equal(t, "The morning boat left two hours late.", docs[0].Text)
		assert.Equal(t, "w2", docs[1].ID)
	}
	// Forced text: the feed is one document.
	docs, err := Read([]string{"-"}, Options{Stdin: strings.NewReader(feed), StdinFormat: "text"})
	require.NoError(t, err)
	require.Len(t, docs, 1)
	// A malformed record names "-" and its line.
	_, err = Read([]string{"-"}, Options{Stdin: strings.NewReader(feed + "{oops\n"), StdinFormat: "jsonl"})
	assert.EqualError(t, err, "-:3: malformed record: invalid character 'o' looking for beginning of object key string")
	_, err = Read([]string{"-"}, Options{Stdin: strings.NewReader(feed), StdinFormat: "yaml"})
	assert.Error(t, err)
}

// Every read document says how its bytes were decoded, since offsets
// refer to the decoded UTF-8 text, not to the file.
func TestEncodingRecorded(t *testing.T) {
	const text = "Café owners in Millford counted 12 flooded shops on Thursday.\n"
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"utf8.txt":     {[]byte(text), "utf-8"},
		"bom.txt":      {append([]byte(bomUTF8), text...), "utf-8"},
		"le.txt":       {utf16LE(text, true), "utf-16le"},
		"be.txt":       {utf16BE(text), "utf-16be"},
		"nobom.txt":    {utf16LE(text, false), "utf-16le"},
		"cp1252.txt":   {win1252(t, text), "windows-1252"},
		"page.html":    {[]byte(`<html><head><meta charset="iso-8859-2"></head><body><p>Caf` + "\xe9" + ` owners in Millford counted 12 flooded shops on Thursday, the council said.</p></body></html>`), "iso-8859-2"},
		"feed16.jsonl": {utf16LE(`{"id":"r1","text":"`+strings.TrimSpace(text)+`"}`+"\n", true), "utf-16le"},
		"feed.jsonl":   {[]byte(`{"id":"r2","text":"` + strings.TrimSpace(text) + `"}` + "\n"), "utf-8"},
	} {
		d := readOne(t, write(t, dir, name, tc.data), Options{})
		assert.Equal(t, claims.StatusRead, d.Status, name)
		assert.Equal(t, tc.want, d.Encoding, name)
	}
}

// TestJSONLLimitPerRecord: the size limit applies to each JSON Lines record,
// not to the feed: a feed many times the limit reads, a record over it is
// an error naming its line (skipped with KeepGoing, the records after it
// still read), from a file and from standard input alike.
func TestJSONLLimitPerRecord(t *testing.T) {
	var feed strings.Builder
	for i := range 50 {
		fmt.Fprintf(&feed, `{"id":"r%02d","text":"Ferry %d left late."}`+"\n", i, i)
	}
	small := feed.String()
	withBig := small + `{"id":"big","text":"` + strings.Repeat("x", 5000) + `"}` + "\n" + `{"id":"after","text":"Ferry after."}` + "\n"
	dir := t.TempDir()
	for _, src := range []string{"file", "stdin"} {
		read := func(content string, opt Options) ([]*claims.Document, error) {
			if src == "stdin" {
				opt.Stdin = strings.NewReader(content)
				return Read([]string{"-"}, opt)
			}
			return Read([]string{write(t, dir, "feed.jsonl", []byte(content))}, opt)
		}
		docs, err := read(small, Options{MaxFileBytes: 100})
		require.NoError(t, err, src)
		assert.Len(t, docs, 50, src)
		assert.Greater(t, len(small), 100*10, "the feed is many times the limit")

		_, err = read(withBig, Options{MaxFileBytes: 100})
		var ie *Error
		require.ErrorAs(t, err, &ie, src)
		assert.ErrorIs(t, err, ErrTooLarge)
		assert.Equal(t, 51, ie.Line, src)

		docs, err = read(withBig, Options{MaxFileBytes: 100, KeepGoing: true})
		require.NoError(t, err, src)
		require.Len(t, docs, 52, src)
		skipped := 0
		for _, d := range docs {
			if d.Status == claims.StatusSkipped {
				skipped++
				assert.Contains(t, d.SkipReason, "too large", src)
			}
		}
		assert.Equal(t, 1, skipped, src)
		assert.Equal(t, "after", docs[0].ID, src)
	}
}

// uniqueIDsRef is uniqueIDs as it was first written, with a map of every
// id to its documents.
func uniqueIDsRef(n int, origin func(i int) (base string, qual []string, path string)) ([]string, map[int]string) {
	depth := make([]int, n)
	id := func(i int) string {
		base, qual, _ := origin(i)
		if depth[i] == 0 {
			return base
		}
		parts := make([]string, 0, depth[i]+1)
		for k := depth[i] - 1; k >= 0; k-- {
			parts = append(parts, qual[k])
		}
		return strings.Join(append(parts, base), "/")
	}
	for {
		groups := map[string][]int{}
		for i := range n {
			s := id(i)
			groups[s] = append(groups[s], i)
		}
		changed := false
		for _, g := range groups {
			if len(g) < 2 || sameOrigin(origin, g) {
				// Qualifying cannot separate records of one file: they
				// keep their own id and get the "~N" suffix below.
				continue
			}
			for _, i := range g {
				if _, qual, _ := origin(i); depth[i] < len(qual) {
					depth[i]++
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	ids := make([]string, n)
	warnings := map[int]string{}
	used := map[string]bool{}
	groups := map[string][]int{}
	for i := range n {
		s := id(i)
		ids[i] = s
		groups[s] = append(groups[s], i)
		used[s] = true
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		path := func(i int) string { _, _, p := origin(i); return p }
		sort.Slice(g, func(a, b int) bool { return path(g[a]) < path(g[b]) })
		suffix := 2
		for _, i := range g[1:] {
			for used[fmt.Sprintf("%s~%d", k, suffix)] {
				suffix++
			}
			s := fmt.Sprintf("%s~%d", k, suffix)
			used[s] = true
			ids[i] = s
			warnings[i] = fmt.Sprintf("id %q is already used by %s; this document is %q", k, path(g[0]), s)
		}
	}
	return ids, warnings
}

// TestUniqueIDsMatchesRef holds uniqueIDs to uniqueIDsRef on random
// documents with few bases, qualifiers and paths, so that ids collide,
// qualify, and need suffixes, some of which exist already.
func TestUniqueIDsMatchesRef(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	names := []string{"a", "b", "a~2", "x", "y"}
	for range 2000 {
		n := r.IntN(12)
		base, qual, path := make([]string, n), make([][]string, n), make([]string, n)
		for i := range n {
			base[i] = names[r.IntN(len(names))]
			for range r.IntN(3) {
				qual[i] = append(qual[i], names[r.IntN(len(names))])
			}
			path[i] = names[r.IntN(len(names))] + "/" + base[i]
		}
		origin := func(i int) (string, []string, string) { return base[i], qual[i], path[i] }
		ids, warnings := uniqueIDs(n, origin)
		wantIDs, wantWarnings := uniqueIDsRef(n, origin)
		require.Equal(t, wantIDs, ids, "%v %v %v", base, qual, path)
		require.Equal(t, wantWarnings, warnings, "%v %v %v", base, qual, path)
	}
}
