package extract

import "sync"

// numberBatch holds the number claims scanNumbers has read and not yet
// made, to make an article's together: in one allocation of exactly as
// many (claimArena.numClaims), where each was an allocation of its own
// (new(numClaim): 456 bytes with their heap bits, some 400 instructions a
// claim, 11 M on 5 MB of real English). Making a claim later changes
// nothing: Report only appends it to the pass's list, which no reading
// looks at, and the batch keeps the order the claims were read in. A
// document of more than batchMax claims (a page of figures) makes its
// first batchMax together and the rest one by one from claimArena's
// chunks, which already cost no allocation each: batching them too only
// added the copy in and out (8 M on a megabyte of figures). A batch is
// pooled, so that an article costs no allocation for it.
type numberBatch struct {
	reads []numRead
	open  bool // fewer than batchMax claims made: the next goes in the batch
}

// batchMax is the most claims a batch holds: claimArena makes the first
// arenaFrom claims one by one, and chunks after them.
const batchMax = arenaFrom

var batches = sync.Pool{New: func() any { return &numberBatch{open: true} }}

// add puts a copy of r, read as a claim, in the open batch for flush to
// make, and makes them when there are batchMax, closing the batch.
func (b *numberBatch) add(p *Pass, r *numRead) {
	b.reads = append(b.reads, *r)
	if len(b.reads) == batchMax {
		b.flush(p)
		b.open = false
	}
}

// flush makes and reports the batch's claims in the order they were read,
// and empties it. What it held is cleared: a pooled batch must keep no
// document's strings or bounds alive.
func (b *numberBatch) flush(p *Pass) {
	if len(b.reads) == 0 {
		return
	}
	made := p.made.numClaims(len(b.reads))
	for k := range b.reads {
		p.Report(b.reads[k].claimIn(p, &made[k]))
	}
	clear(b.reads)
	b.reads = b.reads[:0]
}

// done makes what the batch holds and returns it to the pool, open for
// the next document.
func (b *numberBatch) done(p *Pass) {
	b.flush(p)
	b.open = true
	batches.Put(b)
}
