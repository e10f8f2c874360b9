package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Stream compares an archive in memory bounded by its open story windows,
// with exactly the result Compare gives for the same documents and claims
// (TestStreamEqualsCompare, TestCasesStreamTheSame). Use it in two passes:
//
//  1. Add every document with its claims, in any order and from any
//     number of goroutines, as it is extracted; the caller then writes
//     them somewhere it can read them back by id (a Store: a spill file)
//     and drops them. Stream keeps, per document, its id, its publication
//     day and its counts of keywords and shingles (about 60 bytes); and
//     archive-wide counts of keywords, lead names and shingles, which
//     grow with the vocabulary, not the archive. Undated documents keep
//     their grouping words too: they may join any story.
//  2. Run reads the dated documents back in date order. A document's
//     story is decided by the articles published within storyDays of it,
//     so a sliding window of 2×(storyDays+1) days holds what grouping
//     needs; a story whose newest article is older than the window is
//     closed, split where its leads tell two events apart, and compared
//     at once, then dropped. A story that undated articles might join
//     (its leads share a name with one of theirs) waits, as a list of ids,
//     until every story is known; it is read back then. Claims that may
//     meet other stories' (once-only events, keyed by their participants,
//     and background sentences, keyed by an earlier time) are remembered
//     by their place in their document, with the names of their
//     sentences, read back at the end and compared last.
//
// What grows with the archive is therefore the per-document ids and
// counts, the claims of once-only and background events, and the
// findings; texts, metadata and all other claims are held one window at
// a time, and the documents' metadata is read back (Store.Doc) only for
// the documents whose claims were kept.
type Stream struct {
	// Slim: findings and agreements keep only their claims' ids (Side.IDs,
	// Agreement.IDs: what a report needs), not the claims: otherwise every
	// claim a finding or agreement quotes stays in memory to the end.
	// Results then differ from Compare's in that respect only.
	Slim bool
	// GroupOnly tells stories and copies without comparing any claim (as
	// Group does): no story is read back.
	GroupOnly bool
	// SpillResults, with Slim, keeps the findings and agreements of the
	// stories compared in a temporary file in SpillDir ("": the system's
	// temporary directory) until the last step, instead of in memory.
	SpillResults bool
	SpillDir     string
	// BetweenPhases, when set, is called once the sweep has released its
	// window, and again once the kept claims are compared, before the
	// stories' results are read back: a run that bounds its memory returns
	// what the phase before freed to the system there (debug.FreeOSMemory),
	// so that the next phase's allocations do not come on top of it.
	BetweenPhases func()
	// AgreementSink, when set, receives the agreements instead of
	// Result.Agreements (which is then empty), in no particular order: the
	// order Result.Agreements would have is by key (its block's), then seq.
	// An archive run keeps them on disk rather than in memory (tens of
	// thousands of them). An error it returns is Run's.
	AgreementSink func(key string, seq int, a Agreement) error

	set  *rules.Set
	stop map[string]bool
	an   *Analyser

	mu      sync.Mutex
	entries []*streamEntry
	df      *tally         // keyword (keyword.appendKey) -> documents having it
	docFreq *tally         // lead name -> documents whose text uses it (regroup's)
	counts  *shingleCounts // in how many documents each shingle occurs (boilerplate)

	// kept counts the claims kept for the last step and, of them, those
	// compared (in blocks that hold claims of two documents or more).
	kept struct{ all, compared int }
}

// streamEntry is what Stream keeps of one document between the passes:
// 64 bytes, its fields ordered so (one per article of an archive).
type streamEntry struct {
	id       string
	pub      int64 // publication time, Unix seconds (a day at UTC midnight from ingest)
	day      int64
	counts   [2]int
	words    *docWords // undated documents only
	shingles int32     // how many it has
	skipped  bool      // listed in the report, not compared
}

// NewStream starts a comparison under the rule set.
func NewStream(set *rules.Set) *Stream {
	an := NewAnalyser(set)
	return &Stream{set: set, stop: an.stop, an: an,
		df: newTally(), docFreq: newTally(), counts: newShingleCounts()}
}

// Add reads what grouping needs from document d, whose claims are cs (in
// document order, as extraction gives them), and returns it encoded: the
// caller keeps it with the document, and Run reads it back (Store.Words)
// instead of analysing the text again. Skipped documents are added too
// (the report lists them); their words are nil. Safe for concurrent use.
func (s *Stream) Add(d *claims.Document, cs []*claims.Claim) []byte {
	return s.AddTokens(d, nil, cs)
}

// AddTokens is Add given the document's tokens as token.Scan gives them
// (extract.Engine.ExtractThen hands them over), so that its text is not
// scanned again; nil toks scans it.
func (s *Stream) AddTokens(d *claims.Document, toks []token.Token, cs []*claims.Claim) []byte {
	e := &streamEntry{id: strings.Clone(d.ID)} // d.ID may be a slice of a larger buffer
	if d.Status == claims.StatusSkipped {
		e.skipped = true
		s.mu.Lock()
		s.entries = append(s.entries, e)
		s.mu.Unlock()
		return nil
	}
	w := s.words(d, toks, cs)
	enc := w.encode()
	if d.HasDate() {
		e.pub, e.day = d.Published.Unix(), unixDay(d.Published)
	} else {
		w.detach()
		e.words = &w
	}
	for _, k := range w.keywords {
		e.counts[k.kind()]++
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var buf []byte
	for _, k := range w.keywords {
		buf = s.df.addKeyword(k, buf)
	}
	for _, n := range w.lead.all {
		s.docFreq.add(n)
	}
	e.shingles = int32(len(w.shingles))
	s.counts.add(w.shingles)
	s.entries = append(s.entries, e)
	return enc
}

// words derives a document's grouping words (from toks, or scanning its
// text when nil), with its claims' figures in its lead, as Compare does.
func (s *Stream) words(d *claims.Document, toks []token.Token, cs []*claims.Claim) docWords {
	w := s.an.Words(d, toks).w
	addFigures(map[string]*lead{d.ID: &w.lead}, cs)
	return w
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
		all := make([]string, len(l.all))
		for k, n := range l.all {
			all[k] = strings.Clone(n)
		}
		l.all = all
	}
	for i := range l.money {
		l.money[i].unit = strings.Clone(l.money[i].unit)
	}
}

// Store reads back what was added to a Stream: the caller keeps each
// document, its claims and the words Add returned, by id, on disk or in
// memory (MemStore). Its methods are called from several goroutines.
type Store interface {
	// Doc returns a document's metadata, without its text.
	Doc(id string) (*claims.Document, error)
	// Load returns a document with its text, and its claims in document
	// order.
	Load(id string) (*claims.Document, []*claims.Claim, error)
	// Claims returns a document's claims in document order.
	Claims(id string) ([]*claims.Claim, error)
	// Words returns the encoded grouping words Add returned for it.
	Words(id string) ([]byte, error)
}

// KeptStore is a Store that also keeps the claims a story sets aside for
// the last step (once-only events, background sentences) apart from the
// rest of their document's, so that the last step, which reads them three
// times, decodes only those (a few in ten of a document's claims) rather
// than every claim of every such document.
type KeptStore interface {
	Store
	// PutKept keeps claims (of one document, in document order) and
	// returns where they are; Kept reads them back.
	PutKept(cs []*claims.Claim) (KeptRef, error)
	Kept(ref KeptRef) ([]*claims.Claim, error)
}

// KeptRef is where a KeptStore keeps a document's kept claims.
type KeptRef struct {
	Off int64
	Len int32
}

// Run groups and compares (see Stream), reading documents back from st.
// Call it once, after the last Add; workers stories are compared at a
// time. It returns the result Compare would, and the ids of every
// document added, sorted.
func (s *Stream) Run(st Store, workers int) (Result, []string, error) {
	sw := s.newSweep(st, max(workers, 1))
	if s.SpillResults && s.Slim {
		log, err := newResultLog(s.SpillDir)
		if err != nil {
			return Result{}, nil, err
		}
		sw.log = log
		defer log.close()
	}
	err := sw.run() // returns once every story has been compared
	if err == nil {
		err = sw.failed() // a worker's: reading a story back
	}
	if err != nil {
		return Result{}, nil, err
	}
	res, err := sw.finish()
	if err != nil {
		return Result{}, nil, err
	}
	return res, sw.all, nil
}

// MemStore is a Store in memory, for archives that fit (and tests).
type MemStore struct {
	mu sync.Mutex
	m  map[string]memEntry
}

type memEntry struct {
	d     *claims.Document
	cs    []*claims.Claim
	words []byte
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore { return &MemStore{m: map[string]memEntry{}} }

// Put keeps a document, its claims (in document order) and its words.
func (m *MemStore) Put(d *claims.Document, cs []*claims.Claim, words []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[d.ID] = memEntry{d, cs, words}
}

func (m *MemStore) get(id string) (memEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.m[id]
	if !ok {
		return memEntry{}, fmt.Errorf("store: no document %q", id)
	}
	return e, nil
}

// Doc implements Store.
func (m *MemStore) Doc(id string) (*claims.Document, error) {
	e, err := m.get(id)
	if err != nil {
		return nil, err
	}
	return e.d.WithoutText(), nil
}

// Load implements Store.
func (m *MemStore) Load(id string) (*claims.Document, []*claims.Claim, error) {
	e, err := m.get(id)
	return e.d, e.cs, err
}

// Claims implements Store.
func (m *MemStore) Claims(id string) ([]*claims.Claim, error) {
	e, err := m.get(id)
	return e.cs, err
}

// Words implements Store.
func (m *MemStore) Words(id string) ([]byte, error) {
	e, err := m.get(id)
	return e.words, err
}

// sweep is one Run.
type sweep struct {
	s     *Stream
	store Store

	all    []string       // every document's id, sorted
	ids    []string       // the ids of the documents read (not skipped); index = document number
	ent    []*streamEntry // per read document
	copies *copyGroups    // syndication, found as the window moves (copies.go)

	kw            *tally  // every keyword (keyword.appendKey), by entry number
	kwPost        []int32 // per kw entry: its posting number when indexed (2 <= df <= maxPosting(n)), else -1
	kwKind        []uint8
	kwDF          []int32
	post          map[int32][]int32 // the window's documents having each posting, in load order
	open          map[int32]*openDoc
	parent        unionFind
	comps         map[int32]*comp   // by union-find root
	uPost         map[int32][]int32 // undated documents having each posting
	uBest         map[int32]undatedBest
	uNames        map[string]bool // every undated lead's names
	uLeads        map[string]*lead
	parts         []*part
	undatedGroups [][]int32 // groupAlone's groups, with their provisional numbers
	undatedProv   []int
	compOf        []int32 // per read document: its component's number (dated), -1 undated
	compMin       []int32 // per component: its smallest dated document

	jobs    chan storyJob
	wg      sync.WaitGroup
	mu      sync.Mutex
	err     error
	out     []blockResult
	inner   []docFindings
	log     *resultLog // when set, out and inner wait there until finish
	kept    map[string]*keptInfo
	docFreq map[string]int // lead name -> documents whose text uses it (regroup's)
	prov    int            // provisional story numbers handed out
}

// openDoc is a dated document in the window, or in a story still open:
// its keyword postings (its lead is read back when its story closes).
type openDoc struct {
	posts []int32
}

// comp is a story being built from dated documents.
type comp struct {
	maxDay  int64
	members []int32
}

// part is a closed story after splitting: its dated documents, and, while
// undated documents may still join it, its merged lead.
type part struct {
	comp    int32
	k       int // its place among its component's parts
	members []int32
	merged  *lead // non-nil: waits for the undated documents
	start   time.Time
	end     time.Time
	prov    int
	joined  []int32 // undated documents that joined it
}

type undatedBest struct {
	j     int32
	score float64
}

type storyJob struct {
	sources map[string]string // each document's syndication source
	docs    []*claims.Document
	cs      []*claims.Claim
	st      Story
	eventOK map[string]bool
	leads   map[string]*lead
}

// docFindings are the internal findings of one document.
type docFindings struct {
	doc string
	fs  []Finding
}

// keptInfo is what the last step needs of a document whose claims were
// kept: its background sentences and their names, and which of its claims
// (by their place among the document's claims) were kept. The claims are
// read back from the Store then: held from their story to the end of the
// sweep, they were its largest part (20 MB at 40,000 articles).
type keptInfo struct {
	background []int32         // its background sentences, ascending (a map per document cost more)
	names      []sentenceNames // in document order
	claims     []int32         // the kept claims' places among the document's
	ref        *KeptRef        // where a KeptStore keeps them, if it does
}

// sentenceNames are the names of one background sentence (comparer.namesOf).
type sentenceNames struct {
	sentence int32
	names    []string
}

// hasNames reports whether the names of sentence n were just kept: claims
// come in document order, so only the last entry can be n's (were one out
// of order, n's names would be kept twice, the same both times).
func (k *keptInfo) hasNames(n int) bool {
	return len(k.names) > 0 && k.names[len(k.names)-1].sentence == int32(n)
}

// namesBySentence is the list comparer.namesOf reads: k's names,
// ascending by sentence.
func (k *keptInfo) namesBySentence() []sentenceNames {
	slices.SortStableFunc(k.names, func(a, b sentenceNames) int { return cmp.Compare(a.sentence, b.sentence) })
	return k.names
}

func (s *Stream) newSweep(st Store, workers int) *sweep {
	slices.SortFunc(s.entries, func(a, b *streamEntry) int { return strings.Compare(a.id, b.id) })
	sw := &sweep{s: s, store: st, post: map[int32][]int32{}, open: map[int32]*openDoc{},
		comps: map[int32]*comp{}, uPost: map[int32][]int32{}, uBest: map[int32]undatedBest{}, uNames: map[string]bool{},
		uLeads: map[string]*lead{}, kept: map[string]*keptInfo{}, jobs: make(chan storyJob, workers)}
	sw.all = make([]string, 0, len(s.entries))
	sw.ids, sw.ent = make([]string, 0, len(s.entries)), make([]*streamEntry, 0, len(s.entries))
	for _, e := range s.entries {
		sw.all = append(sw.all, e.id)
		if !e.skipped {
			sw.ids = append(sw.ids, e.id)
			sw.ent = append(sw.ent, e)
		}
	}
	n := len(sw.ids)
	s.entries = nil
	sw.copies = newCopyGroups(n, s.counts)
	limit := maxPosting(n)
	// The keyword counts stay, as the index of the keywords: kwPost numbers
	// those indexed (a map from key to posting held a copy of every key
	// and cost half as much again).
	sw.kw, sw.kwPost = s.df, make([]int32, 0, s.df.len())
	s.df.each(func(key []byte, c int32) {
		if c >= 2 && int(c) <= limit {
			sw.kwPost = append(sw.kwPost, int32(len(sw.kwKind)))
			sw.kwKind = append(sw.kwKind, keyword{class: key[0]}.kind()) // the key's first byte is its class
			sw.kwDF = append(sw.kwDF, c)
		} else {
			sw.kwPost = append(sw.kwPost, -1)
		}
	})
	s.df = nil
	if slices.ContainsFunc(sw.ent, func(e *streamEntry) bool { return e.words != nil }) {
		sw.docFreq = s.docFreq.atLeast(2) // only regroup's veto reads it, and asks docFreq[n] >= 2
	}
	s.docFreq = nil
	sw.parent = newUnionFind(n)
	sw.compOf = make([]int32, n)
	for i, e := range sw.ent {
		sw.compOf[i] = -1
		if e.words == nil {
			continue
		}
		l := &e.words.lead
		sw.uLeads[e.id] = l
		for _, nm := range l.names {
			sw.uNames[nm] = true
		}
		for _, p := range sw.postings(e.words.keywords) {
			if sw.kwDF[p] <= maxWindowPosting {
				sw.uPost[p] = append(sw.uPost[p], int32(i))
			}
		}
		sw.uBest[int32(i)] = undatedBest{j: -1}
		sw.copies.addUndated(int32(i), e.words.shingles)
	}
	sw.copies.undatedPairs(sw.ent)
	for w := 0; w < workers; w++ {
		sw.wg.Add(1)
		go sw.worker()
	}
	return sw
}
