package input

import (
	"testing"
)

// TestUnitFixtures loads testdata/units: the members' unit written every
// way analysts write it sets the column's unit, a figure read in the wrong
// unit is refused naming the likely mistake, and a unit that is not one of
// people is refused naming it.
func TestUnitFixtures(t *testing.T) {
	const unitNote = "figures.csv:1: members read in 万人: 140 is 1,400,000"
	cases := []struct {
		dir     string
		members map[string]int64 // 2019 figures by city
		note    string           // the members_unit notice
		err     string
	}{
		{dir: "header-cell", note: unitNote}, // 单位：万人 as a cell of the header row
		{dir: "bracket-statement", note: unitNote},
		{dir: "slash", note: unitNote},
		{dir: "wan", note: "figures.csv:1: members read in 万: 140 is 1,400,000"},
		{dir: "wanren-fraction", note: unitNote},
		{dir: "unit-line", note: "figures.csv:2: members read in 万人: 140 is 1,400,000"},
		{dir: "fraction-in-persons", err: `figures.csv:3:4: members "20.5" is not a whole number of people, expected a count of persons: is the column in 万人 (20.5万 is 205,000 people)? Then say so in the header, 人数（万人）, or on a unit line above it, 单位：万人`},
		{dir: "wan-over-persons", err: `figures.csv:2:4: members "1300000" is more than 10,000,000,000 people in the column's unit (×10,000), expected a count of members: are the figures in persons? Then drop the unit from the header (人数)
figures.csv:3:4: members of 绵阳 read as 2,050,000,000 people, more than any city holds (100,000,000), expected a city's count: the unit 万人 given on figures.csv:1 multiplies every number by 10,000 — are the figures in persons? Then drop the unit (header 人数)
figures.csv:4:4: members of 武汉 read as 9,000,000,000 people, more than any city holds (100,000,000), expected a city's count: the unit 万人 given on figures.csv:1 multiplies every number by 10,000 — are the figures in persons? Then drop the unit (header 人数)`},
		{dir: "total-over", err: `figures.csv: members add up to more than the population of China (1,412,600,000) in 1 period (2019: 1,607,800,000), expected totals of members: the largest figure of 2019 is 县39's, 40,390,000 (figures.csv:41); the unit 万人 given on figures.csv:1 multiplies every number by 10,000 — are the figures in persons? Then drop the unit (header 人数)`},
		{dir: "not-people", err: `figures.csv:1:4: unit "万户" is not a count of people, expected the members in 人, 万人 or 亿人 (单位：万人 means 140 is 1,400,000)`},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			d, err := LoadDir("testdata/units/"+c.dir, Options{})
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Errorf("error\n got %v\nwant %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int64{}
			for _, f := range d.Figures {
				got[f.City] = f.Members
			}
			want := map[string]int64{"成都": 1_300_000, "绵阳": 205_000, "武汉": 900_000}
			if len(got) != len(want) || got["成都"] != want["成都"] || got["绵阳"] != want["绵阳"] || got["武汉"] != want["武汉"] {
				t.Errorf("members %v, want %v", got, want)
			}
			if n := noticeOf(d, codeUnit); n.En != c.note {
				t.Errorf("unit notice %q, want %q", n.En, c.note)
			}
		})
	}
}

// TestMissingMembersKeepsUnit: the rename a message advises keeps the unit
// the header states, never 人数 alone (which would read 130 as 130 people).
func TestMissingMembersKeepsUnit(t *testing.T) {
	errs := loadErrors(t, dataFS(map[string]string{"figures.csv": "省份,城市,时期,人员数（万人）\n四川,成都,2019,130\n"}))
	want := `figures.csv:1: missing column members (人数); the header read is "省份,城市,时期,人员数（万人）", expected a header naming it: is column 4 "人员数（万人）" meant to be members? Rename it 人数（万人）`
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("errors %q, want %q", errs, want)
	}
}
