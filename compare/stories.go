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
func stories(docs []*claims.Document, participants func(d *claims.Document) []string) ([]Story, map[string]int) {
	const storyDays = 10
	n := len(docs)
	kw := make([]map[string]bool, n)
	inv := map[string][]int{}
	for i, d := range docs {
		kw[i] = keywords(d, participants(d))
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
		shared := map[int]int{}
		for w := range kw[i] {
			if len(inv[w]) > n/2+5 && n > 20 {
				continue
			}
			for _, j := range inv[w] {
				if j > i && docs[j].HasDate() {
					shared[j]++
				}
			}
		}
		for j, k := range shared {
			dd := docs[j].Published.Sub(d.Published)
			if dd < 0 {
				dd = -dd
			}
			if dd <= storyDays*24*time.Hour && overlapCoeff(k, kw[i], kw[j]) >= 0.25 {
				u.union(i, j)
			}
		}
	}
	for _, i := range undated {
		best, bestScore := -1, 0.0
		shared := map[int]int{}
		for w := range kw[i] {
			for _, j := range inv[w] {
				if j != i && docs[j].HasDate() {
					shared[j]++
				}
			}
		}
		for j, k := range shared {
			if s := overlapCoeff(k, kw[i], kw[j]); s > bestScore || s == bestScore && j < best {
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

func overlapCoeff(shared int, a, b map[string]bool) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(shared) / float64(m)
}

// keywords are a document's participants and the proper nouns it repeats:
// capitalised words that do not open a sentence, in any language, which is
// what tells two stories about North Korea from one about an earthquake.
func keywords(d *claims.Document, participants []string) map[string]bool {
	out := map[string]bool{}
	for _, p := range participants {
		out["@"+p] = true
	}
	toks := token.Scan(d.Text, nil)
	count := map[string]int{}
	for i, t := range toks {
		if t.Kind != token.Word || len(t.Text) < 3 || !(t.Is(token.Capital) || t.Is(token.AllCaps)) {
			continue
		}
		if i == 0 || t.Is(token.NewlineBefore) {
			continue
		}
		switch toks[i-1].Text {
		case ".", "!", "?", "\"", "“", ":":
			continue
		}
		count[t.Lower]++
	}
	type kv struct {
		w string
		n int
	}
	var all []kv
	for w, n := range count {
		all = append(all, kv{w, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].w < all[j].w
	})
	for i, x := range all {
		if i >= 25 {
			break
		}
		if !stopCaps[x.w] {
			out[x.w] = true
		}
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
