package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// articleExt are the extensions ingest reads from a directory; other files
// (the review file, editors' notes, temporary files) do not trigger a
// re-run when they change.
var articleExt = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".jsonl": true, ".ndjson": true,
}

// fingerprint summarises the inputs' names, sizes and modification times:
// it changes when an article is added, removed or edited. Paths given
// directly count whatever their extension, as ingest reads them; in
// directories, hidden entries are skipped, as ingest skips them.
func fingerprint(paths []string, reviewPath string) string {
	h := sha256.New()
	review, _ := filepath.Abs(reviewPath)
	add := func(path string, info fs.FileInfo) {
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, info.Size(), info.ModTime().UnixNano())
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(h, "%s\x00missing\n", p)
			continue
		}
		if !info.IsDir() {
			add(p, info)
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s\x00error\n", path)
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !articleExt[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			if abs, _ := filepath.Abs(path); abs == review {
				return nil
			}
			if info, err := d.Info(); err == nil {
				add(path, info)
			}
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil))
}
