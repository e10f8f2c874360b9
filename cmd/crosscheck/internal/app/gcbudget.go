package app

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// inMemoryBudget is the heap an in-memory run may grow to before the
// collector first runs (collectByBudget). It is below the 1 GB an
// in-memory report of 10,000 articles is allowed (README, "Speed"), with
// room left for what is not heap.
const inMemoryBudget = 768 << 20

// collectByBudget sets the collector of an in-memory run to run when the
// heap reaches budget, not each time it has trebled, for as long as the
// live heap stays under half the budget; after a collection that finds
// more live, the run goes back to the ratio it had (GOGC, 200 unless set:
// see main), with no limit.
//
// Why: an in-memory `claims` or `report` run keeps almost everything it
// allocates until it writes its output (the texts, their claims and
// words), so a collection there marks a heap that is nearly all live and
// frees little. On 5 MB of real articles (2,100 files, 100 MB of heap) the
// ratio of 200 ran four collections that freed about 12 MB and cost 314 M
// instructions, 11% of the run (callgrind, GOMAXPROCS=1); with the budget
// the run does not collect at all. An in-memory report of 10,000
// articles collects once and peaks at about 500 MB instead of 340-420 MB.
//
// Why only under half the budget: with the collector off and a memory
// limit, a live heap near the limit makes the runtime collect again and
// again (up to half the CPU) for little. Past half the budget the ratio
// is cheaper, and the heap grows as it did before (three times the live
// heap), as large inputs read with --spill never always have.
//
// GOGC or GOMEMLIMIT set in the environment wins: the policy is left
// alone, as main leaves GOGC alone.
func collectByBudget(budget int64, getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	p := budgetPolicy{budget: budget}
	p.limit = debug.SetMemoryLimit(budget)
	p.percent = debug.SetGCPercent(-1)
	afterEachGC(func() bool { return p.keep(liveHeap()) })
}

// budgetPolicy is collectByBudget's state: its budget, and the settings
// it replaced, for going back to them.
type budgetPolicy struct {
	budget  int64
	percent int
	limit   int64
}

// keep says whether the budget still holds after a collection that found
// live bytes alive; when it does not, it restores the replaced settings.
func (p budgetPolicy) keep(live uint64) bool {
	if live <= uint64(p.budget)/2 {
		return true
	}
	debug.SetGCPercent(p.percent)
	debug.SetMemoryLimit(p.limit)
	return false
}

var budgetOnce sync.Once

// liveHeap is the heap the last collection found live (the runtime's
// own figure, which the collector's pacing also uses).
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0 // not offered by this runtime: keep the budget
	}
	return s[0].Value.Uint64()
}

// gcTick is an object nothing refers to whose finalizer runs after each
// collection (it has a pointer field so that it is not batched with other
// tiny objects, whose finalizers may never run).
type gcTick struct{ f func() bool }

// afterEachGC calls f on the finalizer goroutine after each collection
// for as long as f returns true.
func afterEachGC(f func() bool) {
	runtime.SetFinalizer(&gcTick{f: f}, rearm)
}

func rearm(t *gcTick) {
	if t.f() {
		runtime.SetFinalizer(t, rearm)
	}
}
