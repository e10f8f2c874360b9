package report

import (
	"encoding/json"
	"io"
)

// renderJSON writes the report exactly as the versioned contract defines it.
// Review options do not apply: dismissed findings stay in, carrying their
// review, because consumers of the JSON decide for themselves.
func renderJSON(w io.Writer, r *Report, _ RenderOptions) error {
	return writeJSON(w, r)
}

// ClaimsOutput is the JSON the claims command prints: the report's documents
// and claims without findings, under the same schema version.
type ClaimsOutput struct {
	Version   int        `json:"version"`
	Documents []Document `json:"documents"`
	Claims    []Claim    `json:"claims"`
}

func renderClaimsJSON(w io.Writer, r *Report, _ RenderOptions) error {
	out := ClaimsOutput{Version: r.Version, Documents: r.Documents, Claims: r.Claims}
	if out.Documents == nil {
		out.Documents = []Document{}
	}
	if out.Claims == nil {
		out.Claims = []Claim{}
	}
	return writeJSON(w, out)
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
