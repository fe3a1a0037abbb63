package delivery

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"
)

// ErrIncomplete is returned (wrapped) when some delivery failed: the packet
// is written, delivery.json says which receipt failed. basebrief exits 4.
var ErrIncomplete = errors.New("delivery incomplete")

// Options are a delivery's settings beside the config.
type Options struct {
	Packet string // the packet folder
	Config *Config
	DryRun bool   // list what would go to whom, send nothing
	Resend bool   // send again what a receipt says was sent
	Only   string // a recipient or robot name: deliver to it alone
	// Charts are the file stems of every chart basebrief may draw
	// (report/chart.Names): one named in delivery.toml that a packet
	// lacks was not drawn for its data, and is left out, the mail saying
	// so. nil: every file named must be in the packet.
	Charts []string

	Log *slog.Logger // nil: discard
	Out io.Writer    // where --dry-run lists; nil: discard
	// OnReceipt is called with each receipt as it is recorded (the history
	// keeps them).
	OnReceipt func(Receipt)

	// For tests; zero values are the real thing.
	Now   func() time.Time
	Sleep func(context.Context, time.Duration) error
	HTTP  *http.Client
	TLS   *tls.Config // the mail server's TLS settings (its roots)
}

// Result is what a delivery did.
type Result struct {
	Receipts []Receipt // this run's, in config order
	Skipped  []string  // recipients already sent, not sent again
	Failed   []Receipt
}

// secrets are the credentials, read once before anything is sent.
type secrets struct {
	password string
	urls     map[string]string
	keys     map[string]string
}

// Check reads every credential the config names, so that a missing
// environment variable or a password file others can read is found before a
// packet is built. Nothing is sent.
func (c *Config) Check() error {
	_, err := c.secrets()
	return err
}

func (c *Config) secrets() (*secrets, error) {
	s := &secrets{urls: map[string]string{}, keys: map[string]string{}}
	var errs []error
	if m := c.Mail; m != nil {
		p, err := secret(m.PasswordEnv, m.PasswordFile, c.file+": [mail] password")
		if err != nil {
			errs = append(errs, err)
		}
		s.password = p
	}
	for i, r := range c.Robots {
		where := fmt.Sprintf("%s: [[robot]] %d %q", c.file, i+1, r.Name)
		u := r.URL
		if r.URLEnv != "" {
			v, err := secret(r.URLEnv, "", where+" url")
			if err != nil {
				errs = append(errs, err)
			}
			u = v
		}
		s.urls[r.Name] = u
		k := r.Secret
		if k == "" {
			v, err := secret(r.SecretEnv, r.SecretFile, where+" secret")
			if err != nil {
				errs = append(errs, err)
			}
			k = v
		}
		s.keys[r.Name] = k
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// Deliver sends the packet as the config says and records the receipts in
// the packet's delivery.json. It returns ErrIncomplete (wrapped) when any
// delivery failed, after alerting; other errors mean nothing was attempted.
func Deliver(ctx context.Context, o Options) (*Result, error) {
	d, err := newRun(o)
	if err != nil {
		return nil, err
	}
	if o.DryRun {
		return d.res, d.dryRun()
	}
	for _, r := range d.cfg.Recipients {
		if d.wanted(r.Name, ChannelMail) {
			d.record(d.mailRecipient(ctx, r))
		}
	}
	for _, r := range d.cfg.Robots {
		if d.wanted(r.Name, r.Kind) {
			d.record(d.robotRecipient(ctx, r))
		}
	}
	if err := writeReceipts(o.Packet, d.all); err != nil {
		d.log.Error("cannot record the receipts", "packet", o.Packet, "err", err.Error())
		d.alert(ctx)
		return d.res, fmt.Errorf("%w: %w", ErrIncomplete, err)
	}
	if len(d.res.Failed) == 0 {
		return d.res, nil
	}
	d.alert(ctx)
	if err := writeReceipts(o.Packet, d.all); err != nil {
		d.log.Error("cannot record the alert's receipts", "packet", o.Packet, "err", err.Error())
	}
	names := make([]string, len(d.res.Failed))
	for i, f := range d.res.Failed {
		names[i] = f.Recipient + " (" + f.Channel + ")"
	}
	return d.res, fmt.Errorf("%w: %d failed: %s; see %s/delivery.json", ErrIncomplete, len(names), strings.Join(names, ", "), o.Packet)
}

// run is one delivery in progress.
type run struct {
	o      Options
	cfg    *Config
	pkt    *Packet
	sec    *secrets
	log    *slog.Logger
	now    func() time.Time
	mail   *mailer
	robots map[string]*robot
	all    []Receipt // delivery.json: earlier receipts, updated
	prior  []Receipt
	res    *Result
}

func newRun(o Options) (*run, error) {
	if o.Config == nil {
		return nil, errors.New("no delivery config")
	}
	d := &run{o: o, cfg: o.Config, log: o.Log, now: o.Now, res: &Result{}, robots: map[string]*robot{}}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if d.now == nil {
		d.now = time.Now
	}
	sleep := o.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	if o.Only != "" && !slices.ContainsFunc(d.cfg.Recipients, func(r Recipient) bool { return r.Name == o.Only }) &&
		!slices.ContainsFunc(d.cfg.Robots, func(r Robot) bool { return r.Name == o.Only }) {
		return nil, fmt.Errorf("--only %q: no [[recipient]] or [[robot]] of that name in %s", o.Only, d.cfg.file)
	}
	var err error
	if d.pkt, err = OpenPacket(o.Packet); err != nil {
		return nil, err
	}
	d.pkt.knowCharts(o.Charts)
	// basebrief resolves the slices against the data or the packet before
	// this (ResolveSlices, with the division table's key); a name still
	// unknown here fails its recipient's receipt (and alerts), naming the
	// slices there are.
	_ = d.cfg.ResolveSlices(d.pkt.Slices(), nil)
	if d.sec, err = d.cfg.secrets(); err != nil {
		return nil, err
	}
	if d.prior, err = ReadReceipts(o.Packet); err != nil {
		return nil, err
	}
	d.all = slices.Clone(d.prior)
	if d.cfg.Mail != nil {
		d.mail = &mailer{cfg: d.cfg.Mail, password: d.sec.password, tls: o.TLS, sleep: sleep}
	}
	hc := o.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	for _, r := range d.cfg.Robots {
		d.robots[r.Name] = &robot{cfg: r, url: d.sec.urls[r.Name], secret: d.sec.keys[r.Name], http: hc, now: d.now, sleep: sleep}
	}
	return d, nil
}

// wanted says whether name is to be delivered now: --only, and not already
// sent unless --resend.
func (d *run) wanted(name, channel string) bool {
	if d.o.Only != "" && name != d.o.Only {
		return false
	}
	if r, ok := find(d.prior, name, channel); ok && r.Status == StatusSent && !d.o.Resend {
		d.res.Skipped = append(d.res.Skipped, name)
		d.log.Info("already delivered; not sent again (use --resend)", "recipient", name, "channel", channel, "at", r.Time)
		return false
	}
	return true
}

// record keeps a receipt, logs it and passes it to the hook.
func (d *run) record(r Receipt) {
	r.Time = d.now().UTC().Format(time.RFC3339)
	d.all = merge(d.all, r)
	if r.Recipient != AlertRecipient {
		d.res.Receipts = append(d.res.Receipts, r)
		if r.Status == StatusFailed {
			d.res.Failed = append(d.res.Failed, r)
		}
	}
	if r.Status == StatusFailed {
		d.log.Error("delivery failed", "recipient", r.Recipient, "channel", r.Channel, "attempts", r.Attempts, "cause", r.Detail)
	} else {
		d.log.Info("delivered", "recipient", r.Recipient, "channel", r.Channel, "attempts", r.Attempts, "message_id", r.MessageID)
	}
	if d.o.OnReceipt != nil {
		d.o.OnReceipt(r)
	}
}

func failed(name, channel string, attempts int, err error) Receipt {
	return Receipt{Recipient: name, Channel: channel, Status: StatusFailed, Attempts: attempts, Detail: err.Error()}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
