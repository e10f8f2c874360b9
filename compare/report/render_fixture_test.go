package report

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fixture is a small fictional story — the opening of a harbour bridge
// in the town of Velmora — told by three sources that disagree on the date
// and on the crowd. One article carries script-injection payloads inside a
// claim's sentence, so every format is exercised on hostile text.

const alphaText = `Velmora bridge opens

VELMORA, 10 March 2025 - The new harbour bridge opened on 8 March 2025 after four years of work. More than 5,000 people attended the ceremony.

Mayor Ilse Varga said the bridge cost 42 million euros.
`

const bravoText = `Bridge opens to crowds

The harbour bridge opened on 9 March as a banner read "<script>alert(1)</script>" and "><img src=x onerror=alert(2)> <script>window.__pwned=1</script>, officials said. About 4,000 people attended the ceremony <img src=x onerror="window.__pwned=2"> while | pipes and *stars* marked the route.
`

const charlieText = "Jembatan pelabuhan Velmora dibuka pada 8 Maret 2025 setelah empat tahun. Lebih dari 5.100 orang hadir dalam upacara itu.\n"

// fixtureTexts maps document ids to their text, as the CLI would pass to
// SnippetsFor.
func fixtureTexts() map[string]string {
	return map[string]string{"alpha": alphaText, "bravo": bravoText, "charlie": charlieText}
}

// fixtureNow is the fixed clock for every golden.
func fixtureNow() time.Time { return time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC) }

func strp(s string) *string { return &s }

func f64(f float64) *float64 { return &f }

// claimAt builds a claim for the first occurrence of words in doc's text,
// with offsets, line and column computed the way claims.Document does, so
// the fixture keeps the text[start:end] == words invariant.
func claimAt(t testing.TB, doc, text, words, kind, attr, value string) Claim {
	t.Helper()
	start := strings.Index(text, words)
	if start < 0 {
		t.Fatalf("fixture: %q not in %s", words, doc)
	}
	line := strings.Count(text[:start], "\n") + 1
	col := utf8.RuneCountInString(text[strings.LastIndex(text[:start], "\n")+1:start]) + 1
	return Claim{
		ID: doc + "@" + strconv.Itoa(start), Doc: doc, Kind: kind, Attribute: attr, Text: words,
		Start: start, End: start + len(words), Line: line, Col: col, Sentence: 1, Value: value,
		Rule: "en/" + kind + "/test",
	}
}

// fixtureReport builds the test report by hand: 3 documents, 7 claims,
// 2 discrepancies (one confirmed, one dismissed), 1 agreement and a stale
// review decision.
func fixtureReport(t testing.TB) *Report {
	t.Helper()
	aDate := claimAt(t, "alpha", alphaText, "on 8 March 2025", "date", "bridge.opened", "2025-03-08")
	aDate.Written = []string{"year", "month", "day"}
	aCount := claimAt(t, "alpha", alphaText, "More than 5,000", "count", "ceremony.attendees", "5000")
	aCount.NumberFields = &NumberFields{Low: f64(5000), LowExclusive: true, Counted: "attendees", Qualifier: "more than"}
	aCost := claimAt(t, "alpha", alphaText, "42 million euros", "money", "bridge.cost", "42000000")
	aCost.NumberFields = &NumberFields{Low: f64(42e6), High: f64(42e6), Unit: "EUR"}
	bDate := claimAt(t, "bravo", bravoText, "on 9 March", "date", "bridge.opened", "2025-03-09")
	bDate.Written = []string{"month", "day"}
	bDate.Inferred = []string{"year"}
	bDate.Note = "year inferred from the publication date 2025-03-11"
	bCount := claimAt(t, "bravo", bravoText, "About 4,000", "count", "ceremony.attendees", "4000")
	bCount.NumberFields = &NumberFields{Low: f64(3500), High: f64(4500), Approx: true, Counted: "attendees", Qualifier: "about"}
	cDate := claimAt(t, "charlie", charlieText, "8 Maret 2025", "date", "bridge.opened", "2025-03-08")
	cCount := claimAt(t, "charlie", charlieText, "Lebih dari 5.100", "count", "ceremony.attendees", "5100")
	cCount.NumberFields = &NumberFields{Low: f64(5100), LowExclusive: true, Counted: "attendees", Qualifier: "lebih dari"}

	return &Report{
		Version: Version,
		Documents: []Document{
			{ID: "alpha", Path: "story/alpha.txt", Title: "Velmora bridge opens", Published: strp("2025-03-10"),
				PublishedSource: "dateline", PublishedText: "10 March 2025", Language: "en", LanguageSource: "detected",
				URL: "https://news.example/velmora-bridge", Status: "read", Story: 1},
			{ID: "bravo", Path: "story/bravo.txt", Title: `Bridge opens <em>early</em> & "loud"`, Published: strp("2025-03-11"),
				PublishedSource: "metadata", Language: "en", LanguageSource: "detected", Status: "read", Story: 1},
			{ID: "charlie", Path: "story/charlie.txt", Title: "Jembatan Velmora dibuka", Published: strp("2025-03-12"),
				PublishedSource: "metadata", Language: "id", LanguageSource: "detected", URL: "javascript:alert(3)", Status: "read", Story: 1},
		},
		Claims: []Claim{aDate, aCount, aCost, bDate, bCount, cDate, cCount},
		Discrepancies: []Discrepancy{
			{
				ID: "CC-1a2b3c4d5e", Kind: "date", Severity: "high", Attribute: "bridge.opened", Category: "conflict",
				Summary:     "bravo dates the opening to 9 March 2025 (year inferred from the publication date); alpha and charlie to 8 March 2025: the two cannot both hold",
				Explanation: "all three speak of the opening of the Velmora harbour bridge",
				Claims:      []string{bDate.ID, aDate.ID, cDate.ID},
				Sides: []Side{
					{Value: "2025-03-09", Description: "9 March 2025 (year inferred from the publication date)", Claims: []string{bDate.ID}, Sources: []string{"bravo"}},
					{Value: "2025-03-08", Description: "8 March 2025", Claims: []string{aDate.ID, cDate.ID}, Sources: []string{"alpha", "charlie"}},
				},
				Review: &Decision{ID: "CC-1a2b3c4d5e", Status: "confirmed", Reason: "city hall confirms 8 March", By: "ana", At: "2025-03-13"},
			},
			{
				ID: "CC-9f8e7d6c5b", Kind: "count", Severity: "medium", Attribute: "ceremony.attendees", Category: "conflict",
				Summary:     "bravo counts about 4,000 attendees; alpha more than 5,000 and charlie more than 5,100",
				Explanation: "same ceremony, same counted thing (attendees)",
				Claims:      []string{bCount.ID, aCount.ID, cCount.ID},
				Sides: []Side{
					{Value: "4000", Description: "about 4,000", Claims: []string{bCount.ID}, Sources: []string{"bravo"}},
					{Value: "5000", Description: "more than 5,000", Claims: []string{aCount.ID, cCount.ID}, Sources: []string{"alpha", "charlie"}, Newest: true},
				},
				Review: &Decision{ID: "CC-9f8e7d6c5b", Status: "dismissed", Reason: "crowd estimates vary", By: "ben", At: "2025-03-13"},
			},
		},
		Agreements: []Agreement{
			{Attribute: "bridge.opened", Value: "2025-03-08", Claims: []string{aDate.ID, cDate.ID}, Sources: []string{"alpha", "charlie"}},
		},
		Stale: []Decision{{ID: "CC-00deadbeef", Status: "dismissed", Reason: "old wording", By: "ben", At: "2025-03-01"}},
	}
}

// fixtureOptions are the options the goldens are rendered with.
func fixtureOptions(r *Report) RenderOptions {
	return RenderOptions{
		Width:    100,
		Author:   "Velmora Fact Desk",
		Now:      fixtureNow,
		Snippets: SnippetsFor(fixtureTexts(), r, 0),
	}
}
