package rules

import (
	"strings"
	"testing"
)

// TestTimexData covers the rule data the time expressions read: UTC offsets
// on participants, time zones and parts of the day in language files, and
// the pattern fields for fixed values, sets, vague durations and parts of
// the day. Each bad file must be rejected with its file name.
func TestTimexData(t *testing.T) {
	for _, tc := range []struct {
		name, file, want string // want: "" to load, else a piece of the error
	}{
		{"offsets", "participants:\n  - {id: iran, names: [Iran], utc_offsets: [3.5, 3.5]}\n", ""},
		{"offsets range", "participants:\n  - {id: indonesia, names: [Indonesia], utc_offsets: [7, 9]}\n", ""},
		{"offsets reversed", "participants:\n  - {id: x, names: [X], utc_offsets: [9, 7]}\n", "utc_offsets"},
		{"offsets one value", "participants:\n  - {id: x, names: [X], utc_offsets: [7]}\n", "utc_offsets"},
		{"offsets beyond 14", "participants:\n  - {id: x, names: [X], utc_offsets: [7, 15]}\n", "utc_offsets"},
		{"zones", langWith("time_zones: {wib: \"7\", ist: \"5.5\", \"local time\": local}\n"), ""},
		{"zone not a number", langWith("time_zones: {wib: seven}\n"), "time zone"},
		{"zone beyond 14", langWith("time_zones: {xx: \"15\"}\n"), "time zone"},
		{"parts of day", langWith("parts_of_day: {MO: [pagi], NI: [malam]}\n"), ""},
		{"unknown part of day", langWith("parts_of_day: {XX: [pagi]}\n"), "part of day"},
		{"value and set fields", langWith("relative:\n  - {id: now, match: \"now\", value: PRESENT_REF}\n  - {id: yearly, match: \"yearly\", set: true, value: P1Y}\n  - {id: few, match: \"few @dur_day\", vague: true}\ndurations: {day: [day, days]}\n"), ""},
		{"day part field", langWith("relative:\n  - {id: tonight, match: \"tonight\", shift: {unit: day, amount: 0}, day_part: NI}\n"), ""},
		{"unknown day part", langWith("relative:\n  - {id: tonight, match: \"tonight\", shift: {unit: day, amount: 0}, day_part: XX}\n"), "day_part"},
	} {
		// A participants file needs a language beside it.
		srcs := []source{{name: "f.yaml", data: []byte(tc.file)}}
		if strings.HasPrefix(tc.file, "participants") {
			srcs = append(srcs, source{name: "base.yaml", data: []byte(langWith(""))})
		}
		_, err := compile(srcs)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && err == nil:
			t.Errorf("%s: loaded, want an error about %q", tc.name, tc.want)
		case tc.want != "" && (!strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "f.yaml")):
			t.Errorf("%s: error %q, want it to name f.yaml and %q", tc.name, err, tc.want)
		}
	}
}

// TestBuiltinUTCOffsets: the built-in participants carry the offsets the
// clock-time intervals use, and the languages their zones.
func TestBuiltinUTCOffsets(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][2]float64{"indonesia": {7, 9}, "iran": {3.5, 3.5}, "iraq": {3, 3}, "france": {1, 2}, "united-states": {-10, -4}} {
		if got := s.UTCOffsets[id]; got != want {
			t.Errorf("%s: utc_offsets %v, want %v", id, got, want)
		}
	}
	for _, tc := range []struct {
		lang, zone string
		offset     float64
		local      bool
	}{{"id", "wib", 7, false}, {"id", "wita", 8, false}, {"id", "wit", 9, false}, {"id", "waktu setempat", 0, true}, {"en", "gmt", 0, false}, {"en", "local time", 0, true}, {"en", "est", -5, false}} {
		found := false
		for _, z := range s.Languages[tc.lang].Zones {
			if z.Name == tc.zone {
				found = true
				if z.Offset != tc.offset || z.Local != tc.local {
					t.Errorf("%s %s: %+v, want offset %v local %v", tc.lang, tc.zone, z, tc.offset, tc.local)
				}
			}
		}
		if !found {
			t.Errorf("%s: no zone %q", tc.lang, tc.zone)
		}
	}
}
