package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/output/delivery"
	"github.com/basebrief/basebrief/output/history"
)

// The run's history (--history): read before rendering, recorded after the
// packet is in place. Every problem with it is a warning: the packet never
// waits on it or fails for it.

// historyBusy is how long a run waits for another process's lock on the
// history file before going on without it.
var historyBusy = 5 * time.Second

// historyPath is the history file of a run: --history, else DIR.history.db
// beside the out folder; "" for --history none.
func historyPath(cfg config) string {
	switch cfg.history {
	case "none":
		return ""
	case "":
		return filepath.Clean(cfg.out) + ".history.db"
	}
	return cfg.history
}

// checkHistory refuses a history file inside the packet folder (the swap
// would take it away) or the data folder.
func checkHistory(cfg *config) error {
	p := historyPath(*cfg)
	if p == "" {
		return nil
	}
	if within(abs(p), abs(cfg.out)) {
		return usagef("--history %q is inside --out %q: the packet folder is replaced on every run; put it beside, such as %s.history.db", cfg.history, cfg.out, filepath.Clean(cfg.out))
	}
	if cfg.data != "" && within(abs(p), abs(cfg.data)) {
		return usagef("--history %q is inside --data %q: keep the history out of the data folder", cfg.history, cfg.data)
	}
	return nil
}

// runHistory is one run's use of the history file.
type runHistory struct {
	store *history.Store
	log   *logger
	prior *analysis.Prior
	start time.Time
	run   int64 // the run's number once recorded
}

// openHistory opens the history and sets cmp's revisions against the most
// recent earlier successful run whose inputs differ. It only reads. It
// returns nil when there is no history to record into (none, or a file of
// a newer basebrief).
func openHistory(ctx context.Context, cfg config, log *logger, ds *analysis.Dataset, cmp *analysis.Comparison, start time.Time) *runHistory {
	path := historyPath(cfg)
	if path == "" {
		return nil
	}
	h := &runHistory{log: log, start: start}
	st, err := history.Open(ctx, path, history.Options{BusyTimeout: historyBusy})
	if err != nil {
		h.warn(err, "history file not read; no revisions this run")
		if st == nil || errors.Is(err, history.ErrNewer) {
			return nil
		}
	}
	h.store = st
	prior, err := st.Prior(ctx, history.InputsDigest(historyInputs(ds)))
	if err != nil {
		h.warn(err, "history file not read; no revisions this run")
		return h
	}
	if prior == nil {
		return h
	}
	h.prior = toPrior(prior)
	analysis.Revise(cmp, h.prior)
	for _, n := range cmp.Notices {
		if n.Code == analysis.CodeFiguresRevised {
			log.notices([]analysis.Notice{n})
		}
	}
	return h
}

func (h *runHistory) warn(err error, what string) {
	h.log.Warn(what, "err", clean(err.Error()))
}

// toPrior turns the history's Prior into analysis's; a period the history
// holds that no longer parses is left out.
func toPrior(p *history.Prior) *analysis.Prior {
	out := &analysis.Prior{Run: p.Run, Figures: make([]analysis.PriorFigure, 0, len(p.Figures))}
	for _, s := range p.Printed {
		if q, err := input.ParsePeriod(s); err == nil {
			out.Printed = append(out.Printed, q)
		}
	}
	for _, pl := range p.Places {
		out.Places = append(out.Places, analysis.Place{Province: pl.Province, City: pl.City})
	}
	ok := make([]bool, len(p.Periods))
	for i, s := range p.Periods {
		q, err := input.ParsePeriod(s)
		ok[i] = err == nil
		out.Periods = append(out.Periods, q)
	}
	for _, f := range p.Figures {
		if ok[f.Period] {
			out.Figures = append(out.Figures, analysis.PriorFigure{Place: f.Place, Period: f.Period,
				Segment: analysis.Segment(f.Segment), Members: f.Members})
		}
	}
	return out
}

func historyInputs(ds *analysis.Dataset) []history.Input {
	var in []history.Input
	for _, f := range ds.Files {
		in = append(in, history.Input{Name: f.Name, SHA256: f.SHA256, Rows: f.Rows})
	}
	return in
}

// record adds the run to the history after the packet is in place: its
// row, the figures new or changed, the packet's files (as the write
// listed them: output.Result.Files), the revisions.
func (h *runHistory) record(ctx context.Context, cfg config, ds *analysis.Dataset, cmp *analysis.Comparison, files []output.FileEntry) {
	if h == nil || h.store == nil {
		return
	}
	r := &history.Run{Start: h.start, Version: version, Data: "embedded", Out: abs(cfg.out),
		Inputs: historyInputs(ds), Period: cmp.Period.String(), Previous: cmp.Previous.String(),
		YearAgo: cmp.YearAgo.String(), Region: cfg.region, Lang: cfg.lang, FiguresRead: cmp.History.Rows(), Packet: true}
	if cfg.data != "" {
		r.Data = abs(cfg.data)
	}
	seen := map[analysis.Period]bool{}
	for _, p := range []analysis.Period{cmp.Period, cmp.Previous, cmp.YearAgo, cmp.Source, cmp.PreviousSource, cmp.YearAgoSource} {
		if !p.IsZero() && !seen[p] {
			seen[p] = true
			r.Printed = append(r.Printed, p.String())
		}
	}
	if h.prior != nil {
		r.ComparedRun = h.prior.Run
	}
	for _, rv := range cmp.Revisions {
		r.Revisions = append(r.Revisions, history.Revision{Province: rv.Province, City: rv.City, Segment: rv.Segment.Name(),
			Period: rv.Period.String(), Was: rv.Was, Now: rv.Now, WasRun: rv.WasRun})
	}
	for _, f := range files {
		r.Files = append(r.Files, history.File{Name: f.Path, Size: f.Size, SHA256: f.SHA256})
	}
	id, kept, err := h.store.Record(ctx, r, historyFigures(ds, cmp.History))
	if kept != "" {
		h.log.Warn("history file damaged: kept aside, a new one started", "kept", kept, "history", h.store.Path())
	}
	if err != nil {
		h.warn(err, "run not recorded in the history; the packet is written")
		return
	}
	h.run = id
	h.log.Info("history recorded", "history", h.store.Path(), "run", id, "figures_stored", r.FiguresWritten,
		"revisions", len(r.Revisions))
}

// historyFigures is every figure the run read, for the history.
func historyFigures(ds *analysis.Dataset, hs *analysis.History) *history.Figures {
	file := ""
	for _, f := range ds.Files {
		base := strings.ToLower(f.Name)
		if strings.HasPrefix(base, "figures.") || (file == "" && base == "data.xlsx") {
			file = f.Name
		}
	}
	figs := history.NewFigures(file, hs.Rows())
	places := make([]int32, len(hs.Places))
	for i, pl := range hs.Places {
		places[i] = figs.Place(pl.Province, pl.City)
	}
	for k := range hs.Periods {
		pf := &hs.Periods[k]
		period := figs.Period(pf.Period.String())
		for j := range pf.Len() {
			place, seg, n := pf.At(j)
			figs.Add(places[place], period, int(seg), n, hs.Figure(k, j).Line)
		}
	}
	return figs
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// receipts records a delivery's receipts and the run's final exit status
// (4 when a delivery failed) under the run's number. For cmd's delivery
// wiring: call it after send with the receipts as delivery.json lists them.
func (h *runHistory) receipts(ctx context.Context, rs []history.Receipt, status int) {
	if h == nil || h.store == nil || h.run == 0 {
		return
	}
	if err := h.store.AddReceipts(ctx, h.run, rs, status); err != nil {
		h.warn(err, "receipts not recorded in the history")
	}
}

// delivered records one delivery's receipts (run --send's or send's, as
// they were made) under the run that wrote the packet at dir. The run's
// status becomes what the packet's delivery now is: 4 while delivery.json
// holds a failed receipt (a send --only one recipient leaves the others'
// failures standing), else 0.
func (h *runHistory) delivered(ctx context.Context, dir string, rs []delivery.Receipt, status int) {
	if h == nil || h.run == 0 {
		return
	}
	if status == exitOK {
		all, err := delivery.ReadReceipts(dir)
		for _, r := range all {
			if r.Recipient != delivery.AlertRecipient && r.Status == delivery.StatusFailed {
				status = exitDeliver
			}
		}
		if err != nil {
			h.warn(err, "delivery.json not read; the run's status in the history says this delivery only")
		}
	}
	out := make([]history.Receipt, 0, len(rs))
	for _, r := range rs {
		t, _ := time.Parse(time.RFC3339, r.Time)
		out = append(out, history.Receipt{Recipient: r.Recipient, Channel: r.Channel, Status: r.Status,
			Attempts: r.Attempts, Detail: r.Detail, MessageID: r.MessageID, Time: t})
	}
	h.receipts(ctx, out, status)
}

// packetHistory opens the history of the packet `basebrief send` delivers
// and finds the run that wrote it, by its manifest's SHA-256. Nil when
// there is none to record into: --history none, or no history file beside
// the packet (one was never kept). Any other problem is a warning: the
// receipts are in delivery.json whatever happens here.
func packetHistory(ctx context.Context, cfg config, log *logger) *runHistory {
	path := historyPath(cfg)
	if path == "" {
		return nil
	}
	h := &runHistory{log: log}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if cfg.history != "" {
			log.Warn("history file not found; receipts not recorded in the history", "history", clean(path))
		}
		return nil
	}
	st, err := history.Open(ctx, path, history.Options{BusyTimeout: historyBusy})
	if err != nil {
		h.warn(err, "history file not read; receipts not recorded in the history")
		if st != nil {
			st.Close()
		}
		return nil
	}
	h.store = st
	b, err := os.ReadFile(filepath.Join(cfg.send.packet, output.ManifestName))
	if err == nil {
		h.run, err = st.PacketRun(ctx, sha256Hex(b))
	}
	if err != nil {
		h.warn(err, "receipts not recorded in the history")
	} else if h.run == 0 {
		log.Warn("no run in the history wrote this packet (it was written with another --history, or changed since); receipts not recorded in the history",
			"history", clean(st.Path()), "packet", clean(abs(cfg.send.packet)))
	}
	return h
}

// close closes the history file.
func (h *runHistory) close() {
	if h != nil && h.store != nil {
		h.store.Close()
	}
}
