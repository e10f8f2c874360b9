package app

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settings reads the collector's percent and memory limit without
// changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// restoreSettings puts the collector back as the test found it.
func restoreSettings(t *testing.T) {
	percent, limit := settings()
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

func TestBudgetPolicyKeep(t *testing.T) {
	restoreSettings(t)
	const budget = 64 << 20
	tests := []struct {
		live uint64
		keep bool
	}{
		{0, true},
		{budget / 4, true},
		{budget / 2, true},
		{budget/2 + 1, false},
		{budget * 2, false},
	}
	for _, tc := range tests {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(budget)
		p := budgetPolicy{budget: budget, percent: 150, limit: 1 << 40}
		assert.Equal(t, tc.keep, p.keep(tc.live), "live %d", tc.live)
		percent, limit := settings()
		if tc.keep {
			assert.Equal(t, -1, percent, "live %d: collector stays off", tc.live)
			assert.Equal(t, int64(budget), limit, "live %d: budget stays", tc.live)
		} else {
			assert.Equal(t, 150, percent, "live %d: ratio restored", tc.live)
			assert.Equal(t, int64(1<<40), limit, "live %d: limit restored", tc.live)
		}
	}
}

// Settings in the environment win, as they do for main's ratio.
func TestCollectByBudgetLeavesEnvironmentAlone(t *testing.T) {
	restoreSettings(t)
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		debug.SetGCPercent(77)
		debug.SetMemoryLimit(1 << 40)
		collectByBudget(64<<20, func(k string) string {
			if k == name {
				return "100"
			}
			return ""
		})
		percent, limit := settings()
		assert.Equal(t, 77, percent, name)
		assert.Equal(t, int64(1<<40), limit, name)
	}
}

func TestCollectByBudgetSetsBudget(t *testing.T) {
	restoreSettings(t)
	debug.SetGCPercent(200)
	// A budget far above this test's heap: the policy stays after the
	// collections below, whose ticks it sees.
	collectByBudget(1<<40, func(string) string { return "" })
	runtime.GC()
	percent, limit := settings()
	assert.Equal(t, -1, percent)
	assert.Equal(t, int64(1<<40), limit)
}

// afterEachGC calls its function after each collection until it says
// stop, and not after. (The function runs on the finalizer goroutine, so
// a collection may pass before it is armed again: the test collects until
// the next call comes.)
func TestAfterEachGC(t *testing.T) {
	calls := make(chan int, 8)
	n := 0
	afterEachGC(func() bool {
		n++
		calls <- n
		return n < 3
	})
	deadline := time.Now().Add(10 * time.Second)
	for want := 1; want <= 3; want++ {
		got := 0
		for got == 0 {
			require.True(t, time.Now().Before(deadline), "call %d did not come after collections", want)
			runtime.GC()
			select {
			case got = <-calls:
			case <-time.After(10 * time.Millisecond):
			}
		}
		require.Equal(t, want, got)
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case got := <-calls:
		t.Fatalf("called again (%d) after it said stop", got)
	default:
	}
}
