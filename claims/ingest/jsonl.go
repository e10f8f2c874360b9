package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// record is one JSON Lines article. Only text is required; unknown fields
// are ignored so that feeds exported by other tools can be read as they are.
type record struct {
	ID        json.RawMessage `json:"id"` // a string, or a number as many datasets use
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Language  string          `json:"language"`
	URL       string          `json:"url"`
	Text      *string         `json:"text"`
}

// errMalformed prefixes every problem with a record's content.
var errMalformed = errors.New("malformed record")

// readJSONL reads a JSON Lines file one line at a time, so memory is bounded
// by the longest record rather than the file; the size limit applies to each
// record, and a file of any length is read. Blank lines are allowed and
// ignored (they hold no record). Each record becomes a document with Path
// "path:LINE" and the record's id, or "<file-stem>-<line>" without one.
func (r *reader) readJSONL(path string, rd io.Reader, stem string, qual []string) error {
	recQual := append([]string{stem}, qual...)
	br := bufio.NewReaderSize(rd, 64<<10)
	// A UTF-16 feed is transcoded on the fly; a UTF-8 BOM is dropped.
	enc := "utf-8"
	if bom, _ := br.Peek(3); bytes.HasPrefix(bom, []byte(bomUTF16LE)) || bytes.HasPrefix(bom, []byte(bomUTF16BE)) {
		enc = "utf-16le"
		if bytes.HasPrefix(bom, []byte(bomUTF16BE)) {
			enc = "utf-16be"
		}
		br = bufio.NewReaderSize(transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder())), 64<<10)
	} else if bytes.HasPrefix(bom, []byte(bomUTF8)) {
		br.Discard(len(bomUTF8))
	}
	for n := 1; ; n++ {
		line, over, err := readLine(br, r.max)
		if over {
			if ferr := r.fail(path, n, tooLarge(-1, r.max), fmt.Sprintf("%s-%d", stem, n), recQual); ferr != nil {
				return ferr
			}
			if err == io.EOF {
				return nil
			}
			continue
		}
		if err != nil && err != io.EOF {
			return r.fail(path, n, err, fmt.Sprintf("%s-%d", stem, n), recQual)
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			doc, base, rerr := parseRecord(path, n, trimmed, stem)
			if doc != nil && doc.Status == claims.StatusRead {
				doc.Encoding = enc
			}
			if rerr != nil {
				if ferr := r.fail(path, n, rerr, base, recQual); ferr != nil {
					return ferr
				}
			} else {
				r.add(doc, base, recQual)
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// parseRecord turns line n of a JSON Lines file into a document. It returns
// the document's base ID even on error, for the skipped document KeepGoing
// makes of it.
func parseRecord(path string, n int, line []byte, stem string) (*claims.Document, string, error) {
	base := fmt.Sprintf("%s-%d", stem, n)
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, base, fmt.Errorf("%w: %v", errMalformed, jsonError(err))
	}
	if id, err := recordID(rec.ID); err != nil {
		return nil, base, err
	} else if id != "" {
		base = id
	}
	if rec.Text == nil {
		return nil, base, fmt.Errorf("%w: no \"text\" field", errMalformed)
	}
	docPath := fmt.Sprintf("%s:%d", path, n)
	if strings.TrimSpace(*rec.Text) == "" {
		return skipped(docPath, ReasonEmpty), base, nil
	}
	doc := &claims.Document{
		Path:            docPath,
		Text:            *rec.Text,
		Status:          claims.StatusRead,
		PublishedSource: claims.SourceNone,
		LanguageSource:  claims.SourceNone,
	}
	if !utf8.Valid(line) {
		// encoding/json has already replaced the bad bytes with U+FFFD.
		addWarnings(doc, []string{"invalid UTF-8 replaced with U+FFFD"})
	}
	metadata{
		title:     rec.Title,
		url:       rec.URL,
		language:  rec.Language,
		published: []string{rec.Published},
	}.apply(doc)
	if doc.Title == "" {
		doc.Title = guessTitle(doc.Text)
	}
	return doc, base, nil
}

// recordID reads the id field: a string or a number; null or absent means
// none.
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		s = strings.TrimSpace(s)
		if hasControl(s) {
			return "", fmt.Errorf("%w: \"id\" %q contains a newline or control character", errMalformed, s)
		}
		return s, nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		return num.String(), nil
	}
	return "", fmt.Errorf("%w: \"id\" must be a string or a number", errMalformed)
}

// hasControl reports whether s holds a newline, tab or other control
// character, which no document ID may contain: IDs are printed in tables,
// CSV cells and doc:line:col positions, one to a line.
func hasControl(s string) bool {
	for _, r := range s {
		if stdunicode.IsControl(r) {
			return true
		}
	}
	return false
}

// jsonError words encoding/json's errors for a person reading a data file:
// which field has the wrong type, rather than Go type names.
func jsonError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q must be a %s, not a JSON %s", te.Field, jsonTypeName(te.Type.Kind().String()), te.Value)
		}
		return fmt.Sprintf("a record must be a JSON object, not a JSON %s", te.Value)
	}
	return err.Error()
}

func jsonTypeName(kind string) string {
	if kind == "ptr" || kind == "string" {
		return "string"
	}
	return kind
}

// readLine returns the next line including its "\n". A line that fits the
// reader's buffer is returned in place, without a copy; it is valid until
// the next read. over reports a line longer than limit bytes (without its
// line ending), which is read to its end but not kept.
func readLine(br *bufio.Reader, limit int64) (line []byte, over bool, err error) {
	line, err = br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, int64(len(bytes.TrimRight(line, "\r\n"))) > limit, err
	}
	buf := append([]byte(nil), line...)
	for err == bufio.ErrBufferFull {
		line, err = br.ReadSlice('\n')
		if !over {
			buf = append(buf, line...)
		}
		if int64(len(buf)) > limit+2 {
			// Over the limit: read on to the end of the line without
			// keeping it, so the next record can still be read.
			over, buf = true, buf[:0]
		}
	}
	if !over {
		over = int64(len(bytes.TrimRight(buf, "\r\n"))) > limit
	}
	return buf, over, err
}
