package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// write creates a file (and its directories) under root.
func write(t *testing.T, root, rel, content string) string {
	t.Helper()
	path := filepath.Join(root, rel)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestLoadAllKeys(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "rules", "newsroom"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "shared-rules"), 0o755))
	path := write(t, root, FileName, `# project settings
rules:
  - rules/newsroom
  - `+filepath.Join(root, "shared-rules")+`
language: id
format: markdown
min_severity: Medium
fail_on: high
review_file: reviews/decisions.yaml
claimreview_author: Velmora Fact Desk
`)
	c, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, path, c.Path)
	assert.Equal(t, root, c.Dir)
	assert.Equal(t, []string{filepath.Join(root, "rules", "newsroom"), filepath.Join(root, "shared-rules")}, c.Rules)
	assert.Equal(t, "id", c.Language)
	assert.Equal(t, "markdown", c.Format)
	assert.Equal(t, "medium", c.MinSeverity, "severity names are normalized")
	assert.Equal(t, "high", c.FailOn)
	assert.Equal(t, filepath.Join(root, "reviews", "decisions.yaml"), c.ReviewFile, "relative to the config file, not the working directory")
	assert.Equal(t, "Velmora Fact Desk", c.ClaimReviewAuthor)
	assert.Equal(t, path+":8", c.Where("fail_on"))
	assert.Equal(t, path, c.Where("nonexistent"))
}

func TestLoadAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		check         func(t *testing.T, c *Config)
	}{
		{"empty file", "", func(t *testing.T, c *Config) { assert.Empty(t, c.Format) }},
		{"comments only", "# nothing\n", func(t *testing.T, c *Config) { assert.Empty(t, c.Rules) }},
		{"null value keeps default", "format:\nfail_on: ~\n", func(t *testing.T, c *Config) {
			assert.Empty(t, c.Format)
			assert.Empty(t, c.FailOn)
		}},
		{"single rules directory", "rules: .\n", func(t *testing.T, c *Config) { assert.Equal(t, []string{c.Dir}, c.Rules) }},
		{"every format", "format: claimreview\n", func(t *testing.T, c *Config) { assert.Equal(t, "claimreview", c.Format) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Load(write(t, t.TempDir(), FileName, tc.content))
			require.NoError(t, err)
			tc.check(t, c)
		})
	}
}

func TestLoadRejects(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"unknown key", "format: table\nfail_no: high\n", `:2: unknown key "fail_no"`},
		{"bad severity", "min_severity: urgent\n", `:1: min_severity "urgent" is not a severity (want info, low, medium or high)`},
		{"bad fail_on", "format: csv\n\nfail_on: critical\n", `:3: fail_on "critical" is not a severity`},
		{"bad format", "format: pdf\n", `:1: format "pdf" is not a report format (want one of table, markdown, csv, json, jsonl, html, claimreview)`},
		{"bad language", "language: English\n", `:1: language "English" is not an ISO 639 code`},
		{"list where a value belongs", "format: [table, csv]\n", `:1: format must be a single value`},
		{"mapping where a value belongs", "claimreview_author:\n  name: x\n", `:2: claimreview_author must be a single value`},
		{"missing rules directory", "rules:\n  - rules/none\n", `:2: rules directory "rules/none" not found`},
		{"rules item not a string", "rules:\n  - [a]\n", `:2: rules must be a list of directories`},
		{"empty review file", "review_file: \"\"\n", `:1: review_file is empty`},
		{"repeated key", "format: csv\nformat: json\n", `:2: key "format" repeated (first at line 1)`},
		{"syntax error", "format: table\n  fail_on: high\n", `:2: mapping values are not allowed in this context`},
		{"not a mapping", "- format\n", `:1: the configuration must be a mapping`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t, t.TempDir(), FileName, tc.content)
			c, err := Load(path)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), path+tc.want)
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	cfg := write(t, root, filepath.Join("newsroom", FileName), "format: html\n")
	deep := filepath.Join(root, "newsroom", "2025", "velmora")
	require.NoError(t, os.MkdirAll(deep, 0o755))

	t.Run("walks up", func(t *testing.T) {
		c, err := Find(deep)
		require.NoError(t, err)
		require.NotNil(t, c)
		assert.Equal(t, cfg, c.Path)
		assert.Equal(t, "html", c.Format)
	})

	t.Run("nearest wins", func(t *testing.T) {
		near := write(t, root, filepath.Join("newsroom", "2025", FileName), "format: csv\n")
		defer os.Remove(near)
		c, err := Find(deep)
		require.NoError(t, err)
		assert.Equal(t, near, c.Path)
		assert.Equal(t, "csv", c.Format)
	})

	t.Run("none", func(t *testing.T) {
		other := filepath.Join(root, "elsewhere")
		require.NoError(t, os.MkdirAll(other, 0o755))
		c, err := Find(other)
		// A file above the temp dir would be found legitimately; on a clean
		// machine there is none.
		if c != nil {
			t.Skipf("a %s exists above the temp directory: %s", FileName, c.Path)
		}
		assert.NoError(t, err)
		assert.Nil(t, c)
	})

	t.Run("relative start", func(t *testing.T) {
		t.Chdir(deep)
		c, err := Find(".")
		require.NoError(t, err)
		require.NotNil(t, c)
		assert.Equal(t, cfg, c.Path)
	})

	t.Run("bad file found is an error", func(t *testing.T) {
		bad := t.TempDir()
		write(t, bad, FileName, "colour: yes\n")
		_, err := Find(bad)
		assert.ErrorContains(t, err, `unknown key "colour"`)
	})

	t.Run("directory with the name", func(t *testing.T) {
		d := t.TempDir()
		require.NoError(t, os.Mkdir(filepath.Join(d, FileName), 0o755))
		_, err := Find(d)
		assert.ErrorContains(t, err, "not a regular file")
	})
}
