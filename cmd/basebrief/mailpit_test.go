package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/output"
)

// mailpit is a real mail server (github.com/axllent/mailpit, pinned in the
// Makefile) on loopback ports, read back through its API. make check builds
// it and names it in BASEBRIEF_MAILPIT; without it the test is skipped.
type mailpit struct {
	smtp int
	api  string
	log  *lockedBuffer
}

// lockedBuffer is mailpit's log, read while mailpit writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitLog waits until mailpit's log holds s (with --verbose it logs every
// answer it writes).
func (m *mailpit) waitLog(t *testing.T, s string) {
	t.Helper()
	for i := 0; !strings.Contains(m.log.String(), s); i++ {
		if i > 600 {
			t.Fatalf("mailpit never logged %q", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startMailpit(t *testing.T) *mailpit {
	t.Helper()
	bin := os.Getenv("BASEBRIEF_MAILPIT")
	if bin == "" {
		t.Skip("BASEBRIEF_MAILPIT not set (make check sets it)")
	}
	m := &mailpit{smtp: freePort(t), log: &lockedBuffer{}}
	web := freePort(t)
	m.api = fmt.Sprintf("http://127.0.0.1:%d", web)
	cmd := exec.Command(bin, "--smtp", fmt.Sprintf("127.0.0.1:%d", m.smtp), "--listen", fmt.Sprintf("127.0.0.1:%d", web),
		"--database", filepath.Join(t.TempDir(), "mailpit.db"), "--enable-chaos", "--disable-version-check",
		"--smtp-auth-accept-any", "--smtp-auth-allow-insecure", "--verbose",
		// Recipients outside example.gov.cn are refused (550), as a real
		// server refuses an unknown mailbox.
		"--smtp-allowed-recipients", `@example\.gov\.cn$`)
	logb := m.log
	cmd.Stdout, cmd.Stderr = logb, logb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("mailpit log:\n%s", logb.String())
		}
	})
	for i := 0; ; i++ {
		resp, err := http.Get(m.api + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return m
			}
		}
		if i > 100 {
			t.Fatalf("mailpit not ready: %v\n%s", err, logb.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (m *mailpit) get(t *testing.T, path string, v any) []byte {
	t.Helper()
	resp, err := http.Get(m.api + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %s", path, resp.Status, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	return b
}

func (m *mailpit) chaos(t *testing.T, probability int) {
	t.Helper()
	body := fmt.Sprintf(`{"Sender":{"ErrorCode":451,"Probability":%d}}`, probability)
	req, _ := http.NewRequest(http.MethodPut, m.api+"/api/v1/chaos", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PUT chaos: %s", resp.Status)
	}
}

type mpAddr struct{ Name, Address string }

type mpSummary struct {
	ID      string
	To, Cc  []mpAddr
	Subject string
}

type mpMessage struct {
	ID          string
	MessageID   string
	To, Cc      []mpAddr
	Subject     string
	Text        string
	Attachments []struct {
		PartID, FileName string
		Size             int
	}
}

// messages lists what arrived, oldest first, by their first To address.
func (m *mailpit) messages(t *testing.T) map[string][]mpMessage {
	t.Helper()
	var list struct{ Messages []mpSummary }
	m.get(t, "/api/v1/messages?limit=500", &list)
	out := map[string][]mpMessage{}
	for i := len(list.Messages) - 1; i >= 0; i-- {
		var msg mpMessage
		m.get(t, "/api/v1/message/"+list.Messages[i].ID, &msg)
		out[msg.To[0].Address] = append(out[msg.To[0].Address], msg)
	}
	return out
}

// wecomStub is a WeCom-style group robot: webhook/send and upload_media as
// documented, recording what it got.
type wecomStub struct {
	mu       sync.Mutex
	markdown []string
	files    map[string][]byte // file name → bytes
	sent     []string          // media ids posted as file messages
}

func (s *wecomStub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.URL.Query().Get("key") != "K" {
		fmt.Fprint(w, `{"errcode":93000,"errmsg":"invalid webhook url"}`)
		return
	}
	if strings.HasSuffix(r.URL.Path, "/upload_media") {
		_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		p, err := multipart.NewReader(r.Body, params["boundary"]).NextPart()
		if err != nil || p.FormName() != "media" {
			fmt.Fprint(w, `{"errcode":40004,"errmsg":"invalid media"}`)
			return
		}
		b, _ := io.ReadAll(p)
		s.files[p.FileName()] = b
		fmt.Fprintf(w, `{"errcode":0,"errmsg":"ok","type":"file","media_id":"M%d"}`, len(s.files))
		return
	}
	var msg struct {
		MsgType  string
		Markdown struct{ Content string }
		File     struct {
			MediaID string `json:"media_id"`
		}
	}
	json.NewDecoder(r.Body).Decode(&msg)
	switch msg.MsgType {
	case "markdown":
		s.markdown = append(s.markdown, msg.Markdown.Content)
	case "file":
		s.sent = append(s.sent, msg.File.MediaID)
	}
	fmt.Fprint(w, `{"errcode":0,"errmsg":"ok"}`)
}

func receiptsOf(t *testing.T, dir string) map[string]map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "delivery.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Receipts []map[string]any }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for _, r := range f.Receipts {
		out[r["recipient"].(string)+"/"+r["channel"].(string)] = r
	}
	return out
}

// TestMailpit is the "done when": a national packet and two of its
// province slices mailed to a real server and a WeCom-style robot, what
// arrived checked byte for byte; a refused recipient, a 451 then success,
// a server that is down; every send's receipts in the history.
func TestMailpit(t *testing.T) {
	mp := startMailpit(t)
	robot := &wecomStub{files: map[string][]byte{}}
	rs := httptest.NewServer(robot)
	defer rs.Close()
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	t.Setenv("BASEBRIEF_TEST_WECOM", rs.URL+"/cgi-bin/webhook/send?key=K")
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	// National data, small: 62 cities in the 31 provinces, three months.
	data := filepath.Join(dir, "data")
	if err := synth.Write(data, synth.Options{Cities: 62, Periods: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	conf := func(port int) string {
		f := filepath.Join(dir, fmt.Sprintf("delivery-%d.toml", port))
		src := fmt.Sprintf(`[mail]
host = "127.0.0.1"
port = %d
tls = "none"
from = "新的社会阶层人士工作处 <brief@example.gov.cn>"
timeout = "5s"
backoff = "2s"

[[recipient]]
name = "全国"
to = ["all@example.gov.cn"]
cc = ["cc@example.gov.cn"]
files = ["briefing.pdf", "briefing.docx", "workbook.xlsx"]

[[recipient]]
name = "四川省委统战部"
to = ["sc@example.gov.cn"]
slice = "四川省"                   # the folder is slices/四川/

[[recipient]]
name = "云南省委统战部"
to = ["yn@example.gov.cn"]
slice = "53"                       # 云南's division code

[[recipient]]
name = "拒收"
to = ["nobody@refused.example.org"]

[[robot]]
name = "工作群"
kind = "wecom"
url_env = "BASEBRIEF_TEST_WECOM"
files = ["briefing.pdf"]

[alert]
to = ["ops@example.gov.cn"]
robot = "工作群"
`, port)
		if err := os.WriteFile(f, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}

	// 1. A run that mails the packet: one recipient refused → exit 4.
	code, _, stderr := runArgs(t, "run", "--data", data, "--out", out, "--slices", "province", "--send", conf(mp.smtp))
	if code != exitDeliver {
		t.Fatalf("run --send: exit %d, want 4\n%s", code, stderr)
	}
	got := mp.messages(t)
	all := got["all@example.gov.cn"]
	if len(all) != 1 {
		t.Fatalf("mails to all@: %d, want 1; arrived: %v", len(all), keys(got))
	}
	msg := all[0]
	const subject = "新的社会阶层人士统战工作简报 第12期（2024年12月）"
	if msg.Subject != subject || len(msg.Cc) != 1 || msg.Cc[0].Address != "cc@example.gov.cn" {
		t.Errorf("subject %q, cc %v", msg.Subject, msg.Cc)
	}
	if !strings.Contains(msg.Text, "2024年12月，各片区新的社会阶层人士人数合计2717.4万") {
		t.Errorf("body lacks the 导语:\n%s", msg.Text)
	}
	want := []struct{ file, name string }{
		{"briefing.pdf", "新的社会阶层人士统战工作简报第12期.pdf"},
		{"briefing.docx", "新的社会阶层人士统战工作简报第12期.docx"},
		{"workbook.xlsx", "新的社会阶层人士统战工作简报第12期数据.xlsx"},
	}
	if len(msg.Attachments) != len(want) {
		t.Fatalf("%d attachments, want %d", len(msg.Attachments), len(want))
	}
	raw := string(mp.get(t, "/api/v1/message/"+msg.ID+"/raw", nil))
	for i, w := range want {
		a := msg.Attachments[i]
		data := mp.get(t, "/api/v1/message/"+msg.ID+"/part/"+a.PartID, nil)
		packet, _ := os.ReadFile(filepath.Join(out, w.file))
		if !bytes.Equal(data, packet) {
			t.Errorf("attachment %s differs from the packet's %s", a.FileName, w.file)
		}
		// The raw headers carry the name both ways (mailpit's parsed
		// FileName would show a raw UTF-8 name too, so it proves nothing).
		word := mime.BEncoding.Encode("UTF-8", w.name)
		star := strings.TrimPrefix(mime.FormatMediaType("a", map[string]string{"filename": w.name}), "a; ")
		if !strings.Contains(raw, `filename="`+word+`"`) || !strings.Contains(raw, star) || !strings.Contains(raw, `name="`+word+`"`) {
			t.Errorf("raw mail lacks %s's name as %q and %q", w.file, word, star)
		}
	}
	// Two province slices, each to its own recipient: its own files.
	for _, sl := range []struct{ to, name, lead string }{
		{"sc@example.gov.cn", "四川", "2024年12月，四川新的社会阶层人士人数合计65.2万"},
		{"yn@example.gov.cn", "云南", "2024年12月，云南新的社会阶层人士人数合计110.1万"},
	} {
		ms := got[sl.to]
		if len(ms) != 1 || ms[0].Subject != subject+" · "+sl.name || len(ms[0].Attachments) != 2 {
			t.Errorf("slice %s: %d mails %+v", sl.name, len(ms), ms)
			continue
		}
		if !strings.Contains(ms[0].Text, sl.lead) {
			t.Errorf("slice %s's mail lacks its 导语:\n%s", sl.name, ms[0].Text)
		}
		for i, f := range []string{"briefing.pdf", "briefing.docx"} {
			data := mp.get(t, "/api/v1/message/"+ms[0].ID+"/part/"+ms[0].Attachments[i].PartID, nil)
			packet, _ := os.ReadFile(filepath.Join(out, "slices", sl.name, f))
			if !bytes.Equal(data, packet) {
				t.Errorf("slice %s: attachment %s differs from slices/%s/%s", sl.name, ms[0].Attachments[i].FileName, sl.name, f)
			}
		}
		sraw := string(mp.get(t, "/api/v1/message/"+ms[0].ID+"/raw", nil))
		if word := mime.BEncoding.Encode("UTF-8", "新的社会阶层人士统战工作简报第12期（"+sl.name+"）.pdf"); !strings.Contains(sraw, word) {
			t.Errorf("slice %s: raw mail lacks the name %s", sl.name, word)
		}
	}
	if _, ok := got["nobody@refused.example.org"]; ok {
		t.Error("the refused recipient got mail")
	}
	if alerts := got["ops@example.gov.cn"]; len(alerts) != 1 || !strings.Contains(alerts[0].Text, "拒收（mail）") {
		t.Errorf("alert mails %+v", alerts)
	}
	rc := receiptsOf(t, out)
	if rc["全国/mail"]["status"] != "sent" || rc["全国/mail"]["message_id"] != strings.Trim(msg.MessageID, "<>") ||
		rc["拒收/mail"]["status"] != "failed" || rc["工作群/wecom"]["status"] != "sent" {
		t.Errorf("receipts %v", rc)
	}
	pdf, _ := os.ReadFile(filepath.Join(out, "briefing.pdf"))
	robot.mu.Lock() // the stub's handler wrote these
	if !bytes.Equal(robot.files["新的社会阶层人士统战工作简报第12期.pdf"], pdf) || len(robot.sent) != 1 ||
		len(robot.markdown) != 2 || !strings.Contains(robot.markdown[1], "拒收（mail）") {
		t.Errorf("robot: %d files, %d file messages, markdown %q", len(robot.files), len(robot.sent), robot.markdown)
	}
	robot.mu.Unlock()
	if !strings.Contains(stderr, "recipient=拒收") {
		t.Errorf("no log line names the refused recipient:\n%s", stderr)
	}

	// 2. send again: only what failed is sent (and fails again: exit 4).
	code, _, _ = runArgs(t, "send", "--packet", out, "--config", conf(mp.smtp))
	if got := mp.messages(t); code != exitDeliver || len(got["all@example.gov.cn"]) != 1 {
		t.Errorf("second send: exit %d, %d mails to all@", code, len(got["all@example.gov.cn"]))
	}

	// 3. A 451 then success: the retry after the backoff gets through.
	mp.chaos(t, 100)
	done := make(chan int)
	go func() {
		code, _, _ := runArgs(t, "send", "--packet", out, "--config", conf(mp.smtp), "--resend", "--only", "全国")
		done <- code
	}()
	mp.waitLog(t, "451 Chaos sender error") // the first attempt refused; the retry waits 2 s
	mp.chaos(t, 0)
	if code := <-done; code != exitOK {
		t.Errorf("send after a 451: exit %d", code)
	}
	if r := receiptsOf(t, out)["全国/mail"]; r["status"] != "sent" || r["attempts"].(float64) < 2 {
		t.Errorf("receipt after a 451: %v", r)
	}

	// 4. The server is down: exit 4, the receipt failed, the robot alerted,
	// the packet intact.
	down := freePort(t)
	robot.mu.Lock()
	before := len(robot.markdown)
	robot.mu.Unlock()
	code, _, stderr = runArgs(t, "send", "--packet", out, "--config", conf(down), "--resend", "--only", "全国")
	if code != exitDeliver {
		t.Errorf("server down: exit %d, want 4\n%s", code, stderr)
	}
	if r := receiptsOf(t, out)["全国/mail"]; r["status"] != "failed" || !strings.Contains(r["detail"].(string), "connection refused") {
		t.Errorf("receipt with the server down: %v", r)
	}
	robot.mu.Lock()
	if len(robot.markdown) != before+1 || !strings.Contains(robot.markdown[before], "全国（mail）") {
		t.Errorf("no robot alert for the down server: %q", robot.markdown[before:])
	}
	robot.mu.Unlock()
	if _, err := output.Verify(out); err != nil {
		t.Errorf("packet not intact: %v", err)
	}

	// 5. Every send's receipts are in the history, under the run that
	// wrote the packet, whichever command sent: run --send 7 (4 recipients,
	// the robot, the alert by mail and robot), send 3 (拒收 and its alerts),
	// the retried send 1, the send to the down server 3 (全国, the mail
	// alert that cannot go either, the robot's).
	code, stdout, stderr := runArgs(t, "history", "--history", out+".history.db", "show", "1", "--json")
	var h struct {
		Status   int `json:"status"`
		Receipts []struct{ Recipient, Channel, Status string }
	}
	if code != exitOK || json.Unmarshal([]byte(stdout), &h) != nil {
		t.Fatalf("history show 1: exit %d\n%s%s", code, stdout, stderr)
	}
	if n := len(h.Receipts); h.Status != exitDeliver || n != 14 || h.Receipts[6].Recipient != "[alert]" ||
		h.Receipts[11].Recipient != "全国" || h.Receipts[11].Status != "failed" || h.Receipts[10].Status != "sent" {
		t.Errorf("history of run 1: status %d, %d receipts %+v", h.Status, n, h.Receipts)
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
