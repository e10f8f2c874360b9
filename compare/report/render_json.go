package report

import (
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
// "  ") indents it, a field or an array element at a time. The bytes
// gather in a buffer of its own, which is handed to the writer each time
// it holds a chunk: the objects are appended straight into it, where a
// bufio.Writer copied each once more (a claims run's output is five times
// its input) and each separator was a call of its own. The first error
// sticks; close returns it.
type jsonWriter struct {
	w      io.Writer
	buf    []byte
	fields int
	err    error
}

// jsonChunk is how many bytes jsonWriter gathers before it writes them.
const jsonChunk = 64 << 10

func newJSONWriter(w io.Writer) *jsonWriter {
	// Room for a chunk and the element that completes it.
	return &jsonWriter{w: w, buf: make([]byte, 0, jsonChunk+8<<10)}
}

func (j *jsonWriter) open() { j.write("{") }

func (j *jsonWriter) close() error {
	if j.fields > 0 {
		j.write("\n")
	}
	j.write("}\n")
	j.flush()
	return j.err
}

// write appends s to the buffer.
func (j *jsonWriter) write(s string) {
	j.buf = append(j.buf, s...)
}

// element starts an element of a top-level array, the first or a later
// one, in one copy of its separator.
func (j *jsonWriter) element(first bool) {
	if first {
		j.buf = firstElement.appendTo(j.buf)
	} else {
		j.buf = nextElement.appendTo(j.buf)
	}
}

// The separators before a top-level array's first element and the later
// ones.
var firstElement, nextElement = newBlock("\n    "), newBlock(",\n    ")

// next writes the buffer once it holds a chunk; the elements of arrays
// call it after each.
func (j *jsonWriter) next() {
	if len(j.buf) >= jsonChunk {
		j.flush()
	}
}

// flush writes the buffer (nothing after an error) and empties it.
func (j *jsonWriter) flush() {
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

// key starts the next field of the top-level object.
func (j *jsonWriter) key(name string) {
	if j.fields > 0 {
		j.write(",")
	}
	j.fields++
	j.write("\n  \"")
	j.write(name) // field names are plain ASCII
	j.write("\": ")
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
	j.buf = append(j.buf, b...)
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
		j.write("null")
		return
	case n == 0:
		j.write("[]")
		return
	}
	j.write("[")
	for i := 0; i < n && j.err == nil; i++ {
		j.element(i == 0)
		write(i)
		j.next()
	}
	j.write("\n  ]")
}

// jsonArray writes the slice xs as a top-level array field.
func jsonArray[T any](j *jsonWriter, name string, xs []T) {
	j.array(name, len(xs), xs == nil, func(i int) any { return &xs[i] })
}

// jsonObjects is jsonArray for a type with a hand-written encoder
// (appendDocumentJSON, appendClaimJSON), which writes the bytes
// MarshalIndent would without reflection or a second, indenting pass.
func jsonObjects[T any](j *jsonWriter, name string, xs []T, appendJSON func(b []byte, x *T, prefix, indent string) []byte) {
	j.elements(name, len(xs), xs == nil, func(i int) {
		j.buf = appendJSON(j.buf, &xs[i], "    ", "  ")
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
	var w claimJSON
	l := layoutFor("    ", "  ")
	streamObjects(j, "claims", r.lazy.N, r.lazy.Each, func(c *claims.Claim) {
		j.buf = l.end.appendTo(w.appendSource(append(j.buf, '{'), c, l))
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
		var w documentJSON
		jsonObjects(j, "documents", docs, w.append)
		return
	}
	var w documentJSON
	streamObjects(j, "documents", r.lazyDocs.N, r.lazyDocs.Each, func(d *Document) {
		j.buf = w.append(j.buf, d, "    ", "  ")
	})
}

// streamObjects writes a top-level array field of the n elements each
// yields (an empty array when n is 0), each written by write; each's
// error, or the writer's, becomes j's.
func streamObjects[T any](j *jsonWriter, name string, n int, each func(func(*T) error) error, write func(*T)) {
	j.key(name)
	if n == 0 {
		j.write("[]")
		return
	}
	j.write("[")
	first := true
	err := each(func(x *T) error {
		j.element(first)
		first = false
		write(x)
		j.next()
		return j.err
	})
	if j.err == nil {
		j.err = err
	}
	j.write("\n  ]")
}
