package delivery

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"path"
	"strings"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// mailer sends through the [mail] server. One connection per message: a
// briefing goes to tens of recipients, and a fresh connection after a
// failure is what a retry wants anyway.
type mailer struct {
	cfg      *Mail
	password string
	tls      *tls.Config // nil: the system's roots, the host's name
	sleep    func(context.Context, time.Duration) error
}

// letter is one mail before it is encoded.
type letter struct {
	to, cc   []string
	subject  string
	body     string
	attached []Attachment
	undrawn  []string // charts named but not drawn for this packet, left out (the body says so)
}

// build makes the go-mail message. Attachment names are written both ways
// (see attachName): go-mail alone writes only an RFC 2047 word in quotes.
func (m *mailer) build(l letter) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(m.cfg.From); err != nil {
		return nil, fmt.Errorf("from %q: %w", m.cfg.From, err)
	}
	if err := msg.To(l.to...); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	if len(l.cc) > 0 {
		if err := msg.Cc(l.cc...); err != nil {
			return nil, fmt.Errorf("cc: %w", err)
		}
	}
	msg.Subject(l.subject)
	msg.SetMessageID()
	msg.SetDate()
	msg.SetBodyString(gomail.TypeTextPlain, l.body)
	for _, a := range l.attached {
		ct := mime.TypeByExtension(path.Ext(a.Name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		if err := msg.AttachReader(a.Name, strings.NewReader(string(a.Data)), attachName(a.Name, ct)); err != nil {
			return nil, fmt.Errorf("attach %s: %w", a.Path, err)
		}
	}
	return msg, nil
}

// attachName sets an attachment's Content-Type and Content-Disposition so
// that every mail client shows its Chinese name: the RFC 2047 encoded word
// (name=, filename=) that Chinese webmail and Outlook read, and the RFC 2231
// filename*= that standards-following clients prefer (RFC 6266 §4.3: a
// client that knows filename* uses it over filename). A raw UTF-8 name
// arrives garbled in some webmail (gophish/gophish#2096); a percent-encoded
// one alone showed as such in Gmail and Outlook (metabase/metabase#41669).
// go-mail keeps a header set on a file (msgwriter.go, addFiles).
func attachName(name, contentType string) gomail.FileOption {
	return func(f *gomail.File) {
		word := name
		if !isASCII(name) {
			word = mime.BEncoding.Encode("UTF-8", name)
		}
		f.Header.Set("Content-Type", fmt.Sprintf("%s; name=%q", contentType, word))
		disp := fmt.Sprintf("attachment; filename=%q", word)
		if !isASCII(name) {
			// FormatMediaType writes filename*=utf-8''%E6%96%B0... for a
			// non-ASCII value (RFC 2231).
			disp += strings.TrimPrefix(mime.FormatMediaType("attachment", map[string]string{"filename": name}), "attachment")
		}
		f.Header.Set("Content-Disposition", disp)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// size is the message's size as sent: headers, MIME parts and base64 (which
// adds a third to every attachment).
func size(msg *gomail.Msg) (int64, error) {
	return msg.WriteTo(io.Discard)
}

// client makes a go-mail client for the [mail] server: STARTTLS mandatory
// (go-mail's TLSMandatory: a server that does not offer it is refused, never
// a fall back to plain text as net/smtp's SendMail does), implicit TLS, or
// none on loopback only (checked in the config). Its connections are opened
// by cs (see conns).
func (m *mailer) client(cs *conns) (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(m.cfg.Port), gomail.WithTimeout(m.cfg.timeout),
		gomail.WithDialContextFunc(cs.dial)}
	tc := m.tls
	if tc == nil {
		tc = &tls.Config{ServerName: m.cfg.Host, MinVersion: tls.VersionTLS12}
	}
	switch m.cfg.TLS {
	case "tls":
		// go-mail's WithSSL dials TLS only with its own dialer (client.go,
		// DialToSMTPClientWithContext); with ours it would speak plain text
		// to port 465. cs dials TLS itself, and the opportunistic policy
		// reads the finished handshake as encrypted (client.go, tls: the
		// connection state's HandshakeComplete), so that AUTH may use PLAIN.
		cs.tls = tc
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic), gomail.WithTLSConfig(tc))
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory), gomail.WithTLSConfig(tc))
	}
	if m.cfg.Username != "" {
		// Auto-discovery picks the strongest mechanism offered and never
		// sends a password in the clear over an unencrypted connection.
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(m.cfg.Username), gomail.WithPassword(m.password))
	}
	return gomail.NewClient(m.cfg.Host, opts...)
}

// conns opens one send's connections and closes them when it is over.
// go-mail v0.8.1 leaves its connection open when the exchange after the
// greeting fails: DialToSMTPClientWithContext (client.go) returns on an
// EHLO/HELO, STARTTLS or AUTH error without closing what it dialled, and
// only smtp.NewClient closes on a bad greeting. It also watches the context
// only while dialling: a server that answers slowly holds a run for the
// whole timeout after SIGTERM. So the mailer dials itself
// (gomail.WithDialContextFunc), closes every connection it opened once
// DialAndSendWithContext returns, and closes them at once when ctx ends.
type conns struct {
	ctx  context.Context // the send's: its end closes the connections
	tls  *tls.Config     // non-nil: implicit TLS (tls = "tls")
	mu   sync.Mutex
	open []net.Conn
	stop []func() bool
}

// dial is go-mail's DialContextFunc. dctx is go-mail's own, cancelled when
// its dial function returns, so the connection is tied to c.ctx instead.
func (c *conns) dial(dctx context.Context, network, addr string) (net.Conn, error) {
	nd := &net.Dialer{}
	var (
		conn net.Conn
		err  error
	)
	if c.tls != nil {
		conn, err = (&tls.Dialer{NetDialer: nd, Config: c.tls}).DialContext(dctx, network, addr)
	} else {
		conn, err = nd.DialContext(dctx, network, addr)
	}
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.open = append(c.open, conn)
	c.stop = append(c.stop, context.AfterFunc(c.ctx, func() { conn.Close() }))
	return conn, nil
}

// close closes every connection dial opened. One that go-mail closed after
// QUIT is closed again harmlessly (net.ErrClosed, ignored).
func (c *conns) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, conn := range c.open {
		c.stop[i]()
		conn.Close()
	}
	c.open, c.stop = nil, nil
}

// outcome is what sending one message came to.
type outcome struct {
	attempts  int
	detail    string
	messageID string
	err       error
}

// send delivers msg, retrying with a doubling wait only on a temporary
// (4xx) refusal: a permanent one (5xx, a refused recipient, a server that
// does not offer STARTTLS) will not change by waiting. A server that cannot
// be reached is not retried within the run either: its receipt says failed
// and `basebrief send` later sends what is missing.
func (m *mailer) send(ctx context.Context, msg *gomail.Msg) outcome {
	wait := m.cfg.backoff
	var o outcome
	o.messageID = strings.Trim(msg.GetMessageID(), "<>")
	for {
		o.attempts++
		cs := &conns{ctx: ctx}
		c, err := m.client(cs)
		if err == nil {
			err = c.DialAndSendWithContext(ctx, msg)
		}
		cs.close()
		if err == nil {
			o.detail = msg.ServerResponse()
			if o.detail == "" {
				o.detail = "accepted"
			}
			o.err = nil
			return o
		}
		o.err = err
		o.detail = scrub(err.Error(), m.password)
		if !temporary(err) || o.attempts > m.cfg.Retries {
			return o
		}
		if serr := m.sleep(ctx, wait); serr != nil {
			return o
		}
		wait *= 2
	}
}

// temporary reports whether err is an SMTP 4xx answer.
func temporary(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && se.IsTemp()
}

// scrub removes a secret from a message that is logged or recorded.
func scrub(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "***")
}
