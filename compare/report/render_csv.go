package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the columns of the findings CSV: one row per (finding,
// claim), so a spreadsheet can filter by document or side. "review" is the
// reviewer's status, which matters when dismissed findings are shown.
var csvHeader = []string{"id", "severity", "category", "attribute", "side", "doc", "line", "col", "text", "value", "summary", "review"}

// csvCell neutralises a cell a spreadsheet would run as a formula (OWASP
// "CSV injection"): one that begins with =, +, -, @, tab or carriage
// return gets a leading apostrophe, which spreadsheets read as "text" and
// do not display. Article words, file names and JSON Lines ids all reach
// these cells, so none of them can be trusted to be inert.
func csvCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// writeRow writes one CSV record with every cell neutralised.
func writeRow(cw *csv.Writer, row []string) error {
	for i, c := range row {
		row[i] = csvCell(c)
	}
	return cw.Write(row)
}

// renderCSV writes the visible findings as RFC 4180 CSV. Cells hold the
// article's words unchanged except that a cell a spreadsheet would take
// for a formula starts with an apostrophe (see csvCell).
func renderCSV(w io.Writer, r *Report, opt RenderOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	byID := r.ClaimByID()
	shown, _ := visible(r, opt)
	for _, d := range shown {
		review := ""
		if d.Review != nil {
			review = d.Review.Status
		}
		for si, s := range d.Sides {
			for _, c := range sideClaims(s, byID) {
				value := c.Value
				if value == "" {
					value = s.Value
				}
				row := []string{
					d.ID, d.Severity, d.Category, d.Attribute, strconv.Itoa(si + 1),
					c.Doc, strconv.Itoa(c.Line), strconv.Itoa(c.Col), c.Text, value, d.Summary, review,
				}
				if err := writeRow(cw, row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// claimsCSVHeader names the columns of the claims CSV.
var claimsCSVHeader = []string{"id", "doc", "line", "col", "start", "end", "kind", "attribute", "text", "value", "note"}

func renderClaimsCSV(w io.Writer, r *Report, _ RenderOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(claimsCSVHeader); err != nil {
		return err
	}
	for _, c := range r.Claims {
		row := []string{
			c.ID, c.Doc, strconv.Itoa(c.Line), strconv.Itoa(c.Col), strconv.Itoa(c.Start), strconv.Itoa(c.End),
			c.Kind, c.Attribute, c.Text, c.Value, c.Note,
		}
		if err := writeRow(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
