package extract

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// datesForClocksRef is datesForClocks as it was before it returned early
// on a list with no clock time to date and looked up no sentence when no
// item gives a day: the plain path.
func datesForClocksRef(r *dateRun, items []*dateItem) {
	var days []*dateItem
	for _, o := range items {
		if dayDate(o) && o.c.Date != nil {
			days = append(days, o)
		}
	}
	slices.SortStableFunc(days, func(x, y *dateItem) int { return x.start - y.start })
	var prev *dateItem
	var notes dayNotes
	pubNote := ""
	for _, it := range items {
		if dayDate(it) && it.c.Date != nil {
			prev = it
			continue
		}
		if !it.clock || it.c.Date != nil {
			continue
		}
		a, b := r.sentenceTokens(it.c.Start)
		var only *dateItem
		n := 0
		for j := sort.Search(len(days), func(j int) bool { return days[j].start >= a }); j < len(days) && days[j].start < b && n < 2; j++ {
			if days[j].end <= b {
				only = days[j]
				n++
			}
		}
		if n == 1 {
			r.datedClock(it, *only.c.Date, notes.note(only, "day taken from %q in the same sentence"))
			continue
		}
		if prev != nil {
			r.datedClock(it, *prev.c.Date, notes.note(prev, "day taken from %q, the date mentioned before it"))
			continue
		}
		if pub := r.pubDate(); !pub.IsZero() {
			day := claims.DateValue{Start: pub, End: pub.AddDate(0, 0, 1), Gran: claims.GranDay, Relative: true}
			if pubNote == "" {
				pubNote = "day taken from the publication date " + pub.Format("2006-01-02")
			}
			r.datedClock(it, day, pubNote)
			continue
		}
		it.c.Value = clockValue(it.hour, it.min)
	}
}

// resolvedItems resolves doc's date matches as the date step does, up to
// the dating of clock times (uncombinedItems, then the ranges combined).
func resolvedItems(e *Engine, doc *claims.Document) (*dateRun, []*dateItem) {
	r, items := uncombinedItems(e, doc)
	return r, r.combineRanges(items)
}

// cloneItems copies items and their claims, so that two datings of them
// can be compared.
func cloneItems(items []*dateItem) []*dateItem {
	out := make([]*dateItem, len(items))
	for k, it := range items {
		c := *it.c
		cp := *it
		cp.c = &c
		out[k] = &cp
	}
	return out
}

// TestDatesForClocks holds datesForClocks to datesForClocksRef on word
// salads of clock times, dates and sentence ends, with and without a
// publication date and a clock time, in both languages.
func TestDatesForClocks(t *testing.T) {
	words := map[string][]string{
		"en": {"at 5 p.m.", "at 10:30", "on March 3", "Friday", "said", ".", "in Jakarta", "local time", "x", "y",
			"2 GMT", "on March 4, 2024", "at 7:37 AM", "in Tokyo", "\n"},
		"id": {"pukul 06.12", "pukul 07.55 WIB", "pada 3 Maret", "Jumat", "kata", ".", "di Jakarta", "x", "y",
			"pada 4 Maret 2024", "\n"},
	}
	e := engineForTest(t)
	notes := map[string]int{} // the kinds of dating met, by note prefix
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 23))
		lang := []string{"en", "id"}[seed%2]
		ws := words[lang]
		if seed%5 == 4 { // no clock time at all
			ws = slices.DeleteFunc(slices.Clone(ws), func(w string) bool {
				return w == "at 5 p.m." || w == "at 10:30" || w == "at 7:37 AM" || w == "2 GMT" || w == "pukul 06.12" || w == "pukul 07.55 WIB"
			})
		}
		text := sparseText(r, ws, 50+r.IntN(300), int(seed%3))
		doc := &claims.Document{ID: "t", Text: text, Language: lang, Status: claims.StatusRead}
		if seed%4 < 2 {
			doc.Published = time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)
		}
		run, items := resolvedItems(e, doc)
		got, want := cloneItems(items), cloneItems(items)
		run.datesForClocks(got)
		ref := &dateRun{Pass: run.Pass}
		datesForClocksRef(ref, want)
		for k := range items {
			require.Equal(t, *want[k].c, *got[k].c, "seed %d: item %d in %q", seed, k, text)
			if items[k].clock && got[k].c.Date != nil && items[k].c.Date == nil {
				notes[got[k].c.Note[:min(len(got[k].c.Note), 20)]]++
			}
		}
	}
	require.Greater(t, len(notes), 2, "the datings met: %v", notes)
}

// inferYearRef is inferYear as it reckoned the week's margin for each
// candidate year.
func inferYearRef(pub time.Time, m, d int, tense claims.Tense) int {
	y := pub.Year()
	at := func(cand int) time.Time { return time.Date(cand, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch tense {
	case claims.TensePast:
		for _, cand := range []int{y + 1, y, y - 1} {
			if !at(cand).After(pub.AddDate(0, 0, 7)) {
				return cand
			}
		}
	case claims.TenseFuture:
		for _, cand := range []int{y - 1, y, y + 1} {
			if !at(cand).Before(pub.AddDate(0, 0, -7)) {
				return cand
			}
		}
	}
	best, bestD := y, time.Duration(1<<63-1)
	for _, cand := range []int{y - 1, y, y + 1} {
		d := at(cand).Sub(pub)
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// TestInferYear holds inferYear to inferYearRef on random publication
// dates (some near the turn of a year) and days, in each tense.
func TestInferYear(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 29))
	for range 20000 {
		pub := time.Date(1990+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(31), 0, 0, 0, 0, time.UTC)
		if r.IntN(3) == 0 {
			pub = time.Date(2020+r.IntN(5), []time.Month{1, 12}[r.IntN(2)], []int{1, 2, 5, 8, 9, 24, 25, 28, 31}[r.IntN(9)], 0, 0, 0, 0, time.UTC)
		}
		m, d := 1+r.IntN(12), 1+r.IntN(31)
		tense := []claims.Tense{claims.TensePast, claims.TenseFuture, claims.TenseNone, "x"}[r.IntN(4)]
		require.Equal(t, inferYearRef(pub, m, d, tense), inferYear(pub, m, d, tense), "%s %d-%d %q", pub.Format("2006-01-02"), m, d, tense)
	}
}
