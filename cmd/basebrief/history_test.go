package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/output/history"
)

// monthData writes a data folder with four cities' monthly figures for
// 2019-09..2019-12; edit changes figures.csv's rows before writing
// (key "城市,2019-10" → new members, "" to drop the row).
func monthData(t *testing.T, dir string, edit map[string]string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("cities.csv", "city,province,region,tier\n成都市,四川省,西部,试点\n绵阳市,四川省,西部,推广\n重庆市,重庆市,西部,试点\n昆明市,云南省,西部,推广\n")
	write("bases.csv", "base,city,batch\n基地甲,成都市,第二批\n")
	var b strings.Builder
	b.WriteString("province,city,period,members\n")
	cities := [][2]string{{"四川省", "成都市"}, {"四川省", "绵阳市"}, {"重庆市", "重庆市"}, {"云南省", "昆明市"}}
	for m := 9; m <= 12; m++ {
		for i, c := range cities {
			key := fmt.Sprintf("%s,2019-%02d", c[1], m)
			n := fmt.Sprint((i+1)*100000 + m*1000)
			if v, ok := edit[key]; ok {
				if v == "" {
					continue
				}
				n = v
			}
			fmt.Fprintf(&b, "%s,%s,2019-%02d,%s\n", c[0], c[1], m, n)
		}
	}
	write("figures.csv", b.String())
	return dir
}

// summaryRevisions reads summary.json's revisions and notices.
func summaryRevisions(t *testing.T, out string) ([]map[string]any, []analysis.Notice) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Revisions []map[string]any `json:"revisions"`
		Notices   []struct{ Code, Zh, En string }
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Revisions == nil {
		t.Fatalf("summary.json has no revisions list:\n%s", b)
	}
	var ns []analysis.Notice
	for _, n := range s.Notices {
		ns = append(ns, analysis.Notice{Code: n.Code, Zh: n.Zh, En: n.En})
	}
	return s.Revisions, ns
}

// TestHistoryRevisions is the "done when": two runs of a month's
// data, then a run with three earlier figures changed and one removed,
// list exactly those four in summary.json, the notice, the 修订 sheet and
// `basebrief history revisions`.
func TestHistoryRevisions(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	root := t.TempDir()
	out := filepath.Join(root, "packet")
	data := monthData(t, filepath.Join(root, "data"), nil)
	for range 2 {
		mustRun(t, out, "--data", data)
		revs, _ := summaryRevisions(t, out)
		if len(revs) != 0 {
			t.Fatalf("unchanged data: revisions %v, want none", revs)
		}
	}
	if _, err := os.Stat(out + ".history.db"); err != nil {
		t.Fatalf("the default history file beside --out: %v", err)
	}
	// Three earlier figures changed, one removed, and the new month (the
	// period compared, not a revision) changed too.
	data2 := monthData(t, filepath.Join(root, "data2"), map[string]string{
		"成都市,2019-11": "131万", "绵阳市,2019-10": "215000", "重庆市,2019-09": "303000",
		"昆明市,2019-11": "", "成都市,2019-12": "150万",
	})
	_, stderr := mustRun(t, out, "--data", data2)
	revs, notices := summaryRevisions(t, out)
	want := []map[string]any{
		{"province": "重庆市", "city": "重庆市", "segment": nil, "period": "2019-09", "was": 309000.0, "now": 303000.0, "was_run": 2.0},
		{"province": "四川省", "city": "绵阳市", "segment": nil, "period": "2019-10", "was": 210000.0, "now": 215000.0, "was_run": 2.0},
		{"province": "四川省", "city": "成都市", "segment": nil, "period": "2019-11", "was": 111000.0, "now": 1310000.0, "was_run": 2.0},
		{"province": "云南省", "city": "昆明市", "segment": nil, "period": "2019-11", "was": 411000.0, "now": nil, "was_run": 2.0},
	}
	if !reflect.DeepEqual(revs, want) {
		t.Errorf("summary.json revisions:\n got %v\nwant %v", revs, want)
	}
	var notice analysis.Notice
	for _, n := range notices {
		if n.Code == analysis.CodeFiguresRevised {
			notice = n
		}
	}
	wantZh := "4项往期数据与上期简报不同（已修订）：重庆市2019年9月 由30.9万修订为30.3万；绵阳市2019年10月 由21万修订为21.5万；成都市2019年11月 由11.1万修订为131万；昆明市2019年11月 原为41.1万，现已无数据。"
	if notice.Zh != wantZh {
		t.Errorf("notice:\n got %q\nwant %q", notice.Zh, wantZh)
	}
	if !strings.Contains(stderr, "4 earlier figures differ") {
		t.Errorf("the run's log does not warn of the revisions:\n%s", stderr)
	}
	rows := sheetRows(t, filepath.Join(out, "workbook.xlsx"), "修订")
	wantRows := [][]string{ // as Excel shows them; GetRows drops trailing empty cells
		{"时期", "省区市", "城市", "群体", "原数", "现数", "增减", "原数读自第几次运行", "上期简报所用"},
		{"2019-09", "重庆市", "重庆市", "全部人员", "309,000", "303,000", "-6,000", "2"},
		{"2019-10", "四川省", "绵阳市", "全部人员", "210,000", "215,000", "+5,000", "2"},
		{"2019-11", "四川省", "成都市", "全部人员", "111,000", "1,310,000", "+1,199,000", "2", "是"},
		{"2019-11", "云南省", "昆明市", "全部人员", "411,000", "", "", "2", "是"},
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("修订 sheet:\n got %q\nwant %q", rows, wantRows)
	}
	// The briefing's 需核实 line: the last briefing printed 2019-11 (the
	// previous period of its 2019-12), so two of the four changed what it said.
	if text := docxText(t, filepath.Join(out, "briefing.docx")); !strings.Contains(text,
		"需核实：上期简报所用的2项数据已修订，如成都市2019年11月 由11.1万修订为131万（见工作簿“修订”表）") {
		t.Errorf("briefing.docx lacks the 需核实 line:\n%s", text)
	}
	code, stdout, stderr := runArgs(t, "history", "--history", out+".history.db", "revisions")
	if code != exitOK {
		t.Fatalf("history revisions: exit %d\n%s", code, stderr)
	}
	wantText := "run 3 (period 2019-12) against run 2: 4 revision(s)\n" +
		"period   province  city    segment  was     now\n" +
		"2019-09  重庆市    重庆市  -        309000  303000\n" +
		"2019-10  四川省    绵阳市  -        210000  215000\n" +
		"2019-11  四川省    成都市  -        111000  1310000\n" +
		"2019-11  云南省    昆明市  -        411000  —\n"
	if stdout != wantText {
		t.Errorf("history revisions:\n got %q\nwant %q", stdout, wantText)
	}
	// A rerun of the same inputs: the same revisions, byte for byte.
	before := snapshot(t, out)
	mustRun(t, out, "--data", data2)
	sameFiles(t, before, snapshot(t, out))
}

// sheetRows reads a sheet's cells as text (formulas by their cached value
// where excelize computes them).
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
				v, err := f.CalcCellValue(sheet, cell)
				if err == nil {
					row[c] = v
				}
			}
		}
	}
	return rows
}

// A history file that cannot be used is a warning: the packet is written,
// exit 0.
func TestHistoryUnusable(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, hist string)
		warn  string
		kept  bool // the damaged file is kept aside and a new history started
	}{
		{"damaged", func(t *testing.T, hist string) {
			if err := os.WriteFile(hist, []byte("this is not a database, someone saved notes here\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "history file damaged: kept aside, a new one started", true},
		{"folder", func(t *testing.T, hist string) {
			if err := os.Mkdir(hist, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "history file not read", false},
		{"missing folder", func(t *testing.T, hist string) {}, "run not recorded in the history", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "packet")
			hist := filepath.Join(root, "packet.history.db")
			if tc.name == "missing folder" {
				hist = filepath.Join(root, "no", "such", "folder", "h.db")
			}
			tc.setup(t, hist)
			data := monthData(t, filepath.Join(root, "data"), nil)
			_, stderr := mustRun(t, out, "--data", data, "--history", hist)
			if !strings.Contains(stderr, tc.warn) || !strings.Contains(stderr, "level=WARN") {
				t.Errorf("stderr lacks the warning %q:\n%s", tc.warn, stderr)
			}
			if _, err := os.Stat(filepath.Join(out, "summary.json")); err != nil {
				t.Fatalf("no packet: %v", err)
			}
			kept, _ := filepath.Glob(hist + ".damaged-*")
			if tc.kept != (len(kept) == 1) {
				t.Errorf("kept aside: %v, want %v", kept, tc.kept)
			}
			if tc.kept {
				if b, err := os.ReadFile(kept[0]); err != nil || !strings.HasPrefix(string(b), "this is not") {
					t.Errorf("the damaged file was not kept as it was (%v)", err)
				}
				code, stdout, stderr := runArgs(t, "history", "--history", hist, "runs", "--json")
				var runs []map[string]any
				if code != exitOK || json.Unmarshal([]byte(stdout), &runs) != nil || len(runs) != 1 {
					t.Errorf("the new history: exit %d, %s %s", code, stdout, stderr)
				}
			}
		})
	}
}

// --history none keeps no file; summary.json still lists revisions, empty.
func TestHistoryNone(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "packet")
	mustRun(t, out, "--history", "none")
	if e := entries(t, root); e != "packet packet.lock" {
		t.Errorf("beside --out: %s", e)
	}
	if revs, _ := summaryRevisions(t, out); len(revs) != 0 {
		t.Errorf("revisions %v", revs)
	}
	code, _, stderr := runArgs(t, "run", "--out", out, "--history", filepath.Join(out, "h.db"))
	if code != exitUsage || !strings.Contains(stderr, "inside --out") {
		t.Errorf("--history inside --out: exit %d, %s", code, stderr)
	}
}

// The receipts hook: what delivery hands over after send is in the
// history under the run, with the run's final status.
func TestHistoryReceipts(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "packet")
	cfg := config{out: out, lang: "zh"}
	log := newLogger(io.Discard, "text")
	ds, cmp, err := loadAndCompare(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	h := openHistory(context.Background(), cfg, log, ds, cmp, time.Now())
	defer h.close()
	h.record(context.Background(), cfg, ds, cmp, nil)
	if h.run != 1 {
		t.Fatalf("run %d, want 1", h.run)
	}
	sent := time.Date(2026, 12, 7, 2, 31, 0, 0, time.UTC)
	h.receipts(context.Background(), []history.Receipt{
		{Recipient: "四川省委统战部", Channel: "mail", Status: "sent", Attempts: 1, Detail: "250 OK", MessageID: "<a@b>", Time: sent},
		{Recipient: "工作群", Channel: "wecom", Status: "failed", Attempts: 3, Detail: "errcode 93000", Time: sent},
	}, exitDeliver)
	code, stdout, stderr := runArgs(t, "history", "show", "1", "--history", out+".history.db", "--json")
	if code != exitOK {
		t.Fatalf("history show: exit %d %s", code, stderr)
	}
	var d struct {
		Status   int `json:"status"`
		Receipts []struct{ Recipient, Channel, Status, Detail string }
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.Status != exitDeliver || len(d.Receipts) != 2 || d.Receipts[1].Recipient != "工作群" || d.Receipts[1].Status != "failed" {
		t.Errorf("history show: %s", stdout)
	}
}

// run --send: the receipts delivery.json holds go to the history under
// the run, with exit 4, and the run still counts as one that wrote its
// packet.
func TestHistoryRunSend(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	out := filepath.Join(t.TempDir(), "packet")
	code, _, stderr := runArgs(t, "run", "--out", out, "--send", writeDeliveryToml(t, deadPort(t)))
	if code != exitDeliver {
		t.Fatalf("exit %d, want 4\n%s", code, stderr)
	}
	code, stdout, stderr := runArgs(t, "history", "--history", out+".history.db", "show", "1", "--json")
	if code != exitOK {
		t.Fatalf("history show: exit %d %s", code, stderr)
	}
	var d struct {
		Packet   bool `json:"packet"`
		Status   int  `json:"status"`
		Receipts []struct{ Recipient, Channel, Status string }
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if !d.Packet || d.Status != exitDeliver || len(d.Receipts) != 1 || d.Receipts[0].Recipient != "四川省委统战部" ||
		d.Receipts[0].Channel != "mail" || d.Receipts[0].Status != "failed" {
		t.Errorf("history show 1: %s", stdout)
	}
}

// docxText is the text of a Word file's body, tags dropped.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), "")
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}
