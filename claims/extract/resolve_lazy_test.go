package extract

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// resolvedTenseFirst is resolvedItems with each match's resolution tense
// asked before the match is resolved, as the date step asked it before
// the tense was lazy: the answer a reading then takes is the one asked
// first, if asking only fills memos.
func resolvedTenseFirst(e *Engine, doc *claims.Document) []*dateItem {
	r, items := uncombinedItemsAsking(e, doc, func(r *dateRun, m *dateMatch) { r.resolutionTense(m) })
	return r.combineRanges(items)
}

// TestLazyTense holds the dates resolved with the resolution tense asked
// only when a reading needs it (lazyTense) to the same dates with it asked
// first for each (resolvedTenseFirst), on word salads of dates with and without their year,
// days alone, weekdays, tense words and sentence ends, with and without a
// publication date, in both languages.
func TestLazyTense(t *testing.T) {
	words := map[string][]string{
		"en": {"on March 3", "March 3, 2024", "Dec. 15", "on the 18th", "Friday", "Friday the 26th", "last June",
			"will", "said", "told", "would", "by August", "arrived", "is payable", ".", ",", "x", "y", "\"",
			"at 5 p.m.", "Feb. 29", "between 10/1 and 11/7", "next Friday", "the previous Monday", "in 2023"},
		"id": {"pada 3 Maret", "3 Maret 2024", "Jumat", "akan", "telah", "kata", "paling lambat Juni", ".", ",",
			"x", "y", "pukul 06.12", "Juni lalu", "tanggal 18"},
	}
	e := engineForTest(t)
	inferred := 0
	for seed := range uint64(80) {
		doc := randomDateDoc(seed, 31, words)
		text := doc.Text
		_, lazy := resolvedItems(e, doc)
		first := resolvedTenseFirst(e, doc)
		require.Equal(t, len(first), len(lazy), "seed %d: items of %q", seed, text)
		for k := range first {
			require.Equal(t, *first[k].c, *lazy[k].c, "seed %d: item %d in %q", seed, k, text)
			if d := lazy[k].c.Date; d != nil && len(d.Inferred) > 0 {
				inferred++
			}
		}
	}
	require.Greater(t, inferred, 100, "dates whose year or month was inferred")
}
