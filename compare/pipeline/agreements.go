package pipeline

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/report"
)

// agreementFile keeps an archive run's agreements in a temporary file as
// compare.Stream hands them over (its AgreementSink), each as the report's
// JSON, with an index in memory that puts them in the report's order: a
// 40,000-article archive has tens of thousands of agreements, and held
// (once as the comparison's, once as the report's) they were the largest
// part of the run's last step.
type agreementFile struct {
	f     *os.File
	w     *bufio.Writer
	off   int64
	at    []agreementAt
	names map[string]string // attribute names, held once
}

// agreementAt is where one agreement is, and what orders it: the report's
// order (report.AgreementLess), then, for ties, the order the comparison
// gives (by block key, then as handed over).
type agreementAt struct {
	attr, first, key string
	seq              int
	off              int64
	n                int32
}

func newAgreementFile(dir string) (*agreementFile, error) {
	f, err := os.CreateTemp(dir, "crosscheck-agreements-*")
	if err != nil {
		return nil, fmt.Errorf("agreements file: %w", err)
	}
	return &agreementFile{f: f, w: bufio.NewWriterSize(f, 256<<10), names: map[string]string{}}, nil
}

// put is the Stream's AgreementSink.
func (af *agreementFile) put(key string, seq int, a compare.Agreement) error {
	ra := report.FromAgreement(a)
	if len(ra.Claims) == 0 {
		return fmt.Errorf("agreements file: an agreement on %s without claims", ra.Attribute)
	}
	b, err := json.Marshal(ra)
	if err != nil {
		return fmt.Errorf("agreements file: %w", err)
	}
	if _, err := af.w.Write(b); err != nil {
		return fmt.Errorf("agreements file %s: %w", af.f.Name(), err)
	}
	name, ok := af.names[ra.Attribute]
	if !ok {
		name = strings.Clone(ra.Attribute)
		af.names[name] = name
	}
	af.at = append(af.at, agreementAt{attr: name, first: ra.Claims[0], key: key, seq: seq, off: af.off, n: int32(len(b))})
	af.off += int64(len(b))
	return nil
}

// source sorts the index and returns the agreements as the report reads
// them, one at a time from the file.
func (af *agreementFile) source() (*report.AgreementSource, error) {
	if err := af.w.Flush(); err != nil {
		return nil, fmt.Errorf("agreements file %s: %w", af.f.Name(), err)
	}
	slices.SortFunc(af.at, func(a, b agreementAt) int {
		return cmp.Or(cmp.Compare(a.attr, b.attr), cmp.Compare(a.first, b.first), cmp.Compare(a.key, b.key), cmp.Compare(a.seq, b.seq))
	})
	return &report.AgreementSource{N: len(af.at), Each: func(f func(*report.Agreement) error) error {
		var b []byte
		for _, at := range af.at {
			b = slices.Grow(b[:0], int(at.n))[:at.n]
			if _, err := af.f.ReadAt(b, at.off); err != nil {
				return fmt.Errorf("agreements file %s: %w", af.f.Name(), err)
			}
			var a report.Agreement
			if err := json.Unmarshal(b, &a); err != nil {
				return fmt.Errorf("agreements file %s: %w", af.f.Name(), err)
			}
			if err := f(&a); err != nil {
				return err
			}
		}
		return nil
	}}, nil
}

// close removes the file.
func (af *agreementFile) close() error {
	if af == nil {
		return nil
	}
	name := af.f.Name()
	err := af.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}
