package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/text/width"

	"github.com/basebrief/basebrief/output/history"
)

// historyArgs is `basebrief history [--history FILE] runs | revisions
// [--run N] | show RUN [--json]`.
type historyArgs struct {
	action string // runs, revisions, show
	run    int64  // --run N or show's RUN; 0: the latest
	json   bool
}

// parseHistory reads the history subcommand; flags may come before or
// after the action.
func parseHistory(cfg config, args []string) (config, error) {
	var rest []string
	fs := flag.NewFlagSet("basebrief history", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.history, "history", "packet.history.db", "")
	fs.BoolVar(&cfg.hist.json, "json", false, "")
	fs.Int64Var(&cfg.hist.run, "run", 0, "")
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return cfg, err
			}
			return cfg, usagef("history: %v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(rest) == 0 {
		return cfg, usagef("history: no action given; use runs, revisions [--run N] or show RUN")
	}
	cfg.hist.action = rest[0]
	switch cfg.hist.action {
	case "runs", "revisions":
		if len(rest) > 1 {
			return cfg, usagef("history %s: unexpected argument %q", rest[0], rest[1])
		}
		if cfg.hist.action == "runs" && cfg.hist.run != 0 {
			return cfg, usagef("history runs: --run is for revisions")
		}
	case "show":
		if len(rest) != 2 {
			return cfg, usagef("history show: expected one run number, such as: basebrief history show 3")
		}
		n, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || n <= 0 {
			return cfg, usagef("history show %q: expected a run number, such as 3 (see basebrief history runs)", rest[1])
		}
		cfg.hist.run = n
	default:
		return cfg, usagef("history: unknown action %q; use runs, revisions [--run N] or show RUN", rest[0])
	}
	if cfg.hist.run < 0 {
		return cfg, usagef("history: --run %d: expected a run number", cfg.hist.run)
	}
	if cfg.history == "" || cfg.history == "none" {
		return cfg, usagef("history: --history %q: expected a history file, such as packet.history.db", cfg.history)
	}
	return cfg, nil
}

// showHistory is `basebrief history`: it only reads the file.
func showHistory(ctx context.Context, cfg config, stdout io.Writer) error {
	st, err := history.Open(ctx, cfg.history, history.Options{ReadOnly: true, BusyTimeout: historyBusy})
	if err != nil {
		return fmt.Errorf("history %s: %w", cfg.history, err)
	}
	defer st.Close()
	switch cfg.hist.action {
	case "runs":
		runs, err := st.Runs(ctx)
		if err != nil {
			return err
		}
		if runs == nil {
			runs = []history.RunInfo{}
		}
		if cfg.hist.json {
			return writeJSON(stdout, runs)
		}
		return printRuns(stdout, runs)
	case "revisions":
		run := cfg.hist.run
		if run == 0 {
			if run, err = st.LatestRun(ctx); err != nil {
				return err
			}
			if run == 0 {
				return fmt.Errorf("history %s: no run wrote a packet yet", cfg.history)
			}
		}
		d, err := st.Show(ctx, run)
		if err != nil {
			return fmt.Errorf("history %s: %w (see basebrief history runs)", cfg.history, err)
		}
		revs, err := st.Revisions(ctx, run)
		if err != nil {
			return err
		}
		if cfg.hist.json {
			return writeJSON(stdout, struct {
				Run         int64              `json:"run"`
				ComparedRun *int64             `json:"compared_run"`
				Revisions   []history.Revision `json:"revisions"`
			}{run, d.ComparedRun, revs})
		}
		return printRevisions(stdout, d, revs)
	}
	d, err := st.Show(ctx, cfg.hist.run)
	if err != nil {
		return fmt.Errorf("history %s: %w (see basebrief history runs)", cfg.history, err)
	}
	if cfg.hist.json {
		return writeJSON(stdout, d)
	}
	return printRun(stdout, d)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func printRuns(w io.Writer, runs []history.RunInfo) error {
	rows := [][]string{{"run", "started (UTC)", "status", "period", "figures", "stored", "revisions", "compared with", "receipts", "data"}}
	for _, r := range runs {
		compared := "-"
		if r.ComparedRun != nil {
			compared = "run " + strconv.FormatInt(*r.ComparedRun, 10)
		}
		receipts := "-"
		if r.Receipts > 0 {
			receipts = fmt.Sprintf("%d (%d failed)", r.Receipts, r.ReceiptsFailed)
		}
		rows = append(rows, []string{strconv.FormatInt(r.ID, 10), when(r.Started), status(r.Status), orDash(r.Period),
			strconv.Itoa(r.FiguresRead), strconv.Itoa(r.FiguresStored), strconv.Itoa(r.Revisions), compared, receipts, clean(r.Data)})
	}
	return printTable(w, rows)
}

// printTable writes rows in columns two spaces apart, padded by the width a
// terminal gives each character (a Chinese character takes two columns,
// which text/tabwriter does not know).
func printTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is how many terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// status says an exit status in words.
func status(n int) string {
	switch n {
	case 0:
		return "done"
	case 1:
		return "input invalid"
	case 4:
		return "delivery failed"
	}
	return "failed (" + strconv.Itoa(n) + ")"
}

func people(n *int64) string {
	if n == nil {
		return "—"
	}
	return strconv.FormatInt(*n, 10)
}

func printRevisions(w io.Writer, d *history.RunDetail, revs []history.Revision) error {
	if d.ComparedRun == nil {
		fmt.Fprintf(w, "run %d: no earlier run with other inputs to compare with; no revisions\n", d.ID)
		return nil
	}
	fmt.Fprintf(w, "run %d (period %s) against run %d: %d revision(s)\n", d.ID, orDash(d.Period), *d.ComparedRun, len(revs))
	if len(revs) == 0 {
		return nil
	}
	rows := [][]string{{"period", "province", "city", "segment", "was", "now"}}
	for _, r := range revs {
		rows = append(rows, []string{r.Period, r.Province, orDash(r.City), orDash(r.Segment), people(r.Was), people(r.Now)})
	}
	return printTable(w, rows)
}

func printRun(w io.Writer, d *history.RunDetail) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	compared := "-"
	if d.ComparedRun != nil {
		compared = "run " + strconv.FormatInt(*d.ComparedRun, 10)
	}
	for _, kv := range [][2]string{
		{"run", strconv.FormatInt(d.ID, 10)},
		{"started (UTC)", when(d.Started)}, {"ended (UTC)", when(d.Ended)},
		{"status", fmt.Sprintf("%s (exit %d)", status(d.Status), d.Status)},
		{"tool version", d.Version}, {"data", d.Data}, {"out", d.Out},
		{"period", orDash(d.Period)}, {"previous period", orDash(d.Previous)}, {"year-ago period", orDash(d.YearAgo)},
		{"region", orDash(d.Region)}, {"language", d.Lang},
		{"figures read", fmt.Sprintf("%d from %s", d.FiguresRead, orDash(d.FiguresFile))},
		{"figures stored", fmt.Sprintf("%d new, %d changed, %d removed", d.FiguresNew, d.FiguresChanged, d.FiguresRemoved)},
		{"revisions", fmt.Sprintf("%d against %s", d.Revisions, compared)},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\ninputs (SHA-256 %s):\n", d.InputsSHA256)
	for _, in := range d.Inputs {
		fmt.Fprintf(w, "  %s  %s  %d rows\n", in.SHA256, in.Name, in.Rows)
	}
	fmt.Fprintf(w, "\npacket (%d files):\n", len(d.Files))
	for _, f := range d.Files {
		fmt.Fprintf(w, "  %s  %10d  %s\n", f.SHA256, f.Size, f.Name)
	}
	if len(d.Receipts) == 0 {
		fmt.Fprintln(w, "\nreceipts: none")
		return nil
	}
	fmt.Fprintf(w, "\nreceipts (%d):\n", len(d.Receipts))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range d.Receipts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d attempt(s)\t%s\t%s\t%s\n", r.Recipient, r.Channel, r.Status, r.Attempts, when(r.Time),
			clean(orDash(r.MessageID)), clean(r.Detail))
	}
	return tw.Flush()
}
