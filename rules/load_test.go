package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinLoads(t *testing.T) {
	s, err := Builtin()
	require.NoError(t, err)
	assert.Equal(t, []string{"en", "id"}, s.Codes)
	assert.NotNil(t, s.FrameByName("pact"))
	for _, l := range s.Languages {
		assert.NotEmpty(t, l.Dates, l.Code)
	}
}
