package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/crosscheck/crosscheck/claims"
)

// renderJSON writes the report exactly as the versioned contract defines it.
// Review options do not apply: dismissed findings stay in, carrying their
// review, because consumers of the JSON decide for themselves.
//
// The report is written element by element rather than marshalled whole:
// at 100,000 articles json.MarshalIndent held the 400 MB document and
// about three times that in temporary buffers. The bytes are the same as
// MarshalIndent's (TestJSONStreamMatchesMarshalIndent).
func renderJSON(w io.Writer, r *Report, _ RenderOptions) error {
	jw := newJSONWriter(w)
	jw.open()
	jw.field("version", r.Version)
	jw.documents(r, r.Documents)
	jw.claims(r, r.Claims)
	jsonArray(jw, "discrepancies", r.Discrepancies)
	jw.agreements(r)
	if len(r.Stale) > 0 { // omitempty
		jsonArray(jw, "stale_reviews", r.Stale)
	}
	return jw.close()
}

// ClaimsOutput is the JSON the claims command prints: the report's documents
// and claims without findings, under the same schema version.
type ClaimsOutput struct {
	Version   int        `json:"version"`
	Documents []Document `json:"documents"`
	Claims    []Claim    `json:"claims"`
}

func renderClaimsJSON(w io.Writer, r *Report, _ RenderOptions) error {
	jw := newJSONWriter(w)
	jw.open()
	jw.field("version", r.Version)
	docs := r.Documents
	if docs == nil {
		docs = []Document{}
	}
	jw.documents(r, docs)
	cs := r.Claims
	if cs == nil {
		cs = []Claim{}
	}
	jw.claims(r, cs)
	return jw.close()
}

// jsonWriter writes one JSON object, indented as json.MarshalIndent(v, "",
// "  ") indents it, a field or an array element at a time. The first error
// sticks; close returns it.
type jsonWriter struct {
	w      *bufio.Writer
	fields int
	err    error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (j *jsonWriter) open() { j.write([]byte("{")) }

func (j *jsonWriter) close() error {
	if j.fields > 0 {
		j.write([]byte("\n"))
	}
	j.write([]byte("}\n"))
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

func (j *jsonWriter) write(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// key starts the next field of the top-level object.
func (j *jsonWriter) key(name string) {
	if j.fields > 0 {
		j.write([]byte(","))
	}
	j.fields++
	j.write([]byte("\n  \""))
	j.write([]byte(name)) // field names are plain ASCII
	j.write([]byte("\": "))
}

// field writes a top-level field with a scalar or small value.
func (j *jsonWriter) field(name string, v any) {
	j.key(name)
	j.value(v, "  ")
}

// value writes v indented for a position whose lines start with prefix.
func (j *jsonWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		j.err = err
		return
	}
	j.write(b)
}

// array writes a top-level array field of n elements; at(i) is element i.
// A nil slice is written as null, an empty one as [], as MarshalIndent
// writes them.
func (j *jsonWriter) array(name string, n int, isNil bool, at func(i int) any) {
	j.elements(name, n, isNil, func(i int) { j.value(at(i), "    ") })
}

// elements is array with element i written by write(i), indented for a
// position whose lines start with four spaces.
func (j *jsonWriter) elements(name string, n int, isNil bool, write func(i int)) {
	j.key(name)
	switch {
	case isNil:
		j.write([]byte("null"))
		return
	case n == 0:
		j.write([]byte("[]"))
		return
	}
	j.write([]byte("["))
	for i := 0; i < n && j.err == nil; i++ {
		if i > 0 {
			j.write([]byte(","))
		}
		j.write([]byte("\n    "))
		write(i)
	}
	j.write([]byte("\n  ]"))
}

// jsonArray writes the slice xs as a top-level array field.
func jsonArray[T any](j *jsonWriter, name string, xs []T) {
	j.array(name, len(xs), xs == nil, func(i int) any { return &xs[i] })
}

// jsonObjects is jsonArray for a type with a hand-written encoder
// (appendDocumentJSON, appendClaimJSON), which writes the bytes
// MarshalIndent would without reflection or a second, indenting pass.
func jsonObjects[T any](j *jsonWriter, name string, xs []T, appendJSON func(b []byte, x *T, prefix, indent string) []byte) {
	var buf []byte
	j.elements(name, len(xs), xs == nil, func(i int) {
		buf = appendJSON(buf[:0], &xs[i], "    ", "  ")
		j.write(buf)
	})
}

// claims writes the report's claims field: cs (r.Claims, or what stands
// for it when nil), or for a report built with Input.LazyClaims or
// Input.ClaimSource each claim converted as it is written.
func (j *jsonWriter) claims(r *Report, cs []Claim) {
	if !r.isLazyClaims() {
		var w claimJSON
		jsonObjects(j, "claims", cs, w.append)
		return
	}
	var buf []byte
	var v Claim
	var nf NumberFields
	var w claimJSON
	streamObjects(j, "claims", r.lazy.N, r.lazy.Each, func(c *claims.Claim) {
		fromClaimInto(&v, &nf, c)
		buf = w.append(buf[:0], &v, "    ", "  ")
		j.write(buf)
	})
}

// agreements writes the report's agreements field, materialized or read
// from Input.AgreementSource as written.
func (j *jsonWriter) agreements(r *Report) {
	if !r.isLazyAgreements() {
		jsonArray(j, "agreements", r.Agreements)
		return
	}
	streamObjects(j, "agreements", r.lazyAgreements.N, r.lazyAgreements.Each, func(a *Agreement) {
		j.value(a, "    ")
	})
}

// documents writes the report's documents field: docs (r.Documents, or what
// stands for it when nil), or for a report built with Input.DocumentSource
// each document as it is read back.
func (j *jsonWriter) documents(r *Report, docs []Document) {
	if !r.isLazyDocs() {
		jsonObjects(j, "documents", docs, appendDocumentJSON)
		return
	}
	var buf []byte
	streamObjects(j, "documents", r.lazyDocs.N, r.lazyDocs.Each, func(d *Document) {
		buf = appendDocumentJSON(buf[:0], d, "    ", "  ")
		j.write(buf)
	})
}

// streamObjects writes a top-level array field of the n elements each
// yields (an empty array when n is 0), each written by write; each's
// error, or the writer's, becomes j's.
func streamObjects[T any](j *jsonWriter, name string, n int, each func(func(*T) error) error, write func(*T)) {
	j.key(name)
	if n == 0 {
		j.write([]byte("[]"))
		return
	}
	j.write([]byte("["))
	first := true
	err := each(func(x *T) error {
		if !first {
			j.write([]byte(","))
		}
		first = false
		j.write([]byte("\n    "))
		write(x)
		return j.err
	})
	if j.err == nil {
		j.err = err
	}
	j.write([]byte("\n  ]"))
}
