package ingest

import (
	"errors"
	"io"
	"io/fs"
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

// Reading with Options.Stated (as the command fills it from its walk of
// the inputs) gives the documents reading without it gives; a path it
// does not name, or names as other than a regular file, is stated as
// usual; and what it says of a regular file is what reading goes by.
func TestReadWithStated(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Floods hit the valley on Tuesday.")
	write("sub/b.md", "---\ntitle: Quake\n---\nA quake of magnitude 5.9 struck.")
	write(".hidden.txt", "Never read.")
	write("c.html", "<html><body><p>Rain fell for a week.</p></body></html>")
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Skip(err)
	}
	walked := map[string]fs.FileInfo{}
	if err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			walked[p] = fi
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	linkInfo, err := os.Lstat(filepath.Join(dir, "link.txt"))
	if err != nil {
		t.Fatal(err)
	}
	withLink := map[string]fs.FileInfo{filepath.Join(dir, "link.txt"): linkInfo} // not regular: stated again
	want, err := Read([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, stated := range map[string]map[string]fs.FileInfo{"walked": walked, "symlink's Lstat": withLink, "empty": {}} {
		got, err := Read([]string{dir}, Options{Stated: stated})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d documents, want %d", name, len(got), len(want))
		}
		for i := range want {
			if g, w := *got[i], *want[i]; g.ID != w.ID || g.Text != w.Text || g.Status != w.Status || g.SkipReason != w.SkipReason || g.Title != w.Title {
				t.Errorf("%s: document %d is %+v, want %+v", name, i, g, w)
			}
		}
	}
	// What Stated says is what reading goes by: a size over the limit.
	a := filepath.Join(dir, "a.txt")
	big := map[string]fs.FileInfo{a: sizedInfo{walked[a], 1 << 40}}
	if _, err := Read([]string{dir}, Options{Stated: big}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a.txt stated as 1 TB: error %v, want ErrTooLarge", err)
	}
}

// sizedInfo is a FileInfo with another size.
type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }
