// Package corpusgen writes deterministic synthetic news corpora for
// crosscheck's benchmarks and end-to-end recall tests.
//
// Why synthetic: throughput has to be measured on text shaped like news
// (datelines, bylines, quotes, boilerplate, counts with qualifiers,
// Indonesian separators) at 1k, 10k and 100k articles, and recall has to be
// measured against discrepancies whose truth is known. Real corpora give
// neither the scale nor the ground truth, and a repeated sentence would make
// every cache hit and flatter the figures.
//
// How: each story is a small consistent world (a place, people, an event
// date, figures). Each of its 3–6 articles states the story's figures in its
// own words, drawn from several paraphrases per fact and language, padded
// with combinatorial background sentences so that independent articles do
// not look like syndicated copies. Some stories carry one injected
// discrepancy: one article states a different figure for one attribute. Some
// carry traps that must NOT be reported: qualifiers ("at least"), rounding
// ("about"), other languages' separators ("1.200" = 1,200), a later article
// with a higher death toll (an update), a syndicated copy, furniture lines.
//
// The same seed, size and language always give byte-identical output: the
// generator uses math/rand's seeded source (whose sequence Go keeps stable)
// and never iterates over a map.
package corpusgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// Languages accepted by Generate.
const (
	English    = "en"
	Indonesian = "id"
	Mixed      = "mix" // each article of a story in English or Indonesian
)

// Article is one generated news article.
type Article struct {
	ID        string // file stem / JSON Lines id; articles of a story sort together
	Story     int    // 1-based story number
	Kind      string // story kind: "quake", "flood", "meeting", "summit", "election", "missile", "deal"
	Lang      string // "en" or "id"
	Site      string
	Published time.Time // also written in the text's dateline
	Title     string
	Text      string
	CopyOf    string // set for a syndicated copy: the article it repeats
}

// Discrepancy is one injected disagreement the tool must report.
type Discrepancy struct {
	Story     int
	Kind      string   // "conflict" (across sources) or "weekday-mismatch" (inside one article)
	Attribute string   // as crosscheck names it: "disaster.magnitude", "pact.signed", ...
	Odd       string   // the article stating the different value
	Others    []string // independent articles stating the story's value
	Want, Got string   // the story's value and the odd article's, in canonical form
}

// Trap is a place where values differ in form but not in fact, or differ
// legitimately; reporting a conflict there is a false positive.
type Trap struct {
	Story     int
	Kind      string // "qualifier", "rounding", "separator", "update", "syndicated", "previous-event"
	Attribute string
	Docs      []string
}

// Corpus is a generated corpus and its ground truth.
type Corpus struct {
	Seed          int64
	Lang          string
	Articles      []Article
	Discrepancies []Discrepancy
	Traps         []Trap
}

// Generate builds n articles (a little more or less is never returned: the
// last story is cut to fit) in lang ("en", "id" or "mix") from seed.
func Generate(seed int64, n int, lang string) *Corpus {
	return GenerateOver(seed, n, lang, epochDays)
}

// GenerateOver is Generate with the stories' events spread over days days
// instead of twenty years: a year gives an archive as dense as a busy
// wire's (about a hundred articles a day at 40,000).
func GenerateOver(seed int64, n int, lang string, days int) *Corpus {
	if lang != English && lang != Indonesian && lang != Mixed {
		panic("corpusgen: unknown language " + lang)
	}
	if days <= 0 {
		panic("corpusgen: days must be positive")
	}
	g := &gen{r: rand.New(rand.NewSource(seed)), lang: lang, pactYear: map[string]int{}, days: days}
	c := &Corpus{Seed: seed, Lang: lang}
	for story := 1; len(c.Articles) < n; story++ {
		g.story(c, story, n-len(c.Articles))
	}
	return c
}

// Bytes is the total size of the articles' texts.
func (c *Corpus) Bytes() int {
	n := 0
	for i := range c.Articles {
		n += len(c.Articles[i].Text)
	}
	return n
}

// Documents returns the articles as documents ready for extraction, as
// claims/ingest would read them from WriteDir's files (the publication date
// comes from the dateline in the text, not from metadata).
func (c *Corpus) Documents() []*claims.Document {
	out := make([]*claims.Document, len(c.Articles))
	for i := range c.Articles {
		a := &c.Articles[i]
		out[i] = &claims.Document{ID: a.ID, Path: a.ID + ".txt", Title: a.Title, Text: a.Text, Status: claims.StatusRead,
			PublishedSource: claims.SourceNone, LanguageSource: claims.SourceNone}
	}
	return out
}

// WriteDir writes one ID.txt file per article into dir (created if needed).
func (c *Corpus) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range c.Articles {
		a := &c.Articles[i]
		if err := os.WriteFile(filepath.Join(dir, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSONL writes one JSON object per article with the fields
// claims/ingest reads (id, title, published, language, text).
func (c *Corpus) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range c.Articles {
		a := &c.Articles[i]
		rec := struct {
			ID        string `json:"id"`
			Title     string `json:"title"`
			Published string `json:"published"`
			Language  string `json:"language"`
			Text      string `json:"text"`
		}{a.ID, a.Title, a.Published.Format("2006-01-02"), a.Lang, a.Text}
		if err := enc.Encode(&rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteTruth writes the injected discrepancies and traps as JSON, for
// checking a run of the CLI by hand.
func (c *Corpus) WriteTruth(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Seed          int64         `json:"seed"`
		Lang          string        `json:"lang"`
		Articles      int           `json:"articles"`
		Bytes         int           `json:"bytes"`
		Discrepancies []Discrepancy `json:"discrepancies"`
		Traps         []Trap        `json:"traps"`
	}{c.Seed, c.Lang, len(c.Articles), c.Bytes(), c.Discrepancies, c.Traps})
}

// gen carries the random source and the facts that must stay the same
// across stories (a treaty between two countries was signed in one year,
// whichever story mentions it).
type gen struct {
	r        *rand.Rand
	lang     string
	pactYear map[string]int
	days     int // stories' events fall within this many days from epoch
}

func (g *gen) intn(n int) int          { return g.r.Intn(n) }
func (g *gen) between(lo, hi int) int  { return lo + g.r.Intn(hi-lo+1) }
func (g *gen) chance(p float64) bool   { return g.r.Float64() < p }
func (g *gen) pick(ss []string) string { return ss[g.r.Intn(len(ss))] }

// sortDiscrepancies keeps the truth in story order whatever the injection
// order was.
func sortDiscrepancies(ds []Discrepancy) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Story < ds[j].Story })
}

func storyID(story, k int) string { return fmt.Sprintf("s%06d-%d", story, k+1) }
