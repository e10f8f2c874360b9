package compare

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// Stream compares an archive without holding its texts and claims all at
// once. It gives exactly what Compare gives for the same documents and
// claims (TestStreamEqualsCompare), in three steps:
//
//  1. Add each document with its claims, in any order and from any number
//     of goroutines, as soon as it is extracted. Stream keeps what grouping
//     needs (the words of analyse: keywords, sampled shingles, the lead's
//     anchors; about 2–4 KB per article) and a copy of the document
//     without its text; the caller may then release text and claims.
//  2. Group, then CompareStory once for every story Stories returns, with
//     that story's documents and their claims (read back by the caller,
//     e.g. from a spill file), in any order and concurrently. Blocks of
//     one story are compared at once; the claims that may meet claims of
//     other stories (once-only events, keyed by their participants, and
//     background sentences, keyed by an earlier time) are kept, with the
//     names of their sentences, for the last step.
//  3. Finish compares those and puts every result in Compare's order.
//
// What grows with the archive is therefore the grouping words, the
// documents' metadata, the claims of once-only and background events and
// the findings; texts and all other claims are held one story at a time.
type Stream struct {
	set  *rules.Set
	stop map[string]bool
	pool sync.Pool // *scratch

	mu      sync.Mutex
	entries []streamEntry
	g       *grouping
	all     []*claims.Document // every document added, by id, texts released
	read    []*claims.Document // the read ones

	results  []blockResult
	internal []docFindings // per document, in the order stories were compared; sorted by document in Finish
	deferred []*claims.Claim
	kept     map[string]*keptInfo
}

// docFindings are the internal findings of one document.
type docFindings struct {
	doc string
	fs  []Finding
}

type streamEntry struct {
	doc   *claims.Document // without its text
	words docWords
}

// keptInfo is what the last step needs of a document whose claims were
// kept: its background sentences and their names.
type keptInfo struct {
	background map[int]bool
	names      map[int][]string
}

// NewStream starts a comparison under the rule set.
func NewStream(set *rules.Set) *Stream {
	return &Stream{set: set, stop: stopWords(set), pool: sync.Pool{New: func() any { return newScratch() }},
		kept: map[string]*keptInfo{}}
}

// Add reads what grouping needs from document d, whose claims are cs (in
// document order, as extraction gives them). Skipped documents are added
// too (they are listed in Documents); their claims are none. Safe for
// concurrent use.
func (s *Stream) Add(d *claims.Document, cs []*claims.Claim) {
	e := streamEntry{doc: strip(d)}
	if d.Status != claims.StatusSkipped {
		sc := s.pool.Get().(*scratch)
		e.words = sc.analyseOne(d, s.set, s.stop)
		s.pool.Put(sc)
		addFigures(map[string]*lead{d.ID: &e.words.lead}, cs)
		e.words.detach()
	}
	s.mu.Lock()
	s.entries = append(s.entries, e)
	s.mu.Unlock()
}

// strip copies a document's metadata without its text. Strings that may
// share the text's memory (the title is a slice of it) are copied, so that
// the text can be freed.
func strip(d *claims.Document) *claims.Document {
	c := *d
	c.Text = ""
	c.Participants = nil
	c.Title = strings.Clone(d.Title)
	c.PublishedText = strings.Clone(d.PublishedText)
	c.Byline = strings.Clone(d.Byline)
	c.Site = strings.Clone(d.Site)
	c.Warnings = slices.Clone(d.Warnings)
	return &c
}

// detach copies the strings of w that may be slices of the document's
// text (token words), so that keeping w does not keep the text.
func (w *docWords) detach() {
	for i := range w.keywords {
		w.keywords[i].word = strings.Clone(w.keywords[i].word)
	}
	l := &w.lead
	for i := range l.names {
		l.names[i] = strings.Clone(l.names[i])
	}
	if l.all != nil {
		all := make(map[string]bool, len(l.all))
		for k, v := range l.all {
			all[strings.Clone(k)] = v
		}
		l.all = all
	}
	for i := range l.money {
		l.money[i].unit = strings.Clone(l.money[i].unit)
	}
}

// Group groups the documents added so far into stories; call it once,
// after the last Add.
func (s *Stream) Group() {
	slices.SortFunc(s.entries, func(a, b streamEntry) int { return strings.Compare(a.doc.ID, b.doc.ID) })
	var words []docWords
	for _, e := range s.entries {
		s.all = append(s.all, e.doc)
		if e.doc.Status != claims.StatusSkipped {
			s.read = append(s.read, e.doc)
			words = append(words, e.words)
		}
	}
	s.entries = nil // the words live on in the grouping's leads only
	s.g = groupDocs(s.read, words)
}

// All returns every document added (read or skipped), by id, without
// texts; call it after Group.
func (s *Stream) All() []*claims.Document { return s.all }

// Stories returns the stories, numbered from 1; every read document is in
// exactly one.
func (s *Stream) Stories() []Story { return s.g.Stories }

// CompareStory compares the claims of one story. docs are the story's
// documents with their texts, cs their claims in document order. Safe for
// concurrent use.
func (s *Stream) CompareStory(docs []*claims.Document, cs []*claims.Claim) {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b *claims.Document) int { return strings.Compare(a.ID, b.ID) })
	cm := newComparer(s.set, docs, &s.g.Result, s.g, s.stop, nil)
	cm.backgroundSentences(cs)
	rs := cm.compareClaims(cs, phaseStory)
	var internal []docFindings
	for lo := 0; lo < len(cs); {
		hi := lo + 1
		for hi < len(cs) && cs[hi].Doc == cs[lo].Doc {
			hi++
		}
		if fs := cm.internalChecks(cs[lo:hi]); len(fs) > 0 {
			internal = append(internal, docFindings{cs[lo].Doc, fs})
		}
		lo = hi
	}
	// The claims that may meet other stories', with what the last step
	// needs of their documents.
	var deferred []*claims.Claim
	kept := map[string]*keptInfo{}
	for _, c := range cs {
		inf := cm.info[c.Doc]
		if inf == nil || !(inf.background[c.Sentence] || s.hasOnce(c)) {
			continue
		}
		k := kept[c.Doc]
		if k == nil {
			k = &keptInfo{background: inf.background, names: map[int][]string{}}
			kept[c.Doc] = k
		}
		if inf.background[c.Sentence] {
			if _, ok := k.names[c.Sentence]; !ok {
				names := cm.namesOf(inf, c)
				for i := range names {
					names[i] = strings.Clone(names[i])
				}
				k.names[c.Sentence] = names
			}
		}
		deferred = append(deferred, detachClaim(c))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results = append(s.results, rs...)
	s.internal = append(s.internal, internal...)
	s.deferred = append(s.deferred, deferred...)
	for id, k := range kept {
		s.kept[id] = k
	}
}

// hasOnce reports whether any of c's attributes is of a once-only frame.
func (s *Stream) hasOnce(c *claims.Claim) bool {
	for k := -1; k < len(c.Also); k++ {
		attr := c.Attribute
		if k >= 0 {
			attr = c.Also[k]
		}
		if fr, _, ok := s.set.Attribute(attr); ok && fr.Once {
			return true
		}
	}
	return false
}

// detachClaim copies a claim whose strings may be slices of its document's
// text.
func detachClaim(c *claims.Claim) *claims.Claim {
	d := *c
	d.Text = strings.Clone(c.Text)
	return &d
}

// Finish compares the claims kept for it and returns the whole result,
// as Compare would.
func (s *Stream) Finish() Result {
	var docs []*claims.Document
	for _, d := range s.read {
		if s.kept[d.ID] != nil {
			docs = append(docs, d)
		}
	}
	cm := newComparer(s.set, docs, &s.g.Result, s.g, s.stop, nil)
	for id, k := range s.kept {
		inf := cm.info[id]
		inf.background, inf.names = k.background, k.names
	}
	sort.SliceStable(s.deferred, func(i, j int) bool { return byDocStart(s.deferred[i], s.deferred[j]) < 0 })
	cm.bgKeys, cm.bgWhy = cm.backgroundEvents(s.deferred)
	rs := append(s.results, cm.compareClaims(s.deferred, phaseGlobal)...)
	res := s.g.Result
	res.Findings, res.Agreements = flatten(rs)
	// Internal findings in document order, as internalChecks gives them
	// for the whole archive.
	slices.SortFunc(s.internal, func(a, b docFindings) int { return strings.Compare(a.doc, b.doc) })
	var internal []Finding
	for _, d := range s.internal {
		internal = append(internal, d.fs...)
	}
	res.Findings = mergeInternal(res.Findings, internal)
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].ID < res.Findings[j].ID })
	return res
}

