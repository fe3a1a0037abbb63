package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/output"
)

func TestRunSlices(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	out := filepath.Join(t.TempDir(), "packet")
	code, _, stderr := runArgs(t, "run", "--out", out, "--slices", "province")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m, err := output.Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		listed[f.Path] = true
	}
	for _, p := range []string{"重庆", "四川", "贵州", "云南", "西藏", "甘肃", "青海", "宁夏", "新疆"} {
		for _, f := range []string{"briefing.pdf", "briefing.docx", "workbook.xlsx", "summary.json"} {
			if !listed["slices/"+p+"/"+f] {
				t.Errorf("manifest lacks slices/%s/%s", p, f)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "slices", "四川", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Totals    struct{ Cities, Provinces, Members int }
		Narrative []struct{ Text string }
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Totals.Cities != 2 || s.Totals.Provinces != 1 || s.Totals.Members != 1300000 {
		t.Errorf("四川's totals %+v", s.Totals)
	}
	// The slice's one region row holds 四川 alone: the text names 四川, never
	// 西部地区 for 四川's figures.
	text := ""
	for _, p := range s.Narrative {
		text += p.Text
	}
	if !strings.Contains(text, "四川2个城市中有1个报送新的社会阶层人士人数，合计130万") || strings.Contains(text, "西部地区") {
		t.Errorf("narrative:\n%s", text)
	}
	if code, _, stderr := runArgs(t, "run", "--out", out, "--slices", "city"); code != exitUsage || !strings.Contains(stderr, "expected province or region") {
		t.Errorf("--slices city: exit %d %s", code, stderr)
	}
}

// sliceKey lets delivery.toml write a slice as people write the place:
// every form of a province and its code meet; a city, a city's code or an
// unknown name meet no province.
func TestSliceKey(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"四川", "四川省", true},
		{"四川", "51", true},
		{"四川省", "510000", true},
		{"四川", "510000000000", true},
		{"西藏", "西藏自治区", true},
		{"内蒙古", "内蒙", true},
		{"广西", "广西壮族自治区", true},
		{"西部", "西部地区", true},
		{"东部片区", "东部", true},
		{"四川", "四州", false},
		{"四川", "成都", false},
		{"四川", "510100", false},
		{"四川", "52", false},
		{"四川", "99", false},
		{"西部", "东部地区", false},
	} {
		if got := sliceKey(tc.a) == sliceKey(tc.b); got != tc.same {
			t.Errorf("%s and %s meet: %v, want %v (keys %q, %q)", tc.a, tc.b, got, tc.same, sliceKey(tc.a), sliceKey(tc.b))
		}
	}
	if got := officialSlices([]string{"云南", "西部地区", "四川", "重庆"}); strings.Join(got, " ") != "重庆 四川 云南 西部地区" {
		t.Errorf("official order %v", got)
	}
}
