package compare

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// The sweep of Stream.Run: dated documents in publication order through a
// window of storyDays+1 days either side, which is all that stories (in
// stories.go) looks at for a dated document; then the undated documents
// as regroup (events.go) places them. Every rule is the one Compare uses,
// applied in another order; where Compare takes an archive-wide count
// (a keyword's documents) the count comes from the first pass.

// postings returns the posting numbers of the indexed keywords among kws.
func (sw *sweep) postings(kws []keyword) []int32 {
	var out []int32
	var buf []byte
	for _, k := range kws {
		buf = k.appendKey(buf[:0])
		if e, _ := sw.kw.find(buf); e >= 0 && sw.kwPost[e] >= 0 {
			out = append(out, sw.kwPost[e])
		}
	}
	return out
}

func (sw *sweep) fail(err error) {
	sw.mu.Lock()
	if sw.err == nil {
		sw.err = err
	}
	sw.mu.Unlock()
}

func (sw *sweep) failed() error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return sw.err
}

func (sw *sweep) run() error {
	defer func() {
		close(sw.jobs)
		sw.wg.Wait()
	}()
	var order []int32
	for i, e := range sw.ent {
		if e.words == nil {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(sw.ent[a].day, sw.ent[b].day), cmp.Compare(a, b))
	})
	li, pi := 0, 0
	trimmed := int64(math.MinInt64 / 2)
	for pi < len(order) {
		if err := sw.failed(); err != nil {
			return err
		}
		day := sw.ent[order[pi]].day
		// The window of the documents published on day: every dated
		// document within storyDays+1 days either side is loaded.
		for li < len(order) && sw.ent[order[li]].day <= day+storyDays+1 {
			if err := sw.loadDated(order[li]); err != nil {
				return err
			}
			li++
		}
		for pi < len(order) && sw.ent[order[pi]].day == day {
			sw.join(order[pi], day)
			pi++
		}
		// No later document can join a story whose newest one is this old.
		if err := sw.closeUpTo(day - storyDays - 1); err != nil {
			return err
		}
		if day-trimmed >= trimDays {
			// Drop the postings of documents that have left the window
			// everywhere, not only where a later document looks.
			sw.copies.trim(day, sw.ent)
			sw.trimPostings(day)
			trimmed = day
		}
	}
	if err := sw.closeUpTo(math.MaxInt64); err != nil {
		return err
	}
	return sw.placeUndated()
}

// loadDated reads dated document i into the window and scores the undated
// documents against it (undatedJoin, seen from the dated side).
func (sw *sweep) loadDated(i int32) error {
	b, err := sw.store.Words(sw.ids[i])
	if err != nil {
		return err
	}
	w, err := decodeWords(b)
	if err != nil {
		return fmt.Errorf("document %s: %w", sw.ids[i], err)
	}
	sw.copies.addDated(i, sw.ent[i].day, w.shingles, sw.ent)
	// The window keeps the document's postings only: its lead is read
	// again when its story closes, its text and claims when the story is
	// compared.
	od := &openDoc{posts: sw.postings(w.keywords)}
	sw.open[i] = od
	for _, p := range od.posts {
		sw.post[p] = append(sw.post[p], i)
	}
	sw.comps[i] = &comp{maxDay: sw.ent[i].day, members: []int32{i}}
	if len(sw.uBest) == 0 {
		return nil
	}
	counts := kindCounts{}
	for _, p := range od.posts {
		if sw.kwDF[p] > maxWindowPosting {
			continue
		}
		for _, u := range sw.uPost[p] {
			counts.add(u, sw.kwKind[p])
		}
	}
	for u, k := range counts {
		b := sw.uBest[u]
		if s := similarity(k, sw.ent[u].counts, sw.ent[i].counts); s > b.score || s == b.score && i < b.j {
			sw.uBest[u] = undatedBest{i, s}
		}
	}
	return nil
}

// kindCounts counts, per document, the keywords of each kind (keyword.kind)
// it shares with the one being placed: what similarity reads.
type kindCounts map[int32]*[2]int

func (c kindCounts) add(doc int32, kind uint8) {
	k := c[doc]
	if k == nil {
		k = &[2]int{}
		c[doc] = k
	}
	k[kind]++
}

// join joins dated document i, published on day, with the later documents
// (by number) of its window that datedJoins would pair it with.
func (sw *sweep) join(i int32, day int64) {
	od := sw.open[i]
	counts := kindCounts{}
	for _, p := range od.posts {
		l := sw.post[p]
		for len(l) > 0 && sw.ent[l[0]].day < day-storyDays-1 {
			l = l[1:]
		}
		sw.post[p] = l
		if len(l) == 0 {
			delete(sw.post, p)
		}
		if len(l) > maxWindowPosting {
			continue
		}
		for _, j := range l {
			if j > i {
				counts.add(j, sw.kwKind[p])
			}
		}
	}
	for j, k := range counts {
		if dd := sw.ent[j].pub - sw.ent[i].pub; dd >= -storyDays*86400 && dd <= storyDays*86400 && similarity(k, sw.ent[i].counts, sw.ent[j].counts) >= 0.25 {
			sw.union(i, j)
		}
	}
}

// trimPostings drops from every keyword posting the documents published
// before day's window.
func (sw *sweep) trimPostings(day int64) {
	sw.post = trimPostings(sw.post, func(j int32) bool { return sw.ent[j].day >= day-storyDays-1 })
}

func (sw *sweep) union(a, b int32) {
	root, other, ok := sw.parent.join(a, b)
	if !ok {
		return
	}
	c, o := sw.comps[root], sw.comps[other]
	c.members = append(c.members, o.members...)
	c.maxDay = max(c.maxDay, o.maxDay)
	delete(sw.comps, other)
}

// closeUpTo closes the stories whose newest article was published on day
// limit or before, in order of their first article.
func (sw *sweep) closeUpTo(limit int64) error {
	var roots []int32
	for r, c := range sw.comps {
		if c.maxDay <= limit && !slices.ContainsFunc(c.members, func(m int32) bool { return sw.copies.newest(m) > limit }) {
			// Neither the story nor a copy of one of its articles can
			// gain a member any more.
			roots = append(roots, r)
		}
	}
	slices.Sort(roots)
	for _, r := range roots {
		if err := sw.closeComp(sw.comps[r]); err != nil {
			return err
		}
		delete(sw.comps, r)
	}
	return nil
}

// lead reads dated document i's lead back (the window does not keep it).
func (sw *sweep) lead(i int32) (*lead, error) {
	b, err := sw.store.Words(sw.ids[i])
	if err != nil {
		return nil, err
	}
	w, err := decodeWords(b)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", sw.ids[i], err)
	}
	return &w.lead, nil
}

// closeComp splits a closed story (splitDated) and compares each part at
// once, unless undated documents may join it.
func (sw *sweep) closeComp(c *comp) error {
	slices.Sort(c.members)
	no := int32(len(sw.compMin))
	sw.compMin = append(sw.compMin, c.members[0])
	ids := make([]string, len(c.members))
	leads := make(map[string]*lead, len(c.members))
	byID := make(map[string]int32, len(c.members))
	for k, m := range c.members {
		sw.compOf[m] = no
		ids[k] = sw.ids[m]
		l, err := sw.lead(m)
		if err != nil {
			return err
		}
		leads[ids[k]] = l
		byID[ids[k]] = m
	}
	for k, g := range splitDated(ids, leads) {
		p := &part{comp: no, k: k}
		var ls []*lead
		for _, id := range g {
			m := byID[id]
			p.members = append(p.members, m)
			ls = append(ls, leads[id])
			pub := time.Unix(sw.ent[m].pub, 0).UTC()
			if p.start.IsZero() || pub.Before(p.start) {
				p.start = pub
			}
			if pub.After(p.end) {
				p.end = pub
			}
		}
		sw.parts = append(sw.parts, p)
		// It waits until every undated document is placed when a copy of
		// one of its articles is undated (its source may still change) or
		// undated documents may join it (its leads share a name with one
		// of theirs).
		waits := slices.ContainsFunc(p.members, sw.copies.withUndated)
		if waits || len(sw.uNames) > 0 {
			m := merge(ls) // of decoded leads: no text is kept
			if waits || slices.ContainsFunc(m.names, func(n string) bool { return sw.uNames[n] }) {
				p.merged = m
				continue
			}
		}
		job := sw.job(p, nil)
		for _, m := range p.members {
			job.leads[sw.ids[m]] = leads[sw.ids[m]]
		}
		sw.jobs <- job // the worker reads the documents back
	}
	for _, m := range c.members {
		delete(sw.open, m)
	}
	return nil
}

// job starts the comparison of part p (nil: an undated group of members).
func (sw *sweep) job(p *part, undated []int32) storyJob {
	sw.prov++
	st := Story{ID: sw.prov}
	ok := map[string]bool{}
	var members []int32
	if p != nil {
		p.prov = sw.prov
		st.Start, st.End = p.start, p.end
		members = append(append(members, p.members...), p.joined...)
	} else {
		members = undated
	}
	slices.Sort(members)
	sources := map[string]string{}
	for _, m := range members {
		id := sw.ids[m]
		st.Docs = append(st.Docs, id)
		ok[id] = p != nil || len(undated) > 1
		sources[id] = sw.copies.source(m, sw.ids)
	}
	return storyJob{st: st, eventOK: ok, leads: map[string]*lead{}, sources: sources}
}

// placeUndated places the undated documents as regroup does, then compares
// the stories that waited for them and the undated groups.
func (sw *sweep) placeUndated() error {
	if len(sw.uBest) == 0 {
		return nil
	}
	// stories' undatedJoin: the component each undated document joined,
	// which orders the stories (by their first document, joiners included)
	// and breaks regroup's ties.
	key := slices.Clone(sw.compMin)
	joinedComp := map[int32]int32{}
	var undated []int32
	for u, b := range sw.uBest {
		undated = append(undated, u)
		if b.j >= 0 && b.score >= 0.4 {
			c := sw.compOf[b.j]
			joinedComp[u] = c
			key[c] = min(key[c], u)
		}
	}
	slices.Sort(undated)
	byName := map[string][]*part{}
	for _, p := range sw.parts {
		if p.merged != nil {
			for _, n := range p.merged.names {
				byName[n] = append(byName[n], p)
			}
		}
	}
	var alone []string
	aloneIdx := map[string]int32{}
	for _, u := range undated {
		id := sw.ids[u]
		l := sw.uLeads[id]
		var cands []*part
		for _, n := range l.names {
			cands = append(cands, byName[n]...)
		}
		slices.SortFunc(cands, func(a, b *part) int {
			return cmp.Or(cmp.Compare(key[a.comp], key[b.comp]), cmp.Compare(a.k, b.k))
		})
		cands = slices.Compact(cands)
		jc, joined := joinedComp[u]
		var best *part
		bestScore := 0
		for _, p := range cands {
			all, specific := shared(l, p.merged)
			score := all + specific + usedSpecific(p.merged, l)
			if score < 2 || veto(l, p.merged, sw.docFreq) != "" {
				continue
			}
			if score > bestScore || score == bestScore && joined && p.comp == jc && p.k == 0 {
				best, bestScore = p, score
			}
		}
		if best != nil {
			best.joined = append(best.joined, u)
		} else {
			aloneIdx[id] = u
			alone = append(alone, id)
		}
	}
	for _, p := range sw.parts {
		if p.merged == nil {
			continue
		}
		job := sw.job(p, nil)
		sw.undatedLeads(&job)
		sw.jobs <- job
	}
	uf := groupAlone(alone, sw.uLeads, sw.docFreq)
	for _, g := range uf.groups() {
		var members []int32
		for _, i := range g {
			members = append(members, aloneIdx[alone[i]])
		}
		job := sw.job(nil, members)
		sw.undatedGroups = append(sw.undatedGroups, members)
		sw.undatedProv = append(sw.undatedProv, job.st.ID)
		sw.undatedLeads(&job)
		sw.jobs <- job
	}
	return nil
}

// fill reads a story's documents back for job, on the worker that
// compares it.
func (sw *sweep) fill(job *storyJob) error {
	for _, id := range job.st.Docs {
		d, cs, err := sw.store.Load(id)
		if err != nil {
			return err
		}
		job.docs = append(job.docs, d)
		job.cs = append(job.cs, cs...)
	}
	return nil
}

// undatedLeads gives job the leads of its undated documents, which
// undatedBackground reads; a dated document's lead gives only its title's
// end, which newComparer reads from the text when there is no lead.
func (sw *sweep) undatedLeads(job *storyJob) {
	for _, id := range job.st.Docs {
		if l := sw.uLeads[id]; l != nil {
			job.leads[id] = l
		}
	}
}

func (sw *sweep) worker() {
	defer sw.wg.Done()
	for job := range sw.jobs {
		if sw.failed() != nil || sw.s.GroupOnly {
			continue
		}
		if err := sw.fill(&job); err != nil {
			sw.fail(err)
			continue
		}
		sw.compareStory(job)
	}
}

// compareStory compares one story's claims (phaseStory) and keeps the
// claims that may meet other stories' for finish.
func (sw *sweep) compareStory(job storyJob) {
	docs, cs := job.docs, job.cs
	res := &Result{SourceOf: job.sources, Stories: []Story{job.st}, StoryOf: map[string]int{}}
	for _, d := range docs {
		res.StoryOf[d.ID] = 1
	}
	g := &grouping{Result: *res, eventOK: job.eventOK, leads: job.leads}
	cm := newComparer(sw.s.set, docs, res, g, sw.s.stop, nil)
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
	kept := map[string]*keptInfo{}
	at := -1 // c's place among its document's claims
	for i, c := range cs {
		if i == 0 || c.Doc != cs[i-1].Doc {
			at = 0
		} else {
			at++
		}
		inf := cm.info[c.Doc]
		if inf == nil || !(inf.background[c.Sentence] || sw.s.hasOnce(c)) {
			continue
		}
		k := kept[c.Doc]
		if k == nil {
			k = &keptInfo{background: sentenceList(inf.background)}
			kept[c.Doc] = k
		}
		if inf.background[c.Sentence] && !k.hasNames(c.Sentence) {
			names := cm.namesOf(inf, c)
			for i := range names {
				names[i] = strings.Clone(names[i])
			}
			k.names = append(k.names, sentenceNames{int32(c.Sentence), names})
		}
		k.claims = append(k.claims, int32(at))
	}
	if err := sw.putKept(kept, cs); err != nil {
		sw.mu.Lock()
		if sw.err == nil {
			sw.err = err
		}
		sw.mu.Unlock()
		return
	}
	if sw.s.Slim {
		slim(rs, internal)
	}
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if sw.log != nil {
		if err := sw.log.put(rs, internal); err != nil && sw.err == nil {
			sw.err = err
		}
	} else {
		sw.out = append(sw.out, rs...)
		sw.inner = append(sw.inner, internal...)
	}
	for id, k := range kept {
		sw.kept[id] = k
	}
}

// putKept hands each kept document's kept claims to the store, when it
// keeps them apart (KeptStore); cs are a story's claims, grouped by
// document in document order.
func (sw *sweep) putKept(kept map[string]*keptInfo, cs []*claims.Claim) error {
	ks, ok := sw.store.(KeptStore)
	if !ok {
		return nil
	}
	for lo := 0; lo < len(cs); {
		hi := lo + 1
		for hi < len(cs) && cs[hi].Doc == cs[lo].Doc {
			hi++
		}
		if k := kept[cs[lo].Doc]; k != nil {
			kc := make([]*claims.Claim, len(k.claims))
			for i, at := range k.claims {
				kc[i] = cs[lo+int(at)]
			}
			ref, err := ks.PutKept(kc)
			if err != nil {
				return err
			}
			k.ref = &ref
		}
		lo = hi
	}
	return nil
}

// slim replaces the claims that findings and agreements quote by their
// ids (see Stream.Slim): a quoted claim would otherwise stay in memory to
// the end of the run.
func slim(rs []blockResult, internal []docFindings) {
	ids := func(cs []*claims.Claim) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = strings.Clone(c.ID)
		}
		return out
	}
	fs := func(f []Finding) {
		for k := range f {
			for j := range f[k].Sides {
				sd := &f[k].Sides[j]
				sd.IDs, sd.Claims = ids(sd.Claims), nil
			}
		}
	}
	for _, r := range rs {
		fs(r.findings)
		for k := range r.agreements {
			a := &r.agreements[k]
			a.IDs, a.Claims = ids(a.Claims), nil
		}
	}
	for _, d := range internal {
		fs(d.fs)
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

// trimDays is how often, in days of the sweep, postings of documents that
// have left the window are dropped. Between trims the postings hold
// copyDays+trimDays days of documents: trimming every copyDays let them
// reach twice the window; each trim walks the window once.
const trimDays = 3

// finish numbers the stories as Compare does (by their first document),
// compares the claims kept for last and puts every result in Compare's
// order.
func (sw *sweep) finish() (Result, error) {
	// The window and the archive-wide counts have done their work.
	sw.kw, sw.kwPost, sw.kwKind, sw.kwDF, sw.post, sw.open, sw.comps = nil, nil, nil, nil, nil, nil, nil
	sw.uPost, sw.uBest, sw.uNames, sw.uLeads, sw.docFreq = nil, nil, nil, nil, nil
	sw.ent, sw.compOf, sw.compMin = nil, nil, nil
	sw.copies.release()
	sw.s.counts = nil
	if sw.s.BetweenPhases != nil {
		sw.s.BetweenPhases()
	}
	res, prov := sw.stories()
	// The kept claims first, then the stories' results (from the log): the
	// two are not held at once.
	global, err := sw.compareKept(&res)
	if err != nil {
		return Result{}, err
	}
	if sw.s.BetweenPhases != nil {
		sw.s.BetweenPhases() // the kept claims' three readings are garbage now
	}
	// Agreements go to the sink, when there is one, as they are read: seq
	// counts them in the order flatten puts them in before sorting by key.
	seq := 0
	var sinkErr error
	sink := func(rs []blockResult) {
		if sw.s.AgreementSink == nil {
			return
		}
		for i := range rs {
			for _, a := range rs[i].agreements {
				if sinkErr == nil {
					sinkErr = sw.s.AgreementSink(rs[i].key, seq, a)
				}
				seq++
			}
			rs[i].agreements = nil
		}
	}
	if sw.log != nil {
		err := sw.log.each(func(rs []blockResult, internal []docFindings) {
			for i := range rs {
				rs[i].key = renumber(rs[i].key, prov)
			}
			sink(rs)
			sw.out = append(sw.out, rs...)
			sw.inner = append(sw.inner, internal...)
		})
		if err != nil {
			return Result{}, err
		}
	} else {
		for i := range sw.out {
			sw.out[i].key = renumber(sw.out[i].key, prov)
		}
		sink(sw.out)
	}
	sink(global)
	if sinkErr != nil {
		return Result{}, sinkErr
	}
	res.Findings, res.Agreements = flatten(append(sw.out, global...))
	sw.out, global = nil, nil // flattened: not held twice
	// Internal findings in document order, as internalChecks gives them
	// for the whole archive.
	slices.SortStableFunc(sw.inner, func(a, b docFindings) int { return strings.Compare(a.doc, b.doc) })
	var internal []Finding
	for _, d := range sw.inner {
		internal = append(internal, d.fs...)
	}
	sw.inner = nil
	res.Findings = mergeInternal(res.Findings, internal)
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].ID < res.Findings[j].ID })
	return res, nil
}

// stories numbers the stories as Compare does (by their first document)
// and returns them, with each provisional story number's final one.
func (sw *sweep) stories() (Result, map[int]int) {
	type final struct {
		members []int32
		st      Story
		prov    int
	}
	var fs []final
	for _, p := range sw.parts {
		m := append(slices.Clone(p.members), p.joined...)
		slices.Sort(m)
		fs = append(fs, final{members: m, st: Story{Start: p.start, End: p.end}, prov: p.prov})
	}
	for k, g := range sw.undatedGroups {
		fs = append(fs, final{members: g, prov: sw.undatedProv[k]})
	}
	slices.SortFunc(fs, func(a, b final) int { return cmp.Compare(a.members[0], b.members[0]) })
	var res Result
	res.SourceOf, res.Copies = sw.copies.result(sw.ids)
	res.Stories = make([]Story, len(fs))
	res.StoryOf = make(map[string]int, len(sw.ids))
	prov := map[int]int{}
	for k, f := range fs {
		st := f.st
		st.ID = k + 1
		for _, m := range f.members {
			id := sw.ids[m]
			st.Docs = append(st.Docs, id)
			res.StoryOf[id] = st.ID
		}
		res.Stories[k] = st
		prov[f.prov] = st.ID
	}
	return res, prov
}

// compareKept reads the kept claims back and compares them across the
// stories of res. They are read three times, never all held: first for
// their documents' background episodes (grouped across the archive into
// background events), then for the blocks they go to, and last only the
// claims of blocks that hold claims of two documents or more; a block of
// one document's claims has one source and finds nothing (compareGroup),
// so the result is the one all of them at once would give.
func (sw *sweep) compareKept(res *Result) ([]blockResult, error) {
	var ids []string // kept documents, in id order (the claims' order)
	for _, id := range sw.ids {
		if sw.kept[id] != nil {
			ids = append(ids, id)
		}
	}
	cm := newComparer(sw.s.set, nil, res, &grouping{Result: *res}, sw.s.stop, nil)
	infos := make([]docInfo, len(ids))
	var eps []*episode
	for i, id := range ids {
		d, err := sw.store.Doc(id)
		if err != nil {
			return nil, err
		}
		// What the comparer reads of a document is its id and date (the
		// kept claims' sentence names stand for its text): the rest of its
		// metadata, for thousands of documents, is not held.
		inf := cm.add(&claims.Document{ID: d.ID, Published: d.Published}, &infos[i], &grouping{})
		k := sw.kept[id]
		inf.background, inf.names = sentenceSet(k.background), k.namesBySentence()
		kc, err := sw.keptClaims(id)
		if err != nil {
			return nil, err
		}
		sw.s.kept.all += len(kc)
		eps = append(eps, cm.episodes(kc)...)
	}
	cm.bgKeys, cm.bgWhy = cm.groupEpisodes(eps)
	eps = nil
	// Which blocks hold claims of two documents or more: by a hash of the
	// block's key, the first document's number (from 1), or -1 for more
	// than one. Two keys with one hash can only make a block look shared:
	// its claims are then read for nothing, and the result is the same.
	shared := map[uint64]int32{}
	hashes := make([][]uint64, len(ids)) // per kept document, its blocks' hashes
	for i, id := range ids {
		kc, err := sw.keptClaims(id)
		if err != nil {
			return nil, err
		}
		for _, b := range cm.blocks(kc, phaseGlobal) {
			h := keyHash(b.key)
			hashes[i] = append(hashes[i], h)
			switch first, ok := shared[h]; {
			case !ok:
				shared[h] = int32(i + 1)
			case first != int32(i+1):
				shared[h] = -1
			}
		}
	}
	var later []*claims.Claim
	for i, id := range ids {
		// A document none of whose blocks is shared is not read again.
		if !slices.ContainsFunc(hashes[i], func(h uint64) bool { return shared[h] == -1 }) {
			continue
		}
		kc, err := sw.keptClaims(id)
		if err != nil {
			return nil, err
		}
		var need map[*claims.Claim]bool
		for _, b := range cm.blocks(kc, phaseGlobal) {
			if shared[keyHash(b.key)] != -1 {
				continue
			}
			if need == nil {
				need = map[*claims.Claim]bool{}
			}
			for _, c := range b.claims {
				need[c] = true
			}
		}
		for _, c := range kc {
			if need[c] {
				later = append(later, c)
			}
		}
	}
	sw.s.kept.compared = len(later)
	rs := cm.compareClaims(later, phaseGlobal)
	if sw.s.Slim {
		slim(rs, nil)
	}
	return rs, nil
}

// keptClaims reads document id's kept claims back, in document order.
func (sw *sweep) keptClaims(id string) ([]*claims.Claim, error) {
	k := sw.kept[id]
	if k.ref != nil {
		kc, err := sw.store.(KeptStore).Kept(*k.ref)
		if err != nil {
			return nil, err
		}
		if len(kc) != len(k.claims) {
			return nil, fmt.Errorf("document %s: %d kept claims read back, %d kept", id, len(kc), len(k.claims))
		}
		sort.SliceStable(kc, func(i, j int) bool { return byDocStart(kc[i], kc[j]) < 0 })
		return kc, nil
	}
	cs, err := sw.store.Claims(id)
	if err != nil {
		return nil, err
	}
	kc := make([]*claims.Claim, 0, len(k.claims))
	for _, at := range k.claims {
		if int(at) >= len(cs) {
			return nil, fmt.Errorf("document %s: %d claims read back, claim %d kept", id, len(cs), at)
		}
		kc = append(kc, cs[at])
	}
	sort.SliceStable(kc, func(i, j int) bool { return byDocStart(kc[i], kc[j]) < 0 })
	return kc, nil
}

// keyHash is a block key's 64-bit FNV-1a hash.
func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// renumber replaces the provisional story number in a block key
// ("attr|kind|story:N" or "attr|kind|story:N|subject:s") by the final one.
func renumber(key string, final map[int]int) string {
	const tag = "|story:"
	i := strings.Index(key, tag)
	if i < 0 {
		return key
	}
	j := i + len(tag)
	k := j
	for k < len(key) && key[k] >= '0' && key[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(key[j:k])
	if err != nil {
		return key
	}
	return key[:j] + strconv.Itoa(final[n]) + key[k:]
}

// sentenceList lists the sentences of a set, ascending.
func sentenceList(set map[int]bool) []int32 {
	out := make([]int32, 0, len(set))
	for n, ok := range set {
		if ok {
			out = append(out, int32(n))
		}
	}
	slices.Sort(out)
	return out
}

// sentenceSet is sentenceList's set again.
func sentenceSet(list []int32) map[int]bool {
	set := make(map[int]bool, len(list))
	for _, n := range list {
		set[int(n)] = true
	}
	return set
}
