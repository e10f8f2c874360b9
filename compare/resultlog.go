package compare

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// resultLog keeps the results of the stories a sweep has compared until
// the sweep ends, in a temporary file (Stream.SpillDir): over an archive
// the findings and agreements, even with their claims as ids, were the
// largest part of what the sweep held (about 550 bytes per article). A
// record is a 4-byte length and the story's results as JSON; they are read
// back in the order they were written.
type resultLog struct {
	f *os.File
	w *bufio.Writer
}

// storedResults is one story's results as the log keeps them (blockResult's
// fields are unexported).
type storedResults struct {
	Blocks   []storedBlock `json:"b,omitempty"`
	Internal []storedDoc   `json:"i,omitempty"`
}

type storedBlock struct {
	Key        string      `json:"k"`
	Agreements []Agreement `json:"a,omitempty"`
	Findings   []Finding   `json:"f,omitempty"`
}

type storedDoc struct {
	Doc      string    `json:"d"`
	Findings []Finding `json:"f"`
}

func newResultLog(dir string) (*resultLog, error) {
	f, err := os.CreateTemp(dir, "crosscheck-results-*")
	if err != nil {
		return nil, fmt.Errorf("results file: %w", err)
	}
	return &resultLog{f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// put appends one story's results (callers serialise it).
func (l *resultLog) put(rs []blockResult, internal []docFindings) error {
	if len(rs) == 0 && len(internal) == 0 {
		return nil
	}
	var s storedResults
	for _, r := range rs {
		s.Blocks = append(s.Blocks, storedBlock{r.key, r.agreements, r.findings})
	}
	for _, d := range internal {
		s.Internal = append(s.Internal, storedDoc{d.doc, d.fs})
	}
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("results file: %w", err)
	}
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := l.w.Write(n[:]); err != nil {
		return fmt.Errorf("results file %s: %w", l.f.Name(), err)
	}
	if _, err := l.w.Write(b); err != nil {
		return fmt.Errorf("results file %s: %w", l.f.Name(), err)
	}
	return nil
}

// each reads every record back, in order.
func (l *resultLog) each(f func(rs []blockResult, internal []docFindings)) error {
	if err := l.w.Flush(); err != nil {
		return fmt.Errorf("results file %s: %w", l.f.Name(), err)
	}
	if _, err := l.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("results file %s: %w", l.f.Name(), err)
	}
	r := bufio.NewReaderSize(l.f, 256<<10)
	var n [4]byte
	var b []byte
	for {
		if _, err := io.ReadFull(r, n[:]); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("results file %s: %w", l.f.Name(), err)
		}
		size := int(binary.LittleEndian.Uint32(n[:]))
		if cap(b) < size {
			b = make([]byte, size)
		}
		b = b[:size]
		if _, err := io.ReadFull(r, b); err != nil {
			return fmt.Errorf("results file %s: %w", l.f.Name(), err)
		}
		var s storedResults
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("results file %s: %w", l.f.Name(), err)
		}
		rs := make([]blockResult, len(s.Blocks))
		for i, x := range s.Blocks {
			rs[i] = blockResult{key: x.Key, agreements: x.Agreements, findings: x.Findings}
		}
		internal := make([]docFindings, len(s.Internal))
		for i, x := range s.Internal {
			internal[i] = docFindings{doc: x.Doc, fs: x.Findings}
		}
		f(rs, internal)
	}
}

// close removes the file.
func (l *resultLog) close() error {
	if l == nil {
		return nil
	}
	name := l.f.Name()
	err := l.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}
