package comparetest

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare/report"
)

// fakeReport is a report built by hand, so that the matching rules are
// tested apart from what the engine happens to find today.
func fakeReport() *report.Report {
	cl := func(id, doc, text string, line int) report.Claim {
		return report.Claim{ID: id, Doc: doc, Kind: "date", Text: text, Line: line, Value: "v-" + id}
	}
	r := &report.Report{
		Documents: []report.Document{{ID: "001"}, {ID: "002", SyndicatedWith: []string{"003"}}, {ID: "003", SyndicatedWith: []string{"002"}}},
		Claims: []report.Claim{
			cl("a", "001", "Earlier in 2023", 3),
			cl("b", "002", "pada bulan\nJuni", 2),
			cl("c", "003", "pada bulan Juni", 2),
			cl("d", "001", "in 2024", 4),
			cl("e", "002", "di 2025", 5),
			cl("f", "001", "December 23 to December 27", 6),
			cl("g", "002", "23 hingga 27 Desember", 1),
			cl("h", "001", "Tuesday, February 6, 2023", 7),
		},
		Discrepancies: []report.Discrepancy{
			{ID: "CC-1", Kind: "date", Category: "conflict", Attribute: "pact.signed", Severity: "medium", Summary: "pact",
				Sides: []report.Side{{Claims: []string{"a"}}, {Claims: []string{"b", "c"}}}},
			{ID: "CC-2", Kind: "date", Category: "conflict", Attribute: "policy.year", Severity: "high", Summary: "policy",
				Sides: []report.Side{{Claims: []string{"d"}}, {Claims: []string{"e"}}}},
			{ID: "CC-3", Kind: "weekday-mismatch", Category: "internal", Attribute: "disaster.date", Severity: "medium", Summary: "weekday",
				Sides: []report.Side{{Claims: []string{"h"}}}},
		},
		Agreements: []report.Agreement{{Attribute: "meeting.date", Value: "2024-12-23/2024-12-27", Claims: []string{"f", "g"}}},
	}
	return r
}

const fakeArticles = "-- 001.txt --\nx\n-- 002.txt --\ny\n-- 003.txt --\nz\n"

// evalFake runs expectations against fakeReport.
func evalFake(t *testing.T, expect string) []Problem {
	t.Helper()
	c, err := load("case.txtar", []byte(fakeArticles+"-- expect --\n"+expect))
	if err != nil {
		t.Fatal(err)
	}
	c.docLine = map[string]int{"001": 2}
	return newEvaluator(c, fakeReport()).evaluate()
}

func messages(ps []Problem) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Message)
	}
	return strings.Join(s, "\n")
}

const fakeAll = `conflict date pact.signed "Earlier in 2023" <> "pada bulan Juni"
conflict date policy.year "in 2024" <> "di 2025"
internal weekday-mismatch "Tuesday, February 6, 2023"
`

func TestEvaluatePasses(t *testing.T) {
	for _, expect := range []string{
		fakeAll,
		// Order does not matter, sides may be given in either order, and
		// phrases fold case and white space.
		"internal * * \"tuesday\"\nconflict date * \"DI 2025\" <> \"in 2024\"\nconflict date pact.signed \"bulan   juni\" <> \"2023\"\n",
		// A loose expectation listed first does not steal the finding a
		// stricter one needs (maximum matching).
		"conflict date * \"20\"\nconflict date pact.signed \"Juni\"\ninternal weekday-mismatch disaster.date \"February\"\n",
		// Without "<>", phrases may be on any side; with it, each group on
		// one side; a document prefix binds a phrase to a document.
		"conflict date pact.signed \"2023\" \"Juni\"\nconflict * policy.year 001:\"2024\" <> 002:\"2025\"\ninternal weekday-mismatch \"2023\"\n",
		fakeAll + `agree meeting.date "December 23" "27 Desember" = 2024-12-23/2024-12-27
agree * "hingga"
none "2025 M St" "3 minute read"
unpaired "nowhere"
claim date 001 "in 2024" = v-d
claim * * 002 "bulan juni"
syndicated 002 003
`,
	} {
		if ps := evalFake(t, expect); len(ps) != 0 {
			t.Errorf("expectations:\n%s\nfailed:\n%s", expect, messages(ps))
		}
	}
}

func TestEvaluateMissingFinding(t *testing.T) {
	ps := evalFake(t, fakeAll+`conflict date pact.signed "in 2022" <> "pada bulan Juni"`+"\n")
	if len(ps) != 1 {
		t.Fatalf("want 1 problem, got:\n%s", messages(ps))
	}
	msg := ps[0].Message
	for _, want := range []string{
		`case.txtar:11: missing finding: conflict date pact.signed "in 2022" <> "pada bulan Juni"`,
		"findings of that kind and attribute",
		`"Earlier in 2023" at 001:3 (case.txtar:4)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if ps[0].Expectation == nil || ps[0].Expectation.Line != 11 {
		t.Errorf("problem not tied to line 11: %+v", ps[0])
	}
}

func TestEvaluateSameSideIsNotASides(t *testing.T) {
	// Both phrases are on side 2: "<>" demands different sides.
	ps := evalFake(t, `conflict date pact.signed "bulan Juni" <> "pada bulan"`+"\n"+`conflict date policy.year "2024" <> "2025"`+"\n"+`internal * "2023"`)
	if len(ps) != 2 || !strings.Contains(ps[0].Message, "missing finding") || !strings.Contains(ps[1].Message, "unexpected finding") {
		t.Fatalf("want one missing and one unexpected, got:\n%s", messages(ps))
	}
	if !strings.Contains(ps[0].Message, "the phrases are in") && !strings.Contains(ps[0].Message, "of that kind") {
		t.Errorf("no hint:\n%s", ps[0].Message)
	}
}

func TestEvaluateUnexpectedFinding(t *testing.T) {
	ps := evalFake(t, "conflict date pact.signed \"2023\" <> \"Juni\"\ninternal weekday-mismatch \"Tuesday\"\n")
	if len(ps) != 1 {
		t.Fatalf("want 1 problem, got:\n%s", messages(ps))
	}
	p := ps[0]
	if p.Finding == nil || p.Finding.ID != "CC-2" || p.Expectation != nil {
		t.Errorf("problem should be the policy.year finding: %+v", p)
	}
	for _, want := range []string{
		"case.txtar: unexpected finding:",
		"conflict date policy.year (high): policy",
		`side 1: "in 2024" at 001:4 (case.txtar:5)`,
		`side 2: "di 2025" at 002:5`,
		`expect it with: conflict date policy.year "in 2024" <> "di 2025"`,
	} {
		if !strings.Contains(p.Message, want) {
			t.Errorf("message lacks %q:\n%s", want, p.Message)
		}
	}
}

func TestEvaluateOneToOne(t *testing.T) {
	// Two expectations cannot share one finding.
	ps := evalFake(t, fakeAll+`conflict date pact.signed "2023"`+"\n")
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "case.txtar:11: missing finding") {
		t.Fatalf("want the duplicate expectation unmet, got:\n%s", messages(ps))
	}
}

func TestEvaluateOtherLines(t *testing.T) {
	tests := []struct{ line, want string }{
		{`agree meeting.date "December" = 2024-12-24`, "case.txtar:11: missing agreement"},
		{`agree pact.signed "Juni"`, "the phrases are in a finding instead"},
		{`none "2024"`, `case.txtar:11: none "2024": a finding mentions it`},
		{`none 002:"2025"`, `none 002:"2025": a finding mentions it`},
		{`unpaired "hingga"`, `unpaired "hingga": an agreement pairs it`},
		{`claim date 002 "in 2024"`, "case.txtar:11: missing claim"},
		{`claim count * "in 2024"`, `"in 2024" at 001:4 (case.txtar:5): date (no attribute) = v-d`},
		{`claim date 001 "in 2024" = 2024`, "missing claim"},
		{`syndicated 001 002`, "002 is not counted as a copy of 001"},
		{`syndicated 002 009`, `no document "009"`},
	}
	for _, tt := range tests {
		ps := evalFake(t, fakeAll+tt.line+"\n")
		if len(ps) != 1 || !strings.Contains(ps[0].Message, tt.want) {
			t.Errorf("%s: want one problem containing %q, got:\n%s", tt.line, tt.want, messages(ps))
		}
	}
	// A none line passes when the phrase is bound to a document that does
	// not have it.
	if ps := evalFake(t, fakeAll+`none 001:"2025"`+"\n"); len(ps) != 0 {
		t.Errorf("none bound to 001: %s", messages(ps))
	}
}

func writeCase(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckMalformed(t *testing.T) {
	tests := []struct {
		text string
		line int
		want string
	}{
		{"purpose\n-- 001.txt --\nDecember 30, 2024\ntext\n-- expect --\n\n# comment\nconflict date pact.signed in 2023\n", 8, "quote the phrases"},
		{"-- 001.txt --\ntext\n", 0, `no "expect" member`},
		{"-- 001.txt --\ntext\n-- expected --\n", 3, `member "expected": not an article`},
		{"-- 001.txt --\ntext\n-- 001.txt --\nmore\n-- expect --\n", 3, `member "001.txt" repeated (first at line 1)`},
		{"-- ../001.txt --\ntext\n-- expect --\n", 1, "want a plain file name"},
		{"-- .txt --\ntext\n-- expect --\n", 1, "want a plain file name"},
		{"comment only\n-- expect --\nnone \"x\"\n", 2, "no article members"},
		{"-- 001.txt --\n\n  \n-- expect --\n", 1, "member 001.txt cannot be read as an article: empty"},
		{"-- feed.jsonl --\n{\"id\":\"a\",\"text\":\"ok\"}\n{not json\n-- expect --\n", 3, "member feed.jsonl"},
	}
	for _, tt := range tests {
		p := writeCase(t, "bad.txtar", tt.text)
		_, err := Check(p)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: got error %v, want *Error", tt.text, err)
			continue
		}
		if ce.Path != p || ce.Line != tt.line || !strings.Contains(ce.Msg, tt.want) {
			t.Errorf("%q: got %v (line %d), want line %d and %q", tt.text, err, ce.Line, tt.line, tt.want)
		}
		if tt.line > 0 && !strings.HasPrefix(err.Error(), p+":"+strconv.Itoa(tt.line)+": ") {
			t.Errorf("error does not start with file:line: %v", err)
		}
	}
	if _, err := Check(filepath.Join(t.TempDir(), "missing.txtar")); err == nil {
		t.Error("a missing case file is not an error")
	}
}

// An expectation about words no article contains can never be checked: a
// "none" or "unpaired" line with a typo would pass for ever. It is a
// malformed case, named by its line.
func TestCheckPhraseInNoArticle(t *testing.T) {
	const articles = "-- a.txt --\nDecember 30, 2024\nKim and Putin signed a pact in June 2024.\n-- expect --\n"
	for _, tt := range []struct {
		expect, want string
	}{
		{`unpaired a:"no such words"`, `"no such words": no article (document a) contains it`},
		{`none "Senn"`, `"Senn": no article contains it`},
		{`none b:"June"`, `no document "b" in the case (documents: a)`},
		{`conflict date * "in June" <> "in 1999"`, `"in 1999": no article contains it`},
		{`claim date a "in July"`, `"in July": no article (document a) contains it`},
	} {
		p := writeCase(t, "typo.txtar", articles+"# comment\n"+tt.expect+"\n")
		_, err := Check(p)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a malformed-case error", tt.expect, err)
			continue
		}
		if ce.Line != 6 || !strings.Contains(ce.Msg, tt.want) {
			t.Errorf("%s: got %v (line %d), want line 6 and %q", tt.expect, err, ce.Line, tt.want)
		}
	}
	// Case and white space are folded, as when phrases match claims.
	p := writeCase(t, "ok.txtar", articles+"none \"PUTIN  signed\"\n")
	if _, err := Check(p); err != nil {
		t.Errorf("folded phrase: %v", err)
	}
}

// A misspelt attribute is one problem, said as such with the attributes
// that exist, not a missing finding plus an unexpected one.
func TestCheckUnknownAttribute(t *testing.T) {
	const articles = "-- 001.txt --\nDecember 30, 2024\nEarlier in 2023, Kim and Putin signed a mutual defence pact.\n-- 002.txt --\nDecember 30, 2024\nKim and Putin signed a mutual defence pact in June 2024.\n-- expect --\n"
	for _, line := range []string{
		`conflict date pact.signd "in 2023" <> "in June 2024"`,
		`agree pact.signd "in 2023"`,
		`claim date pact.signd 001 "in 2023"`,
	} {
		p := writeCase(t, "attr.txtar", articles+line+"\n")
		_, err := Check(p)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a malformed-case error", line, err)
			continue
		}
		if ce.Line != 8 || !strings.Contains(ce.Msg, `unknown attribute "pact.signd" (did you mean pact.signed?); the attributes are: `) {
			t.Errorf("%s: got %v (line %d)", line, err, ce.Line)
		}
	}
}
