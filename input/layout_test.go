package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
)

// loadFigures loads the base folder with figures.csv replaced.
func loadFigures(t *testing.T, figures string) (*analysis.Dataset, error) {
	t.Helper()
	return Load(dataFS(map[string]string{"figures.csv": figures}), Options{})
}

func TestHeaderAliasesAndUnits(t *testing.T) {
	tests := []struct {
		name, figures string
		want          []string // figureLines
		notice        string   // a warning expected among the notices, "" for none
	}{
		{"地市", "省份,地市,时期,人数\n四川,成都,2019,130万\n", []string{"2 2019 成都 1300000"}, ""},
		{"市州 and 统计时间", "所属省份,市州,统计时间,新的社会阶层人士数量\n四川,绵阳,2019年度,12000\n", []string{"2 2019 绵阳 12000"}, ""},
		{"full-width brackets and case", "PROVINCE , City,Period,人数（人）\n四川,成都,2019,1300000\n", []string{"2 2019 成都 1300000"}, ""},
		{"unit in the header", "省（区、市）,城市,年份,人数（万人）\n四川,成都,2019,130.5\n四川,绵阳,2019,12万\n", []string{"2 2019 成都 1305000", "3 2019 绵阳 120000"},
			"figures.csv:1: members read in 万人: 140 is 1,400,000"},
		{"unit half-width", "province,city,period,人数(万)\n四川,成都,2019,1.3\n", []string{"2 2019 成都 13000"}, "figures.csv:1: members read in 万: 140 is 1,400,000"},
		{"unit line beside a title", "2019年统计,,单位：万人,\n省份,城市,时期,人数\n四川,成都,2019,130\n", []string{"3 2019 成都 1300000"}, "figures.csv:1: members read in 万人: 140 is 1,400,000"},
		{"unit line of persons", "单位：人\n省份,城市,时期,人数\n四川,成都,2019,1300000\n", []string{"3 2019 成都 1300000"},
			`figures.csv: 1 row above the header (line 2) skipped: line 1 "单位：人"`},
		{"markers in a 万人 column", "单位：万人\n省份,城市,时期,人数\n四川,成都,2019,130\n四川,绵阳,2019,－\n重庆,重庆,2019,N/A\n", []string{"3 2019 成都 1300000"},
			"figures.csv: 2 rows have no members figure (empty, —, /, 暂无 or the like), read as not reported: lines 4, 5"},
		{"English total", "province,city,period,members\n四川,成都,2019,130万\n四川,Total,2019,130万\n", []string{"2 2019 成都 1300000"},
			"figures.csv: 1 totals row skipped, not read as records: line 3 (Total 1,300,000) equals the sum of its 1 row"},
		{"grand total closes the subtotals", "省份,城市,时期,人数\n四川,成都,2019,100\n四川,绵阳,2019,50\n四川省合计,,2019,150\n重庆,重庆,2019,70\n全国合计,,2019,220\n",
			[]string{"2 2019 成都 100", "3 2019 绵阳 50", "5 2019 重庆 70"},
			"figures.csv: 2 totals rows skipped, not read as records: line 4 (四川省合计 150) equals the sum of its 2 rows; line 6 (全国合计 220) equals the sum of its 3 rows"},
		{"totals row without a figure", "省份,城市,时期,人数\n四川,成都,2019,100\n合计,,,\n", []string{"2 2019 成都 100"},
			"figures.csv: 1 totals row skipped, not read as records: line 3 (合计)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := loadFigures(t, tt.figures)
			if err != nil {
				t.Fatal(err)
			}
			if got := figureLines(d.Figures); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("figures %q, want %q", got, tt.want)
			}
			if tt.notice != "" && !contains(d.Warnings(), tt.notice) {
				t.Errorf("warnings %q lack %q", d.Warnings(), tt.notice)
			}
		})
	}
}

func TestLayoutErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unit not of people in the header", map[string]string{"figures.csv": "省份,城市,时期,人数（%）\n四川,成都,2019,13\n"},
			[]string{`figures.csv:1:4: unit "%" is not a count of people, expected the members in 人, 万人 or 亿人 (单位：万人 means 140 is 1,400,000)`}},
		{"missing column suggests the closest header", map[string]string{"figures.csv": "省份,城市,时期,人员数\n四川,成都,2019,13\n"},
			[]string{`figures.csv:1: missing column members (人数); the header read is "省份,城市,时期,人员数", expected a header naming it: is column 4 "人员数" meant to be members? Rename it 人数`}},
		{"missing column below a title", map[string]string{"cities.csv": "名单\n城市,省份,地域\n成都,四川,西部\n"},
			[]string{`cities.csv:2: missing column region (片区); the header read is "城市,省份,地域", expected a header naming it: is column 3 "地域" meant to be region? Rename it 地区`}},
		{"cities with no rows", map[string]string{"cities.csv": "标题\ncity,province,region\n"},
			[]string{"cities.csv: has no rows below the header, expected one row per city in the programme (there is nothing to brief on without them)"}},
		{"header not among the first ten rows", map[string]string{"figures.csv": strings.Repeat("注\n", 10) + figHeader + "四川,成都,2019,1,\n"},
			[]string{`figures.csv:1: missing column province (省份); the header read is "注", expected a header naming it`,
				`figures.csv:1: missing column period (时期); the header read is "注", expected a header naming it`,
				`figures.csv:1: missing column members (人数); the header read is "注", expected a header naming it`}},
		{"one bad value on 500 rows is one message", map[string]string{"figures.csv": figHeader + manyRows("四川,成都,%d,一百四十,\n", 500)},
			[]string{`figures.csv:2:4: members "一百四十" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿; 500 rows like this: lines 2, 3, 4, 5, 6, …`}},
		{"sums that could overflow are refused", map[string]string{"figures.csv": figHeader + "四川,成都,2019,9223372036854775807,\n四川,绵阳,2019,9223372036854775807,\n"},
			[]string{`figures.csv:2:4: members "9223372036854775807" is more than 10,000,000,000 people (more than live on Earth), expected a count of members: check for a typo or a wrong unit; 2 rows like this: lines 2, 3`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(dataFS(tt.files), Options{})
			if err == nil {
				t.Fatal("loaded")
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// manyRows writes n rows of format, each of its own year.
func manyRows(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, 1000+i)
	}
	return b.String()
}

// TestErrorLimitShared gives each file its share of the messages: a file
// with few problems shows them all, the rest is split between the others.
func TestErrorLimitShared(t *testing.T) {
	c := newCollector(21)
	c.add(Error{File: "cities.csv", Line: 3, Column: 4, Msg: "tier bad"})
	for i := range 50 { // problems of 50 kinds (a column each) in each file
		c.add(Error{File: "bases.csv", Line: 2 + i, Column: 1 + i, Msg: "bad"})
		c.add(Error{File: "figures.csv", Line: 2 + i, Column: 1 + i, Msg: "bad"})
	}
	var es Errors
	errors.As(c.result(), &es)
	per := map[string]int{}
	var last []string
	for _, e := range es {
		if strings.HasPrefix(e.Msg, "... and") {
			last = append(last, e.Error())
			continue
		}
		per[e.File]++
	}
	if want := map[string]int{"cities.csv": 1, "bases.csv": 10, "figures.csv": 10}; !reflect.DeepEqual(per, want) {
		t.Errorf("messages per file %v, want %v", per, want)
	}
	want := []string{
		"bases.csv: ... and problems on 40 more rows, not listed (21 messages at most for a run)",
		"figures.csv: ... and problems on 40 more rows, not listed (21 messages at most for a run)",
	}
	if !reflect.DeepEqual(last, want) {
		t.Errorf("counts %q, want %q", last, want)
	}
}

func TestHeaderOnlyFigures(t *testing.T) {
	d, err := loadFigures(t, "省份,城市,时期,人数\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Periods) != 0 || !contains(d.Warnings(), "figures.csv has no rows: no members are reported") {
		t.Errorf("periods %v, warnings %q", d.Periods, d.Warnings())
	}
}

// TestDaysWithoutMonths keeps first-of-month days as days when the column
// holds no months: the rule for mixed columns does not apply.
func TestDaysWithoutMonths(t *testing.T) {
	d, err := loadFigures(t, figHeader+"四川,成都,2019/11/1,1,\n四川,成都,2019/12/1,2,\n四川,成都,2019/12/2,3,\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Period.String() != "2019-12-02" || d.Previous.String() != "2019-12-01" || len(d.Periods) != 3 {
		t.Errorf("period %v after %v of %v, want 2019-12-02 after 2019-12-01 of three days", d.Period, d.Previous, d.Periods)
	}
	for _, w := range d.Warnings() {
		if strings.Contains(w, "read as months") {
			t.Errorf("warning %q", w)
		}
	}
}

func TestTabSeparatedUTF8(t *testing.T) {
	d, err := loadFigures(t, "省份\t城市\t时期\t人数\n四川\t成都\t2019\t\"1,300,000\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := figureLines(d.Figures); !reflect.DeepEqual(got, []string{"2 2019 成都 1300000"}) {
		t.Errorf("figures %q", got)
	}
}

// TestLargeBriefing reads a valid briefing.toml over 64 KiB (a long
// foreword in a multi-line string holding quotes); past 1 MiB it is
// refused with a message about its size.
func TestLargeBriefing(t *testing.T) {
	foreword := strings.Repeat("会议强调，要\"做好\"新的社会阶层人士统战工作。\n", 2000)
	d, err := Load(dataFS(map[string]string{"briefing.toml": "title = \"简报\"\nforeword = '''\n" + foreword + "'''\n"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(foreword) < 64<<10 || d.Meta.Foreword != strings.TrimSpace(foreword) {
		t.Errorf("foreword of %d bytes read as %d", len(foreword), len(d.Meta.Foreword))
	}
	_, err = Load(dataFS(map[string]string{"briefing.toml": "foreword = '''\n" + strings.Repeat(foreword, 12) + "'''\n"}), Options{})
	want := "briefing.toml: file larger than 1024 KiB, expected a short TOML file (a masthead, a foreword and a few stated figures)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestNotRegularFiles refuses a FIFO (which would block the open), a
// folder and a device at once.
func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	for name, s := range base {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(filepath.Join(dir, "figures.csv"))
	if err := syscall.Mkfifo(filepath.Join(dir, "figures.csv"), 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	os.Remove(filepath.Join(dir, "bases.csv"))
	if err := os.Mkdir(filepath.Join(dir, "bases.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "briefing.toml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadDir(dir, Options{}); done <- err }()
	select {
	case err := <-done:
		want := "bases.csv: is a folder, expected a CSV file\nfigures.csv: is a named pipe (FIFO), expected a CSV file\nbriefing.toml: is a device, expected a TOML file"
		if err == nil || err.Error() != want {
			t.Errorf("error %v, want %s", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadDir blocked on a FIFO")
	}
}

// TestCancel stops a long load soon after the context is cancelled.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rows := &repeatReader{prefix: []byte(figHeader), b: []byte("四川,成都,2019,130万,\n"), n: 1 << 30}
	fsys := streamFS{"figures.csv": func() io.Reader { return rows }}
	done := make(chan error, 1)
	go func() { _, err := LoadContext(ctx, fsys, Options{}); done <- err }()
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("stopped %v after the cancel", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("load went on after the cancel")
	}
}
