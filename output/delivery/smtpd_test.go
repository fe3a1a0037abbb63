package delivery

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpd is a minimal SMTP server for the unit tests (RFC 5321's commands as
// go-mail uses them), on loopback. It can refuse recipients (550), answer
// MAIL FROM with 451 a number of times, and offer STARTTLS.
type smtpd struct {
	t        *testing.T
	ln       net.Listener
	port     int
	tls      *tls.Config // non-nil: STARTTLS offered
	refuse   map[string]bool
	mu       sync.Mutex
	tempFail int // MAIL FROM answers 451 this many more times
	got      []smtpMsg
	conns    []net.Conn
	wg       sync.WaitGroup
}

type smtpMsg struct {
	From string
	To   []string
	Data []byte
	TLS  bool
}

func newSMTPD(t *testing.T) *smtpd {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpd{t: t, ln: ln, port: ln.Addr().(*net.TCPAddr).Port, refuse: map[string]bool{}}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(func() {
		ln.Close()
		// A session still open (a client test that failed half-way) must
		// not hold the test: close the server's side. (go-mail v0.8.1
		// leaves its connection open when EHLO, STARTTLS or AUTH fails;
		// the mailer closes its own, see conns and leak_test.go.)
		s.mu.Lock()
		for _, c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		s.wg.Wait()
	})
	return s
}

func (s *smtpd) messages() []smtpMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMsg(nil), s.got...)
}

func (s *smtpd) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns = append(s.conns, c)
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			s.session(c)
		}()
	}
}

func (s *smtpd) session(c net.Conn) {
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	say := func(format string, a ...any) {
		fmt.Fprintf(w, format+"\r\n", a...)
		w.Flush()
	}
	say("220 localhost ESMTP test")
	var cur smtpMsg
	secure := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		arg := strings.TrimSpace(strings.TrimPrefix(line, strings.SplitN(line, " ", 2)[0]))
		switch verb {
		case "EHLO":
			ext := []string{"localhost", "8BITMIME", "SIZE 104857600"}
			if s.tls != nil && !secure {
				ext = append(ext, "STARTTLS")
			}
			for i, e := range ext {
				sep := "-"
				if i == len(ext)-1 {
					sep = " "
				}
				say("250%s%s", sep, e)
			}
		case "HELO":
			say("250 localhost")
		case "STARTTLS":
			if s.tls == nil || secure {
				say("502 5.5.1 not offered")
				continue
			}
			say("220 2.0.0 ready")
			tc := tls.Server(c, s.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, secure = tc, true
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
			cur = smtpMsg{}
		case "MAIL":
			s.mu.Lock()
			temp := s.tempFail > 0
			if temp {
				s.tempFail--
			}
			s.mu.Unlock()
			if temp {
				say("451 4.3.0 try again later")
				continue
			}
			cur = smtpMsg{From: addrArg(arg), TLS: secure}
			say("250 2.1.0 ok")
		case "RCPT":
			a := addrArg(arg)
			if s.refuse[a] {
				say("550 5.1.1 <%s>: mailbox unavailable", a)
				continue
			}
			cur.To = append(cur.To, a)
			say("250 2.1.5 ok")
		case "DATA":
			say("354 end with <CR><LF>.<CR><LF>")
			var buf bytes.Buffer
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				buf.WriteString(strings.TrimPrefix(l, ".")) // dot-unstuffing
			}
			cur.Data = buf.Bytes()
			s.mu.Lock()
			s.got = append(s.got, cur)
			n := len(s.got)
			s.mu.Unlock()
			say("250 2.0.0 ok: queued as T%d", n)
		case "RSET":
			cur = smtpMsg{}
			say("250 2.0.0 ok")
		case "NOOP":
			say("250 2.0.0 ok")
		case "QUIT":
			say("221 2.0.0 bye")
			return
		default:
			say("502 5.5.2 unknown command")
		}
	}
}

// addrArg takes the address out of "FROM:<a@b> SIZE=1" or "TO:<a@b>".
func addrArg(arg string) string {
	i, j := strings.IndexByte(arg, '<'), strings.IndexByte(arg, '>')
	if i < 0 || j < i {
		return arg
	}
	return arg[i+1 : j]
}

// testTLS makes a self-signed certificate for 127.0.0.1: the server's
// config, and a client config that trusts it.
func testTLS(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	server = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	client = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	return server, client
}
