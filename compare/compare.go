package compare

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// Result is everything the comparison found.
type Result struct {
	Findings   []Finding
	Agreements []Agreement
	Stories    []Story
	StoryOf    map[string]int      // document id -> story id
	SourceOf   map[string]string   // document id -> source id (syndicated copies share one)
	Copies     map[string][]string // document id -> its syndicated copies
}

// Compare aligns claims across documents and reports discrepancies.
// Claims are compared only when they speak of the same frame and attribute,
// about the same occurrence of the event, from different sources.
func Compare(docs []*claims.Document, cs []*claims.Claim, set *rules.Set) Result {
	return compareWith(docs, cs, set, nil, nil)
}

// CompareWords is Compare with the documents' grouping words read
// beforehand (words[id]; a document without them is read here): the same
// result, without scanning the texts again.
func CompareWords(docs []*claims.Document, cs []*claims.Claim, set *rules.Set, words map[string]*Words) Result {
	return compareWith(docs, cs, set, words, nil)
}

// Group tells the stories and syndicated copies of the documents as
// Compare does, without comparing any claim: Result's Stories, StoryOf,
// SourceOf and Copies, no findings. It is what `crosscheck claims` needs
// (each document's story), at a fraction of the cost.
func Group(docs []*claims.Document, cs []*claims.Claim, set *rules.Set) Result {
	return GroupWords(docs, cs, set, nil)
}

// GroupWords is Group with words read beforehand, as in CompareWords.
func GroupWords(docs []*claims.Document, cs []*claims.Claim, set *rules.Set, given map[string]*Words) Result {
	read := readDocs(docs)
	words := analyseWith(read, set, stopWords(set), given)
	addFigures(leadsOf(read, words), cs)
	return groupDocs(read, words).Result
}

// compareWith is Compare, keeping a trace of every claim in ex when ex is
// not nil.
func compareWith(docs []*claims.Document, cs []*claims.Claim, set *rules.Set, given map[string]*Words, ex *Explanation) Result {
	read := readDocs(docs)
	stop := stopWords(set)
	// Participants named anywhere in a document (not only in its claims'
	// sentences) are canonical across languages, the strongest sign that
	// two articles tell the same story; analyse reads them with the words
	// syndication and story grouping need, in one scan of each text.
	words := analyseWith(read, set, stop, given)
	addFigures(leadsOf(read, words), cs)
	g := groupDocs(read, words)
	cm := newComparer(set, read, &g.Result, g, stop, ex)
	cm.backgroundSentences(cs)
	cm.bgKeys, cm.bgWhy = cm.backgroundEvents(cs)
	res := g.Result
	res.Findings, res.Agreements = flatten(cm.compareClaims(cs, phaseAll))
	res.Findings = mergeInternal(res.Findings, cm.internalChecks(cs))
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].ID < res.Findings[j].ID })
	return res
}

// readDocs returns the documents that were read (not skipped), by id.
func readDocs(docs []*claims.Document) []*claims.Document {
	var read []*claims.Document
	for _, d := range docs {
		if d.Status != claims.StatusSkipped {
			read = append(read, d)
		}
	}
	sort.Slice(read, func(i, j int) bool { return read[i].ID < read[j].ID })
	return read
}

// stopWords are the languages' detection words: function words that say
// nothing about a story.
func stopWords(set *rules.Set) map[string]bool {
	stop := map[string]bool{}
	for _, l := range set.Languages {
		for w := range l.Detect {
			stop[w] = true
		}
	}
	return stop
}

func leadsOf(read []*claims.Document, words []docWords) map[string]*lead {
	leads := make(map[string]*lead, len(read))
	for i, d := range read {
		leads[d.ID] = &words[i].lead
	}
	return leads
}

// grouping is what the event layer decides for a set of documents before
// any claim is compared: which copies count as one source, which story
// each document belongs to, and what each lead says. It needs the
// documents' words (docWords), not their texts.
type grouping struct {
	Result  // SourceOf, Copies, Stories, StoryOf; no findings yet
	eventOK map[string]bool
	alone   map[string]string
	leads   map[string]*lead
}

// groupDocs groups the read documents (sorted by id) whose words are
// words[i], with the claims' figures already added to the leads.
func groupDocs(read []*claims.Document, words []docWords) *grouping {
	g := &grouping{}
	g.SourceOf, g.Copies = syndication(read, words)
	g.Stories, g.StoryOf = stories(read, words)
	g.leads = leadsOf(read, words)
	g.Stories, g.StoryOf, g.eventOK, g.alone = regroup(read, g.leads, g.Stories, g.StoryOf)
	return g
}

// phase says which claims a comparison looks at. Most blocks are one
// story's, so a large archive can be compared a story at a time (see
// Stream); only once-only events (keyed by their participants) and
// background events (keyed by an earlier time) gather claims from any
// story, and wait for a last, global phase.
type phase int

const (
	phaseAll    phase = iota // every claim (in memory)
	phaseStory               // one story's claims; global ones are left out
	phaseGlobal              // only the claims left out of the stories
)

// global reports whether claim c, under the attribute resolved as ref,
// goes to a block that may span stories.
func global(c *claims.Claim, inf *docInfo, ref attrRef) bool {
	return ref.frame.Once || inf.story != nil && inf.background[c.Sentence]
}

// compareClaims puts the claims into blocks, in key order, and compares
// them; the result of each block is kept apart, with its key, so that
// results of several phases can be put in one order (flatten).
func (cm *comparer) compareClaims(cs []*claims.Claim, ph phase) []blockResult {
	blocks := cm.blocks(cs, ph)
	slices.SortFunc(blocks, func(a, b *block) int { return strings.Compare(a.key, b.key) })
	return cm.compareBlocks(blocks)
}

// blockResult is what comparing one block found.
type blockResult struct {
	key        string
	agreements []Agreement
	findings   []Finding
}

// flatten lists the findings and agreements of blocks in key order (the
// blocks of one phase are in key order already; a stable sort keeps them).
func flatten(rs []blockResult) ([]Finding, []Agreement) {
	if !slices.IsSortedFunc(rs, func(a, b blockResult) int { return strings.Compare(a.key, b.key) }) {
		rs = slices.Clone(rs)
		slices.SortStableFunc(rs, func(a, b blockResult) int { return strings.Compare(a.key, b.key) })
	}
	nf, na := 0, 0
	for _, r := range rs {
		nf, na = nf+len(r.findings), na+len(r.agreements)
	}
	// Sized once: an archive's lists run to tens of thousands.
	var fs []Finding
	var as []Agreement
	if nf > 0 {
		fs = make([]Finding, 0, nf)
	}
	if na > 0 {
		as = make([]Agreement, 0, na)
	}
	for _, r := range rs {
		fs = append(fs, r.findings...)
		as = append(as, r.agreements...)
	}
	return fs, as
}

type comparer struct {
	set  *rules.Set
	docs map[string]*claims.Document
	res  *Result
	// info holds what comparison needs about each read document, so that
	// a claim costs one lookup (often none: see infoOf) rather than one per
	// map (document, story, source, background sentences).
	info map[string]*docInfo
	last *docInfo
	stop map[string]bool
	// bgKeys names the background event of each document's background
	// sentences that share one with another article; bgWhy says, per
	// event, why its sentences were joined (events.go).
	bgKeys map[string]map[int]string
	bgWhy  map[string]string
	ex     *Explanation // nil unless explaining
}

// docInfo is what the comparison knows about one read document.
type docInfo struct {
	doc    *claims.Document
	story  *Story // nil when the document is in no story
	source string // the syndication source it counts as
	// background holds the numbers of its sentences about another
	// occurrence of the event (see backgroundSentences); nil when none.
	background map[int]bool
	// eventOK: which occurrence of its event the document reports is
	// known: it is dated, or its lead's anchors placed it (events.go).
	eventOK bool
	alone   string // why an undated document was left out of every story
	lead    *lead  // its title's and lead's anchors (events.go)
	// titleEnd is where its title ends (0 when it has none).
	titleEnd int
	// names holds the names of its background sentences, ascending by
	// sentence number, once its text has been released (Stream); nil
	// otherwise. A sorted list, not a map: the last step holds it for
	// every kept document of an archive.
	names []sentenceNames
}

// attrRef is an attribute name ("casualties.killed") resolved against the
// rules; ok is false when its claims are not compared.
type attrRef struct {
	frame *rules.Frame
	attr  *rules.Attribute
	ok    bool
}

func newComparer(set *rules.Set, read []*claims.Document, res *Result, g *grouping, stop map[string]bool, ex *Explanation) *comparer {
	cm := &comparer{set: set, res: res, docs: make(map[string]*claims.Document, len(read)),
		info: make(map[string]*docInfo, len(read)), stop: stop, ex: ex}
	infos := make([]docInfo, len(read))
	for i, d := range read {
		cm.add(d, &infos[i], g)
	}
	return cm
}

// add makes d one of the comparer's documents, described by inf.
func (cm *comparer) add(d *claims.Document, inf *docInfo, g *grouping) *docInfo {
	res := cm.res
	inf.doc, inf.source = d, res.SourceOf[d.ID]
	if sid := res.StoryOf[d.ID]; sid >= 1 && sid <= len(res.Stories) {
		inf.story = &res.Stories[sid-1] // stories are numbered from 1 in order
	}
	inf.eventOK, inf.alone, inf.lead = g.eventOK[d.ID], g.alone[d.ID], g.leads[d.ID]
	if inf.lead != nil {
		inf.titleEnd = inf.lead.titleEnd
	} else {
		inf.titleEnd = titleSpan(d.Text)
	}
	cm.docs[d.ID] = d
	cm.info[d.ID] = inf
	return inf
}

// infoOf returns what is known of the document with this id, or nil for a
// document that was not read. Claims come grouped by document, so the last
// answer is tried first.
func (cm *comparer) infoOf(id string) *docInfo { return lookup(cm.info, &cm.last, id) }

// lookup finds id in info, trying *last first and remembering the answer
// there.
func lookup(info map[string]*docInfo, last **docInfo, id string) *docInfo {
	if *last != nil && (*last).doc.ID == id {
		return *last
	}
	inf := info[id]
	if inf != nil {
		*last = inf
	}
	return inf
}

// background reports whether c's sentence is about another occurrence of
// the event.
func (cm *comparer) background(c *claims.Claim) bool {
	inf := cm.infoOf(c.Doc)
	return inf != nil && inf.background[c.Sentence]
}

// resolve resolves a claim's attribute name against the rules
// (rules.Set.Attribute).
func (cm *comparer) resolve(name string) attrRef {
	fr, at, ok := cm.set.Attribute(name)
	return attrRef{frame: fr, attr: at, ok: ok}
}

// Event windows around a story's publication dates: a recurring event's
// date is the story's own occurrence only inside [first - eventBefore,
// last + eventAfter] (eventBefore is the frame's window_days); a sentence dated before first - backgroundBefore is
// background about another occurrence.
const (
	eventAfter       = 31 * 24 * time.Hour
	backgroundDays   = rules.DefaultWindowDays
	backgroundBefore = backgroundDays * 24 * time.Hour
)

// backgroundSentences finds sentences about other occurrences of recurring
// events: those carrying a date well before the story ("killed more than
// 26,000 people in Bam in December 2003", "The last major quake ... was in
// February"), and a sentence that continues one of them with a pronoun
// ("It killed 612 people").
//
// The sentences found are recorded in each document's docInfo.
func (cm *comparer) backgroundSentences(cs []*claims.Claim) {
	// One pass in document order: every claim of sentence n-1 is seen
	// before the first claim of sentence n, so a continuation can be
	// decided when its sentence first appears.
	if !sortedByDoc(cs) {
		cs = append([]*claims.Claim(nil), cs...)
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Doc != cs[j].Doc {
				return cs[i].Doc < cs[j].Doc
			}
			return cs[i].Start < cs[j].Start
		})
	}
	lastDoc, lastSentence := "", 0
	for i, c := range cs {
		inf := cm.infoOf(c.Doc)
		if inf == nil {
			continue
		}
		d := inf.doc
		if c.Doc != lastDoc || c.Sentence != lastSentence {
			lastDoc, lastSentence = c.Doc, c.Sentence
			// "Previously, ...", "Sebelumnya, ...", or "It killed 612
			// people" after a background sentence (read at extraction:
			// claims.Context).
			if c.Context&claims.OpensBackground != 0 ||
				inf.background[c.Sentence-1] && c.Context&claims.OpensAnaphora != 0 {
				inf.markBackground(c.Sentence)
			}
			// "In April last year an 8.6-magnitude quake struck ... Five
			// people died in the quake and its aftershocks.": a sentence
			// right after a background one that names the event as known
			// ("the quake") and gives no date of its own continues it.
			if inf.background[c.Sentence-1] && !inf.background[c.Sentence] && continuesBackground(d, cs[i:]) {
				inf.markBackground(c.Sentence)
			}
		}
		if !d.HasDate() {
			if cm.undatedBackground(c, inf) {
				inf.markBackground(c.Sentence)
			}
			continue
		}
		if c.Date == nil || c.Date.Fuzzy && c.Date.Relative {
			continue
		}
		st := inf.story
		if st == nil || st.Start.IsZero() {
			continue
		}
		if c.Start < inf.titleEnd || c.Context&claims.NominalDate != 0 {
			// A headline is about its story's event: a year in it ("...
			// in region hit by 2004 tsunami") is in passing.
			// "... a region devastated by the tsunami of 2004", "the 2004
			// tsunami": the date names another event in passing; the
			// sentence is still about its own.
			continue
		}
		window := backgroundBefore
		if fr := cm.set.FrameByName(c.Frame); fr != nil && !fr.Once {
			window = time.Duration(max(fr.WindowDays, rules.DefaultWindowDays)) * 24 * time.Hour
		}
		if !c.Date.End.After(st.Start.Add(-window)) {
			inf.markBackground(c.Sentence)
		}
		// A month the dateline placed after the story ("hit ... in
		// February" read as next February) in a sentence that is not
		// about the future is another occurrence too.
		if c.Date.Start.After(st.End.Add(eventAfter)) && c.Tense != claims.TenseFuture && !cm.forward(c) {
			inf.markBackground(c.Sentence)
		}
	}
}

// undatedBackground reports whether a date in an undated article places its
// sentence at another occurrence of the event. Such an article reports its
// own event by weekday or "today" ("on Sunday"), or by the dates its lead
// gives; a date beyond its lead that names a year or a month is another
// time ("The same island was hit by a 6.1 quake in September", "The
// latest quakes there occurred on Oct. 10, 2002") unless it falls in the
// window of the story the article joined.
func (cm *comparer) undatedBackground(c *claims.Claim, inf *docInfo) bool {
	if c.Kind != claims.KindDate || inf.lead == nil || c.Start < inf.lead.end {
		return false
	}
	st := inf.story
	if c.Date != nil {
		if c.Date.Relative || c.Date.Fuzzy || c.Date.InferredPart("year") || slices.Contains(inf.lead.years, c.Date.Start.Year()) {
			return false
		}
		if st != nil && !st.Start.IsZero() {
			return !c.Date.End.After(st.Start.AddDate(0, 0, -backgroundDays)) || c.Date.Start.After(st.End.Add(eventAfter))
		}
		return true
	}
	// A month without a year ("in September"): XXXX-MM.
	if v := c.Value; len(v) == 7 && strings.HasPrefix(v, "XXXX-") && v[5] >= '0' && v[5] <= '1' {
		if st != nil && !st.Start.IsZero() {
			m := atoi(v[5:])
			return m != int(st.Start.Month()) && m != int(st.End.Month())
		}
		return true
	}
	return false
}

// forward reports whether c's attribute looks ahead ("targets for 2030").
func (cm *comparer) forward(c *claims.Claim) bool {
	r := cm.resolve(c.Attribute)
	return r.ok && r.attr.Forward
}

// continuesBackground reports whether the sentence of cs[0] (its claims
// are cs up to the next sentence) dates nothing itself, stands in the same
// paragraph as the one before, and refers to an event as a known one ("in
// the quake", "gempa tersebut": claims.DefiniteEvent, read at extraction).
func continuesBackground(d *claims.Document, cs []*claims.Claim) bool {
	for _, c := range cs {
		if c.Doc != cs[0].Doc || c.Sentence != cs[0].Sentence {
			break
		}
		if c.Kind == claims.KindDate {
			return false
		}
	}
	c := cs[0]
	if c.SentenceStart > len(d.Text) {
		return false
	}
	// Only within a paragraph: after a blank line, "the flood" is the
	// story's own again.
	gap := d.Text[:c.SentenceStart]
	gap = gap[len(strings.TrimRight(gap, " \t\r\n")):]
	if strings.Count(gap, "\n") >= 2 {
		return false
	}
	return c.Context&claims.DefiniteEvent != 0
}

func (inf *docInfo) markBackground(sentence int) {
	if inf.background == nil {
		inf.background = map[int]bool{}
	}
	inf.background[sentence] = true
}

// sortedByDoc reports whether claims are in document order, as extraction
// returns them.
func sortedByDoc(cs []*claims.Claim) bool {
	for i := 1; i < len(cs); i++ {
		a, b := cs[i-1], cs[i]
		if b.Doc < a.Doc || b.Doc == a.Doc && b.Start < a.Start {
			return false
		}
	}
	return true
}

type block struct {
	key       string // orders the blocks, as the key once named them
	attribute string
	frame     *rules.Frame
	attr      *rules.Attribute
	claims    []*claims.Claim
	first     *claims.Claim // the claim that opened the block: see why
	// background: the block holds claims about an earlier occurrence of
	// the event, shared by several articles (events.go).
	background bool
}

// blockKey names an attribute and the occurrence of the event a claim is
// about: once for a set of participants (once is their names joined) or a
// story's. Comparing these fields replaces building the key string for
// every claim; the string (block.key) is built once per block.
type blockKey struct {
	attr    string
	kind    claims.Kind
	once    bool
	parts   string
	story   int
	subject string // for attributes compared per subject
	// background names a background event (events.go): claims about an
	// earlier occurrence, compared only with each other.
	background string
}

// String is the key as blocks were once keyed by, which still orders them
// (and so the agreements).
func (k blockKey) String() string {
	inst := "story:" + strconv.Itoa(k.story)
	if k.once {
		inst = "once:" + k.parts
	}
	if k.background != "" {
		inst = "background:" + k.background
	}
	s := k.attr + "|" + string(k.kind) + "|" + inst
	if k.subject != "" {
		s += "|subject:" + k.subject
	}
	return s
}

// blocks puts every comparable claim under a key naming its attribute and
// the occurrence of the event it is about, so that comparison never looks
// at pairs that cannot be about the same thing. Blocks are returned in the
// order they were opened.
func (cm *comparer) blocks(cs []*claims.Claim, ph phase) []*block {
	var out []*block
	byKey := map[blockKey]*block{}
	byName := map[string]*block{} // in case two keys ever spell the same
	for _, c := range cs {
		if c.Attribute == "" {
			cm.ex.skip(c, "", SkipNoAttribute, "")
			continue
		}
		if !comparable(c) {
			cm.ex.skip(c, c.Attribute, SkipVague, "")
			continue
		}
		inf := cm.infoOf(c.Doc)
		if inf == nil {
			continue
		}
		for k := -1; k < len(c.Also); k++ {
			attr := c.Attribute
			if k >= 0 {
				attr = c.Also[k]
			}
			if attr == "" {
				continue
			}
			ref := cm.resolve(attr)
			if !ref.ok {
				cm.ex.skip(c, attr, SkipUnknownAttribute, "")
				continue
			}
			if ref.frame.NoCompare {
				cm.ex.skip(c, attr, SkipNoCompare, "")
				continue
			}
			if ph != phaseAll && global(c, inf, ref) != (ph == phaseGlobal) {
				continue // compared in the other phase
			}
			key, skip := cm.instanceKey(c, inf, ref.frame, ref.attr)
			if skip != Compared {
				detail := ""
				if skip == SkipUndated {
					detail = inf.alone
				}
				cm.ex.skip(c, attr, skip, detail)
				continue
			}
			if ref.attr.PerSubject {
				if c.Subject == "" {
					cm.ex.skip(c, attr, SkipNoSubject, "")
					continue
				}
				key.subject = c.Subject
			}
			key.attr, key.kind = attr, c.Kind
			b := byKey[key]
			if b == nil {
				name := key.String()
				if b = byName[name]; b == nil {
					b = &block{key: name, attribute: attr, frame: ref.frame, attr: ref.attr, first: c, background: key.background != ""}
					byName[name] = b
					out = append(out, b)
				}
				byKey[key] = b
			}
			b.claims = append(b.claims, c)
		}
	}
	return out
}

// comparable: a claim with a resolved value. Vague numbers ("several",
// "ratusan") say too little to contradict anything.
func comparable(c *claims.Claim) bool {
	switch c.Kind {
	case claims.KindDate:
		return c.Date != nil
	default:
		return c.Num != nil && !c.Num.Vague
	}
}

// unitKey keeps quantities of different dimensions and counts of different
// things apart.
func unitKey(c *claims.Claim) string {
	if c.Num == nil {
		return ""
	}
	switch c.Kind {
	case claims.KindCount:
		if c.Num.Counted == "" {
			return "people"
		}
		return c.Num.Counted
	case claims.KindDuration:
		return "time"
	case claims.KindMoney, claims.KindQuantity:
		return c.Num.Unit
	}
	return c.Num.Unit
}

// instanceKey says which occurrence of the event a claim is about. Events
// that happen once for given participants (a treaty's signing) are one
// occurrence per set of participants, across stories. Recurring events are
// only compared within one story, and a date only when it falls near the
// story's own time: "the last time the congress met, in 2016" is another
// congress, not a contradiction of this one.
func (cm *comparer) instanceKey(c *claims.Claim, inf *docInfo, fr *rules.Frame, at *rules.Attribute) (blockKey, Skip) {
	if fr.Once {
		if len(c.Participants) < 2 {
			return blockKey{}, SkipFewParticipants
		}
		return blockKey{once: true, parts: strings.Join(c.Participants, "+")}, Compared
	}
	st := inf.story
	if st == nil {
		return blockKey{}, SkipNoStory
	}
	if inf.background[c.Sentence] {
		// Another occurrence: compared only with the same background
		// event in other articles.
		if bg := cm.bgKeys[c.Doc][c.Sentence]; bg != "" {
			return blockKey{background: bg}, Compared
		}
		return blockKey{}, SkipBackground
	}
	// A forward-looking attribute ("targets for 2030") names a target, not
	// when the event happened: no window applies to it.
	if c.Kind == claims.KindDate && !st.Start.IsZero() && !at.Forward {
		lo, hi := st.Start.AddDate(0, 0, -fr.WindowDays), st.End.Add(eventAfter)
		if !(c.Date.Start.Before(hi) && lo.Before(c.Date.End)) {
			return blockKey{}, SkipOutOfWindow
		}
	}
	if !inf.eventOK {
		// Which occurrence of a recurring event an undated article speaks
		// of is told by its lead's anchors (events.go); without them its
		// story membership is a guess from shared names: on
		// ../shared/corpora, comparing every undated article's figures
		// paired the 2005 and 2008 Qeshm quakes.
		return blockKey{}, SkipUndated
	}
	return blockKey{story: st.ID}, Compared
}

// blockWhy says in words why claims under one block were paired. It is worded
// from the claim that opened the block, and only for blocks that make a
// finding.
func (cm *comparer) blockWhy(b *block) string {
	c := b.first
	var why string
	if b.frame.Once {
		why = fmt.Sprintf("both speak of a %s between %s", b.frame.Name, strings.Join(c.Participants, " and "))
	} else if bg := cm.bgKeys[c.Doc][c.Sentence]; bg != "" && cm.info[c.Doc].background[c.Sentence] {
		why = fmt.Sprintf("both speak of %s, not the story's own %s", cm.bgWhy[bg], b.frame.Name)
	} else {
		why = fmt.Sprintf("both speak of the %s reported in the same story (articles published %s)", b.frame.Name, storyWindow(cm.info[c.Doc].story))
	}
	if b.attr.PerSubject {
		why += ", for " + c.Subject
	}
	return why
}

func storyWindow(st *Story) string {
	if st.Start.IsZero() {
		return "on unknown dates"
	}
	if st.Start.Equal(st.End) {
		return st.Start.Format("2 Jan 2006")
	}
	return st.Start.Format("2 Jan 2006") + " to " + st.End.Format("2 Jan 2006")
}

// compareBlocks compares the blocks, in chunks of consecutive blocks on
// GOMAXPROCS goroutines. Each chunk's agreements and findings are kept
// apart and appended in block order afterwards, so the result is the same
// as comparing the blocks one after another, whatever the scheduling.
func (cm *comparer) compareBlocks(blocks []*block) []blockResult {
	const chunk = 256
	out := make([]blockResult, len(blocks))
	workers := runtime.GOMAXPROCS(0)
	if cm.ex != nil {
		workers = 1 // the traces are one map
	}
	forEach((len(blocks)+chunk-1)/chunk, workers, func() *blockWorker { return &blockWorker{cm: cm} }, func(c int, w *blockWorker) {
		for i := c * chunk; i < min(len(blocks), (c+1)*chunk); i++ {
			w.agreements, w.findings = nil, nil
			w.compareBlock(blocks[i])
			out[i] = blockResult{blocks[i].key, w.agreements, w.findings}
		}
	})
	return out
}

// blockWorker compares blocks on one goroutine, with its own results,
// document lookups and scratch space; the comparer it reads is not
// written meanwhile.
type blockWorker struct {
	cm         *comparer
	last       *docInfo
	agreements []Agreement
	findings   []Finding
	src        []string  // per claim of a group: its source
	srcs       []string  // the group's distinct sources
	lo, hi     []float64 // per numeric claim of a group: its interval
	conflicted []bool
}

// compareBlock finds pairs of claims from different sources whose values
// cannot both hold, groups the claims into sides by value, and reports a
// finding — or an agreement when every pair is compatible.
func (w *blockWorker) compareBlock(b *block) {
	kept := b.claims
	// Claims of different units (or things counted) are compared apart,
	// in the order each unit first appears; nearly always there is one.
	var units []string
	var groups [][]*claims.Claim
	for i, c := range kept {
		k := unitKey(c)
		if to, ok := b.frame.CountsAs[k]; ok {
			k = to // the frame's counts_as: "35 korban luka" are 35 people hurt
		}
		g := slices.Index(units, k)
		if g < 0 {
			if i > 0 && len(units) == 1 {
				groups[0] = slices.Clone(kept[:i]) // a second unit: the first stops sharing kept
			}
			units, groups = append(units, k), append(groups, nil)
			g = len(units) - 1
		}
		if len(units) == 1 {
			groups[0] = kept[:i+1]
			continue
		}
		groups[g] = append(groups[g], c)
	}
	for _, g := range groups {
		// An article that itself gives incompatible values for this
		// attribute uses it for several things (per-village tolls, an
		// earlier event): unless the attribute says which value stands
		// for it, none can stand for the story's.
		sub := *b
		sub.claims = withoutAmbiguous(g, b.attr.Several)
		if ex := w.cm.ex; ex != nil && len(sub.claims) < len(g) {
			for _, c := range g {
				if !slices.Contains(sub.claims, c) {
					t := ex.trace(c, b.attribute)
					t.Group, t.Skip = b.key, SkipAmbiguous
					for _, k := range sub.claims {
						if k.Doc == c.Doc {
							t.Detail = fmt.Sprintf("the article's value kept for this attribute is %q at %s", k.Text, k.ID)
						}
					}
				}
			}
		}
		w.compareGroup(&sub)
	}
}

// withoutAmbiguous returns cs without the claims of every article whose
// own claims among them contradict each other, or, when the attribute says
// which of several values stands for the article (rules.Attribute.Several:
// its lead's figure, or the strongest), with only that value and the
// claims that agree with it: cs itself when no article contradicts itself,
// else a new slice. Each article is checked once, over its claims in cs
// order; claims come grouped by article, as extraction returns them, and
// are otherwise grouped through a map.
func withoutAmbiguous(cs []*claims.Claim, several rules.Several) []*claims.Claim {
	var bad map[string]*claims.Claim // article -> the claim kept, or nil
	check := func(own []*claims.Claim) {
		if len(own) > 1 && ambiguous(own) {
			if bad == nil {
				bad = map[string]*claims.Claim{}
			}
			bad[own[0].Doc] = pick(own, several)
		}
	}
	if slices.IsSortedFunc(cs, func(a, b *claims.Claim) int { return strings.Compare(a.Doc, b.Doc) }) {
		for lo := 0; lo < len(cs); {
			hi := lo + 1
			for hi < len(cs) && cs[hi].Doc == cs[lo].Doc {
				hi++
			}
			check(cs[lo:hi])
			lo = hi
		}
	} else {
		byDoc := map[string][]*claims.Claim{}
		var order []string
		for _, c := range cs {
			if _, ok := byDoc[c.Doc]; !ok {
				order = append(order, c.Doc)
			}
			byDoc[c.Doc] = append(byDoc[c.Doc], c)
		}
		for _, d := range order {
			check(byDoc[d])
		}
	}
	if bad == nil {
		return cs
	}
	var kept []*claims.Claim
	for _, c := range cs {
		keep, isBad := bad[c.Doc]
		if !isBad || keep != nil && unitKey(c) == unitKey(keep) && compatible(c, keep) {
			kept = append(kept, c)
		}
	}
	return kept
}

// pick chooses the claim that stands for an article giving several
// incompatible values: the first (by offset: the headline's, then the
// lead's) or the largest; nil when the attribute leaves such an article
// out. Dates are never picked: two dates for one event are two events.
func pick(own []*claims.Claim, several rules.Several) *claims.Claim {
	var best *claims.Claim
	for _, c := range own {
		if c.Num == nil || c.Date != nil {
			return nil
		}
		switch several {
		case rules.SeveralFirst:
			if best == nil || c.Start < best.Start {
				best = c
			}
		case rules.SeveralMax:
			if best == nil || c.Num.Value > best.Num.Value {
				best = c
			}
		default:
			return nil
		}
	}
	return best
}

// ambiguous reports whether one article's claims in a block contradict
// each other.
func ambiguous(cs []*claims.Claim) bool {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if unitKey(cs[i]) == unitKey(cs[j]) && !otherScope(cs[i], cs[j]) && !compatible(cs[i], cs[j]) {
				return true
			}
		}
	}
	return false
}

// otherScope reports two counts limited to different places ("in the
// province", "in 13 countries"): parts of different wholes, never set
// against each other.
func otherScope(a, b *claims.Claim) bool {
	return a.Scope != "" && b.Scope != "" && a.Scope != b.Scope
}

// byDocStart orders claims by document, then offset.
func byDocStart(a, b *claims.Claim) int {
	if a.Doc != b.Doc {
		return strings.Compare(a.Doc, b.Doc)
	}
	return cmp.Compare(a.Start, b.Start)
}

// compareGroup compares the claims of one unit in a block. Sources and
// intervals are found once per claim rather than once per pair.
func (w *blockWorker) compareGroup(b *block) {
	cm := w.cm
	if !slices.IsSortedFunc(b.claims, byDocStart) {
		slices.SortStableFunc(b.claims, byDocStart)
	}
	n := len(b.claims)
	src := w.src[:0]
	for _, c := range b.claims {
		src = append(src, lookup(cm.info, &w.last, c.Doc).source)
	}
	ownWitnesses(b.claims, src)
	w.src = src
	w.srcs = distinct(append(w.srcs[:0], src...))
	if len(w.srcs) < 2 {
		if ex := cm.ex; ex != nil {
			for _, c := range b.claims {
				t := ex.trace(c, b.attribute)
				t.Group, t.Skip = b.key, SkipOneSource
			}
		}
		return
	}
	lo, hi := w.lo[:0], w.hi[:0]
	for _, c := range b.claims {
		var l, h float64
		if c.Num != nil {
			l, h = interval(c)
		}
		lo, hi = append(lo, l), append(hi, h)
	}
	w.lo, w.hi = lo, hi
	conflicted := append(w.conflicted[:0], make([]bool, n)...) // n times false, in the reused buffer
	w.conflicted = conflicted
	anyConflict := false
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if src[i] == src[j] || otherScope(b.claims[i], b.claims[j]) {
				continue
			}
			if !compatibleIn(b.claims[i], b.claims[j], lo[i], hi[i], lo[j], hi[j]) {
				conflicted[i], conflicted[j] = true, true
				anyConflict = true
			}
		}
	}
	if ex := cm.ex; ex != nil {
		w.traceGroup(b, src, lo, hi)
	}
	if !anyConflict {
		ag := Agreement{Attribute: b.attribute, Value: representative(b.claims).Value, Claims: b.claims, Sources: slices.Clone(w.srcs)}
		w.agreements = append(w.agreements, ag)
		return
	}
	// Sides: claims that take part in a conflict, grouped so every claim in
	// a side is compatible with the side's first claim. Each side names
	// exactly the articles it quotes, and weighs as many independent
	// sources as it has (syndicated copies count once: srcOf).
	var sides []Side
	var srcOf [][]string // per side: its claims' sources
	for i, c := range b.claims {
		if !conflicted[i] {
			continue
		}
		k := slices.IndexFunc(sides, func(sd Side) bool { return compatible(sd.Claims[0], c) && allCompatible(sd.Claims, c) })
		if k < 0 {
			k = len(sides)
			sides, srcOf = append(sides, Side{}), append(srcOf, nil)
		}
		sides[k].Claims = append(sides[k].Claims, c)
		srcOf[k] = append(srcOf[k], src[i])
	}
	if len(sides) < 2 {
		return
	}
	weight := make(map[*claims.Claim]int, len(sides)) // by a side's first claim
	for k := range sides {
		rep := representative(sides[k].Claims)
		sides[k].Value, sides[k].Describe = rep.Value, cm.describeIn(rep)
		docs := make([]string, 0, len(sides[k].Claims))
		for _, c := range sides[k].Claims {
			docs = append(docs, c.Doc)
		}
		sides[k].Sources = distinct(docs)
		weight[sides[k].Claims[0]] = len(distinct(srcOf[k]))
	}
	sort.SliceStable(sides, func(i, j int) bool {
		wi, wj := weight[sides[i].Claims[0]], weight[sides[j].Claims[0]]
		if wi != wj {
			return wi < wj
		}
		return sides[i].Sources[0] < sides[j].Sources[0]
	})
	f := Finding{Kind: string(b.claims[0].Kind), Attribute: b.attribute, Sides: sides, Category: Conflict}
	var all []*claims.Claim
	for _, s := range sides {
		all = append(all, s.Claims...)
	}
	f.ID = StableID(f.Kind, f.Attribute, all)
	f.Why = cm.why(b, all)
	// A figure of an earlier event (a background block) no longer grows:
	// two articles a day apart giving it differently disagree.
	if b.attr.Growing && !b.background && cm.isUpdate(&f) {
		f.Category, f.Severity = Update, SevInfo
	} else {
		f.Severity = cm.severity(&f)
		if f.Severity <= SevLow {
			f.Category = Possible
		}
	}
	f.Summary = cm.summary(&f)
	w.findings = append(w.findings, f)
}

// traceGroup records, for every claim of a compared group, the claims of
// other sources it met and the verdict of each pair.
func (w *blockWorker) traceGroup(b *block, src []string, lo, hi []float64) {
	cm := w.cm
	why := fmt.Sprintf("Paired as %s: %s.", b.attribute, cm.blockWhy(b))
	for i, c := range b.claims {
		t := cm.ex.trace(c, b.attribute)
		t.Group, t.Skip, t.Why = b.key, Compared, why
		if inf := cm.info[c.Doc]; inf != nil && inf.story != nil {
			t.Story = inf.story.ID
		}
		for j, o := range b.claims {
			if i == j {
				continue
			}
			v := VerdictAgree
			switch {
			case src[i] == src[j]:
				v = VerdictSameDoc
			case !compatibleIn(c, o, lo[i], hi[i], lo[j], hi[j]):
				v = VerdictConflict
				if b.attr.Growing && !b.background {
					v = VerdictConflict + " (or an update, if the dated articles show the figure rising)"
				}
			}
			t.Met = append(t.Met, Meeting{Claim: o, Verdict: v})
		}
	}
}

// ownWitnesses makes a syndicated copy its own source where it says
// something else than another copy of the same story: a reprint that
// changes "24 killed" to "30 killed" is a witness of its own (and the change
// is itself worth a finding), not one voice with the wire it copies. src
// holds each claim's source and is changed in place.
func ownWitnesses(cs []*claims.Claim, src []string) {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if src[i] != src[j] || cs[i].Doc == cs[j].Doc || compatible(cs[i], cs[j]) {
				continue
			}
			// The copy that is not the source's first article stands apart.
			k := j
			if cs[j].Doc == src[j] {
				k = i
			}
			own := cs[k].Doc
			for m := range cs {
				if cs[m].Doc == own {
					src[m] = own
				}
			}
		}
	}
}

// distinct sorts ss and returns its distinct strings.
func distinct(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}

func allCompatible(cs []*claims.Claim, c *claims.Claim) bool {
	for _, x := range cs {
		if !compatible(x, c) {
			return false
		}
	}
	return true
}

// isUpdate reports whether a growing count evolves rather than conflicts:
// the dated articles' figures rise with their publication dates (over two
// dates at least, never falling from an earlier date to a later one), so
// that the story's figure is visibly being revised; articles without a
// date, and articles of one day that differ, are then taken as reports
// from other hours of that revision. With no rise to see (a single dated
// article, or none) a difference stays a conflict: "4 killed" on Sunday and
// "only 1" on Monday is a contradiction, not an update. It marks the side
// of the newest article.
func (cm *comparer) isUpdate(f *Finding) bool {
	type point struct {
		date   time.Time
		lo, hi float64
		side   int
	}
	var pts []point
	for k, s := range f.Sides {
		for _, c := range s.Claims {
			d := cm.docs[c.Doc]
			if !d.HasDate() {
				continue
			}
			lo, hi := interval(c)
			pts = append(pts, point{d.Published, lo, hi, k})
		}
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].date.Before(pts[j].date) })
	if len(pts) < 2 || !pts[len(pts)-1].date.After(pts[0].date) {
		return false
	}
	rose := false
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			if !pts[j].date.After(pts[i].date) {
				continue
			}
			if pts[j].hi < pts[i].lo {
				return false // a later article gives less
			}
			if pts[j].lo > pts[i].hi {
				rose = true
			}
		}
	}
	if !rose {
		return false
	}
	newest := pts[len(pts)-1].side
	f.Sides[newest].Newest = true
	// Newest first.
	sort.SliceStable(f.Sides, func(i, j int) bool { return f.Sides[i].Newest && !f.Sides[j].Newest })
	return true
}

// severity: high when every side has at least one value written out in
// full; medium when a side rests only on inferred parts (a year read from
// the dateline) or approximate words; low when an article has no date, so
// even which occurrence it speaks of is uncertain.
func (cm *comparer) severity(f *Finding) Severity {
	sev := SevHigh
	for _, s := range f.Sides {
		for _, c := range s.Claims {
			if !cm.docs[c.Doc].HasDate() {
				return SevLow
			}
		}
		if !explicit(representative(s.Claims)) {
			sev = SevMedium
		}
	}
	return sev
}

func explicit(c *claims.Claim) bool {
	if c.Date != nil {
		return len(c.Date.Inferred) == 0 && !c.Date.Fuzzy
	}
	return c.Num == nil || !(c.Num.Approx || c.Num.Vague)
}

// representative picks the claim that states a side's value most
// explicitly: written parts over inferred ones, then document order.
func representative(cs []*claims.Claim) *claims.Claim {
	best := cs[0]
	score := func(c *claims.Claim) int {
		if c.Date != nil {
			n := len(c.Date.Inferred)
			if c.Date.Fuzzy {
				n += 5
			}
			return n
		}
		if explicit(c) {
			return 0
		}
		return 1
	}
	for _, c := range cs[1:] {
		if score(c) < score(best) {
			best = c
		}
	}
	return best
}

// describeIn describes a claim's value and, for parts inferred from a
// dateline, whose dateline it was.
func (cm *comparer) describeIn(c *claims.Claim) string {
	if c.Date == nil || len(c.Date.Inferred) == 0 {
		return describe(c)
	}
	d := *c.Date
	d.Inferred = nil
	s := d.Describe()
	if doc := cm.docs[c.Doc]; doc != nil && doc.HasDate() {
		s += fmt.Sprintf(" (%s read from %s's dateline, %s)", strings.Join(c.Date.Inferred, ", "), c.Doc, doc.Published.Format("2 Jan 2006"))
	}
	return s
}

func (cm *comparer) why(b *block, cs []*claims.Claim) string {
	trig := map[string]bool{}
	var tl []string
	for _, c := range cs {
		for _, t := range c.Triggers {
			k := strings.ToLower(t)
			if !trig[k] {
				trig[k] = true
				tl = append(tl, fmt.Sprintf("%q", t))
			}
		}
	}
	s := fmt.Sprintf("Paired as %s: %s", b.attribute, cm.blockWhy(b))
	if len(tl) > 0 {
		s += "; event words " + strings.Join(tl, ", ")
	}
	return s + "."
}

// summary is the one line a person reads first: who says what, and why
// both cannot hold. The exact words are in the sides.
func (cm *comparer) summary(f *Finding) string {
	var parts []string
	for _, s := range f.Sides {
		verb := "says"
		if len(s.Sources) > 1 {
			verb = "say"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", strings.Join(s.Sources, " and "), verb, s.Describe))
	}
	label := strings.ReplaceAll(f.Attribute, ".", " ")
	if f.Category == Update {
		return fmt.Sprintf("Update on %s: %s; the newer article revises the figure.", label, strings.Join(parts, "; "))
	}
	return fmt.Sprintf("%s: %s — %s.", capitalize(label), strings.Join(parts, "; "), reason(f))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// reason says in words why the sides cannot both hold.
func reason(f *Finding) string {
	if len(f.Sides) < 2 {
		return "the values cannot both hold"
	}
	a, b := f.Sides[0].Claims[0], f.Sides[1].Claims[0]
	if a.Date != nil && b.Date != nil {
		return "the two periods do not overlap, so both cannot be right"
	}
	if a.Num != nil && b.Num != nil {
		alo, ahi := interval(a)
		blo, bhi := interval(b)
		if ahi < blo {
			return fmt.Sprintf("the upper bound in %s (%s) is below the lower bound in %s (%s)", a.Doc, bound(a, ahi, math.Floor), b.Doc, bound(b, blo, math.Ceil))
		}
		if bhi < alo {
			return fmt.Sprintf("the upper bound in %s (%s) is below the lower bound in %s (%s)", b.Doc, bound(b, bhi, math.Floor), a.Doc, bound(a, alo, math.Ceil))
		}
	}
	return "their ranges do not overlap"
}

// bound prints an interval's end for a person: whole for counts and
// ordinals (rounded inwards with round: no one counts 11.49 people), and
// without float noise otherwise (5.949, not 5.949000000000001).
func bound(c *claims.Claim, v float64, round func(float64) float64) string {
	if c.Kind == claims.KindCount || c.Kind == claims.KindOrdinal {
		return claims.FormatNumber(round(v))
	}
	unit := ""
	if c.Kind == claims.KindDuration && c.Num != nil {
		// Intervals of durations are in days: back to the claim's unit.
		v /= unitFactor(c)
		unit = " " + c.Num.Unit + "s"
	}
	if v != 0 && !math.IsInf(v, 0) {
		p := math.Pow(10, 6-math.Ceil(math.Log10(math.Abs(v))))
		v = math.Round(v*p) / p
	}
	return claims.FormatNumber(v) + unit
}

// describe renders a claim's value for a person.
func describe(c *claims.Claim) string {
	if c.Date != nil {
		return c.Date.Describe()
	}
	if c.Num == nil {
		return c.Value
	}
	n := c.Num
	unit := n.Unit
	if c.Kind == claims.KindDuration {
		unit += "s"
	}
	lo, hi, loEx, hiEx := n.Bounds()
	var s string
	switch {
	case n.Vague:
		s = fmt.Sprintf("between %s and %s", claims.FormatNumber(lo), claims.FormatNumber(hi))
	case n.Approx && n.HighExclusive:
		s = "just under " + claims.FormatNumber(hi)
	case n.Approx:
		s = "about " + claims.FormatNumber(n.Value)
	case math.IsInf(hi, 1) && loEx:
		s = "more than " + claims.FormatNumber(lo)
	case math.IsInf(hi, 1):
		s = "at least " + claims.FormatNumber(lo)
	case math.IsInf(lo, -1) && hiEx:
		s = "fewer than " + claims.FormatNumber(hi)
	case math.IsInf(lo, -1):
		s = "at most " + claims.FormatNumber(hi)
	case lo != hi:
		s = claims.FormatNumber(lo) + " to " + claims.FormatNumber(hi)
	default:
		s = claims.FormatNumber(n.Value)
	}
	if unit != "" {
		s += " " + unit
	}
	if n.Counted != "" && c.Kind == claims.KindCount {
		s += " " + n.Counted
	}
	return s
}

// compatible reports whether two claims' values can both hold.
func compatible(a, b *claims.Claim) bool {
	var alo, ahi, blo, bhi float64
	if a.Num != nil && b.Num != nil && (a.Date == nil || b.Date == nil) {
		alo, ahi = interval(a)
		blo, bhi = interval(b)
	}
	return compatibleIn(a, b, alo, ahi, blo, bhi)
}

// compatibleIn is compatible with the claims' intervals (see interval)
// already computed; they are read only when both claims are numbers and
// not both dates.
func compatibleIn(a, b *claims.Claim, alo, ahi, blo, bhi float64) bool {
	if a.Date != nil && b.Date != nil {
		if a.Date.Range && b.Date.Range && !a.Date.Fuzzy && !b.Date.Fuzzy && a.Date.Gran == b.Date.Gran && a.Date.EndGran == b.Date.EndGran {
			// Two written ranges state both ends: "23 to 26 December" and
			// "23 to 27 December" overlap but cannot both be right.
			return a.Date.Start.Equal(b.Date.Start) && a.Date.End.Equal(b.Date.End)
		}
		if a.Date.Gran == claims.GranMinute && b.Date.Gran == claims.GranMinute && !a.Date.Wall.IsZero() && !b.Date.Wall.IsZero() &&
			!sameDay(a.Date.Wall, b.Date.Wall) && (len(a.Date.Inferred) > 0 || len(b.Date.Inferred) > 0) {
			// Two clock times placed on different days, one of them from
			// the text around it or the dateline: the day may be the
			// placing's error, so only times of one day are compared.
			return true
		}
		as, ae := dayWindow(a.Date)
		bs, be := dayWindow(b.Date)
		// A clock time is an instant in UTC, a day is a local calendar
		// day: widen the time by the zones a day may be in.
		if (a.Date.Gran == claims.GranMinute) != (b.Date.Gran == claims.GranMinute) {
			if a.Date.Gran == claims.GranMinute {
				as, ae = localDay(a.Date, as, ae)
			} else {
				bs, be = localDay(b.Date, bs, be)
			}
		}
		return as.Before(be) && bs.Before(ae)
	}
	if a.Num == nil || b.Num == nil {
		return true
	}
	if alo > bhi || blo > ahi {
		return false
	}
	// Touching ends: excluded only when a bound there is exclusive.
	if alo == bhi && (a.Num.LowExclusive || b.Num.HighExclusive) && alo != ahi {
		return false
	}
	if blo == ahi && (b.Num.LowExclusive || a.Num.HighExclusive) && blo != bhi {
		return false
	}
	return true
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// localDay is the calendar day a clock time (interval start..end in UTC)
// falls on where it was written: the day of its wall-clock time when the
// extractor kept it, else the UTC interval widened by every zone.
func localDay(d *claims.DateValue, start, end time.Time) (time.Time, time.Time) {
	if !d.Wall.IsZero() {
		w := d.Wall
		day := time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, time.UTC)
		return day, day.AddDate(0, 0, 1)
	}
	return start.Add(-14 * time.Hour), end.Add(12 * time.Hour)
}

// dayWindow is a date's interval, widened by a day on each side when the
// day itself was only resolved against a dateline ("this morning", "on
// Monday"): publication dates are often a day off (time zones, the date in
// a URL versus the print edition); a relative week by a week. A clock
// time is not widened: two times of one day compare as instants.
func dayWindow(d *claims.DateValue) (time.Time, time.Time) {
	if d.Relative && d.Gran == claims.GranDay {
		return d.Start.AddDate(0, 0, -1), d.End.AddDate(0, 0, 1)
	}
	if d.Relative && d.Gran == claims.GranWeek {
		// "last week" is used loosely for the last seven days or so.
		return d.Start.AddDate(0, 0, -7), d.End.AddDate(0, 0, 7)
	}
	return d.Start, d.End
}

// interval returns the closed range a numeric claim allows, in base units,
// widened by the precision the number was written with: "58.6%" covers
// 58.55..58.65, "about 96.2 million" covers 96.15..96.25 million and a
// little more, and a round "5,000" covers 4,500..5,500.
func interval(c *claims.Claim) (float64, float64) {
	n := c.Num
	lo, hi, _, _ := n.Bounds()
	f := unitFactor(c)
	written := n.Precision
	if written == 0 {
		written = 1
	}
	// Trailing zeros suggest rounding ("5,000" may be 4,600), but never
	// more than a tenth of the value: "about 1,000 km" and "about 800 km"
	// are different figures.
	rounding := written
	if !n.Vague && n.Value >= 100 && written >= 1 {
		if tz := trailingZeros(n.Value); tz >= 2 {
			rounding = math.Max(written, math.Min(math.Pow(10, float64(tz)), 0.1*math.Abs(n.Value)))
		}
	}
	// Rounding widens only a value stated as a point ("5,000", "about
	// 800"); a bound the words give ("more than 100") is taken as written.
	point := n.Low != nil && n.High != nil && *n.Low == n.Value && *n.High == n.Value
	if point {
		// Just under half the last digit's place, so that "3" and "4"
		// (or "third" and "fourth") do not touch.
		pad := rounding * 0.49
		if n.Approx {
			pad = math.Max(pad, 0.05*n.Value)
		}
		lo, hi = lo-pad, hi+pad
	}
	return lo * f, hi * f
}

func trailingZeros(v float64) int {
	if v != math.Trunc(v) || v == 0 {
		return 0
	}
	n := 0
	for math.Mod(v, 10) == 0 {
		v /= 10
		n++
	}
	return n
}

// unitFactor converts a claim's value to its dimension's base unit: days
// for durations (rules.DurationSeconds, the extractor's table too), 1
// otherwise.
func unitFactor(c *claims.Claim) float64 {
	if c.Kind == claims.KindDuration {
		if s, ok := rules.DurationSeconds[c.Num.Unit]; ok {
			return s / 86400
		}
	}
	return 1
}
