package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/ingest"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/pipeline"
)

// runExplain says, for each claim at a place (--at DOC:LINE[:COL]) or
// containing a phrase (--phrase), what the comparison did with it: its
// attribute (or why none), its story, the group it was compared in and
// the claims it met with each verdict, or the exact reason it was never
// compared.
func runExplain(args []string, env Env) (int, error) {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var f reportFlags
	var at, phrase string
	fs.StringVar(&at, "at", "", "the claims at DOC:LINE or DOC:LINE:COL")
	fs.StringVar(&phrase, "phrase", "", "the claims whose words contain this phrase (any case)")
	fs.StringVar(&f.format, "format", "table", "output format: table|json")
	f.addInputFlags(fs)
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return ExitError, err
	}
	if len(paths) == 0 {
		fs.Usage()
		return ExitError, errors.New("no input paths")
	}
	if at == "" && phrase == "" {
		return ExitError, errors.New("say which claims to explain: --at DOC:LINE[:COL] or --phrase TEXT")
	}
	if f.format != "table" && f.format != "json" {
		return ExitError, fmt.Errorf("unknown format %q (want table or json)", f.format)
	}
	var atDoc string
	atLine, atCol := 0, 0
	if at != "" {
		parts := strings.Split(at, ":")
		if len(parts) < 2 || len(parts) > 3 {
			return ExitError, fmt.Errorf("--at %q: want DOC:LINE or DOC:LINE:COL", at)
		}
		atDoc = parts[0]
		if atLine, err = strconv.Atoi(parts[1]); err != nil || atLine < 1 {
			return ExitError, fmt.Errorf("--at %q: the line must be a number from 1", at)
		}
		if len(parts) == 3 {
			if atCol, err = strconv.Atoi(parts[2]); err != nil || atCol < 1 {
				return ExitError, fmt.Errorf("--at %q: the column must be a number from 1", at)
			}
		}
	}
	cfg, err := loadConfig(f.config, env)
	if err != nil {
		return ExitError, err
	}
	if cfg != nil {
		f.applyInputConfig(cfg)
	}
	set, err := ruleSet(f.rules)
	if err != nil {
		return ExitError, err
	}
	docs, err := ingest.Read(paths, ingest.Options{KeepGoing: f.keepGoing, Stdin: env.Stdin, MaxFileBytes: f.maxDocSize.maxFileBytes()})
	if err != nil {
		return ExitError, err
	}
	// Extraction only: compare.Explain compares once, keeping its traces.
	cs, err := pipeline.Extract(docs, pipeline.Options{Rules: set, Language: f.lang})
	if err != nil {
		return ExitError, err
	}
	if atDoc != "" && !hasDoc(docs, atDoc) {
		return ExitError, fmt.Errorf("--at %q: no document %q was read (documents are named by their file name without extension)", at, atDoc)
	}
	ex := compare.Explain(docs, cs, set)
	var picked []*claims.Claim
	for _, c := range cs {
		if atDoc != "" && (c.Doc != atDoc || c.Line != atLine || atCol > 0 && !covers(c, atCol)) {
			continue
		}
		if phrase != "" && !strings.Contains(strings.ToLower(c.Text), strings.ToLower(phrase)) {
			continue
		}
		picked = append(picked, c)
	}
	if len(picked) == 0 {
		fmt.Fprintln(env.Stderr, "crosscheck explain: no claim was read there; `crosscheck claims` lists every claim with its place")
		return ExitFindings, nil
	}
	out := explained(ex, picked)
	if f.format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return ExitOK, enc.Encode(out)
	}
	return ExitOK, writeExplainTable(env.Stdout, out)
}

func hasDoc(docs []*claims.Document, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}

// covers reports whether claim c's span on its line includes column col
// (columns count bytes from 1, as claim positions do).
func covers(c *claims.Claim, col int) bool {
	return col >= c.Col && col < c.Col+len(c.Text)
}

// explainedClaim is one claim with what the comparison did with it: the
// JSON form of `crosscheck explain`.
type explainedClaim struct {
	ID        string           `json:"id"`
	Doc       string           `json:"doc"`
	Line      int              `json:"line"`
	Col       int              `json:"col"`
	Text      string           `json:"text"`
	Kind      string           `json:"kind"`
	Value     string           `json:"value"`
	Attribute string           `json:"attribute,omitempty"`
	Note      string           `json:"note,omitempty"`
	Outcomes  []explainOutcome `json:"outcomes"`
}

type explainOutcome struct {
	Attribute string        `json:"attribute,omitempty"`
	Story     int           `json:"story,omitempty"`
	Group     string        `json:"group,omitempty"`
	Compared  bool          `json:"compared"`
	Reason    string        `json:"reason,omitempty"`
	Why       string        `json:"why,omitempty"`
	Met       []explainMeet `json:"met,omitempty"`
}

type explainMeet struct {
	Claim   string `json:"claim"`
	Text    string `json:"text"`
	Value   string `json:"value"`
	Verdict string `json:"verdict"`
}

func explained(ex *compare.Explanation, cs []*claims.Claim) []explainedClaim {
	var out []explainedClaim
	for _, c := range cs {
		e := explainedClaim{ID: c.ID, Doc: c.Doc, Line: c.Line, Col: c.Col, Text: c.Text, Kind: string(c.Kind), Value: c.Value, Attribute: c.Attribute, Note: c.Note}
		for _, t := range ex.Traces[c] {
			o := explainOutcome{Attribute: t.Attribute, Story: ex.Result.StoryOf[c.Doc], Group: t.Group, Compared: t.Skip == compare.Compared, Why: t.Why}
			if t.Skip != compare.Compared {
				o.Reason = t.Skip.String()
				if t.Detail != "" {
					o.Reason += " (" + t.Detail + ")"
				}
			}
			for _, m := range t.Met {
				o.Met = append(o.Met, explainMeet{Claim: m.Claim.ID, Text: m.Claim.Text, Value: m.Claim.Value, Verdict: string(m.Verdict)})
			}
			e.Outcomes = append(e.Outcomes, o)
		}
		if len(e.Outcomes) == 0 {
			// Claims comparison never looked at: a dateline, or a claim
			// of a document that was skipped.
			reason := "not looked at by the comparison"
			if c.Dateline {
				reason = "the article's dateline: its publication date, not a claim to compare"
			}
			e.Outcomes = append(e.Outcomes, explainOutcome{Story: ex.Result.StoryOf[c.Doc], Reason: reason})
		}
		out = append(out, e)
	}
	return out
}

func writeExplainTable(w io.Writer, es []explainedClaim) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Symbols:  tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header("CLAIM", "ATTRIBUTE", "OUTCOME")
	for _, e := range es {
		claim := fmt.Sprintf("%s:%d:%d\n%q\n%s = %s", e.Doc, e.Line, e.Col, e.Text, e.Kind, e.Value)
		for _, o := range e.Outcomes {
			attr := o.Attribute
			if attr == "" {
				attr = "-"
			}
			if o.Story > 0 {
				attr += fmt.Sprintf("\nstory %d", o.Story)
			}
			var lines []string
			if o.Compared {
				lines = append(lines, "compared in "+o.Group, o.Why)
				for _, m := range o.Met {
					lines = append(lines, fmt.Sprintf("  %s: %s %q = %s", m.Verdict, m.Claim, m.Text, m.Value))
				}
			} else {
				if o.Group != "" {
					lines = append(lines, "in "+o.Group)
				}
				lines = append(lines, "not compared: "+o.Reason)
			}
			if e.Note != "" {
				lines = append(lines, "note: "+e.Note)
			}
			if err := t.Append(claim, attr, wrapLines(lines, 90)); err != nil {
				return err
			}
		}
	}
	return t.Render()
}

// wrapLines joins lines, folding each at width runes on spaces.
func wrapLines(lines []string, width int) string {
	var out []string
	for _, l := range lines {
		for len([]rune(l)) > width {
			r := []rune(l)
			cut := width
			for cut > width/2 && r[cut] != ' ' {
				cut--
			}
			out = append(out, string(r[:cut]))
			l = "    " + strings.TrimLeft(string(r[cut:]), " ")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
