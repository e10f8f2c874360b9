package rules

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

var updateSnapshot = flag.Bool("update-snapshot", false, "rewrite builtin.snapshot.json from the built-in rule files")

// TestSnapshotIsCurrent: the embedded snapshot was made from the built-in
// rule files as they are, Load uses it, and every file decodes from it to
// exactly what parsing the file gives (pointers, empty and nil slices and
// maps told apart), with the same line for every path compile asks about.
// With -update-snapshot it is written again first.
func TestSnapshotIsCurrent(t *testing.T) {
	files, err := builtinSources()
	require.NoError(t, err)
	if *updateSnapshot {
		b, err := makeSnapshot(files)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("builtin.snapshot.json", b, 0o644))
		builtinSnapshot = b
	}
	useSnapshot(files, builtinSnapshot)
	for _, f := range files {
		require.NotNil(t, f.snap, "%s: the snapshot is stale: go test ./rules -run TestSnapshotIsCurrent -args -update-snapshot", f.name)
	}
	recorded := slicesCloneRecord(files)
	_, err = compile(recorded)
	require.NoError(t, err)
	for i, f := range files {
		var root yaml.Node
		require.NoError(t, yaml.Unmarshal(f.data, &root))
		require.Equal(t, fileKind(&root), f.snap.Kind, f.name)
		switch f.snap.Kind {
		case "language":
			want := new(langFile)
			require.NoError(t, root.Decode(want))
			require.Equal(t, want, f.snap.Lang, f.name)
		case "frames":
			want := new(framesFile)
			require.NoError(t, root.Decode(want))
			require.Equal(t, want, f.snap.Frames, f.name)
		}
		require.Equal(t, recorded[i].record, f.snap.Lines, f.name)
	}
}

// slicesCloneRecord is files to be parsed again, recording the lines
// compile asks for.
func slicesCloneRecord(files []source) []source {
	out := make([]source, len(files))
	for i, f := range files {
		out[i] = source{name: f.name, data: f.data, builtin: f.builtin, record: map[string]int{}}
	}
	return out
}

// TestSnapshotFallback: a snapshot not made from exactly the files given
// (one edited, or an unreadable snapshot) is not used: they are parsed.
func TestSnapshotFallback(t *testing.T) {
	files, err := builtinSources()
	require.NoError(t, err)
	edited := slicesCloneRecord(files)
	edited[0].data = append(bytes.Clone(edited[0].data), "\n# edited\n"...)
	for _, tc := range []struct {
		name  string
		files []source
		snap  []byte
	}{
		{"edited file", edited, builtinSnapshot},
		{"fewer files", slicesCloneRecord(files[1:]), builtinSnapshot},
		{"empty", slicesCloneRecord(files), nil},
		{"not JSON", slicesCloneRecord(files), []byte("{")},
		{"unknown field", slicesCloneRecord(files), bytes.Replace(builtinSnapshot, []byte(`"Kind"`), []byte(`"Kynd"`), 1)},
	} {
		useSnapshot(tc.files, tc.snap)
		for _, f := range tc.files {
			require.Nil(t, f.snap, "%s: %s", tc.name, f.name)
		}
		_, err := compile(tc.files)
		require.NoError(t, err, tc.name)
	}
}

// TestNonZero: nonZero leaves out zero fields only, and what it keeps
// decodes back to the value it came from.
func TestNonZero(t *testing.T) {
	type inner struct {
		A int
		B string
	}
	type value struct {
		Zero      int
		Ptr       *int
		PtrZero   *int
		Empty     []string
		Nil       []string
		EmptyMap  map[string]int
		Map       map[string][2]float64
		Inner     *inner
		InnerZero *inner
		Pairs     [][2]int
		Flag      *bool
		Float     float64
	}
	zero, seven, no := 0, 7, false
	v := value{Ptr: &seven, PtrZero: &zero, Empty: []string{}, EmptyMap: map[string]int{},
		Map: map[string][2]float64{"x": {0.1, 1e21}}, Inner: &inner{A: 1}, InnerZero: &inner{},
		Pairs: [][2]int{{1, 2}, {0, 0}}, Flag: &no, Float: 1.0 / 3}
	b, err := json.Marshal(nonZero(reflect.ValueOf(v)))
	require.NoError(t, err)
	require.NotContains(t, string(b), `"Zero"`)
	require.NotContains(t, string(b), `"Nil"`)
	var back value
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, v, back)
}
