package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Adversarial shapes: text that is not news-shaped (scraped tables,
// transcripts, OCR, hostile pages). Extraction must stay linear in the
// input on each of them. claims/extract's TestAdversarialShapes and
// BenchmarkAdversarial read them in process; cmd/shapes writes them as
// files, for whole-process timings and instruction counts of the CLI.

// Shape is one adversarial shape: a name and a generator of about size
// bytes of text.
type Shape struct {
	Name string
	Gen  func(r *rand.Rand, size int) string
}

// Shapes lists them; Shape.Gen writes about size bytes from r.
var Shapes = []Shape{
	// Numbers, dates and event words with no sentence boundary at all.
	{"nobound", func(r *rand.Rand, size int) string {
		return Words(r, size, " ", func(r *rand.Rand) string {
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
		return Words(r, size, ", ", func(r *rand.Rand) string {
			return fmt.Sprintf("%d people were %s in the %s on %s %d", r.IntN(500)+2,
				[]string{"killed", "injured", "wounded", "evacuated"}[r.IntN(4)],
				[]string{"blast", "quake", "flood", "attack"}[r.IntN(4)],
				months[r.IntN(len(months))], r.IntN(28)+1)
		}) + "."
	}},
	// Figures only.
	{"numbers", func(r *rand.Rand, size int) string {
		return Words(r, size, " ", func(r *rand.Rand) string {
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
		return Words(r, size, " ", func(r *rand.Rand) string { return triggers[r.IntN(len(triggers))] })
	}},
	// Ordinary sentences, but the whole input on one line.
	{"oneline", func(r *rand.Rand, size int) string {
		return Words(r, size, " ", sentence)
	}},
	// Dates after one future word, with no full stop or comma: each date
	// asks for the tense of a clause as long as the text.
	{"future", func(r *rand.Rand, size int) string {
		return "The talks will resume " + Words(r, size, " ", func(r *rand.Rand) string {
			return months[r.IntN(6)] + " " + fmt.Sprint(r.IntN(28)+1)
		})
	}},
	// Clock times and days in a place, each clock looking for its day and
	// its time zone.
	{"clocks", func(r *rand.Rand, size int) string {
		return "In Jakarta " + Words(r, size, " ", func(r *rand.Rand) string {
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
		return Words(r, size, " ", func(r *rand.Rand) string { return fmt.Sprintf("measuring %d.%d", r.IntN(8)+1, r.IntN(10)) })
	}},
	// Many tiny lines.
	{"tinylines", func(r *rand.Rand, size int) string {
		return Words(r, size, "\n", func(r *rand.Rand) string {
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

// sentence is one news-like sentence with a date and two figures.
func sentence(r *rand.Rand) string {
	return fmt.Sprintf("The %s on %s %d left %d people dead and %d injured, officials said.",
		[]string{"quake", "flood", "summit", "election"}[r.IntN(4)],
		months[r.IntN(len(months))], r.IntN(28)+1, r.IntN(300)+1, r.IntN(900)+1)
}

// Words joins pieces from next with sep until the text reaches size bytes.
func Words(r *rand.Rand, size int, sep string, next func(*rand.Rand) string) string {
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
