package input

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzMembers(f *testing.F) {
	for _, s := range []string{"1400000", "1,400,000", "140万", "140 万", "1.4M", "0.014亿", "１４０万", "-5",
		"1e999", "9223372036854775807", ".5万", "1.4e6", "140万人", "1,40", "NaN", "一百四十", "0.00000001亿",
		"1 400 000", "1\u00a0400\u00a0000", "约140万", "140余万", "140多万", "1.21E+06", "—", "暂无", "N/A", "10000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, exp := range []int{0, 4, 8} { // 人, 万人, 亿人 columns
			if v, form, err := readMembers(s, exp); err == nil && (v < 0 || v > maxMembers || form != formPlain && form != formScientific) {
				t.Fatalf("readMembers(%q, %d) = %d, %v", s, exp, v, form)
			}
		}
		if notReported(trim(s)) {
			return
		}
		v, err := ParseMembers(s)
		if err != nil {
			return
		}
		if v < 0 || v > maxMembers {
			t.Fatalf("ParseMembers(%q) = %d out of range", s, v)
		}
		if back, err := ParseMembers(strconv.FormatInt(v, 10)); err != nil || back != v {
			t.Fatalf("round trip of %q: %d → %d, %v", s, v, back, err)
		}
	})
}

func FuzzPeriod(f *testing.F) {
	for _, s := range []string{"2019", "2019-05", "2019-05-17", "2019年", "2019年5月", "2019年5月17日", "2019/5/7",
		"２０１９年５月", "2019-02-29", "2019-13", "2019年度", "0000", "2019Q2", "2019-Q2", "2019年第二季度", "2019年二季度",
		"2019年2季度", "201905", "20190517", "2019-05-17 00:00:00", "2019/5/17 0:00", "2019-05-17T00:00:00", "43602", "2019-05-17 08:30",
		"2019H1", "2019-H2", "2019年上半年", "2019年下半年", "2019年末", "2019年底", "二〇一九年五月", "二零一九年五月",
		"二〇一九年五月十七日", "二〇一九年", "二〇一九年十二月三十一日", "2019H3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.Year < 1 || p.Year > 9999 || p.Month < 0 || p.Month > 12 || p.Day < 0 || p.Day > 31 || (p.Month == 0 && p.Day != 0) ||
			p.Quarter < 0 || p.Quarter > 4 || (p.Quarter != 0 && p.Month != 0) ||
			p.Half < 0 || p.Half > 2 || (p.Half != 0 && (p.Quarter != 0 || p.Month != 0)) {
			t.Fatalf("ParsePeriod(%q) = %+v out of range", s, p)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Fatalf("round trip of %q: %v → %v, %v", s, p, back, err)
		}
	})
}

func FuzzBatch(f *testing.F) {
	for _, s := range []string{"", "2", "第二批", "第十二批", "二", "十二", "第3批", "第一百零五批", "0", "第零批", "第X批"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseBatch(s)
		if err != nil {
			return
		}
		if n < 0 || n > maxBatch {
			t.Fatalf("ParseBatch(%q) = %d out of range", s, n)
		}
		if n == 0 {
			return
		}
		if back, err := ParseBatch(strconv.Itoa(n)); err != nil || back != n {
			t.Fatalf("round trip of %q: %d → %d, %v", s, n, back, err)
		}
	})
}

// FuzzLoad puts arbitrary bytes in one of the files of a valid folder:
// Load must never panic, and must return either Errors whose entries name
// a file or a dataset that keeps its invariants.
func FuzzLoad(f *testing.F) {
	files := []string{"cities.csv", "bases.csv", "figures.csv", "briefing.toml"}
	for _, dir := range []string{"english", "chinese", "mixed", "gbk"} {
		for i, name := range files {
			if b, err := os.ReadFile(filepath.Join("testdata", dir, name)); err == nil {
				f.Add(b, uint8(i))
			}
		}
	}
	f.Add([]byte(figHeader+"四川,成都,2019,\"130万\n"), uint8(2))
	f.Add([]byte("\xEF\xBB\xBF"+figHeader+"四川,,2019-02-30,1,\n"), uint8(2))
	for _, b := range []string{ // the layouts of office sheets
		"省份,城市,2017年,2018年,2019年上半年\n四川,成都,1,2,3\n合计,,1,2,3\n",
		"省份,城市,人数（万人）,\n,,2018年,2019年\n四川,成都,120,130\n",
		"省份,城市,年份,月份,人数\n四川,成都,2019,5,1\n",
		"省份,城市,时期,人数\n合　计,,2019,2\n四川,小计,2019,1\n四川,成都,2019,1\n注：估算\n填表人：张三\n",
		"省份,城市,时期,人数,\n四川,全省,2019,140万名,数据待核实\n",
	} {
		f.Add([]byte(b), uint8(2))
	}
	f.Add([]byte("\x00\x01\x02"), uint8(0))
	f.Add([]byte("title = \"x\"\n[[stated]]\nvalue = nan\n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		fsys := dataFS(nil)
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		d, err := Load(fsys, Options{MaxErrors: 20})
		// Parsing beside validation, as for large files, changes nothing.
		if d2, err2 := load(context.Background(), fsys, Options{MaxErrors: 20}, true); !reflect.DeepEqual(d, d2) || !reflect.DeepEqual(err, err2) {
			t.Fatalf("one goroutine and two differ:\n%v\n%v\n%v\n---\n%v", d, d2, err, err2)
		}
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || len(es) > 20+len(files) {
				t.Fatalf("error %T with %d entries: %v", err, len(es), err)
			}
			for _, e := range es {
				if e.File == "" {
					t.Fatalf("error without a file: %q", e.Error())
				}
			}
			return
		}
		if !d.Previous.IsZero() && d.Previous.Kind() != d.Period.Kind() {
			t.Fatalf("period %v compared with %v, of another kind", d.Period, d.Previous)
		}
		for i := 1; i < len(d.Periods); i++ {
			if !d.Periods[i-1].Less(d.Periods[i]) {
				t.Fatalf("periods not ascending: %v", d.Periods)
			}
		}
		for _, fig := range d.Figures {
			if fig.Period != d.Period && fig.Period != d.Previous {
				t.Fatalf("kept figure of period %v, compared %v previous %v", fig.Period, d.Period, d.Previous)
			}
			if fig.Members < 0 || fig.Province == "" {
				t.Fatalf("bad figure %+v", fig)
			}
		}
		if len(d.Files) < 3 {
			t.Fatalf("files = %+v", d.Files)
		}
	})
}

// FuzzLayout builds figures.csv as an office saves it — optional title and
// unit lines above a header of known and unknown names, totals and marker
// rows among the records — from fuzzed cells: Load must never panic, and
// a bare count in a 万人 column reads as ten thousand people each.
func FuzzLayout(f *testing.F) {
	f.Add("2019年统计表", "单位：万人", "城市名称", "130", "2019年12月", "合计", uint8(3))
	f.Add("", "单位:人", "地市", "1.21E+06", "2019Q2", "—", uint8(0))
	f.Add("title", "", "城市名", "约140万", "43602", "小计", uint8(7))
	f.Add("", "单位：个", "市州", "1 400 000", "2019/12/1", "暂无", uint8(1))
	f.Fuzz(func(t *testing.T, title, unit, cityHeader, members, period, marker string, shape uint8) {
		var b strings.Builder
		w := csv.NewWriter(&b)
		if shape&1 != 0 {
			w.Write([]string{title, "", "", ""})
		}
		if shape&2 != 0 {
			w.Write([]string{unit, "", "", ""})
		}
		w.Write([]string{"省份", cityHeader, "时期", "人数"})
		w.Write([]string{"四川", "成都", period, members})
		w.Write([]string{"四川", "绵阳", period, marker})
		if shape&4 != 0 {
			w.Write([]string{marker, "", "", members})
		}
		w.Flush()
		fsys := dataFS(map[string]string{"figures.csv": b.String()})
		d, err := Load(fsys, Options{})
		if d2, err2 := load(context.Background(), fsys, Options{}, true); !reflect.DeepEqual(d, d2) || !reflect.DeepEqual(err, err2) {
			t.Fatalf("one goroutine and two differ:\n%v\n%v", err, err2)
		}
		if err != nil {
			return
		}
		n, perr := strconv.ParseInt(members, 10, 64)
		if perr != nil || shape&2 == 0 || trim(unit) != "单位：万人" || headerKey(cityHeader) != "城市名称" {
			return
		}
		for _, fig := range d.Figures {
			if fig.City == "成都" && fig.Members != n*10_000 {
				t.Fatalf("%q in 万人 read as %d", members, fig.Members)
			}
		}
	})
}
