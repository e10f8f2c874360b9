package report

import (
	"io"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/extract"
	"github.com/crosscheck/crosscheck/compare/internal/corpusgen"
	"github.com/crosscheck/crosscheck/rules"
)

// BenchmarkRenderClaims writes the documents and claims of generated
// articles as `crosscheck claims` does (the claims converted as they are
// written), in MB/s of output.
func BenchmarkRenderClaims(b *testing.B) {
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	eng := extract.New(set)
	docs := corpusgen.Generate(7, 400, corpusgen.Mixed).Documents()
	var cs []*claims.Claim
	syn := map[string][]string{}
	for i, d := range docs {
		cs = append(cs, eng.Extract(d)...)
		if i > 0 {
			syn[d.ID] = []string{docs[i-1].ID}
		}
	}
	r := Build(Input{Documents: docs, Claims: cs, Syndicated: syn, LazyClaims: true})
	for _, format := range []string{"json", "jsonl"} {
		b.Run(format, func(b *testing.B) {
			var n countingWriter
			if err := RenderClaims(&n, r, format, RenderOptions{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				if err := RenderClaims(io.Discard, r, format, RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
