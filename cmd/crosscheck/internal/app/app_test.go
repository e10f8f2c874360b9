package app

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck/crosscheck/compare/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

const exampleDir = "../../../../testdata/example"

// seedsDir is the shared seed story beside the project, when present.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared seeds not found at %s: %v", dir, err)
	}
	return dir
}

type run struct {
	code           int
	stdout, stderr string
}

func testEnv(stdin string, wd string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv:     func(string) string { return "" },
		Getwd:      func() (string, error) { return wd, nil },
		IsTerminal: func(io.Writer) bool { return false },
		TermWidth:  func(io.Writer) int { return 120 },
		Now:        func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) },
	}, &out, &errb
}

func runCmd(t *testing.T, args ...string) run {
	t.Helper()
	env, out, errb := testEnv("", t.TempDir())
	code := Run(args, env)
	return run{code, out.String(), errb.String()}
}

func reportJSON(t *testing.T, args ...string) (*report.Report, run) {
	t.Helper()
	r := runCmd(t, append([]string{"report", "--format", "json"}, args...)...)
	require.NotEqual(t, ExitError, r.code, r.stderr)
	var rep report.Report
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stdout)
	return &rep, r
}

// sideTexts returns, for each side of a discrepancy, "doc:text" of its claims.
func sideTexts(rep *report.Report, d report.Discrepancy) [][]string {
	byID := rep.ClaimByID()
	var out [][]string
	for _, s := range d.Sides {
		var texts []string
		for _, id := range s.Claims {
			c := byID[id]
			texts = append(texts, c.Doc+":"+c.Text)
		}
		sort.Strings(texts)
		out = append(out, texts)
	}
	return out
}

func TestSeedStoryHasExactlyTheTwoDiscrepancies(t *testing.T) {
	dir := seedsDir(t)
	rep, r := reportJSON(t, dir)
	assert.Equal(t, ExitFindings, r.code)
	require.Len(t, rep.Discrepancies, 2, r.stdout)
	got := map[string]report.Discrepancy{}
	for _, d := range rep.Discrepancies {
		got[d.Attribute] = d
		assert.Equal(t, "conflict", d.Category)
		assert.NotEmpty(t, d.Summary)
		assert.NotEmpty(t, d.Explanation)
	}
	pact, ok := got["pact.signed"]
	require.True(t, ok, "pact.signed discrepancy missing: %v", got)
	assert.Equal(t, [][]string{{"001_a705b1de2db7430c:Earlier in 2023"}, {"002_dca44d3e8055a9a3:bulan Juni"}}, sideTexts(rep, pact))
	assert.Equal(t, []string{"2023", "2024-06"}, []string{pact.Sides[0].Value, pact.Sides[1].Value})
	policy, ok := got["policy.year"]
	require.True(t, ok, "policy.year discrepancy missing")
	sides := sideTexts(rep, policy)
	assert.Equal(t, []string{"001_a705b1de2db7430c:in 2024"}, sides[0])
	assert.Contains(t, sides[1], "002_dca44d3e8055a9a3:tahun 2025")

	// Documents: dates and languages as the articles give them.
	want := map[string][2]string{
		"000_9d2118d30e0e09c3": {"2024-12-29", "en"},
		"001_a705b1de2db7430c": {"2024-12-30", "en"},
		"002_dca44d3e8055a9a3": {"2024-12-30", "id"},
		"003_5f99088ac1dc1bcf": {"2021-01-12", "en"},
		"004_8979b68690ae2a27": {"", "id"},
	}
	require.Len(t, rep.Documents, 5)
	for _, d := range rep.Documents {
		pub := ""
		if d.Published != nil {
			pub = *d.Published
		}
		assert.Equal(t, want[d.ID], [2]string{pub, d.Language}, d.ID)
	}
	assertSpans(t, rep, dir)
}

// assertSpans checks the contract that every claim's text is exactly the
// input's bytes start..end.
func assertSpans(t *testing.T, rep *report.Report, dir string) {
	t.Helper()
	texts := map[string]string{}
	for _, d := range rep.Documents {
		b, err := os.ReadFile(d.Path)
		require.NoError(t, err)
		texts[d.ID] = string(b)
	}
	require.NotEmpty(t, rep.Claims)
	for _, c := range rep.Claims {
		text := texts[c.Doc]
		require.LessOrEqual(t, c.End, len(text), c.ID)
		assert.Equal(t, c.Text, text[c.Start:c.End], c.ID)
		assert.Positive(t, c.Line, c.ID)
		assert.Positive(t, c.Col, c.ID)
	}
}

func TestExampleStory(t *testing.T) {
	rep, r := reportJSON(t, exampleDir)
	assert.Equal(t, ExitFindings, r.code)
	type key struct{ category, attribute string }
	var got []key
	for _, d := range rep.Discrepancies {
		got = append(got, key{d.Category, d.Attribute})
	}
	assert.ElementsMatch(t, []key{
		{"conflict", "pact.signed"},
		{"conflict", "policy.year"},
		{"update", "casualties.killed"},
	}, got, r.stdout)
	for _, d := range rep.Discrepancies {
		switch d.Attribute {
		case "pact.signed":
			assert.Equal(t, [][]string{{"001-annual-plenary:in 2023"}, {"002-rapat-pleno:bulan Juni"}}, sideTexts(rep, d))
		case "casualties.killed":
			require.Len(t, d.Sides, 2)
			assert.True(t, d.Sides[0].Newest, "the newer figure comes first")
			assert.Equal(t, []string{"001-annual-plenary"}, d.Sides[0].Sources)
		}
	}
	var agreed []string
	for _, a := range rep.Agreements {
		agreed = append(agreed, a.Attribute)
	}
	assert.Contains(t, agreed, "meeting.date", "the three dated accounts of the meeting agree")
	assert.Contains(t, agreed, "casualties.displaced", `"more than 5,000" and "at least 5,100" agree`)
	for _, c := range rep.Claims {
		for _, trap := range []string{"2025 M", "1998", "3 minute", "January not", "Kepresidenan"} {
			assert.NotContains(t, c.Text, trap, "trap read as a claim: %s", c.ID)
		}
	}
	assertSpans(t, rep, exampleDir)
}

func TestExitCodes(t *testing.T) {
	single := filepath.Join(exampleDir, "004-latar-belakang.txt")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no arguments", nil, ExitError, "Usage"},
		{"unknown command", []string{"frobnicate"}, ExitError, "unknown command"},
		{"no paths", []string{"report"}, ExitError, "no input paths"},
		{"missing path", []string{"report", "no/such/file.txt"}, ExitError, "no/such/file.txt"},
		{"bad format", []string{"report", "--format", "yaml", single}, ExitError, "unknown format"},
		{"bad severity", []string{"report", "--fail-on", "urgent", single}, ExitError, "unknown severity"},
		{"one article, no findings", []string{"report", single}, ExitOK, ""},
		{"findings", []string{"report", exampleDir}, ExitFindings, ""},
		{"findings below fail-on", []string{"report", "--fail-on", "high", "--min-severity", "info", filepath.Join(exampleDir, "000-pyongyang-hard-line.txt"), filepath.Join(exampleDir, "001-annual-plenary.txt")}, ExitOK, ""},
		{"claims never fail", []string{"claims", exampleDir}, ExitOK, ""},
		{"flags after paths", []string{"report", exampleDir, "--format", "json"}, ExitFindings, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.args...)
			assert.Equal(t, tc.code, r.code, "stderr: %s", r.stderr)
			if tc.err != "" {
				assert.Contains(t, r.stderr, tc.err)
			}
		})
	}
}

func TestClaimsJSONSharesReportObjects(t *testing.T) {
	r := runCmd(t, "claims", "--format", "json", exampleDir)
	require.Equal(t, ExitOK, r.code, r.stderr)
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Contains(t, got, "documents")
	assert.Contains(t, got, "claims")
	var cs []report.Claim
	require.NoError(t, json.Unmarshal(got["claims"], &cs))
	assert.NotEmpty(t, cs)
}

// TestDismissedStaysDismissed: an editor dismisses a finding; the next run,
// with one article edited elsewhere and a new article added, still hides it.
func TestDismissedStaysDismissed(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, exampleDir, dir)
	wd := t.TempDir()
	reviewFile := filepath.Join(wd, "review.yaml")
	rep, _ := reportJSON(t, dir)
	var target string
	for _, d := range rep.Discrepancies {
		if d.Attribute == "pact.signed" {
			target = d.ID
		}
	}
	require.NotEmpty(t, target)
	r := runCmd(t, "review", target, "--dismiss", "--reason", "checked: signing was June 2024", "--by", "ed", "--review-file", reviewFile)
	require.Equal(t, ExitOK, r.code, r.stderr)

	// Edit an article away from the claim and add a new one.
	p := filepath.Join(dir, "001-annual-plenary.txt")
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	edited := strings.Replace(string(b), "Kim singled out", "In his speech, Kim singled out", 1)
	edited = "Editor's note: this article was updated.\n" + edited
	require.NoError(t, os.WriteFile(p, []byte(edited), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "005-extra.txt"), []byte("Monday, December 30, 2024\nSeoul reacts\nSouth Korea's defence ministry said it was watching closely.\n"), 0o644))

	rep2, r2 := reportJSON(t, "--review-file", reviewFile, dir)
	for _, d := range rep2.Discrepancies {
		assert.NotEqual(t, target, d.ID, "dismissed finding shown again")
	}
	assert.Empty(t, rep2.Stale, r2.stderr)
	rep3, _ := reportJSON(t, "--review-file", reviewFile, "--all", dir)
	found := false
	for _, d := range rep3.Discrepancies {
		if d.ID == target {
			found = true
			require.NotNil(t, d.Review)
			assert.Equal(t, "dismissed", d.Review.Status)
		}
	}
	assert.True(t, found, "--all shows the dismissed finding")
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, e.Name()), b, 0o644))
	}
}

// TestGoldenFormats pins every report format on the example story.
// Regenerate with: go test ./cmd/crosscheck/internal/app -run TestGoldenFormats -update
func TestGoldenFormats(t *testing.T) {
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			r := runCmd(t, "report", "--format", format, "--all", exampleDir)
			require.NotEqual(t, ExitError, r.code, r.stderr)
			golden := filepath.Join("testdata", "golden", "example."+format)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(r.stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create %s", golden)
			assert.Equal(t, string(want), r.stdout)
		})
	}
}

// TestUserRules: a frame added with --rules takes effect without
// recompiling, and a bad rule file is an error naming file:line.
func TestUserRules(t *testing.T) {
	rulesDir, docs := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(rulesDir, "festival.yaml"), []byte(`frames:
  - name: festival
    once: true
    triggers: [festival, festival musik]
    attributes:
      - {name: opened, kinds: [date], default: true, words: [opened, dibuka]}
`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.txt"), []byte("Monday, March 3, 2025\nThe Jakarta and Bandung festival opened on 14 February, organisers said.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "b.txt"), []byte("Tuesday, March 4, 2025\nOrganisers said the Jakarta and Bandung festival opened on 21 February.\n"), 0o644))
	rep, r := reportJSON(t, "--rules", rulesDir, docs)
	require.Len(t, rep.Discrepancies, 1, r.stdout)
	assert.Equal(t, "festival.opened", rep.Discrepancies[0].Attribute)

	require.NoError(t, os.WriteFile(filepath.Join(rulesDir, "broken.yaml"), []byte("frames:\n  - name: x\n    trigers: [x]\n"), 0o644))
	r = runCmd(t, "report", "--rules", rulesDir, docs)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "broken.yaml:3")
}

// --spill always (articles and claims through a spill file, a story window
// at a time) and --spill never (all in memory) write the same JSON and
// JSON Lines, for the report and the claims command, from a directory and
// from a JSON Lines feed; an unknown value is a usage error.
func TestSpillModesAgree(t *testing.T) {
	feed := filepath.Join(t.TempDir(), "feed.jsonl")
	var lines []string
	entries, err := os.ReadDir(exampleDir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(exampleDir, e.Name()))
		require.NoError(t, err)
		line, err := json.Marshal(map[string]string{"id": strings.TrimSuffix(e.Name(), ".txt"), "text": string(b)})
		require.NoError(t, err)
		lines = append(lines, string(line))
	}
	require.NoError(t, os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	// Skipped documents and warnings: the summary line and the warnings
	// on standard error are the same too.
	mixed := t.TempDir()
	copyDir(t, exampleDir, mixed)
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "empty.txt"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "binary.txt"), []byte{0, 1, 2, 0, 0xff, 0xfe, 0, 7}, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "latin1.txt"), []byte("Caf\xe9 owners said on 3 March 2024 that 40 people were hurt.\n"), 0o644))
	for _, cmd := range []string{"report", "claims"} {
		for _, format := range []string{"json", "jsonl"} {
			for _, input := range []string{exampleDir, feed, mixed} {
				always := runCmd(t, cmd, "--format", format, "--spill", "always", input)
				never := runCmd(t, cmd, "--format", format, "--spill", "never", input)
				auto := runCmd(t, cmd, "--format", format, input)
				require.NotEqual(t, ExitError, always.code, always.stderr)
				assert.Equal(t, never.stdout, always.stdout, "%s %s %s", cmd, format, input)
				assert.Equal(t, never.stdout, auto.stdout, "%s %s %s", cmd, format, input)
				assert.Equal(t, never.stderr, always.stderr, "%s %s %s", cmd, format, input)
				assert.Equal(t, never.code, always.code)
			}
		}
	}
	r0 := runCmd(t, "report", "--format", "json", "--spill", "always", filepath.Join(mixed, "empty.txt"), filepath.Join(mixed, "binary.txt"))
	assert.Equal(t, ExitError, r0.code)
	assert.Contains(t, r0.stderr, "no documents read from")
	assert.Contains(t, r0.stderr, "skipped 2 (1 binary, 1 empty)")
	r := runCmd(t, "report", "--format", "json", "--spill", "sometimes", exampleDir)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `unknown --spill "sometimes"`)
}

// TestRulesCheckedBeforeInputs: the built-in rules compile while the
// inputs are read (ruleSetLater), but a user's rules directory and a
// --lang the rules do not know are still refused before any input is
// read, so a missing input is not what the user hears about first.
func TestRulesCheckedBeforeInputs(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-input")
	r := runCmd(t, "report", "--rules", filepath.Join(t.TempDir(), "no-such-rules"), missing)
	require.Equal(t, ExitError, r.code)
	require.Contains(t, r.stderr, "no-such-rules")
	require.NotContains(t, r.stderr, "no-such-input")
	r = runCmd(t, "claims", "--lang", "fr", missing)
	require.Equal(t, ExitError, r.code)
	require.Contains(t, r.stderr, `unknown language "fr"`)
	require.NotContains(t, r.stderr, "no-such-input")
	// Without either, the built-in rules wait for the inputs' error.
	r = runCmd(t, "claims", missing)
	require.Equal(t, ExitError, r.code)
	require.Contains(t, r.stderr, "no-such-input")
}
