package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// ANSI styles. Colour only marks what a reader triages by (severity and
// review state); the words themselves stay plain so they can be copied.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
	ansiBold   = "\x1b[1m"
)

var severityColor = map[string]string{"high": ansiRed, "medium": ansiYellow, "low": ansiCyan, "info": ansiDim}

var markColor = map[string]string{"[confirmed]": ansiGreen, "[dismissed]": ansiDim}

// cell is one table cell: paragraphs of plain text, each with an optional
// ANSI style applied line by line after wrapping so that escapes never count
// toward widths.
type cell []para

type para struct {
	text  string
	style string
}

// plainCell is a cell of unstyled text.
func plainCell(text string) cell { return cell{{text: text}} }

// renderTable writes the terminal view: documents, then one row per finding,
// then the tally and any stale-review warning.
func renderTable(w io.Writer, r *Report, opt RenderOptions) error {
	if err := writeDocTable(w, r, opt); err != nil {
		return err
	}
	shown, hidden := visible(r, opt)
	if len(shown) > 0 {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
		if err := writeFindingTable(w, r, shown, opt); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprintln(w); err != nil {
		return err
	}
	line := countLine(r, shown, hidden)
	if opt.Color {
		line = ansiBold + line + ansiReset
	}
	if _, err := fmt.Fprintln(w, line); err != nil {
		return err
	}
	if s := staleWarning(r); s != "" {
		if opt.Color {
			s = ansiYellow + s + ansiReset
		}
		if _, err := fmt.Fprintln(w, s); err != nil {
			return err
		}
	}
	return nil
}

func writeDocTable(w io.Writer, r *Report, opt RenderOptions) error {
	grid := make([][]cell, 0, len(r.Documents))
	for i := range r.Documents {
		d := &r.Documents[i]
		st := plainCell(docStatus(d))
		if d.Status == "skipped" {
			st[0].style = ansiYellow
		}
		grid = append(grid, []cell{plainCell(d.ID), plainCell(published(d)), plainCell(orDash(d.Language)), st, plainCell(printable(d.Title))})
	}
	return writeGrid(w, []string{"DOCUMENT", "PUBLISHED", "LANGUAGE", "STATUS", "TITLE"}, grid, opt, false, false)
}

// writeFindingTable writes one row per finding. The id, severity, category,
// attribute and review mark share the first column, so that at 80 to 100
// columns the sides and the summary keep room to be read.
func writeFindingTable(w io.Writer, r *Report, shown []shownFinding, opt RenderOptions) error {
	byID := r.ClaimByID()
	rows := make([][]cell, 0, len(shown))
	for _, d := range shown {
		sev := d.Severity
		if d.Category != "" {
			sev += " " + d.Category
		}
		finding := cell{{text: d.ID}, {text: sev, style: severityColor[d.Severity]}, {text: d.Attribute}}
		if d.Mark != "" {
			finding = append(finding, para{text: d.Mark, style: markColor[d.Mark]})
		}
		var a, b string
		for i, s := range d.Sides {
			txt := sideText(s, sideClaims(s, byID))
			switch {
			case i == 0:
				a = txt
			case i == 1:
				b = txt
			default:
				b += fmt.Sprintf("\n\n+ side %c:\n%s", 'A'+rune(i), txt)
			}
		}
		rows = append(rows, []cell{finding, plainCell(a), plainCell(b), plainCell(printable(d.Summary))})
	}
	return writeGrid(w, []string{"FINDING", "SIDE A", "SIDE B", "SUMMARY"}, rows, opt, true, true)
}

// sideText is one side of a finding in a cell: its sources, each claim's
// words with where they are, and the normalized value.
func sideText(s Side, cs []*Claim) string {
	var b strings.Builder
	b.WriteString(strings.Join(sideSources(s, cs), ", "))
	if s.Newest {
		b.WriteString(" (newest)")
	}
	for _, c := range cs {
		b.WriteString("\n" + quote(c.Text) + " " + location(c))
	}
	// A no-break space keeps "=" with the value when the cell wraps.
	b.WriteString("\n=\u00a0" + printable(s.Value))
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeGrid lays out a table no wider than the terminal. tablewriter's own
// MaxWidth lets unbreakable words (URLs, long ids) push a table past it, so
// column widths are chosen here and cells are wrapped before tablewriter
// draws them with wrapping off.
func writeGrid(w io.Writer, headers []string, rows [][]cell, opt RenderOptions, betweenRows, keepFirst bool) error {
	n := len(headers)
	natural := make([]int, n)
	for i, h := range headers {
		natural[i] = twwidth.Width(h)
	}
	for _, row := range rows {
		for i, c := range row {
			for _, p := range c {
				for _, line := range strings.Split(p.text, "\n") {
					natural[i] = max(natural[i], twwidth.Width(line))
				}
			}
		}
	}
	// Each column costs its content plus one space either side and one rule.
	avail := opt.width() - (3*n + 1)
	var widths []int
	if keepFirst {
		// The first column holds what a reader scans by (the finding's id
		// and attribute): keep it whole unless it would take over a third.
		first := min(natural[0], max(avail/3, 6))
		widths = append([]int{first}, allocate(natural[1:], avail-first)...)
	} else {
		widths = allocate(natural, avail)
	}

	sep := tw.Off
	if betweenRows {
		sep = tw.On
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Symbols:  tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{Separators: tw.Separators{BetweenRows: sep}},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	hdr := make([]any, n)
	for i, h := range headers {
		hdr[i] = strings.Join(wrap(h, widths[i]), "\n")
	}
	t.Header(hdr...)
	for _, row := range rows {
		out := make([]string, n)
		for i, c := range row {
			var lines []string
			for _, p := range c {
				pl := wrap(p.text, widths[i])
				if opt.Color && p.style != "" {
					for j, l := range pl {
						if l != "" {
							pl[j] = p.style + l + ansiReset
						}
					}
				}
				lines = append(lines, pl...)
			}
			out[i] = strings.Join(lines, "\n")
		}
		if err := t.Append(out); err != nil {
			return err
		}
	}
	return t.Render()
}

// allocate shares avail display columns among columns that would like
// natural widths: columns narrower than an equal share get what they need,
// and the rest split what is left (water-filling). No column gets less than
// minCol, so a very narrow terminal (under about 55 columns for the
// findings table) overflows rather than wrapping every word.
func allocate(natural []int, avail int) []int {
	const minCol = 6
	widths := make([]int, len(natural))
	done := make([]bool, len(natural))
	left, open := avail, len(natural)
	for open > 0 {
		share := left / open
		changed := false
		for i, nw := range natural {
			if !done[i] && nw <= share {
				widths[i], done[i] = nw, true
				left -= nw
				open--
				changed = true
			}
		}
		if !changed {
			// Every remaining column wants more than its share: split evenly,
			// giving the remainder to the leftmost ones.
			extra := left - share*open
			for i := range natural {
				if !done[i] {
					widths[i] = share
					if extra > 0 {
						widths[i]++
						extra--
					}
					done[i] = true
				}
			}
			open = 0
		}
	}
	for i := range widths {
		widths[i] = max(widths[i], min(minCol, natural[i]), 1)
	}
	return widths
}

// wrap breaks text into lines no wider than width display columns: at
// spaces where possible, inside a word only when the word alone is too wide.
// Explicit line breaks are kept. Only ASCII spaces break lines, so a
// no-break space holds its neighbours together.
func wrap(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		words := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' })
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line, lw := "", 0
		for _, word := range words {
			ww := twwidth.Width(word)
			if line != "" && lw+1+ww <= width {
				line += " " + word
				lw += 1 + ww
				continue
			}
			if line != "" {
				out = append(out, line)
				line, lw = "", 0
			}
			for ww > width {
				head, rest := splitWidth(word, width)
				out = append(out, head)
				word, ww = rest, twwidth.Width(rest)
			}
			line, lw = word, ww
		}
		out = append(out, line)
	}
	return out
}

// splitWidth cuts s after as many whole runes as fit in width columns (at
// least one rune, so wrapping always makes progress).
func splitWidth(s string, width int) (head, rest string) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// renderClaimsTable writes every claim, one row each, for the claims command.
func renderClaimsTable(w io.Writer, r *Report, opt RenderOptions) error {
	if err := writeDocTable(w, r, opt); err != nil {
		return err
	}
	if len(r.Claims) > 0 {
		rows := make([][]cell, 0, len(r.Claims))
		for i := range r.Claims {
			c := &r.Claims[i]
			rows = append(rows, []cell{
				plainCell(location(c)), plainCell(c.Kind), plainCell(orDash(c.Attribute)),
				plainCell(quote(c.Text)), plainCell(printable(c.Value)), plainCell(printable(claimDetail(c))),
			})
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
		if err := writeGrid(w, []string{"WHERE", "KIND", "ATTRIBUTE", "TEXT", "VALUE", "DETAILS"}, rows, opt, false, false); err != nil {
			return err
		}
	}
	read, _ := readDocuments(r)
	_, err := fmt.Fprintf(w, "\n%s in %s\n", plural(len(r.Claims), "claim", "claims"), plural(read, "document", "documents"))
	return err
}

// claimDetail says what a rule author needs beside the value: for dates,
// which parts were written and which inferred; for numbers, the bounds the
// words give, the unit and what is counted; then the resolution note.
func claimDetail(c *Claim) string {
	var parts []string
	if len(c.Written) > 0 {
		parts = append(parts, "written: "+strings.Join(c.Written, ", "))
	}
	if len(c.Inferred) > 0 {
		parts = append(parts, "inferred: "+strings.Join(c.Inferred, ", "))
	}
	if n := c.NumberFields; n != nil {
		lo, hi := "-inf", "+inf"
		if n.Low != nil {
			lo = strconv.FormatFloat(*n.Low, 'f', -1, 64)
		}
		if n.High != nil {
			hi = strconv.FormatFloat(*n.High, 'f', -1, 64)
		}
		lb, rb := "[", "]"
		if n.LowExclusive || n.Low == nil {
			lb = "("
		}
		if n.HighExclusive || n.High == nil {
			rb = ")"
		}
		parts = append(parts, "bounds "+lb+lo+", "+hi+rb)
		if n.Unit != "" {
			parts = append(parts, "unit "+n.Unit)
		}
		if n.Counted != "" {
			parts = append(parts, "counts "+n.Counted)
		}
	}
	if c.Subject != "" {
		parts = append(parts, "subject "+c.Subject)
	}
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	return strings.Join(parts, "; ")
}
