package rules

import (
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/claims/token"
	"github.com/stretchr/testify/require"
)

// TestFilterHashless: a token without a hash (not made by token.Scan)
// passes a filter that holds a word, as any of its words might be, and
// is turned away by one that holds none (the hashless bit, which May reads
// with no test of its own); scanned words keep their answers.
func TestFilterHashless(t *testing.T) {
	bare := &token.Token{Lower: "anything"}
	var narrow WordFilter
	var wide WideFilter
	require.False(t, narrow.May(bare))
	require.False(t, wide.May(bare))
	for i := range 200 {
		w := "w" + strconv.Itoa(i)
		narrow.Add(w)
		wide.Add(w)
		toks := token.Scan(w, nil)
		require.True(t, narrow.May(&toks[0]), w)
		require.True(t, wide.May(&toks[0]), w)
		require.True(t, narrow.May(bare))
		require.True(t, wide.May(bare))
	}
}
