package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// Review statuses a Decision can carry.
const (
	StatusConfirmed = "confirmed"
	StatusDismissed = "dismissed"
)

// RenderOptions tune the formats for people. None of them changes which facts
// a report holds; they only decide how (and whether, for dismissed findings)
// they are shown.
type RenderOptions struct {
	Color   bool   // ANSI colour (the CLI sets it only on a terminal and never with NO_COLOR)
	Width   int    // terminal width for table wrapping (0 = 100)
	ShowAll bool   // show dismissed findings (marked) instead of hiding them
	Author  string // ClaimReview author (from configuration); may be empty
	// Now gives the time printed in generated output (HTML footer,
	// ClaimReview datePublished); tests fix it so that goldens are stable.
	// Nil means time.Now.
	Now func() time.Time
	// Snippets holds the context around each claim, keyed by claim id, as cut
	// by SnippetsFor. The report itself carries no document text, so without
	// them the HTML and Markdown evidence shows only the claim's own words.
	Snippets map[string]Snippet
	// Sentences holds the sentence each claim was read from, keyed by
	// claim id, as cut by SentencesFor: the ClaimReview draft reviews the
	// sentence that makes the claim, not the bare span ("on 9 March").
	Sentences map[string]string
}

// DefaultWidth is the table width used when RenderOptions.Width is 0.
const DefaultWidth = 100

func (o RenderOptions) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o RenderOptions) width() int {
	if o.Width <= 0 {
		return DefaultWidth
	}
	return o.Width
}

// renderFunc writes one report format.
type renderFunc func(w io.Writer, r *Report, opt RenderOptions) error

// formats lists the report formats in the order Formats returns them.
var formats = []struct {
	name   string
	report renderFunc // for Render
	claims renderFunc // for RenderClaims; nil when the format has no claims view
	// streams: the format writes claims one at a time and needs no
	// Report.Claims (see Input.LazyClaims).
	streams bool
}{
	{"table", renderTable, renderClaimsTable, false},
	{"markdown", renderMarkdown, renderClaimsMarkdown, false},
	{"csv", renderCSV, renderClaimsCSV, false},
	{"json", renderJSON, renderClaimsJSON, true},
	{"jsonl", renderJSONL, renderClaimsJSONL, true},
	{"html", renderHTML, nil, false},
	{"claimreview", renderClaimReview, nil, false},
}

// Formats returns the names Render accepts, for flag help and validation.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// ClaimFormats returns the names RenderClaims accepts.
func ClaimFormats() []string {
	var out []string
	for _, f := range formats {
		if f.claims != nil {
			out = append(out, f.name)
		}
	}
	return out
}

// Render writes the report r in format (one of Formats) to w. It is what the
// report command prints.
func Render(w io.Writer, r *Report, format string, opt RenderOptions) error {
	for _, f := range formats {
		if f.name == format {
			if !f.streams {
				if err := r.Materialize(); err != nil {
					return err
				}
			}
			return f.report(w, r, opt)
		}
	}
	return fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// RenderClaims writes every claim of r — not the findings — in format (one of
// ClaimFormats) to w. It is what the claims command prints; its JSON is
// {"version", "documents", "claims"}, the same objects as in the full report.
func RenderClaims(w io.Writer, r *Report, format string, opt RenderOptions) error {
	for _, f := range formats {
		if f.name == format && f.claims != nil {
			if !f.streams {
				if err := r.Materialize(); err != nil {
					return err
				}
			}
			return f.claims(w, r, opt)
		}
	}
	return fmt.Errorf("unknown claims format %q (want one of %s)", format, strings.Join(ClaimFormats(), ", "))
}

// shownFinding is a discrepancy as the people-facing formats show it.
type shownFinding struct {
	*Discrepancy
	Mark string // "[confirmed]", "[dismissed]" or ""
}

// visible returns the discrepancies to show, in report order, and how many
// dismissed ones were hidden. Every format shares it so that they all agree
// on what a reviewer has already dealt with.
func visible(r *Report, opt RenderOptions) (out []shownFinding, hidden int) {
	for i := range r.Discrepancies {
		d := &r.Discrepancies[i]
		mark := ""
		if d.Review != nil {
			switch d.Review.Status {
			case StatusDismissed:
				if !opt.ShowAll {
					hidden++
					continue
				}
				mark = "[dismissed]"
			case StatusConfirmed:
				mark = "[confirmed]"
			}
		}
		out = append(out, shownFinding{Discrepancy: d, Mark: mark})
	}
	return out, hidden
}

// severityOrder lists severity names from most to least serious.
var severityOrder = []string{
	compare.SevHigh.String(), compare.SevMedium.String(), compare.SevLow.String(), compare.SevInfo.String(),
}

// readDocuments counts the documents that were read (not skipped).
func readDocuments(r *Report) (read, skipped int) {
	for _, d := range r.Documents {
		if d.Status == "skipped" {
			skipped++
		} else {
			read++
		}
	}
	return read, skipped
}

// countLine is the one-line tally printed after the findings:
// "2 discrepancies (1 high, 1 medium) across 3 documents", or a clear
// statement that there are none.
func countLine(r *Report, shown []shownFinding, hidden int) string {
	read, skipped := readDocuments(r)
	docs := plural(read, "document", "documents")
	if skipped > 0 {
		docs += fmt.Sprintf(" (%d skipped)", skipped)
	}
	var b strings.Builder
	if len(shown) == 0 {
		b.WriteString("No discrepancies found across " + docs)
	} else {
		bySev := map[string]int{}
		for _, d := range shown {
			bySev[d.Severity]++
		}
		var parts []string
		for _, s := range severityOrder {
			if n := bySev[s]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, s))
				delete(bySev, s)
			}
		}
		// Severities the renderer does not know still add up.
		rest := make([]string, 0, len(bySev))
		for s := range bySev {
			rest = append(rest, s)
		}
		sort.Strings(rest)
		for _, s := range rest {
			parts = append(parts, fmt.Sprintf("%d %s", bySev[s], s))
		}
		fmt.Fprintf(&b, "%s (%s) across %s", plural(len(shown), "discrepancy", "discrepancies"), strings.Join(parts, ", "), docs)
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "; %s hidden", plural(hidden, "dismissed finding", "dismissed findings"))
	}
	return b.String()
}

// staleWarning is the warning about review decisions whose finding no longer
// appears, or "" when there are none. A stale decision usually means the
// articles changed; the reviewer should look again rather than trust it.
func staleWarning(r *Report) string {
	if len(r.Stale) == 0 {
		return ""
	}
	ids := make([]string, len(r.Stale))
	for i, d := range r.Stale {
		ids[i] = d.ID + " (" + d.Status + ")"
	}
	return fmt.Sprintf("warning: %s no longer %s a finding: %s",
		plural(len(r.Stale), "review decision", "review decisions"),
		map[bool]string{true: "matches", false: "match"}[len(r.Stale) == 1],
		strings.Join(ids, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// location is "doc:line:col", the way editors and compilers point at text.
func location(c *Claim) string {
	return fmt.Sprintf("%s:%d:%d", c.Doc, c.Line, c.Col)
}

// sideClaims resolves a side's claim ids; unknown ids (a report assembled
// by hand) become placeholder claims so nothing is silently dropped.
func sideClaims(s Side, byID map[string]*Claim) []*Claim {
	out := make([]*Claim, 0, len(s.Claims))
	for _, id := range s.Claims {
		if c, ok := byID[id]; ok {
			out = append(out, c)
		} else {
			out = append(out, &Claim{ID: id, Doc: "?", Text: id})
		}
	}
	return out
}

// sideSources returns the side's sources, or the documents of its claims
// when Sources is empty.
func sideSources(s Side, cs []*Claim) []string {
	if len(s.Sources) > 0 {
		return s.Sources
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if !seen[c.Doc] {
			seen[c.Doc] = true
			out = append(out, c.Doc)
		}
	}
	return out
}

// printable replaces control characters (including ESC, so article text
// cannot drive the terminal) and bidirectional overrides with their escaped
// form, and folds line breaks and tabs into spaces.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i])
			} else {
				b.WriteRune(r)
			}
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// quote renders a claim's exact words in double quotes; quotes inside are
// escaped with a backslash so the boundary stays unambiguous.
func quote(s string) string {
	return `"` + strings.ReplaceAll(printable(s), `"`, `\"`) + `"`
}

// collapseSpace folds each run of white space (line breaks included) into
// one space, for context shown on one line. Leading and trailing space is
// kept, as one space, because it separates the context from the claim.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// published returns a document's date or "unknown".
func published(d *Document) string {
	if d == nil || d.Published == nil || *d.Published == "" {
		return "unknown"
	}
	return *d.Published
}

// docStatus is a document's status with the skip reason, if any.
func docStatus(d *Document) string {
	s := d.Status
	if s == "" {
		s = "read"
	}
	if d.SkipReason != "" {
		s += ": " + d.SkipReason
	}
	return s
}
