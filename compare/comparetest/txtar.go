package comparetest

import (
	"bytes"
	"strings"
)

// archive is a parsed txtar file. The format is small enough that a parser
// of our own costs less than a dependency, and ours keeps what x/tools/txtar
// drops: the line each member starts on, which every error message and
// every "document:line" in the output needs.
type archive struct {
	comment []byte
	files   []member
}

// member is one "-- name --" section.
type member struct {
	name       string
	data       []byte
	markerLine int // 1-based line of the "-- name --" marker
	firstLine  int // 1-based line of the first line of data
}

// parseArchive splits data at marker lines ("-- NAME --", NAME non-empty
// after trimming). Like x/tools/txtar, it never fails: text before the first
// marker is the comment, and a member's data runs to the next marker.
func parseArchive(data []byte) *archive {
	a := &archive{}
	var cur *member
	line := 0
	start := 0 // offset where the current section's data begins
	for off := 0; off < len(data); {
		line++
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		if name, ok := marker(data[off:next]); ok {
			if cur == nil {
				a.comment = data[:off]
			} else {
				cur.data = data[start:off]
				a.files = append(a.files, *cur)
			}
			cur = &member{name: name, markerLine: line, firstLine: line + 1}
			start = next
		}
		off = next
	}
	if cur == nil {
		a.comment = data
		return a
	}
	cur.data = data[start:]
	a.files = append(a.files, *cur)
	return a
}

// marker reports whether ln is a member marker and returns the name.
func marker(ln []byte) (string, bool) {
	s := strings.TrimRight(string(ln), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	name := strings.TrimSpace(s[3 : len(s)-3])
	return name, name != ""
}
