package segment

import (
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"

	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
)

// hardCases are lines that exercise punkt's heuristics and the word
// tokenizer's edge cases: abbreviations, initials, numbers, ellipses,
// quotes and brackets, non-ASCII letters and spaces, invalid UTF-8, and
// lines whose last rune is more than one byte long.
var hardCases = []string{
	"",
	"\n\n \t\n",
	"One sentence without a mark",
	"Mr. Smith went to Washington D.C. on Jan. 5. He met Dr. J. R. Jones at 10 a.m. and left.",
	"The U.S. economy grew 2.5% in Q3... Analysts expected 2,5%. Really?! Yes.",
	"“It is over,” he said. 'Fine.' (See p. 4.) No. 1 seed lost 6-4, 6-3.",
	"Kim Jong-un memimpin rapat pada Senin (30/12/2024). Rapat itu berlangsung 5 hari. ÄÖÜ. İstanbul.",
	"A 1.200 km, 1,5 juta. 3.  4.5. x..y. 12th. e.g. i.e. etc. vs. St. Louis.",
	"Tabs\there.\x01Ctrl. Next\u00a0one.\u2028Sep. \x85NEL. End\x00. Last!",
	"He left. . . and came back. . She smiled.",
	"It cost $5. Then -3.5. Then .5. Then -,5. Then 1-2. Then 2024.",
	"Gen. Lee. Lt.-Col. Smith arrived. Inc. shares rose. Co. Ltd. fell.",
	"He said.\"Go.\" She said.' Went.) Came.[1] Then.(2) Why?[3] Stop!(4) Wow!’ Yes!” No.",
	"Line ends with a multi-byte letter. Café",
	"Line ends with a space after a word. Next. ",
	"Line ends with two spaces. Next.  ",
	"Line ends with NBSP. Next.\u00a0",
	"Ends in invalid UTF-8. Next.\xc3",
	"Café. Über. Ça. Straße. İİ. Ǆemal. ǅx. Σ. ſ. K. ẞ.",
	"CRLF line one. Two.\r\nLine two. Three.\r\n",
	"Mixed\u3000ideographic\u3000space. Next\u2003em. Next\u205fmath.",
	"U.S.-based firms. The U.K.-led team. J.R.R. Tolkien wrote. A. B. C.",
	"He scored 3. He scored 4th. The No. 5. Vol. 2. Fig. 3a. Sec. 4(b).",
	"x. y. z. X. Y. Z. a.m. P.M. p.m. Then",
	"\xff\xfe. \xed\xa0\x80. \xef\xbf\xbd. \xc2. \xe2\x80. Done.",
	". . . . .",
	"?! !? .. .? ?. ,. ;. :.",
	"He said, 'Go.' 'Stop!' Then 'why?' he asked. \"No.\" \"Yes!\"",
	"Typed ##number##. like a number. ##NUMBER##. x 5. x ##number##, y.",
	"Spaced ellipsis . . . then . . and . End.",
	"Brackets.[1] Next.(2) Then?(3) And![4] Also.\"5\" Last.'6'",
}

// TestSentencesMatchReference compares Sentences with the implementation
// it replaced (reference_test.go) on the hard cases, the generated bench
// corpora, the repository's testdata and, when present, the shared corpora
// and seeds beside the repository; each document also as CRLF text and
// with its line breaks turned into spaces (long multi-sentence lines).
func TestSentencesMatchReference(t *testing.T) {
	docs := append([]string(nil), hardCases...)
	if !testing.Short() {
		for _, lang := range []string{"en", "id"} {
			docs = append(docs, benchcorpus.Load(t, lang)...)
		}
	}
	docs = append(docs, readTree(t, "../../testdata")...)
	for _, dir := range []string{"../../../shared/corpora", "../../../shared/seeds"} {
		docs = append(docs, readTree(t, dir)...)
	}
	n, bytes := 0, 0
	for _, d := range docs {
		for _, v := range []string{d, strings.ReplaceAll(d, "\n", "\r\n"), strings.ReplaceAll(d, "\n", " ")} {
			if got, want := Sentences(v), refSentences(v); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q:\n got %v\nwant %v", v, got, want)
			}
			n++
			bytes += len(v)
		}
	}
	t.Logf("%d texts, %d bytes identical", n, bytes)
}

// TestSentencesRandomMatchReference compares Sentences with the reference
// on generated lines built from punkt's own vocabulary (every trained
// abbreviation, collocation and sentence starter, some frequent words of
// OrthoContext) mixed with numbers, initials, ellipses, quotes, brackets,
// non-ASCII letters and spaces and invalid bytes, so that each heuristic
// decides many breaks; the fuzz test cannot find those words by chance.
func TestSentencesRandomMatchReference(t *testing.T) {
	m, err := model()
	if err != nil {
		t.Fatal(err)
	}
	var vocab []string
	for _, set := range []map[string]int{m.AbbrevTypes, m.SentStarters, m.Collocations} {
		for k := range set {
			vocab = append(vocab, strings.ReplaceAll(k, ",", ". "))
		}
	}
	ortho := slices.Sorted(maps.Keys(m.ortho.toSet()))
	for i := 0; i < len(ortho); i += 10 {
		vocab = append(vocab, ortho[i])
	}
	slices.Sort(vocab) // map order is random; the test should not be
	vocab = append(vocab, "J.", "a.m.", "U.S.", "...", ". .", ".", "5.", "2.5", "1,200.", "-3", "##number##",
		"“Yes,”", "said.”", "(see", "p.)", "it.\"", "it.'", "Why?", "No!", "Wow!’", "[1]", "Café", "İstanbul", "ǅx",
		"\u00a0", "\u2028", "\u3000", "\x85", "\xc2", "\xa0", "\r", "\t", "", "the", "The", "he", "He")
	seps := []string{" ", " ", " ", " ", "  ", ". ", ".", "? ", "! ", "\u00a0", "\n", "\r\n", ", "}
	r := rand.New(rand.NewPCG(1, 2))
	lines, size := 50000, 0
	if testing.Short() {
		lines = 5000
	}
	for range lines {
		var b strings.Builder
		for range 1 + r.IntN(24) {
			w := vocab[r.IntN(len(vocab))]
			switch r.IntN(4) {
			case 0:
				w = strings.ToUpper(w[:min(1, len(w))]) + w[min(1, len(w)):]
			case 1:
				w += "."
			}
			b.WriteString(w)
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		if r.IntN(2) == 0 {
			text = strings.TrimRight(text, " ")
		}
		if got, want := Sentences(text), refSentences(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", text, got, want)
		}
		size += len(text)
	}
	t.Logf("%d generated texts, %d bytes identical", lines, size)
}

// readTree returns the text of every regular file under dir, or nothing
// if dir does not exist (a clone without the shared directory).
func readTree(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			if path == dir && os.IsNotExist(err) {
				return filepath.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzSentences compares Sentences with the reference on arbitrary input.
func FuzzSentences(f *testing.F) {
	for _, s := range hardCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Sentences(s), refSentences(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	})
}

// TestSentencesConcurrent runs Sentences from several goroutines at once;
// with -race it checks that calls share no mutable state.
func TestSentencesConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range hardCases {
				if got, want := Sentences(s), refSentences(s); !reflect.DeepEqual(got, want) {
					t.Errorf("%q: got %v, want %v", s, got, want)
				}
			}
		}()
	}
	wg.Wait()
}

// TestSentencesAllocs pins the point of the rewrite: one allocation (the
// result) for an ordinary article, whose sentences are longer than the 64
// bytes Sentences sizes its result for.
func TestSentencesAllocs(t *testing.T) {
	text := strings.Repeat("Mr. Smith, the head of the U.S. office, said on Jan. 5 that sales in the region rose 2.5% last year. "+
		"“We are pleased with the results and expect more of the same,” he told reporters in Washington. "+
		"Analysts disagreed, and shares of the company fell 3% in early trading!\n\n", 20)
	Sentences(text) // load the model
	if n := testing.AllocsPerRun(20, func() { Sentences(text) }); n > 1 {
		t.Errorf("Sentences allocates %v times per call, want 1", n)
	}
}

// TestAppendSentences: appending to a slice that holds spans already, and
// reusing one slice text after text, gives what Sentences gives; reused,
// a slice with room allocates nothing.
func TestAppendSentences(t *testing.T) {
	var buf []Span
	for _, s := range hardCases {
		want := Sentences(s)
		buf = AppendSentences(buf[:0], s)
		if len(want) != 0 || len(buf) != 0 {
			if !reflect.DeepEqual(want, buf) {
				t.Fatalf("%q: got %v, want %v", s, buf, want)
			}
		}
		prefix := []Span{{1, 2}, {3, 4}}
		got := AppendSentences(prefix, s)
		if w := append([]Span{{1, 2}, {3, 4}}, want...); !reflect.DeepEqual(w, got) {
			t.Fatalf("%q after two spans: got %v, want %v", s, got, w)
		}
	}
	text := strings.Repeat("Mr. Smith said on Jan. 5 that sales rose 2.5% last year. Shares fell!\n\n", 20)
	buf = AppendSentences(buf[:0], text)
	if n := testing.AllocsPerRun(20, func() { buf = AppendSentences(buf[:0], text) }); n > 0 {
		t.Errorf("AppendSentences allocates %v times per call with room, want 0", n)
	}
}

// TestSpanEdges checks that spans are trimmed of white space by rune: a
// no-break space is trimmed, a letter whose last UTF-8 byte is 0xA0 or 0x85
// ("à", "Å") is not cut.
func TestSpanEdges(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Il est là\n", "Il est là"},
		{"Ångström Å\n", "Ångström Å"},
		{"Hello there.\u00a0\n", "Hello there."},
		{"\u00a0\u2003Indented line.", "Indented line."},
	} {
		spans := Sentences(tc.text)
		if len(spans) != 1 {
			t.Fatalf("%q: %d spans, want 1", tc.text, len(spans))
		}
		if got := tc.text[spans[0].Start:spans[0].End]; got != tc.want {
			t.Errorf("%q: span %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestLinesEndSentences: a line without closing punctuation that stands
// alone (a headline, a front-matter title, a "BACA JUGA" link line, a
// heading) ends its sentence, so a claim's sentence never runs into the
// next line. Checked against the reference too.
func TestLinesEndSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"title: Robbers grab $3.1 million worth of watches\ndate: 2014-05-02\n\nFour men broke in. They fled",
			[]string{"title: Robbers grab $3.1 million worth of watches", "date: 2014-05-02", "Four men broke in.", "They fled"}},
		{"Quake injures 80 in mountain villages\nThe tremor struck at dawn on Monday.",
			[]string{"Quake injures 80 in mountain villages", "The tremor struck at dawn on Monday."}},
		{"Gempa 5,9 SR guncang Maluku\r\nBACA JUGA: Banjir rendam 300 rumah\r\nSebanyak 3 orang tewas.",
			[]string{"Gempa 5,9 SR guncang Maluku", "BACA JUGA: Banjir rendam 300 rumah", "Sebanyak 3 orang tewas."}},
		{"Heading for the U.S\nNext line, no mark\n\n  Indented heading  \nBody.",
			[]string{"Heading for the U.S", "Next line, no mark", "Indented heading", "Body."}},
	} {
		got := Sentences(tc.text)
		var texts []string
		for _, sp := range got {
			texts = append(texts, tc.text[sp.Start:sp.End])
		}
		if !slices.Equal(texts, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, texts, tc.want)
		}
		if ref := refSentences(tc.text); !reflect.DeepEqual(got, ref) {
			t.Errorf("%q: %v, reference %v", tc.text, got, ref)
		}
	}
}

// typeCases are words for appendType: with and without digits, commas,
// upper case and non-ASCII runes (the Kelvin sign lower-cases to ASCII 'k').
var typeCases = []string{
	"p.m.", "At", "Mr.", "a", ",", ",,", "1", "1,", "a,b", "A,B.", "G20", "3.5%",
	"-1.5", "x-1.", "1,000.", "Jan.", "ÉTÉ", "\u212aM", "İ,", "a\xff,", "##number##.",
	"1-2-3", "v1.2,3", "e.g.,", "5p.m.", ".5", "-,5",
}

// wordFlagsOf is the flags wordEnd gathers for a whole word.
func wordFlagsOf(tok string) wordFlags {
	var f wordFlags
	for i := 0; i < len(tok); i++ {
		f |= byteFlags[tok[i]]
	}
	return f
}

// checkAppendType holds appendType (and appendLower in it), given tok's
// own flags, to the library's Type.
func checkAppendType(t *testing.T, tok string) {
	t.Helper()
	ref := sentences.NewWordTokenizer(sentences.NewPunctStrings())
	want := ref.Type(sentences.NewToken(tok))
	// After a key's head, as tokenAnnotation appends the next type.
	if got := appendType([]byte("x,"), tok, wordFlagsOf(tok)); string(got) != "x,"+want {
		t.Errorf("appendType(%q) = %q, want %q", tok, got[2:], want)
	}
}

func TestAppendType(t *testing.T) {
	for _, tok := range typeCases {
		checkAppendType(t, tok)
	}
}

// FuzzAppendType compares appendType, which skips the number and comma
// passes by the word's flags, with the library's Type.
func FuzzAppendType(f *testing.F) {
	for _, tok := range typeCases {
		f.Add(tok)
	}
	f.Fuzz(checkAppendType)
}
