package pipeline

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
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
	// What the command says about its inputs (the documents themselves
	// are in Report.Documents): how many were read, the skipped ones
	// (without texts), and every document's warnings, in id order.
	Read     int
	Skipped  []*claims.Document
	Warnings []string
	// The comparison's findings are in Report only: compare.Result's
	// findings point to their claims, which would keep every compared
	// claim of the archive in memory.
	spill      *spill
	agreements *agreementFile
}

// Close removes the spill file and the agreements' file.
func (a *Archive) Close() error {
	err := a.spill.close()
	if aerr := a.agreements.close(); err == nil {
		err = aerr
	}
	return err
}

// RunArchive is Run for archives too large to hold: each document is read
// from src, extracted, handed to compare.Stream and written with its claims
// to a spill file in dir ("" = the system's temporary directory), and its
// text and claims are dropped; each story is then read back and compared on
// its own, and the report's claims are read back as it is written. Memory
// holds the documents in flight, one story per worker, the window's
// grouping words, a few counts per document, and, at the end, the claims
// of once-only and background events and then the report (compare.Stream
// says what and why). The result is the same as Run's for the same
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
	af, err := newAgreementFile(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if !ok {
			af.close()
		}
	}()
	st := compare.NewStream(set)
	st.Slim = true // the report needs the claims' ids only
	st.SpillResults, st.SpillDir = true, dir
	st.AgreementSink = af.put
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
	// Each phase's garbage is returned to the system before the next
	// phase allocates: the collector would otherwise hand it back only
	// gradually, and the next phase's peak would come on top of it.
	debug.FreeOSMemory()
	st.BetweenPhases = debug.FreeOSMemory
	cr, ids, err := st.Run(sp, workers)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, id := range ids {
		n += sp.claimCount(id)
	}
	source := &report.ClaimSource{N: n, Each: func(f func(*claims.Claim) error) error {
		for _, id := range ids {
			if sp.claimCount(id) == 0 {
				continue
			}
			cs, err := sp.Claims(id)
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
	// cr is not used after this: its findings, in the report now, are not
	// held twice while the documents are read.
	stories, copies := cr.StoryOf, cr.Copies
	// The documents' metadata is read back only when written (the
	// comparison held none of it), one at a time, in id order, which is
	// the report's; here once first for the summary.
	docs := &report.DocumentSource{N: len(ids), Each: func(f func(*report.Document) error) error {
		for _, id := range ids {
			d, err := sp.Doc(id)
			if err != nil {
				return err
			}
			rd := report.FromDocument(d, stories[d.ID], copies[d.ID])
			if err := f(&rd); err != nil {
				return err
			}
		}
		return nil
	}}
	ags, err := af.source()
	if err != nil {
		return nil, err
	}
	a := &Archive{spill: sp, agreements: af, Report: report.Build(report.Input{Findings: cr.Findings,
		ClaimSource: source, DocumentSource: docs, AgreementSource: ags})}
	for _, id := range ids {
		d, err := sp.Doc(id)
		if err != nil {
			return nil, err
		}
		if d.Status == claims.StatusSkipped {
			a.Skipped = append(a.Skipped, d)
		} else {
			a.Read++
		}
		a.Warnings = append(a.Warnings, d.Warnings...)
	}
	ok = true
	return a, nil
}

// spill keeps each document and its claims on disk, to be read back by
// id; it is the compare.Store of an archive run. A record is the text's
// length (8 bytes, little-endian), the text as is, the document without its
// text as JSON, its claims as JSON, then its encoded grouping words
// (compare.Stream.Add): the text, most of the bytes, is neither escaped
// nor parsed, and a reader that needs only the metadata, the claims or the
// words reads only those.
type spill struct {
	f   *os.File
	w   *bufio.Writer
	mu  sync.Mutex
	off int64
	at  map[string]span // while records are put
	// After flush, the index as two lists sorted by id, binary searched:
	// half the memory of the map, which at 40,000 articles was among the
	// largest things an archive run holds through the sweep.
	ids   []string
	spans []span
}

// span is where a record's parts are: they follow each other from off.
type span struct {
	off    int64
	text   int32 // bytes of text after the 8-byte length
	doc    int32 // bytes of document JSON
	claims int32 // bytes of claims JSON
	words  int32 // bytes of encoded words
	count  int32 // claims
}

func (sp span) docAt() int64    { return sp.off + 8 + int64(sp.text) }
func (sp span) claimsAt() int64 { return sp.docAt() + int64(sp.doc) }
func (sp span) wordsAt() int64  { return sp.claimsAt() + int64(sp.claims) }

// The parts of a record a reader asks for, as an offset and a length.
func (sp span) docPart() (int64, int32)    { return sp.docAt(), sp.doc }
func (sp span) claimsPart() (int64, int32) { return sp.claimsAt(), sp.claims }
func (sp span) wordsPart() (int64, int32)  { return sp.wordsAt(), sp.words }
func (sp span) withText() (int64, int32)   { return sp.off, 8 + sp.text + sp.doc + sp.claims }

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
	doc, err := json.Marshal(d.WithoutText())
	var cj []byte
	if err == nil {
		cj, err = json.Marshal(sc)
	}
	if err != nil {
		return fmt.Errorf("%s: spilling: %w", d.Path, err)
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(d.Text)))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.at == nil {
		return fmt.Errorf("spill file %s: %s put after flush", s.f.Name(), d.ID)
	}
	if _, err := s.w.Write(n[:]); err != nil {
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	if _, err := s.w.WriteString(d.Text); err != nil { // not copied to a []byte first
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	for _, b := range [][]byte{doc, cj, words} {
		if _, err := s.w.Write(b); err != nil {
			return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
		}
	}
	sp := span{off: s.off, text: int32(len(d.Text)), doc: int32(len(doc)), claims: int32(len(cj)),
		words: int32(len(words)), count: int32(len(cs))}
	// The id as given, not a copy: a document from ingest carries its
	// listing's id string, which the listing holds for the whole run (a
	// copy here was a second one per article).
	s.at[d.ID] = sp
	s.off = sp.wordsAt() + int64(len(words))
	return nil
}

// flush writes what is buffered and sorts the index; no record may be put
// after it.
func (s *spill) flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	if s.at == nil {
		return nil
	}
	s.ids = make([]string, 0, len(s.at))
	for id := range s.at {
		s.ids = append(s.ids, id)
	}
	slices.Sort(s.ids)
	s.spans = make([]span, len(s.ids))
	for i, id := range s.ids {
		s.spans[i] = s.at[id]
	}
	s.at = nil
	return nil
}

// find returns where document id's record is, once the spill is flushed.
func (s *spill) find(id string) (span, bool) {
	i, ok := slices.BinarySearch(s.ids, id)
	if !ok {
		return span{}, false
	}
	return s.spans[i], true
}

func (s *spill) claimCount(id string) int {
	sp, _ := s.find(id)
	return int(sp.count)
}

// read reads the part of document id's record that part gives; safe for
// concurrent use once every put is flushed.
func (s *spill) read(id string, part func(span) (int64, int32)) ([]byte, span, error) {
	sp, ok := s.find(id)
	if !ok {
		return nil, span{}, fmt.Errorf("spill file: no document %q", id)
	}
	off, n := part(sp)
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil && err != io.EOF {
		return nil, span{}, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return b, sp, nil
}

// Words reads a document's encoded grouping words back.
func (s *spill) Words(id string) ([]byte, error) {
	b, _, err := s.read(id, span.wordsPart)
	return b, err
}

// Doc reads a document's metadata back, without its text.
func (s *spill) Doc(id string) (*claims.Document, error) {
	b, _, err := s.read(id, span.docPart)
	if err != nil {
		return nil, err
	}
	return s.decodeDoc(b)
}

// Claims reads a document's claims back.
func (s *spill) Claims(id string) ([]*claims.Claim, error) {
	b, _, err := s.read(id, span.claimsPart)
	if err != nil {
		return nil, err
	}
	return s.decodeClaims(b)
}

// Load reads a document back with its text, and its claims.
func (s *spill) Load(id string) (*claims.Document, []*claims.Claim, error) {
	b, sp, err := s.read(id, span.withText)
	if err != nil {
		return nil, nil, err
	}
	text, rest := b[8:8+sp.text], b[8+sp.text:]
	d, err := s.decodeDoc(rest[:sp.doc])
	if err != nil {
		return nil, nil, err
	}
	d.Text = string(text)
	cs, err := s.decodeClaims(rest[sp.doc:])
	if err != nil {
		return nil, nil, err
	}
	return d, cs, nil
}

func (s *spill) decodeDoc(b []byte) (*claims.Document, error) {
	d := new(claims.Document)
	if err := json.Unmarshal(b, d); err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return d, nil
}

// PutKept implements compare.KeptStore: once the records are flushed,
// a story's kept claims of one document are appended to the spill file.
func (s *spill) PutKept(cs []*claims.Claim) (compare.KeptRef, error) {
	sc := make([]*spillClaim, len(cs))
	for i, c := range cs {
		sc[i] = (*spillClaim)(c)
	}
	b, err := json.Marshal(sc)
	if err != nil {
		return compare.KeptRef{}, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.at != nil {
		return compare.KeptRef{}, fmt.Errorf("spill file %s: kept claims before the records are flushed", s.f.Name())
	}
	if _, err := s.f.WriteAt(b, s.off); err != nil {
		return compare.KeptRef{}, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	ref := compare.KeptRef{Off: s.off, Len: int32(len(b))}
	s.off += int64(len(b))
	return ref, nil
}

// Kept implements compare.KeptStore.
func (s *spill) Kept(ref compare.KeptRef) ([]*claims.Claim, error) {
	b := make([]byte, ref.Len)
	if _, err := s.f.ReadAt(b, ref.Off); err != nil && err != io.EOF {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return s.decodeClaims(b)
}

func (s *spill) decodeClaims(b []byte) ([]*claims.Claim, error) {
	var sc []*spillClaim
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	cs := make([]*claims.Claim, len(sc))
	for i, c := range sc {
		cs[i] = (*claims.Claim)(c)
	}
	return cs, nil
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
