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
	for _, sh := range benchcorpus.Shapes {
		t.Run(sh.Name, func(t *testing.T) {
			text := sh.Gen(rand.New(rand.NewPCG(1, 2)), 60_000)
			cs := extractShape(t, eng, text)
			if len(cs) == 0 && sh.Name != "triggers" {
				t.Fatalf("no claims from %d bytes of %s", len(text), sh.Name)
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
	text := benchcorpus.Words(r, 40_000, ", ", func(r *rand.Rand) string {
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
	for _, sh := range benchcorpus.Shapes {
		for _, mb := range []int{1, 4} {
			b.Run(fmt.Sprintf("%s/%dMB", sh.Name, mb), func(b *testing.B) {
				text := sh.Gen(rand.New(rand.NewPCG(1, 2)), mb<<20)
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
