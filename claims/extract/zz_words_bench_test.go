package extract_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/claims/internal/benchcorpus"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/rules"
)

func BenchmarkZZWords(b *testing.B) {
	set, _ := rules.Builtin()
	texts := benchcorpus.LoadReal(b, "en", 5_000_000)
	eng := extract.New(set)
	an := compare.NewAnalyser(set)
	docs := make([]*claims.Document, len(texts))
	toks := make([][]token.Token, len(texts))
	for i, t := range texts {
		docs[i] = &claims.Document{ID: "d", Text: t, Status: claims.StatusRead}
		eng.ExtractThen(docs[i], func(tk []token.Token, _ []*claims.Claim) { toks[i] = append([]token.Token(nil), tk...) })
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			an.Words(docs[i], toks[i])
		}
	}
}
