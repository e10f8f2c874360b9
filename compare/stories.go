package compare

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
)

// unionFind groups indexes.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	u[b] = a
}

// shingles returns the distinct hashes (FNV-1a over the lower-case words,
// each followed by a zero byte) of the word 5-grams of a text, sampled 1 in 4
// by hash so that near-duplicate detection stays linear in corpus size,
// sorted. buf is scratch space for the scan, returned for reuse.
//
// The hash is computed inline rather than through hash/fnv, whose Write
// takes a []byte: converting every word cost two allocations per word and
// window, most of syndication's time on a large corpus.
func shingles(text string, buf []token.Token) ([]uint64, []token.Token) {
	buf = token.Scan(text, buf[:0])
	words := make([]string, 0, len(buf))
	for _, t := range buf {
		if t.Kind != token.Punct {
			words = append(words, t.Lower)
		}
	}
	const offset64, prime64 = 14695981039346656037, 1099511628211
	var out []uint64
	for i := 0; i+5 <= len(words); i++ {
		h := uint64(offset64)
		for _, w := range words[i : i+5] {
			for k := 0; k < len(w); k++ {
				h ^= uint64(w[k])
				h *= prime64
			}
			h *= prime64 // the zero byte after each word: h ^= 0 is a no-op
		}
		if h%4 == 0 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), buf
}

// perDoc computes f for every document on GOMAXPROCS goroutines, each with
// its own scratch space from newScratch. Results are stored by index, so
// the output does not depend on scheduling.
func perDoc[S any](docs []*claims.Document, newScratch func() S, f func(i int, s S)) {
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newScratch()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				f(i, s)
			}
		}()
	}
	wg.Wait()
}

// scratch is one worker's reusable space for shingles and keywords.
type scratch struct {
	toks            []token.Token
	proper, content map[string]int
	ranked          []wordCount
}

func newScratch() *scratch {
	return &scratch{proper: map[string]int{}, content: map[string]int{}}
}

// syndication groups near-duplicate documents (the same wire story on
// several sites): two documents are copies when at least 60% of the smaller
// one's sampled 5-word shingles appear in the other. Candidate pairs come
// from the documents' shingles sorted by hash (an inverted index without a
// map), never from all pairs; a shingle found in more than 50 documents is
// boilerplate and ignored.
func syndication(docs []*claims.Document) (source map[string]string, copies map[string][]string) {
	n := len(docs)
	sh := make([][]uint64, n)
	perDoc(docs, newScratch, func(i int, s *scratch) {
		sh[i], s.toks = shingles(docs[i].Text, s.toks)
	})
	type posting struct {
		h   uint64
		doc int32
	}
	total := 0
	for _, s := range sh {
		total += len(s)
	}
	all := make([]posting, 0, total)
	for i, s := range sh {
		for _, h := range s {
			all = append(all, posting{h, int32(i)})
		}
	}
	slices.SortFunc(all, func(a, b posting) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		return cmp.Compare(a.doc, b.doc)
	})
	shared := map[uint64]int32{} // i<<32 | j -> shingles shared
	for lo := 0; lo < len(all); {
		hi := lo + 1
		for hi < len(all) && all[hi].h == all[lo].h {
			hi++
		}
		if hi-lo <= 50 {
			for a := lo; a < hi; a++ {
				for b := a + 1; b < hi; b++ {
					shared[uint64(all[a].doc)<<32|uint64(all[b].doc)]++
				}
			}
		}
		lo = hi
	}
	u := newUnionFind(n)
	for key, k := range shared {
		i, j := int(key>>32), int(key&0xffffffff)
		small := min(len(sh[i]), len(sh[j]))
		if small >= 5 && float64(k) >= 0.6*float64(small) {
			u.union(i, j)
		}
	}
	source = map[string]string{}
	copies = map[string][]string{}
	groups := map[int][]string{}
	for i, d := range docs {
		groups[u.find(i)] = append(groups[u.find(i)], d.ID)
	}
	for _, ids := range groups {
		sort.Strings(ids)
		for _, id := range ids {
			source[id] = ids[0]
			if len(ids) > 1 {
				for _, o := range ids {
					if o != id {
						copies[id] = append(copies[id], o)
					}
				}
			}
		}
	}
	return source, copies
}

// Story is a group of documents reporting the same story.
type Story struct {
	ID         int
	Docs       []string
	Start, End time.Time // publication window; zero when no document is dated
}

// stories groups documents: two dated documents belong together when they
// were published within storyDays of each other and share enough names
// (participants and proper nouns); an undated document joins the story it
// shares most names with, if it shares enough, and otherwise stands alone.
func stories(docs []*claims.Document, participants func(d *claims.Document) []string, stop map[string]bool) ([]Story, map[string]int) {
	const storyDays = 10
	n := len(docs)
	kw := make([]map[string]bool, n)
	parts := make([][]string, n)
	for i, d := range docs {
		parts[i] = participants(d) // the callback need not be safe for concurrent use
	}
	perDoc(docs, newScratch, func(i int, s *scratch) {
		kw[i] = keywords(docs[i], parts[i], stop, s)
	})
	// One postings entry per keyword, holding every document that has it
	// (in index order: documents are added in that order, whatever order
	// a map hands out their words in) and, for dated documents, the same
	// sorted by publication day, so that each document meets only those
	// published within the story window (with a day's margin for times off
	// midnight; the exact test follows). The pairs that can be joined are
	// the same as through the full lists; the work no longer grows with the
	// square of the corpus (at 100k articles, words in up to n/50 documents
	// made this loop most of the comparison). Each document keeps pointers
	// to its words' entries, so the loops below do no map lookups.
	type post struct {
		day int64
		doc int
	}
	type postings struct {
		kind  int
		all   []int
		dated []post
	}
	inv := map[string]*postings{}
	words := make([][]*postings, n)
	counts := make([][2]int, n) // names and content words per document
	day := make([]int64, n)
	for i, d := range docs {
		dated := d.HasDate()
		if dated {
			day[i] = unixDay(d.Published)
		}
		words[i] = make([]*postings, 0, len(kw[i]))
		for w := range kw[i] {
			p := inv[w]
			if p == nil {
				p = &postings{kind: kind(w)}
				inv[w] = p
			}
			p.all = append(p.all, i)
			if dated {
				p.dated = append(p.dated, post{day[i], i})
			}
			counts[i][p.kind]++
			words[i] = append(words[i], p)
		}
	}
	for _, p := range inv {
		slices.SortFunc(p.dated, func(a, b post) int {
			if a.day != b.day {
				return cmp.Compare(a.day, b.day)
			}
			return cmp.Compare(a.doc, b.doc)
		})
	}
	u := newUnionFind(n)
	undated := []int{}
	shared := map[int][2]int{}
	for i, d := range docs {
		if !d.HasDate() {
			undated = append(undated, i)
			continue
		}
		clear(shared)
		for _, p := range words[i] {
			// Words in many documents say little about which story a
			// document belongs to.
			if len(p.all) > maxPosting(n) {
				continue
			}
			l := p.dated
			k := sort.Search(len(l), func(k int) bool { return l[k].day >= day[i]-storyDays-1 })
			for ; k < len(l) && l[k].day <= day[i]+storyDays+1; k++ {
				if j := l[k].doc; j > i {
					c := shared[j]
					c[p.kind]++
					shared[j] = c
				}
			}
		}
		for j, k := range shared {
			dd := docs[j].Published.Sub(d.Published)
			if dd < 0 {
				dd = -dd
			}
			if dd <= storyDays*24*time.Hour && similarity(&k, counts[i], counts[j]) >= 0.25 {
				u.union(i, j)
			}
		}
	}
	for _, i := range undated {
		best, bestScore := -1, 0.0
		shared := map[int]*[2]int{}
		for _, p := range words[i] {
			if len(p.all) > maxPosting(n) {
				continue
			}
			for _, j := range p.all {
				if j != i && docs[j].HasDate() {
					if shared[j] == nil {
						shared[j] = &[2]int{}
					}
					shared[j][p.kind]++
				}
			}
		}
		for j, k := range shared {
			if s := similarity(k, counts[i], counts[j]); s > bestScore || s == bestScore && j < best {
				best, bestScore = j, s
			}
		}
		if best >= 0 && bestScore >= 0.4 {
			u.union(i, best)
		}
	}
	groups := map[int][]int{}
	for i := range docs {
		groups[u.find(i)] = append(groups[u.find(i)], i)
	}
	roots := make([]int, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Slice(roots, func(a, b int) bool { return docs[roots[a]].ID < docs[roots[b]].ID })
	var out []Story
	byDoc := map[string]int{}
	for k, r := range roots {
		st := Story{ID: k + 1}
		for _, i := range groups[r] {
			d := docs[i]
			st.Docs = append(st.Docs, d.ID)
			byDoc[d.ID] = st.ID
			if d.HasDate() {
				if st.Start.IsZero() || d.Published.Before(st.Start) {
					st.Start = d.Published
				}
				if d.Published.After(st.End) {
					st.End = d.Published
				}
			}
		}
		sort.Strings(st.Docs)
		out = append(out, st)
	}
	return out, byDoc
}

// unixDay is the day number of t since 1970 (rounded down).
func unixDay(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

// maxPosting is the document frequency above which a keyword is ignored
// for grouping.
func maxPosting(n int) int { return max(20, n/50) }

// kind tells names (participants and proper nouns, prefixed "@") from
// content words.
func kind(w string) int {
	if strings.HasPrefix(w, "@") {
		return 0
	}
	return 1
}

// similarity of two documents for story grouping. Names (participants and
// proper nouns) decide when both documents have any: they carry across
// languages ("Kim", "KCNA", "Pyongyang") and tell two shootings in one week
// apart (Denver, Memphis) where content words ("gunman", "killed") would
// merge them. Documents without names fall back to content words.
func similarity(shared *[2]int, na, nb [2]int) float64 {
	k := 0
	if na[0] == 0 || nb[0] == 0 {
		k = 1
	}
	m := min(na[k], nb[k])
	if m == 0 {
		return 0
	}
	return float64(shared[k]) / float64(m)
}

// keywords are what tells two stories apart: a document's participants,
// the proper nouns it uses (capitalised words that do not open a sentence,
// in any language), and its most frequent content words (four letters or
// more, not a function word of any language). Two reports of one flood share
// "valley", "floods", the town's name; a report of last year's flood shares
// them too, which is why stories also need publication dates close together.
func keywords(d *claims.Document, participants []string, stop map[string]bool, s *scratch) map[string]bool {
	out := map[string]bool{}
	for _, p := range participants {
		out["@@"+p] = true
	}
	s.toks = token.Scan(d.Text, s.toks[:0])
	toks := s.toks
	proper, content := s.proper, s.content
	clear(proper)
	clear(content)
	// Words the text also writes in lower case are not names.
	lower := map[string]bool{}
	for _, t := range toks {
		if t.Kind == token.Word && t.Flags&(token.Capital|token.AllCaps) == 0 {
			lower[t.Lower] = true
		}
	}
	for i, t := range toks {
		if t.Kind != token.Word || len(t.Text) < 3 || stop[t.Lower] || stopCaps[t.Lower] {
			continue
		}
		opens := i == 0 || t.Is(token.NewlineBefore)
		if !opens {
			switch toks[i-1].Text {
			case ".", "!", "?", "\"", "“", ":":
				opens = true
			}
		}
		capital := t.Is(token.Capital) || t.Is(token.AllCaps)
		// An opening word is a name when it begins a run of names ("Kim
		// Jong Un has ordered", "Donald Trump said"), not when a common
		// word opens the sentence ("Police in Denver said").
		startsName := opens && i+1 < len(toks) && toks[i+1].Kind == token.Word &&
			toks[i+1].Is(token.Capital) && !toks[i+1].Is(token.NewlineBefore) && !lower[t.Lower]
		// A dateline's place: "JAKARTA, Rabu (27/11/2024) -".
		startsName = startsName || opens && t.Is(token.AllCaps) && i+1 < len(toks) && toks[i+1].Text == ","
		if capital && (!opens || startsName) {
			proper[t.Lower]++
		} else if len(t.Lower) >= 4 {
			content[t.Lower]++
		}
	}
	for _, w := range s.top(proper, 20) {
		out["@"+w] = true
	}
	for _, w := range s.top(content, 20) {
		out[w] = true
	}
	return out
}

type wordCount struct {
	w string
	n int
}

// top returns the n most frequent words, ties broken alphabetically. The
// order is total (words are distinct), so it does not depend on the map's.
// Only the n best are kept while scanning (a document has hundreds of
// distinct words and n is 20), then those are sorted.
func (s *scratch) top(count map[string]int, n int) []string {
	better := func(a, b wordCount) bool { return a.n > b.n || a.n == b.n && a.w < b.w }
	best := s.ranked[:0]
	for w, c := range count {
		x := wordCount{w, c}
		if len(best) == n && !better(x, best[n-1]) {
			continue
		}
		// Insert in order; best stays sorted, at most n long.
		k := len(best)
		if k < n {
			best = append(best, x)
		} else {
			k = n - 1
		}
		for k > 0 && better(x, best[k-1]) {
			best[k] = best[k-1]
			k--
		}
		best[k] = x
	}
	s.ranked = best
	out := make([]string, len(best))
	for i, x := range best {
		out[i] = x.w
	}
	return out
}

// stopCaps are capitalised words too common in news to say which story a
// text belongs to.
var stopCaps = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("the a an in on at of and but he she it they we i mr mrs ms dr president minister government news reuters associated press ap afp cnn bbc monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december senin selasa rabu kamis jumat sabtu minggu wib wita wit gmt utc est januari februari maret mei juni juli agustus oktober desember presiden menteri pemerintah") {
		m[w] = true
	}
	return m
}()
