package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/output"
)

const usage = `basebrief turns CSV records of innovation bases (实践创新基地), their cities and
membership figures of the new social strata into a briefing packet: briefing.pdf,
briefing.docx, workbook.xlsx, charts/*.png and *.svg, summary.json and manifest.json.

Usage:
  basebrief run      [--data DIR] [--out DIR] [--period P] [--region R] [--lang zh|en]
                     [--title T] [--issue N] [--date YYYY-MM-DD] [--font FILE.ttf]
                     [--plain-masthead] [--strict] [--wait DURATION] [--log-format text|json]
                     [--send FILE.toml] [--history FILE|none]
  basebrief validate [--data DIR] [--strict]
  basebrief send     --packet DIR --config FILE.toml [--dry-run] [--resend] [--only NAME]
                     [--history FILE|none]
  basebrief history  [--history FILE] runs | revisions [--run N] | show RUN  [--json]
  basebrief template [--out FILE.xlsx] [--lang zh|en] [--force]
  basebrief version
  basebrief help

Flags:
  --data DIR         folder with cities.csv, bases.csv, figures.csv (each may be an .xlsx
                     workbook instead, or all three sheets of one data.xlsx) and an optional
                     briefing.toml (default: the embedded western-region dataset)
  --out DIR          packet folder, replaced atomically (default "packet")
  --period P         period to compare: 2019, 2019-05, 2019-05-17, 2019年, 2019年5月
                     (default: the latest in the data)
  --region R         limit the packet to one region (片区) (default: all)
  --lang zh|en       language of the packet (default zh)
  --title T          briefing title, overrides briefing.toml
  --issue N          issue number (期号), overrides briefing.toml
  --date YYYY-MM-DD  briefing date, overrides briefing.toml
  --font FILE.ttf    TrueType font with Chinese glyphs, used before the embedded faces
                     (WenQuanYi Micro Hei, Brief Kai GB, AR PL SungtiL GB)
  --plain-masthead   leave the briefing's red masthead (报头) blank, for pre-printed paper
  --strict           treat warnings (unknown columns, cities without figures) as errors
  --wait DURATION    how long to wait for another run on the same --out (default 5m)
  --log-format F     stderr log format: text or json (default text)
  --slices province|region
                     also write a complete packet per province (region) under
                     DIR/slices/NAME/: its cities compared, where it stands in its region
                     and the nation, its like-for-like change and 同比
  --send FILE.toml   after the packet is written, deliver it by mail and group robots as the
                     file says (see send)
  send               deliver a written packet (--packet) as --config says; receipts go to
                     DIR/delivery.json and a second send sends only what is not yet sent;
                     --resend sends everything again, --only NAME one recipient or robot,
                     --dry-run lists what would go to whom with sizes and sends nothing;
                     the receipts go to the history too (--history, default DIR.history.db
                     beside --packet), under the run that wrote the packet
  --history FILE     SQLite file recording every run, the figures it read and the packet
                     it wrote; revised earlier figures are flagged in the packet
                     (default DIR.history.db beside --out; none: no history)
  history            list the runs, a run's revisions (default the latest run) or what
                     a run read, wrote and sent; --json for programs
  template --out F   the input workbook to write (default basebrief-data.xlsx); with
                     --lang its sheets and instructions are Chinese or English
  template --force   replace an existing file (without it, an existing file is refused:
                     it may be a filled-in workbook)

Exit status: 0 done; 1 input invalid, --font included (nothing written);
2 usage error (--data inside --out or the reverse, template onto an existing file
without --force, a mistake in the delivery file); 3 any other failure (packet locked, disk,
signal, out of memory); 4 the packet was written but a delivery failed (an alert was
attempted; delivery.json says which).
A previous packet holding a file a person added or changed is moved aside whole
to DIR.kept-<time>, never deleted. Logs go to stderr; on success
stdout holds only the packet path. SOURCE_DATE_EPOCH fixes the packet's timestamps.
`

// config is a parsed command line.
type config struct {
	cmd       string
	data      string
	out       string
	period    analysis.Period
	region    string
	lang      string
	title     string
	issue     string
	date      string
	font      string
	plainHead bool // --plain-masthead
	force     bool // template --force
	strict    bool
	wait      time.Duration
	logFormat string
	epoch     *time.Time // SOURCE_DATE_EPOCH, nil when unset
	send      sendFlags  // send, and run --send
	slices    string     // run --slices: "", province or region
	history   string     // --history: a file, "none", or "" for the default (historyPath)
	hist      historyArgs
}

// run is basebrief without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "basebrief: %v (see basebrief --help)\n", err)
		return exitCode(err)
	}
	switch cfg.cmd {
	case "version":
		fmt.Fprintln(stdout, version)
		return exitOK
	case "validate":
		return exitCode(validate(ctx, cfg, newLogger(stderr, cfg.logFormat)))
	case "history":
		if err := showHistory(ctx, cfg, stdout); err != nil {
			fmt.Fprintf(stderr, "basebrief: %v\n", clean(err.Error()))
			return exitCode(err)
		}
		return exitOK
	case "template":
		if err := writeTemplate(cfg, stdout); err != nil {
			fmt.Fprintf(stderr, "basebrief: template: %v\n", err)
			return exitCode(err)
		}
		return exitOK
	case "send":
		return exitCode(sendPacket(ctx, cfg, newLogger(stderr, cfg.logFormat), stdout))
	}
	return exitCode(runPacket(ctx, cfg, newLogger(stderr, cfg.logFormat), stdout))
}

// parse reads the subcommand and its flags; every mistake is a usageError,
// and a request for help is flag.ErrHelp.
func parse(args []string) (config, error) {
	cfg := config{logFormat: "text", lang: "zh"}
	if len(args) == 0 {
		return cfg, usagef("no command given; use run, validate, send, history, template or version")
	}
	cfg.cmd = args[0]
	switch cfg.cmd {
	case "help", "-h", "-help", "--help":
		return cfg, flag.ErrHelp
	case "version":
		if len(args) > 1 {
			return cfg, usagef("version takes no arguments, got %q", args[1])
		}
		return cfg, nil
	case "run", "validate":
	case "template":
		return parseTemplate(cfg, args[1:])
	case "send":
		return parseSend(cfg, args[1:])
	case "history":
		return parseHistory(cfg, args[1:])
	default:
		return cfg, usagef("unknown command %q; use run, validate, send, history, template or version", cfg.cmd)
	}
	fs := flag.NewFlagSet("basebrief "+cfg.cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported once, by run
	fs.StringVar(&cfg.data, "data", "", "")
	fs.BoolVar(&cfg.strict, "strict", false, "")
	var period string
	if cfg.cmd == "run" {
		fs.StringVar(&cfg.out, "out", "packet", "")
		fs.StringVar(&period, "period", "", "")
		fs.StringVar(&cfg.region, "region", "", "")
		fs.StringVar(&cfg.lang, "lang", "zh", "")
		fs.StringVar(&cfg.title, "title", "", "")
		fs.StringVar(&cfg.issue, "issue", "", "")
		fs.StringVar(&cfg.date, "date", "", "")
		fs.StringVar(&cfg.font, "font", "", "")
		fs.BoolVar(&cfg.plainHead, "plain-masthead", false, "")
		fs.DurationVar(&cfg.wait, "wait", 5*time.Minute, "")
		fs.StringVar(&cfg.logFormat, "log-format", "text", "")
		fs.StringVar(&cfg.send.config, "send", "", "")
		fs.StringVar(&cfg.slices, "slices", "", "")
		fs.StringVar(&cfg.history, "history", "", "")
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, usagef("%s: %v", cfg.cmd, err)
	}
	if fs.NArg() > 0 {
		return cfg, usagef("%s: unexpected argument %q (flags come as --name value)", cfg.cmd, fs.Arg(0))
	}
	return cfg, check(&cfg, period)
}

// check validates flag values that parse as strings.
func check(cfg *config, period string) error {
	switch {
	case cfg.lang != "zh" && cfg.lang != "en":
		return usagef("--lang %q: expected zh or en", cfg.lang)
	case cfg.logFormat != "text" && cfg.logFormat != "json":
		return usagef("--log-format %q: expected text or json", cfg.logFormat)
	case cfg.wait < 0:
		return usagef("--wait %s: expected a duration of zero or more, such as 30s or 5m", cfg.wait)
	case cfg.slices != "" && cfg.slices != "province" && cfg.slices != "region":
		return usagef("--slices %q: expected province or region", cfg.slices)
	}
	if cfg.cmd == "run" {
		if err := output.CheckOut(cfg.out); err != nil || cfg.out == "" {
			return usagef("--out %q: expected a folder name such as packet, not the current, parent or root folder", cfg.out)
		}
		if err := checkHistory(cfg); err != nil {
			return err
		}
		if err := checkPathText("--out", cfg.out); err != nil {
			return err
		}
		if err := checkOverlap(cfg.data, cfg.out); err != nil {
			return err
		}
	}
	if cfg.date != "" {
		if _, err := time.Parse(time.DateOnly, cfg.date); err != nil {
			return usagef("--date %q: expected a date YYYY-MM-DD, such as 2019-05-17", cfg.date)
		}
	}
	if strings.TrimSpace(period) != "" {
		p, err := input.ParsePeriod(period)
		if err != nil {
			return usagef("--period %v", err)
		}
		cfg.period = p
	}
	if cfg.send.config != "" {
		if err := loadDelivery(&cfg.send, cfg.send.config); err != nil {
			return err
		}
		if cfg.slices == "" { // without --slices the packet has none
			if err := checkSlices(&cfg.send, nil); err != nil {
				return err
			}
		}
	}
	epoch, err := sourceDateEpoch()
	cfg.epoch = epoch
	return err
}
