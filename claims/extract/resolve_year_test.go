package extract

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/stretchr/testify/require"
)

// TestUnixDays holds unixDays to time.Date over years either side of year
// 0 and of 1970, leap and not, every month and out-of-range ones, and days
// out of the month's range.
func TestUnixDays(t *testing.T) {
	for y := -1203; y <= 2803; y++ {
		for m := -13; m <= 26; m++ {
			for _, d := range []int{-40, -1, 0, 1, 15, 28, 29, 30, 31, 32, 60, 400} {
				want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()
				require.Equal(t, want, unixDays(y, m, d)*secondsPerDay, "%d-%d-%d", y, m, d)
			}
		}
	}
}

// TestInferYearTimes holds inferYear to inferYearRef on publication times
// with a time of day and nanoseconds, in UTC and in zones ahead of and
// behind it (one with summer time), with months and days out of range as
// well, in each tense.
func TestInferYearTimes(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("WIB", 7*3600), time.FixedZone("X", -11*3600)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny)
	}
	r := rand.New(rand.NewPCG(7, 41))
	for range 40000 {
		loc := zones[r.IntN(len(zones))]
		pub := time.Date(1990+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(3)*r.IntN(1e9), loc)
		if r.IntN(3) == 0 {
			pub = time.Date(2020+r.IntN(5), []time.Month{1, 12}[r.IntN(2)], []int{1, 2, 5, 8, 9, 24, 25, 28, 31}[r.IntN(9)], []int{0, 23}[r.IntN(2)], 0, 0, 0, loc)
		}
		m, d := 1+r.IntN(12), 1+r.IntN(31)
		if r.IntN(10) == 0 {
			m, d = r.IntN(15), r.IntN(34)
		}
		tense := []claims.Tense{claims.TensePast, claims.TenseFuture, claims.TenseNone, "x"}[r.IntN(4)]
		require.Equal(t, inferYearRef(pub, m, d, tense), inferYear(pub, m, d, tense), "%s %d-%d %q", pub, m, d, tense)
	}
}
