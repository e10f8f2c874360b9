package extract

import "testing"

// TestAccountingYear: "the year ended Aug. 31" in a results report is an
// accounting year, named by its length (TimeML's P1Y); the date after it
// is its last day. The cue word stays out of the claim.
func TestAccountingYear(t *testing.T) {
	runTimexCases(t, []timexCase{
		{"en", "2024-11-05", "The brewer earned $12 million in the year ended Sept. 30.", []timexWant{
			{DU, "the year", "P1Y", "", ""},
			{D, "Sept. 30", "2024-09-30", "", ""}}},
		{"en", "2024-11-05", "Sales for the fiscal year ending June 30, 2025, should rise.", []timexWant{
			{DU, "the fiscal year", "P1Y", "", ""},
			{D, "June 30, 2025", "2025-06-30", "", ""}}},
		{"id", "2024-11-05", "Laba emiten itu pada tahun buku yang berakhir 30 Juni 2024 naik 8 persen.", []timexWant{
			{DU, "tahun buku", "P1Y", "", ""},
			{D, "30 Juni 2024", "2024-06-30", "", ""}}},
	})
}
