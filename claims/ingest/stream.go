package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrChanged is wrapped by the *Error Source.Each returns for an input that
// is no longer what Stream listed: modified, replaced or removed in between.
// The documents would not be those the listing counted, identified and
// deduplicated, so none is made up from it.
var ErrChanged = errors.New("changed since the inputs were listed; run again")

// Source is the documents of a set of inputs, listed by Stream and read one
// at a time by Each.
//
// What it holds per document, once listed (80 bytes plus the ID; about 104
// bytes a document for a feed of 100,000 records):
//
//   - the final ID;
//   - where the content is: the file (an index into the files), and for a
//     JSON Lines record its line number, the byte range from the end of the
//     previous record to the end of this one and how many blank lines
//     precede it in that range;
//   - a 128-bit fingerprint of the document as listed (SHA-256, truncated,
//     of the SHA-256 of its text and of every other field), which the
//     document read again must match;
//   - the index of the document whose text it repeats, if any;
//   - the warning of an ID given a "~N" suffix (only for those).
//
// A skipped document (binary, empty, unsupported, an error under
// KeepGoing) has no text and is held whole. While listing, each document
// also has its base ID, qualifiers, path and the SHA-256 of its text, which
// are dropped once IDs are assigned and duplicates marked. Per file it holds
// the path, the kind, the JSON Lines stem and encoding, and the file's
// identity, size and modification time as listed.
//
// No text is held: Each reads each document again from its file and keeps
// nothing of it once the callback returns. A Source is not safe for
// concurrent use.
type Source struct {
	keep    bool // Read: documents are held whole, not read again
	max     int64
	files   []*srcFile
	entries []*entry          // in ID order once listed
	pending []*pending        // while listing: what IDs and duplicates are decided from, by entry
	renamed map[*entry]string // why an ID has a "~N" suffix
	temps   []string
	handles []handle // open files, most recently used first
	closed  bool
}

// entry is one listed document (80 bytes, plus its ID).
type entry struct {
	id string
	// doc is the document itself when it is held: every document for
	// Read; skipped ones (which have no text) for Stream. It is nil for a
	// document Each reads again.
	doc      *claims.Document
	off, end int64    // JSON Lines: from the end of the previous record (or the start) to the end of this one
	fp       [16]byte // fingerprint of the whole document (read documents, Stream)
	dup      int32    // index (in ID order) of the document whose text this one repeats, or -1
	file     int32    // index in Source.files of the file to read again, or -1
	line     int32    // JSON Lines: the record's line number
	skip     int32    // JSON Lines: blank lines between off and the record
	read     bool     // read (before duplicate marking): has a text
}

// pending is what the listing needs of a document only until IDs are
// assigned and duplicates marked.
type pending struct {
	base, path string
	qual       []string
	sum        textHash // the text's hash (read documents)
}

// srcFile is a file Each reads documents from again.
type srcFile struct {
	name string      // the path as given ("-" for standard input), for Document.Path and errors
	path string      // the file opened: name, or a temporary copy
	kind int         // kindText, kindHTML or kindJSONL
	stem string      // JSON Lines: the stem of record IDs ("stdin" for standard input)
	enc  string      // JSON Lines transcoded from UTF-16 into a temporary copy: its encoding
	info os.FileInfo // the file as listed
}

// cursor tells Source.add where the documents being added come from.
type cursor struct {
	file     int32
	jsonl    bool
	pos      func() int64 // JSON Lines: the offset just after the last line read
	prevEnd  int64
	prevLine int32
}

type handle struct {
	file int32
	f    *os.File
}

// maxHandles is how many files Each keeps open: documents of several JSON
// Lines feeds interleave in ID order.
const maxHandles = 8

// Stream lists the inputs' documents without keeping their texts, then
// yields them one at a time in ID order.
//
// Listing reads and decodes every input once, as Read does (so errors, and
// with KeepGoing skipped documents, are those of Read), and keeps per
// document only metadata: its ID, where it is (file, and byte range and line
// of a JSON Lines record), a fingerprint, which document it duplicates (see
// Source). Only one document's text is in memory at a time. Standard input,
// which can be read only once, is copied to a temporary file, and so is a
// UTF-16 JSON Lines feed (as UTF-8, so that its records can be found by
// offset); Close removes them. Each then reads and decodes each document
// again (so the whole costs about twice Read's time) and returns exactly
// the document Read would have returned in its place, or an error if its
// input changed in between.
func Stream(paths []string, opt Options) (*Source, error) {
	return list(paths, opt, false)
}

// list reads the inputs into a Source; keep holds every document whole
// (Read) instead of listing where to read it again (Stream).
func list(paths []string, opt Options, keep bool) (*Source, error) {
	s := &Source{keep: keep}
	r := &reader{
		opt:      opt,
		max:      opt.MaxFileBytes,
		seen:     map[string]bool{},
		seenDirs: map[string]bool{},
		src:      s,
	}
	if r.max <= 0 {
		r.max = DefaultMaxFileBytes
	}
	if r.opt.Stdin == nil {
		r.opt.Stdin = os.Stdin
	}
	r.cwd, _ = os.Getwd() // "" on failure: abs then asks filepath.Abs
	s.max = r.max
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	for _, p := range sorted {
		if err := r.readPath(p); err != nil {
			s.Close()
			return nil, err
		}
	}
	s.finish()
	return s, nil
}

// Len returns the number of documents, read and skipped.
func (s *Source) Len() int { return len(s.entries) }

// Each calls f with every document in ID order, each exactly as Read
// returns it, and stops at the first error f returns. The documents are
// new on every call; the Source keeps none of them. An input that changed
// since it was listed is an *Error wrapping ErrChanged, naming the file
// (and line).
func (s *Source) Each(f func(d *claims.Document) error) error {
	if s.closed {
		return errors.New("ingest: Each on a closed Source")
	}
	defer s.closeHandles()
	for _, e := range s.entries {
		var d *claims.Document
		switch {
		case e.doc != nil && s.keep:
			d = e.doc
		case e.doc != nil:
			c := *e.doc
			c.Warnings = slices.Clone(c.Warnings)
			d = &c
		default:
			var err error
			if d, err = s.reread(e); err != nil {
				return err
			}
			s.finishDoc(e, d)
		}
		if err := f(d); err != nil {
			return err
		}
	}
	return nil
}

// Summary is Summary of the documents Each yields, without reading them.
func (s *Source) Summary() string {
	docs := make([]*claims.Document, len(s.entries))
	for i, e := range s.entries {
		d := &claims.Document{Status: claims.StatusRead}
		switch {
		case e.dup >= 0:
			d.Status, d.SkipReason = claims.StatusSkipped, ReasonDuplicatePrefix+s.entries[e.dup].id
		case !e.read:
			d.Status, d.SkipReason = e.doc.Status, e.doc.SkipReason
		}
		docs[i] = d
	}
	return Summary(docs)
}

// Close removes the temporary files. The Source cannot be used afterwards.
func (s *Source) Close() error {
	s.closeHandles()
	s.closed = true
	var first error
	for _, p := range s.temps {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = err
		}
	}
	s.temps = nil
	return first
}

// add records a document read from cur (nil when it is not read from a
// file, or for Read).
func (s *Source) add(cur *cursor, doc *claims.Document, base string, qual []string) {
	e := &entry{file: -1, dup: -1}
	p := &pending{base: base, path: doc.Path, qual: qual}
	if cur != nil && cur.jsonl {
		e.line = recordLine(doc.Path)
		e.skip = e.line - cur.prevLine - 1
		e.off, e.end = cur.prevEnd, cur.pos()
		cur.prevEnd, cur.prevLine = e.end, e.line
	}
	if doc.Status == claims.StatusRead {
		if cur != nil && s.files[cur.file].enc != "" {
			doc.Encoding = s.files[cur.file].enc
		}
		e.read = true
		p.sum = textSum(doc.Text)
		if !s.keep && cur != nil {
			e.file = cur.file
			e.fp = fingerprint(doc, &p.sum)
			doc = nil
		}
	}
	e.doc = doc
	s.entries = append(s.entries, e)
	s.pending = append(s.pending, p)
}

// recordLine reads the line number off a JSON Lines document's path,
// "path:LINE".
func recordLine(path string) int32 {
	n, _ := strconv.Atoi(path[strings.LastIndexByte(path, ':')+1:])
	return int32(n)
}

// finish gives the documents their IDs, sorts them by ID and marks as
// duplicates the read documents whose text repeats that of an earlier one
// (in ID order). The text compared is the decoded (or, for HTML,
// extracted) text, so the same article saved twice, or saved once as UTF-8
// and once as UTF-16, counts once: a copy is not a second source. Texts are
// compared by their SHA-256 hashes, so that none needs to be held; two
// different articles with the same hash are not a practical possibility.
func (s *Source) finish() {
	ids, warnings := uniqueIDs(len(s.entries), func(i int) (string, []string, string) {
		p := s.pending[i]
		return p.base, p.qual, p.path
	})
	s.renamed = map[*entry]string{}
	for i, e := range s.entries {
		e.id = ids[i]
		if w, ok := warnings[i]; ok {
			s.renamed[e] = w
		}
	}
	order := make([]int32, len(s.entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(ids[a], ids[b]) })
	sorted := make([]*entry, len(s.entries))
	first := make(map[textHash]int32, len(s.entries)) // sized once: growing it rehashed it at each doubling
	for k, i := range order {
		e := s.entries[i]
		sorted[k] = e
		if !e.read {
			continue
		}
		if j, ok := first[s.pending[i].sum]; ok {
			e.dup = j
		} else {
			first[s.pending[i].sum] = int32(k)
		}
	}
	s.entries, s.pending = sorted, nil
	for _, e := range s.entries {
		if e.doc != nil {
			s.finishDoc(e, e.doc)
		}
	}
}

// finishDoc sets what the listing decided: the ID, the warning of a
// renamed ID, and whether the document is a duplicate. A duplicate keeps its
// metadata but not its text, which the first copy has.
func (s *Source) finishDoc(e *entry, d *claims.Document) {
	d.ID = e.id
	if w, ok := s.renamed[e]; ok {
		addWarnings(d, []string{w})
	}
	if e.dup >= 0 {
		d.Status = claims.StatusSkipped
		d.SkipReason = ReasonDuplicatePrefix + s.entries[e.dup].id
		d.Text = ""
	}
}

// reread reads a listed document again and checks it is the one listed.
func (s *Source) reread(e *entry) (*claims.Document, error) {
	sf := s.files[e.file]
	f, err := s.open(e.file)
	if err != nil {
		return nil, err
	}
	var d *claims.Document
	if sf.kind == kindJSONL {
		if d, err = s.rereadRecord(sf, f, e); err != nil {
			return nil, err
		}
	} else {
		size := sf.info.Size()
		content, err := readLimited(io.NewSectionReader(f, 0, size+1), size, s.max)
		if err != nil {
			return nil, changed(sf, 0, err)
		}
		if sf.kind == kindHTML {
			d = htmlDocument(sf.name, content)
		} else {
			d = textDocument(sf.name, content)
		}
	}
	if d.Status != claims.StatusRead {
		return nil, changed(sf, int(e.line), nil)
	}
	sum := textSum(d.Text)
	if fingerprint(d, &sum) != e.fp {
		return nil, changed(sf, int(e.line), nil)
	}
	return d, nil
}

// rereadRecord reads a JSON Lines record again, as readJSONL read it.
func (s *Source) rereadRecord(sf *srcFile, f *os.File, e *entry) (*claims.Document, error) {
	seg := make([]byte, e.end-e.off)
	if _, err := f.ReadAt(seg, e.off); err != nil {
		return nil, changed(sf, int(e.line), pathErr(err))
	}
	if e.off == 0 {
		seg = bytes.TrimPrefix(seg, []byte(bomUTF8)) // readJSONL drops it
	}
	for range e.skip {
		i := bytes.IndexByte(seg, '\n')
		if i < 0 || len(bytes.TrimSpace(seg[:i])) > 0 {
			return nil, changed(sf, int(e.line), nil)
		}
		seg = seg[i+1:]
	}
	if i := bytes.IndexByte(seg, '\n'); i >= 0 && i != len(seg)-1 ||
		int64(len(bytes.TrimRight(seg, "\r\n"))) > s.max {
		return nil, changed(sf, int(e.line), nil)
	}
	d, _, err := parseRecord(sf.name, int(e.line), bytes.TrimSpace(seg), sf.stem)
	if err != nil {
		return nil, changed(sf, int(e.line), nil)
	}
	if d.Status == claims.StatusRead {
		d.Encoding = "utf-8"
		if sf.enc != "" {
			d.Encoding = sf.enc
		}
	}
	return d, nil
}

// changed is the error for an input that is not what was listed.
func changed(sf *srcFile, line int, cause error) error {
	err := ErrChanged
	if cause != nil {
		err = fmt.Errorf("%w (%v)", ErrChanged, cause)
	}
	return &Error{Path: sf.name, Line: line, Err: err}
}

// open returns file i open, after checking it is still the file listed:
// the same file, size and modification time.
func (s *Source) open(i int32) (*os.File, error) {
	sf := s.files[i]
	k := slices.IndexFunc(s.handles, func(h handle) bool { return h.file == i })
	var f *os.File
	if k >= 0 {
		h := s.handles[k]
		copy(s.handles[1:k+1], s.handles[:k])
		s.handles[0] = h
		f = h.f
	} else {
		var err error
		if f, err = openRead(sf.path); err != nil {
			return nil, changed(sf, 0, pathErr(err))
		}
		if len(s.handles) == maxHandles {
			s.handles[maxHandles-1].f.Close()
			s.handles = s.handles[:maxHandles-1]
		}
		s.handles = slices.Insert(s.handles, 0, handle{file: i, f: f})
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, changed(sf, 0, pathErr(err))
	}
	if !os.SameFile(fi, sf.info) || fi.Size() != sf.info.Size() || !fi.ModTime().Equal(sf.info.ModTime()) {
		return nil, changed(sf, 0, nil)
	}
	return f, nil
}

func (s *Source) closeHandles() {
	for _, h := range s.handles {
		h.f.Close()
	}
	s.handles = nil
}

// fileCursor registers a file whose documents will be read again.
func (s *Source) fileCursor(name, path string, fi os.FileInfo, kind int, stem, enc string) *cursor {
	s.files = append(s.files, &srcFile{name: name, path: path, kind: kind, stem: stem, enc: enc, info: fi})
	return &cursor{file: int32(len(s.files) - 1), jsonl: kind == kindJSONL}
}

// createTemp makes a temporary file that Close removes.
func (s *Source) createTemp() (*os.File, error) {
	f, err := os.CreateTemp("", "crosscheck-ingest-*")
	if err != nil {
		return nil, fmt.Errorf("temporary copy of an input: %w", err)
	}
	s.temps = append(s.temps, f.Name())
	return f, nil
}

// spool copies rd into a new temporary file and returns it open, with its
// information. A read error is returned as readErr (the input's fault), any
// other as err.
func (s *Source) spool(prefix string, rd io.Reader) (f *os.File, fi os.FileInfo, readErr, err error) {
	f, err = s.createTemp()
	if err != nil {
		return nil, nil, nil, err
	}
	er := &errReader{r: rd}
	_, err = f.WriteString(prefix)
	if err == nil {
		buf := copyBufs.Get().(*[]byte)
		_, err = io.CopyBuffer(f, er, *buf)
		copyBufs.Put(buf)
	}
	if err == nil {
		fi, err = f.Stat()
	}
	if er.err != nil || err != nil {
		f.Close()
		if er.err != nil {
			return nil, nil, er.err, nil
		}
		return nil, nil, nil, fmt.Errorf("temporary copy of an input: %w", err)
	}
	return f, fi, nil, nil
}

// errReader remembers the error its reader returned, so that a failed copy
// can tell a bad input from a full disk.
type errReader struct {
	r   io.Reader
	err error
}

func (r *errReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// spoolContent copies standard input's content (one text or HTML document)
// to a temporary file and returns the cursor to add it with.
func (s *Source) spoolContent(name, content string, kind int) (*cursor, error) {
	f, fi, _, err := s.spool(content, strings.NewReader(""))
	if err != nil {
		return nil, err
	}
	f.Close()
	return s.fileCursor(name, f.Name(), fi, kind, "", ""), nil
}

// listSpooledJSONL lists JSON Lines from standard input: copied to a
// temporary file, which can be read again.
func (r *reader) listSpooledJSONL(name string, rd io.Reader) error {
	f, fi, readErr, err := r.src.spool("", rd)
	if err != nil {
		return err
	}
	if readErr != nil {
		return r.fail(name, 0, readErr, "stdin", nil)
	}
	defer f.Close()
	return r.listJSONL(name, f, fi, "stdin", nil)
}

// listJSONL lists a JSON Lines file with readJSONL, noting where each
// record ends. A UTF-16 feed is first transcoded into a temporary UTF-8
// copy (behind a UTF-8 byte-order mark, which readJSONL drops, so that the
// copy's lines are exactly those readJSONL reads from the transcoded feed),
// so that records are found again by their offsets.
func (r *reader) listJSONL(name string, f *os.File, fi os.FileInfo, stem string, qual []string) error {
	var head [3]byte
	n, _ := f.ReadAt(head[:], 0)
	enc := ""
	if h := head[:n]; bytes.HasPrefix(h, []byte(bomUTF16LE)) || bytes.HasPrefix(h, []byte(bomUTF16BE)) {
		enc = "utf-16le"
		if bytes.HasPrefix(h, []byte(bomUTF16BE)) {
			enc = "utf-16be"
		}
		// As readJSONL transcodes it.
		dec := transform.NewReader(io.NewSectionReader(f, 0, math.MaxInt64), unicode.BOMOverride(unicode.UTF8.NewDecoder()))
		tmp, tfi, readErr, err := r.src.spool(bomUTF8, dec)
		if err != nil {
			return err
		}
		if readErr != nil {
			return r.fail(name, 0, pathErr(readErr), stem, qual)
		}
		defer tmp.Close()
		f, fi = tmp, tfi
	}
	cur := r.src.fileCursor(name, f.Name(), fi, kindJSONL, stem, enc)
	cr := &countingReader{r: io.NewSectionReader(f, 0, math.MaxInt64)}
	// readJSONL reads through this same buffer (bufio.NewReaderSize
	// returns a reader that is already large enough), so the offset of
	// the end of each line is known when its document is added.
	br := bufio.NewReaderSize(cr, 64<<10)
	cur.pos = func() int64 { return cr.n - int64(br.Buffered()) }
	r.cur = cur
	defer func() { r.cur = nil }()
	return r.readJSONL(name, br, stem, qual)
}

// textHash identifies a text within one run: two documents with the same
// hash are duplicates (Source.finish), and a document read again must
// hash as it did when listed (fingerprint).
type textHash [16]byte

// textSeeds seed textSum's two halves, chosen afresh by each process: the
// hash is compared only within a run, never stored or shown.
var textSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// textSum hashes a text into 128 bits with two independently seeded
// hash/maphash hashes, read in place. It was SHA-256, which cost about 30
// instructions a byte (4% of a `claims` run on real articles) to guard
// against collisions no input can aim at: the seeds are random, so two
// different texts collide with a probability near 2^-128 whatever they
// hold, and maphash reads a byte in well under one instruction.
func textSum(text string) (sum textHash) {
	binary.LittleEndian.PutUint64(sum[:8], maphash.String(textSeeds[0], text))
	binary.LittleEndian.PutUint64(sum[8:], maphash.String(textSeeds[1], text))
	return sum
}

// docFields lists the exported fields of claims.Document other than Text
// (hashed on its own): all of them, so that a field added later is
// fingerprinted too.
var docFields = sync.OnceValue(func() []int {
	t := reflect.TypeFor[claims.Document]()
	var fields []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Name != "Text" {
			fields = append(fields, i)
		}
	}
	return fields
})

// fingerprint hashes every field of a document as read, its text through
// the text's hash, into 128 bits. Each read compares it with the listing's,
// so a document whose input changed is not returned in its place. Fields
// are written with their lengths, so that no two documents encode alike.
func fingerprint(d *claims.Document, sum *textHash) (fp [16]byte) {
	b := make([]byte, 0, 512)
	b = append(b, sum[:]...)
	str := func(v string) {
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
	}
	v := reflect.ValueOf(d).Elem()
	for _, i := range docFields() {
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.String:
			str(f.String())
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			str(strconv.Itoa(f.Len()))
			for j := range f.Len() {
				str(f.Index(j).String())
			}
		case f.Type() == reflect.TypeFor[time.Time]():
			t := f.Interface().(time.Time)
			m, err := t.MarshalBinary()
			if err != nil {
				m = []byte(t.String())
			}
			str(string(m))
		default:
			str(fmt.Sprintf("%#v", f.Interface()))
		}
	}
	full := sha256.Sum256(b)
	copy(fp[:], full[:])
	return fp
}
