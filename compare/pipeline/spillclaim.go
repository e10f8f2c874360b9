package pipeline

import "github.com/crosscheck/crosscheck/claims"

// spillClaim is claims.Claim with short JSON names and zero values left
// out, for the spill file: most of a claim's fields are empty, and decoding
// the spilled claims was a third of an archive run. Go converts between the
// two types (same fields, other tags), so a field added to claims.Claim
// without adding it here fails to compile rather than being lost.
type spillClaim struct {
	ID   string      `json:"i,omitempty"`
	Doc  string      `json:"d,omitempty"`
	Kind claims.Kind `json:"k,omitempty"`
	Rule string      `json:"r,omitempty"`

	Frame        string   `json:"f,omitempty"`
	Attribute    string   `json:"a,omitempty"`
	Also         []string `json:"al,omitempty"`
	Triggers     []string `json:"tr,omitempty"`
	Participants []string `json:"p,omitempty"`
	Dateline     bool     `json:"dl,omitempty"`
	Subject      string   `json:"su,omitempty"`
	Scope        string   `json:"sc,omitempty"`
	Definite     bool     `json:"de,omitempty"`

	Text          string `json:"t,omitempty"`
	Start         int    `json:"s,omitempty"`
	End           int    `json:"e,omitempty"`
	Line          int    `json:"l,omitempty"`
	Col           int    `json:"c,omitempty"`
	Sentence      int    `json:"n,omitempty"`
	SentenceStart int    `json:"ss,omitempty"`
	SentenceEnd   int    `json:"se,omitempty"`

	Value string              `json:"v,omitempty"`
	Date  *claims.DateValue   `json:"dt,omitempty"`
	Num   *claims.NumberValue `json:"nu,omitempty"`

	Tense   claims.Tense   `json:"te,omitempty"`
	Context claims.Context `json:"cx,omitempty"`
	Note    string         `json:"no,omitempty"`
}
