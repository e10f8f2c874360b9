package extract

// clauseStart returns the first token of [a, i] whose clause break count
// is clause[i]: the first token after the last break before i. (The
// counts are non-decreasing over the tokens of a counted run.)
//
// Clauses are short and sentences may not be: on text where ":" breaks
// every clause of a sentence hundreds of thousands of tokens long, a binary
// search over [a, i] cost about twenty steps, each missing the cache, for
// a clause of a few tokens. The search gallops back from i instead (1, 2,
// 4, ... tokens) and then bisects the last step, so its cost grows with
// the clause's length, not the sentence's.
func clauseStart(clause []int32, a, i int) int {
	n := clause[i]
	lo, hi := a, i // the answer is in [lo, hi], and clause[hi] == n
	for step := 1; hi-step >= lo; step *= 2 {
		if clause[hi-step] != n {
			lo = hi - step + 1
			break
		}
		hi -= step
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if clause[m] == n {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// clauseEnd returns the first token j of [i, b) that a break follows
// (clause[j+1] > clause[i]), or b if none does: the end of i's clause.
// It gallops forward from i as clauseStart does back.
func clauseEnd(clause []int32, i, b int) int {
	n := clause[i]
	lo, hi := i, b // the answer is in [lo, hi]
	for step := 1; lo+step-1 < hi; step *= 2 {
		if j := lo + step - 1; clause[j+1] > n {
			hi = j
			break
		}
		lo += step
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if clause[m+1] > n {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
