package ingest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openRead reads what os.Open reads and fails as it fails, with the same
// *os.PathError (pathErr and the messages built from it depend on that).
func TestOpenReadAsOsOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("Floods hit the valley."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{file, filepath.Join(dir, "missing.txt"), dir} {
		want, wantErr := os.Open(name)
		got, gotErr := openRead(name)
		if (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%s: os.Open error %v, openRead error %v", name, wantErr, gotErr)
		}
		if wantErr != nil {
			var pe *os.PathError
			if !errors.As(gotErr, &pe) || gotErr.Error() != wantErr.Error() {
				t.Errorf("%s: openRead error %#v, want %#v", name, gotErr, wantErr)
			}
			continue
		}
		wantBytes, wantReadErr := io.ReadAll(want)
		gotBytes, gotReadErr := io.ReadAll(got)
		if string(gotBytes) != string(wantBytes) || (wantReadErr == nil) != (gotReadErr == nil) {
			t.Errorf("%s: openRead read %q, %v; os.Open %q, %v", name, gotBytes, gotReadErr, wantBytes, wantReadErr)
		}
		if got.Name() != name {
			t.Errorf("openRead(%s).Name() = %s", name, got.Name())
		}
		want.Close()
		if err := got.Close(); err != nil {
			t.Errorf("%s: close: %v", name, err)
		}
	}
}

// readRegular reads what readLimited reads from os.Open's file, and fails
// with the same message once pathErr has taken the path off.
func TestReadRegularAsReadLimited(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Floods hit the valley on Tuesday. ", 3000) // several 32 KB reads
	cases := []struct {
		name, text string
		max        int64
	}{
		{"short.txt", "Floods hit the valley.", 1 << 20},
		{"empty.txt", "", 1 << 20},
		{"long.txt", long, 1 << 20},
		{"over.txt", long, 1000}, // over the limit: ErrTooLarge
		{"missing.txt", "", 1 << 20},
		{"", "", 1 << 20}, // the directory itself
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if c.name != "" && c.name != "missing.txt" {
			if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var size int64
		if fi, err := os.Stat(p); err == nil {
			size = fi.Size()
		}
		want, wantErr := func() (string, error) {
			f, err := os.Open(p)
			if err != nil {
				return "", err
			}
			defer f.Close()
			return readLimited(f, size, c.max)
		}()
		got, gotErr := readRegular(p, size, c.max)
		if got != want {
			t.Errorf("%q: read %d bytes, want %d", c.name, len(got), len(want))
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && pathErr(gotErr).Error() != pathErr(wantErr).Error() {
			t.Errorf("%q: error %v, want %v", c.name, gotErr, wantErr)
		}
	}
}

// reader.abs, with the working directory read once, says what
// filepath.Abs says, for every spelling of a path.
func TestReaderAbsAsFilepathAbs(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	for _, r := range []*reader{{cwd: cwd}, {}} { // read once, and unknown
		for _, p := range []string{"a.txt", "./a.txt", "dir/../a.txt", "../x/a.txt", "dir/", ".", "..", "/abs/a.txt", "/abs/../b.txt", "//abs//c.txt", ""} {
			want, wantErr := filepath.Abs(p)
			got, gotErr := r.abs(p)
			if got != want || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("cwd %q: abs(%q) = %q, %v; filepath.Abs %q, %v", r.cwd, p, got, gotErr, want, wantErr)
			}
		}
	}
}
