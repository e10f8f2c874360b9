package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/require"
)

// combineRangesPlain is combineRanges as it was before it passed the
// items that are no date at once: the reference the fast path is held to.
func combineRangesPlain(p *Pass, items []*dateItem) []*dateItem {
	out := items[:0]
	for i := 0; i < len(items); i++ {
		it := items[i]
		if r := p.rangeToNow(it, items[i+1:]); r != nil {
			out = append(out, r)
			continue
		}
		if r := p.rangeFromNow(it, out); r != nil {
			out = append(out, r)
			continue
		}
		if i+1 < len(items) && rangeable(it) && rangeable(items[i+1]) {
			nx := items[i+1]
			if from, ok := p.rangeJoin(it, nx); ok {
				if r := p.makeRange(it, nx, from); r != nil {
					out = append(out, r)
					i++
					continue
				}
			}
			if p.glued(it.end, nx.start, p.Lang.WordSet(rules.ListYearShareGlue), 2) {
				shareYear(it.c.Date, nx.c.Date)
				it.c.Value = it.c.Date.Canonical()
			}
		}
		out = append(out, it)
	}
	return out
}

// uncombinedItems resolves doc's date matches as the date step does, up
// to the combining of ranges.
func uncombinedItems(e *Engine, doc *claims.Document) (*dateRun, []*dateItem) {
	return uncombinedItemsAsking(e, doc, nil)
}

// uncombinedItemsAsking is uncombinedItems calling ask, when not nil,
// with each match before it is resolved.
func uncombinedItemsAsking(e *Engine, doc *claims.Document, ask func(*dateRun, *dateMatch)) (*dateRun, []*dateItem) {
	p := e.newPass(doc, new(scratch))
	ms := p.scanDates(p.index.dates)
	r := &dateRun{Pass: p}
	var m dateMatch
	var items []*dateItem
	for k := range ms.n {
		ms.load(k, &m)
		if ask != nil {
			ask(r, &m)
		}
		if it := r.resolveMatch(&m); it != nil {
			items = r.attachTime(append(items, it))
		}
	}
	return r, items
}

// TestCombineRangesPlain holds combineRanges to combineRangesPlain on word
// salads of ranges, ranges to and from now, lists sharing a year, clock
// times and dates without a year, with and without a publication date, in
// both languages.
func TestCombineRangesPlain(t *testing.T) {
	words := map[string][]string{
		"en": {"from May to October 2020", "between now and June", "from now until May", "from March to date",
			"to the present", "to now", "June and July 2024", "Nov. 18 2014 - Dec. 19 2015", "until", "to", "and",
			"March 3", "on March 3 at 5 p.m.", "at 5 p.m.", "2021", "between", "from", "October 18", ".", ",", "x",
			"last year", "in two weeks", "the week of March 6", "post-1959"},
		"id": {"dari Mei hingga Oktober 2020", "antara sekarang dan Juni", "hingga saat ini", "Juni dan Juli 2024",
			"hingga", "dan", "antara", "3 Maret", "pukul 06.12", "2021", ".", ",", "x", "tahun lalu"},
	}
	e := engineForTest(t)
	ranges := 0
	for seed := range uint64(80) {
		doc := randomDateDoc(seed, 41, words)
		text := doc.Text
		dr, items := uncombinedItems(e, doc)
		got := dr.combineRanges(items)
		rp, plainItems := uncombinedItems(e, doc)
		want := combineRangesPlain(rp.Pass, plainItems)
		require.Equal(t, len(want), len(got), "seed %d: items of %q", seed, text)
		for k := range want {
			require.Equal(t, *want[k].c, *got[k].c, "seed %d: item %d in %q", seed, k, text)
			require.Equal(t, [2]int{want[k].start, want[k].end}, [2]int{got[k].start, got[k].end}, "seed %d: item %d", seed, k)
			if d := got[k].c.Date; d != nil && d.Range {
				ranges++
			}
		}
	}
	require.Greater(t, ranges, 100, "ranges made")
}
