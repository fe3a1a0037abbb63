package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookCachedValues opens the national packet's workbook as a
// reader that does not recalculate does (openpyxl, pandas, a file
// preview): excelize's GetCellValue reads the cached <v> of a formula and
// computes nothing. Every figure of the region, province and city sheets
// must equal summary.json's, nulls as empty cells.
func TestWorkbookCachedValues(t *testing.T) {
	c := nationalComparison(t, 300)
	files, _, err := Packet(c, Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var xlsx, summ []byte
	for _, f := range files {
		switch f.Path {
		case "workbook.xlsx":
			xlsx = f.Data
		case "summary.json":
			summ = f.Data
		}
	}
	var s struct {
		Totals    map[string]any   `json:"totals"`
		Regions   []map[string]any `json:"regions"`
		Provinces []map[string]any `json:"provinces"`
		Cities    []map[string]any `json:"cities"`
	}
	if err := json.Unmarshal(summ, &s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comparable := map[string]string{"可比本期人数": "comparable_members", "可比上期人数": "comparable_previous",
		"环比增减": "change", "环比增减率": "change_ratio", "环比可比城市数": "comparable_cities"}
	counts := map[string]string{"人数": "members", "城市数": "cities", "试点城市": "pilot_cities", "推广城市": "promotion_cities",
		"基地数": "bases", "重点项目数": "key_projects", "报送人数的城市": "reporting_cities"}
	with := func(a, b map[string]string) map[string]string {
		out := map[string]string{}
		for _, m := range []map[string]string{a, b} {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}
	checked := 0
	sheet := func(sheetName string, rows []map[string]any, key string, fields map[string]string) {
		t.Helper()
		all, err := f.GetRows(sheetName, excelize.Options{RawCellValue: true})
		if err != nil || len(all) < 2 {
			t.Fatalf("read %s: %v", sheetName, err)
		}
		col := map[string]int{}
		for j, h := range all[0] {
			col[h] = j
		}
		byName := map[string][]string{}
		for _, r := range all[1:] {
			if len(r) > 0 && key == "city" {
				byName[r[0]+"/"+cell(r, col["省区市"])] = r
			} else if len(r) > 0 {
				byName[r[0]] = r
			}
		}
		for _, want := range rows {
			name := want[key].(string)
			if key == "city" {
				name += "/" + want["province"].(string)
			}
			got, ok := byName[name]
			if !ok {
				t.Errorf("%s: no row for %s", sheetName, name)
				continue
			}
			for head, field := range fields {
				j, ok := col[head]
				if !ok {
					t.Errorf("%s: no column %s", sheetName, head)
					continue
				}
				if msg := agree(cell(got, j), want[field]); msg != "" {
					t.Errorf("%s %s %s (%s): %s", sheetName, name, head, field, msg)
				}
				checked++
			}
		}
	}
	sheet("片区", s.Regions, "region", with(counts, comparable))
	sheet("省份", s.Provinces, "province", with(with(counts, comparable), map[string]string{"占片区比重": "share_of_region", "片区内排名": "rank_in_region"}))
	sheet("城市", s.Cities, "city", map[string]string{"人数": "members", "上期人数": "previous_members", "环比增减": "change",
		"环比增减率": "change_ratio", "占片区比重": "share_of_region", "片区内排名": "rank_in_region", "基地数": "bases"})
	// The totals rows of the region and province sheets.
	for _, name := range []string{"片区", "省份"} {
		all, _ := f.GetRows(name, excelize.Options{RawCellValue: true})
		last := all[len(all)-1]
		for j, h := range all[0] {
			if field, ok := with(counts, comparable)[h]; ok {
				if msg := agree(cell(last, j), s.Totals[field]); msg != "" {
					t.Errorf("%s totals %s (%s): %s", name, h, field, msg)
				}
				checked++
			}
		}
	}
	if checked < 2500 {
		t.Errorf("only %d cells checked", checked)
	}
}

func cell(r []string, j int) string {
	if j < len(r) {
		return r[j]
	}
	return ""
}

// agree compares a cell's cached text with a summary.json value; "" when
// they agree.
func agree(got string, want any) string {
	if want == nil {
		if got != "" {
			return "got " + strconv.Quote(got) + ", want empty (null)"
		}
		return ""
	}
	w, ok := want.(float64)
	if !ok {
		return "summary value " + strconv.Quote(got) + " is not a number"
	}
	v, err := strconv.ParseFloat(got, 64)
	if err != nil {
		return "got " + strconv.Quote(got) + ", want " + strconv.FormatFloat(w, 'g', -1, 64)
	}
	if math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
		return "got " + got + ", want " + strconv.FormatFloat(w, 'g', -1, 64)
	}
	return ""
}
