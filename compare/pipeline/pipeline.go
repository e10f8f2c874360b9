// Package pipeline runs crosscheck end to end on documents already read:
// extraction (in parallel, one worker per core), comparison and the report.
// The CLI, the verify harness and users' test suites all call it, so they
// see exactly the same findings.
package pipeline

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/report"
	"github.com/crosscheck/crosscheck/rules"
)

// Options controls a run.
type Options struct {
	Rules    *rules.Set // nil = the built-in rules
	Language string     // force every document's language (e.g. "id"); "" = metadata or detection
	Workers  int        // extraction goroutines; 0 = GOMAXPROCS
	// Progress, when set, is called after each document is extracted.
	Progress func(done, total int)
	// LazyClaims builds the report without converting its claims
	// (report.Input.LazyClaims): for the JSON and JSON Lines renderers,
	// which convert each claim as they write it.
	LazyClaims bool
	// GroupOnly tells stories and copies without comparing claims
	// (compare.Group): the report has no findings. For listing claims.
	GroupOnly bool
	// Stream compares a story at a time (compare.Stream) instead of all
	// claims at once. The result is the same; it is how archives too large
	// for memory are compared (see RunArchive), and the cases run both
	// ways to prove it.
	Stream bool
}

// Result is a run's output: the report and the intermediate values callers
// may want (the HTML renderer needs document texts for context).
type Result struct {
	Report    *report.Report
	Documents []*claims.Document
	Claims    []*claims.Claim
	Compare   compare.Result
}

var (
	engineMu sync.Mutex
	engines  = map[*rules.Set]*extract.Engine{}
)

// Engine returns the compiled engine for a rule set, building it once.
func Engine(set *rules.Set) *extract.Engine {
	engineMu.Lock()
	defer engineMu.Unlock()
	e := engines[set]
	if e == nil {
		e = extract.New(set)
		engines[set] = e
	}
	return e
}

// workers is how many goroutines extract: opt.Workers, or GOMAXPROCS.
func (opt Options) workers() int {
	if opt.Workers > 0 {
		return opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// progress calls f (Options.Progress, may be nil) after each of total
// documents is extracted; safe for concurrent use.
type progress struct {
	mu          sync.Mutex
	done, total int
	f           func(done, total int)
}

func newProgress(f func(done, total int), total int) *progress {
	return &progress{f: f, total: total}
}

func (p *progress) one() {
	if p.f == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.f(p.done, p.total)
}

// ruleSet is opt's rule set, or the built-in rules.
func (opt Options) ruleSet() (*rules.Set, error) {
	if opt.Rules != nil {
		return opt.Rules, nil
	}
	return rules.Builtin()
}

// Extract reads the claims of every document in parallel. The output is
// ordered by document id then offset, whatever the scheduling.
func Extract(docs []*claims.Document, opt Options) ([]*claims.Claim, error) {
	cs, _, err := extractWords(docs, opt, false)
	return cs, err
}

// extractWords is Extract that, when words is set, also reads each
// document's grouping words from extraction's tokens (compare.Analyser),
// so that comparing does not scan the texts again.
func extractWords(docs []*claims.Document, opt Options, words bool) ([]*claims.Claim, map[string]*compare.Words, error) {
	set, err := opt.ruleSet()
	if err != nil {
		return nil, nil, err
	}
	eng := Engine(set)
	var an *compare.Analyser
	var perWords []*compare.Words
	if words {
		an = compare.NewAnalyser(set)
		perWords = make([]*compare.Words, len(docs))
	}
	if opt.Language != "" {
		for _, d := range docs {
			d.Language, d.LanguageSource = opt.Language, claims.SourceFlag
		}
	}
	workers := opt.workers()
	per := make([][]*claims.Claim, len(docs))
	// Workers take the next document from a shared counter, not a
	// channel: a handoff per document through an unbuffered channel woke a
	// sleeping worker thread almost every time (about 3,900 futex calls on
	// 2,100 articles, a few percent of the run in system time).
	var next atomic.Int64
	var wg sync.WaitGroup
	prog := newProgress(opt.Progress, len(docs))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) {
					return
				}
				if an == nil {
					per[i] = eng.Extract(docs[i])
				} else {
					per[i] = eng.ExtractThen(docs[i], func(toks []token.Token, _ []*claims.Claim) {
						perWords[i] = an.Words(docs[i], toks)
					})
				}
				prog.one()
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, cs := range per {
		n += len(cs)
	}
	var out []*claims.Claim // nil when there are none, as before
	if n > 0 {
		out = make([]*claims.Claim, 0, n)
	}
	for _, cs := range per {
		out = append(out, cs...)
	}
	report.SortClaims(out) // mostly sorted already: documents usually come in id order
	var ws map[string]*compare.Words
	if words {
		ws = make(map[string]*compare.Words, len(docs))
		for i, w := range perWords {
			if w != nil {
				ws[docs[i].ID] = w
			}
		}
	}
	return out, ws, nil
}

// Run extracts, compares and builds the report.
func Run(docs []*claims.Document, opt Options) (*Result, error) {
	set, err := opt.ruleSet()
	if err != nil {
		return nil, err
	}
	opt.Rules = set
	cs, words, err := extractWords(docs, opt, !opt.Stream)
	if err != nil {
		return nil, err
	}
	var cr compare.Result
	if opt.GroupOnly {
		cr = compare.GroupWords(docs, cs, set, words)
	} else if opt.Stream {
		cr = compareByStory(docs, cs, set)
	} else {
		cr = compare.CompareWords(docs, cs, set, words)
	}
	in := report.Input{Documents: docs, Claims: cs, Findings: cr.Findings, Agreements: cr.Agreements,
		Stories: cr.StoryOf, Syndicated: cr.Copies, LazyClaims: opt.LazyClaims}
	return &Result{Report: report.Build(in), Documents: docs, Claims: cs, Compare: cr}, nil
}

// compareByStory compares documents already in memory through
// compare.Stream, as RunArchive does with documents read back from disk.
func compareByStory(docs []*claims.Document, cs []*claims.Claim, set *rules.Set) compare.Result {
	byDoc := claimsByDoc(cs)
	s := compare.NewStream(set)
	store := compare.NewMemStore()
	for _, d := range docs {
		store.Put(d, byDoc[d.ID], s.Add(d, byDoc[d.ID]))
	}
	res, _, err := s.Run(store, runtime.GOMAXPROCS(0))
	if err != nil {
		panic(err) // a MemStore holds every document added
	}
	return res
}

// claimsByDoc splits claims (in document order) by document.
func claimsByDoc(cs []*claims.Claim) map[string][]*claims.Claim {
	out := map[string][]*claims.Claim{}
	for lo := 0; lo < len(cs); {
		hi := lo + 1
		for hi < len(cs) && cs[hi].Doc == cs[lo].Doc {
			hi++
		}
		out[cs[lo].Doc] = cs[lo:hi:hi]
		lo = hi
	}
	return out
}
