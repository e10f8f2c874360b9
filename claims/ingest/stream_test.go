package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/claims"
)

// streamAll runs Stream and collects what Each yields.
func streamAll(t testing.TB, paths []string, opt Options) ([]*claims.Document, *Source, error) {
	t.Helper()
	s, err := Stream(paths, opt)
	if err != nil {
		return nil, nil, err
	}
	t.Cleanup(func() { s.Close() })
	var docs []*claims.Document
	err = s.Each(func(d *claims.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, s, err
}

// assertStreamEqualsRead checks that Stream and Each give exactly Read's
// documents (or Read's error), and returns them. stdin, when not nil, is
// given to each of them afresh.
func assertStreamEqualsRead(t *testing.T, paths []string, opt Options, stdin *string) []*claims.Document {
	t.Helper()
	mk := func() Options {
		o := opt
		if stdin != nil {
			o.Stdin = strings.NewReader(*stdin)
		}
		return o
	}
	want, wantErr := Read(paths, mk())
	got, s, err := streamAll(t, paths, mk())
	if wantErr != nil {
		require.Error(t, err, "Read failed with %v", wantErr)
		assert.Equal(t, wantErr.Error(), err.Error())
		var we, ge *Error
		if errors.As(wantErr, &we) {
			require.ErrorAs(t, err, &ge)
			assert.Equal(t, we.Path, ge.Path)
			assert.Equal(t, we.Line, ge.Line)
			assert.Equal(t, errors.Is(wantErr, ErrTooLarge), errors.Is(err, ErrTooLarge))
		}
		return nil
	}
	require.NoError(t, err)
	assert.Equal(t, len(want), s.Len())
	assert.Equal(t, Summary(want), s.Summary())
	require.Equal(t, len(want), len(got))
	for i := range want {
		assert.Equal(t, want[i], got[i], "document %d (%s)", i, want[i].ID)
	}
	// A second pass reads the same documents again.
	i := 0
	require.NoError(t, s.Each(func(d *claims.Document) error {
		assert.Equal(t, want[i], d, "second pass, document %d", i)
		i++
		return nil
	}))
	assert.Equal(t, len(want), i)
	return want
}

// Articles for the fixtures, written for these tests.
var (
	ferryText  = "Ferry timetable changes at Pelham Quay\n\nThe island ferry will leave Pelham Quay at 7:40 instead of 7:15 from 3 March, the operator said on Monday.\n"
	floodText  = "Millbrook counts flood damage\n\nCouncil surveyors inspected 214 homes in Millbrook after the river burst its banks on Saturday night.\n"
	bridgeText = "Jembatan Sungai Kelor ditutup\n\nJembatan di atas Sungai Kelor ditutup selama 12 hari mulai 5 Mei untuk perbaikan, kata dinas pekerjaan umum.\n"
	pageHTML   = `<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Dock strike ends | Harbour Post</title>` +
		`<meta property="article:published_time" content="2025-02-11T08:00:00Z"><meta name="language" content="en"></head>` +
		`<body><nav>Home | News | Sport</nav><article><h1>Dock strike ends after nine days</h1>` +
		`<p class="byline">By Ines Varga</p>` +
		`<p>Dock workers at Pelham returned to work on Tuesday after a nine-day strike over night-shift pay, the union said.</p>` +
		`<p>The port authority said 41 ships had waited at anchor during the stoppage and that the backlog would take a week to clear.</p>` +
		`<p>Caf` + "\xe9" + ` owners near the quay said trade had fallen by a third while the gates were shut.</p></article>` +
		`<footer>Copyright Harbour Post</footer></body></html>`
)

// manyRecords is a JSON Lines feed of n records with what a real feed has:
// ids as strings and numbers or none, blank lines, CRLF line ends, repeated
// ids and texts, empty texts, metadata good and bad, invalid UTF-8.
func manyRecords(n int) string {
	var b strings.Builder
	b.WriteString(bomUTF8)
	for i := 1; i <= n; i++ {
		k := i
		if i%3 == 0 {
			k = i % 300 // the same text again
		}
		text := fmt.Sprintf("Pelham harbour log %d\\n\\nThe pilot boat made %d trips on day %d, and %d vessels were berthed by noon.", k%700, k%37, k, k%19)
		switch {
		case i%97 == 0:
			b.WriteString("\n  \t\n") // blank lines between records
		case i%89 == 0:
			text = "   " // empty: skipped
		}
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, `{"id":%d,"text":"%s","published":"2024-0%d-1%d","language":"en-GB"}`, i, text, 1+i%9, i%10)
		case 1:
			fmt.Fprintf(&b, `{"id":"log-%d","title":"Log %d","text":"%s","url":"https://port.example/%d"}`, i%400, i, text, i)
		case 2:
			fmt.Fprintf(&b, `{"text":"%s","published":"someday","language":"english"}`, text)
		case 3:
			fmt.Fprintf(&b, `{"id":"log-%d","text":"%s `+"\xff"+`"}`, i%300, text)
		default:
			fmt.Fprintf(&b, `{"id":" spaced %d ","text":"%s","extra":{"n":[%d]}}`, i%50, text, i)
		}
		if i%7 == 0 {
			b.WriteString("\r")
		}
		if i < n {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// badRecords is a feed with malformed records among good ones, and one
// record over a 600-byte limit.
func badRecords() string {
	return strings.Join([]string{
		`{"id":"ok-1","text":"The night ferry sailed on time."}`,
		`{oops`,
		`{"id":{"x":1},"text":"An id that is an object."}`,
		`{"title":"A record without text"}`,
		`[1,2,3]`,
		`{"id":"big","text":"` + strings.Repeat("Long cargo manifest line. ", 40) + `"}`,
		`{"id":"ok-2","text":"The morning ferry was cancelled because of fog."}`,
		`{"id":"bad\nid","text":"x"}`,
		`{"id":"ok-3","text":"The night ferry sailed on time."}`,
		``,
	}, "\n")
}

// TestStreamEqualsRead: for every kind of input, Stream and Each give
// exactly Read's documents, in Read's order, or Read's error.
func TestStreamEqualsRead(t *testing.T) {
	dir := t.TempDir()
	// Duplicate stems that need qualifying, at two depths, and a front
	// matter id colliding with a file name in the same directory.
	write(t, dir, "tree/a/x/story.txt", []byte(ferryText))
	write(t, dir, "tree/b/x/story.txt", []byte(floodText))
	write(t, dir, "tree/c/story.md", []byte(bridgeText))
	write(t, dir, "tree/c/brief.txt", []byte("title: Ferry brief\nid: story\n\nThe island ferry leaves at 7:40 from March.\n"))
	write(t, dir, "tree/feed.jsonl", []byte(`{"id":"story","text":"Pilots at Pelham count 31 boats."}`+"\n"+`{"id":"story","text":"Pilots at Pelham count 32 boats."}`+"\n"))
	// Duplicates: the same text as UTF-8, UTF-16, in a feed, and in HTML.
	write(t, dir, "tree/d/copy.txt", []byte(ferryText))
	write(t, dir, "tree/d/copy16.txt", utf16LE(ferryText, true))
	write(t, dir, "tree/d/wire.jsonl", []byte(`{"id":"0-wire","text":`+jsonString(ferryText)+`}`+"\n"))
	write(t, dir, "tree/e/page.html", []byte(pageHTML))
	write(t, dir, "tree/e/page-copy.htm", []byte(pageHTML))
	write(t, dir, "tree/e/photos.csv", []byte("a,b\n1,2\n"))
	write(t, dir, "tree/e/blob.txt", []byte("\x00\x01\x02binary\x00"))
	write(t, dir, "tree/e/blank.md", []byte("title: Nothing here\n\n   \n"))
	write(t, dir, "tree/e/cp1252.txt", win1252(t, "Caf\u00e9 owners at Pelham Quay counted 9 closed days in May.\n"))
	write(t, dir, "tree/e/be.txt", utf16BE(bridgeText+"Tambahan.\n"))
	write(t, dir, "tree/.hidden/secret.txt", []byte(floodText))
	tree := filepath.Join(dir, "tree")

	many := write(t, dir, "many.jsonl", []byte(manyRecords(2500)))
	bad := write(t, dir, "bad.jsonl", []byte(badRecords()))
	feed16 := write(t, dir, "feed16.jsonl", utf16LE(`{"id":"w1","text":"The ferry left at dawn."}`+"\n\n"+`{"id":"w2","text":"The ferry came back at dusk."}`, true))
	feed16be := write(t, dir, "feed16be.jsonl", utf16BE(`{"id":"b1","text":"The tug left at dawn."}`+"\r\n"+`{"text":"The tug came back."}`+"\n"))
	doubleBOM := write(t, dir, "doublebom.jsonl", utf16LE("\ufeff"+`{"id":"d1","text":"first"}`+"\n"+`{"id":"d2","text":"second"}`+"\n", true))
	missing := filepath.Join(dir, "missing.txt")

	stdinText := ferryText
	stdinHTML := pageHTML
	stdinJSONL := `{"id":"s1","title":"Ferry","text":"The morning boat left two hours late."}` + "\n\n" + `{"id":"s2","text":"The evening boat was cancelled."}` + "\n" + `{"text":"The morning boat left two hours late."}`
	stdinLongFirst := `{"id":"long","text":"` + strings.Repeat("Quay works continue. ", 4000) + `"}` + "\n" + `{"id":"next","text":"Short."}` + "\n"
	stdin16 := string(utf16LE(stdinJSONL, true))
	stdinBad := stdinJSONL + "\n{oops\n" + `{"id":"s3","text":"After the bad line."}` + "\n"
	stdinBig := strings.Repeat("Ferry news from the quay. ", 100)

	tests := []struct {
		name  string
		paths []string
		opt   Options
		stdin *string
		// Read's account of the documents, or its error (in part).
		summary, err string
	}{
		{"ingest testdata", []string{"testdata/dir", "testdata/feed.jsonl", "testdata/article.html"}, Options{}, nil, "", ""},
		{"ingest testdata keep going", []string{"testdata"}, Options{KeepGoing: true}, nil, "", ""},
		{"example story", []string{"../../testdata/example"}, Options{}, nil, "", ""},
		{"qualifiers, duplicates, HTML, skips", []string{tree}, Options{}, nil, "read 9 documents, skipped 7 (1 binary, 1 empty, 4 duplicate, 1 unsupported type)", ""},
		{"tree named twice and a file in it", []string{tree, filepath.Join(tree, "c", "story.md"), tree}, Options{}, nil, "", ""},
		{"many records", []string{many}, Options{}, nil, "read 1749 documents, skipped 751 (22 empty, 729 duplicate)", ""},
		{"many records and the tree", []string{many, tree, "testdata"}, Options{KeepGoing: true}, nil, "", ""},
		{"many records, small limit", []string{many}, Options{MaxFileBytes: 150}, nil, "", "many.jsonl:1: too large: over the limit of 150 bytes"},
		{"many records, small limit, keep going", []string{many}, Options{MaxFileBytes: 150, KeepGoing: true}, nil, "read 379 documents, skipped 2121 (22 empty, 178 duplicate, 1921 too large)", ""},
		{"bad records", []string{bad}, Options{MaxFileBytes: 600}, nil, "", "bad.jsonl:2: malformed record"},
		{"bad records, keep going", []string{bad}, Options{MaxFileBytes: 600, KeepGoing: true}, nil, "read 2 documents, skipped 7 (1 duplicate, 1 too large, 5 error)", ""},
		{"UTF-16 feeds", []string{feed16, feed16be}, Options{}, nil, "read 4 documents", ""},
		{"UTF-16 feed with a second BOM", []string{doubleBOM}, Options{}, nil, "", "doublebom.jsonl:1: malformed record"},
		{"UTF-16 feed with a second BOM, keep going", []string{doubleBOM}, Options{KeepGoing: true}, nil, "read 1 document, skipped 1 (1 error)", ""},
		{"missing path", []string{tree, missing}, Options{}, nil, "", "missing.txt: no such file or directory"},
		{"missing path, keep going", []string{missing, tree}, Options{KeepGoing: true}, nil, "read 9 documents, skipped 8 (1 binary, 1 empty, 4 duplicate, 1 unsupported type, 1 error)", ""},
		{"too large file", []string{filepath.Join(tree, "e")}, Options{MaxFileBytes: 300}, nil, "", "be.txt: too large: 302 bytes, over the limit of 300 bytes"},
		{"too large file, keep going", []string{filepath.Join(tree, "e")}, Options{MaxFileBytes: 300, KeepGoing: true}, nil, "read 1 document, skipped 6 (1 binary, 1 empty, 1 unsupported type, 3 too large)", ""},
		{"stdin text", []string{"-"}, Options{}, &stdinText, "", ""},
		{"stdin text and files", []string{"-", tree, "-"}, Options{}, &stdinText, "read 9 documents, skipped 8 (1 binary, 1 empty, 5 duplicate, 1 unsupported type)", ""},
		{"stdin HTML", []string{"-"}, Options{}, &stdinHTML, "", ""},
		{"stdin forced HTML", []string{"-"}, Options{StdinFormat: "html"}, &stdinText, "", ""},
		{"stdin JSON Lines", []string{"-", many}, Options{}, &stdinJSONL, "read 1751 documents, skipped 752 (22 empty, 730 duplicate)", ""},
		{"stdin forced JSON Lines", []string{"-"}, Options{StdinFormat: "jsonl"}, &stdinJSONL, "read 2 documents, skipped 1 (1 duplicate)", ""},
		{"stdin JSON Lines forced text", []string{"-"}, Options{StdinFormat: "text"}, &stdinJSONL, "read 1 document", ""},
		{"stdin JSON Lines, first line past the sniffed head", []string{"-"}, Options{}, &stdinLongFirst, "read 2 documents", ""},
		{"stdin JSON Lines, first line past the head, small limit", []string{"-"}, Options{MaxFileBytes: 50000, KeepGoing: true}, &stdinLongFirst, "read 0 documents, skipped 1 (1 too large)", ""},
		{"stdin UTF-16 JSON Lines (read as text)", []string{"-"}, Options{}, &stdin16, "read 1 document", ""},
		{"stdin UTF-16 JSON Lines, forced", []string{"-"}, Options{StdinFormat: "jsonl"}, &stdin16, "read 2 documents, skipped 1 (1 duplicate)", ""},
		{"stdin bad record", []string{"-"}, Options{}, &stdinBad, "", "-:5: malformed record"},
		{"stdin bad record, keep going", []string{"-"}, Options{KeepGoing: true}, &stdinBad, "read 3 documents, skipped 2 (1 duplicate, 1 error)", ""},
		{"stdin too large", []string{"-"}, Options{MaxFileBytes: 1000}, &stdinBig, "", "-: too large: over the limit of 1000 bytes"},
		{"stdin too large, keep going", []string{"-", tree}, Options{MaxFileBytes: 1000, KeepGoing: true}, &stdinBig, "read 9 documents, skipped 8 (1 binary, 1 empty, 4 duplicate, 1 unsupported type, 1 too large)", ""},
		{"stdin unknown format", []string{"-"}, Options{StdinFormat: "yaml"}, &stdinText, "", "unknown standard input format \"yaml\""},
		{"nothing", nil, Options{}, nil, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := assertStreamEqualsRead(t, tc.paths, tc.opt, tc.stdin)
			if tc.summary != "" {
				assert.Equal(t, tc.summary, Summary(docs))
			}
			if tc.err != "" {
				o := tc.opt
				if tc.stdin != nil {
					o.Stdin = strings.NewReader(*tc.stdin)
				}
				_, err := Stream(tc.paths, o)
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
			} else {
				assert.NotNil(t, docs)
			}
		})
	}

	// The fixtures exercise what they are meant to.
	docs := assertStreamEqualsRead(t, []string{tree}, Options{}, nil)
	ids := map[string]*claims.Document{}
	for _, d := range docs {
		ids[d.ID] = d
	}
	for _, id := range []string{"a/x/story", "b/x/story", "feed/story", "feed/story~2", "c/story", "c/story~2", "0-wire", "page", "page-copy", "photos", "blob", "blank"} {
		assert.Contains(t, ids, id)
	}
	assert.Equal(t, "duplicate of 0-wire", ids["a/x/story"].SkipReason)
	assert.Equal(t, "duplicate of 0-wire", ids["copy16"].SkipReason)
	assert.Equal(t, "duplicate of page", ids["page-copy"].SkipReason)
	assert.Equal(t, ids["page"].Title, ids["page-copy"].Title, "a duplicate keeps its metadata")
	assert.NotEmpty(t, ids["page-copy"].Title)
	assert.Equal(t, "windows-1252", ids["page"].Encoding)
	assert.Equal(t, "utf-16le", ids["copy16"].Encoding)
	assert.Equal(t, claims.StatusRead, ids["b/x/story"].Status)

	docs = assertStreamEqualsRead(t, []string{many}, Options{}, nil)
	assert.Greater(t, len(docs), 2000)
	dups, warned := 0, 0
	for _, d := range docs {
		if strings.HasPrefix(d.SkipReason, ReasonDuplicatePrefix) {
			dups++
		}
		if len(d.Warnings) > 0 {
			warned++
		}
	}
	assert.Greater(t, dups, 100)
	assert.Greater(t, warned, 1000)

	docs = assertStreamEqualsRead(t, []string{feed16}, Options{}, nil)
	require.Len(t, docs, 2)
	assert.Equal(t, "utf-16le", docs[0].Encoding)

	docs = assertStreamEqualsRead(t, []string{bad}, Options{MaxFileBytes: 600, KeepGoing: true}, nil)
	require.Len(t, docs, 9)
}

func jsonString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

// TestStreamChanged: an input modified, replaced or removed between Stream
// and Each is an error naming it (and the record's line), never a different
// document, even when its size and modification time were put back.
func TestStreamChanged(t *testing.T) {
	// In ID order the second record comes first.
	feed := `{"id":"z1","text":"The ferry left at 7:40."}` + "\n" + `{"id":"a2","text":"The ferry came back at 9:10."}` + "\n"
	tests := []struct {
		name   string
		file   string
		before string
		after  string // "" removes the file
		keep   bool   // put the size and modification time back
		line   int
	}{
		{"text edited", "a.txt", ferryText, strings.Replace(ferryText, "7:40", "8:40", 1), false, 0},
		{"text edited, time put back", "a.txt", ferryText, strings.Replace(ferryText, "7:40", "8:40", 1), true, 0},
		{"text removed", "a.txt", ferryText, "", false, 0},
		{"HTML edited, time put back", "p.html", pageHTML, strings.Replace(pageHTML, "nine", "nin3", 1), true, 0},
		{"record edited, time put back", "f.jsonl", feed, strings.Replace(feed, "9:10", "9:20", 1), true, 2},
		{"record moved, time put back", "f.jsonl", feed, strings.Replace(feed, "7:40", "17:40", 1)[:len(feed)], true, 2},
		{"feed appended", "f.jsonl", feed, feed + `{"id":"r3","text":"Third."}` + "\n", false, 0},
		{"feed truncated", "f.jsonl", feed, feed[:20], false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tc.file, []byte(tc.before))
			write(t, dir, "other.txt", []byte(floodText))
			fi, err := os.Stat(p)
			require.NoError(t, err)
			s, err := Stream([]string{dir}, Options{})
			require.NoError(t, err)
			defer s.Close()
			if tc.after == "" {
				require.NoError(t, os.Remove(p))
			} else {
				require.NoError(t, os.WriteFile(p, []byte(tc.after), 0o644))
				if tc.keep {
					require.Len(t, tc.after, len(tc.before))
					require.NoError(t, os.Chtimes(p, fi.ModTime(), fi.ModTime()))
				}
			}
			n := 0
			err = s.Each(func(d *claims.Document) error { n++; return nil })
			var ie *Error
			require.ErrorAs(t, err, &ie)
			assert.ErrorIs(t, err, ErrChanged)
			assert.Equal(t, p, ie.Path)
			if tc.keep {
				assert.Equal(t, tc.line, ie.Line)
			}
			assert.Contains(t, err.Error(), "changed since the inputs were listed")
		})
	}

	// Unchanged content written again (a new modification time) is a
	// change too: the listing can no longer vouch for it.
	dir := t.TempDir()
	p := write(t, dir, "a.txt", []byte(ferryText))
	s, err := Stream([]string{p}, Options{})
	require.NoError(t, err)
	defer s.Close()
	later := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(p, later, later))
	assert.ErrorIs(t, s.Each(func(*claims.Document) error { return nil }), ErrChanged)
}

// TestStreamHoldsNoText: the Source holds no text, neither after listing
// nor after Each has yielded the documents, and documents Each has yielded
// are not kept: the garbage collector frees them.
func TestStreamHoldsNoText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/story.txt", []byte(ferryText))
	write(t, dir, "b/story.txt", []byte(floodText))
	write(t, dir, "c/copy.txt", []byte(floodText))
	write(t, dir, "page.html", []byte(pageHTML))
	write(t, dir, "many.jsonl", []byte(manyRecords(300)))
	stdin := string(utf16LE(`{"id":"s1","text":"The morning boat left two hours late."}`, true))

	s, err := Stream([]string{dir, "-"}, Options{Stdin: strings.NewReader(stdin), StdinFormat: "jsonl"})
	require.NoError(t, err)
	defer s.Close()
	var texts []string
	var yielded, finalized atomic.Int64
	require.NoError(t, s.Each(func(d *claims.Document) error {
		if d.Text != "" {
			texts = append(texts, d.Text)
		}
		yielded.Add(1)
		runtime.SetFinalizer(d, func(*claims.Document) { finalized.Add(1) })
		return nil
	}))
	require.Greater(t, len(texts), 250)

	// Every string and byte sequence the Source can reach.
	var held []string
	seen := map[uintptr]bool{}
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			held = append(held, v.String())
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			visit(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				visit(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				b := make([]byte, v.Len())
				for i := range b {
					b[i] = byte(v.Index(i).Uint())
				}
				held = append(held, string(b))
				return
			}
			for i := range v.Len() {
				visit(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				visit(it.Key())
				visit(it.Value())
			}
		}
	}
	visit(reflect.ValueOf(s))
	all := strings.Join(held, "\x00")
	for _, text := range texts {
		// A piece from the middle of the body: titles and paths may
		// repeat a text's first words.
		if len(text) < 60 { // too short to tell from an ID or a path
			continue
		}
		piece := text[len(text)/3 : len(text)/3+20]
		assert.NotContains(t, all, piece)
	}

	// Nothing Each yielded is still reachable from the Source.
	texts = nil
	for range 50 {
		runtime.GC()
		if finalized.Load() == yielded.Load() {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	assert.Equal(t, yielded.Load(), finalized.Load(), "documents freed")
	runtime.KeepAlive(s)
}

// TestStreamTemporaryFiles: standard input is copied to a temporary file,
// which Close removes; Each then refuses to run.
func TestStreamTemporaryFiles(t *testing.T) {
	s, err := Stream([]string{"-"}, Options{Stdin: strings.NewReader(string(utf16LE(`{"text":"The ferry left."}`, true)))})
	require.NoError(t, err)
	require.NotEmpty(t, s.temps)
	for _, p := range s.temps {
		assert.FileExists(t, p)
	}
	temps := append([]string(nil), s.temps...)
	require.NoError(t, s.Close())
	for _, p := range temps {
		assert.NoFileExists(t, p)
	}
	assert.Error(t, s.Each(func(*claims.Document) error { return nil }))

	// A failed listing leaves none behind.
	dir := t.TempDir()
	s, err = Stream([]string{"-", filepath.Join(dir, "missing.txt")}, Options{Stdin: strings.NewReader(ferryText)})
	require.Error(t, err)
	assert.Nil(t, s)
}

// TestStreamEachStops: an error from the callback stops Each and is
// returned as it is.
func TestStreamEachStops(t *testing.T) {
	stop := errors.New("stop")
	s, err := Stream([]string{"testdata"}, Options{})
	require.NoError(t, err)
	defer s.Close()
	n := 0
	err = s.Each(func(*claims.Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	assert.Same(t, stop, err)
	assert.Equal(t, 2, n)
}

// FuzzStream: whatever the bytes of a JSON Lines file, a text file or
// standard input, Stream and Each give what Read gives.
func FuzzStream(f *testing.F) {
	for _, seed := range []string{
		`{"id":"a","title":"T","published":"2024-12-30","language":"en","url":"u","text":"Ferry sails."}`,
		"\xef\xbb\xbf{\"text\":\"one\"}\n\n  \n{\"text\":\"two\"}\r\n{\"text\":\"one\"}",
		"\xff\xfe{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\x00a\x00\"\x00}\x00\n\x00",
		"\xff\xfe\xff\xfe{\x00}\x00",
		`{"id":1,"text":"x"}` + "\n" + `{"id":"1","text":"y"}` + "\n" + `{oops`,
		"title: Quay\nid: x\n\nThe ferry left.\n",
		"<html><body><p>The ferry left at dawn, two hours late.</p></body></html>",
		"\x00\x01binary",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		feed := filepath.Join(dir, "f.jsonl")
		text := filepath.Join(dir, "f.txt")
		require.NoError(t, os.WriteFile(feed, data, 0o644))
		require.NoError(t, os.WriteFile(text, data, 0o644))
		in := string(data)
		for _, opt := range []Options{{KeepGoing: true, MaxFileBytes: 64}, {}} {
			assertStreamEqualsRead(t, []string{feed, text, "-"}, opt, &in)
			if t.Failed() {
				t.FailNow()
			}
		}
	})
}

// benchJSONL is the feed the benchmarks read: $CROSSCHECK_BENCH_JSONL (for
// instance corpusgen -n 12000 -jsonl FILE, 50 MB), or about 50 MB of
// generated records.
func benchJSONL(b *testing.B) string {
	if p := os.Getenv("CROSSCHECK_BENCH_JSONL"); p != "" {
		return p
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 50<<20; i++ {
		fmt.Fprintf(&sb, `{"id":"b%d","title":"Harbour report %d","published":"2024-05-%02d","language":"en","text":"`, i, i, 1+i%28)
		for k := range 12 {
			fmt.Fprintf(&sb, "On day %d the pilots of Pelham guided %d ships past the breakwater, and %d of them were tankers.\\n", i, k+i%41, k%7)
		}
		sb.WriteString("\"}\n")
	}
	p := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkStream lists a 50 MB feed and reads every document again, one
// at a time; BenchmarkRead reads it whole, for comparison.
func BenchmarkStream(b *testing.B) {
	p := benchJSONL(b)
	fi, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		s, err := Stream([]string{p}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := s.Each(func(d *claims.Document) error { n += len(d.Text); return nil }); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkRead(b *testing.B) {
	p := benchJSONL(b)
	fi, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read([]string{p}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestIterateProbe only iterates over the inputs named by
// $CROSSCHECK_PROBE_INPUT, with Stream or (CROSSCHECK_PROBE=read) Read, for
// measuring a process's peak memory from outside:
//
//	go test -c -o /tmp/ingest.test ./claims/ingest
//	CROSSCHECK_PROBE=stream CROSSCHECK_PROBE_INPUT=/tmp/x.jsonl /usr/bin/time -f %M /tmp/ingest.test -test.run '^TestIterateProbe$'
func TestIterateProbe(t *testing.T) {
	input, mode := os.Getenv("CROSSCHECK_PROBE_INPUT"), os.Getenv("CROSSCHECK_PROBE")
	if input == "" {
		t.Skip("set CROSSCHECK_PROBE_INPUT (and CROSSCHECK_PROBE=read or stream)")
	}
	n, bytes := 0, 0
	count := func(d *claims.Document) error { n++; bytes += len(d.Text); return nil }
	if mode == "read" {
		docs, err := Read([]string{input}, Options{})
		require.NoError(t, err)
		for _, d := range docs {
			count(d)
		}
	} else {
		s, err := Stream([]string{input}, Options{})
		require.NoError(t, err)
		defer s.Close()
		require.NoError(t, s.Each(count))
	}
	t.Logf("%s: %d documents, %d bytes of text", mode, n, bytes)
}

// TestTextSum: equal texts hash alike, and a text differing from another
// in any one byte, or by a byte at either end, hashes differently, at
// every length across maphash's block sizes.
func TestTextSum(t *testing.T) {
	for n := 0; n <= 300; n++ {
		text := strings.Repeat("abcdefghij", 31)[:n]
		sum := textSum(text)
		require.Equal(t, sum, textSum(strings.Clone(text)), "length %d", n)
		require.NotEqual(t, sum, textSum(text+"x"), "length %d, byte appended", n)
		require.NotEqual(t, sum, textSum("x"+text), "length %d, byte prepended", n)
		for i := 0; i < n; i++ {
			changed := text[:i] + "#" + text[i+1:]
			require.NotEqual(t, sum, textSum(changed), "length %d, byte %d changed", n, i)
		}
	}
}
