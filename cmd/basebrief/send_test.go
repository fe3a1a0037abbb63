package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/output"
)

// deadPort is a loopback port nothing listens on.
func deadPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

func writeDeliveryToml(t *testing.T, port int) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "delivery.toml")
	src := fmt.Sprintf(`[mail]
host = "127.0.0.1"
port = %d
tls = "none"
from = "新的社会阶层人士工作处 <brief@example.gov.cn>"
timeout = "2s"

[[recipient]]
name = "四川省委统战部"
to = ["a@example.gov.cn"]
files = ["briefing.pdf", "workbook.xlsx"]
`, port)
	if err := os.WriteFile(f, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// A mail server that is down: the packet is written and intact, the
// receipt says failed, the run exits 4 and the log names the recipient.
func TestRunSendServerDown(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	out := filepath.Join(t.TempDir(), "packet")
	code, stdout, stderr := runArgs(t, "run", "--out", out, "--send", writeDeliveryToml(t, deadPort(t)))
	if code != exitDeliver {
		t.Fatalf("exit %d, want 4\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) == "" {
		t.Error("stdout lacks the packet path")
	}
	if !strings.Contains(stderr, "delivery failed") || !strings.Contains(stderr, "recipient=四川省委统战部") ||
		!strings.Contains(stderr, "connection refused") {
		t.Errorf("log does not name the recipient and the cause:\n%s", stderr)
	}
	if _, err := output.Verify(out); err != nil {
		t.Errorf("packet: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, "delivery.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rs struct {
		Receipts []struct{ Recipient, Channel, Status string } `json:"receipts"`
	}
	if err := json.Unmarshal(b, &rs); err != nil || len(rs.Receipts) != 1 ||
		rs.Receipts[0].Recipient != "四川省委统战部" || rs.Receipts[0].Channel != "mail" || rs.Receipts[0].Status != "failed" {
		t.Errorf("delivery.json: %s", b)
	}

	// send --dry-run lists what would go, sends nothing, changes nothing.
	code, stdout, stderr = runArgs(t, "send", "--packet", out, "--config", writeDeliveryToml(t, deadPort(t)), "--dry-run")
	if code != exitOK {
		t.Fatalf("dry run exit %d\n%s", code, stderr)
	}
	for _, w := range []string{"mail  四川省委统战部 → a@example.gov.cn", "新的社会阶层人士统战工作简报 第1期（2019年）",
		"briefing.pdf  新的社会阶层人士统战工作简报第1期.pdf", "workbook.xlsx  新的社会阶层人士统战工作简报第1期数据.xlsx"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("dry run lacks %q:\n%s", w, stdout)
		}
	}
	after, _ := os.ReadFile(filepath.Join(out, "delivery.json"))
	if string(after) != string(b) {
		t.Error("dry run changed delivery.json")
	}

	// delivery.json is basebrief's own: the next run replaces the packet
	// without keeping it aside as a person's.
	if code, _, stderr := runArgs(t, "run", "--out", out); code != exitOK || strings.Contains(stderr, "kept") {
		t.Errorf("rerun: exit %d\n%s", code, stderr)
	}
	if kept, _ := filepath.Glob(out + ".kept-*"); len(kept) > 0 {
		t.Errorf("packet with receipts kept aside: %v", kept)
	}
}

func TestSendUsage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("[mail]\nhost = \"smtp.example.gov.cn\"\ntls = \"none\"\nfrom = \"a@b.cn\"\n[[recipient]]\nname = \"x\"\nto = [\"c@d.cn\"]\n"), 0o600)
	pw := filepath.Join(t.TempDir(), "pw.toml")
	os.WriteFile(pw, []byte("[mail]\nhost = \"smtp.example.gov.cn\"\nfrom = \"a@b.cn\"\nusername = \"u\"\npassword_env = \"BASEBRIEF_TEST_UNSET_PW\"\n[[recipient]]\nname = \"x\"\nto = [\"c@d.cn\"]\n"), 0o600)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no packet", []string{"send", "--config", bad}, "--packet DIR is required"},
		{"tls none off loopback", []string{"send", "--packet", "p", "--config", bad}, `tls = "none" on "smtp.example.gov.cn"`},
		{"password env unset", []string{"send", "--packet", "p", "--config", pw}, "BASEBRIEF_TEST_UNSET_PW is not set"},
		{"run --send checked first", []string{"run", "--out", filepath.Join(t.TempDir(), "p"), "--send", bad}, "loopback"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runArgs(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %s; want 2 and %q", code, stderr, tc.want)
			}
		})
	}
}

// basebrief send records its receipts in the history as run --send does:
// under the run that wrote the packet, each send's added to the earlier
// ones, the run's status the packet's delivery state. A packet written
// without a history gets none.
func TestSendRecordsHistory(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	robot := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"errcode":0,"errmsg":"ok"}`)
	}))
	defer robot.Close()
	robotToml := filepath.Join(t.TempDir(), "robot.toml")
	os.WriteFile(robotToml, []byte("[[robot]]\nname = \"工作群\"\nkind = \"wecom\"\nurl = \""+robot.URL+"/cgi-bin/webhook/send?key=K\"\n"), 0o600)
	out := filepath.Join(t.TempDir(), "packet")
	mailToml := writeDeliveryToml(t, deadPort(t))
	if code, _, stderr := runArgs(t, "run", "--out", out, "--send", mailToml); code != exitDeliver {
		t.Fatalf("run --send: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runArgs(t, "send", "--packet", out, "--config", mailToml); code != exitDeliver {
		t.Fatalf("send: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runArgs(t, "send", "--packet", out, "--config", robotToml); code != exitOK {
		t.Fatalf("send to the robot: exit %d\n%s", code, stderr)
	}
	type receipt struct{ Recipient, Channel, Status string }
	var d struct {
		Status   int `json:"status"`
		Receipts []receipt
	}
	code, stdout, stderr := runArgs(t, "history", "--history", out+".history.db", "show", "1", "--json")
	if code != exitOK || json.Unmarshal([]byte(stdout), &d) != nil {
		t.Fatalf("history show 1: exit %d %s%s", code, stdout, stderr)
	}
	want := []receipt{{"四川省委统战部", "mail", "failed"}, {"四川省委统战部", "mail", "failed"}, {"工作群", "wecom", "sent"}}
	if !slices.Equal(d.Receipts, want) || d.Status != exitDeliver {
		t.Errorf("history of run 1: status %d, receipts %+v; want 4 (the mail still failed) and %+v", d.Status, d.Receipts, want)
	}
	if code, stdout, _ := runArgs(t, "history", "--history", out+".history.db", "runs", "--json"); code != exitOK || strings.Count(stdout, `"id"`) != 1 {
		t.Errorf("a send added a run: %s", stdout)
	}

	// No history kept: send neither creates one nor complains.
	bare := filepath.Join(t.TempDir(), "bare")
	if code, _, stderr := runArgs(t, "run", "--out", bare, "--history", "none"); code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runArgs(t, "send", "--packet", bare, "--config", robotToml)
	if _, err := os.Stat(bare + ".history.db"); code != exitOK || strings.Contains(stderr, "history") || err == nil {
		t.Errorf("send without a history: exit %d, history file %v\n%s", code, err, stderr)
	}
}

// A recipient's slice in any form of the province finds its folder; an
// unknown one is a usage error naming the file, the line and the slices,
// before anything is sent or written.
func TestSendSliceNames(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	if code, _, stderr := runArgs(t, "run", "--out", out, "--slices", "province", "--history", "none"); code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	conf := func(slice string) string {
		f := filepath.Join(t.TempDir(), "delivery.toml")
		src := fmt.Sprintf("[mail]\nhost = \"127.0.0.1\"\nport = %d\ntls = \"none\"\nfrom = \"a@example.gov.cn\"\n\n[[recipient]]\nname = \"省委统战部\"\nto = [\"p@example.gov.cn\"]\nslice = %q\n", deadPort(t), slice)
		os.WriteFile(f, []byte(src), 0o600)
		return f
	}
	for _, slice := range []string{"四川", "四川省", "51"} {
		code, stdout, stderr := runArgs(t, "send", "--packet", out, "--config", conf(slice), "--dry-run")
		if code != exitOK || !strings.Contains(stdout, "slices/四川/briefing.pdf") {
			t.Errorf("slice %q: exit %d\n%s%s", slice, code, stdout, stderr)
		}
	}
	bad := conf("四州")
	code, _, stderr := runArgs(t, "send", "--packet", out, "--config", bad)
	if code != exitUsage || !strings.Contains(stderr, bad+`:10: [[recipient]] 1 "省委统战部": slice "四州" is not a slice of the packet`) ||
		!strings.Contains(stderr, "slices are 重庆, 四川, 贵州, 云南, 西藏") {
		t.Errorf("unknown slice: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "delivery.json")); err == nil {
		t.Error("an unknown slice still sent")
	}
	// run --send: checked against the data's provinces before rendering.
	fresh := filepath.Join(dir, "fresh")
	code, _, stderr = runArgs(t, "run", "--out", fresh, "--slices", "province", "--history", "none", "--send", bad)
	if _, err := os.Stat(fresh); code != exitUsage || !strings.Contains(stderr, "is not a slice of the packet") || err == nil {
		t.Errorf("run --send with an unknown slice: exit %d, out %v\n%s", code, err, stderr)
	}
	code, _, stderr = runArgs(t, "run", "--out", fresh, "--history", "none", "--send", conf("四川"))
	if _, err := os.Stat(fresh); code != exitUsage || !strings.Contains(stderr, "run --slices province") || err == nil {
		t.Errorf("run --send with a slice, no --slices: exit %d, out %v\n%s", code, err, stderr)
	}
}
