package delivery

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// robotServer plays the three robot APIs as documented: it checks each
// request (path, signature, fields, sizes) and answers as the real ones do,
// errcode/code 0 when right.
type robotServer struct {
	t      *testing.T
	secret string
	mu     sync.Mutex
	got    []map[string]any // JSON messages, in order
	files  map[string][]byte
	refuse bool // answer errcode 93000 (WeCom's "invalid webhook url")
}

func (s *robotServer) answer(w http.ResponseWriter, ok bool, kind, msg string) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case kind == KindFeishu && ok:
		fmt.Fprint(w, `{"code":0,"msg":"success","data":{}}`)
	case kind == KindFeishu:
		fmt.Fprintf(w, `{"code":19021,"msg":%q}`, msg)
	case ok:
		fmt.Fprint(w, `{"errcode":0,"errmsg":"ok"}`)
	default:
		fmt.Fprintf(w, `{"errcode":310000,"errmsg":%q}`, msg)
	}
}

func (s *robotServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	switch r.URL.Path {
	case "/cgi-bin/webhook/upload_media":
		if q.Get("key") != "K" || q.Get("type") != "file" {
			s.answer(w, false, KindWeCom, "upload_media wants key and type=file")
			return
		}
		mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt != "multipart/form-data" {
			s.answer(w, false, KindWeCom, "not multipart")
			return
		}
		p, err := multipart.NewReader(r.Body, params["boundary"]).NextPart()
		if err != nil || p.FormName() != "media" || p.FileName() == "" {
			s.answer(w, false, KindWeCom, "the file must be in the field media with a filename")
			return
		}
		b, _ := io.ReadAll(p)
		_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		if dp["filelength"] != fmt.Sprint(len(b)) || len(b) < 5 || len(b) > 20<<20 {
			s.answer(w, false, KindWeCom, "filelength or size")
			return
		}
		id := fmt.Sprintf("M%d", len(s.files)+1)
		s.files[id] = b
		s.files[id+" name"] = []byte(p.FileName())
		fmt.Fprintf(w, `{"errcode":0,"errmsg":"ok","type":"file","media_id":%q,"created_at":"1380000000"}`, id)
		return
	case "/cgi-bin/webhook/send":
		if q.Get("key") != "K" {
			s.answer(w, false, KindWeCom, "invalid webhook url")
			return
		}
	case "/robot/send":
		ts := q.Get("timestamp")
		if q.Get("access_token") != "T" || ts == "" || q.Get("sign") != DingTalkSign(ts, s.secret) || len(ts) != 13 {
			s.answer(w, false, KindDingTalk, "sign not match")
			return
		}
	case "/open-apis/bot/v2/hook/T":
	default:
		http.NotFound(w, r)
		return
	}
	var m map[string]any
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &m); err != nil {
		s.answer(w, false, "", "bad json")
		return
	}
	kind := KindWeCom
	if strings.HasPrefix(r.URL.Path, "/open-apis") {
		kind = KindFeishu
		ts, _ := m["timestamp"].(string)
		if len(ts) != 10 || m["sign"] != FeishuSign(ts, s.secret) || len(body) > 20<<10 {
			s.answer(w, false, kind, "sign match fail or timestamp is not within one hour from current time")
			return
		}
	}
	if md, ok := m["markdown"].(map[string]any); ok {
		c, _ := md["content"].(string)
		if c == "" {
			c, _ = md["text"].(string)
		}
		if len(c) > 4096 {
			s.answer(w, false, kind, "markdown.content exceed max length 4096")
			return
		}
	}
	if s.refuse {
		s.answer(w, false, kind, "invalid webhook url")
		return
	}
	s.got = append(s.got, m)
	s.answer(w, true, kind, "")
}

func robotConfig(t *testing.T, base string, extra string) *Config {
	t.Helper()
	src := fmt.Sprintf(`
[[robot]]
name = "企业微信群"
kind = "wecom"
url = "%[1]s/cgi-bin/webhook/send?key=K"
files = ["briefing.pdf"]

[[robot]]
name = "钉钉群"
kind = "dingtalk"
url = "%[1]s/robot/send?access_token=T"
secret_env = "BASEBRIEF_TEST_DING_SECRET"

[[robot]]
name = "飞书群"
kind = "feishu"
url = "%[1]s/open-apis/bot/v2/hook/T"
secret_env = "BASEBRIEF_TEST_DING_SECRET"
%[2]s`, base, extra)
	c, err := ParseConfig("delivery.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRobots(t *testing.T) {
	t.Setenv("BASEBRIEF_TEST_DING_SECRET", "SECabc")
	rs := &robotServer{t: t, secret: "SECabc", files: map[string][]byte{}}
	srv := httptest.NewServer(rs)
	defer srv.Close()
	dir := fakePacket(t, 3000)
	var sl sleeps
	clock := testNow()
	now := func() time.Time { return clock }
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: robotConfig(t, srv.URL, ""), Now: now,
		Sleep: func(ctx context.Context, d time.Duration) error { clock = clock.Add(d); return sl.sleep(ctx, d) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Receipts) != 3 {
		t.Fatalf("receipts %+v", res.Receipts)
	}
	for _, r := range res.Receipts {
		if r.Status != StatusSent {
			t.Errorf("%s: %s %s", r.Recipient, r.Status, r.Detail)
		}
	}
	if len(rs.got) != 4 {
		t.Fatalf("%d messages, want wecom markdown + file, dingtalk, feishu", len(rs.got))
	}
	md := rs.got[0]["markdown"].(map[string]any)["content"].(string)
	if !strings.HasPrefix(md, "### "+wantSubject+"\n\n"+testLead) || !strings.Contains(md, "新的社会阶层人士统战工作简报第12期.pdf（2.9 KB）") {
		t.Errorf("wecom markdown:\n%s", md)
	}
	if rs.got[1]["msgtype"] != "file" || rs.got[1]["file"].(map[string]any)["media_id"] != "M1" {
		t.Errorf("wecom file message %v", rs.got[1])
	}
	pdf, _ := os.ReadFile(filepath.Join(dir, "briefing.pdf"))
	if !bytes.Equal(rs.files["M1"], pdf) || string(rs.files["M1 name"]) != "新的社会阶层人士统战工作简报第12期.pdf" {
		t.Errorf("uploaded %q, %d bytes", rs.files["M1 name"], len(rs.files["M1"]))
	}
	if d := rs.got[2]["markdown"].(map[string]any); d["title"] != wantSubject {
		t.Errorf("dingtalk %v", d)
	}
	post := rs.got[3]["content"].(map[string]any)["post"].(map[string]any)["zh_cn"].(map[string]any)
	if post["title"] != wantSubject {
		t.Errorf("feishu %v", post)
	}
	// The WeCom robot's two messages are spaced 3 s apart (20 a minute);
	// the others are each their first.
	if len(sl.got) != 1 || sl.got[0] != 3*time.Second {
		t.Errorf("waits %v, want [3s]", sl.got)
	}
}

// The signatures against the values the documented Python samples give
// (DingTalk: hmac.new(secret, ts+"\n"+secret, sha256); Feishu:
// hmac.new(ts+"\n"+secret, b"", sha256); both Base64), run once by hand.
func TestSignatures(t *testing.T) {
	if got := DingTalkSign("1558051200000", "SECabc"); got != "2euh3L9dMhlU9Lt2+SU2QzjpNlYMbRdbG4IpIxqHOeM=" {
		t.Errorf("dingtalk %s", got)
	}
	if got := FeishuSign("1558051200", "SECabc"); got != "ADxH6j+wtDdFnYw+80w3xrgbZE3pW4iEnpuHg6Ags/c=" {
		t.Errorf("feishu %s", got)
	}
	u, _ := (&robot{url: "https://oapi.dingtalk.com/robot/send?access_token=T", secret: "SECabc",
		now: func() time.Time { return time.UnixMilli(1558051200000) }}).dingtalkURL()
	pu, _ := url.Parse(u)
	if q := pu.Query(); q.Get("timestamp") != "1558051200000" || q.Get("sign") != "2euh3L9dMhlU9Lt2+SU2QzjpNlYMbRdbG4IpIxqHOeM=" ||
		q.Get("access_token") != "T" || !strings.Contains(u, "sign=2euh3L9dMhlU9Lt2%2BSU2QzjpNlYMbRdbG4IpIxqHOeM%3D") {
		t.Errorf("url %s", u)
	}
}

func TestRobotRefusesAndAlerts(t *testing.T) {
	t.Setenv("BASEBRIEF_TEST_DING_SECRET", "wrong")
	rs := &robotServer{t: t, secret: "SECabc", files: map[string][]byte{}}
	srv := httptest.NewServer(rs)
	defer srv.Close()
	dir := fakePacket(t, 3000)
	var sl sleeps
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: robotConfig(t, srv.URL, "[alert]\nrobot = \"企业微信群\"\n"),
		Now: testNow, Sleep: sl.sleep})
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("err %v", err)
	}
	if len(res.Failed) != 2 || !strings.Contains(res.Failed[0].Detail, "errcode 310000 sign not match") ||
		!strings.Contains(res.Failed[1].Detail, "code 19021") {
		t.Errorf("failed %+v", res.Failed)
	}
	last := rs.got[len(rs.got)-1]["markdown"].(map[string]any)["content"].(string)
	if !strings.Contains(last, "【投递未完成】") || !strings.Contains(last, "钉钉群（dingtalk）：robot 钉钉群 refused the message: errcode 310000 sign not match") {
		t.Errorf("alert:\n%s", last)
	}
	for _, r := range res.Failed {
		if strings.Contains(r.Detail, "access_token=T") {
			t.Errorf("detail shows the webhook's credential: %s", r.Detail)
		}
	}
}
