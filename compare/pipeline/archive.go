package pipeline

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/report"
)

// Source yields documents one at a time, in id order (ingest.Source does,
// reading each from its file as it is asked for).
type Source interface {
	Len() int
	Each(f func(d *claims.Document) error) error
}

// SliceSource is a Source over documents already in memory, sorted by id.
type SliceSource []*claims.Document

func (s SliceSource) Len() int { return len(s) }

func (s SliceSource) Each(f func(d *claims.Document) error) error {
	for _, d := range s {
		if err := f(d); err != nil {
			return err
		}
	}
	return nil
}

// Archive is the result of RunArchive. Its report's claims are read back
// from the spill file as the report is written, so Close it only after
// rendering.
type Archive struct {
	Report *report.Report
	// Documents are every document read or skipped, by id, without their
	// texts (for the summary and warnings).
	Documents []*claims.Document
	// The comparison's findings are in Report only: compare.Result's
	// findings point to their claims, which would keep every compared
	// claim of the archive in memory.
	spill *spill
}

// Close removes the spill file.
func (a *Archive) Close() error { return a.spill.close() }

// RunArchive is Run for archives too large to hold: each document is read
// from src, extracted, handed to compare.Stream and written with its claims
// to a spill file in dir ("" = the system's temporary directory), and its
// text and claims are dropped; each story is then read back and compared on
// its own, and the report's claims are read back as it is written. Memory
// holds the documents in flight, one story per worker, the grouping words
// and metadata of every document, the claims of once-only and background
// events, and the findings. The result is the same as Run's for the same
// documents (TestArchiveEqualsRun).
func RunArchive(src Source, opt Options, dir string) (*Archive, error) {
	set, err := opt.ruleSet()
	if err != nil {
		return nil, err
	}
	eng := Engine(set)
	sp, err := newSpill(dir)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			sp.close()
		}
	}()
	st := compare.NewStream(set)
	st.Slim = true // the report needs the claims' ids only
	st.GroupOnly = opt.GroupOnly
	workers := opt.workers()
	jobs := make(chan *claims.Document, workers)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	prog := newProgress(opt.Progress, src.Len())
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				var words []byte
				cs := eng.ExtractThen(d, func(toks []token.Token, cs []*claims.Claim) {
					words = st.AddTokens(d, toks, cs) // extraction's tokens: no second scan
				})
				if words == nil { // a skipped document: listed, no words
					st.Add(d, cs)
				}
				if err := sp.put(d, cs, words); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
				prog.one()
			}
		}()
	}
	err = src.Each(func(d *claims.Document) error {
		if opt.Language != "" {
			d.Language, d.LanguageSource = opt.Language, claims.SourceFlag
		}
		select {
		case err := <-errs:
			return err
		case jobs <- d:
			return nil
		}
	})
	close(jobs)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	if err != nil {
		return nil, err
	}
	if err := sp.flush(); err != nil {
		return nil, err
	}
	cr, all, err := st.Run(sp.get, sp.words, workers)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, d := range all {
		n += sp.claimCount(d.ID)
	}
	source := &report.ClaimSource{N: n, Each: func(f func(*claims.Claim) error) error {
		for _, d := range all {
			if sp.claimCount(d.ID) == 0 {
				continue
			}
			_, cs, err := sp.read(d.ID, false)
			if err != nil {
				return err
			}
			report.SortClaims(cs)
			for _, c := range cs {
				if err := f(c); err != nil {
					return err
				}
			}
		}
		return nil
	}}
	in := report.Input{Documents: all, Findings: cr.Findings, Agreements: cr.Agreements,
		Stories: cr.StoryOf, Syndicated: cr.Copies, ClaimSource: source}
	ok = true
	return &Archive{Report: report.Build(in), Documents: all, spill: sp}, nil
}

// spill keeps each document and its claims on disk, to be read back by
// id. A record is the text's length (8 bytes, little-endian), the text as
// is, then the document without its text and the claims as JSON, then the
// document's encoded grouping words (compare.Stream.Add): the text, most of
// the bytes, is neither escaped nor parsed, and a reader that needs only
// the claims, or only the words, reads only those.
type spill struct {
	f   *os.File
	w   *bufio.Writer
	mu  sync.Mutex
	off int64
	at  map[string]span
}

type span struct {
	off    int64
	n      int32 // text length, text and JSON; the words follow
	text   int32 // bytes of text after the 8-byte length
	claims int32
	words  int32 // bytes of encoded words
}

type record struct {
	Doc    *claims.Document `json:"d"`
	Claims []*spillClaim    `json:"c"`
}

func newSpill(dir string) (*spill, error) {
	f, err := os.CreateTemp(dir, "crosscheck-spill-*")
	if err != nil {
		return nil, fmt.Errorf("spill file: %w (the spill file goes to $TMPDIR, or /tmp; point TMPDIR at a writable directory with room for the input's size, or pass --spill never)", err)
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<20), at: map[string]span{}}, nil
}

func (s *spill) put(d *claims.Document, cs []*claims.Claim, words []byte) error {
	sc := make([]*spillClaim, len(cs))
	for i, c := range cs {
		sc[i] = (*spillClaim)(c)
	}
	meta, err := json.Marshal(record{d.WithoutText(), sc})
	if err != nil {
		return fmt.Errorf("%s: spilling: %w", d.Path, err)
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(d.Text)))
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err = s.w.Write(n[:])
	if err == nil {
		_, err = s.w.WriteString(d.Text)
	}
	if err == nil {
		_, err = s.w.Write(meta)
	}
	if err == nil {
		_, err = s.w.Write(words)
	}
	if err != nil {
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	size := 8 + len(d.Text) + len(meta)
	s.at[d.ID] = span{s.off, int32(size), int32(len(d.Text)), int32(len(cs)), int32(len(words))}
	s.off += int64(size + len(words))
	return nil
}

// words reads a document's encoded grouping words back.
func (s *spill) words(id string) ([]byte, error) {
	sp, ok := s.at[id]
	if !ok {
		return nil, fmt.Errorf("spill file: no document %q", id)
	}
	b := make([]byte, sp.words)
	if _, err := s.f.ReadAt(b, sp.off+int64(sp.n)); err != nil && err != io.EOF {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return b, nil
}

func (s *spill) flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return nil
}

func (s *spill) claimCount(id string) int { return int(s.at[id].claims) }

// get reads a document and its claims back. Safe for concurrent use once
// every put is flushed.
func (s *spill) get(id string) (*claims.Document, []*claims.Claim, error) {
	return s.read(id, true)
}

// read reads a record back, with the document's text when withText.
func (s *spill) read(id string, withText bool) (*claims.Document, []*claims.Claim, error) {
	sp, ok := s.at[id]
	if !ok {
		return nil, nil, fmt.Errorf("spill file: no document %q", id)
	}
	off, n := sp.off, int64(sp.n)
	if !withText {
		off, n = off+8+int64(sp.text), n-8-int64(sp.text)
	}
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	meta := b
	var text string
	if withText {
		text = string(b[8 : 8+sp.text])
		meta = b[8+sp.text:]
	}
	var r record
	if err := json.Unmarshal(meta, &r); err != nil {
		return nil, nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	r.Doc.Text = text
	cs := make([]*claims.Claim, len(r.Claims))
	for i, c := range r.Claims {
		cs[i] = (*claims.Claim)(c)
	}
	return r.Doc, cs, nil
}

func (s *spill) close() error {
	if s == nil || s.f == nil {
		return nil
	}
	name := s.f.Name()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	s.f = nil
	return err
}
