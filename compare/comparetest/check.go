package comparetest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare/pipeline"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/rules"
)

// Error is a malformed case: a problem in the case file itself, not in what
// crosscheck reports on it. It names the case file and line so that an
// editor or a CI log can jump to it.
type Error struct {
	Path string
	Line int // 1-based; 0 when the problem is the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Option changes how cases are run.
type Option func(*settings)

type settings struct {
	pipeline pipeline.Options
}

// WithRules runs the cases with a rule set of the caller's own (for example
// rules.Load of a newsroom's rule directory) instead of the built-in rules:
// the point of a case library is often to pin down what custom rules do.
func WithRules(set *rules.Set) Option {
	return func(s *settings) { s.pipeline.Rules = set }
}

// WithLanguage forces the language of every article ("en", "id"), as
// `crosscheck report --lang` does, instead of detecting it.
func WithLanguage(lang string) Option {
	return func(s *settings) { s.pipeline.Language = lang }
}

// WithStreaming compares a story at a time (compare.Stream), as
// `crosscheck report` does on archives too large for memory. Findings must
// be the same either way; the project runs its cases both ways.
func WithStreaming() Option {
	return func(s *settings) { s.pipeline.Stream = true }
}

// Result is the outcome of one case.
type Result struct {
	Path         string // the case file as given
	Comment      string // the free text before the first member
	Expectations []*Expectation
	Documents    []*claims.Document
	Report       *report.Report
	// Problems are the reasons the case fails, in case-file order:
	// expectations not met (and "none" lines violated), then findings no
	// expectation accounts for. Empty when the case passes.
	Problems []Problem
}

// Passed reports whether every expectation was met and every finding
// expected.
func (r *Result) Passed() bool { return len(r.Problems) == 0 }

// Problem is one reason a case fails.
type Problem struct {
	// Expectation is the line not met, or nil for an unexpected finding.
	Expectation *Expectation
	// Finding is the unexpected finding, or the finding that violates a
	// "none" or "unpaired" line; nil otherwise.
	Finding *report.Discrepancy
	// Message says what is wrong in words, starting with "file:line: " (or
	// "file: " for an unexpected finding), possibly over several lines.
	Message string
}

func (p Problem) String() string { return p.Message }

// articleExts are the member extensions read as articles: those
// claims/ingest reads, so a case member behaves exactly like a file given to
// `crosscheck report`.
var articleExts = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true,
	".jsonl": true, ".ndjson": true,
}

// textExts are the article kinds whose document text is the member's bytes,
// so a claim's line in the document maps to a line of the case file.
var textExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true}

// ExpectMember is the name of the member holding the expectations.
const ExpectMember = "expect"

// Check runs one case file and compares the findings with its
// expectations. A malformed case (bad expectation syntax, a missing
// "expect" member, an unreadable article) returns an *Error; a case that
// runs returns a Result whose Problems say what, if anything, failed.
func Check(path string, opts ...Option) (*Result, error) {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := load(path, data)
	if err != nil {
		return nil, err
	}
	docs, err := c.read()
	if err != nil {
		return nil, err
	}
	res, err := pipeline.Run(docs, s.pipeline)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := c.validate(res.Documents, res.Report, s.pipeline.Rules); err != nil {
		return nil, err
	}
	r := &Result{
		Path: path, Comment: string(c.archive.comment), Expectations: c.expect,
		Documents: res.Documents, Report: res.Report,
	}
	ev := newEvaluator(c, res.Report)
	r.Problems = ev.evaluate()
	return r, nil
}

// caseFile is a parsed case before it is run.
type caseFile struct {
	path     string
	archive  *archive
	articles []member
	expect   []*Expectation
	// docLine maps a document id to the case-file line of its first line,
	// for documents whose text is a member's bytes.
	docLine map[string]int
}

// load parses and validates a case.
func load(path string, data []byte) (*caseFile, error) {
	c := &caseFile{path: path, archive: parseArchive(data), docLine: map[string]int{}}
	seen := map[string]int{}
	var expect *member
	for i := range c.archive.files {
		m := &c.archive.files[i]
		if prev, ok := seen[m.name]; ok {
			return nil, &Error{Path: path, Line: m.markerLine, Msg: fmt.Sprintf("member %q repeated (first at line %d)", m.name, prev)}
		}
		seen[m.name] = m.markerLine
		if m.name == ExpectMember {
			expect = m
			continue
		}
		if err := checkMemberName(m.name); err != nil {
			return nil, &Error{Path: path, Line: m.markerLine, Msg: err.Error()}
		}
		c.articles = append(c.articles, *m)
	}
	if expect == nil {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("no %q member: a case must say which findings it expects (an empty %q member expects none)", ExpectMember, ExpectMember)}
	}
	if len(c.articles) == 0 {
		return nil, &Error{Path: path, Line: expect.markerLine, Msg: "no article members (e.g. -- 001.txt --) before the expectations"}
	}
	var err error
	if c.expect, err = parseExpectations(path, expect.data, expect.firstLine); err != nil {
		return nil, err
	}
	return c, nil
}

func checkMemberName(name string) error {
	if strings.ContainsAny(name, `/\`) || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return fmt.Errorf("member name %q: want a plain file name such as 001.txt (no directories, not hidden)", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if !articleExts[ext] {
		return fmt.Errorf("member %q: not an article (.txt, .md, .html, .jsonl) and not %q", name, ExpectMember)
	}
	if strings.TrimSuffix(name, filepath.Ext(name)) == "" {
		return fmt.Errorf("member %q: the name before the extension is the document id and may not be empty", name)
	}
	return nil
}

// read writes the articles to a temporary directory and reads them with
// claims/ingest. Going through the files, rather than building documents
// here, is what guarantees that a member is read exactly as the same file
// given to `crosscheck report` (encodings, front matter, HTML extraction,
// JSON Lines ids) — and nothing has to be kept in step with ingest.
func (c *caseFile) read() ([]*claims.Document, error) {
	dir, err := os.MkdirTemp("", "comparetest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	byFile := map[string]*member{}
	for i := range c.articles {
		m := &c.articles[i]
		p := filepath.Join(dir, m.name)
		if err := os.WriteFile(p, m.data, 0o600); err != nil {
			return nil, err
		}
		byFile[p] = m
	}
	docs, err := ingest.Read([]string{dir}, ingest.Options{})
	if err != nil {
		var ie *ingest.Error
		if errors.As(err, &ie) {
			if m := byFile[ie.Path]; m != nil {
				line := m.markerLine
				if ie.Line > 0 {
					line = m.firstLine + ie.Line - 1
				}
				return nil, &Error{Path: c.path, Line: line, Msg: fmt.Sprintf("member %s: %v", m.name, ie.Err)}
			}
		}
		return nil, fmt.Errorf("%s: %w", c.path, err)
	}
	prefix := dir + string(filepath.Separator)
	for _, d := range docs {
		file, rec, _ := strings.Cut(strings.TrimPrefix(d.Path, prefix), ":")
		m := byFile[filepath.Join(dir, file)]
		if d.Status == claims.StatusSkipped && !strings.HasPrefix(d.SkipReason, ingest.ReasonDuplicatePrefix) {
			line := 0
			if m != nil {
				line = m.markerLine
			}
			return nil, &Error{Path: c.path, Line: line, Msg: fmt.Sprintf("member %s cannot be read as an article: %s", file, d.SkipReason)}
		}
		if m != nil && rec == "" && textExts[strings.ToLower(filepath.Ext(m.name))] {
			c.docLine[d.ID] = m.firstLine
		}
		// Paths and warnings name the case and member, not the temporary copy.
		d.Path = c.path + "#" + strings.TrimPrefix(d.Path, prefix)
		for i, w := range d.Warnings {
			d.Warnings[i] = strings.ReplaceAll(w, prefix, c.path+"#")
		}
	}
	return docs, nil
}

// validate rejects expectations that can never be checked: a phrase that no
// article contains (a "none" line with a typo would pass for ever), a
// phrase bound to a document the case does not have, and an attribute the
// rules do not define (said as such, with the attributes that exist, rather
// than as a missing finding plus an unexpected one).
func (c *caseFile) validate(docs []*claims.Document, r *report.Report, set *rules.Set) error {
	texts := map[string]string{}
	var ids []string
	for _, d := range docs {
		if d.Status == claims.StatusSkipped {
			continue
		}
		texts[d.ID] = norm(d.Text)
		ids = append(ids, d.ID)
	}
	sort.Strings(ids)
	known := knownAttributes(r, set)
	for _, e := range c.expect {
		bad := func(format string, args ...any) error {
			return &Error{Path: c.path, Line: e.Line, Msg: e.Category + ": " + fmt.Sprintf(format, args...)}
		}
		if !wildcard(e.Attribute) && !known[e.Attribute] {
			names := make([]string, 0, len(known))
			for a := range known {
				names = append(names, a)
			}
			sort.Strings(names)
			hint := ""
			if near := nearest(e.Attribute, names); len(near) > 0 {
				hint = " (did you mean " + strings.Join(near, " or ") + "?)"
			}
			return bad("unknown attribute %q%s; the attributes are: %s", e.Attribute, hint, strings.Join(names, ", "))
		}
		if e.Category == CatClaim && !wildcard(e.Doc) {
			if _, ok := texts[e.Doc]; !ok {
				return bad("no document %q in the case (documents: %s)", e.Doc, strings.Join(ids, ", "))
			}
		}
		for _, p := range e.Phrases() {
			doc := p.Doc
			if e.Category == CatClaim && !wildcard(e.Doc) {
				doc = e.Doc
			}
			want := norm(p.Text)
			if doc != "" {
				t, ok := texts[doc]
				if !ok {
					return bad("no document %q in the case (documents: %s)", doc, strings.Join(ids, ", "))
				}
				if !strings.Contains(t, want) {
					return bad("%s: no article (document %s) contains it", quote(p.Text), doc)
				}
				continue
			}
			found := false
			for _, t := range texts {
				if strings.Contains(t, want) {
					found = true
					break
				}
			}
			if !found {
				return bad("%s: no article contains it", quote(p.Text))
			}
		}
	}
	return nil
}

// nearest returns the names closest to s by edit distance, if any is
// within a third of its length: the likely intended spelling.
func nearest(s string, names []string) []string {
	best, out := len(s)/3+1, []string(nil)
	for _, n := range names {
		switch d := editDistance(s, n); {
		case d < best:
			best, out = d, []string{n}
		case d == best:
			out = append(out, n)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// knownAttributes are the attributes the rules define (frame.attribute)
// and any the report's claims carry (document.published, ...).
func knownAttributes(r *report.Report, set *rules.Set) map[string]bool {
	known := map[string]bool{"document.published": true}
	if set == nil {
		set, _ = rules.Builtin()
	}
	if set != nil {
		for _, f := range set.Frames {
			for ai := range f.Attributes {
				known[f.AttributeName(ai)] = true
			}
		}
	}
	for i := range r.Claims {
		if a := r.Claims[i].Attribute; a != "" {
			known[a] = true
		}
	}
	return known
}

// evaluator compares a report with a case's expectations.
type evaluator struct {
	c        *caseFile
	r        *report.Report
	claimsOf map[string]*report.Claim
}

func newEvaluator(c *caseFile, r *report.Report) *evaluator {
	return &evaluator{c: c, r: r, claimsOf: r.ClaimByID()}
}

func (ev *evaluator) evaluate() []Problem {
	var probs []Problem
	// Findings: pair expectations and discrepancies one to one.
	var fexp []*Expectation
	for _, e := range ev.c.expect {
		if e.IsFinding() {
			fexp = append(fexp, e)
		}
	}
	ds := ev.r.Discrepancies
	adj := make([][]int, len(fexp))
	for i, e := range fexp {
		for j := range ds {
			if ev.findingMatches(e, &ds[j]) {
				adj[i] = append(adj[i], j)
			}
		}
	}
	expOf, findOf := matching(adj, len(ds))
	unmet := map[*Expectation]bool{}
	for i, e := range fexp {
		if expOf[i] < 0 {
			unmet[e] = true
		}
	}
	for _, e := range ev.c.expect {
		switch {
		case unmet[e]:
			probs = append(probs, Problem{Expectation: e, Message: ev.unmetFinding(e)})
		case e.Category == CatAgree:
			if p, ok := ev.checkAgree(e); !ok {
				probs = append(probs, p)
			}
		case e.Category == CatNone || e.Category == CatUnpaired:
			probs = append(probs, ev.checkNone(e)...)
		case e.Category == CatClaim:
			if p, ok := ev.checkClaim(e); !ok {
				probs = append(probs, p)
			}
		case e.Category == CatSyndic:
			if p, ok := ev.checkSyndicated(e); !ok {
				probs = append(probs, p)
			}
		}
	}
	for j := range ds {
		if findOf[j] < 0 {
			probs = append(probs, Problem{Finding: &ds[j], Message: fmt.Sprintf("%s: unexpected finding:\n%s", ev.c.path, ev.describeFinding(&ds[j], "    "))})
		}
	}
	return probs
}

// matching pairs expectations with findings (Kuhn's augmenting paths): a
// maximum matching, so that a loosely written expectation listed first
// cannot take the finding a stricter one needs. It returns, per
// expectation, the finding index or -1, and per finding the expectation or
// -1.
func matching(adj [][]int, nf int) ([]int, []int) {
	expOf := make([]int, len(adj))
	findOf := make([]int, nf)
	for i := range findOf {
		findOf[i] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if findOf[j] < 0 || try(findOf[j], seen) {
				findOf[j] = i
				return true
			}
		}
		return false
	}
	for i := range adj {
		try(i, make([]bool, nf))
	}
	for i := range expOf {
		expOf[i] = -1
	}
	for j, i := range findOf {
		if i >= 0 {
			expOf[i] = j
		}
	}
	return expOf, findOf
}

// oneLine collapses white space, so claim text that wraps prints, and is
// suggested as a phrase, on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func wildcard(s string) bool { return s == "" || s == "*" }

// norm folds case and white space so that a phrase written on one line
// matches claim text that wraps.
func norm(s string) string { return strings.ToLower(oneLine(s)) }

func (ev *evaluator) phraseMatches(p Phrase, c *report.Claim) bool {
	return c != nil && (p.Doc == "" || p.Doc == c.Doc) && strings.Contains(norm(c.Text), norm(p.Text))
}

// sideClaims returns the claims of each side of a finding.
func (ev *evaluator) sideClaims(d *report.Discrepancy) [][]*report.Claim {
	out := make([][]*report.Claim, len(d.Sides))
	for k, s := range d.Sides {
		for _, id := range s.Claims {
			if c := ev.claimsOf[id]; c != nil {
				out[k] = append(out[k], c)
			}
		}
	}
	return out
}

func (ev *evaluator) groupOn(g []Phrase, cs []*report.Claim) bool {
	for _, p := range g {
		found := false
		for _, c := range cs {
			if ev.phraseMatches(p, c) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// phrasesMatch applies an expectation's phrases to a finding's sides.
func (ev *evaluator) phrasesMatch(e *Expectation, sides [][]*report.Claim) bool {
	if len(e.Groups) == 1 {
		var all []*report.Claim
		for _, s := range sides {
			all = append(all, s...)
		}
		return ev.groupOn(e.Groups[0], all)
	}
	if len(e.Groups) > len(sides) {
		return false
	}
	used := make([]bool, len(sides))
	var place func(g int) bool
	place = func(g int) bool {
		if g == len(e.Groups) {
			return true
		}
		for k := range sides {
			if !used[k] && ev.groupOn(e.Groups[g], sides[k]) {
				used[k] = true
				if place(g + 1) {
					return true
				}
				used[k] = false
			}
		}
		return false
	}
	return place(0)
}

func (ev *evaluator) findingMatches(e *Expectation, d *report.Discrepancy) bool {
	if e.Category != d.Category || !(wildcard(e.Kind) || e.Kind == d.Kind) || !(wildcard(e.Attribute) || e.Attribute == d.Attribute) {
		return false
	}
	return ev.phrasesMatch(e, ev.sideClaims(d))
}

// unmetFinding explains a finding expectation nothing matched, pointing at
// the findings that come closest: those with the phrases but another
// category, kind or attribute, else those of the same kind and attribute.
func (ev *evaluator) unmetFinding(e *Expectation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: missing finding: %s", ev.c.path, e.Line, e.Source)
	var near []*report.Discrepancy
	for i := range ev.r.Discrepancies {
		d := &ev.r.Discrepancies[i]
		if ev.phrasesMatch(e, ev.sideClaims(d)) {
			near = append(near, d)
		}
	}
	label := "the phrases are in"
	if len(near) == 0 {
		label = "findings of that kind and attribute"
		for i := range ev.r.Discrepancies {
			d := &ev.r.Discrepancies[i]
			if (wildcard(e.Kind) || e.Kind == d.Kind) && (wildcard(e.Attribute) || e.Attribute == d.Attribute) {
				near = append(near, d)
			}
		}
	}
	if len(near) == 0 {
		b.WriteString("\n    no finding has those phrases, kind or attribute")
		if cs := ev.claimsWith(e.Phrases()); len(cs) > 0 {
			b.WriteString("; claims with those phrases:")
			for _, c := range cs {
				b.WriteString("\n        " + ev.describeClaim(c, true))
			}
		} else {
			b.WriteString("; no claim contains any of the phrases")
		}
		return b.String()
	}
	fmt.Fprintf(&b, "\n    %s:", label)
	for _, d := range near {
		b.WriteString("\n" + ev.describeFinding(d, "        "))
	}
	return b.String()
}

func (ev *evaluator) checkAgree(e *Expectation) (Problem, bool) {
	var same []*report.Agreement
	for i := range ev.r.Agreements {
		a := &ev.r.Agreements[i]
		if !wildcard(e.Attribute) && a.Attribute != e.Attribute {
			continue
		}
		same = append(same, a)
		var cs []*report.Claim
		for _, id := range a.Claims {
			cs = append(cs, ev.claimsOf[id])
		}
		if ev.groupOn(e.Groups[0], cs) && (!e.HasValue || a.Value == e.Value) {
			return Problem{}, true
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: missing agreement: %s", ev.c.path, e.Line, e.Source)
	if len(same) == 0 {
		b.WriteString("\n    no agreement on that attribute")
	} else {
		b.WriteString("\n    agreements on that attribute:")
		for _, a := range same {
			b.WriteString("\n        " + ev.describeAgreement(a))
		}
	}
	// A disagreement instead of the agreement is the most telling hint.
	for i := range ev.r.Discrepancies {
		d := &ev.r.Discrepancies[i]
		if ev.phrasesMatch(e, ev.sideClaims(d)) {
			b.WriteString("\n    the phrases are in a finding instead:\n" + ev.describeFinding(d, "        "))
		}
	}
	return Problem{Expectation: e, Message: b.String()}, false
}

func (ev *evaluator) checkNone(e *Expectation) []Problem {
	var probs []Problem
	for _, p := range e.Phrases() {
		for i := range ev.r.Discrepancies {
			d := &ev.r.Discrepancies[i]
			for _, s := range ev.sideClaims(d) {
				if ev.groupOn([]Phrase{p}, s) {
					probs = append(probs, Problem{Expectation: e, Finding: d, Message: fmt.Sprintf("%s:%d: %s %s: a finding mentions it:\n%s",
						ev.c.path, e.Line, e.Category, p, ev.describeFinding(d, "    "))})
					break
				}
			}
		}
		if e.Category != CatUnpaired {
			continue
		}
		for i := range ev.r.Agreements {
			a := &ev.r.Agreements[i]
			for _, id := range a.Claims {
				if ev.phraseMatches(p, ev.claimsOf[id]) {
					probs = append(probs, Problem{Expectation: e, Message: fmt.Sprintf("%s:%d: unpaired %s: an agreement pairs it:\n    %s",
						ev.c.path, e.Line, p, ev.describeAgreement(a))})
					break
				}
			}
		}
	}
	return probs
}

func (ev *evaluator) checkClaim(e *Expectation) (Problem, bool) {
	p := e.Groups[0][0]
	if !wildcard(e.Doc) {
		p.Doc = e.Doc
	}
	for i := range ev.r.Claims {
		c := &ev.r.Claims[i]
		if ev.phraseMatches(p, c) && (wildcard(e.Kind) || c.Kind == e.Kind) &&
			(wildcard(e.Attribute) || c.Attribute == e.Attribute) && (!e.HasValue || c.Value == e.Value) {
			return Problem{}, true
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: missing claim: %s", ev.c.path, e.Line, e.Source)
	if cs := ev.claimsWith([]Phrase{{Text: p.Text}}); len(cs) > 0 {
		b.WriteString("\n    claims with that text:")
		for _, c := range cs {
			b.WriteString("\n        " + ev.describeClaim(c, true))
		}
	} else {
		b.WriteString("\n    no claim contains that text")
	}
	return Problem{Expectation: e, Message: b.String()}, false
}

// checkSyndicated: every listed document names every other as a copy.
func (ev *evaluator) checkSyndicated(e *Expectation) (Problem, bool) {
	docs := ev.r.DocumentByID()
	var bad []string
	for _, id := range e.Docs {
		d := docs[id]
		if d == nil {
			return Problem{Expectation: e, Message: fmt.Sprintf("%s:%d: syndicated: no document %q in the case", ev.c.path, e.Line, id)}, false
		}
		with := map[string]bool{}
		for _, o := range d.SyndicatedWith {
			with[o] = true
		}
		for _, o := range e.Docs {
			if o != id && !with[o] {
				bad = append(bad, fmt.Sprintf("%s is not counted as a copy of %s", o, id))
			}
		}
	}
	if len(bad) == 0 {
		return Problem{}, true
	}
	return Problem{Expectation: e, Message: fmt.Sprintf("%s:%d: not one source: %s\n    %s", ev.c.path, e.Line, e.Source, strings.Join(bad, "\n    "))}, false
}

// claimsWith returns the claims matching any of the phrases.
func (ev *evaluator) claimsWith(ps []Phrase) []*report.Claim {
	var out []*report.Claim
	for i := range ev.r.Claims {
		c := &ev.r.Claims[i]
		for _, p := range ps {
			if ev.phraseMatches(p, c) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// where is a claim's document:line, and the case-file line when the
// document is a text member, which is where one fixes the case.
func (ev *evaluator) where(c *report.Claim) string {
	s := fmt.Sprintf("%s:%d", c.Doc, c.Line)
	if first, ok := ev.c.docLine[c.Doc]; ok {
		s += fmt.Sprintf(" (%s:%d)", ev.c.path, first+c.Line-1)
	}
	return s
}

func (ev *evaluator) describeClaim(c *report.Claim, full bool) string {
	s := quote(oneLine(c.Text)) + " at " + ev.where(c)
	if full {
		attr := c.Attribute
		if attr == "" {
			attr = "(no attribute)"
		}
		s += fmt.Sprintf(": %s %s = %s", c.Kind, attr, c.Value)
	}
	return s
}

func (ev *evaluator) describeAgreement(a *report.Agreement) string {
	var parts []string
	for _, id := range a.Claims {
		if c := ev.claimsOf[id]; c != nil {
			parts = append(parts, ev.describeClaim(c, false))
		}
	}
	return fmt.Sprintf("agree %s = %s: %s", a.Attribute, a.Value, strings.Join(parts, ", "))
}

// describeFinding shows a finding the way a case author needs it: what it
// is, the claims on each side with where they are, and the expectation line
// that would accept it.
func (ev *evaluator) describeFinding(d *report.Discrepancy, indent string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s %s %s (%s): %s", indent, d.Category, d.Kind, d.Attribute, d.Severity, d.Summary)
	sides := ev.sideClaims(d)
	var firsts []string
	for k, cs := range sides {
		var parts []string
		for _, c := range cs {
			parts = append(parts, ev.describeClaim(c, false))
		}
		fmt.Fprintf(&b, "\n%s    side %d: %s", indent, k+1, strings.Join(parts, ", "))
		if len(cs) > 0 {
			firsts = append(firsts, quote(oneLine(cs[0].Text)))
		}
	}
	attr := d.Attribute
	if attr == "" {
		attr = "*"
	}
	fmt.Fprintf(&b, "\n%s    expect it with: %s %s %s %s", indent, d.Category, d.Kind, attr, strings.Join(firsts, " <> "))
	return b.String()
}

// Cases lists the case files under root: root itself when it is a file, or
// every *.txtar below it, recursively, in lexical order. Directories whose
// names start with "." or "_" are skipped, as the go tool skips them, so a
// case can be parked without deleting it.
func Cases(root string) ([]string, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".txtar") && !strings.HasPrefix(name, ".") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
