package compare

import (
	"hash/fnv"
	"sort"
	"strings"
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

// shingles returns hashes of the word 5-grams of a text, sampled (1 in 4 by
// hash) so that near-duplicate detection stays linear in corpus size.
func shingles(text string) map[uint64]bool {
	toks := token.Scan(text, nil)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind != token.Punct {
			words = append(words, t.Lower)
		}
	}
	out := map[uint64]bool{}
	for i := 0; i+5 <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+5] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		v := h.Sum64()
		if v%4 == 0 {
			out[v] = true
		}
	}
	return out
}

// syndication groups near-duplicate documents (the same wire story on
// several sites): two documents are copies when at least 60% of the smaller
// one's sampled 5-word shingles appear in the other. Candidate pairs come
// from an inverted index, never from all pairs.
func syndication(docs []*claims.Document) (source map[string]string, copies map[string][]string) {
	n := len(docs)
	sh := make([]map[uint64]bool, n)
	inv := map[uint64][]int{}
	for i, d := range docs {
		sh[i] = shingles(d.Text)
		for h := range sh[i] {
			inv[h] = append(inv[h], i)
		}
	}
	u := newUnionFind(n)
	for i := range docs {
		shared := map[int]int{}
		for h := range sh[i] {
			list := inv[h]
			if len(list) > 50 {
				continue // boilerplate shared by many documents
			}
			for _, j := range list {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, k := range shared {
			small := min(len(sh[i]), len(sh[j]))
			if small >= 5 && float64(k) >= 0.6*float64(small) {
				u.union(i, j)
			}
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
	inv := map[string][]int{}
	for i, d := range docs {
		kw[i] = keywords(d, participants(d), stop)
		for w := range kw[i] {
			inv[w] = append(inv[w], i)
		}
	}
	u := newUnionFind(n)
	undated := []int{}
	for i, d := range docs {
		if !d.HasDate() {
			undated = append(undated, i)
			continue
		}
		shared := map[int]*[2]int{}
		for w := range kw[i] {
			// Words in many documents say little about which story a
			// document belongs to and would make this loop quadratic.
			if len(inv[w]) > maxPosting(n) {
				continue
			}
			for _, j := range inv[w] {
				if j > i && docs[j].HasDate() {
					if shared[j] == nil {
						shared[j] = &[2]int{}
					}
					shared[j][kind(w)]++
				}
			}
		}
		for j, k := range shared {
			dd := docs[j].Published.Sub(d.Published)
			if dd < 0 {
				dd = -dd
			}
			if dd <= storyDays*24*time.Hour && similarity(k, kw[i], kw[j]) >= 0.25 {
				u.union(i, j)
			}
		}
	}
	for _, i := range undated {
		best, bestScore := -1, 0.0
		shared := map[int]*[2]int{}
		for w := range kw[i] {
			if len(inv[w]) > maxPosting(n) {
				continue
			}
			for _, j := range inv[w] {
				if j != i && docs[j].HasDate() {
					if shared[j] == nil {
						shared[j] = &[2]int{}
					}
					shared[j][kind(w)]++
				}
			}
		}
		for j, k := range shared {
			if s := similarity(k, kw[i], kw[j]); s > bestScore || s == bestScore && j < best {
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

// similarity is the larger of the overlap coefficients of two documents'
// names and of their content words: names carry across languages ("Kim",
// "KCNA", "Pyongyang"), content words within one.
func similarity(shared *[2]int, a, b map[string]bool) float64 {
	var na, nb [2]int
	for w := range a {
		na[kind(w)]++
	}
	for w := range b {
		nb[kind(w)]++
	}
	best := 0.0
	for k := 0; k < 2; k++ {
		if m := min(na[k], nb[k]); m > 0 {
			best = max(best, float64(shared[k])/float64(m))
		}
	}
	return best
}

// keywords are what tells two stories apart: a document's participants,
// the proper nouns it uses (capitalised words that do not open a sentence,
// in any language), and its most frequent content words (four letters or
// more, not a function word of any language). Two reports of one flood share
// "valley", "floods", the town's name; a report of last year's flood shares
// them too, which is why stories also need publication dates close together.
func keywords(d *claims.Document, participants []string, stop map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, p := range participants {
		out["@@"+p] = true
	}
	toks := token.Scan(d.Text, nil)
	proper := map[string]int{}
	content := map[string]int{}
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
		if (t.Is(token.Capital) || t.Is(token.AllCaps)) && !opens {
			proper[t.Lower]++
		} else if len(t.Lower) >= 4 {
			content[t.Lower]++
		}
	}
	for _, w := range top(proper, 20) {
		out["@"+w] = true
	}
	for _, w := range top(content, 20) {
		out[w] = true
	}
	return out
}

// top returns the n most frequent words, ties broken alphabetically.
func top(count map[string]int, n int) []string {
	type kv struct {
		w string
		n int
	}
	all := make([]kv, 0, len(count))
	for w, c := range count {
		all = append(all, kv{w, c})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].w < all[j].w
	})
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].w)
	}
	return out
}

// stopCaps are capitalised words too common in news to say which story a
// text belongs to.
var stopCaps = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("the a an in on at of and but he she it they we i mr mrs ms dr president minister government news reuters associated press ap afp cnn bbc monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december senin selasa rabu kamis jumat sabtu minggu januari februari maret mei juni juli agustus oktober desember presiden menteri pemerintah") {
		m[w] = true
	}
	return m
}()
