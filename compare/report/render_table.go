package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// docTableMax is the most documents listed one per row; beyond it the
// table gives counts by language and status and lists the skipped files.
const docTableMax = 100

// maxSkippedListed bounds the skipped files named in the document summary.
const maxSkippedListed = 50

func writeDocTable(w io.Writer, r *Report, opt RenderOptions) error {
	if len(r.Documents) > docTableMax {
		return writeDocSummary(w, r)
	}
	grid := make([][]cell, 0, len(r.Documents))
	for i := range r.Documents {
		d := &r.Documents[i]
		st := plainCell(docStatus(d))
		if d.Status == "skipped" {
			st[0].style = ansiYellow
		}
		grid = append(grid, []cell{plainCell(d.ID), plainCell(published(d)), plainCell(orDash(d.Language)), st, plainCell(printable(d.Title))})
	}
	return writeGrid(w, []column{{name: "DOCUMENT"}, {name: "PUBLISHED", drop: 2}, {name: "LANGUAGE", drop: 3}, {name: "STATUS"}, {name: "TITLE", prose: true, drop: 1}}, grid, opt, false, false)
}

// writeDocSummary is the document table for a large corpus: one line of
// counts ("2000 documents: 1990 read (1200 en, 790 id), 10 skipped (6
// binary, 4 duplicate)") and the skipped files with their reasons.
func writeDocSummary(w io.Writer, r *Report) error {
	langs := map[string]int{}
	reasons := map[string]int{}
	var skipped []*Document
	read := 0
	for i := range r.Documents {
		d := &r.Documents[i]
		if d.Status == "skipped" {
			skipped = append(skipped, d)
			reasons[skipKind(d.SkipReason)]++
			continue
		}
		read++
		langs[orDash(d.Language)]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents: %d read", len(r.Documents), read)
	if len(langs) > 0 {
		fmt.Fprintf(&b, " (%s)", countsByFreq(langs))
	}
	if len(skipped) > 0 {
		fmt.Fprintf(&b, ", %d skipped (%s)", len(skipped), countsByFreq(reasons))
	}
	b.WriteString("\n")
	for i, d := range skipped {
		if i == maxSkippedListed {
			fmt.Fprintf(&b, "  ... and %d more skipped (--format json lists every document)\n", len(skipped)-i)
			break
		}
		fmt.Fprintf(&b, "  skipped %s: %s\n", printable(d.Path), printable(d.SkipReason))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// skipKind groups skip reasons: "duplicate of X" counts as "duplicate".
func skipKind(reason string) string {
	if strings.HasPrefix(reason, "duplicate of ") {
		return "duplicate"
	}
	if strings.HasPrefix(reason, "too large") {
		return "too large"
	}
	return reason
}

// countsByFreq is "1200 en, 790 id": most frequent first, then by name.
func countsByFreq(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return strings.Join(parts, ", ")
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
		rows = append(rows, []cell{finding, plainCell(a), plainCell(b), plainCell(printable(beyondSides(d.Summary)))})
	}
	cols := []column{{name: "FINDING"}, {name: "SIDE A"}, {name: "SIDE B"}, {name: "SUMMARY", prose: true, drop: 1}}
	if !planGrid(cols, rows, opt.width(), true).fits {
		// Too narrow for the sides side by side with whole positions:
		// stack them in one column rather than cut doc:line:col.
		for i, row := range rows {
			stacked := append(append(cell{}, row[1]...), para{text: "\nvs.\n"})
			rows[i] = []cell{row[0], append(stacked, row[2]...), row[3]}
		}
		cols = []column{{name: "FINDING"}, {name: "SIDES"}, {name: "SUMMARY", prose: true, drop: 1}}
	}
	return writeGrid(w, cols, rows, opt, true, true)
}

// beyondSides is what a finding's summary says beyond its sides, for the
// table, whose side columns already show who says what: the reason the
// values cannot both hold and any notes ("Policy year: A says 2024; B says
// 2025 — the two periods do not overlap..." gives "The two periods do not
// overlap..."). A summary of another shape is kept whole.
func beyondSides(summary string) string {
	if i := strings.Index(summary, " — "); i >= 0 {
		return capitalizeFirst(summary[i+len(" — "):])
	}
	if strings.HasPrefix(summary, "Update on ") {
		if i := strings.LastIndex(summary, "; "); i >= 0 {
			return capitalizeFirst(summary[i+2:])
		}
	}
	return summary
}

func capitalizeFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
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

// column describes one column of a grid.
type column struct {
	name string
	// prose columns (titles, summaries) may break a long word; in the
	// others every word is whole — an id, a file name, doc:line:col — so
	// the column is at least as wide as its longest word.
	prose bool
	// drop orders the columns left out when the terminal is too narrow
	// for every column's whole words: highest first; 0 is never dropped.
	drop int
}

// gridPlan is which columns a grid keeps at a width, with their natural
// and minimum widths.
type gridPlan struct {
	keep          []bool
	dropped       []string
	cols          []column // the kept ones
	natural, mins []int    // of the kept columns
	fits          bool     // the kept columns' whole words fit the width
}

// planGrid measures the columns and leaves out, highest drop first, those
// the width cannot hold with every non-prose word whole.
func planGrid(cols []column, rows [][]cell, width int, keepFirst bool) gridPlan {
	n := len(cols)
	natural := make([]int, n)
	longest := make([]int, n)
	for i, c := range cols {
		natural[i] = twwidth.Width(c.name)
		longest[i] = 1
	}
	for _, row := range rows {
		for i, c := range row {
			for _, p := range c {
				for _, line := range strings.Split(p.text, "\n") {
					natural[i] = max(natural[i], twwidth.Width(line))
					for _, word := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' }) {
						longest[i] = max(longest[i], twwidth.Width(word))
					}
				}
			}
		}
	}
	mins := make([]int, n)
	for i, c := range cols {
		if c.prose {
			// Prose may break a word, but ids named in it read better
			// whole: reserve up to a short id's width.
			mins[i] = min(longest[i], maxProseWord)
		} else {
			mins[i] = min(longest[i], maxWholeWord)
		}
	}
	if keepFirst {
		// The first column holds what a reader scans by (the finding's id
		// and attribute): keep it whole unless it would take over a third.
		mins[0] = max(mins[0], min(natural[0], max((width-(3*n+1))/3, 6)))
	}
	pl := gridPlan{keep: make([]bool, n)}
	for i := range pl.keep {
		pl.keep[i] = true
	}
	for {
		k, need := 0, 0
		for i := range cols {
			if pl.keep[i] {
				k++
				need += mins[i]
			}
		}
		if need+3*k+1 <= width {
			pl.fits = true
			break
		}
		worst := -1
		for i, c := range cols {
			if pl.keep[i] && c.drop > 0 && (worst < 0 || c.drop > cols[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			break // nothing more to leave out: the table overflows
		}
		pl.keep[worst] = false
		pl.dropped = append(pl.dropped, cols[worst].name)
	}
	for i := range cols {
		if pl.keep[i] {
			pl.cols = append(pl.cols, cols[i])
			pl.natural = append(pl.natural, natural[i])
			pl.mins = append(pl.mins, mins[i])
		}
	}
	return pl
}

// maxProseWord is the width a prose column reserves for its longest word.
const maxProseWord = 12

// maxWholeWord caps the width a non-prose column reserves for its longest
// word: a quoted URL of 200 characters still wraps.
const maxWholeWord = 40

// writeGrid lays out a table no wider than the terminal. tablewriter's own
// MaxWidth lets unbreakable words (URLs, long ids) push a table past it, so
// column widths are chosen here and cells are wrapped before tablewriter
// draws them with wrapping off. Ids, file names and positions are never
// cut: when the terminal cannot hold every column with its longest word,
// columns are left out (by their drop order, with a note under the table)
// rather than positions wrapped mid-word.
func writeGrid(w io.Writer, cols []column, rows [][]cell, opt RenderOptions, betweenRows, keepFirst bool) error {
	pl := planGrid(cols, rows, opt.width(), keepFirst)
	dropped := pl.dropped
	cols, natural, mins, n := pl.cols, pl.natural, pl.mins, len(pl.cols)
	if len(dropped) > 0 {
		kr := make([][]cell, len(rows))
		for j, row := range rows {
			for i, c := range row {
				if pl.keep[i] {
					kr[j] = append(kr[j], c)
				}
			}
		}
		rows = kr
	}
	// Each column costs its content plus one space either side and one rule.
	avail := opt.width() - (3*n + 1)
	widths := allocateMin(natural, mins, avail)
	headers := make([]string, n)
	for i, c := range cols {
		headers[i] = c.name
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
	if err := t.Render(); err != nil {
		return err
	}
	if len(dropped) > 0 {
		word := "column"
		if len(dropped) > 1 {
			word = "columns"
		}
		note := fmt.Sprintf("(%s %s left out: the terminal is %d columns wide; --format markdown or a wider terminal shows everything)",
			strings.Join(dropped, ", "), word, opt.width())
		_, err := fmt.Fprintln(w, strings.Join(wrap(note, opt.width()), "\n"))
		return err
	}
	return nil
}

// allocate shares avail display columns among columns that would like
// natural widths: columns narrower than an equal share get what they need,
// and the rest split what is left (water-filling). No column gets less than
// minCol, so a very narrow terminal (under about 55 columns for the
// findings table) overflows rather than wrapping every word.
func allocate(natural []int, avail int) []int {
	const minCol = 6
	mins := make([]int, len(natural))
	for i, nw := range natural {
		mins[i] = min(minCol, nw)
	}
	return allocateMin(natural, mins, avail)
}

// allocateMin is allocate with a minimum width per column: each column
// first gets its minimum, then what is left is shared by water-filling
// towards the natural widths. The result may exceed avail when the
// minimums do.
func allocateMin(natural, mins []int, avail int) []int {
	widths := waterFill(natural, avail)
	deficit := 0
	for i := range widths {
		m := max(mins[i], 1)
		if widths[i] < m {
			deficit += m - widths[i]
			widths[i] = m
		}
	}
	// Pay for the raised columns with columns above their minimum, the
	// widest first.
	for deficit > 0 {
		best := -1
		for i := range widths {
			if slack := widths[i] - max(mins[i], 1); slack > 0 && (best < 0 || slack > widths[best]-max(mins[best], 1)) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		widths[best]--
		deficit--
	}
	return widths
}

// waterFill shares avail among columns wanting natural more: those wanting
// less than an equal share get it, the rest split what is left evenly.
func waterFill(natural []int, avail int) []int {
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
	return widths
}

// wrap breaks text into lines no wider than width display columns: at
// spaces where possible, inside a word only when the word alone is too wide
// (after a hyphen when it has one).
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
				// A compound breaks after a hyphen ("001-annual-" /
				// "plenary"), as typesetters break it, rather than
				// anywhere.
				if i := strings.LastIndexByte(head, '-'); i > 0 && i < len(head)-1 {
					head, rest = word[:i+1], word[i+1:]
				}
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
		if err := writeGrid(w, []column{{name: "WHERE"}, {name: "KIND", drop: 2}, {name: "ATTRIBUTE"}, {name: "TEXT", prose: true}, {name: "VALUE"}, {name: "DETAILS", prose: true, drop: 1}}, rows, opt, false, false); err != nil {
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
