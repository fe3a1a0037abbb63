package delivery

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigMistakes(t *testing.T) {
	const mail = "[mail]\nhost = \"127.0.0.1\"\nfrom = \"a@example.gov.cn\"\n"
	const rcpt = "[[recipient]]\nname = \"甲\"\nto = [\"b@example.gov.cn\"]\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown key", mail + "tsl = \"none\"\n" + rcpt, `unknown key "mail.tsl"`},
		{"tls none off loopback", strings.Replace(mail, "127.0.0.1", "smtp.example.gov.cn", 1) + "tls = \"none\"\n" + rcpt, "allowed only for a loopback host"},
		{"bad tls", mail + "tls = \"ssl\"\n" + rcpt, `tls "ssl": expected starttls, tls or none`},
		{"oversize", mail + "oversize = \"drop\"\n" + rcpt, `oversize "drop": expected pdf_only or fail`},
		{"no recipients", mail, "nothing to deliver"},
		{"duplicate name", mail + rcpt + rcpt, `name "甲" is also [[recipient]] 1`},
		{"bad address", mail + "[[recipient]]\nname = \"乙\"\nto = [\"not an address\"]\n", `[[recipient]] 1: address "not an address"`},
		{"robot kind", "[[robot]]\nname = \"群\"\nkind = \"slack\"\nurl = \"http://x\"\n", `kind "slack": expected wecom, dingtalk or feishu`},
		{"files on dingtalk", "[[robot]]\nname = \"群\"\nkind = \"dingtalk\"\nurl = \"http://x\"\nfiles = [\"briefing.pdf\"]\n", "only a wecom robot can send files"},
		{"alert robot unknown", mail + rcpt + "[alert]\nrobot = \"群\"\n", `robot "群" is not the name of any [[robot]]`},
		{"syntax", "[mail\n", "delivery.toml:2:6: expected"},
		{"escaping file", mail + "[[recipient]]\nname = \"乙\"\nto = [\"b@example.gov.cn\"]\nfiles = [\"../secret\"]\n", `file "../secret"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig("delivery.toml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
		})
	}
	c, err := ParseConfig("delivery.toml", []byte(mail+rcpt))
	if err != nil {
		t.Fatal(err)
	}
	m := c.Mail
	if m.TLS != "starttls" || m.Port != 587 || m.MaxMB != 20 || m.Oversize != "pdf_only" || m.Retries != 3 ||
		strings.Join(c.Recipients[0].Files, ",") != "briefing.pdf,briefing.docx" {
		t.Errorf("defaults: %+v %v", m, c.Recipients[0].Files)
	}
}

func TestPasswordFileMode(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "smtp.pass")
	os.WriteFile(f, []byte("s3cret\n"), 0o644)
	src := "[mail]\nhost = \"127.0.0.1\"\nfrom = \"a@example.gov.cn\"\nusername = \"u\"\npassword_file = \"" + f + "\"\n[[recipient]]\nname = \"甲\"\nto = [\"b@example.gov.cn\"]\n"
	c, err := ParseConfig("delivery.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = c.Check()
	if err == nil || !strings.Contains(err.Error(), "is mode 0644, readable by others; run chmod 600") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("mode 0644: %v", err)
	}
	os.Chmod(f, 0o600)
	s, err := c.secrets()
	if err != nil || s.password != "s3cret" {
		t.Errorf("mode 0600: %v", err)
	}
}
