// Package compare decides which claims speak of the same event and attribute
// and reports where their values cannot both hold.
//
// A Finding is modelled on go/analysis's Diagnostic: it is reported at the
// claims on one side with the disagreeing claims attached, carries a constant
// kind, a severity and a one-line message, and never prints anything itself.
package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
)

// Category says what sort of disagreement a finding is.
type Category string

// Finding categories.
const (
	Conflict Category = "conflict" // two sources cannot both be right
	Update   Category = "update"   // a later source revises a growing figure
	Internal Category = "internal" // one article disagrees with itself
	Possible Category = "possible" // values differ but the pairing is uncertain
)

// Severity orders findings for triage and exit codes.
type Severity int

// Severities from least to most serious.
const (
	SevInfo Severity = iota + 1
	SevLow
	SevMedium
	SevHigh
)

var sevNames = map[Severity]string{SevInfo: "info", SevLow: "low", SevMedium: "medium", SevHigh: "high"}

func (s Severity) String() string { return sevNames[s] }

// ParseSeverity reads "info", "low", "medium" or "high".
func ParseSeverity(s string) (Severity, bool) {
	for k, v := range sevNames {
		if v == strings.ToLower(strings.TrimSpace(s)) {
			return k, true
		}
	}
	return 0, false
}

// Side is one value and every claim that states it.
type Side struct {
	Value    string          // canonical value shared by the side (first claim's when they differ in form)
	Describe string          // the value in words
	Claims   []*claims.Claim // sorted by document and offset
	// IDs stand for Claims (then nil) in the results of a slim Stream
	// (Stream.Slim): the claims' ids, in the same order.
	IDs     []string
	Sources []string // independent sources (syndicated copies merged), sorted
	Newest  bool     // for updates: the side from the most recent article
}

// ClaimIDs returns the ids of the side's claims.
func (s *Side) ClaimIDs() []string {
	if s.Claims == nil {
		return s.IDs
	}
	ids := make([]string, len(s.Claims))
	for i, c := range s.Claims {
		ids[i] = c.ID
	}
	return ids
}

// Finding is a discrepancy between claims.
type Finding struct {
	ID        string // stable: derived from attribute, kind and the claims' documents and words
	Kind      string // claim kind ("date", "count", ...) or internal check ("weekday-mismatch", ...)
	Category  Category
	Severity  Severity
	Attribute string
	Summary   string // one sentence a person understands
	Why       string // why the claims were paired
	Sides     []Side // outlier first
}

// ClaimIDs returns the ids of every claim on every side.
func (f *Finding) ClaimIDs() []string {
	var ids []string
	for k := range f.Sides {
		ids = append(ids, f.Sides[k].ClaimIDs()...)
	}
	return ids
}

// Agreement records claims from at least two independent sources that speak
// of the same attribute and whose values are compatible.
type Agreement struct {
	Attribute string
	Value     string
	Claims    []*claims.Claim
	IDs       []string // stand for Claims (then nil) from a slim Stream, as in Side
	Sources   []string
}

// ClaimIDs returns the ids of the agreement's claims.
func (a *Agreement) ClaimIDs() []string {
	s := Side{Claims: a.Claims, IDs: a.IDs}
	return s.ClaimIDs()
}

// StableID derives an id that depends only on what a reviewer recognises a
// finding by — its kind, attribute, and for every claim the document id and
// the words as written — and not on byte offsets, so unrelated edits to an
// article and re-runs on a changed set of files keep it.
func StableID(kind, attribute string, cs []*claims.Claim) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, c.Doc+"\x1f"+strings.ToLower(strings.Join(strings.Fields(c.Text), " ")))
	}
	sort.Strings(parts)
	h := sha256.New()
	h.Write([]byte(kind + "\x1e" + attribute))
	for _, p := range dedupe(parts) {
		h.Write([]byte("\x1e" + p))
	}
	return "CC-" + hex.EncodeToString(h.Sum(nil))[:10]
}

func dedupe(ss []string) []string {
	out := ss[:0:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}
