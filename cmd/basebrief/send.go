package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/output/delivery"
	"github.com/basebrief/basebrief/report/chart"
)

// sendFlags are `basebrief send`'s own flags.
type sendFlags struct {
	packet   string
	config   string
	dryRun   bool
	resend   bool
	only     string
	delivery *delivery.Config // read by parse, so a mistake is a usage error
}

// parseSend reads the flags of `basebrief send`.
func parseSend(cfg config, args []string) (config, error) {
	fs := flag.NewFlagSet("basebrief send", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.send.packet, "packet", "", "")
	fs.StringVar(&cfg.send.config, "config", "", "")
	fs.BoolVar(&cfg.send.dryRun, "dry-run", false, "")
	fs.BoolVar(&cfg.send.resend, "resend", false, "")
	fs.StringVar(&cfg.send.only, "only", "", "")
	fs.DurationVar(&cfg.wait, "wait", 5*time.Minute, "")
	fs.StringVar(&cfg.logFormat, "log-format", "text", "")
	fs.StringVar(&cfg.history, "history", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, usagef("send: %v", err)
	}
	switch {
	case fs.NArg() > 0:
		return cfg, usagef("send: unexpected argument %q (flags come as --name value)", fs.Arg(0))
	case cfg.send.packet == "":
		return cfg, usagef("send: --packet DIR is required: the packet folder written by basebrief run")
	case cfg.send.config == "":
		return cfg, usagef("send: --config FILE.toml is required: the delivery file (see the README, Delivery)")
	case cfg.logFormat != "text" && cfg.logFormat != "json":
		return cfg, usagef("--log-format %q: expected text or json", cfg.logFormat)
	case cfg.wait < 0:
		return cfg, usagef("--wait %s: expected a duration of zero or more, such as 30s or 5m", cfg.wait)
	}
	if err := output.CheckOut(cfg.send.packet); err != nil {
		return cfg, usagef("--packet %q: expected a packet folder such as packet", cfg.send.packet)
	}
	// The packet is the out folder a run wrote: its history is found the
	// same way (DIR.history.db beside it unless --history says otherwise).
	cfg.out = cfg.send.packet
	if err := checkHistory(&cfg); err != nil {
		return cfg, err
	}
	if err := loadDelivery(&cfg.send, cfg.send.config); err != nil {
		return cfg, err
	}
	// A slice name that is no slice of the packet is a mistake in the
	// file, found before anything is sent. A folder that is no packet is
	// left to send itself, which says so.
	if p, err := delivery.OpenPacket(cfg.send.packet); err == nil {
		if err := checkSlices(&cfg.send, p.Slices()); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// checkSlices resolves the slices delivery.toml names against those run
// --slices will write (known), before the packet is rendered: a name
// that is none of them is a usage error naming the file, its line and
// the slices there are.
func checkSlices(s *sendFlags, known []string) error {
	if s.delivery == nil {
		return nil
	}
	if err := s.delivery.ResolveSlices(officialSlices(known), sliceKey); err != nil {
		return usagef("%v", err)
	}
	return nil
}

// loadDelivery reads delivery.toml and its credentials: a mistake in
// either is a usage error found before any work.
func loadDelivery(s *sendFlags, file string) error {
	c, err := delivery.LoadConfig(file)
	if err == nil {
		err = c.Check()
	}
	if err != nil {
		return usagef("--config %s: %v", file, err)
	}
	s.delivery = c
	return nil
}

// sendPacket is `basebrief send`: deliver a written packet, under the
// packet's lock so that no run replaces it meanwhile. Its receipts go to
// the history too, under the run that wrote the packet.
func sendPacket(ctx context.Context, cfg config, log *logger, stdout io.Writer) error {
	release, err := output.Lock(ctx, cfg.send.packet, cfg.wait)
	if err != nil {
		if errors.Is(err, output.ErrLocked) {
			return log.fail(err, "packet folder busy; nothing sent")
		}
		return log.fail(err, "cannot lock the packet folder; nothing sent")
	}
	defer release()
	var hist *runHistory
	if !cfg.send.dryRun {
		hist = packetHistory(ctx, cfg, log)
		defer hist.close()
	}
	return deliver(ctx, cfg.send, cfg.send.packet, log, stdout, hist)
}

// deliver sends the packet at dir and records this delivery's receipts in
// the history h (nil: none). The caller holds the packet's lock.
func deliver(ctx context.Context, s sendFlags, dir string, log *logger, stdout io.Writer, h *runHistory) (err error) {
	var got []delivery.Receipt // this delivery's, alerts included, in the order made
	opts := delivery.Options{Packet: dir, Config: s.delivery, DryRun: s.dryRun, Resend: s.resend, Only: s.only,
		Charts: chart.Names(), Log: log.Logger, Out: stdout, OnReceipt: func(r delivery.Receipt) { got = append(got, r) }}
	res, err := delivery.Deliver(ctx, opts)
	switch {
	case errors.Is(err, delivery.ErrIncomplete):
		err = log.fail(err, "packet written, delivery incomplete")
	case err != nil:
		return log.fail(fmt.Errorf("deliver: %w", err), "nothing sent")
	}
	if len(got) > 0 {
		h.delivered(ctx, dir, got, exitCode(err))
	}
	if err != nil || s.dryRun {
		return err
	}
	abs, aerr := filepath.Abs(dir)
	if aerr != nil {
		abs = dir
	}
	log.Info("delivered", "packet", abs, "receipts", len(res.Receipts), "skipped", len(res.Skipped))
	return nil
}
