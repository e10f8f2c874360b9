// Package report defines the JSON report — crosscheck's public contract —
// and builds it from documents, claims and findings. Renderers for people
// (table, Markdown, HTML, CSV, ClaimReview) all start from this model, so
// every format shows the same facts.
//
// Compatibility: fields are only ever added. Removing or changing the meaning
// of a field requires bumping Version.
package report

import (
	"sort"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare"
)

// Version is the schema version of Report.
const Version = 1

// Report is the whole result of a run.
type Report struct {
	Version       int           `json:"version"`
	Documents     []Document    `json:"documents"`
	Claims        []Claim       `json:"claims"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	Agreements    []Agreement   `json:"agreements"`
	// Stale lists review decisions whose finding no longer appears.
	Stale []Decision `json:"stale_reviews,omitempty"`

	// lazy yields the claims, sorted, of a report built with
	// Input.LazyClaims or Input.ClaimSource (lazy.Each set); Claims is then nil
	// until Materialize.
	lazy ClaimSource
	// lazyDocs yields the documents of a report built with
	// Input.DocumentSource (lazyDocs.Each set); Documents is then nil until
	// Materialize.
	lazyDocs DocumentSource
	// lazyAgreements yields the agreements of a report built with
	// Input.AgreementSource; Agreements is then nil until Materialize.
	lazyAgreements AgreementSource
}

// Source yields one of a report's lists in report order without holding
// it, as ClaimSource does for claims: an archive run reads its documents
// and agreements back from files as they are written. N is how many; Each
// calls f for each one and stops at f's first error; f must not keep the
// pointer. A source may be read more than once.
type Source[T any] struct {
	N    int
	Each func(f func(*T) error) error
}

// DocumentSource yields the documents, by id.
type DocumentSource = Source[Document]

// AgreementSource yields the agreements, by attribute, then first claim
// (AgreementLess).
type AgreementSource = Source[Agreement]

// held reports whether src stands for a list (its Each is set).
func (src Source[T]) held() bool { return src.Each != nil }

// count is how many a list has: src's, or held's when src is unset.
func count[T any](src Source[T], held []T) int {
	if src.held() {
		return src.N
	}
	return len(held)
}

// each calls f for each element of src, or of held when src is unset.
func each[T any](src Source[T], held []T, f func(*T) error) error {
	if src.held() {
		return src.Each(f)
	}
	for i := range held {
		if err := f(&held[i]); err != nil {
			return err
		}
	}
	return nil
}

// materialize reads src into *list and unsets it (a no-op when unset).
func materialize[T any](src *Source[T], list *[]T) error {
	if !src.held() {
		return nil
	}
	*list = make([]T, 0, src.N)
	err := src.Each(func(x *T) error {
		*list = append(*list, *x)
		return nil
	})
	*src = Source[T]{}
	return err
}

// ClaimSource yields a report's claims in report order (by document, then
// offset) without holding them: N is how many, Each calls f for each one
// and stops at f's first error. A source may be read more than once.
type ClaimSource struct {
	N    int
	Each func(f func(*claims.Claim) error) error
}

// sliceSource yields the claims of a sorted slice.
func sliceSource(cs []*claims.Claim) ClaimSource {
	return ClaimSource{N: len(cs), Each: func(f func(*claims.Claim) error) error {
		for _, c := range cs {
			if err := f(c); err != nil {
				return err
			}
		}
		return nil
	}}
}

// Document is one input, read or skipped.
type Document struct {
	ID              string  `json:"id"`
	Path            string  `json:"path"`
	Title           string  `json:"title"`
	Published       *string `json:"published"` // YYYY-MM-DD or null
	Language        string  `json:"language"`
	PublishedSource string  `json:"published_source,omitempty"`
	PublishedText   string  `json:"published_text,omitempty"`
	LanguageSource  string  `json:"language_source,omitempty"`
	URL             string  `json:"url,omitempty"`
	Status          string  `json:"status"`
	SkipReason      string  `json:"skip_reason,omitempty"`
	Extracted       string  `json:"extracted,omitempty"` // how text was obtained when not the raw file (offsets refer to it)
	// Byline and Site are an HTML page's author line and site name, as
	// Readability reads them; absent for other inputs (added in schema
	// version 1: fields are only ever added).
	Byline string `json:"byline,omitempty"`
	Site   string `json:"site,omitempty"`
	// Encoding is what the input was decoded from ("utf-8", "utf-16le",
	// "windows-1252", a declared HTML charset). Claim offsets are byte
	// offsets into the decoded UTF-8 text, so for any encoding but utf-8
	// they are not offsets into the file. Absent for skipped documents.
	Encoding string   `json:"encoding,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
	// Story groups documents that report the same story; SyndicatedWith
	// names near-duplicate copies counted as one source with this one.
	Story          int      `json:"story,omitempty"`
	SyndicatedWith []string `json:"syndicated_with,omitempty"`
}

// Claim is one extracted claim. Number fields appear only for numeric kinds.
type Claim struct {
	ID            string   `json:"id"`
	Doc           string   `json:"doc"`
	Kind          string   `json:"kind"`
	Attribute     string   `json:"attribute"`
	Text          string   `json:"text"`
	Start         int      `json:"start"`
	End           int      `json:"end"`
	Line          int      `json:"line"`
	Col           int      `json:"col"`
	Sentence      int      `json:"sentence"`
	Value         string   `json:"value"`
	*NumberFields          // nil for dates
	Also          []string `json:"also_attributes,omitempty"`
	Subject       string   `json:"subject,omitempty"`
	Scope         string   `json:"scope,omitempty"`
	Frame         string   `json:"frame,omitempty"`
	Participants  []string `json:"participants,omitempty"`
	Triggers      []string `json:"triggers,omitempty"`
	Written       []string `json:"written,omitempty"`  // date parts written
	Inferred      []string `json:"inferred,omitempty"` // date parts inferred from the publication date
	Tense         string   `json:"tense,omitempty"`
	Note          string   `json:"note,omitempty"`
	Rule          string   `json:"rule,omitempty"`
}

// NumberFields are the bounds of a numeric claim: low/high as the words give
// them, null when unbounded.
type NumberFields struct {
	Low           *float64 `json:"low"`
	High          *float64 `json:"high"`
	LowExclusive  bool     `json:"low_exclusive"`
	HighExclusive bool     `json:"high_exclusive"`
	Approx        bool     `json:"approx,omitempty"`
	Unit          string   `json:"unit"`
	Counted       string   `json:"counted,omitempty"`
	Qualifier     string   `json:"qualifier,omitempty"`
}

// Discrepancy is a finding.
type Discrepancy struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Severity    string    `json:"severity"`
	Attribute   string    `json:"attribute"`
	Summary     string    `json:"summary"`
	Claims      []string  `json:"claims"`
	Category    string    `json:"category"`
	Explanation string    `json:"explanation,omitempty"` // why the claims were paired
	Sides       []Side    `json:"sides"`
	Review      *Decision `json:"review,omitempty"`
}

// Side is one value of a discrepancy with the claims and sources stating it.
type Side struct {
	Value       string   `json:"value"`
	Description string   `json:"description"`
	Claims      []string `json:"claims"`
	Sources     []string `json:"sources"`
	Newest      bool     `json:"newest,omitempty"`
}

// Agreement is a set of compatible claims from independent sources.
type Agreement struct {
	Attribute string   `json:"attribute"`
	Value     string   `json:"value,omitempty"`
	Claims    []string `json:"claims"`
	Sources   []string `json:"sources,omitempty"`
}

// Decision is an editor's review of a finding.
type Decision struct {
	ID     string `json:"id"`
	Status string `json:"status"` // "confirmed" or "dismissed"
	Reason string `json:"reason,omitempty"`
	By     string `json:"by,omitempty"`
	At     string `json:"at,omitempty"`
}

// Input bundles what Build needs.
type Input struct {
	Documents  []*claims.Document
	Claims     []*claims.Claim
	Findings   []compare.Finding
	Agreements []compare.Agreement
	Stories    map[string]int      // document id -> story number (optional)
	Syndicated map[string][]string // document id -> copies merged with it (optional)
	// LazyClaims leaves Report.Claims nil: the JSON and JSON Lines
	// renderers convert each claim as they write it, so a large run holds
	// one copy of its claims instead of two. Materialize fills Claims for
	// code that reads them; Render and RenderClaims do so when their format
	// needs it.
	LazyClaims bool
	// ClaimSource, when set, stands for Claims (which is then ignored): the
	// claims are read from it as the report is written, in report order,
	// and never all held (an archive run reads them back from disk).
	ClaimSource *ClaimSource
	// DocumentSource, when set, stands for Documents (which is then
	// ignored), as ClaimSource stands for Claims.
	DocumentSource *DocumentSource
	// AgreementSource, when set, stands for Agreements (which is then
	// ignored), as ClaimSource stands for Claims.
	AgreementSource *AgreementSource
}

// Build assembles the report in a deterministic order: documents by id,
// claims by document and offset, findings by severity then id.
func Build(in Input) *Report {
	// Sized up front: a claim is a large value, and growing by doubling
	// copied the claims of a 10,000-article run about twice over.
	r := &Report{Version: Version, Discrepancies: make([]Discrepancy, 0, len(in.Findings)), Agreements: []Agreement{}}
	if in.DocumentSource != nil {
		r.lazyDocs = *in.DocumentSource
	} else {
		r.Documents = make([]Document, 0, len(in.Documents))
		docs := append([]*claims.Document(nil), in.Documents...)
		sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
		for _, d := range docs {
			r.Documents = append(r.Documents, FromDocument(d, in.Stories[d.ID], in.Syndicated[d.ID]))
		}
	}
	if in.ClaimSource != nil {
		r.lazy = *in.ClaimSource
	} else {
		cs := append([]*claims.Claim(nil), in.Claims...)
		SortClaims(cs)
		r.lazy = sliceSource(cs)
		if !in.LazyClaims {
			r.materializeClaims() // a slice's source cannot fail
		}
	}
	for _, f := range in.Findings {
		r.Discrepancies = append(r.Discrepancies, FromFinding(f))
	}
	sort.SliceStable(r.Discrepancies, func(i, j int) bool {
		a, b := r.Discrepancies[i], r.Discrepancies[j]
		if sa, sb := sevRank(a.Severity), sevRank(b.Severity); sa != sb {
			return sa > sb
		}
		if a.Attribute != b.Attribute {
			return a.Attribute < b.Attribute
		}
		return a.ID < b.ID
	})
	if in.AgreementSource != nil {
		r.Agreements, r.lazyAgreements = nil, *in.AgreementSource
		return r
	}
	for _, a := range in.Agreements {
		r.Agreements = append(r.Agreements, FromAgreement(a))
	}
	sort.SliceStable(r.Agreements, func(i, j int) bool { return AgreementLess(&r.Agreements[i], &r.Agreements[j]) })
	return r
}

// FromAgreement converts an agreement (its claims' ids sorted).
func FromAgreement(a compare.Agreement) Agreement {
	ag := Agreement{Attribute: a.Attribute, Value: a.Value, Sources: a.Sources}
	ag.Claims = append(ag.Claims, a.ClaimIDs()...)
	sort.Strings(ag.Claims)
	return ag
}

// AgreementLess is the report's order of agreements: by attribute, then
// first claim (Build sorts stably by it).
func AgreementLess(a, b *Agreement) bool {
	if a.Attribute != b.Attribute {
		return a.Attribute < b.Attribute
	}
	return a.Claims[0] < b.Claims[0]
}

func sevRank(s string) int {
	if v, ok := compare.ParseSeverity(s); ok {
		return int(v)
	}
	return 0
}

// SortClaims orders claims by document id, then start offset, keeping
// the order of equal ones. Claims usually come in that order already
// (pipeline.Extract sorts them): one pass that finds them so is a
// fraction of a stable sort's comparisons.
func SortClaims(cs []*claims.Claim) {
	if !claimsSorted(cs) {
		sort.SliceStable(cs, func(i, j int) bool { return claimLess(cs[i], cs[j]) })
	}
}

// claimLess is SortClaims' order. Claims of one document mostly share
// its id's bytes, which sameString finds equal without the call a string
// comparison makes.
func claimLess(a, b *claims.Claim) bool {
	if !sameString(a.Doc, b.Doc) && a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Start < b.Start
}

// claimsSorted is sort.SliceIsSorted in SortClaims' order, without a call
// through a closure per pair: neighbours of one document (most pairs)
// share their document id's bytes, which compare equal at once.
func claimsSorted(cs []*claims.Claim) bool {
	for i := 1; i < len(cs); i++ {
		if claimLess(cs[i], cs[i-1]) {
			return false
		}
	}
	return true
}

// FromDocument converts a document.
func FromDocument(d *claims.Document, story int, synd []string) Document {
	out := Document{
		ID: d.ID, Path: d.Path, Title: d.Title, Language: d.Language,
		PublishedSource: d.PublishedSource, PublishedText: d.PublishedText,
		LanguageSource: d.LanguageSource, URL: d.URL, Status: d.Status,
		SkipReason: d.SkipReason, Extracted: d.Extracted, Byline: d.Byline, Site: d.Site, Encoding: d.Encoding, Warnings: d.Warnings,
		Story: story, SyndicatedWith: synd,
	}
	if out.Status == "" {
		out.Status = claims.StatusRead
	}
	if d.HasDate() {
		s := d.PublishedString()
		out.Published = &s
	}
	return out
}

// FromClaim converts a claim.
func FromClaim(c *claims.Claim) Claim {
	var out Claim
	fromClaimInto(&out, new(NumberFields), c)
	return out
}

// fromClaimInto is FromClaim into out, with the number fields (when c has
// them) in nf: a renderer that writes each claim as it converts it passes
// the same two every time rather than allocating a NumberFields per
// numeric claim.
func fromClaimInto(out *Claim, nf *NumberFields, c *claims.Claim) {
	*out = Claim{
		ID: c.ID, Doc: c.Doc, Kind: string(c.Kind), Attribute: c.Attribute, Text: c.Text,
		Start: c.Start, End: c.End, Line: c.Line, Col: c.Col, Sentence: c.Sentence,
		Value: c.Value, Also: c.Also, Subject: c.Subject, Scope: c.Scope, Frame: c.Frame, Participants: c.Participants, Triggers: c.Triggers,
		Tense: string(c.Tense), Note: c.Note, Rule: c.Rule,
	}
	if c.Date != nil {
		out.Written = c.Date.Written
		out.Inferred = c.Date.Inferred
	}
	if n := c.Num; n != nil {
		*nf = NumberFields{
			Low: n.Low, High: n.High, LowExclusive: n.LowExclusive, HighExclusive: n.HighExclusive,
			Approx: n.Approx, Unit: n.Unit, Counted: n.Counted, Qualifier: n.Qualifier,
		}
		out.NumberFields = nf
	}
}

// FromFinding converts a finding.
func FromFinding(f compare.Finding) Discrepancy {
	d := Discrepancy{
		ID: f.ID, Kind: f.Kind, Severity: f.Severity.String(), Attribute: f.Attribute,
		Summary: f.Summary, Category: string(f.Category), Explanation: f.Why,
		Claims: f.ClaimIDs(),
	}
	for _, s := range f.Sides {
		side := Side{Value: s.Value, Description: s.Describe, Sources: s.Sources, Newest: s.Newest}
		side.Claims = append(side.Claims, s.ClaimIDs()...)
		d.Sides = append(d.Sides, side)
	}
	return d
}

// Materialize converts the claims of a report built with Input.LazyClaims
// or Input.ClaimSource into Claims, and the documents of one built with
// Input.DocumentSource into Documents (a no-op otherwise); the error is the
// source's.
func (r *Report) Materialize() error {
	if err := materialize(&r.lazyAgreements, &r.Agreements); err != nil {
		return err
	}
	if err := materialize(&r.lazyDocs, &r.Documents); err != nil {
		return err
	}
	return r.materializeClaims()
}

// materializeClaims is Materialize for the claims alone.
func (r *Report) materializeClaims() error {
	if !r.isLazyClaims() {
		return nil
	}
	r.Claims = make([]Claim, 0, r.lazy.N)
	err := r.lazy.Each(func(c *claims.Claim) error {
		r.Claims = append(r.Claims, FromClaim(c))
		return nil
	})
	r.lazy = ClaimSource{}
	return err
}

// isLazyClaims reports whether the claims are read from r.lazy as they are
// written (Claims is then nil).
func (r *Report) isLazyClaims() bool { return r.lazy.Each != nil }

// isLazyDocs reports whether the documents are read from r.lazyDocs as
// they are written (Documents is then nil).
func (r *Report) isLazyDocs() bool { return r.lazyDocs.held() }

// isLazyAgreements reports whether the agreements are read from
// r.lazyAgreements as they are written (Agreements is then nil).
func (r *Report) isLazyAgreements() bool { return r.lazyAgreements.held() }

// AgreementCount is the number of agreements, materialized or not.
func (r *Report) AgreementCount() int { return count(r.lazyAgreements, r.Agreements) }

// EachAgreement calls f for each agreement in report order, materialized
// or not, and stops at f's first error; f must not keep the pointer.
func (r *Report) EachAgreement(f func(*Agreement) error) error {
	return each(r.lazyAgreements, r.Agreements, f)
}

// DocumentCount is the number of documents, materialized or not.
func (r *Report) DocumentCount() int { return count(r.lazyDocs, r.Documents) }

// EachDocument calls f for each document in report order, materialized or
// not, and stops at f's first error; f must not keep the pointer.
func (r *Report) EachDocument(f func(*Document) error) error {
	return each(r.lazyDocs, r.Documents, f)
}

// ClaimCount is the number of claims, materialized or not.
func (r *Report) ClaimCount() int {
	if r.isLazyClaims() {
		return r.lazy.N
	}
	return len(r.Claims)
}

// ClaimByID indexes the report's claims.
func (r *Report) ClaimByID() map[string]*Claim {
	m := make(map[string]*Claim, len(r.Claims))
	for i := range r.Claims {
		m[r.Claims[i].ID] = &r.Claims[i]
	}
	return m
}

// DocumentByID indexes the report's documents.
func (r *Report) DocumentByID() map[string]*Document {
	m := make(map[string]*Document, len(r.Documents))
	for i := range r.Documents {
		m[r.Documents[i].ID] = &r.Documents[i]
	}
	return m
}
