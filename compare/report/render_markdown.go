package report

import (
	"fmt"
	"io"
	"strings"
)

// mdEscaper backslash-escapes the characters that would make article text
// turn into Markdown or HTML (emphasis, code, links, tables, raw tags,
// entities, GitHub mentions and issue links). '&' becomes an entity because a
// backslash does not stop entity decoding everywhere.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `#`, `\#`, `@`, `\@`, `&`, `&amp;`,
)

// md makes any text — article words, titles, summaries — literal Markdown on
// one line.
func md(s string) string { return mdEscaper.Replace(printable(s)) }

// mdCell is md for a table cell, where line breaks must be <br>.
func mdCell(lines ...string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, md(l))
	}
	return strings.Join(out, "<br>")
}

// renderMarkdown writes the report as GitHub-flavoured Markdown: a summary,
// the documents, the findings table, then one section per finding with its
// evidence, so the file reads well in a pull request or an issue.
func renderMarkdown(w io.Writer, r *Report, opt RenderOptions) error {
	var b strings.Builder
	shown, hidden := visible(r, opt)
	byID := r.ClaimByID()

	b.WriteString("# crosscheck report\n\n")
	b.WriteString(md(countLine(r, shown, hidden)) + "\n\n")
	writeMarkdownDocs(&b, r)

	if len(shown) > 0 {
		b.WriteString("## Discrepancies\n\n")
		b.WriteString("| ID | Severity | Attribute | Side A | Side B | Summary |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
		for _, d := range shown {
			id := md(d.ID)
			if d.Mark != "" {
				id += " " + md(d.Mark)
			}
			var sides [2][]string
			for i, s := range d.Sides {
				lines := mdSideLines(s, sideClaims(s, byID))
				if i == 0 {
					sides[0] = lines
				} else {
					if i > 1 {
						sides[1] = append(sides[1], "", fmt.Sprintf("+ side %c:", 'A'+rune(i)))
					}
					sides[1] = append(sides[1], lines...)
				}
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n",
				id, md(d.Severity), md(d.Attribute), mdCell(sides[0]...), mdCell(sides[1]...), mdCell(d.Summary))
		}
		b.WriteString("\n## Findings\n")
		for _, d := range shown {
			writeMarkdownFinding(&b, d, byID, opt)
		}
	}

	if len(r.Agreements) > 0 {
		b.WriteString("\n## Agreements\n\n")
		for _, a := range r.Agreements {
			src := a.Sources
			if len(src) == 0 {
				src = claimDocs(a.Claims, byID)
			}
			val := ""
			if a.Value != "" {
				val = " = " + md(a.Value)
			}
			fmt.Fprintf(&b, "- %s%s: %s (%s)\n", md(a.Attribute), val, md(plural(len(src), "source", "sources")), md(strings.Join(src, ", ")))
		}
	}

	if s := staleWarning(r); s != "" {
		b.WriteString("\n> **Warning:** " + md(strings.TrimPrefix(s, "warning: ")) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdSideLines is one side of a finding for a table cell.
func mdSideLines(s Side, cs []*Claim) []string {
	head := strings.Join(sideSources(s, cs), ", ")
	if s.Newest {
		head += " (newest)"
	}
	lines := []string{head}
	for _, c := range cs {
		lines = append(lines, quote(c.Text)+" ("+location(c)+")")
	}
	return append(lines, "= "+s.Value)
}

func writeMarkdownDocs(b *strings.Builder, r *Report) {
	if len(r.Documents) == 0 {
		return
	}
	b.WriteString("## Documents\n\n")
	b.WriteString("| Document | Published | Language | Status | Title |\n")
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for i := range r.Documents {
		d := &r.Documents[i]
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", md(d.ID), md(published(d)), md(orDash(d.Language)), mdCell(docStatus(d)), mdCell(d.Title))
	}
	b.WriteString("\n")
}

func writeMarkdownFinding(b *strings.Builder, d shownFinding, byID map[string]*Claim, opt RenderOptions) {
	fmt.Fprintf(b, "\n### %s · %s · %s", md(d.ID), md(d.Attribute), md(d.Severity))
	if d.Mark != "" {
		b.WriteString(" " + md(d.Mark))
	}
	b.WriteString("\n\n" + md(d.Summary) + "\n\n")
	fmt.Fprintf(b, "- Category: %s; kind: %s\n", md(d.Category), md(d.Kind))
	if d.Explanation != "" {
		fmt.Fprintf(b, "- Why these claims were compared: %s\n", md(d.Explanation))
	}
	if rv := d.Review; rv != nil {
		fmt.Fprintf(b, "- Review: %s\n", md(reviewLine(rv)))
	}
	for i, s := range d.Sides {
		cs := sideClaims(s, byID)
		src := sideSources(s, cs)
		fmt.Fprintf(b, "\n**Side %c** — %s", 'A'+rune(i), md(s.Value))
		if s.Description != "" && s.Description != s.Value {
			fmt.Fprintf(b, " — %s", md(s.Description))
		}
		fmt.Fprintf(b, " — %s: %s", md(plural(len(src), "source", "sources")), md(strings.Join(src, ", ")))
		if s.Newest {
			b.WriteString(" (newest)")
		}
		b.WriteString("\n\n")
		for _, c := range cs {
			fmt.Fprintf(b, "- `%s` %s\n", strings.ReplaceAll(location(c), "`", ""), md(quote(c.Text)))
			if sn, ok := opt.Snippets[c.ID]; ok {
				fmt.Fprintf(b, "  > %s**%s**%s\n", md(sn.Before), md(sn.Match), md(sn.After))
			}
		}
	}
}

// reviewLine is a decision in words: "confirmed by ana on 2025-01-02: reason".
func reviewLine(d *Decision) string {
	s := d.Status
	if d.By != "" {
		s += " by " + d.By
	}
	if d.At != "" {
		s += " on " + d.At
	}
	if d.Reason != "" {
		s += ": " + d.Reason
	}
	return s
}

// claimDocs lists the distinct documents of claim ids, in order.
func claimDocs(ids []string, byID map[string]*Claim) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		doc := "?"
		if c, ok := byID[id]; ok {
			doc = c.Doc
		}
		if !seen[doc] {
			seen[doc] = true
			out = append(out, doc)
		}
	}
	return out
}

// renderClaimsMarkdown writes every claim as a Markdown table.
func renderClaimsMarkdown(w io.Writer, r *Report, _ RenderOptions) error {
	var b strings.Builder
	read, _ := readDocuments(r)
	b.WriteString("# crosscheck claims\n\n")
	b.WriteString(md(plural(len(r.Claims), "claim", "claims")+" in "+plural(read, "document", "documents")) + "\n\n")
	writeMarkdownDocs(&b, r)
	if len(r.Claims) > 0 {
		b.WriteString("## Claims\n\n")
		b.WriteString("| Where | Kind | Attribute | Text | Value | Note |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
		for i := range r.Claims {
			c := &r.Claims[i]
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n",
				md(location(c)), md(c.Kind), md(orDash(c.Attribute)), mdCell(quote(c.Text)), md(c.Value), mdCell(c.Note))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
