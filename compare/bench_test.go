package compare

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
)

// benchSet loads the built-in rules once for all benchmarks.
func benchSet(b *testing.B) *rules.Set {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	return set
}

// extracted is a generated corpus with its claims, extracted once and shared
// by the comparison benchmarks (extraction has benchmarks of its own).
type extracted struct {
	docs   []*claims.Document
	claims []*claims.Claim
	bytes  int
}

var (
	extractedMu    sync.Mutex
	extractedCache = map[int]*extracted{}
)

func benchCorpus(b *testing.B, n int) *extracted {
	extractedMu.Lock()
	defer extractedMu.Unlock()
	if e := extractedCache[n]; e != nil {
		return e
	}
	c := corpusgen.Generate(1, n, corpusgen.Mixed)
	docs := c.Documents()
	eng := extract.New(benchSet(b))
	var cs []*claims.Claim
	var wg sync.WaitGroup
	per := make([][]*claims.Claim, len(docs))
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(docs); i += 2 {
				per[i] = eng.Extract(docs[i])
			}
		}(w)
	}
	wg.Wait()
	for _, p := range per {
		cs = append(cs, p...)
	}
	e := &extracted{docs: docs, claims: cs, bytes: c.Bytes()}
	extractedCache[n] = e
	return e
}

// BenchmarkCompareCorpus aligns and compares the claims of a generated
// corpus (stories, syndication, blocking, comparison, internal checks),
// reporting claims/s.
func BenchmarkCompareCorpus(b *testing.B) {
	set := benchSet(b)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			e := benchCorpus(b, n)
			b.ReportAllocs()
			for b.Loop() {
				Compare(e.docs, e.claims, set)
			}
			b.ReportMetric(float64(len(e.claims)), "claims")
			b.ReportMetric(float64(len(e.claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// synthetic builds nClaims claims over documents of 20 claims each, in
// stories of five articles published twelve days apart (so stories never
// merge), with one article in every third story disagreeing on one figure.
// The texts are short but carry each story's own names, so the story and
// syndication passes do real work.
func synthetic(nClaims int) ([]*claims.Document, []*claims.Claim) {
	const perDoc, perStory = 20, 5
	nDocs := (nClaims + perDoc - 1) / perDoc
	docs := make([]*claims.Document, 0, nDocs)
	cs := make([]*claims.Claim, 0, nClaims)
	epoch := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	type attr struct {
		name string
		kind claims.Kind
		unit string
	}
	attrs := []attr{
		{"casualties.killed", claims.KindCount, ""}, {"casualties.injured", claims.KindCount, ""},
		{"disaster.magnitude", claims.KindQuantity, "magnitude"}, {"disaster.date", claims.KindDate, ""},
		{"meeting.duration", claims.KindDuration, "day"}, {"meeting.participants", claims.KindCount, ""},
		{"election.vote-share", claims.KindPercent, "%"}, {"election.turnout", claims.KindPercent, "%"},
		{"missile-test.range", claims.KindQuantity, "km"}, {"acquisition.value", claims.KindMoney, "USD"},
	}
	name := func(n, salt int) string {
		var sb strings.Builder
		sb.WriteByte(byte('A' + salt))
		for n > 0 || sb.Len() < 4 {
			sb.WriteByte(byte('a' + n%26))
			n /= 26
		}
		return sb.String()
	}
	for d := 0; d < nDocs; d++ {
		story := d / perStory
		pub := epoch.AddDate(0, 0, 12*story)
		names := name(story, 0) + " " + name(story, 1) + " " + name(story, 2)
		// Words of this article alone, so that articles of a story are
		// independent sources rather than syndicated copies.
		var own strings.Builder
		for w := 0; w < 40; w++ {
			own.WriteString(strings.ToLower(name(d*41+w, 5+w%15)))
			own.WriteByte(' ')
		}
		text := fmt.Sprintf("Report %d on %s\n\nOfficials in %s said the %s figures were confirmed by %s. Witness %s spoke to reporter %s.\n%s",
			d, names, names, names, names, name(d, 3), name(d, 4), own.String())
		doc := &claims.Document{ID: fmt.Sprintf("d%07d", d), Text: text, Status: claims.StatusRead, Published: pub, Language: "en"}
		docs = append(docs, doc)
		odd := story%3 == 0 && d%perStory == 0
		for k := 0; k < perDoc && len(cs) < nClaims; k++ {
			a := attrs[k%len(attrs)]
			v := float64(10 + story%50 + k%len(attrs))
			if odd && k%len(attrs) == 0 {
				v *= 3
			}
			c := &claims.Claim{ID: fmt.Sprintf("%s:%d", doc.ID, k), Doc: doc.ID, Kind: a.kind, Attribute: a.name,
				Frame: strings.SplitN(a.name, ".", 2)[0], Start: 200 + k*8, End: 204 + k*8, Sentence: k + 1}
			c.Text = text[c.Start:c.End]
			if a.kind == claims.KindDate {
				st := pub.AddDate(0, 0, -1)
				c.Date = &claims.DateValue{Start: st, End: st.AddDate(0, 0, 1), Gran: claims.GranDay}
				c.Value = c.Date.Canonical()
			} else {
				c.Num = &claims.NumberValue{Value: v, Low: claims.Ptr(v), High: claims.Ptr(v), Precision: 1, Unit: a.unit}
				c.Value = claims.FormatNumber(v)
			}
			cs = append(cs, c)
		}
	}
	return docs, cs
}

// BenchmarkCompareScaling compares 10k to 1M synthetic claims. Near-linear
// growth shows as a flat ns/claim across sizes.
func BenchmarkCompareScaling(b *testing.B) {
	set := benchSet(b)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			docs, cs := synthetic(n)
			b.ReportAllocs()
			var res Result
			for b.Loop() {
				res = Compare(docs, cs, set)
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(n)/sec, "claims/s")
			b.ReportMetric(sec*1e9/float64(n), "ns/claim")
			if want := n / 20 / 5 / 3; math.Abs(float64(len(res.Findings)-want)) > float64(want)/2+2 {
				b.Fatalf("%d findings, want about %d: the synthetic corpus no longer pairs as designed", len(res.Findings), want)
			}
		})
	}
}
