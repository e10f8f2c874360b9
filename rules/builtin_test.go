package rules

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestBuiltinKnownFields holds the built-in rule files to what a user's
// file must pass: decoded strictly (unknown keys refused), and decoded to
// the same values as from the parsed tree, which is how Load reads them
// (source.builtin).
func TestBuiltinKnownFields(t *testing.T) {
	n := 0
	err := fs.WalkDir(builtinFS, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		n++
		b, err := builtinFS.ReadFile(p)
		require.NoError(t, err)
		var root yaml.Node
		require.NoError(t, yaml.Unmarshal(b, &root), p)
		var strict, fromTree any
		switch fileKind(&root) {
		case "language":
			strict, fromTree = new(langFile), new(langFile)
		case "frames":
			strict, fromTree = new(framesFile), new(framesFile)
		default:
			t.Fatalf("%s: neither a language nor a frames file", p)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		require.NoError(t, dec.Decode(strict), p)
		require.NoError(t, root.Decode(fromTree), p)
		require.Equal(t, strict, fromTree, p)
		return nil
	})
	require.NoError(t, err)
	require.GreaterOrEqual(t, n, 4, "built-in rule files")
}

// TestUserFileStillStrict: the tree decode is for built-in files only; a
// user's file with an unknown key is still refused, at its line.
func TestUserFileStillStrict(t *testing.T) {
	_, err := compile([]source{{name: "user.yaml", data: []byte("language: xx\nmonthz: []\n")}})
	require.Error(t, err)
	require.Contains(t, err.Error(), "user.yaml:2")
}
