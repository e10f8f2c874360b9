package ingest

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecode covers the decoder's choices directly, including the guess
// between damaged UTF-8 and Windows-1252.
func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		text    string
		binary  bool
		warning string
	}{
		{"ASCII", "ferry", "ferry", false, ""},
		{"UTF-8", "Fähre 🚢", "Fähre 🚢", false, ""},
		{"UTF-8 BOM", "\xef\xbb\xbfFähre", "Fähre", false, ""},
		{"UTF-16LE", "\xff\xfeF\x00\xe4\x00", "Fä", false, ""},
		{"UTF-16BE", "\xfe\xff\x00F\x00\xe4", "Fä", false, ""},
		{"UTF-16 surrogate pair", "\xff\xfe\x3d\xd8\xa2\xde", "🚢", false, ""},
		{"UTF-16 lone high surrogate", "\xff\xfe\x3d\xd8A\x00", "\uFFFDA", false, "1 unpaired surrogate"},
		{"UTF-16 lone low surrogate", "\xff\xfe\xa2\xdeA\x00", "\uFFFDA", false, "1 unpaired surrogate"},
		{"Windows-1252", "caf\xe9 \x93quoted\x94 \x80 5", "café “quoted” € 5", false, "Windows-1252"},
		{"mostly valid UTF-8", "Fähre fährt \xe4", "Fähre fährt \uFFFD", false, "invalid UTF-8: 1 byte"},
		{"undefined in 1252", "ferry \x81", "ferry \uFFFD", false, "invalid UTF-8"},
		{"mostly high bytes", "\xe4\xf6\xfc\xe4\xf6\xfcab", "\uFFFDab", false, "invalid UTF-8"},
		{"NUL", "ferry\x00", "", true, ""},
		{"controls", "\x01\x02ferry", "", true, ""},
		{"few controls", "a form feed \f and one bell \x07 in a long enough line of text", "a form feed \f and one bell \x07 in a long enough line of text", false, ""},
		{"empty", "", "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := decode(tc.in)
			assert.Equal(t, tc.binary, d.binary)
			assert.Equal(t, tc.text, d.text)
			if tc.warning == "" {
				assert.Empty(t, d.warnings)
			} else if assert.Len(t, d.warnings, 1) {
				assert.Contains(t, d.warnings[0], tc.warning)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="ISO-8859-2">`, "iso-8859-2"},
		{`<META CHARSET=utf-8>`, "utf-8"},
		{`<meta http-equiv="content-type" content="text/html; charset=windows-1251">`, "windows-1251"},
		{`<meta name="x" content="y"><meta charset='koi8-r'/>`, "koi8-r"},
		{`<meta name="charset-note" content="none">`, ""},
		{`<p>charset=latin1</p>`, ""},
		{strings.Repeat(" ", 1100) + `<meta charset="koi8-r">`, ""},
		{`<meta charset=`, ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, declaredCharset(tc.in), tc.in)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2024-12-30", "2024-12-30"},
		{" 2024-12-30 ", "2024-12-30"},
		{"2024-12-30T23:30:00-05:00", "2024-12-30"}, // the day as written, not UTC
		{"2024-12-30T01:00:00+09:00", "2024-12-30"},
		{"2024-12-30T10:00:00.123Z", "2024-12-30"},
		{"2024-12-30T10:00:00+0100", "2024-12-30"},
		{"2024-12-30T10:00", "2024-12-30"},
		{"2024-12-30 10:00:00", "2024-12-30"},
		{"Mon, 30 Dec 2024 10:00:00 +0000", "2024-12-30"},
		{"December 30, 2024", "2024-12-30"},
		{"30 Dec 2024", "2024-12-30"},
		{"2024-13-01", ""},
		{"2024-12-30Tnonsense", ""},
		{"30/12/2024", ""}, // ambiguous forms are not guessed
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, ok := parseDate(tc.in)
		if tc.want == "" {
			assert.False(t, ok, tc.in)
			continue
		}
		if assert.True(t, ok, tc.in) {
			assert.Equal(t, tc.want, got.Format("2006-01-02"), tc.in)
			assert.Equal(t, "UTC", got.Location().String())
			assert.Zero(t, got.Hour())
		}
	}
}

func TestGuessTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"first line", "Ferry resumes after storm\nThe boat sailed.", "Ferry resumes after storm"},
		{"too short lines skipped", "Local\nNews\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"date line skipped", "Tuesday, 14 March 2023\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"numeric date line skipped", "Posted 2023-03-14 09:12\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"figures skipped", "12 34 56 Ferry\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"breadcrumbs skipped", "Home | Local | Transport\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"short all-caps skipped", "SIGN IN NOW\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"all-caps call to action skipped", "Cheap flights to the islands - BOOK NOW\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"label skipped", "READ: Storm closes schools today\nFerry resumes after storm\n", "Ferry resumes after storm"},
		{"headline with acronyms kept", "UN and EU praise ferry crews\n", "UN and EU praise ferry crews"},
		{"headline with a site name kept", "Ferry resumes after storm - Coastline Gazette\n", "Ferry resumes after storm - Coastline Gazette"},
		{"long all-caps headline kept", "FERRY RESUMES AFTER FOUR DAY STORM\n", "FERRY RESUMES AFTER FOUR DAY STORM"},
		{"spaces collapsed", "  Ferry   resumes\tafter storm  \n", "Ferry resumes after storm"},
		{"sentence is body", "The ferry resumed its crossings on Tuesday after four days in harbour because of waves of up to six metres.\nFerry resumes\n", ""},
		{"long line is body", strings.Repeat("word ", 25) + "\nFerry resumes after storm\n", ""},
		{"only eight lines", strings.Repeat("x\n", 8) + "Ferry resumes after storm\n", ""},
		{"empty", "", ""},
		// Page furniture above a real headline: a section label, a site name.
		{"section label skipped", "World | Asia\nSunday, December 29, 2024\nPyongyang promises its hardest line yet\n", "Pyongyang promises its hardest line yet"},
		{"site name before the headline", "Radio Free Asia\n\nKim Tells Party Congress the US Is the 'Main Enemy'\n\n2021-01-12 -- North Korean leader Kim Jong Un called the United States his country's main enemy.\n", "Kim Tells Party Congress the US Is the 'Main Enemy'"},
		{"short title-case headline kept when alone", "Kim Meets Putin\n\nThe two leaders met in Vladivostok on Thursday and talked for three hours about trade.\n", "Kim Meets Putin"},
		{"headline with a bar kept", "Ferry resumes after four-day storm | Coastline Gazette\n", "Ferry resumes after four-day storm | Coastline Gazette"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, guessTitle(tc.in), tc.name)
	}
}

// An HTML page whose <title> is a section label or site name, with the
// headline in <h1>, is titled by the headline.
func TestHTMLTitleNotFurniture(t *testing.T) {
	page := `<html><head><title>World | Asia</title></head><body><nav>Home | World | Asia</nav>` +
		`<article><h1>Pyongyang promises its hardest line yet toward Washington</h1>` +
		`<p>North Korea says it will take its most uncompromising position ever toward the United States, only weeks before the new administration takes office.</p>` +
		`<p>State media reported that decisions for the upcoming year were agreed at a party meeting held last week and chaired by the leader.</p></article></body></html>`
	d := htmlDocument("p.html", page)
	assert.Equal(t, "Pyongyang promises its hardest line yet toward Washington", d.Title)
	page = strings.Replace(page, "<title>World | Asia</title>", "<title>Radio Free Asia</title>", 1)
	d = htmlDocument("p.html", page)
	assert.Equal(t, "Pyongyang promises its hardest line yet toward Washington", d.Title)
}

func TestRenderText(t *testing.T) {
	d := htmlDocumentForTest(t, `<html><body><div><h2>Timetable</h2><p>First   boat<br>at 7:00,
	second at <i>9:30</i>.</p><ul><li>Monday</li><li>Friday</li></ul><pre>line one
  line two</pre><table><tr><td>a</td><td>b</td></tr></table></div></body></html>`)
	assert.Equal(t, "Timetable\n\nFirst boat\nat 7:00, second at 9:30.\n\nMonday\n\nFriday\n\nline one\n  line two\n\na b", d)
}

func htmlDocumentForTest(t *testing.T, page string) string {
	t.Helper()
	doc := htmlDocument("t.html", page)
	return doc.Text
}

// scanBytesByByte is scanBytes without the eight-byte fast path.
func scanBytesByByte(s string) byteStats { return scanBytesFast(s, false) }

// TestScanBytesFastPath: every byte value at every offset around the
// thirty-two and eight bytes scanBytes skips at once counts as the byte-by-byte scan
// counts it, and plainText8 accepts exactly printable ASCII and line feeds.
func TestScanBytesFastPath(t *testing.T) {
	extra := []string{"é", "日本", "\xe6\x97", "\u2028"}
	for c := 0; c < 256; c++ {
		for n := 1; n <= 72; n++ {
			for at := 0; at < n; at++ {
				b := []byte(strings.Repeat("x", n))
				b[at] = byte(c)
				s := string(b)
				assert.Equal(t, scanBytesByByte(s), scanBytes(s), "%q", s)
			}
		}
		b := []byte("abcdefgh")
		for at := 0; at < 8; at++ {
			b[at] = byte(c)
			assert.Equal(t, c >= 0x20 && c < 0x7f || c == '\n', plainText8(load8(string(b), 0)), "byte %#x at %d", c, at)
			b[at] = 'a'
		}
	}
	for _, e := range extra {
		for at := 0; at <= 40; at++ {
			s := strings.Repeat("y", at) + e + "\n\t\x01\x7f" + strings.Repeat("z", 40-at)
			assert.Equal(t, scanBytesByByte(s), scanBytes(s), "%q", s)
		}
	}
}

// The reader's qualifiers, made once per directory, are those of each
// path made anew, in any order of directories and files.
func TestQualifiersOfSharedPerDirectory(t *testing.T) {
	paths := []string{
		"/a/b/c.txt", "/a/b/d.txt", "/a/e.txt", "/a/b/f.txt", "/a/bb/c.txt",
		"/a/b/c/d.txt", "/x.txt", "/y.txt", "/a/b/g.txt", "rel.txt", "dir/rel.txt", "/a/b/h.txt",
	}
	r := &reader{}
	for _, p := range paths {
		assert.Equal(t, enclosingDirs(p), r.qualifiersOf(p), p)
	}
	assert.Equal(t, []string{"b", "a"}, r.qualifiersOf("/a/b/z.txt"))
}

// joinEntry joins a clean directory and an entry's name as filepath.Join
// joins the directory as given and the name.
func TestJoinEntry(t *testing.T) {
	dirs := []string{".", "./", "", "a", "a/", "./a", "a/b/..", "../a", "..", "/", "//", "/a", "/a/", "/a//b/", "/..", "a/./b"}
	for _, dir := range dirs {
		for _, name := range []string{"x.txt", "x", ".x", "x y", "..x"} {
			assert.Equal(t, filepath.Join(dir, name), joinEntry(filepath.Clean(dir), name), "%q %q", dir, name)
			// walk joins an entry's absolute path the same way.
			for _, r := range []*reader{{cwd: "/w/x"}, {cwd: "/"}, {}} {
				clean := filepath.Clean(dir)
				absDir, err := r.abs(clean)
				require.NoError(t, err)
				abs, err := r.abs(joinEntry(clean, name))
				require.NoError(t, err)
				assert.Equal(t, abs, joinEntry(absDir, name), "cwd %q: %q %q", r.cwd, dir, name)
			}
		}
	}
}

// collapseRef is collapseSpace written plainly.
func collapseRef(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestCollapseSpace holds collapseSpace, and its fast path (collapsed), to
// collapseRef.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "Quake kills 12", " Quake kills 12", "Quake kills 12 ", "Quake  kills", "Quake\tkills",
		"Quake\nkills", "Gempa\u00a0M6,1", "Gempa M6,1 — “kuat”", "a\u2028b", "a\u0085b", "\v", "x \r", "é",
	} {
		assert.Equal(t, collapseRef(s), collapseSpace(s), "%q", s)
		assert.Equal(t, collapsed(s), collapseRef(s) == s && isASCII(s), "%q", s)
	}
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add("Quake kills 12")
	f.Add(" two  spaces\there ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), collapseRef(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestMoreRunesThan: moreRunesThan answers as utf8.RuneCountInString(s) > n
// for strings around every length where its shortcuts apply, of ASCII,
// multi-byte runes and invalid bytes.
func TestMoreRunesThan(t *testing.T) {
	pieces := []string{"a", "é", "日", "😀", "\xff", "\xe6\x97"}
	for _, n := range []int{0, 1, 3, 150} {
		for _, p := range pieces {
			for _, q := range pieces {
				for k := 0; k <= 4*n+6; k++ {
					s := strings.Repeat(p, k/2) + strings.Repeat(q, k-k/2)
					assert.Equal(t, utf8.RuneCountInString(s) > n, moreRunesThan(s, n), "%q, %d", s, n)
				}
			}
		}
	}
}
