package corpusgen

import (
	"strconv"
	"strings"
	"time"
)

func (g *gen) site(lang string) string {
	if lang == Indonesian {
		return g.pick(sitesID)
	}
	return g.pick(sitesEN)
}

// write renders article i of a story.
func (g *gen) write(w *world, a *article, i int) Article {
	k := w.k
	lang := a.lang
	s := g.slots(w, a)
	site := g.site(lang)
	s["site"] = site
	en := lang == English
	pickL := func(e, id []string) []string {
		if en {
			return e
		}
		return id
	}
	// Paraphrases rotate through the story's articles so that two articles
	// of a story rarely share a fact sentence.
	rot := func(list []string, j int) string { return list[(w.id+i+j)%len(list)] }

	var b strings.Builder
	title := fill(g.pick(pickL(k.headEN, k.headID)), s)
	b.WriteString(title)
	b.WriteByte('\n')
	if g.chance(0.3) {
		if en {
			b.WriteString(strconv.Itoa(g.between(2, 9)) + " min read\n")
		} else {
			b.WriteString(strconv.Itoa(g.between(2, 9)) + " menit baca\n")
		}
	}
	b.WriteString(g.dateline(a.pub, lang, s))
	b.WriteString("\n\n")

	city := strings.ToUpper(s["city"])
	lead := fill(rot(pickL(k.facts[0].en, k.facts[0].id), 0), s)
	if en {
		lead = city + " — " + lead
	} else {
		lead = city + ", " + site + " - " + lead
	}
	paras := []string{lead + " " + g.filler(w, a, s)}

	// The rest of the facts, the extras some articles carry, the traps and
	// injections, each in a paragraph of its own with padding around it.
	var body []string
	for j, f := range k.facts[1:] {
		body = append(body, fill(rot(pickL(f.en, f.id), j+1), s))
	}
	for j, f := range k.extras {
		if g.chance(0.5) {
			body = append(body, fill(rot(pickL(f.en, f.id), j), s))
		}
	}
	if a.traps && len(k.trapEN) > 0 {
		body = append(body, fill(g.pick(pickL(k.trapEN, k.trapID)), s))
	}
	if g.chance(0.3) {
		body = append(body, fill(pickL([]string{k.prevEN}, []string{k.prevID})[0], s))
	}
	if a.wrong {
		body = append(body, fill(pickL([]string{k.wrongEN}, []string{k.wrongID})[0], s))
	}
	g.r.Shuffle(len(body), func(x, y int) { body[x], body[y] = body[y], body[x] })

	target := g.between(2200, 4800)
	size := len(title) + len(lead)
	usedBG := 0
	bg := pickL(k.bgEN, k.bgID)
	bgOrder := g.r.Perm(len(bg))
	for len(body) > 0 || size < target {
		var p []string
		if len(body) > 0 && (g.chance(0.5) || size >= target) {
			p = append(p, body[0])
			body = body[1:]
		}
		for n := g.between(1, 3); n > 0; n-- {
			if usedBG < 2 && g.chance(0.25) {
				p = append(p, fill(bg[bgOrder[usedBG]], s))
				usedBG++
				continue
			}
			p = append(p, g.filler(w, a, s))
		}
		g.r.Shuffle(len(p), func(x, y int) { p[x], p[y] = p[y], p[x] })
		para := strings.Join(p, " ")
		paras = append(paras, para)
		size += len(para)
		if g.chance(0.12) {
			paras = append(paras, g.furniture(lang, w.event))
		}
	}
	for _, p := range paras {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	if en {
		switch g.intn(3) {
		case 0:
			b.WriteString("Copyright " + strconv.Itoa(a.pub.Year()) + " " + site + ". All rights reserved.\n")
		case 1:
			b.WriteString("Share this article\n")
		default:
			b.WriteString("Sign up for our daily newsletter.\n")
		}
	} else {
		switch g.intn(3) {
		case 0:
			b.WriteString("Hak cipta © " + strconv.Itoa(a.pub.Year()) + " " + site + ". Seluruh hak dilindungi.\n")
		case 1:
			b.WriteString("Dapatkan update berita pilihan setiap hari.\n")
		default:
			b.WriteString("Baca juga: " + g.otherHeadline(lang) + "\n")
		}
	}
	return Article{ID: storyID(w.id, i), Story: w.id, Kind: k.name, Lang: lang, Site: site, Published: a.pub, Title: title, Text: b.String()}
}

// filler writes one sentence without figures: a subject, a predicate about
// the story's topic and a tail, or a quote.
func (g *gen) filler(w *world, a *article, s map[string]string) string {
	en := a.lang == English
	if en {
		s["topic"] = g.pick(w.k.topicEN)
		if g.chance(0.3) {
			s["topic"] = fill(g.pick(localTopicEN), s)
		}
	} else {
		s["topic"] = g.pick(w.k.topicID)
		if g.chance(0.3) {
			s["topic"] = fill(g.pick(localTopicID), s)
		}
	}
	if g.chance(0.25) {
		if en {
			s["q"] = fill(g.pick(quoteEN), s)
			return fill(g.pick(quoteFmtEN), s)
		}
		s["q"] = fill(g.pick(quoteID), s)
		return fill(g.pick(quoteFmtID), s)
	}
	if en {
		return fill(g.pick(subjEN)+" "+g.pick(advEN)+g.pick(predEN)+g.pick(tailEN)+".", s)
	}
	return fill(g.pick(subjID)+" "+g.pick(advID)+g.pick(predID)+g.pick(tailID)+".", s)
}

// dateline writes the line under the headline that carries the publication
// date, in one of the shapes news sites use.
func (g *gen) dateline(pub time.Time, lang string, s map[string]string) string {
	d, y := strconv.Itoa(pub.Day()), strconv.Itoa(pub.Year())
	hh, mm := g.between(6, 22), g.between(0, 59)
	clock := strconv.Itoa(hh) + ":" + twoDigits(mm)
	if lang == Indonesian {
		wd, m := weekdaysID[pub.Weekday()], monthsID[pub.Month()-1]
		switch g.intn(3) {
		case 0:
			return wd + ", " + d + " " + m + " " + y + " " + clock + " WIB"
		case 1:
			return strings.ToUpper(s["city"]) + ", " + wd + " (" + d + "/" + strconv.Itoa(int(pub.Month())) + "/" + y + ")"
		default:
			return "Reporter: " + s["p0"] + " | Editor: " + s["p1"] + " | " + wd + ", " + d + " " + m + " " + y
		}
	}
	wd, m := weekdaysEN[pub.Weekday()], monthsEN[pub.Month()-1]
	switch g.intn(4) {
	case 0:
		return wd + ", " + m + " " + d + ", " + y
	case 1:
		return "By " + s["p0"] + " | " + s["site"] + " | " + m + " " + d + ", " + y
	case 2:
		return "Published " + d + " " + m + " " + y + ", " + clock + " GMT"
	default:
		ap := "a.m."
		if hh >= 12 {
			ap = "p.m."
		}
		h12 := hh % 12
		if h12 == 0 {
			h12 = 12
		}
		return m + " " + d + ", " + y + " " + strconv.Itoa(h12) + ":" + twoDigits(mm) + " " + ap
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// furniture is a line between paragraphs that is not reporting: links to
// other stories (with figures and dates of their own) and advertisements.
// crosscheck must skip them.
func (g *gen) furniture(lang string, t time.Time) string {
	n := strconv.Itoa(g.between(2, 90))
	if lang == Indonesian {
		switch g.intn(3) {
		case 0:
			return "Baca juga: " + g.otherHeadline(lang)
		case 1:
			return "Baca juga: " + n + " Orang Tewas dalam Kecelakaan Bus di " + g.name() + " pada " + strconv.Itoa(t.Year()-1)
		default:
			return "Simak juga: " + g.otherHeadline(lang)
		}
	}
	switch g.intn(3) {
	case 0:
		return "Read more: " + g.otherHeadline(lang)
	case 1:
		return "Read more: " + n + " killed as bus plunges into ravine near " + g.name() + " in " + strconv.Itoa(t.Year()-1)
	default:
		return "Advertisement"
	}
}

func (g *gen) otherHeadline(lang string) string {
	k := kinds[g.intn(len(kinds))]
	s := map[string]string{"place": g.name(), "region": g.name(), "city": g.name(), "org": g.name(), "pact": g.name(),
		"A": g.name() + " Group", "B": g.name() + " Foods", "cand": g.name(), "c1": countries[g.intn(len(countries))].en}
	if lang == Indonesian {
		return fill(g.pick(k.headID), s)
	}
	return fill(g.pick(k.headEN), s)
}

// reheader makes the syndicated copy of an article: the same report under
// another site's name, with a credit line, as a partner site runs it.
func (g *gen) reheader(orig Article, site string) string {
	t := strings.ReplaceAll(orig.Text, orig.Site, site)
	if orig.Lang == Indonesian {
		return t + "\nArtikel ini pertama kali tayang di " + orig.Site + ".\n"
	}
	return t + "\nThis article first appeared on " + orig.Site + ".\n"
}
