// Package extract turns documents into claims by running rule-driven
// steps over a single token scan of each document.
//
// A Step is a plain function over a Pass, and the engine runs its Steps in
// a fixed order: that order is the whole contract between them (see Step).
// Steps never print or read files. The Engine compiles the rule set's
// pattern indexes once and can then be shared by any number of goroutines.
package extract

import (
	"maps"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/segment"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/rules"
)

// Step reads one family of claims from a pass. The engine runs its Steps
// in order, and the order is the whole contract between them: a step
// reports claims and blocks the tokens it used (Pass.Block), and later
// steps skip blocked tokens. Furniture comes first (it blocks "3 minute
// read" and reports nothing), Dates before Numbers (the 2024 of a date is
// not a count) and Numbers before Ordinals. No step reads another's
// results. Frames are assigned after the last step, over all the claims.
//
// (Steps were once Extractor values shaped like go/analysis Analyzers, with
// a name, doc line and kinds that nothing read, and an order fixed in New
// all the same; a plain sequence says what happens.)
type Step func(*Pass)

// DefaultSteps is the production sequence.
func DefaultSteps() []Step { return []Step{Furniture, Dates, Numbers, Ordinals} }

// Pass is what a step sees of one document.
type Pass struct {
	Doc   *claims.Document
	Lang  *rules.Language
	Rules *rules.Set
	Toks  []token.Token

	engine  *Engine
	index   *langIndex // the engine's indexes for Lang
	scratch *scratch
	blocked []bool
	sents   []segment.Span
	claims  []*claims.Claim
	evoked  []bool       // per frame: a trigger of it occurs in the text (see evokes)
	bounds  boundaries   // clause and comma counts, built as frame assignment needs them
	tenses  tenseTable   // tense words over long spans, built as the date step needs them
	quake   sentenceFlag // quakeSentence's last answer
	tokHint int          // tokenAt's last answer, where its next search starts
	lastSI  int          // sentenceIndex's last answer
	// sentToks holds the token range [a, b) of sentence si, as a+1 and
	// b at 2*si and 2*si+1, once sentenceTokens has found it (0 before),
	// and lastSentB the end of the last range found, where the next
	// search starts.
	sentToks     []int32
	lastSentB    int
	lastClause   clauseRange       // Clause's last answer
	tws          []rules.TokenWord // what index.vocab read at the tokens, once words has read it
	floats       floatArena        // the bounds of the document's numbers (see alloc.go)
	made         claimArena        // its date and number claims (see alloc.go)
	yearNotes    [4]yearNote       // yearNote's last answers
	nextYearNote int               // the slot of yearNotes written next
	ordCands     ordinalCands      // the tokens scanNumbers listed for scanOrdinals
}

// words returns what the language's Vocab reads at the tokens, reading it
// on the first call: the furniture and date indexes both need it (see
// rules.Vocab). newPass calls it first, as the read also numbers the
// tokens (token.Token.Word), which the phrase tables then look up by: a
// token of the reused buffer keeps the number of the last document's.
func (p *Pass) words() []rules.TokenWord {
	if p.tws == nil {
		p.tws = p.index.vocab.Read(p.Toks, p.scratch.tws)
		p.scratch.tws = p.tws
	}
	return p.tws
}

// Report records a claim. Steps set Kind, Rule, Start, End, Value and
// Date or Num; the engine fills in the rest.
func (p *Pass) Report(c *claims.Claim) { p.claims = append(p.claims, c) }

// Block marks tokens [i, j) as used so later steps skip them.
func (p *Pass) Block(i, j int) {
	for k := i; k < j && k < len(p.blocked); k++ {
		p.blocked[k] = true
	}
}

// Blocked reports whether any token in [i, j) is used.
func (p *Pass) Blocked(i, j int) bool {
	for k := i; k < j && k < len(p.blocked); k++ {
		if p.blocked[k] {
			return true
		}
	}
	return false
}

// Engine holds compiled indexes for a rule set.
type Engine struct {
	Rules *rules.Set
	// Steps run in order on every document (DefaultSteps; benchmarks and
	// tests run a prefix or their own).
	Steps []Step
	langs map[string]*langIndex
	// langWords gives, for a lower-case word, its weight as evidence for
	// each language (by index in Rules.Codes), built once so detection is
	// one map lookup per token.
	langWords rules.WordMap[[]uint8]
	langMax   uint8 // the largest weight in langWords
	// langMasks is a filter of the words that weigh for each language, one
	// bit each (langBit, by index in Rules.Codes) at the place of a word's
	// hash in a rules.WideFilter: one byte read tells which languages a
	// token may count for.
	langMasks *[1 << 15]uint8
	// skipByFirst holds every language's non-empty SkipLines prefixes by
	// their first byte, so that a line is compared only with the prefixes
	// it can start with: comparing each line with every prefix of every
	// language cost 2% of extraction.
	skipByFirst [256][]string
	// skipSeconds[c] is the set of second bytes of the prefixes
	// skipByFirst[c] holds, every byte for a prefix of one byte
	// (maySkipLine): most lines that open with a prefix's first letter
	// go on with no prefix's second.
	skipSeconds [256][4]uint64
	skipEmpty   bool      // some prefix is empty: every line is skipped
	bufs        sync.Pool // *scratch buffers reused across documents
	// attrNames[fi][ai] is Frames[fi].AttributeName(ai), made once: the
	// frame step named the attribute of each claim anew.
	attrNames [][]string
}

// attrName is the name of attribute ai of frame fi ("casualties.killed"),
// made anew only by an engine that New did not make.
func (e *Engine) attrName(fi, ai int) string {
	if fi < len(e.attrNames) {
		return e.attrNames[fi][ai]
	}
	return e.Rules.Frames[fi].AttributeName(ai)
}

// scratch is one document's working memory, pooled: tokens, the blocked
// flags and the anchor masks of the pattern indexes were the largest
// allocations per document.
type scratch struct {
	toks    []token.Token
	blocked []bool
	masks   []uint64
	tws     []rules.TokenWord // Pass.words
	// matches holds scanDates' matches, and counts the storage of the
	// four prefix counts of boundaries: both were allocated per document
	// and grew with it (a Match is 448 bytes; the counts four int32 per
	// token).
	matches matchList
	counts  []int32
	// tenseCounts is the storage of tenseTable's two prefix counts, which
	// only a page of long clauses builds, for two int32 per token.
	tenseCounts []int32
	// sentToks is Pass.sentToks' storage.
	sentToks []int32
	// sents is Pass.sents' storage: the spans are read only during the
	// pass (claims copy theirs).
	sents []segment.Span
	// ordCands is Pass.ordCands' storage.
	ordCands []int32
	// tally is what the scan counted for language detection (tallyFor).
	tally token.Tally
	// sortBuf is sortByStart's working storage (cleared after each use).
	sortBuf []*claims.Claim
	// pass is the document's Pass: some 800 bytes that every document
	// allocated, and that nothing keeps after ExtractThen.
	pass Pass
	// assignFrames' per-claim working slices and sentence evidence
	// (frameAssigner).
	cands  []frameCandidate
	scores []frameScore
	slot   []int32
	evs    [2][]evidence
	// frameAssigner.acceptMemo and attrBase, which depend only on the
	// engine's rules.
	acceptMemo map[acceptKey][]int8
	attrBase   []int
	wide       []rules.AttrRef
	kinds      *kindCache // frameAssigner.kinds, kept the same way
}

// langIndex is what the engine keeps for one language. New makes one
// for each language of the rules, and the first document in the language
// builds it (built): a run mostly reads one language, and the indexes of
// a language it does not read were a fixed cost of every run (6 M
// instructions for Indonesian's, 17 M for English's).
type langIndex struct {
	once sync.Once
	set  *rules.Set
	code string
	lang *rules.Language

	vocab     *rules.Vocab // the words of both indexes, numbered (Pass.words)
	dates     *rules.Index // dates, relative expressions and durations, longest match wins
	furniture *rules.Index
	// The Rule of number and ordinal claims ("en/number"), joined once
	// instead of for every claim.
	numberRule, ordinalRule string
	// pastSuffixes is the language's past_suffix list as a slice: ranging
	// over the word set for each word cost a map iteration each.
	pastSuffixes []string
	// progressiveSuffixes is the progressive_suffix list, the same way
	// (Pass.futureInPast).
	progressiveSuffixes []string
	// Filters joined from the language's tables, so that a scan over every
	// word turns most away with one bit test instead of one per table:
	// markers, the first words of the clause words and of the tense
	// markers (boundaries.extend); numberOpens, the lexicon words and the
	// first words of units (scanNumbers).
	markers, numberOpens rules.WordFilter
	// lanes tell, at one load a word, which of the evidence tables
	// (triggers, attribute words, participants) may open a phrase there
	// (evidenceLanes): readEvidence and the clock times' participant
	// readers ask them. Built once with the rest, from the rules alone.
	lanes rules.LaneFilter
	// ordPrefixFirst marks the first bytes of the language's ordinal
	// prefixes ("ke-"), all unmarked when it has none (scanNumbers and
	// scanOrdinalsAll turn away a word no prefix can open by it).
	ordPrefixFirst [256]bool
	// magnitude is the index of the "magnitude" unit in the language's
	// UnitList (-1 when it has none), found once here: the number reader
	// asks for it at every "M7.8", quake figure and capital M, and
	// walked the unit list by name for each.
	magnitude int
}

// newLangIndex returns what the engine keeps for language l (code
// code), to be built when first asked for (built).
func newLangIndex(set *rules.Set, code string, l *rules.Language) *langIndex {
	return &langIndex{set: set, code: code, lang: l}
}

// built returns li, built on the first call (by any goroutine: the
// engine reads documents concurrently).
func (li *langIndex) built() *langIndex {
	li.once.Do(li.build)
	return li
}

// build fills li's indexes and filters.
func (li *langIndex) build() {
	set, code, l := li.set, li.code, li.lang
	li.vocab = rules.NewVocab(l)
	li.dates = rules.NewIndexIn(li.vocab, l.Dates, l.Relative, l.Durations)
	li.furniture = rules.NewIndexIn(li.vocab, l.Furniture)
	li.numberRule, li.ordinalRule = code+"/number", code+"/ordinal"
	li.pastSuffixes = slices.Sorted(maps.Keys(l.WordSet(rules.ListPastSuffix)))
	li.progressiveSuffixes = slices.Sorted(maps.Keys(l.WordSet(rules.ListProgressiveSuffix)))
	li.magnitude = unitIndex(l, "magnitude")
	set.ClauseWords.AddFirsts(&li.markers)
	l.Future.AddFirsts(&li.markers)
	l.Past.AddFirsts(&li.markers)
	l.AddLexical(&li.numberOpens)
	l.Units.AddFirsts(&li.numberOpens)
	evidenceLanes(set, &li.lanes)
	l.OrdinalPrefixFirsts(&li.ordPrefixFirst)
}

// New compiles an engine for a rule set.
func New(set *rules.Set) *Engine {
	e := &Engine{Rules: set, langs: map[string]*langIndex{}}
	for code, l := range set.Languages {
		e.langs[code] = newLangIndex(set, code, l)
	}
	e.langMasks = new([1 << 15]uint8)
	for li, code := range set.Codes {
		l := set.Languages[code]
		for _, w := range l.Words() {
			weight := uint8(1)
			if l.Detect[w] {
				weight = 2
			}
			ws := e.langWords.Ptr(w)
			if *ws == nil {
				*ws = make([]uint8, len(set.Codes))
			}
			(*ws)[li] = weight
			e.langMax = max(e.langMax, weight)
			e.langMasks[token.HashString(w)>>17] |= 1 << langBit(li)
		}
	}
	for _, code := range set.Codes {
		for _, pre := range set.Languages[code].SkipLines {
			if pre == "" {
				e.skipEmpty = true
				continue
			}
			e.skipByFirst[pre[0]] = append(e.skipByFirst[pre[0]], pre)
			seconds := &e.skipSeconds[pre[0]]
			if len(pre) == 1 {
				*seconds = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			} else {
				seconds[pre[1]>>6] |= 1 << (pre[1] & 63)
			}
		}
	}
	e.attrNames = make([][]string, len(set.Frames))
	for fi, fr := range set.Frames {
		for ai := range fr.Attributes {
			e.attrNames[fi] = append(e.attrNames[fi], fr.AttributeName(ai))
		}
	}
	e.Steps = DefaultSteps()
	return e
}

// maySkipLine reports whether a line that starts rest (which runs on
// past the line's end, or is the text's end) may open with a SkipLines
// prefix: false is certain, so that most lines are turned away before
// their end is found and skipsLine compares them. Its first two bytes,
// lowered while ASCII, decide: a line that opens with the first letter of
// some prefix ("s", "c", "a", ...: most lines) mostly goes on with no
// such prefix's second. (A line of one byte has its line break or the
// text's end second, which no prefix of two bytes or more has there.)
func (e *Engine) maySkipLine(rest string) bool {
	c := rest[0]
	if c >= 0x80 || e.skipEmpty {
		return true // lowering a non-ASCII letter may change its first byte
	}
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if len(e.skipByFirst[c]) == 0 {
		return false
	}
	if len(rest) < 2 || rest[1] >= 0x80 {
		return true // skipsLine decides: Unicode lowering, or a short text
	}
	c1 := rest[1]
	if c1 >= 'A' && c1 <= 'Z' {
		c1 += 'a' - 'A'
	}
	return e.skipSeconds[c][c1>>6]&(1<<(c1&63)) != 0
}

// skipsLine reports whether line opens with one of the languages'
// SkipLines prefixes, as skipLine does of its head in lower case. A line
// whose first byte is ASCII is compared in place, each prefix with the
// line's bytes folded to lower case, while they are ASCII; lowering and
// copying the first 48 bytes of every line whose first letter some prefix
// has ("s", "c", "a", ...: most lines) cost a percent of extraction.
func (e *Engine) skipsLine(line string) bool {
	if len(line) > 0 && line[0] < utf8.RuneSelf && !e.skipEmpty {
		c := line[0]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, pre := range e.skipByFirst[c] {
			switch foldedPrefix(line, pre) {
			case prefixYes:
				return true
			case prefixUnsure:
				return e.skipLine(lowerHead(line))
			}
		}
		return false
	}
	return e.skipLine(lowerHead(line))
}

// What foldedPrefix found.
const (
	prefixNo = iota
	prefixYes
	prefixUnsure // a byte beyond ASCII came first: Unicode lowering decides
)

// foldedPrefix compares the line's first len(pre) bytes, ASCII letters
// lowered, with pre (a prefix in lower case, as skipLine compares them
// within a 48-byte head).
func foldedPrefix(line, pre string) int {
	if len(pre) > 48 {
		return prefixNo // beyond the head skipLine compares
	}
	for k := 0; k < len(pre); k++ {
		if k >= len(line) {
			return prefixNo
		}
		c := line[k]
		if c >= utf8.RuneSelf {
			return prefixUnsure
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != pre[k] {
			return prefixNo
		}
	}
	return prefixYes
}

// lowerHead is a line's first 48 bytes in lower case: skipLine's head.
// Only lines skipsLine cannot decide in place come here.
func lowerHead(line string) []byte {
	head := []byte(line[:min(len(line), 48)])
	for k, c := range head {
		if c >= 0x80 {
			return []byte(strings.ToLower(line[:min(len(line), 48)]))
		}
		if c >= 'A' && c <= 'Z' {
			head[k] = c + 'a' - 'A'
		}
	}
	return head
}

// skipLine reports whether a line whose head (its first 48 bytes, lower
// case) is head opens with one of the languages' SkipLines prefixes.
func (e *Engine) skipLine(head []byte) bool {
	if e.skipEmpty {
		return true
	}
	if len(head) == 0 {
		return false
	}
	for _, pre := range e.skipByFirst[head[0]] {
		if len(head) >= len(pre) && string(head[:len(pre)]) == pre {
			return true
		}
	}
	return false
}

// Extract reads every claim of doc. It fills doc.Language and doc.Published
// when the input did not give them (detected / read from a dateline).
func (e *Engine) Extract(doc *claims.Document) []*claims.Claim {
	return e.ExtractThen(doc, nil)
}

// ExtractThen is Extract that also hands then the document's tokens (as
// token.Scan gives them; valid only during the call) with its claims,
// before their buffer is reused: a caller that needs the tokens too (the
// comparison's grouping words) need not scan the text again. then is not
// called for a skipped document.
func (e *Engine) ExtractThen(doc *claims.Document, then func(toks []token.Token, cs []*claims.Claim)) []*claims.Claim {
	if doc.Status == claims.StatusSkipped {
		return nil
	}
	sc, _ := e.bufs.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	// Claims keep no reference to tokens, masks or flags, so the buffers
	// can be reused.
	defer e.bufs.Put(sc)
	p := e.newPass(doc, sc)
	for _, step := range e.Steps {
		step(p)
	}
	out := p.claims
	sc.sortBuf = sortByStart(out, sc.sortBuf)
	maxLine, maxCol := 0, 0
	for _, c := range out {
		c.Line, c.Col = doc.Position(c.Start)
		maxLine, maxCol = max(maxLine, c.Line), max(maxCol, c.Col)
	}
	// No id is longer than one of the largest line and column: the ids'
	// buffer is sized by that, a few bytes more than they take, where
	// measuring each id first cost two digit counts a claim.
	ids := idArena{buf: make([]byte, 0, len(out)*idLength(doc.ID, maxLine, maxCol))}
	for _, c := range out {
		c.Doc = doc.ID
		c.Text = doc.Text[c.Start:c.End]
		c.ID = ids.id(doc.ID, c.Line, c.Col)
		c.Sentence = p.sentenceIndex(c.Start) + 1
		if c.Sentence > 0 && c.Sentence <= len(p.sents) {
			sp := p.sents[c.Sentence-1]
			c.SentenceStart, c.SentenceEnd = sp.Start, sp.End
		}
	}
	e.assignFrames(p, out)
	p.readContext(out)
	doc.Participants = p.Rules.NamedIn(p.Toks)
	if then != nil {
		then(p.Toks, out)
	}
	// The pass is pooled with the scratch: it must keep no document or
	// claim alive.
	*p = Pass{}
	return out
}

// newPass scans doc into the scratch buffers, settles its language and
// sentences, and blocks the lines the language skips.
func (e *Engine) newPass(doc *claims.Document, sc *scratch) *Pass {
	toks := token.ScanTally(doc.Text, sc.toks[:0], e.tallyFor(doc, sc))
	sc.toks = toks
	blocked := sc.blocked[:0]
	if cap(blocked) < len(toks) {
		blocked = make([]bool, len(toks))
	}
	blocked = blocked[:len(toks)]
	clear(blocked)
	sc.blocked = blocked
	e.setLanguage(doc, toks, &sc.tally)
	l := e.Rules.Languages[doc.Language]
	p := &sc.pass
	*p = Pass{Doc: doc, Lang: l, Rules: e.Rules, Toks: toks, engine: e, index: e.langs[doc.Language].built(), scratch: sc, blocked: blocked}
	p.words() // numbers the tokens for the phrase tables before any is asked
	p.sents = segment.AppendSentences(sc.sents[:0], doc.Text)
	sc.sents = p.sents
	p.blockSkipLines()
	return p
}

// setLanguage keeps a language given by metadata or flag when the rules know
// it, and otherwise counts each language's function words. tl holds what
// the scan of toks counted for it (tallyFor).
func (e *Engine) setLanguage(doc *claims.Document, toks []token.Token, tl *token.Tally) {
	if e.knowsLanguage(doc) {
		return
	}
	if doc.Language != "" {
		doc.Warnings = append(doc.Warnings, "no rules for language "+strconv.Quote(doc.Language)+"; detected from the text instead")
	}
	// Function words count two; other lexicon words (month, weekday and
	// number words, units) one; a word both languages know counts for both.
	var two [2]int
	var bitsLeft [maxLangBits]int
	scores, left := two[:], bitsLeft[:]
	if n := len(e.Rules.Codes); n != len(two) {
		scores = make([]int, n)
	}
	toks = toks[:min(len(toks), detectTokens)]
	e.candidatesLeft(tl, left)
	e.countUntilSettled(scores, left, toks)
	best, bestN := e.Rules.Codes[0], -1
	for li, code := range e.Rules.Codes {
		if scores[li] > bestN {
			best, bestN = code, scores[li]
		}
	}
	doc.Language, doc.LanguageSource = best, claims.SourceDetected
}

// knowsLanguage reports whether doc's language, given by metadata or
// flag, is one the rules know: then it is not detected.
func (e *Engine) knowsLanguage(doc *claims.Document) bool {
	_, ok := e.Rules.Languages[doc.Language]
	return ok && doc.Language != ""
}

// detectTokens is how many tokens from a document's start language
// detection reads at most.
const detectTokens = 3000

// maxLangBits is how many languages have a bit of their own in the masks
// of langMasks; the languages after share the last bit (langBit), which
// then counts the candidates of any of them: more than each has, which
// keeps the bound of settled safe.
const maxLangBits = 8

// langBit is language li's bit in a mask of langMasks.
func langBit(li int) int { return min(li, maxLangBits-1) }

// langMask is the bits of the languages word t may weigh for (langMasks;
// all of them for a token without a hash, which may be any word).
func langMask(masks *[1 << 15]uint8, t *token.Token) uint8 {
	if h := t.Hash; h != 0 {
		return masks[h>>17]
	}
	return 0xff
}

// langMasksUsed is one more than the largest mask of langMasks: the
// masks of the languages' bits (langBit), the only classes a tally of
// them counts.
func (e *Engine) langMasksUsed() int { return 1 << min(len(e.Rules.Codes), maxLangBits) }

// tallyFor readies sc's tally for the scan of doc, to count the words of
// its first detectTokens tokens by their mask of langMasks (the
// candidates of countUntilSettled), or returns nil when doc's language
// is known and not detected. The scanner counts them as it hashes each
// word: a pass of their own over the tokens cost a fifth of detection's
// reading of a whole article, which settles after a few dozen words.
func (e *Engine) tallyFor(doc *claims.Document, sc *scratch) *token.Tally {
	if e.knowsLanguage(doc) {
		return nil
	}
	tl := &sc.tally
	tl.Classes, tl.Limit = e.langMasks, detectTokens
	clear(tl.Counts[:e.langMasksUsed()])
	return tl
}

// candidatesLeft adds to left[langBit(li)] the words of the tally (see
// tallyFor) that langMasks gives language li for, the only tokens that
// may weigh for it.
func (e *Engine) candidatesLeft(tl *token.Tally, left []int) {
	for m := 1; m < e.langMasksUsed(); m++ {
		n := int(tl.Counts[m])
		for b := uint8(m); n != 0 && b != 0; b &= b - 1 {
			left[bits.TrailingZeros8(b)] += n
		}
	}
}

// countUntilSettled adds the weights of the candidate words of toks (see
// countCandidates) to each language's score, in order, taking each from
// the counts left, until the detection has settled.
//
// Only a language's candidates can still add to its score, at most
// langMax each: whether the detection has settled is asked every eight
// candidates, and between those the loop only counts. (Bounding what any
// language can gain by the tokens left, as detection once did, read three
// quarters of a typical article, and by all the candidates left, over
// half of them: an article holds few words of the languages it is not
// in, so it settles after a few dozen.) The candidates are found again
// here rather than listed by countCandidates, which then cost more than
// all the rest of detection.
func (e *Engine) countUntilSettled(scores, left []int, toks []token.Token) {
	const every = 8
	masks, weight, n := e.langMasks, int(e.langMax), 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Word {
			continue
		}
		m := langMask(masks, t)
		if m == 0 {
			continue
		}
		if n > 0 && n%every == 0 && settled(scores, left, weight) {
			return
		}
		n++
		for b := m; b != 0; b &= b - 1 {
			left[bits.TrailingZeros8(b)]--
		}
		ws := e.langWords.Ref(t)
		if ws == nil {
			continue
		}
		for li, w := range *ws {
			scores[li] += int(w)
		}
	}
}

// settled reports whether the language with the highest score (the first
// in code order of a tie) leads every other by more than that one can
// still gain, at most weight for each of its candidates left
// (left[langBit(li)]): then no later token changes the detection, and the
// rest of a long document need not be read. (The leader gains nothing in
// the worst case, and a lead of more than the other's gain cannot even be
// tied.) One language is settled at once.
func settled(scores, left []int, weight int) bool {
	lead := 0
	for li := range scores {
		if scores[li] > scores[lead] {
			lead = li
		}
	}
	for li := range scores {
		if li != lead && scores[lead]-scores[li] <= weight*left[langBit(li)] {
			return false
		}
	}
	return true
}

// blockSkipLines blocks lines that are page furniture in any language
// ("BACA JUGA: ...", "Copyright ...") and a leading front-matter block of
// "key: value" lines (date:, source:, title: ...), which is metadata, not
// reporting.
func (p *Pass) blockSkipLines() {
	text := p.Doc.Text
	p.blockFrontMatter()
	for i := 0; i < len(p.Toks); i = nextLineStart(p.Toks, i+1) {
		start := p.Toks[i].Start
		if !p.engine.maySkipLine(text[start:]) {
			continue
		}
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if !p.engine.skipsLine(text[start:end]) {
			continue
		}
		for j := i; j < len(p.Toks) && p.Toks[j].Start < end; j++ {
			p.blocked[j] = true
		}
	}
}

// nextLineStart returns the index of the first token from i on that
// starts a line (NewlineBefore), or len(toks) when none does. Few tokens
// do, so eight tokens' flags are tested at once: a test per token was most
// of blockSkipLines' cost.
func nextLineStart(toks []token.Token, i int) int {
	if i >= len(toks) {
		return len(toks)
	}
	rest := toks[i:]
	for len(rest) >= 8 {
		t := (*[8]token.Token)(rest)
		f := t[0].Flags | t[1].Flags | t[2].Flags | t[3].Flags | t[4].Flags | t[5].Flags | t[6].Flags | t[7].Flags
		if f&token.NewlineBefore != 0 {
			break
		}
		rest = rest[8:]
	}
	for len(rest) > 0 && rest[0].Flags&token.NewlineBefore == 0 {
		rest = rest[1:]
	}
	return len(toks) - len(rest)
}

// sentenceIndex returns the index of the sentence holding byte off (the
// first ending after it; the last when none does). The steps ask about
// the same sentence or the next one over and over, so the last answer is
// tried first, and then its successor, before a binary search.
func (p *Pass) sentenceIndex(off int) int {
	n, h := len(p.sents), p.lastSI
	if h < n && p.sents[h].End > off && (h == 0 || p.sents[h-1].End <= off) {
		return h
	}
	if h+1 < n && p.sents[h+1].End > off && p.sents[h].End <= off {
		p.lastSI = h + 1
		return h + 1
	}
	i := sort.Search(n, func(i int) bool { return p.sents[i].End > off })
	if i >= n {
		return n - 1
	}
	p.lastSI = i
	return i
}

// sentenceTokens returns the token range [a, b) of the sentence holding off.
// Each sentence's range is found once, when first asked for, and kept
// (sentToks): a search for it on each of the many questions about a
// sentence cost 7% of extraction on text of many short sentences.
func (p *Pass) sentenceTokens(off int) (int, int) {
	if len(p.sents) == 0 {
		return 0, len(p.Toks)
	}
	si := p.sentenceIndex(off)
	if p.sentToks == nil {
		st := p.scratch.sentToks
		if cap(st) < 2*len(p.sents) {
			st = make([]int32, 2*len(p.sents))
		}
		st = st[:2*len(p.sents)]
		clear(st)
		p.sentToks, p.scratch.sentToks = st, st
	}
	if a := p.sentToks[2*si]; a > 0 {
		return int(a) - 1, int(p.sentToks[2*si+1])
	}
	s := p.sents[si]
	a := firstTokenFrom(p.Toks, s.Start, p.lastSentB)
	b := firstTokenFrom(p.Toks, s.End, a)
	p.lastSentB = b
	p.sentToks[2*si], p.sentToks[2*si+1] = int32(a)+1, int32(b)
	return a, b
}

// tokenAt returns the index of the first token starting at or after byte
// off. The steps ask for the tokens of claims in text order, so the search
// starts from the previous answer (see firstTokenFrom): a binary search
// over a long document's tokens missed the cache at most of its steps,
// which cost 7% of extraction on a megabyte without a full stop.
func (p *Pass) tokenAt(off int) int {
	i := firstTokenFrom(p.Toks, off, p.tokHint)
	p.tokHint = i
	return i
}

// firstTokenFrom tries the nearTokens tokens after its hint one by one
// when off is at most nearBytes past the hint's start: a few tokens of
// news text.
const nearBytes, nearTokens = 32, 4

// walkTokens is how many tokens firstTokenFrom walks from its guess before
// it searches.
const walkTokens = 8

// firstTokenFrom returns the index of the first token of toks starting at
// or after byte off (len(toks) if none), searching from index hint: a
// guess of where off lies, a walk of a few tokens from it, then outwards
// in steps that double, and by halves between the last two.
func firstTokenFrom(toks []token.Token, off, hint int) int {
	n := len(toks)
	if n == 0 {
		return 0
	}
	hint = min(max(hint, 0), n-1)
	// A hint short of off, or far past it, is moved by a guess at the
	// tokens between, at the document's mean bytes a token, so that the
	// search covers the guess's error rather than the distance. (In 64
	// bits: d*n overflows 32 on a long document.)
	if d := off - toks[hint].Start; d > 0 || d < -nearBytes {
		// Most questions are about the next few tokens (claims a word
		// or two apart, each asked for in turn): those are tried one by
		// one first, when off is that near.
		if d > 0 && d <= nearBytes {
			for k := hint + 1; k < n && k <= hint+nearTokens; k++ {
				if toks[k].Start >= off {
					return k
				}
			}
		}
		q := int64(d) * int64(n) / int64(toks[n-1].End+1)
		hint = int(min(max(int64(hint)+q, 0), int64(n-1)))
	}
	// The guess is mostly a few tokens from the answer (on news text, 94%
	// of them within eight): those are walked one by one, a load and a
	// comparison each, before the search brackets the answer with steps
	// that cost several times that.
	if toks[hint].Start >= off {
		for k := 0; k < walkTokens; k++ {
			if hint == 0 || toks[hint-1].Start < off {
				return hint
			}
			hint--
		}
	} else {
		for k := 0; k < walkTokens; k++ {
			if hint++; hint == n || toks[hint].Start >= off {
				return hint
			}
		}
	}
	// The answer lies in [lo, hi].
	lo, hi := 0, n
	if toks[hint].Start >= off {
		hi = hint
		for step := 1; hi-step >= 0; step *= 2 {
			if toks[hi-step].Start < off {
				lo = hi - step + 1
				break
			}
			hi -= step
		}
	} else {
		lo = hint + 1
		for step := 1; lo-1+step < n; step *= 2 {
			if toks[lo-1+step].Start >= off {
				hi = lo - 1 + step
				break
			}
			lo += step
		}
	}
	// By halves, as sort.Search would, written out: its call through a
	// closure cost more than the few steps it takes.
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].Start >= off {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// Tense reports TenseFuture, TensePast or TenseNone for token i: the tense of its own
// clause when the clause marks one, else of its sentence. In "The meeting,
// which set the goals for the upcoming year, closed on Friday", the date's
// clause ("closed on Friday ...") is past although the sentence also looks
// ahead. Future markers win over past ones within a span.
func (p *Pass) Tense(i int) claims.Tense {
	if i >= len(p.Toks) {
		return ""
	}
	if t := p.ClauseTense(i); t != "" {
		return t
	}
	return p.SentenceTense(i)
}

// ClauseTense is the tense the markers of token i's own clause give, or "".
func (p *Pass) ClauseTense(i int) claims.Tense {
	ca, cb := p.Clause(i)
	return p.spanTense(ca, cb)
}

// Clause returns the token range of the clause holding token i. The
// boundaries are found from prefix counts (see boundaries), so a clause
// thousands of tokens long costs no more than a short one.
func (p *Pass) Clause(i int) (int, int) {
	a, b := p.sentenceTokens(p.Toks[i].Start)
	bs := &p.bounds
	bs.extend(p, max(b, i))
	// Every token of a clause (in one sentence) has the same answer, and
	// the dates of a clause ask one after the other: the last answer is
	// kept, since the two binary searches cost 7% of extraction on a page
	// of dates without a comma.
	if lc := &p.lastClause; lc.ok && lc.a == a && lc.b == b && lc.ca <= i && i < lc.cb {
		return lc.ca, lc.cb
	}
	ca, cb := p.clauseSearch(a, b, i)
	p.lastClause = clauseRange{a: a, b: b, ca: ca, cb: cb, ok: true}
	return ca, cb
}

// clauseRange is one answer of Clause: tokens [ca, cb) are a clause of the
// sentence of tokens [a, b).
type clauseRange struct {
	a, b, ca, cb int
	ok           bool
}

// clauseSearch is Clause's search, in the break counts, for the clause of
// token i in the sentence of tokens [a, b) (see clauseStart and clauseEnd).
func (p *Pass) clauseSearch(a, b, i int) (int, int) {
	clause := p.bounds.clause
	ca, cb := i, i
	if i > a {
		ca = clauseStart(clause, a, i)
	}
	if i < b {
		cb = clauseEnd(clause, i, b)
	}
	return ca, cb
}

// SentenceTense is the tense the markers of token i's sentence give. (The
// sentence's range is kept by sentenceTokens, and spanTense answers from
// the marker counts, so nothing more is kept per sentence: a map of the
// answers grew with the document.)
func (p *Pass) SentenceTense(i int) claims.Tense {
	a, b := p.sentenceTokens(p.Toks[i].Start)
	return p.spanTense(a, b)
}

// spanTense is the tense the markers in tokens [a, b) give, from the
// marker counts (boundaries), in constant time.
func (p *Pass) spanTense(a, b int) claims.Tense {
	b = min(b, len(p.Toks))
	if a >= b {
		return claims.TenseNone
	}
	bs := &p.bounds
	bs.extend(p, b)
	if bs.future[b] > bs.future[a] {
		return claims.TenseFuture
	}
	if bs.past[b] > bs.past[a] {
		return claims.TensePast
	}
	return claims.TenseNone
}

// clauseBreak reports a token that separates clauses: a comma (not inside
// a number), semicolon, colon, bracket or dash, or a clause word ("and",
// "dan").
func (p *Pass) clauseBreak(k int) bool {
	switch t := p.Toks[k].Text; {
	case t == "," || t == ".":
		return !inNumber(p.Toks, k)
	case clauseMark(t):
		return true
	}
	return p.Rules.ClauseWords.MayStart(&p.Toks[k]) && p.Rules.ClauseWords.Has(p.Toks, k)
}

// clauseMark reports punctuation that always ends a clause: semicolon,
// colon, bracket, dash. (A comma or period does too, unless it sits inside
// a number; each caller checks that its own way.) frames.go's
// clauseBetween still spells the set out.
func clauseMark(t string) bool {
	switch t {
	case ";", ":", "(", ")", "—", "–":
		return true
	}
	return false
}

// pubDate returns the publication date, or the zero time.
func (p *Pass) pubDate() time.Time { return p.Doc.Published }

// Furniture blocks page furniture ("3 minute read", copyright lines) so
// that no later step reads it. It reports nothing.
func Furniture(p *Pass) {
	idx := p.index.furniture
	if !idx.MayMatchIn(p.words()) {
		return // most documents: no "read", "copyright" or "c"
	}
	masks := idx.AnchorsRead(p.Toks, p.words(), p.scratch.masks)
	p.scratch.masks = masks
	var m rules.Match
	for i := nextStart(idx, masks, 0); i < len(p.Toks); i = nextStart(idx, masks, i+1) {
		if idx.LongestInto(p.Toks, masks, i, nil, &m) {
			p.Block(m.Start, m.End)
			i = m.End - 1
		}
	}
}

// nextStart returns the first token from i on that idx may start a match
// at (idx.MayStart), or len(masks). Furniture starts are a handful a
// document, so the masks of eight tokens are tested at once, joined:
// one has a start's bit if their union has (MayStart reads one mask's
// bits, whichever tokens they come from). A test per token was most of
// the furniture step's own cost.
func nextStart(idx *rules.Index, masks []uint64, i int) int {
	for ; i+8 <= len(masks); i += 8 {
		m := (*[8]uint64)(masks[i:])
		union := [1]uint64{m[0] | m[1] | m[2] | m[3] | m[4] | m[5] | m[6] | m[7]}
		if idx.MayStart(union[:], 0) {
			break
		}
	}
	for ; i < len(masks) && !idx.MayStart(masks, i); i++ {
	}
	return i
}

// blockFrontMatter blocks the "key: value" lines (and "---" fences) at the
// very top of a document.
func (p *Pass) blockFrontMatter() {
	text := p.Doc.Text
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := strings.TrimSpace(text[pos:end])
		if line != "---" && !isFrontMatterLine(line) {
			break
		}
		// A headline is reporting: only the key of a "title:" line is
		// metadata, its value is read as text ("title: Quake injures 80").
		blockEnd := end
		if k, _, _ := strings.Cut(line, ":"); textKeys[k] {
			blockEnd = pos + strings.IndexByte(text[pos:end], ':') + 1
		}
		for i := p.tokenAt(pos); i < len(p.Toks) && p.Toks[i].Start < blockEnd; i++ {
			p.blocked[i] = true
		}
		pos = end + 1
	}
}

// textKeys are the front-matter keys whose value is article text.
var textKeys = map[string]bool{"title": true}

// isFrontMatterLine: a short lower-case key, a colon, a value.
func isFrontMatterLine(line string) bool {
	_, ok := claims.FrontMatterKey(line)
	return ok
}
