package rules

// Words lists every single word this language's lexicon knows (function
// words included), for building detection tables once.
func (l *Language) Words() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for w := range l.Detect {
		add(w)
	}
	for w := range l.months {
		add(w)
	}
	for w := range l.weekdays {
		add(w)
	}
	for w := range l.numWords {
		add(w)
	}
	for w := range l.vague {
		add(w)
	}
	for w := range l.ordinals {
		add(w)
	}
	for w := range l.DurUnits {
		add(w)
	}
	for w := range l.Units.byFirst {
		add(w)
	}
	for w := range l.Qualifiers.byFirst {
		add(w)
	}
	return out
}
