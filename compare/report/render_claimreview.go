package report

import (
	"encoding/json"
	"io"
	"sort"
	"strings"
)

// ClaimReview JSON-LD types: a draft for fact-checkers to complete and
// publish (https://schema.org/ClaimReview). Only the fields crosscheck can
// fill from the report are set; Author.Name is "" when configuration gives
// no author, for the editor to fill in.
type (
	claimReview struct {
		Context       string       `json:"@context"`
		Type          string       `json:"@type"`
		ClaimReviewed string       `json:"claimReviewed"`
		ReviewBody    string       `json:"reviewBody,omitempty"`
		ItemReviewed  itemReviewed `json:"itemReviewed"`
		ReviewRating  reviewRating `json:"reviewRating"`
		Author        organization `json:"author"`
		DatePublished string       `json:"datePublished"`
		Identifier    string       `json:"identifier"`
	}
	itemReviewed struct {
		Type          string         `json:"@type"`
		Appearance    []creativeWork `json:"appearance"`
		DatePublished string         `json:"datePublished,omitempty"`
	}
	creativeWork struct {
		Type          string `json:"@type"`
		URL           string `json:"url,omitempty"`
		Identifier    string `json:"identifier,omitempty"` // the file path when there is no URL
		Headline      string `json:"headline,omitempty"`
		DatePublished string `json:"datePublished,omitempty"`
	}
	reviewRating struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
	}
	organization struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
)

// ratingFor names the verdict by category: an outlier among independent
// sources is contradicted, a superseded figure is outdated, an article at
// odds with itself is inconsistent.
func ratingFor(category string) string {
	switch category {
	case "update":
		return "Outdated: later reports give a different figure"
	case "internal":
		return "Inconsistent within the article"
	default:
		return "Contradicted by other sources"
	}
}

// renderClaimReview writes draft ClaimReview objects for the findings a
// reviewer confirmed — never for unreviewed ones, since publishing a fact
// check is an editorial act. The claim reviewed is the outlier side (the
// first side): the sentences that make it (RenderOptions.Sentences), or
// its bare words when those are not given; the articles that carry it are
// its appearances.
func renderClaimReview(w io.Writer, r *Report, opt RenderOptions) error {
	byID := r.ClaimByID()
	docs := r.DocumentByID()
	today := opt.now().Format("2006-01-02")
	out := []claimReview{}
	for i := range r.Discrepancies {
		d := &r.Discrepancies[i]
		if d.Review == nil || d.Review.Status != StatusConfirmed || len(d.Sides) == 0 {
			continue
		}
		outlier := d.Sides[0]
		cs := sideClaims(outlier, byID)
		var words []string
		seenWords := map[string]bool{}
		for _, c := range cs {
			said := c.Text
			if sent, ok := opt.Sentences[c.ID]; ok && sent != "" {
				said = sent
			}
			if !seenWords[said] {
				seenWords[said] = true
				words = append(words, said)
			}
		}
		item := itemReviewed{Type: "Claim", Appearance: []creativeWork{}}
		var dates []string
		for _, id := range claimDocs(outlier.Claims, byID) {
			doc, ok := docs[id]
			if !ok {
				continue
			}
			cw := creativeWork{Type: "CreativeWork", URL: doc.URL, Headline: doc.Title}
			if doc.URL == "" {
				cw.Identifier = doc.Path
			}
			if doc.Published != nil {
				cw.DatePublished = *doc.Published
				dates = append(dates, *doc.Published)
			}
			item.Appearance = append(item.Appearance, cw)
		}
		if len(dates) > 0 {
			sort.Strings(dates)
			item.DatePublished = dates[0] // first appearance
		}
		body := d.Summary
		if d.Review.Reason != "" {
			body += " Reviewer: " + d.Review.Reason
		}
		out = append(out, claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			ClaimReviewed: strings.Join(words, " / "),
			ReviewBody:    body,
			ItemReviewed:  item,
			ReviewRating:  reviewRating{Type: "Rating", AlternateName: ratingFor(d.Category)},
			Author:        organization{Type: "Organization", Name: opt.Author},
			DatePublished: today,
			Identifier:    d.ID,
		})
	}
	return writeJSON(w, out)
}

// writeJSON writes v indented, with a final newline (the drafts are small:
// one object per confirmed finding).
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
