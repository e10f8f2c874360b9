package compare

import (
	"sort"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/rules"
)

// Skip says why a claim was not compared under an attribute. Every place
// that leaves a claim out of comparison returns one, so that `crosscheck
// explain` can say why a figure met nothing.
type Skip uint8

const (
	Compared        Skip = iota // not skipped
	SkipNoAttribute             // no frame attribute was found for it
	SkipVague                   // "several", "ratusan": too vague to contradict anything
	SkipNoCompare               // its frame is never compared (a reporting verb's date)
	SkipUnknownAttribute
	SkipFewParticipants // a once-only event with fewer than two known participants
	SkipNoStory
	SkipBackground  // about another occurrence, which no other article shares
	SkipOutOfWindow // a date far from the story's own time
	SkipUndated     // an undated article its lead's anchors did not place
	SkipNoSubject   // a per-subject figure whose subject was not found
	SkipAmbiguous   // its article gives incompatible values and none stands for it
	SkipOneSource   // nothing from another source in its group
)

var skipText = [...]string{
	Compared:             "compared",
	SkipNoAttribute:      "no attribute: no event word of a frame that takes it stands near it",
	SkipVague:            "too vague to compare",
	SkipNoCompare:        "its frame is never compared (reporting verbs)",
	SkipUnknownAttribute: "its attribute is not in the rules",
	SkipFewParticipants:  "a once-only event whose two participants are not both named",
	SkipNoStory:          "its article is in no story",
	SkipBackground:       "background: its sentence is about another occurrence of the event, and no other article gives that occurrence",
	SkipOutOfWindow:      "a date outside the story's window: another occurrence",
	SkipUndated:          "undated article that its lead's anchors did not place in a story",
	SkipNoSubject:        "whose figure it is was not found",
	SkipAmbiguous:        "its article gives several incompatible values for this attribute",
	SkipOneSource:        "no claim from another source in its group",
}

func (s Skip) String() string {
	if int(s) < len(skipText) {
		return skipText[s]
	}
	return "unknown"
}

// Verdict is how two claims of one group compare.
type Verdict string

const (
	VerdictAgree    Verdict = "agree"
	VerdictConflict Verdict = "conflict"
	VerdictUpdate   Verdict = "update"
	VerdictSameDoc  Verdict = "same source"
)

// Meeting is another claim a claim was compared with, and the verdict.
type Meeting struct {
	Claim   *claims.Claim
	Verdict Verdict
}

// Trace is what the comparison did with one claim under one attribute.
type Trace struct {
	Claim     *claims.Claim
	Attribute string
	Story     int
	Group     string // the block key it was compared under ("" when skipped)
	Why       string // why the group's claims were paired
	Skip      Skip
	Detail    string // words beside the skip (an undated article's veto)
	Met       []Meeting
}

// Explanation holds a trace per claim and attribute, for `crosscheck
// explain`.
type Explanation struct {
	Result Result
	Traces map[*claims.Claim][]*Trace
}

// Explain compares as Compare does and keeps what happened to every claim.
func Explain(docs []*claims.Document, cs []*claims.Claim, set *rules.Set) *Explanation {
	ex := &Explanation{Traces: map[*claims.Claim][]*Trace{}}
	ex.Result = compareWith(docs, cs, set, nil, ex)
	for _, ts := range ex.Traces {
		for _, t := range ts {
			sort.SliceStable(t.Met, func(i, j int) bool { return byDocStart(t.Met[i].Claim, t.Met[j].Claim) < 0 })
		}
	}
	return ex
}

// skip records that c was not compared under attr, when tracing.
func (ex *Explanation) skip(c *claims.Claim, attr string, s Skip, detail string) {
	if ex == nil {
		return
	}
	ex.Traces[c] = append(ex.Traces[c], &Trace{Claim: c, Attribute: attr, Skip: s, Detail: detail})
}

// trace returns c's trace under attr, made when missing.
func (ex *Explanation) trace(c *claims.Claim, attr string) *Trace {
	for _, t := range ex.Traces[c] {
		if t.Attribute == attr {
			return t
		}
	}
	t := &Trace{Claim: c, Attribute: attr}
	ex.Traces[c] = append(ex.Traces[c], t)
	return t
}
