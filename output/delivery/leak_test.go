package delivery

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"
)

// badSMTPD is a server that fails one step of the SMTP exchange and then
// watches whether the client closes its connection: it reports what its
// next read gets, io.EOF when the client hung up, a timeout when the
// client left the connection open.
type badSMTPD struct {
	port   int
	closed chan error // one per connection: the read after the failure
}

// newBadSMTPD serves fail: given the connection and its reader, it plays
// the exchange up to the failure.
func newBadSMTPD(t *testing.T, fail func(c net.Conn, r *bufio.Reader, say func(string))) *badSMTPD {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &badSMTPD{port: ln.Addr().(*net.TCPAddr).Port, closed: make(chan error, 8)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				say := func(line string) { io.WriteString(c, line+"\r\n") }
				fail(c, r, say)
				// Longer than the test waits for the client, shorter than
				// its 5 s timeout: a client that keeps the connection
				// open shows here as a timeout. Whatever it still says
				// (QUIT, AUTH's "*") is refused, so that it never waits
				// on the server.
				c.SetReadDeadline(time.Now().Add(3 * time.Second))
				var err error
				for err == nil {
					if _, err = r.ReadString('\n'); err == nil {
						say("503 5.5.1 no")
					}
				}
				// A client that closes with bytes of ours unread (the
				// garbage a failed TLS handshake stopped at) resets the
				// connection: closed too.
				if errors.Is(err, syscall.ECONNRESET) {
					err = io.EOF
				}
				s.closed <- err
			}()
		}
	}()
	t.Cleanup(func() { ln.Close(); <-done })
	return s
}

// expect reads one command line and checks its verb.
func expect(r *bufio.Reader, verb string) bool {
	line, err := r.ReadString('\n')
	return err == nil && strings.HasPrefix(strings.ToUpper(line), verb)
}

// TestFailedExchangeClosesConnection: whichever step of the exchange the
// server fails, the client closes its connection (go-mail v0.8.1 alone
// leaves it open after a failed EHLO, STARTTLS or AUTH) and the receipt
// says failed.
func TestFailedExchangeClosesConnection(t *testing.T) {
	_, clientTLS := testTLS(t)
	for _, tc := range []struct {
		name, tls, detail string
		auth              bool
		fail              func(c net.Conn, r *bufio.Reader, say func(string))
	}{
		{"greeting refused", "none", "554", false, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("554 5.3.2 no service for you")
		}},
		{"EHLO and HELO refused", "none", "550", false, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("220 localhost ESMTP")
			if expect(r, "EHLO") {
				say("550 5.7.1 go away")
			}
			if expect(r, "HELO") {
				say("550 5.7.1 go away")
			}
		}},
		{"STARTTLS not offered", "starttls", "does not support STARTTLS", false, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("220 localhost ESMTP")
			if expect(r, "EHLO") {
				say("250 localhost")
			}
		}},
		{"STARTTLS refused", "starttls", "454", false, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("220 localhost ESMTP")
			if expect(r, "EHLO") {
				say("250-localhost")
				say("250 STARTTLS")
			}
			if expect(r, "STARTTLS") {
				say("454 4.7.0 TLS not available")
			}
		}},
		{"TLS handshake fails", "starttls", "tls", false, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("220 localhost ESMTP")
			if expect(r, "EHLO") {
				say("250-localhost")
				say("250 STARTTLS")
			}
			if expect(r, "STARTTLS") {
				say("220 2.0.0 ready")
				// After the ClientHello: what the client's reader
				// buffered with the 220 line would never reach TLS.
				if _, err := r.Peek(5); err == nil {
					say("this is not a TLS handshake")
				}
			}
		}},
		{"AUTH refused", "none", "535", true, func(c net.Conn, r *bufio.Reader, say func(string)) {
			say("220 localhost ESMTP")
			if expect(r, "EHLO") {
				say("250-localhost")
				say("250 AUTH CRAM-MD5")
			}
			if expect(r, "AUTH") {
				say("535 5.7.8 authentication failed")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newBadSMTPD(t, tc.fail)
			cfg := mailConfig(t, srv.port, "")
			cfg.Mail.TLS = tc.tls
			if tc.auth {
				t.Setenv("BASEBRIEF_TEST_PASS", "s3cret")
				cfg.Mail.Username, cfg.Mail.PasswordEnv = "brief", "BASEBRIEF_TEST_PASS"
			}
			res, err := Deliver(context.Background(), Options{Packet: fakePacket(t, 100), Config: cfg, Now: testNow, TLS: clientTLS})
			if !errors.Is(err, ErrIncomplete) {
				t.Fatalf("err %v, want ErrIncomplete", err)
			}
			if r := res.Failed; len(r) != 1 || !strings.Contains(r[0].Detail, tc.detail) {
				t.Errorf("failed %+v, want a detail with %q", r, tc.detail)
			}
			if err := <-srv.closed; !errors.Is(err, io.EOF) {
				t.Errorf("the server's read after the failure: %v, want EOF (the client closed)", err)
			}
		})
	}
}

// TestCancelClosesConnection: a server that accepts and never greets holds
// a send only until the run's context ends (SIGTERM), not for the whole
// timeout, and the connection is closed.
func TestCancelClosesConnection(t *testing.T) {
	srv := newBadSMTPD(t, func(c net.Conn, r *bufio.Reader, say func(string)) {})
	cfg := mailConfig(t, srv.port, "")
	dir := fakePacket(t, 100)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	res, err := Deliver(ctx, Options{Packet: dir, Config: cfg, Now: testNow})
	if !errors.Is(err, ErrIncomplete) || len(res.Failed) != 1 {
		t.Fatalf("err %v, failed %+v", err, res.Failed)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("send took %v after the context ended at 300ms; the timeout is 5s", d)
	}
	if err := <-srv.closed; !errors.Is(err, io.EOF) {
		t.Errorf("the server's read: %v, want EOF (the client closed)", err)
	}
}

// TestImplicitTLS: tls = "tls" speaks TLS from the first byte, and AUTH
// PLAIN goes over it (the handshake counts as encryption).
func TestImplicitTLS(t *testing.T) {
	serverTLS, clientTLS := testTLS(t)
	got := make(chan string, 1)
	srv := newBadSMTPD(t, func(c net.Conn, _ *bufio.Reader, _ func(string)) {
		tc := tls.Server(c, serverTLS)
		if tc.Handshake() != nil {
			got <- "no handshake"
			return
		}
		r := bufio.NewReader(tc)
		say := func(line string) { io.WriteString(tc, line+"\r\n") }
		say("220 localhost ESMTP")
		var auth string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				got <- auth
				return
			}
			switch v := strings.ToUpper(strings.Fields(line + " x")[0]); v {
			case "EHLO":
				say("250-localhost")
				say("250 AUTH PLAIN LOGIN")
			case "AUTH":
				auth = strings.Fields(line)[1]
				say("235 2.7.0 ok")
			case "MAIL", "RCPT", "RSET", "NOOP":
				say("250 ok")
			case "DATA":
				say("354 go on")
				for l, err := r.ReadString('\n'); err == nil && l != ".\r\n"; l, err = r.ReadString('\n') {
				}
				say("250 2.0.0 queued")
			case "QUIT":
				say("221 bye")
				tc.Close()
				got <- auth
				return
			}
		}
	})
	t.Setenv("BASEBRIEF_TEST_PASS", "s3cret")
	cfg := mailConfig(t, srv.port, "")
	cfg.Mail.TLS, cfg.Mail.Username, cfg.Mail.PasswordEnv = "tls", "brief", "BASEBRIEF_TEST_PASS"
	res, err := Deliver(context.Background(), Options{Packet: fakePacket(t, 100), Config: cfg, Now: testNow, TLS: clientTLS})
	if err != nil {
		t.Fatalf("%v (receipts %+v)", err, res)
	}
	if a := <-got; a != "PLAIN" {
		t.Errorf("AUTH %q over implicit TLS, want PLAIN", a)
	}
}
