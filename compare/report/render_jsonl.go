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

type jsonlDocument struct {
	Type string `json:"type"`
	*Document
}

type jsonlClaim struct {
	Type string `json:"type"`
	*Claim
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
		err = jsonlDocsAndClaims(bw, enc, r)
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
		err = jsonlDocsAndClaims(bw, enc, r)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// jsonlDocsAndClaims writes the document lines, then the claim lines
// (converted one at a time for a report built with Input.LazyClaims).
func jsonlDocsAndClaims(w *bufio.Writer, enc *json.Encoder, r *Report) error {
	err := r.EachDocument(func(d *Document) error {
		return enc.Encode(jsonlDocument{"document", d})
	})
	if err != nil {
		return err
	}
	if !r.isLazyClaims() {
		for i := range r.Claims {
			if err := enc.Encode(jsonlClaim{"claim", &r.Claims[i]}); err != nil {
				return err
			}
		}
		return nil
	}
	// Written by hand (appendClaimJSON), as the encoder would write
	// jsonlClaim: the type first, then the claim's fields; gathered in
	// chunks of jsonChunk bytes, as jsonWriter gathers them.
	var buf []byte
	var cw claimJSON
	err = r.lazy.Each(func(c *claims.Claim) error {
		buf = append(buf, `{"type":"claim",`...)
		buf = append(cw.appendSource(buf, c, compactLayout), '}', '\n')
		if len(buf) < jsonChunk {
			return nil
		}
		_, err := w.Write(buf)
		buf = buf[:0]
		return err
	})
	if err == nil {
		_, err = w.Write(buf)
	}
	return err
}
