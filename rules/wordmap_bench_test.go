package rules

import (
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
)

// BenchmarkWordMapGet looks up scanned tokens, most of them in the map, as
// the extractors do several times per token.
func BenchmarkWordMapGet(b *testing.B) {
	var m WordMap[int32]
	for i := range 300 {
		m.Put("w"+strconv.Itoa(i*7919), int32(i))
	}
	m.Put("the", 1)
	m.Put("of", 2)
	text := ""
	for i := range 2000 {
		text += "w" + strconv.Itoa((i%600)*7919) + " the of x "
	}
	toks := token.Scan(text, nil)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range toks {
			if v, ok := m.Get(&toks[i]); ok {
				n += int(v)
			}
		}
	}
	_ = n
}
