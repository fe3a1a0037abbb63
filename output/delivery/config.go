package delivery

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is delivery.toml (see the README, "Delivery").
type Config struct {
	Mail       *Mail       `toml:"mail"`
	Recipients []Recipient `toml:"recipient"`
	Robots     []Robot     `toml:"robot"`
	Alert      Alert       `toml:"alert"`

	file string // where it was read, for messages
}

// Mail is the [mail] table: the SMTP server and the sender.
type Mail struct {
	Host         string  `toml:"host"`
	Port         int     `toml:"port"`          // default 587, 465 with tls = "tls"
	TLS          string  `toml:"tls"`           // starttls (default), tls, none (loopback only)
	Username     string  `toml:"username"`      // optional
	PasswordEnv  string  `toml:"password_env"`  // an environment variable holding the password
	PasswordFile string  `toml:"password_file"` // or a file readable by its owner alone
	From         string  `toml:"from"`
	MaxMB        float64 `toml:"max_mb"`   // default 20; the encoded message's size
	Oversize     string  `toml:"oversize"` // pdf_only (default) or fail
	Timeout      string  `toml:"timeout"`  // per connection and command, default 30s
	Retries      int     `toml:"retries"`  // attempts after a temporary (4xx) failure, default 3
	Backoff      string  `toml:"backoff"`  // first wait between attempts, doubled each time, default 30s

	timeout, backoff time.Duration
}

// Recipient is one [[recipient]]: the people who get one mail.
type Recipient struct {
	Name  string   `toml:"name"`
	To    []string `toml:"to"`
	Cc    []string `toml:"cc"`
	Slice string   `toml:"slice"` // a packet under slices/ (needs run --slices); see ResolveSlices
	Files []string `toml:"files"` // default briefing.pdf and briefing.docx

	sliceLine int // the line of slice in the file, for messages; 0 unknown
}

// Robot is one [[robot]]: a group chat's webhook.
type Robot struct {
	Name       string   `toml:"name"`
	Kind       string   `toml:"kind"` // wecom, dingtalk or feishu
	URL        string   `toml:"url"`
	URLEnv     string   `toml:"url_env"`
	Secret     string   `toml:"secret"` // rather secret_env or secret_file
	SecretEnv  string   `toml:"secret_env"`
	SecretFile string   `toml:"secret_file"`
	Slice      string   `toml:"slice"`
	Files      []string `toml:"files"` // wecom only: uploaded with upload_media

	sliceLine int
}

// Alert is the [alert] table: who is told of a failure.
type Alert struct {
	To    []string `toml:"to"`
	Robot string   `toml:"robot"`
}

// Defaults.
const (
	defaultMaxMB    = 20
	defaultTimeout  = 30 * time.Second
	defaultBackoff  = 30 * time.Second
	defaultRetries  = 3
	OversizePDFOnly = "pdf_only"
	OversizeFail    = "fail"
)

// DefaultFiles are what a recipient gets when its files are not listed.
var DefaultFiles = []string{"briefing.pdf", "briefing.docx"}

// LoadConfig reads and checks delivery.toml. Every mistake found is
// reported at once, each naming the table and the key to fix.
func LoadConfig(file string) (*Config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read delivery config: %w", err)
	}
	return ParseConfig(file, b)
}

// ParseConfig is LoadConfig on bytes already read; file names them.
func ParseConfig(file string, b []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(b), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %s", file, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	c.file = file
	for i, n := range keyLines(b, "recipient", "slice") {
		if i < len(c.Recipients) {
			c.Recipients[i].sliceLine = n
		}
	}
	for i, n := range keyLines(b, "robot", "slice") {
		if i < len(c.Robots) {
			c.Robots[i].sliceLine = n
		}
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("%s: unknown key %q (see the README, Delivery, for the keys)", file, k.String()))
	}
	errs = append(errs, c.check()...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// check fills the defaults and lists every mistake.
func (c *Config) check() []error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", c.file, where, fmt.Sprintf(format, args...)))
	}
	if len(c.Recipients) > 0 && c.Mail == nil {
		bad("[mail]", "missing; recipients are mailed, so the file needs a [mail] table with host and from")
	}
	if len(c.Recipients) == 0 && len(c.Robots) == 0 {
		bad("file", "no [[recipient]] and no [[robot]]: nothing to deliver")
	}
	if m := c.Mail; m != nil {
		m.check(bad)
	}
	names := map[string]string{}
	for i := range c.Recipients {
		r := &c.Recipients[i]
		where := fmt.Sprintf("[[recipient]] %d", i+1)
		if r.Name == "" {
			bad(where, "name is empty; give each recipient a name (it is the receipt's key)")
		} else if prev, ok := names[r.Name]; ok {
			bad(where, "name %q is also %s; names must differ", r.Name, prev)
		} else {
			names[r.Name] = where
		}
		if len(r.To) == 0 {
			bad(where, "to is empty; give at least one address")
		}
		for _, a := range append(append([]string{}, r.To...), r.Cc...) {
			if _, err := mail.ParseAddress(a); err != nil {
				bad(where, "address %q: %v", a, err)
			}
		}
		if len(r.Files) == 0 {
			r.Files = slices.Clone(DefaultFiles)
		}
		for _, f := range r.Files {
			if !validFile(f) {
				bad(where, "file %q: name a packet file by its path in the packet, such as briefing.pdf", f)
			}
		}
	}
	for i := range c.Robots {
		r := &c.Robots[i]
		where := fmt.Sprintf("[[robot]] %d", i+1)
		switch {
		case r.Name == "":
			bad(where, "name is empty; give each robot a name (it is the receipt's key)")
		case names[r.Name] != "":
			bad(where, "name %q is also %s; names must differ", r.Name, names[r.Name])
		default:
			names[r.Name] = where
		}
		switch r.Kind {
		case KindWeCom, KindDingTalk, KindFeishu:
		default:
			bad(where, "kind %q: expected wecom, dingtalk or feishu", r.Kind)
		}
		if (r.URL == "") == (r.URLEnv == "") {
			bad(where, "give exactly one of url and url_env")
		}
		if len(r.Files) > 0 && r.Kind != KindWeCom {
			bad(where, "files: only a wecom robot can send files; the others get the notice alone")
		}
		for _, f := range r.Files {
			if !validFile(f) {
				bad(where, "file %q: name a packet file by its path in the packet, such as briefing.pdf", f)
			}
		}
		if n := btoi(r.Secret != "") + btoi(r.SecretEnv != "") + btoi(r.SecretFile != ""); n > 1 {
			bad(where, "give at most one of secret, secret_env and secret_file")
		}
	}
	for _, a := range c.Alert.To {
		if _, err := mail.ParseAddress(a); err != nil {
			bad("[alert]", "address %q: %v", a, err)
		}
	}
	if len(c.Alert.To) > 0 && c.Mail == nil {
		bad("[alert]", "to needs a [mail] table to send through")
	}
	if c.Alert.Robot != "" && !slices.ContainsFunc(c.Robots, func(r Robot) bool { return r.Name == c.Alert.Robot }) {
		bad("[alert]", "robot %q is not the name of any [[robot]]", c.Alert.Robot)
	}
	return errs
}

func (m *Mail) check(bad func(where, format string, args ...any)) {
	if m.Host == "" {
		bad("[mail]", "host is empty; name the SMTP server, such as smtp.example.gov.cn")
	}
	if _, err := mail.ParseAddress(m.From); err != nil {
		bad("[mail]", "from %q: %v; write it as 名称 <brief@example.gov.cn>", m.From, err)
	}
	switch m.TLS {
	case "":
		m.TLS = "starttls"
	case "starttls", "tls":
	case "none":
		if !IsLoopback(m.Host) {
			bad("[mail]", `tls = "none" on %q: mail leaves this machine unencrypted; none is allowed only for a loopback host (localhost, 127.0.0.1, ::1)`, m.Host)
		}
	default:
		bad("[mail]", "tls %q: expected starttls, tls or none", m.TLS)
	}
	if m.Port == 0 {
		m.Port = 587
		if m.TLS == "tls" {
			m.Port = 465
		}
	}
	if m.Port < 0 || m.Port > 65535 {
		bad("[mail]", "port %d: expected 1 to 65535", m.Port)
	}
	if m.PasswordEnv != "" && m.PasswordFile != "" {
		bad("[mail]", "give password_env or password_file, not both")
	}
	if (m.PasswordEnv != "" || m.PasswordFile != "") && m.Username == "" {
		bad("[mail]", "a password is given but username is empty")
	}
	if m.MaxMB == 0 {
		m.MaxMB = defaultMaxMB
	}
	if m.MaxMB < 0 {
		bad("[mail]", "max_mb %v: expected a positive size in MB, such as 20", m.MaxMB)
	}
	switch m.Oversize {
	case "":
		m.Oversize = OversizePDFOnly
	case OversizePDFOnly, OversizeFail:
	default:
		bad("[mail]", "oversize %q: expected pdf_only or fail", m.Oversize)
	}
	m.timeout = parseDur(m.Timeout, defaultTimeout, "[mail] timeout", bad)
	m.backoff = parseDur(m.Backoff, defaultBackoff, "[mail] backoff", bad)
	if m.Retries == 0 {
		m.Retries = defaultRetries
	}
	if m.Retries < 0 {
		m.Retries = 0
	}
}

func parseDur(s string, def time.Duration, where string, bad func(where, format string, args ...any)) time.Duration {
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		bad(where, "%q: expected a duration such as 30s or 2m", s)
		return def
	}
	return d
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// validFile accepts a slash-separated relative path without . or .. parts.
func validFile(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && !strings.HasPrefix(p, "../") && p != ".."
}

// IsLoopback reports whether host names this machine: localhost or a
// loopback address. No lookup is made: a name that resolves to loopback
// today may not tomorrow.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// secret reads a credential from an environment variable or from a file
// that its owner alone may read (mode 0600 or stricter). The value is never
// logged or put in an error.
func secret(env, file, what string) (string, error) {
	switch {
	case env != "":
		v, ok := os.LookupEnv(env)
		if !ok || v == "" {
			return "", fmt.Errorf("%s: environment variable %s is not set", what, env)
		}
		return v, nil
	case file != "":
		st, err := os.Stat(file)
		if err != nil {
			return "", fmt.Errorf("%s: %w", what, err)
		}
		if st.Mode().Perm()&0o077 != 0 {
			return "", fmt.Errorf("%s: %s is mode %04o, readable by others; run chmod 600 %s", what, file, st.Mode().Perm(), file)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("%s: %w", what, err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	return "", nil
}
