package extract_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"github.com/crosscheck/crosscheck/rules"
)

// Adversarial shapes: text that is not news-shaped (scraped tables,
// transcripts, OCR, hostile pages). Extraction must stay linear in the
// input on each of them.
var shapes = []struct {
	name string
	gen  func(r *rand.Rand, size int) string
}{
	// Numbers, dates and event words with no sentence boundary at all.
	{"nobound", func(r *rand.Rand, size int) string {
		return words(r, size, " ", func(r *rand.Rand) string {
			switch r.IntN(5) {
			case 0:
				return fmt.Sprint(r.IntN(900) + 1)
			case 1:
				return months[r.IntN(len(months))] + " " + fmt.Sprint(r.IntN(28)+1)
			case 2:
				return fmt.Sprint(1990 + r.IntN(40))
			default:
				return triggers[r.IntN(len(triggers))]
			}
		})
	}},
	// One run-on sentence of casualty phrases joined by commas.
	{"runon", func(r *rand.Rand, size int) string {
		return words(r, size, ", ", func(r *rand.Rand) string {
			return fmt.Sprintf("%d people were %s in the %s on %s %d", r.IntN(500)+2,
				[]string{"killed", "injured", "wounded", "evacuated"}[r.IntN(4)],
				[]string{"blast", "quake", "flood", "attack"}[r.IntN(4)],
				months[r.IntN(len(months))], r.IntN(28)+1)
		}) + "."
	}},
	// Figures only.
	{"numbers", func(r *rand.Rand, size int) string {
		return words(r, size, " ", func(r *rand.Rand) string {
			switch r.IntN(4) {
			case 0:
				return fmt.Sprintf("%d,%03d", r.IntN(99)+1, r.IntN(1000))
			case 1:
				return fmt.Sprintf("%d.%d", r.IntN(99), r.IntN(10))
			case 2:
				return fmt.Sprintf("%d%%", r.IntN(100))
			}
			return fmt.Sprint(r.IntN(10000))
		})
	}},
	// Event and attribute words only.
	{"triggers", func(r *rand.Rand, size int) string {
		return words(r, size, " ", func(r *rand.Rand) string { return triggers[r.IntN(len(triggers))] })
	}},
	// Ordinary sentences, but the whole input on one line.
	{"oneline", func(r *rand.Rand, size int) string {
		return words(r, size, " ", sentence)
	}},
	// Dates after one future word, with no full stop or comma: each date
	// asks for the tense of a clause as long as the text.
	{"future", func(r *rand.Rand, size int) string {
		return "The talks will resume " + words(r, size, " ", func(r *rand.Rand) string {
			return months[r.IntN(6)] + " " + fmt.Sprint(r.IntN(28)+1)
		})
	}},
	// Clock times and days in a place, each clock looking for its day and
	// its time zone.
	{"clocks", func(r *rand.Rand, size int) string {
		return "In Jakarta " + words(r, size, " ", func(r *rand.Rand) string {
			switch r.IntN(4) {
			case 0:
				return "at 5 p.m."
			case 1:
				return "on March 3"
			}
			return fmt.Sprintf("at %02d:%02d", r.IntN(24), r.IntN(60))
		})
	}},
	// A list of magnitudes in one sentence with no quake word.
	{"magnitudes", func(r *rand.Rand, size int) string {
		return words(r, size, " ", func(r *rand.Rand) string { return fmt.Sprintf("measuring %d.%d", r.IntN(8)+1, r.IntN(10)) })
	}},
	// Many tiny lines.
	{"tinylines", func(r *rand.Rand, size int) string {
		return words(r, size, "\n", func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return fmt.Sprint(r.IntN(100))
			}
			return triggers[r.IntN(len(triggers))]
		})
	}},
}

var months = []string{"January", "March", "May", "July", "October", "December", "Januari", "Agustus"}

var triggers = []string{"killed", "injured", "meeting", "summit", "election", "quake", "signed", "held",
	"percent", "votes", "treaty", "said", "magnitude", "tewas", "rapat", "pemilu", "congress", "deaths"}

func sentence(r *rand.Rand) string {
	return fmt.Sprintf("The %s on %s %d left %d people dead and %d injured, officials said.",
		[]string{"quake", "flood", "summit", "election"}[r.IntN(4)],
		months[r.IntN(len(months))], r.IntN(28)+1, r.IntN(300)+1, r.IntN(900)+1)
}

// words joins pieces from next with sep until the text reaches size bytes.
func words(r *rand.Rand, size int, sep string, next func(*rand.Rand) string) string {
	var b strings.Builder
	b.Grow(size + 64)
	for b.Len() < size {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(next(r))
	}
	return b.String()
}

func extractShape(t testing.TB, eng *extract.Engine, text string) []*claims.Claim {
	doc := &claims.Document{ID: "shape", Text: text, Status: claims.StatusRead}
	return eng.Extract(doc)
}

// TestAdversarialShapes checks each shape for what extraction must still get
// right on it (claims in order, inside the text, spans that quote it, the
// same claims twice). Before frame assignment was made linear, 60 KB of the
// "nobound" shape took over two minutes; BenchmarkAdversarial measures it.
func TestAdversarialShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := extract.New(set)
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			text := sh.gen(rand.New(rand.NewPCG(1, 2)), 60_000)
			cs := extractShape(t, eng, text)
			if len(cs) == 0 && sh.name != "triggers" {
				t.Fatalf("no claims from %d bytes of %s", len(text), sh.name)
			}
			last := -1
			for _, c := range cs {
				if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
					t.Fatalf("claim span [%d,%d) outside the text (%d bytes)", c.Start, c.End, len(text))
				}
				if c.Start < last {
					t.Fatalf("claims out of order: %d after %d", c.Start, last)
				}
				last = c.Start
				if c.Text != text[c.Start:c.End] {
					t.Fatalf("claim text %q does not quote its span %q", c.Text, text[c.Start:c.End])
				}
			}
			// Deterministic: the same input gives the same claims.
			again := extractShape(t, eng, text)
			if len(again) != len(cs) {
				t.Fatalf("second run: %d claims, first %d", len(again), len(cs))
			}
			for i := range cs {
				if cs[i].Start != again[i].Start || cs[i].Attribute != again[i].Attribute || cs[i].Value != again[i].Value {
					t.Fatalf("second run differs at claim %d: %+v vs %+v", i, again[i], cs[i])
				}
			}
		})
	}
}

// TestLongSentenceFrames: in a sentence longer than frame assignment
// weighs whole, a figure still takes the event word beside it, and the
// document says that the sentence was read by windows.
func TestLongSentenceFrames(t *testing.T) {
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng := extract.New(set)
	r := rand.New(rand.NewPCG(3, 4))
	text := words(r, 40_000, ", ", func(r *rand.Rand) string {
		return fmt.Sprintf("%d people were killed in the town", r.IntN(500)+2)
	}) + "."
	doc := &claims.Document{ID: "long", Text: text, Status: claims.StatusRead}
	cs := eng.Extract(doc)
	if len(cs) < 1000 {
		t.Fatalf("%d claims from %d phrases", len(cs), strings.Count(text, "killed"))
	}
	for _, c := range cs {
		if c.Attribute != "casualties.killed" {
			t.Fatalf("%q at %d: attribute %q, want casualties.killed", c.Text, c.Start, c.Attribute)
		}
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "longer than") {
		t.Fatalf("warnings %q, want one about the long sentence", doc.Warnings)
	}
	short := &claims.Document{ID: "short", Text: "12 people were killed in the town, officials said.", Status: claims.StatusRead}
	if cs := eng.Extract(short); len(cs) != 1 || cs[0].Attribute != "casualties.killed" || len(short.Warnings) != 0 {
		t.Fatalf("short sentence: %d claims, warnings %q", len(cs), short.Warnings)
	}
}

// BenchmarkAdversarial measures extraction of each shape at 1 MB and 4 MB:
// per-MB CPU (cpu-MB/s) must stay flat as the input grows, and near that of
// news text (BenchmarkExtractReal), although most shapes carry many times
// the claims per MB of news.
func BenchmarkAdversarial(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	eng := extract.New(set)
	for _, sh := range shapes {
		for _, mb := range []int{1, 4} {
			b.Run(fmt.Sprintf("%s/%dMB", sh.name, mb), func(b *testing.B) {
				text := sh.gen(rand.New(rand.NewPCG(1, 2)), mb<<20)
				b.SetBytes(int64(len(text)))
				cpu := benchcorpus.CPUTime()
				n := 0
				for b.Loop() {
					n = len(extractShape(b, eng, text))
				}
				benchcorpus.ReportCPU(b, cpu, int64(len(text)))
				b.ReportMetric(float64(n)/float64(len(text))*1e6, "claims/MB")
			})
		}
	}
}
