package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/crosscheck/crosscheck/claims"
)

// JSON Lines: one JSON object per line, for pipelines (jq, a database
// loader, a stream processor) that should not parse one large document.
// Every line carries "type"; the other fields are those of the same object
// in the JSON report. The order is fixed:
//
//	{"type":"report","version":1,"documents":N,"claims":N,"discrepancies":N,"agreements":N}
//	{"type":"discrepancy", ...}   one per finding, in the JSON report's order
//	{"type":"agreement", ...}
//	{"type":"stale_review", ...}  review decisions that match no finding
//	{"type":"document", ...}
//	{"type":"claim", ...}         by document, then offset
//
// The claims command writes the header with "type":"claims", then its
// documents and claims. The schema version is the JSON report's.

type jsonlHeader struct {
	Type          string `json:"type"`
	Version       int    `json:"version"`
	Documents     int    `json:"documents"`
	Claims        int    `json:"claims"`
	Discrepancies *int   `json:"discrepancies,omitempty"`
	Agreements    *int   `json:"agreements,omitempty"`
}

type jsonlDiscrepancy struct {
	Type string `json:"type"`
	*Discrepancy
}

type jsonlAgreement struct {
	Type string `json:"type"`
	*Agreement
}

type jsonlDecision struct {
	Type string `json:"type"`
	*Decision
}

func renderJSONL(w io.Writer, r *Report, _ RenderOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	nd, na := len(r.Discrepancies), r.AgreementCount()
	err := enc.Encode(jsonlHeader{Type: "report", Version: r.Version, Documents: r.DocumentCount(),
		Claims: r.ClaimCount(), Discrepancies: &nd, Agreements: &na})
	for i := 0; i < nd && err == nil; i++ {
		err = enc.Encode(jsonlDiscrepancy{"discrepancy", &r.Discrepancies[i]})
	}
	if err == nil {
		err = r.EachAgreement(func(a *Agreement) error { return enc.Encode(jsonlAgreement{"agreement", a}) })
	}
	for i := 0; i < len(r.Stale) && err == nil; i++ {
		err = enc.Encode(jsonlDecision{"stale_review", &r.Stale[i]})
	}
	if err == nil {
		err = jsonlDocsAndClaims(bw, r)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func renderClaimsJSONL(w io.Writer, r *Report, _ RenderOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	err := enc.Encode(jsonlHeader{Type: "claims", Version: r.Version, Documents: r.DocumentCount(), Claims: r.ClaimCount()})
	if err == nil {
		err = jsonlDocsAndClaims(bw, r)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// jsonlDocsAndClaims writes the document lines, then the claim lines
// (converted one at a time for a report built with Input.LazyClaims).
// They are written by hand (documentJSON, claimJSON), as the encoder
// would write jsonlDocument and jsonlClaim: the type first, then the
// object's fields; gathered in chunks of jsonChunk bytes, as jsonWriter
// gathers them.
func jsonlDocsAndClaims(w io.Writer, r *Report) error {
	out := jsonlChunks{w: w}
	var dw documentJSON
	err := r.EachDocument(func(d *Document) error {
		out.buf = dw.appendFields(append(out.buf, `{"type":"document",`...), d, compactLayout)
		return out.endLine()
	})
	var cw claimJSON
	switch {
	case err != nil:
	case !r.isLazyClaims():
		for i := 0; i < len(r.Claims) && err == nil; i++ {
			out.buf = cw.appendFields(append(out.buf, `{"type":"claim",`...), &r.Claims[i], compactLayout)
			err = out.endLine()
		}
	default:
		err = r.lazy.Each(func(c *claims.Claim) error {
			out.buf = cw.appendSource(append(out.buf, `{"type":"claim",`...), c, compactLayout)
			return out.endLine()
		})
	}
	if err == nil {
		_, err = w.Write(out.buf)
	}
	return err
}

// jsonlChunks gathers lines and writes them a chunk at a time.
type jsonlChunks struct {
	w   io.Writer
	buf []byte
}

// endLine closes the line's object and the line, and writes the lines
// gathered once they fill a chunk.
func (c *jsonlChunks) endLine() error {
	c.buf = append(c.buf, '}', '\n')
	if len(c.buf) < jsonChunk {
		return nil
	}
	_, err := c.w.Write(c.buf)
	c.buf = c.buf[:0]
	return err
}
