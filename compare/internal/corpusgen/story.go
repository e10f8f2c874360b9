package corpusgen

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Story dates are spread over twenty years so that, even at 100k articles,
// only a few stories fall within the ten days crosscheck uses to group
// articles, as on a real wire over time.
var (
	epoch     = time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	epochDays = 20 * 365
)

// world is one story's ground truth.
type world struct {
	id        int
	k         *kind
	event     time.Time // the event (meeting: its first day)
	end       time.Time // the meeting's last day; the event day otherwise
	vals      map[string]float64
	slots     map[string]string // language-independent slots
	slotsEN   map[string]string
	slotsID   map[string]string
	c1, c2    country
	nArticles int
}

// article is one article being written.
type article struct {
	lang   string
	pub    time.Time
	vals   map[string]float64
	event  time.Time
	odd    bool
	wrong  bool // carries the weekday-mismatch sentence
	update bool // published a day later with a higher toll
	traps  bool
}

func (g *gen) story(c *Corpus, id, room int) {
	k := kinds[g.intn(len(kinds))]
	w := &world{id: id, k: k, vals: map[string]float64{}, slots: map[string]string{}}
	w.event = epoch.AddDate(0, 0, g.intn(g.days))
	w.end = w.event
	w.nArticles = g.between(3, 6)
	if w.nArticles > room {
		w.nArticles = room
	}
	g.plan(w)

	arts := make([]*article, w.nArticles)
	for i := range arts {
		a := &article{lang: g.lang, vals: w.vals, event: w.event, pub: w.end.AddDate(0, 0, g.intn(2))}
		if g.lang == Mixed {
			a.lang = English
			if g.chance(0.45) {
				a.lang = Indonesian
			}
		}
		a.traps = g.chance(0.5)
		arts[i] = a
	}
	// Only stories of at least three articles get an injection, so the odd
	// article always faces two independent ones.
	var inj *Discrepancy
	oddIdx := -1
	if w.nArticles >= 3 && g.chance(0.6) {
		f := k.facts[g.intn(len(k.facts))]
		oddIdx = g.intn(w.nArticles)
		a := arts[oddIdx]
		a.odd = true
		a.vals = copyVals(w.vals)
		want, got := g.inject(w, a, f.key)
		if f.key == "killed" || f.key == "displaced" {
			// Growing figures: a higher one in a later article is an
			// update, so the injected one appears the same day as the rest.
			for _, o := range arts {
				o.pub = w.end
			}
		}
		inj = &Discrepancy{Story: id, Kind: "conflict", Attribute: f.attr, Want: want, Got: got}
	}
	// A growing toll: the last article, a day later, has a higher figure.
	// Never combined with an injected toll, whose truth would then be moot.
	updIdx := -1
	if k.hasToll && w.nArticles >= 3 && (inj == nil || inj.Attribute != "casualties.killed") && g.chance(0.3) {
		updIdx = w.nArticles - 1
		if updIdx == oddIdx {
			updIdx--
		}
		a := arts[updIdx]
		a.update = true
		if !a.odd {
			a.vals = copyVals(w.vals)
		}
		a.vals["killed"] = w.vals["killed"] + float64(g.between(2, 40))
		a.pub = w.end.AddDate(0, 0, 2)
		// Every other article from one day, so the rise reads as an update.
		for _, o := range arts {
			if o != a {
				o.pub = w.end
			}
		}
	}
	// An article whose weekday does not match its date.
	wrongIdx := -1
	if k.wrongEN != "" && g.chance(0.1) {
		wrongIdx = g.intn(w.nArticles)
		arts[wrongIdx].wrong = true
	}
	// A syndicated copy: the last article repeats the first on another site.
	copyLast := w.nArticles >= 4 && g.chance(0.2)

	base := len(c.Articles)
	for i, a := range arts {
		if copyLast && i == w.nArticles-1 && oddIdx != i && updIdx != i && oddIdx != 0 {
			orig := c.Articles[base]
			cp := orig
			cp.ID = storyID(id, i)
			cp.CopyOf = orig.ID
			cp.Site = g.site(orig.Lang)
			cp.Text = g.reheader(orig, cp.Site)
			c.Articles = append(c.Articles, cp)
			c.Traps = append(c.Traps, Trap{Story: id, Kind: "syndicated", Docs: []string{orig.ID, cp.ID}})
			continue
		}
		c.Articles = append(c.Articles, g.write(w, a, i))
	}
	if inj != nil {
		inj.Odd = storyID(id, oddIdx)
		for i := range arts {
			if i != oddIdx && i != updIdx && !(copyLast && i == w.nArticles-1) {
				inj.Others = append(inj.Others, storyID(id, i))
			}
		}
		c.Discrepancies = append(c.Discrepancies, *inj)
	}
	if wrongIdx >= 0 && c.Articles[base+wrongIdx].CopyOf == "" {
		c.Discrepancies = append(c.Discrepancies, Discrepancy{Story: id, Kind: "weekday-mismatch", Attribute: k.dateAttr,
			Odd: storyID(id, wrongIdx), Want: w.event.Weekday().String(), Got: arts[wrongIdx].event.AddDate(0, 0, 1).Weekday().String()})
	}
	if updIdx >= 0 {
		c.Traps = append(c.Traps, Trap{Story: id, Kind: "update", Attribute: "casualties.killed", Docs: []string{storyID(id, updIdx)}})
	}
	sortDiscrepancies(c.Discrepancies)
}

// plan draws the story's figures and names.
func (g *gen) plan(w *world) {
	v := w.vals
	s := w.slots
	s["place"] = g.name()
	s["region"] = g.name()
	s["city"] = g.name()
	s["org"] = g.name()
	s["pact"] = g.name()
	s["A"] = g.name() + " " + g.pick([]string{"Holdings", "Group", "Industries", "Energy", "Bank", "Telecom"})
	s["B"] = g.name() + " " + g.pick([]string{"Logistics", "Foods", "Minerals", "Media", "Airways", "Pharma"})
	s["prevyear"] = strconv.Itoa(w.event.Year() - g.between(3, 15))
	s["syear"] = strconv.Itoa(w.event.Year() - g.between(1, 3))
	w.slotsEN = map[string]string{}
	w.slotsID = map[string]string{}
	for i := 0; i < 4; i++ {
		sur := g.name()
		w.slotsEN["p"+strconv.Itoa(i)] = g.pick(firstEN) + " " + sur
		w.slotsID["p"+strconv.Itoa(i)] = g.pick(firstID) + " " + sur
		r := g.intn(len(rolesEN))
		w.slotsEN["r"+strconv.Itoa(i)] = rolesEN[r]
		w.slotsID["r"+strconv.Itoa(i)] = rolesID[r]
	}
	cand, cand2 := g.name(), g.name()
	w.slotsEN["cand"] = g.pick(firstEN) + " " + cand
	w.slotsEN["cand2"] = g.pick(firstEN) + " " + cand2
	w.slotsID["cand"] = g.pick(firstID) + " " + cand
	w.slotsID["cand2"] = g.pick(firstID) + " " + cand2

	switch w.k.name {
	case "quake":
		v["mag"] = float64(g.between(50, 78)) / 10
		v["killed"] = float64(g.between(3, 400))
		v["injured"] = v["killed"]*float64(g.between(2, 6)) + float64(g.between(1, 9))
		v["depth"] = float64(g.between(5, 70))
		v["displaced"] = float64(g.between(1200, 48000))
	case "flood":
		v["killed"] = float64(g.between(2, 150))
		v["displaced"] = float64(g.between(800, 60000))
	case "meeting":
		v["days"] = float64(g.between(3, 6))
		v["delegates"] = float64(g.between(120, 2400))
		w.end = w.event.AddDate(0, 0, int(v["days"])-1)
	case "summit":
		i := g.r.Perm(len(countries))
		w.c1, w.c2 = countries[i[0]], countries[i[1]]
		if w.c1.id > w.c2.id {
			w.c1, w.c2 = w.c2, w.c1
		}
		key := w.c1.id + "+" + w.c2.id
		y, ok := g.pactYear[key]
		if !ok {
			y = g.between(1965, 2004)
			g.pactYear[key] = y
		}
		v["pyear"] = float64(y)
	case "election":
		v["share"] = float64(g.between(405, 720)) / 10
		v["turnout"] = float64(g.between(480, 860)) / 10
	case "missile":
		w.c1 = countries[[]int{0, 3, 9}[g.intn(3)]] // states that test missiles in the news
		v["range"] = float64(g.between(180, 1500))
		v["ntests"] = float64(g.between(3, 30))
	case "deal":
		v["value"] = float64(g.between(12, 480)) / 10
		v["stake"] = float64(g.between(20, 100))
	}
}

// inject changes one fact in an article so that it cannot be reconciled
// with the story's value, and returns both values in canonical form.
func (g *gen) inject(w *world, a *article, key string) (want, got string) {
	v := a.vals
	old := v[key]
	switch key {
	case "mag":
		v[key] = math.Round((old+sign(g)*float64(g.between(4, 9))/10)*10) / 10
	case "killed", "displaced", "delegates", "range", "ntests":
		// At least a third more or less, and away from round-number padding.
		d := math.Max(3, math.Round(old*float64(g.between(35, 80))/100))
		if g.chance(0.5) && old-d >= 1 {
			d = -d
		}
		v[key] = old + d
		if key == "displaced" || key == "delegates" || key == "range" {
			v[key] = old + d + 7 // not a multiple of ten: no rounding pad hides it
		}
	case "days":
		d := float64(g.between(1, 2))
		if old-d < 2 {
			v[key] = old + d
		} else {
			v[key] = old - d
		}
	case "pyear":
		v[key] = old + sign(g)*float64(g.between(1, 4))
	case "share", "turnout":
		v[key] = math.Round((old+sign(g)*float64(g.between(30, 90))/10)*10) / 10
	case "value":
		v[key] = math.Round(old*float64(g.between(140, 190))) / 100
	case "stake":
		if old > 60 {
			v[key] = old - float64(g.between(11, 19))
		} else {
			v[key] = old + float64(g.between(11, 19))
		}
	case "edate":
		// Earlier, never later: an article cannot report an event after
		// its own publication date.
		a.event = w.event.AddDate(0, 0, -g.between(1, 3))
		return w.event.Format("2006-01-02"), a.event.Format("2006-01-02")
	}
	return canon(key, old), canon(key, v[key])
}

func sign(g *gen) float64 {
	if g.chance(0.5) {
		return -1
	}
	return 1
}

func canon(key string, v float64) string {
	switch key {
	case "mag", "share", "turnout", "value":
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.Itoa(int(v))
}

func copyVals(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// slots fills everything a template of this article may ask for.
func (g *gen) slots(w *world, a *article) map[string]string {
	s := map[string]string{}
	for k, v := range w.slots {
		s[k] = v
	}
	per := w.slotsEN
	if a.lang == Indonesian {
		per = w.slotsID
	}
	for k, v := range per {
		s[k] = v
	}
	lang := a.lang
	v := a.vals
	num := func(key string) string { return intText(int(v[key]), lang) }
	s["mag"] = decText(v["mag"], lang)
	s["killed"] = num("killed")
	if lang == English && v["killed"] <= 10 && g.chance(0.5) {
		s["killed"] = numWordsEN[int(v["killed"])]
	}
	s["injured"] = num("injured")
	s["depth"] = num("depth")
	s["displaced"] = num("displaced")
	s["days"] = num("days")
	if int(v["days"]) < len(numWordsEN) {
		s["daysw"] = numWordsEN[int(v["days"])]
	}
	s["delegates"] = num("delegates")
	s["pyear"] = strconv.Itoa(int(v["pyear"]))
	s["share"] = decText(v["share"], lang)
	s["turnout"] = decText(v["turnout"], lang)
	s["range"] = num("range")
	s["ntests"] = num("ntests")
	s["value"] = decText(v["value"], lang)
	s["stake"] = num("stake")
	// Trap values: a lower bound below the truth, rounded figures.
	// From the article's own values: an article whose trap restated the
	// story's value beside its injected one would contradict itself.
	s["killedLo"] = intText(int(v["killed"]*0.7), lang)
	s["displacedR"] = intText(roundTo(v["displaced"], 100), lang)
	s["delegatesR"] = intText(roundTo(v["delegates"], 10), lang)
	s["rangeR"] = intText(roundTo(v["range"], 10), lang)
	s["aStake"] = "a " + s["stake"]
	if st := int(v["stake"]); st == 8 || st == 11 || st == 18 || st/10 == 8 {
		s["aStake"] = "an " + s["stake"]
	}
	if lang == English {
		s["c1"], s["c2"] = w.c1.en, w.c2.en
	} else {
		s["c1"], s["c2"] = w.c1.id2, w.c2.id2
	}
	if strings.HasPrefix(s["c1"], "the ") {
		s["c1"] = "The" + s["c1"][3:] // only ever opens a sentence
	}
	end := w.end
	if a.event != w.event {
		end = a.event.AddDate(0, 0, int(w.end.Sub(w.event).Hours()/24))
	}
	dateSlots(s, "e", a.event, lang)
	dateSlots(s, "n", end, lang)
	if end.Month() == a.event.Month() {
		if lang == English {
			s["span"] = s["emd"] + " to " + s["nd"]
		} else {
			s["span"] = s["ed"] + " hingga " + s["ndm"]
		}
	} else if lang == English {
		s["span"] = s["emd"] + " to " + s["nmd"]
	} else {
		s["span"] = s["edm"] + " hingga " + s["ndm"]
	}
	s["xwd"] = weekdayName(a.event.AddDate(0, 0, 1).Weekday(), lang)
	s["site"] = ""
	return s
}

func weekdayName(d time.Weekday, lang string) string {
	if lang == Indonesian {
		return weekdaysID[d]
	}
	return weekdaysEN[d]
}

func roundTo(v float64, unit int) int { return int(math.Round(v/float64(unit))) * unit }
