package comparetest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseExpectation(t *testing.T) {
	tests := []struct {
		line string
		want Expectation
	}{
		{`conflict date pact.signed "Earlier in 2023" <> "pada bulan Juni"`, Expectation{
			Category: CatConflict, Kind: "date", Attribute: "pact.signed",
			Groups: [][]Phrase{{{Text: "Earlier in 2023"}}, {{Text: "pada bulan Juni"}}}}},
		{`update count casualties.killed "12 people" <> "at least 30"  # rises`, Expectation{
			Category: CatUpdate, Kind: "count", Attribute: "casualties.killed",
			Groups: [][]Phrase{{{Text: "12 people"}}, {{Text: "at least 30"}}}}},
		{`internal weekday-mismatch "Tuesday, February 6, 2023"`, Expectation{
			Category: CatInternal, Kind: "weekday-mismatch",
			Groups: [][]Phrase{{{Text: "Tuesday, February 6, 2023"}}}}},
		{`possible * * "a" "b"`, Expectation{
			Category: CatPossible, Kind: "*", Attribute: "*",
			Groups: [][]Phrase{{{Text: "a"}, {Text: "b"}}}}},
		{`conflict date 001:"in 2023" 002:"in 2023"<>003:"Juni"`, Expectation{
			Category: CatConflict, Kind: "date",
			Groups: [][]Phrase{{{Doc: "001", Text: "in 2023"}, {Doc: "002", Text: "in 2023"}}, {{Doc: "003", Text: "Juni"}}}}},
		{"agree meeting.date \"December 23 to December 27\" `23 hingga \"27\"` = 2024-12-23/2024-12-27", Expectation{
			Category: CatAgree, Attribute: "meeting.date", Value: "2024-12-23/2024-12-27", HasValue: true,
			Groups: [][]Phrase{{{Text: "December 23 to December 27"}, {Text: `23 hingga "27"`}}}}},
		{`none "2025 M St" "3 minute read" # page furniture`, Expectation{
			Category: CatNone, Groups: [][]Phrase{{{Text: "2025 M St"}, {Text: "3 minute read"}}}}},
		{`unpaired "# not a comment"`, Expectation{
			Category: CatUnpaired, Groups: [][]Phrase{{{Text: "# not a comment"}}}}},
		{`claim date 001 "December 30, 2024" = 2024-12-30`, Expectation{
			Category: CatClaim, Kind: "date", Doc: "001", Value: "2024-12-30", HasValue: true,
			Groups: [][]Phrase{{{Text: "December 30, 2024"}}}}},
		{`claim count casualties.killed * "12"`, Expectation{
			Category: CatClaim, Kind: "count", Attribute: "casualties.killed", Doc: "*",
			Groups: [][]Phrase{{{Text: "12"}}}}},
		{`syndicated 001 002`, Expectation{Category: CatSyndic, Docs: []string{"001", "002"}}},
	}
	for _, tt := range tests {
		got, err := parseExpectation(tt.line, 7)
		if err != nil {
			t.Errorf("%s: %v", tt.line, err)
			continue
		}
		tt.want.Line = 7
		got.Source = ""
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.line, *got, tt.want)
		}
	}
}

func TestParseExpectationBlank(t *testing.T) {
	for _, line := range []string{"", "   ", "# just a comment", "\t# indented comment\r"} {
		e, err := parseExpectation(line, 1)
		if e != nil || err != nil {
			t.Errorf("%q: got %v, %v; want nothing", line, e, err)
		}
	}
}

func TestParseExpectationErrors(t *testing.T) {
	tests := []struct{ line, want string }{
		{`conflicts date "a"`, `unknown category "conflicts"`},
		{`"a" <> "b"`, "must start with a category"},
		{`conflict "a" <> "b"`, "want a kind"},
		{`conflict date pact.signed in 2023`, "quote the phrases"},
		{`conflict date pact.signed`, "at least one quoted phrase"},
		{`conflict date "a" <>`, `no phrase after "<>"`},
		{`conflict date <> "a"`, `no phrase before "<>"`},
		{`conflict date "a" = 5`, `only for agree and claim`},
		{`agree "a"`, "want one ATTRIBUTE"},
		{`agree x.y "a" <> "b"`, `only separates the sides`},
		{`agree x.y "a" = `, `want one value after "="`},
		{`none x "a"`, "want only quoted phrases"},
		{`claim date "a"`, "claim: want KIND"},
		{`claim date 001 "a" "b"`, "exactly one phrase"},
		{`claim date 001 002:"a"`, "not as a prefix"},
		{`conflict date "unterminated`, "unterminated phrase"},
		{`conflict date ""`, "empty phrase"},
		{`conflict date "\q"`, "bad quoted phrase"},
		{`none :"a"`, "empty document id"},
		{`syndicated 001`, "two or more document ids"},
	}
	for _, tt := range tests {
		_, err := parseExpectation(tt.line, 1)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.line, err, tt.want)
		}
	}
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{`plain`, `say "toughest"`, "tab\there", "both ` and \""} {
		e, err := parseExpectation("none "+quote(s), 1)
		if err != nil {
			t.Fatalf("%q quoted as %s: %v", s, quote(s), err)
		}
		if got := e.Groups[0][0].Text; got != s {
			t.Errorf("round trip of %q gave %q", s, got)
		}
	}
}

func TestParseArchive(t *testing.T) {
	data := "purpose\nmore\n-- 001.txt --\nline one\nline two\n--  expect  --\nconflict date \"a\" <> \"b\"\n-- not a marker\n"
	a := parseArchive([]byte(data))
	if string(a.comment) != "purpose\nmore\n" {
		t.Errorf("comment %q", a.comment)
	}
	if len(a.files) != 2 {
		t.Fatalf("got %d members, want 2", len(a.files))
	}
	f := a.files[0]
	if f.name != "001.txt" || string(f.data) != "line one\nline two\n" || f.markerLine != 3 || f.firstLine != 4 {
		t.Errorf("member 0: %+v (%q)", f, f.data)
	}
	f = a.files[1]
	if f.name != "expect" || f.markerLine != 6 || f.firstLine != 7 || !strings.HasSuffix(string(f.data), "-- not a marker\n") {
		t.Errorf("member 1: %+v (%q)", f, f.data)
	}
	if a := parseArchive([]byte("no members at all")); len(a.files) != 0 || string(a.comment) != "no members at all" {
		t.Errorf("no-member archive: %+v", a)
	}
	if a := parseArchive([]byte("-- a.txt --\r\nx\r\n-- expect --")); len(a.files) != 2 || a.files[1].name != "expect" || len(a.files[1].data) != 0 {
		t.Errorf("CRLF / unterminated archive: %+v", a.files)
	}
}
