package delivery

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/output"
)

const wantSubject = "新的社会阶层人士统战工作简报 第12期（2019年）"

func TestMailArrives(t *testing.T) {
	srv := newSMTPD(t)
	dir := fakePacket(t, 3000)
	cfg := mailConfig(t, srv.port, "")
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	msgs := srv.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d mails arrived, want 1", len(msgs))
	}
	m := msgs[0]
	if m.From != "brief@example.gov.cn" || !slices.Equal(m.To, []string{"a@example.gov.cn", "b@example.gov.cn"}) {
		t.Errorf("envelope from %s to %v", m.From, m.To)
	}
	subject, parts := parseMail(t, m.Data)
	if subject != wantSubject {
		t.Errorf("subject %q, want %q", subject, wantSubject)
	}
	if len(parts) != 3 {
		t.Fatalf("%d parts, want the text and two files", len(parts))
	}
	text := string(parts[0].body)
	for _, w := range []string{testLead, "新的社会阶层人士统战工作简报第12期.pdf（2.9 KB）", "新的社会阶层人士统战工作简报第12期.docx"} {
		if !strings.Contains(text, w) {
			t.Errorf("body lacks %q:\n%s", w, text)
		}
	}
	for i, f := range []string{"briefing.pdf", "briefing.docx"} {
		want, _ := os.ReadFile(filepath.Join(dir, f))
		if !bytes.Equal(parts[i+1].body, want) {
			t.Errorf("attachment %d differs from %s", i+1, f)
		}
	}
	// The name both ways, as the raw headers carry it.
	disp := strings.Join(parts[1].header["Content-Disposition"], "")
	// RFC 2047 words are at most 75 characters: mime.BEncoding splits.
	wantWord := `filename="=?UTF-8?b?5paw55qE56S+5Lya6Zi25bGC5Lq65aOr57uf5oiY5bel5L2c566A5oql56ys?= =?UTF-8?b?MTLmnJ8ucGRm?="`
	want2231 := `filename*=utf-8''%E6%96%B0%E7%9A%84%E7%A4%BE%E4%BC%9A%E9%98%B6%E5%B1%82%E4%BA%BA%E5%A3%AB%E7%BB%9F%E6%88%98%E5%B7%A5%E4%BD%9C%E7%AE%80%E6%8A%A5%E7%AC%AC12%E6%9C%9F.pdf`
	if !strings.Contains(disp, wantWord) || !strings.Contains(disp, want2231) {
		t.Errorf("Content-Disposition %q\nwant %s and %s", disp, wantWord, want2231)
	}
	if ct := strings.Join(parts[1].header["Content-Type"], ""); !strings.HasPrefix(ct, `application/pdf; name="=?UTF-8?b?`) {
		t.Errorf("Content-Type %q", ct)
	}
	rs, err := ReadReceipts(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Receipt{Recipient: "省委统战部", Channel: "mail", Status: "sent", Attempts: 1, Detail: "2.0.0 ok: queued as T1",
		MessageID: res.Receipts[0].MessageID, Time: "2019-05-17T08:00:00Z", Files: []string{"briefing.pdf", "briefing.docx"}}
	if len(rs) != 1 || !equalReceipt(rs[0], want) || rs[0].MessageID == "" {
		t.Errorf("receipts %+v\nwant %+v", rs, want)
	}
	if !strings.Contains(string(m.Data), "Message-ID: <"+rs[0].MessageID+">") {
		t.Errorf("receipt's message id %q is not the mail's", rs[0].MessageID)
	}
	// delivery.json is basebrief's own: the packet still verifies.
	if _, err := output.Verify(dir); err != nil {
		t.Errorf("packet with receipts: %v", err)
	}
}

func equalReceipt(a, b Receipt) bool {
	return a.Recipient == b.Recipient && a.Channel == b.Channel && a.Status == b.Status && a.Attempts == b.Attempts &&
		a.Detail == b.Detail && a.MessageID == b.MessageID && a.Time == b.Time && slices.Equal(a.Files, b.Files)
}

func TestSendAgainSkipsWhatWasSent(t *testing.T) {
	srv := newSMTPD(t)
	dir := fakePacket(t, 100)
	cfg := mailConfig(t, srv.port, `
[[recipient]]
name = "四川"
to = ["sc@example.gov.cn"]
slice = "四川"
`)
	srv.refuse["sc@example.gov.cn"] = true
	_, err := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow})
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("err %v, want ErrIncomplete", err)
	}
	if n := len(srv.messages()); n != 1 {
		t.Fatalf("%d mails, want 1 (the refused one never arrives)", n)
	}
	delete(srv.refuse, "sc@example.gov.cn")
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Skipped, []string{"省委统战部"}) || len(res.Receipts) != 1 || res.Receipts[0].Recipient != "四川" {
		t.Errorf("second send: skipped %v, sent %+v", res.Skipped, res.Receipts)
	}
	msgs := srv.messages()
	if len(msgs) != 2 || !slices.Equal(msgs[1].To, []string{"sc@example.gov.cn"}) {
		t.Fatalf("second send mailed %d", len(msgs))
	}
	subject, parts := parseMail(t, msgs[1].Data)
	if subject != wantSubject+" · 四川" || !bytes.Equal(parts[1].body, []byte("%PDF-1.4 四川")) {
		t.Errorf("slice mail: %q, first file %q", subject, parts[1].body)
	}
	if !strings.Contains(string(parts[0].body), "四川省21个城市。") {
		t.Errorf("slice mail's body lacks the slice's lead:\n%s", parts[0].body)
	}
	res, err = Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow, Resend: true, Only: "四川"})
	if err != nil || len(res.Receipts) != 1 || len(srv.messages()) != 3 {
		t.Errorf("--resend --only 四川: %v, %d receipts, %d mails", err, len(res.Receipts), len(srv.messages()))
	}
}

func TestRefusedRecipientAlerts(t *testing.T) {
	srv := newSMTPD(t)
	srv.refuse["b@example.gov.cn"] = true
	dir := fakePacket(t, 100)
	cfg := mailConfig(t, srv.port, `
[alert]
to = ["ops@example.gov.cn"]
`)
	var hooked []Receipt
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow,
		OnReceipt: func(r Receipt) { hooked = append(hooked, r) }})
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("err %v, want ErrIncomplete", err)
	}
	if len(res.Failed) != 1 || res.Failed[0].Attempts != 1 || !strings.Contains(res.Failed[0].Detail, "550") || !strings.Contains(res.Failed[0].Detail, "<b@example.gov.cn>") {
		t.Errorf("failed %+v: want one attempt (a 5xx is not retried) naming the refused address", res.Failed)
	}
	msgs := srv.messages()
	if len(msgs) != 1 || !slices.Equal(msgs[0].To, []string{"ops@example.gov.cn"}) {
		t.Fatalf("mails %+v, want the alert alone", msgs)
	}
	subject, _ := parseMail(t, msgs[0].Data)
	if subject != "【投递未完成】"+wantSubject {
		t.Errorf("alert subject %q", subject)
	}
	if !strings.Contains(string(msgs[0].Data), "b@example.gov.cn") {
		t.Errorf("alert does not name the cause")
	}
	rs, _ := ReadReceipts(dir)
	if len(rs) != 2 || rs[0].Status != StatusFailed || rs[1].Recipient != AlertRecipient || rs[1].Status != StatusSent {
		t.Errorf("receipts %+v", rs)
	}
	if len(hooked) != 2 {
		t.Errorf("hook saw %d receipts, want 2", len(hooked))
	}
}

func TestTemporaryFailureRetried(t *testing.T) {
	for _, tc := range []struct {
		name     string
		temp     int
		status   string
		attempts int
		waits    int
	}{
		{"two 451 then accepted", 2, StatusSent, 3, 2},
		{"451 past the retries", 9, StatusFailed, 4, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSMTPD(t)
			srv.tempFail = tc.temp
			dir := fakePacket(t, 100)
			var sl sleeps
			res, _ := Deliver(context.Background(), Options{Packet: dir, Config: mailConfig(t, srv.port, ""), Now: testNow, Sleep: sl.sleep})
			r := res.Receipts[0]
			if r.Status != tc.status || r.Attempts != tc.attempts {
				t.Errorf("receipt %s after %d attempts, want %s after %d (%s)", r.Status, r.Attempts, tc.status, tc.attempts, r.Detail)
			}
			want := []int64{1, 2, 4}[:tc.waits]
			got := make([]int64, len(sl.got))
			for i, d := range sl.got {
				got[i] = int64(d.Seconds())
			}
			if !slices.Equal(got, want) {
				t.Errorf("waited %v s, want %v s (backoff doubling from 1s)", got, want)
			}
		})
	}
}

func TestServerDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens there now
	dir := fakePacket(t, 100)
	before, _ := os.ReadFile(filepath.Join(dir, "briefing.pdf"))
	res, err := Deliver(context.Background(), Options{Packet: dir, Config: mailConfig(t, port, ""), Now: testNow})
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("err %v, want ErrIncomplete", err)
	}
	if r := res.Failed; len(r) != 1 || r[0].Attempts != 1 || !strings.Contains(r[0].Detail, "connection refused") {
		t.Errorf("failed %+v", r)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "briefing.pdf"))
	if !bytes.Equal(before, after) {
		t.Error("packet changed")
	}
	if _, err := output.Verify(dir); err != nil {
		t.Errorf("packet not intact: %v", err)
	}
}

func TestStartTLS(t *testing.T) {
	serverTLS, clientTLS := testTLS(t)
	for _, tc := range []struct {
		name   string
		offer  bool
		status string
		detail string
	}{
		{"offered: used", true, StatusSent, "queued"},
		{"not offered: refused, never plain text", false, StatusFailed, "does not support STARTTLS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSMTPD(t)
			if tc.offer {
				srv.tls = serverTLS
			}
			cfg := mailConfig(t, srv.port, "")
			cfg.Mail.TLS = "starttls"
			res, _ := Deliver(context.Background(), Options{Packet: fakePacket(t, 100), Config: cfg, Now: testNow, TLS: clientTLS})
			r := res.Receipts[0]
			if r.Status != tc.status || !strings.Contains(r.Detail, tc.detail) {
				t.Errorf("receipt %s %q, want %s %q", r.Status, r.Detail, tc.status, tc.detail)
			}
			if msgs := srv.messages(); tc.offer && (len(msgs) != 1 || !msgs[0].TLS) {
				t.Errorf("mail did not arrive over TLS: %+v", msgs)
			} else if !tc.offer && len(msgs) != 0 {
				t.Error("mail sent in plain text")
			}
		})
	}
}

func TestOversize(t *testing.T) {
	for _, tc := range []struct {
		name, oversize string
		maxMB          float64
		status         string
		parts          int
		body           string
	}{
		{"fits", "pdf_only", 1, StatusSent, 4, ""},
		{"pdf alone, body says what is left out", "pdf_only", 0.06, StatusSent, 2, "以下文件未随本邮件发送（邮件将超过 0.06 MB 的上限），请向发件人索取：\n  新的社会阶层人士统战工作简报第12期.docx（16 B）\n  新的社会阶层人士统战工作简报第12期数据.xlsx（29.3 KB）\n"},
		{"fail: nothing sent", "fail", 0.06, StatusFailed, 0, ""},
		{"the pdf alone too big", "pdf_only", 0.02, StatusFailed, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSMTPD(t)
			cfg := mailConfig(t, srv.port, "")
			cfg.Mail.MaxMB, cfg.Mail.Oversize = tc.maxMB, tc.oversize
			// 30,000 bytes of PDF and of workbook: about 82 KB encoded, the
			// PDF alone about 41 KB, against limits of 62.9 KB and 21 KB.
			dir := fakePacket(t, 30000, 30000)
			cfg.Recipients[0].Files = []string{"briefing.pdf", "briefing.docx", "workbook.xlsx"}
			res, _ := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Now: testNow})
			if r := res.Receipts[0]; r.Status != tc.status {
				t.Fatalf("receipt %s (%s), want %s", r.Status, r.Detail, tc.status)
			}
			msgs := srv.messages()
			if tc.parts == 0 {
				if len(msgs) != 0 {
					t.Fatalf("%d mails sent, want none", len(msgs))
				}
				return
			}
			_, parts := parseMail(t, msgs[0].Data)
			if len(parts) != tc.parts {
				t.Errorf("%d parts, want %d", len(parts), tc.parts)
			}
			if !strings.Contains(string(parts[0].body), tc.body) {
				t.Errorf("body:\n%s\nwant %q", parts[0].body, tc.body)
			}
		})
	}
}
