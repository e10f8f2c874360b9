package report

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func f64p(f float64) *float64 { return &f }

// Claims of every shape, written by hand and by encoding/json, compact and
// indented, byte for byte.
func TestClaimJSONMatchesEncodingJSON(t *testing.T) {
	cases := []Claim{
		{ID: "a:1:1", Doc: "a", Kind: "date", Text: "3 May 2024", Value: "2024-05-03", Written: []string{"year", "month", "day"}},
		{ID: "b:2:7", Doc: "b", Kind: "count", Attribute: "casualties.killed", Text: "more than 5,000", Start: 7, End: 22, Line: 2, Col: 7, Sentence: 3,
			Value: "5000", NumberFields: &NumberFields{Low: f64p(5000), LowExclusive: true, Counted: "people", Qualifier: "more than"},
			Also: []string{"x.y"}, Subject: "s", Scope: "province", Frame: "casualties", Participants: []string{"indonesia", "japan"},
			Triggers: []string{"killed"}, Inferred: []string{"year"}, Tense: "past", Note: "note <b> & \"q\"", Rule: "en/number"},
		{ID: "c", NumberFields: &NumberFields{High: f64p(0.5e-7), Approx: true, Unit: "USD"}},
		{ID: "d", NumberFields: &NumberFields{Low: f64p(1e21), High: f64p(-2.5e22)}},
		{ID: "e", NumberFields: &NumberFields{Low: f64p(0), High: f64p(123456789.125)}},
		// Whole numbers (appendJSONFloat's integer path) and its edges.
		{ID: "g", NumberFields: &NumberFields{Low: f64p(math.Copysign(0, -1)), High: f64p(-42)}},
		{ID: "h", NumberFields: &NumberFields{Low: f64p(1<<53 - 1), High: f64p(1 << 53)}},
		{ID: "i", NumberFields: &NumberFields{Low: f64p(-(1<<53 - 1)), High: f64p(-(1 << 53))}},
		{ID: "j", NumberFields: &NumberFields{Low: f64p(1e20), High: f64p(-1e300)}},
		{ID: "f", Text: "ctl \x00\x01\x1f \b\f\n\r\t \u2028\u2029 \xff\xfe bad utf-8, é, 日本"},
		{},
	}
	for _, c := range cases {
		check(t, &c)
	}
}

func check(t *testing.T, c *Claim) {
	t.Helper()
	want, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(appendClaimJSON(nil, c, "", "")))
	// Spaces (every caller's), and tabs, which take the general path, as
	// does a prefix too long for a key to fit a keyBlock.
	for _, ind := range [][2]string{{"    ", "  "}, {"", "   "}, {"\t", "\t"}, {strings.Repeat(" ", 24), "  "}} {
		want, err = json.MarshalIndent(c, ind[0], ind[1])
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendClaimJSON(nil, c, ind[0], ind[1])), "prefix %q, indent %q", ind[0], ind[1])
	}
}

// FuzzClaimJSON: any strings and finite bounds are written as
// encoding/json writes them.
func FuzzClaimJSON(f *testing.F) {
	f.Add("a:1:1", "a <b> & \"c\"\n", 5000.0, -1e-9, true)
	f.Add("\xff\u2028", "", 1e21, 0.0, false)
	f.Fuzz(func(t *testing.T, id, text string, low, high float64, num bool) {
		if math.IsNaN(low) || math.IsInf(low, 0) || math.IsNaN(high) || math.IsInf(high, 0) {
			return
		}
		c := &Claim{ID: id, Doc: id, Text: text, Note: text, Written: []string{text, id}}
		if num {
			c.NumberFields = &NumberFields{Low: &low, High: &high, Unit: text}
		}
		check(t, c)
	})
}

// Every claim extracted from generated articles of both languages, written
// both ways.
func TestClaimJSONOnExtractedClaims(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	eng := extract.New(set)
	n := 0
	var w claimJSON // one writer for all, as a renderer has
	for _, d := range corpusgen.Generate(4, 150, corpusgen.Mixed).Documents() {
		for _, c := range eng.Extract(d) {
			rc := FromClaim(c)
			check(t, &rc)
			want, err := json.MarshalIndent(&rc, "    ", "  ")
			require.NoError(t, err)
			assert.Equal(t, string(want), string(w.append(nil, &rc, "    ", "  ")))
			n++
		}
	}
	assert.Greater(t, n, 500)
}

// One claimJSON writing claims in a row, whose document ids and ids are
// plain or not, start with the remembered id or only with part of it,
// writes each as encoding/json does.
func TestClaimJSONRemembersPlainDoc(t *testing.T) {
	rows := []Claim{
		{ID: "a:1:1", Doc: "a"},
		{ID: "a:1:2", Doc: "a"},
		{ID: "a<b>:1:1", Doc: "a<b>"},     // starts with "a", then needs escapes
		{ID: "a<b>:1:2", Doc: "a<b>"},     // not remembered: not plain
		{ID: "ab:1:1", Doc: "ab"},         // starts with "a"
		{ID: "ab&\"x\":1:1", Doc: "ab"},   // the id escapes after the doc
		{ID: "abc", Doc: "abcdefghijklm"}, // a longer doc than the id
		{ID: "abcdefghijklm:\u2028:3", Doc: "abcdefghijklm"},
		{ID: "abcdefghijklm\xff:1", Doc: "abcdefghijklm\xff"},
		{ID: "", Doc: ""},
		{ID: "b:1:1", Doc: "b"},
		{ID: "b:1:1", Doc: "b", Text: "b"},
	}
	var w claimJSON
	for i := range rows {
		c := &rows[i]
		for _, ind := range [][2]string{{"", ""}, {"    ", "  "}} {
			want, err := json.MarshalIndent(c, ind[0], ind[1])
			if ind[1] == "" {
				want, err = json.Marshal(c)
			}
			require.NoError(t, err)
			assert.Equal(t, string(want), string(w.append(nil, c, ind[0], ind[1])), "%q", c.ID)
		}
	}
}

func TestAppendInt(t *testing.T) {
	for _, v := range []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 1<<31 - 1, 1 << 31,
		math.MaxInt64, -1, -10, math.MinInt64} {
		assert.Equal(t, strconv.Itoa(v), string(appendInt(nil, int64(v))))
		assert.Equal(t, "x"+strconv.Itoa(v), string(appendInt([]byte("x"), int64(v))))
	}
	// Each power of ten, and its neighbours, to the largest int64.
	for p := int64(10); p <= 1e18; p *= 10 {
		for _, v := range []int64{p - 1, p, p + 1, 2*p - 1, 9 * p} {
			assert.Equal(t, strconv.FormatInt(v, 10), string(appendInt(make([]byte, 0, 3), v)), "%d", v)
		}
	}
	for v := -1000; v <= 100000; v++ {
		if got := string(appendInt(nil, int64(v))); got != strconv.Itoa(v) {
			t.Fatalf("appendInt(%d) = %q", v, got)
		}
	}
}

// Documents of every shape, written by hand and by encoding/json, compact
// and indented, byte for byte.
func TestDocumentJSONMatchesEncodingJSON(t *testing.T) {
	day := "2024-05-03"
	cases := []Document{
		{},
		{ID: "a", Path: "in/a.txt", Title: "Flood <in> \"Jakarta\" & more", Published: &day, Language: "en", Status: "ok"},
		{ID: "b", Path: "b.html", Language: "id", Status: "ok", PublishedSource: "meta", PublishedText: "3 Mei 2024",
			LanguageSource: "detected", URL: "https://example.org/a?b=1&c=2", Extracted: "readability", Byline: "By A. Writer",
			Site: "Example", Encoding: "windows-1252", Warnings: []string{"w1", "w\n2"}, Story: 3, SyndicatedWith: []string{"c", "d"}},
		{ID: "c", Status: "skipped", SkipReason: "duplicate of a", Warnings: []string{}, SyndicatedWith: []string{}},
		{ID: "d\xff\u2028", Title: "ctl \x00\x1f", Story: -1},
	}
	for _, d := range cases {
		want, err := json.Marshal(&d)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendDocumentJSON(nil, &d, "", "")))
		want, err = json.MarshalIndent(&d, "    ", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendDocumentJSON(nil, &d, "    ", "  ")))
	}
}

// A document with every field set, by reflection, so that a field added to
// Document and not to appendDocumentJSON fails here.
func TestDocumentJSONWritesEveryField(t *testing.T) {
	var d Document
	v := reflect.ValueOf(&d).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Pointer:
			s := "2024-01-02"
			f.Set(reflect.ValueOf(&s))
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"x", "y"}))
		default:
			t.Fatalf("field %s: kind %s not set by this test", v.Type().Field(i).Name, f.Kind())
		}
	}
	want, err := json.MarshalIndent(&d, "    ", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(appendDocumentJSON(nil, &d, "    ", "  ")))
}

// plainPrefixRef is plainPrefix's exact answer, a byte at a time: the
// length of the longest prefix of s with no byte to escape or decode.
func plainPrefixRef(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || strings.IndexByte(`"\<>&`, c) >= 0 {
			return i
		}
	}
	return len(s)
}

// checkPlainPrefix: plainPrefix may stop before the first byte that needs
// a look (appendJSONEscaped reads on from there) but never after it, and
// covers all of a plain string.
func checkPlainPrefix(t *testing.T, s string) {
	t.Helper()
	got, want := plainPrefix(s), plainPrefixRef(s)
	if want == len(s) {
		assert.Equal(t, want, got, "%q", s)
	} else {
		assert.LessOrEqual(t, got, want, "%q", s)
	}
}

// Every byte at every offset of strings of every length around the word
// sizes plainPrefix reads.
func TestPlainPrefix(t *testing.T) {
	for n := 0; n <= 20; n++ {
		checkPlainPrefix(t, strings.Repeat("x", n))
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("x", n))
				b[at] = byte(c)
				checkPlainPrefix(t, string(b))
			}
		}
	}
}

func FuzzPlainPrefix(f *testing.F) {
	f.Add("plain ascii words")
	f.Add("a&b")
	f.Add("\x00\x7f\x80")
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainPrefix(t, s)
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
	})
}

// jsonNames spell the fields' struct tags: every field of Claim,
// NumberFields and Document has its name there, and no other name is.
func TestJSONNamesAreTheTags(t *testing.T) {
	tags := map[string]bool{}
	for _, v := range []any{Claim{}, NumberFields{}, Document{}} {
		typ := reflect.TypeOf(v)
		for i := 0; i < typ.NumField(); i++ {
			if name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ","); name != "" {
				tags[name] = true
			}
		}
	}
	names := map[string]bool{}
	for f, name := range jsonNames {
		assert.NotEmpty(t, name, "field %d", f)
		names[name] = true
	}
	assert.Equal(t, tags, names)
}

// Every byte that appendJSONString escapes or decodes, at every offset of
// strings around the eight bytes plain8 tests at once, is written as
// encoding/json writes it; and plain8 agrees with a byte-by-byte test.
func TestJSONStringEveryByteEveryOffset(t *testing.T) {
	specials := []string{"\x00", "\x1f", "\n", "\"", "\\", "<", ">", "&", "\x7f", "é", "\u2028", "\u2029", "\xff", "日"}
	for _, sp := range specials {
		for n := 0; n <= 20; n++ {
			for at := 0; at <= n; at++ {
				s := strings.Repeat("a", at) + sp + strings.Repeat("b", n-at)
				want, err := json.Marshal(s)
				require.NoError(t, err)
				assert.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
			}
		}
	}
	for c := 0; c < 256; c++ {
		for at := 0; at < 8; at++ {
			b := []byte("abcdefgh")
			b[at] = byte(c)
			plain := c >= 0x20 && c < 0x80 && !strings.ContainsRune(`"\<>&`, rune(c))
			assert.Equal(t, plain, plain8(load8(string(b), 0)), "byte %#x at %d", c, at)
		}
	}
}

// checkCached: a cache's answer for s keeps plainPrefix's promise
// (checkPlainPrefix), whatever it remembers.
func checkCached(t *testing.T, p *plainCache, s string) {
	t.Helper()
	got, want := p.plainPrefix(s), plainPrefixRef(s)
	if want == len(s) {
		require.Equal(t, want, got, "%q", s)
	} else {
		require.LessOrEqual(t, got, want, "%q", s)
	}
}

// A plainCache answers as plainPrefix for strings seen again, for strings
// at the same address but of other lengths (a plain prefix remembered,
// then the whole, which is not plain), and for more strings than it has
// places, seen in random order, so that they share places and push each
// other out.
func TestPlainCache(t *testing.T) {
	p := new(plainCache)
	buf := "plain words then <b> & \"quotes\"\n"
	for round := 0; round < 2; round++ {
		for n := 0; n <= len(buf); n++ {
			checkCached(t, p, buf[:n])
			checkCached(t, p, buf[len(buf)-n:])
		}
	}
	pool := make([]string, 3<<plainCacheBits)
	for i := range pool {
		s := "id-" + strconv.Itoa(i)
		switch i % 5 {
		case 1:
			s += "<"
		case 2:
			s = "é" + s
		}
		pool[i] = s
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20 * len(pool) {
		checkCached(t, p, pool[rnd.IntN(len(pool))])
	}
	var none *plainCache
	checkCached(t, none, "a&b")
	checkCached(t, none, "plain")
}

// FuzzPlainCache: the substrings of s that cut points from cuts mark,
// each looked up twice in one cache, as they come.
func FuzzPlainCache(f *testing.F) {
	f.Add("plain ascii words and a <tag>", []byte{3, 9, 0, 17, 30})
	f.Add("\x00\x7f\x80 & é", []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, s string, cuts []byte) {
		p := new(plainCache)
		for k := 0; k+1 < len(cuts); k++ {
			i, j := int(cuts[k])%(len(s)+1), int(cuts[k+1])%(len(s)+1)
			if i > j {
				i, j = j, i
			}
			checkCached(t, p, s[i:j])
			checkCached(t, p, s[i:j])
		}
	})
}

// One documentJSON writing documents that list each other's ids (as a
// story's copies do), some of them not plain, writes each as encoding/json
// does.
func TestDocumentJSONRemembersSharedIDs(t *testing.T) {
	ids := []string{"a", "b<1>", "c-long-enough-for-words", "d\u2028", "e&f"}
	var w documentJSON
	for round := 0; round < 3; round++ {
		for k, id := range ids {
			d := Document{ID: id, Status: "read", SyndicatedWith: without(ids, k)}
			want, err := json.MarshalIndent(&d, "    ", "  ")
			require.NoError(t, err)
			assert.Equal(t, string(want), string(w.append(nil, &d, "    ", "  ")), "%q", id)
		}
	}
}

// without returns ids but the k-th.
func without(ids []string, k int) []string {
	return append(append([]string(nil), ids[:k]...), ids[k+1:]...)
}

// A claim as extraction makes it is written by appendSource as its
// conversion FromClaim(c) is by append: every claim extracted from
// generated articles of both languages, compact and indented, one writer
// for all; and a claim with every field of claims.Claim (and of its date
// and number values) set, so that a field FromClaim converts and
// appendSource does not write fails here.
func TestClaimJSONFromSource(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	eng := extract.New(set)
	var cs []*claims.Claim
	for _, d := range corpusgen.Generate(5, 150, corpusgen.Mixed).Documents() {
		cs = append(cs, eng.Extract(d)...)
	}
	require.Greater(t, len(cs), 500)
	var full claims.Claim
	fillAll(reflect.ValueOf(&full).Elem(), "f")
	cs = append(cs, &full, &claims.Claim{})
	for _, l := range []*jsonLayout{compactLayout, indentedLayout} {
		var src, conv claimJSON
		for _, c := range cs {
			rc := FromClaim(c)
			want := conv.appendFields(nil, &rc, l)
			require.Equal(t, string(want), string(src.appendSource(nil, c, l)), "%s", c.ID)
		}
	}
}

// fillAll sets every settable field under v to a value of its own
// (strings named after their path, some with bytes to escape).
func fillAll(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.String:
		if len(path)%3 == 0 {
			path += " <&>"
		}
		v.SetString(path)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(len(path)))
	case reflect.Float64:
		v.SetFloat(float64(len(path)) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fillAll(s.Index(i), path+strconv.Itoa(i))
		}
		v.Set(s)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem(), path)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && f.Type.PkgPath() != "time" {
				fillAll(v.Field(i), path+"."+f.Name)
			}
		}
	}
}
