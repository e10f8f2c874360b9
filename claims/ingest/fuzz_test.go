package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
)

// FuzzJSONL feeds arbitrary bytes to the JSON Lines reader. It must not
// panic; every error must be an *Error naming a line; every document must
// have valid UTF-8 text and a "path:LINE" path; and with KeepGoing every
// non-blank line must come back as exactly one document, read or skipped.
func FuzzJSONL(f *testing.F) {
	for _, seed := range []string{
		`{"id":"a","title":"T","published":"2024-12-30","language":"en","url":"u","text":"Ferry sails."}`,
		"{\"text\":\"one\"}\n\n{\"text\":\"two\"}\r\n",
		`{"id":7,"text":"x","extra":{"nested":[1,2]}}`,
		`{"text":null}`,
		`{"text":"caf\u00e9 \ud83d\udea2"}`,
		"{\"text\":\"bad \xff byte\"}",
		"\xef\xbb\xbf{\"text\":\"bom\"}",
		"\xff\xfe{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\x00a\x00\"\x00}\x00",
		`[1,2,3]`,
		`{"text":"a"} trailing`,
		`{"published":"2024-13-45T99:99","text":"date"}`,
		`{"id":{"x":1},"text":"y"}`,
		"   \n\t\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, keepGoing := range []bool{false, true} {
			r := &reader{opt: Options{KeepGoing: keepGoing}, max: 1 << 20, seen: map[string]bool{}}
			err := r.readJSONL("f.jsonl", bytes.NewReader(data), "f", nil)
			if err != nil {
				var ie *Error
				if !errors.As(err, &ie) {
					t.Fatalf("error is not an *Error: %v", err)
				}
				if keepGoing {
					t.Fatalf("error with KeepGoing: %v", err)
				}
				if ie.Line < 1 || ie.Path != "f.jsonl" {
					t.Fatalf("error without a line: %#v", ie)
				}
				if !strings.HasPrefix(err.Error(), "f.jsonl:") {
					t.Fatalf("error does not name the file: %v", err)
				}
			}
			for _, it := range r.items {
				d := it.doc
				if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(it.base) {
					t.Fatalf("invalid UTF-8 in %#v", d)
				}
				if !strings.HasPrefix(d.Path, "f.jsonl:") {
					t.Fatalf("path without a line: %q", d.Path)
				}
				if d.Status == claims.StatusRead && strings.TrimSpace(d.Text) == "" {
					t.Fatalf("empty document read: %#v", d)
				}
				if d.HasDate() && d.PublishedSource != claims.SourceMetadata {
					t.Fatalf("date without source: %#v", d)
				}
			}
			if keepGoing && !bytes.HasPrefix(data, []byte(bomUTF16LE)) && !bytes.HasPrefix(data, []byte(bomUTF16BE)) {
				lines := 0
				for _, l := range bytes.Split(data, []byte("\n")) {
					if len(bytes.TrimSpace(l)) > 0 {
						lines++
					}
				}
				if bytes.HasPrefix(data, []byte(bomUTF8)) && len(bytes.TrimSpace(bytes.SplitN(data[3:], []byte("\n"), 2)[0])) == 0 {
					lines-- // a line holding only the BOM is blank once the BOM is dropped
				}
				if len(r.items) != lines {
					t.Fatalf("%d non-blank lines but %d documents", lines, len(r.items))
				}
			}
		}
	})
}

// FuzzDecode feeds arbitrary bytes to the decoders. They must not panic and
// must return valid UTF-8; valid UTF-8 text without a BOM must come back
// unchanged (offsets refer to it); and the HTML path must always give a
// document.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"plain ASCII text\n",
		"two\nshort\nlines\n\nand a paragraph \x7f\n\x01\n",
		"Fähre 🚢\r\n",
		"\xef\xbb\xbfBOM text",
		"\xff\xfeF\x00\xe4\x00",
		"\xfe\xff\x00F\x00\xe4",
		"\xff\xfe\x3d\xd8",
		"\xff\xfe\x3d",
		"caf\xe9 \x93quoted\x94",
		"\x81\x8d\x8f\x90\x9d",
		"binary\x00data",
		"\x01\x02\x03",
		`<html><head><meta charset="shift_jis"></head><body><p>` + "\x82\xa0\x82\xa2" + `</p></body></html>`,
		`<meta charset="utf-16"><p>x</p>`,
		`<meta charset="bogus-charset"><p>caf` + "\xe9" + `</p>`,
		`<meta http-equiv="Content-Type" content="text/html; charset=iso-2022-jp"><p>` + "\x1b$B$\"\x1b(B" + `</p>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := string(data)
		if fast, ref := scanBytes(s), scanBytesByByte(s); fast != ref {
			t.Fatalf("scanBytes %+v, byte by byte %+v: %q", fast, ref, s)
		}
		d := decode(s)
		if !utf8.ValidString(d.text) {
			t.Fatalf("decode: invalid UTF-8 %q", d.text)
		}
		if d.binary && d.text != "" {
			t.Fatalf("binary with text")
		}
		// Valid UTF-8 is kept as it is, unless a byte-order mark, or zero
		// bytes on every other position (UTF-16 saved without a mark:
		// utf16WithoutBOM), say it is something else.
		if !d.binary && utf8.ValidString(s) && !strings.HasPrefix(s, bomUTF8) &&
			!strings.HasPrefix(s, bomUTF16LE) && !strings.HasPrefix(s, bomUTF16BE) &&
			!strings.HasPrefix(d.encoding, "utf-16") && d.text != s {
			t.Fatalf("valid UTF-8 changed: %q -> %q", s, d.text)
		}
		h := decodeHTML(s)
		if !utf8.ValidString(h.text) {
			t.Fatalf("decodeHTML: invalid UTF-8 %q", h.text)
		}
		_ = sniff(s)
		doc := htmlDocument("f.html", s)
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatalf("htmlDocument: invalid UTF-8 in %#v", doc)
		}
		doc = textDocument("f.txt", s)
		if doc.Status == claims.StatusRead && !utf8.ValidString(doc.Text) {
			t.Fatalf("textDocument: invalid UTF-8")
		}
	})
}
