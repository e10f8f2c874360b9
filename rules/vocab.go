package rules

// Knows reports whether w (lower case) is a word of this language's lexicon
// beyond its function words: a month or weekday name, a number word, a
// unit, duration or qualifier word. Language detection uses it as weaker
// evidence than function words, so a short text full of names ("Senin
// (5/2/2024) ... 40 persen saham ... 300 juta") is still told apart.
func (l *Language) Knows(w string) bool {
	if _, ok := l.months[w]; ok {
		return true
	}
	if _, ok := l.weekdays[w]; ok {
		return true
	}
	if _, ok := l.numWords[w]; ok {
		return true
	}
	if _, ok := l.vague[w]; ok {
		return true
	}
	if _, ok := l.ordinals[w]; ok {
		return true
	}
	if _, ok := l.DurUnits[w]; ok {
		return true
	}
	return l.Units.byFirst[w] != nil || l.Qualifiers.byFirst[w] != nil
}
