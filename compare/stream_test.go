package compare

import (
	"fmt"
	"math/rand"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syntheticArchive builds n short articles about overlapping topics: each
// names a few invented places and people from its topic's pool and a few
// from a neighbouring topic's, about perDay a day, with a jump of 8 to 14
// days now and then (so that stories chain across the ten-day window and
// are cut at its edge), and every undatedEvery-th article undated. From
// article 6,000, 230 articles name one more name: in a 12,000-article
// archive it is indexed (230 <= 12,000/50) yet too common within its
// window (> maxWindowPosting).
func syntheticArchive(seed int64, n, topics, undatedEvery int, perDay float64) []*claims.Document {
	r := rand.New(rand.NewSource(seed))
	syll := []string{"ka", "lo", "mi", "ren", "tor", "va", "zu", "bel", "dan", "qui", "sor", "pet", "ul", "gra", "fen"}
	name := func() string {
		var b strings.Builder
		for k := 0; k < 3; k++ {
			b.WriteString(syll[r.Intn(len(syll))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	pools := make([][]string, topics)
	for t := range pools {
		for k := 0; k < 12; k++ {
			pools[t] = append(pools[t], name())
		}
	}
	common := []string{name(), name(), name()}
	burst := "Wexhampton" // not made of the syllables: no other name equals it
	words := []string{"harbour", "council", "bridge", "flooding", "tariff", "election", "strike", "vaccine", "pipeline", "drought"}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*claims.Document
	var body string
	// Ids in another order than dates, as file names are: which of two
	// articles is compared from the other's side depends on the ids.
	ids := r.Perm(n)
	for i := 0; i < n; i++ {
		if r.Float64() < 1/perDay {
			day = day.AddDate(0, 0, 1)
		}
		if r.Intn(60) == 0 {
			day = day.AddDate(0, 0, 8+r.Intn(7))
		}
		t := r.Intn(topics)
		pick := func(p []string) string { return p[r.Intn(len(p))] }
		nb := pools[(t+1)%topics]
		title := fmt.Sprintf("%s and %s agree on %s", pick(pools[t]), pick(pools[t]), words[t%len(words)])
		body = fmt.Sprintf("Officials from %s met envoys of %s about the %s. The talks in %s drew %s, %s and %s. "+
			"Later the %s of %s was discussed with %s.",
			pick(pools[t]), pick(pools[t]), words[t%len(words)], pick(pools[t]), pick(nb), pick(common), pick(pools[t]),
			words[(t+3)%len(words)], pick(common), pick(nb))
		if i >= 6000 && i < 6230 {
			// Short: sharing the one name is enough to join, if the
			// posting is walked at all.
			body = fmt.Sprintf("Observers from %s visited %s.", burst, pick(pools[t]))
		}
		d := &claims.Document{ID: fmt.Sprintf("a%05d", ids[i]), Path: fmt.Sprintf("a%05d.txt", ids[i]), Title: title,
			Text: title + "\n\n" + body + "\n", Language: "en", Status: claims.StatusRead}
		if undatedEvery == 0 || i%undatedEvery != 1 {
			d.Published = day.Add(time.Duration(r.Intn(24)) * time.Hour)
			d.PublishedSource = claims.SourceMetadata
		}
		docs = append(docs, d)
		// Now and then a reprint: the same text (a line added) under
		// another id, a day to a fortnight later or undated, so that
		// copies fall inside and outside the copy window.
		if r.Intn(12) == 0 {
			c := *d
			c.ID, c.Path = d.ID+"-copy", d.Path+"-copy"
			c.Text = d.Text + "Reprinted with permission.\n"
			if r.Intn(3) == 0 {
				c.Published, c.PublishedSource = time.Time{}, ""
			} else if !c.Published.IsZero() {
				c.Published = c.Published.AddDate(0, 0, 1+r.Intn(14))
			}
			docs = append(docs, &c)
		}
	}
	return docs
}

func streamResult(t *testing.T, set *rules.Set, docs []*claims.Document, cs map[string][]*claims.Claim, workers int) Result {
	t.Helper()
	s := NewStream(set)
	store := NewMemStore()
	for i := len(docs) - 1; i >= 0; i-- { // any order
		d := docs[i]
		store.Put(d, cs[d.ID], s.Add(d, cs[d.ID]))
	}
	res, all, err := s.Run(store, workers)
	require.NoError(t, err)
	require.Len(t, all, len(docs))
	return res
}

// Stream's sweep (a window of dated articles, stories closed as the window
// passes them, undated articles placed last) groups exactly as Compare's
// grouping of the whole archive: chains of stories across the window's
// edge, dense windows, undated articles that join a story or each other.
func TestStreamGroupsAsCompare(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	cases := []struct {
		name                          string
		seed                          int64
		n, topics, undatedEvery, work int
		perDay                        float64
	}{
		{"chains", 1, 400, 30, 0, 2, 3},
		{"chains, one worker", 2, 400, 20, 0, 1, 2},
		{"undated among them", 3, 500, 30, 5, 2, 3},
		{"mostly undated", 4, 200, 15, 2, 3, 4},
		{"dense: a name passes the window's posting limit", 5, 12000, 600, 50, 2, 60},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := syntheticArchive(tc.seed, tc.n, tc.topics, tc.undatedEvery, tc.perDay)
			want := Compare(docs, nil, set)
			got := streamResult(t, set, docs, nil, tc.work)
			assert.Equal(t, want.Stories, got.Stories)
			assert.Equal(t, want.StoryOf, got.StoryOf)
			assert.Equal(t, want.SourceOf, got.SourceOf)
			assert.Equal(t, want.Copies, got.Copies)
			assert.NotEmpty(t, want.Copies, "some reprints are copies")
			assert.Greater(t, len(want.Stories), 1)
			assert.Less(t, len(want.Stories), len(docs), "some articles are grouped")
		})
	}
}

// An undated article whose lead ties between two stories joins the one its
// whole text resembles most (regroup breaks the tie by stories' undated
// join), not the first: the sweep replays that tie-break.
func TestStreamUndatedTie(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	docs := syntheticTie()
	want := Compare(docs, nil, set)
	require.NotEqual(t, want.StoryOf["a1"], want.StoryOf["b1"], "two stories, months apart")
	require.Equal(t, want.StoryOf["b1"], want.StoryOf["u"], "the undated article joins the story its text resembles")
	got := streamResult(t, set, docs, nil, 1)
	assert.Equal(t, want.Stories, got.Stories)
	assert.Equal(t, want.StoryOf, got.StoryOf)
}

// syntheticTie: two stories months apart with the same lead, and an
// undated article with that lead whose body is the second story's.
func syntheticTie() []*claims.Document {
	lead := "Velmora and Quistan sign a river accord\n\nLeaders of Velmora and Quistan signed a river accord on Tuesday. The accord covers fishing rights.\n\n"
	doc := func(id string, day int, body string) *claims.Document {
		d := &claims.Document{ID: id, Path: id + ".txt", Title: "Velmora and Quistan sign a river accord",
			Text: lead + body, Language: "en", Status: claims.StatusRead}
		if day > 0 {
			d.Published = time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, day)
			d.PublishedSource = claims.SourceMetadata
		}
		return d
	}
	spring := "Officials from Tarnwick and Oldbrook attended. Farmers in Tarnwick welcomed the Oldbrook dam plan.\n"
	summer := "Delegates from Harrowgate and Penmoor attended. Fishermen in Harrowgate praised the Penmoor quay plan.\n"
	return []*claims.Document{
		doc("a1", 1, spring), doc("a2", 2, spring),
		doc("b1", 90, summer), doc("b2", 91, summer),
		doc("u", 0, summer),
	}
}

// A loader that fails while stories are compared makes Run fail with its
// error, whichever goroutine met it.
func TestStreamLoaderError(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	docs := syntheticArchive(7, 120, 10, 4, 3)
	s := NewStream(set)
	store := &failingStore{MemStore: NewMemStore(), after: 30}
	for _, d := range docs {
		store.Put(d, nil, s.Add(d, nil))
	}
	_, _, err = s.Run(store, 1)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk gone")
}

// Group tells the same stories and copies as Compare, without findings.
func TestGroupAsCompare(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	docs := syntheticArchive(9, 300, 20, 4, 3)
	want := Compare(docs, nil, set)
	got := Group(docs, nil, set)
	assert.Equal(t, want.Stories, got.Stories)
	assert.Equal(t, want.StoryOf, got.StoryOf)
	assert.Equal(t, want.SourceOf, got.SourceOf)
	assert.Equal(t, want.Copies, got.Copies)
	assert.Empty(t, got.Findings)
}

// failingStore fails every Load after the first few.
type failingStore struct {
	*MemStore
	after int32
	calls atomic.Int32 // the sweep and the worker both read
}

func (f *failingStore) Load(id string) (*claims.Document, []*claims.Claim, error) {
	if f.calls.Add(1) > f.after { // a worker's read
		return nil, nil, fmt.Errorf("spill file: disk gone (%s)", id)
	}
	return f.MemStore.Load(id)
}

// The claims kept for the last step (once-only events, background
// sentences) are compared only when their block holds claims of two
// documents or more: a pact only one article mentions, or two mentions of
// it in one article, is read and set aside, and the result is Compare's.
func TestKeptClaimsOfOneDocumentSetAside(t *testing.T) {
	set, err := rules.Builtin()
	require.NoError(t, err)
	day := time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC)
	texts := map[string]string{
		// Two articles date the same pact differently: compared.
		"a": "Kim Jong Un and Vladimir Putin signed their defence pact in 2023, the agency recalled.",
		"b": "Russia and North Korea signed the defence treaty in June 2024, according to the ministry.",
		// A pact only one article names, twice: set aside.
		"c": "France and Germany signed a water treaty in 2019. France and Germany signed that treaty after long talks in 2019.",
	}
	var docs []*claims.Document
	cs := map[string][]*claims.Claim{}
	eng := extract.New(set)
	for _, id := range []string{"a", "b", "c"} {
		d := &claims.Document{ID: id, Path: id + ".txt", Text: texts[id], Language: "en", Status: claims.StatusRead,
			Published: day, PublishedSource: claims.SourceMetadata}
		docs = append(docs, d)
		cs[id] = eng.Extract(d)
	}
	var all []*claims.Claim
	for _, d := range docs {
		all = append(all, cs[d.ID]...)
	}
	want := Compare(docs, all, set)
	require.NotEmpty(t, want.Findings, "the pact's two dates conflict")

	s := NewStream(set)
	store := NewMemStore()
	for _, d := range docs {
		store.Put(d, cs[d.ID], s.Add(d, cs[d.ID]))
	}
	got, _, err := s.Run(store, 2)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, 4, s.kept.all, "every pact date is kept for the last step")
	assert.Equal(t, 2, s.kept.compared, "only a's and b's are compared")
}
