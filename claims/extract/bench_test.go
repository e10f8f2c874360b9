package extract_test

import (
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/rules"
)

// stages are engines running a subset of the extractors: furniture alone
// measures the shared work (token scan, language, sentences, frames), and
// the others add one extractor each, so the difference between two lines is
// the cost of that extractor.
var stages = []struct {
	name string
	xs   func() []extract.Step
}{
	{"all", nil},
	{"base", func() []extract.Step { return []extract.Step{extract.Furniture} }},
	{"dates", func() []extract.Step {
		return []extract.Step{extract.Furniture, extract.Dates}
	}},
	{"numbers", func() []extract.Step {
		return []extract.Step{extract.Furniture, extract.Numbers}
	}},
	{"ordinals", func() []extract.Step {
		return []extract.Step{extract.Furniture, extract.Ordinals}
	}},
}

// BenchmarkExtract measures per-document extraction on one core, in MB/s of
// article text (wall clock, and cpu-MB/s of process CPU time, which a busy
// machine disturbs less) and claims/s, for the whole extractor set and per
// stage.
func BenchmarkExtract(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "id"} {
		for _, st := range stages {
			b.Run(lang+"/"+st.name, func(b *testing.B) {
				texts := benchcorpus.Load(b, lang)
				eng := extract.New(set)
				if st.xs != nil {
					eng.Steps = st.xs()
				}
				docs := make([]claims.Document, len(texts))
				eng.Extract(&claims.Document{ID: "warm", Text: texts[0], Status: claims.StatusRead})
				b.SetBytes(benchcorpus.TotalBytes(texts))
				b.ReportAllocs()
				n := 0
				cpu := benchcorpus.CPUTime()
				for b.Loop() {
					for i, t := range texts {
						// A fresh document each time: Extract fills in the
						// language and dateline date, which would otherwise
						// skip that work from the second iteration on.
						docs[i] = claims.Document{ID: "d", Text: t, Status: claims.StatusRead}
						n += len(eng.Extract(&docs[i]))
					}
				}
				benchcorpus.ReportCPU(b, cpu, benchcorpus.TotalBytes(texts))
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "claims/s")
			})
		}
	}
}

// BenchmarkExtractReal measures extraction on varied real articles
// (benchcorpus.Variants over ../shared/corpora, about 5 MB per language;
// skipped when the corpora are absent), which carry about three times the
// claims per MB of the generated corpus.
func BenchmarkExtractReal(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "id"} {
		b.Run(lang, func(b *testing.B) {
			texts := benchcorpus.LoadReal(b, lang, 5_000_000)
			eng := extract.New(set)
			eng.Extract(&claims.Document{ID: "warm", Text: texts[0], Status: claims.StatusRead})
			b.SetBytes(benchcorpus.TotalBytes(texts))
			b.ReportAllocs()
			n := 0
			cpu := benchcorpus.CPUTime()
			for b.Loop() {
				for _, t := range texts {
					n += len(eng.Extract(&claims.Document{ID: "d", Text: t, Status: claims.StatusRead}))
				}
			}
			benchcorpus.ReportCPU(b, cpu, benchcorpus.TotalBytes(texts))
			b.ReportMetric(float64(n)/float64(b.N)/float64(benchcorpus.TotalBytes(texts))*1e6, "claims/MB")
		})
	}
}
