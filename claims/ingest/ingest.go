// Package ingest turns the paths named on the command line into
// claims.Documents: it walks directories, decodes text in whatever encoding
// it arrives in, extracts the article from HTML, reads JSON Lines feeds and
// picks up the metadata (title, date, language, URL) the input itself gives.
//
// Three promises shape the code:
//
//   - Nothing is lost silently. Every path given, and every file found under a
//     directory, comes back as a Document: read, or skipped with a reason
//     (binary, empty, unsupported type, duplicate, or a read error when
//     Options.KeepGoing is set). A report that quietly has one source fewer
//     would misstate how many sources agree.
//   - The result is deterministic: the same set of inputs gives the same
//     documents, IDs and order whatever the argument order or the order in
//     which the file system lists a directory, so reports and finding IDs are
//     stable between runs.
//   - Text is kept exactly as decoded. Offsets reported by later stages point
//     into Document.Text, so nothing here trims, normalises line endings or
//     strips front matter. Only HTML is transformed (to its readable text),
//     and Document.Extracted says so.
//
// Inputs are chosen by extension: .txt, .text, .md and .markdown are plain
// text (with optional front matter); .html, .htm and .xhtml are pages;
// .jsonl and .ndjson hold one article per line; "-" is standard input,
// read as HTML if it looks like a page and as text otherwise.
//
// Read returns every document at once. Stream lists them first, keeping
// only metadata, and then yields them one at a time in the same order, so
// that a large feed is never in memory whole; Read is Stream's listing with
// the documents kept, so the two give the same documents.
//
// Dates written in prose (datelines) and the language of the text are left to
// later stages; this package only records what the input states as metadata.
package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/claims"
)

// DefaultMaxFileBytes is the size limit used when Options.MaxFileBytes is 0:
// per file for a single document, per record for JSON Lines (a feed of any
// number of ordinary articles is read). News articles are kilobytes; a
// document this large is almost certainly a mistake (a database dump, a
// video) and reading it would only waste memory.
const DefaultMaxFileBytes = 64 << 20

// Skip reasons set in Document.SkipReason. A read error under KeepGoing uses
// the error's message instead.
const (
	ReasonBinary      = "binary"
	ReasonEmpty       = "empty"
	ReasonUnsupported = "unsupported type"
	// ReasonDuplicatePrefix is followed by the ID of the document whose
	// text this one repeats.
	ReasonDuplicatePrefix = "duplicate of "
)

// ErrTooLarge is wrapped by the *Error returned for a file over
// Options.MaxFileBytes, so callers can tell it from other input errors.
var ErrTooLarge = errors.New("too large")

// Options controls reading.
type Options struct {
	// KeepGoing turns per-file errors (missing path, unreadable file,
	// malformed JSON Lines record, file too large) into skipped documents
	// instead of failing the whole read.
	KeepGoing bool
	// Stdin is read for the path "-" (nil means os.Stdin).
	Stdin io.Reader
	// StdinFormat says what standard input holds: "text", "html" or
	// "jsonl"; "" detects it (JSON Lines when the first line is a JSON
	// object, HTML when it starts like a page, text otherwise).
	StdinFormat string
	// MaxFileBytes limits the size of any one document (0 means
	// DefaultMaxFileBytes): of a file holding one document, and of each
	// record (line) of a JSON Lines file or stream, whose total size is not
	// limited. A larger document is an error naming the file (and line) and
	// the limit, or a skipped document with KeepGoing.
	MaxFileBytes int64
	// Stated holds what the caller already knows of regular files (from
	// os.Lstat or a directory walk's fs.DirEntry.Info), by path as given
	// or as joined under a given directory (filepath.Join): reading uses
	// it instead of stating each file again, one system call per file. A
	// path not in it is stated as usual.
	Stated map[string]fs.FileInfo
}

// Error names the file (and the line, for JSON Lines) of an input problem,
// in the "path:line: message" form editors and CI logs understand.
type Error struct {
	Path string
	Line int // 1-based line of a JSON Lines record; 0 when not about a line
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Read reads every path (files, directories recursively, "-" for standard
// input) and returns one document per article, including skipped ones, sorted
// by ID. It returns an *Error for a missing path, an unreadable file, a file
// over the size limit or a malformed JSON Lines record, unless
// opt.KeepGoing is set.
//
// Paths are processed in sorted order (not argument order) so that which
// error is reported first, and which of two spellings of the same file is
// kept, does not depend on how the command line was written.
//
// Read holds every text in memory; Stream gives the same documents one at a
// time.
func Read(paths []string, opt Options) ([]*claims.Document, error) {
	s, err := list(paths, opt, true)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	docs := make([]*claims.Document, 0, s.Len())
	err = s.Each(func(d *claims.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// item is a document under construction, with what assignIDs needs to make
// its ID unique.
type item struct {
	doc  *claims.Document
	base string   // ID before disambiguation
	qual []string // qualifiers, nearest first: enclosing file stem (JSON Lines), then parent directories
}

type reader struct {
	opt      Options
	max      int64
	items    []*item
	seen     map[string]bool // absolute paths of files already read
	seenDirs map[string]bool // resolved directories already walked (symlink loops)
	stdin    bool            // "-" already read
	cwd      string          // the working directory, read once (abs); "" if unknown

	// qualDir and qual are the last qualifiers made (qualifiersOf) and
	// the absolute directory, up to its final separator, they were made
	// for: the files of a directory share them.
	qualDir string
	qual    []string

	// src, when set, receives the documents instead of items (Read and
	// Stream); cur says where the documents being added come from, so
	// that a streaming Source can read them again.
	src *Source
	cur *cursor
}

// add records a document.
func (r *reader) add(doc *claims.Document, base string, qual []string) {
	if r.src != nil {
		r.src.add(r.cur, doc, base, qual)
		return
	}
	r.items = append(r.items, &item{doc: doc, base: base, qual: qual})
}

// streaming reports whether the documents are listed to be read again
// later (Stream) rather than kept (Read).
func (r *reader) streaming() bool { return r.src != nil && !r.src.keep }

// fail reports an input problem: an *Error, or with KeepGoing a skipped
// document whose reason is the error's message.
func (r *reader) fail(path string, line int, err error, base string, qual []string) error {
	e := &Error{Path: path, Line: line, Err: err}
	if !r.opt.KeepGoing {
		return e
	}
	docPath := path
	if line > 0 {
		docPath = fmt.Sprintf("%s:%d", path, line)
	}
	r.add(skipped(docPath, err.Error()), base, qual)
	return nil
}

func skipped(path, reason string) *claims.Document {
	return &claims.Document{
		Path:            path,
		PublishedSource: claims.SourceNone,
		LanguageSource:  claims.SourceNone,
		Status:          claims.StatusSkipped,
		SkipReason:      reason,
	}
}

// readPath reads one command-line argument.
func (r *reader) readPath(p string) error {
	if p == "-" {
		if r.stdin {
			return nil
		}
		r.stdin = true
		// JSON Lines is read record by record, with the limit per record:
		// decide from the first 64 KB whether that is what comes.
		br := bufio.NewReaderSize(r.opt.Stdin, 64<<10)
		head, _ := br.Peek(64 << 10)
		if r.opt.StdinFormat == "jsonl" || r.opt.StdinFormat == "" && looksLikeJSONL(string(head)) {
			if r.streaming() {
				return r.listSpooledJSONL(p, br)
			}
			return r.readJSONL(p, br, "stdin", nil)
		}
		content, err := readLimited(br, 0, r.max)
		if err != nil {
			return r.fail(p, 0, err, "stdin", nil)
		}
		kind := sniff(content)
		switch r.opt.StdinFormat {
		case "":
			if looksLikeJSONL(content) {
				kind = kindJSONL
			}
		case "text":
			kind = kindText
		case "html":
			kind = kindHTML
		case "jsonl":
			kind = kindJSONL
		default:
			return &Error{Path: p, Err: fmt.Errorf("unknown standard input format %q (want text, html or jsonl)", r.opt.StdinFormat)}
		}
		if kind == kindJSONL {
			if r.streaming() {
				return r.listSpooledJSONL(p, strings.NewReader(content))
			}
			return r.readJSONL(p, strings.NewReader(content), "stdin", nil)
		}
		if r.streaming() {
			cur, err := r.src.spoolContent(p, content, kind)
			if err != nil {
				return err
			}
			r.cur = cur
			defer func() { r.cur = nil }()
		}
		r.addContent(p, "stdin", nil, content, kind)
		return nil
	}
	fi, err := r.stat(p)
	if err != nil {
		return r.fail(p, 0, pathErr(err), stem(p), r.qualifiers(p))
	}
	if fi.IsDir() {
		return r.walk(p)
	}
	return r.readFile(p, fi)
}

// pathErr drops the path an *os.PathError repeats, since *Error names it.
func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// walk reads a directory recursively in name order. Hidden entries (names
// starting with ".") are ignored: they are version-control and editor
// files, never articles. Symbolic links are followed, but a directory is
// walked at most once so a link loop cannot recurse forever.
func (r *reader) walk(dir string) error {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		if abs, err := r.abs(real); err == nil {
			if r.seenDirs[abs] {
				return nil
			}
			r.seenDirs[abs] = true
		}
	}
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return r.fail(dir, 0, pathErr(err), filepath.Base(dir), r.qualifiers(dir))
	}
	clean := filepath.Clean(dir) // once, not per entry (filepath.Join)
	absDir, absErr := r.abs(clean)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := joinEntry(clean, e.Name())
		fi, err := r.stat(p) // follows symlinks
		if err != nil {
			if err := r.fail(p, 0, pathErr(err), stem(p), r.qualifiers(p)); err != nil {
				return err
			}
			continue
		}
		switch {
		case fi.IsDir():
			err = r.walk(p)
		case absErr == nil:
			err = r.readFileAbs(p, joinEntry(absDir, e.Name()), fi) // r.abs(p), joined as p is
		default:
			err = r.readFile(p, fi)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// joinEntry is filepath.Join(dir, name) for a clean dir and the name of
// an entry read from it (one element: no separator, neither "." nor
// ".."), which the clean dir and the name make without cleaning them
// again. Join cleaned every path it made, a third of the cleaning a
// directory of articles took.
func joinEntry(dir, name string) string {
	switch {
	case filepath.Separator != '/':
		return filepath.Join(dir, name)
	case dir == ".":
		return name
	case strings.HasSuffix(dir, "/"): // the root
		return dir + name
	}
	return dir + "/" + name
}

// Input kinds, chosen by file extension.
const (
	kindNone = iota
	kindText
	kindHTML
	kindJSONL
)

var kinds = map[string]int{
	".txt":      kindText,
	".text":     kindText,
	".md":       kindText,
	".markdown": kindText,
	".html":     kindHTML,
	".htm":      kindHTML,
	".xhtml":    kindHTML,
	".jsonl":    kindJSONL,
	".ndjson":   kindJSONL,
}

// readFile reads one regular file (named or found in a directory).
func (r *reader) readFile(p string, fi os.FileInfo) error {
	abs, err := r.abs(p)
	if err != nil {
		return r.readFileAbs(p, "", fi)
	}
	return r.readFileAbs(p, abs, fi)
}

// readFileAbs is readFile given r.abs(p), or "" when that failed.
func (r *reader) readFileAbs(p, abs string, fi os.FileInfo) error {
	if abs != "" {
		if r.seen[abs] {
			return nil // the same file named twice (or named and inside a named directory)
		}
		r.seen[abs] = true
	} else {
		abs = filepath.Clean(p)
	}
	base, qual := stem(p), r.qualifiersOf(abs)
	if hasControl(filepath.Base(p)) {
		return r.fail(p, 0, errors.New("file name contains a newline or control character, which cannot be a document ID; rename the file"), base, qual)
	}
	kind := kinds[strings.ToLower(filepath.Ext(p))]
	if kind == kindNone || !fi.Mode().IsRegular() {
		r.add(skipped(p, ReasonUnsupported), base, qual)
		return nil
	}
	if fi.Size() > r.max && kind != kindJSONL {
		return r.fail(p, 0, tooLarge(fi.Size(), r.max), base, qual)
	}
	if kind != kindJSONL && !r.streaming() {
		// The common case, an article read whole: no *os.File needed.
		content, err := readRegular(p, fi.Size(), r.max)
		if err != nil {
			return r.fail(p, 0, pathErr(err), base, qual)
		}
		r.addContent(p, base, qual, content, kind)
		return nil
	}
	f, err := openRead(p)
	if err != nil {
		return r.fail(p, 0, pathErr(err), base, qual)
	}
	defer f.Close()
	if r.streaming() {
		// What the file is as it is read: Each finds it unchanged
		// before reading it again.
		if fi, err = f.Stat(); err != nil {
			return r.fail(p, 0, pathErr(err), base, qual)
		}
	}
	if kind == kindJSONL {
		if r.streaming() {
			return r.listJSONL(p, f, fi, base, qual)
		}
		return r.readJSONL(p, f, base, qual)
	}
	content, err := readLimited(f, fi.Size(), r.max)
	if err != nil {
		return r.fail(p, 0, pathErr(err), base, qual)
	}
	if r.streaming() {
		r.cur = r.src.fileCursor(p, p, fi, kind, "", "")
		defer func() { r.cur = nil }()
	}
	r.addContent(p, base, qual, content, kind)
	return nil
}

func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, limit)
	}
	return fmt.Errorf("%w: %d bytes, over the limit of %d bytes", ErrTooLarge, size, limit)
}

// copyBufs holds readLimited's copy buffers: io.Copy would allocate 32 KB
// per file (a strings.Builder cannot read from a reader itself), 320 MB of
// garbage for 10,000 articles.
var copyBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// readLimited reads at most max bytes into a string. Reading straight into a
// strings.Builder sized from the file's length keeps one copy of the content
// in memory instead of a byte slice plus its string conversion.
func readLimited(rd io.Reader, sizeHint, max int64) (string, error) {
	var b strings.Builder
	if sizeHint > 0 && sizeHint <= max {
		b.Grow(int(sizeHint) + 1) // +1 so the final EOF read does not reallocate
	}
	buf := copyBufs.Get().(*[]byte)
	n, err := io.CopyBuffer(&b, io.LimitReader(rd, max+1), *buf)
	copyBufs.Put(buf)
	if err != nil {
		return "", err
	}
	if n > max {
		return "", tooLarge(-1, max)
	}
	return b.String(), nil
}

// addContent builds the document for the content of a text or HTML input.
func (r *reader) addContent(path, base string, qual []string, content string, kind int) {
	var doc *claims.Document
	if kind == kindHTML {
		doc = htmlDocument(path, content)
	} else {
		doc = textDocument(path, content)
	}
	if doc.Status == claims.StatusRead && doc.ID != "" {
		base = doc.ID // an id given by front matter
	}
	r.add(doc, base, qual)
}

// looksLikeJSONL reports whether standard input is JSON Lines: its first
// non-blank line is a complete JSON object. An article does not start that
// way.
func looksLikeJSONL(content string) bool {
	content = strings.TrimPrefix(content, bomUTF8)
	content = strings.TrimLeft(content, " \t\r\n")
	if !strings.HasPrefix(content, "{") {
		return false
	}
	line, _, _ := strings.Cut(content, "\n")
	return json.Valid([]byte(strings.TrimSpace(line)))
}

// stem is a file's name without its extension: the default document ID.
func stem(p string) string {
	b := filepath.Base(p)
	if s := strings.TrimSuffix(b, filepath.Ext(b)); s != "" {
		return s
	}
	return b
}

// stat is os.Stat(p), or what Options.Stated says of p.
func (r *reader) stat(p string) (os.FileInfo, error) {
	if fi, ok := r.opt.Stated[p]; ok && fi.Mode().IsRegular() {
		return fi, nil // a regular file's Lstat is its Stat
	}
	return os.Stat(p)
}

// abs is filepath.Abs(p) with the working directory read once per listing
// (r.cwd): Abs asks the system for it on every call, which on Linux is two
// stat calls (of "." and of $PWD), and every file of a directory named by a
// relative path asked twice (seen, qualifiers): 8,400 system calls for
// 2,110 articles, more than reading them took.
func (r *reader) abs(p string) (string, error) {
	if r.cwd == "" || filepath.IsAbs(p) || runtime.GOOS == "windows" {
		return filepath.Abs(p)
	}
	return filepath.Join(r.cwd, p), nil // what Abs returns for a relative path
}

// qualifiers lists the names of a file's enclosing directories, nearest
// first, from its absolute path, so that they do not depend on how the path
// was spelled ("a.txt" and "../dir/a.txt" qualify the same way).
func (r *reader) qualifiers(p string) []string {
	abs, err := r.abs(p)
	if err != nil {
		abs = filepath.Clean(p)
	}
	return r.qualifiersOf(abs)
}

// qualifiersOf is qualifiers of a path made absolute (or, failing that,
// clean). They depend only on the path up to its last separator, so the
// files of one directory share one slice (readers never change it):
// making them anew, a Dir and a Base per level, took a twentieth of
// reading a directory of articles.
func (r *reader) qualifiersOf(abs string) []string {
	i := len(abs) - 1
	for i >= 0 && !os.IsPathSeparator(abs[i]) {
		i--
	}
	dir := abs[:i+1]
	if r.qual != nil && dir == r.qualDir {
		return r.qual
	}
	q := enclosingDirs(abs)
	r.qualDir, r.qual = dir, q
	return q
}

// enclosingDirs lists the names of the directories enclosing abs, nearest
// first.
func enclosingDirs(abs string) []string {
	var q []string
	for dir := filepath.Dir(abs); ; {
		name := filepath.Base(dir)
		if name == "" || name == "." || name == string(filepath.Separator) || name == filepath.VolumeName(dir) {
			break
		}
		q = append(q, name)
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return q
}

// assignIDs gives every document a unique ID. Documents whose IDs collide are
// all qualified with their enclosing directory (or JSON Lines file) name,
// one level at a time, until they differ: "a/story" and "b/story" rather
// than "story" and "story-2", so the ID still says where the article came
// from and does not depend on which one was read first. Only if the full
// paths cannot separate them (which takes two records with the same id in
// one file) is a "~N" suffix added, in path order.
func assignIDs(items []*item) {
	ids, warnings := uniqueIDs(len(items), func(i int) (string, []string, string) {
		return items[i].base, items[i].qual, items[i].doc.Path
	})
	for i, it := range items {
		it.doc.ID = ids[i]
		if w, ok := warnings[i]; ok {
			addWarnings(it.doc, []string{w})
		}
	}
}

// uniqueIDs is assignIDs over any list of n documents, given each one's
// base ID, qualifiers and path: it returns the IDs, and the warning (without
// the path) for each document renamed with a "~N" suffix.
func uniqueIDs(n int, origin func(i int) (base string, qual []string, path string)) ([]string, map[int]string) {
	depth := make([]int, n)
	id := func(i int) string {
		base, qual, _ := origin(i)
		if depth[i] == 0 {
			return base
		}
		parts := make([]string, 0, depth[i]+1)
		for k := depth[i] - 1; k >= 0; k-- {
			parts = append(parts, qual[k])
		}
		return strings.Join(append(parts, base), "/")
	}
	ids := make([]string, n)
	var at map[string]int
	var dups [][]int
	for {
		for i := range n {
			ids[i] = id(i)
		}
		at, dups = duplicates(ids)
		changed := false
		for _, g := range dups {
			if sameOrigin(origin, g) {
				// Qualifying cannot separate records of one file: they
				// keep their own id and get the "~N" suffix below.
				continue
			}
			for _, i := range g {
				if _, qual, _ := origin(i); depth[i] < len(qual) {
					depth[i]++
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	warnings := map[int]string{}
	// The groups in the order of their ids.
	slices.SortFunc(dups, func(a, b []int) int { return strings.Compare(ids[a[0]], ids[b[0]]) })
	for _, g := range dups {
		k := ids[g[0]]
		path := func(i int) string { _, _, p := origin(i); return p }
		sort.Slice(g, func(a, b int) bool { return path(g[a]) < path(g[b]) })
		suffix := 2
		for _, i := range g[1:] {
			for at[fmt.Sprintf("%s~%d", k, suffix)] != 0 {
				suffix++
			}
			s := fmt.Sprintf("%s~%d", k, suffix)
			at[s] = i + 1
			ids[i] = s
			warnings[i] = fmt.Sprintf("id %q is already used by %s; this document is %q", k, path(g[0]), s)
		}
	}
	return ids, warnings
}

// duplicates returns the ids in use, each with a number other than zero,
// and the groups of two or more documents sharing an id, each in document
// order. Only those groups are made: a map of every id to the list of its
// documents cost a slice per document, and growing the map a rehash of it
// at each doubling.
func duplicates(ids []string) (at map[string]int, dups [][]int) {
	// at holds i+1 for an id only document i has, -(k+1) for group k.
	at = make(map[string]int, len(ids))
	for i, s := range ids {
		switch v := at[s]; {
		case v == 0:
			at[s] = i + 1
		case v > 0:
			at[s] = -(len(dups) + 1)
			dups = append(dups, []int{v - 1, i})
		default:
			dups[-v-1] = append(dups[-v-1], i)
		}
	}
	return at, dups
}

// sameOrigin reports whether the documents of group g have the same base
// and the same qualifiers, so that no qualification can tell them apart.
func sameOrigin(origin func(i int) (string, []string, string), g []int) bool {
	base, qual, _ := origin(g[0])
	for _, i := range g[1:] {
		if b, q, _ := origin(i); b != base || !slices.Equal(q, qual) {
			return false
		}
	}
	return true
}

// Summary returns the one-line account of a read for the CLI's standard
// error, e.g. "read 5 documents, skipped 2 (1 binary, 1 duplicate)", so a
// user sees at once that something was left out and why.
func Summary(docs []*claims.Document) string {
	read := 0
	var skipped []*claims.Document
	for _, d := range docs {
		if d.Status == claims.StatusSkipped {
			skipped = append(skipped, d)
		} else {
			read++
		}
	}
	return SummaryOf(read, skipped)
}

// SummaryOf is Summary given how many documents were read and the
// skipped ones (an archive run keeps only these).
func SummaryOf(read int, skipped []*claims.Document) string {
	counts := map[string]int{}
	for _, d := range skipped {
		counts[skipCategory(d.SkipReason)]++
	}
	s := fmt.Sprintf("read %d %s", read, plural(read, "document"))
	skippedN := len(skipped)
	if skippedN == 0 {
		return s
	}
	order := []string{ReasonBinary, ReasonEmpty, "duplicate", ReasonUnsupported, "too large", "error"}
	parts := make([]string, 0, len(order))
	for _, c := range order {
		if n := counts[c]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, c))
		}
	}
	return fmt.Sprintf("%s, skipped %d (%s)", s, skippedN, strings.Join(parts, ", "))
}

func skipCategory(reason string) string {
	switch {
	case reason == ReasonBinary, reason == ReasonEmpty, reason == ReasonUnsupported:
		return reason
	case strings.HasPrefix(reason, ReasonDuplicatePrefix):
		return "duplicate"
	case strings.HasPrefix(reason, ErrTooLarge.Error()):
		return "too large"
	default:
		return "error"
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
