package history

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Run is what the history records of one run.
type Run struct {
	Start, End     time.Time // End zero: Record's clock
	Version        string
	Data, Out      string
	Inputs         []Input
	Period         string // normalised; "" if none
	Previous       string
	YearAgo        string
	Printed        []string // the periods whose figures the briefing printed
	Region, Lang   string
	Status         int   // exit status
	Packet         bool  // the run wrote its packet: a successful run
	ComparedRun    int64 // the run its revisions compare with; 0 none
	Files          []File
	Revisions      []Revision
	FiguresRead    int
	FiguresWritten int // set by Record: versions stored
}

// Input is one input file of a run.
type Input struct {
	Name, SHA256 string
	Rows         int
}

// File is one file of the packet a run wrote.
type File struct {
	Name   string
	Size   int64
	SHA256 string
}

// Revision is one revised figure as summary.json lists it; Segment is its
// full Chinese name, "" for all members.
type Revision struct {
	Province, City, Segment, Period string
	Was, Now                        *int64
	WasRun                          int64
}

// Receipt is one delivery receipt (DIR/delivery.json), as plain values so
// the history does not depend on the delivery package.
type Receipt struct {
	Recipient, Channel, Status string
	Attempts                   int
	Detail, MessageID          string
	Time                       time.Time
}

// InputsDigest is runs.inputs_sha256: the SHA-256 of the inputs' names and
// SHA-256, in name order. Two runs read the same inputs when it is equal.
func InputsDigest(in []Input) string {
	in = slices.Clone(in)
	slices.SortFunc(in, func(a, b Input) int { return strings.Compare(a.Name, b.Name) })
	h := sha256.New()
	for _, i := range in {
		fmt.Fprintf(h, "%s\t%s\n", i.Name, i.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Prior is what an earlier run read: the figures of the most recent
// earlier successful run whose inputs differ from this run's.
type Prior struct {
	Run     int64
	Printed []string
	Places  []Place  // indexed by Figure.Place
	Periods []string // indexed by Figure.Period
	Figures []Figure
}

// Figure is one figure of a Prior: segment as in Figures.Add.
type Figure struct {
	Place, Period int32
	Segment       int
	Members       int64
}

// succeeded selects the runs that wrote their packet, whatever their
// delivery did afterwards.
const succeeded = "packet = 1"

// Prior returns what the most recent earlier successful run whose inputs
// differ from digest read (InputsDigest), or nil when there is none. It
// only reads. When the latest successful run's inputs differ, that is the
// run, and its figures are kept for Record to compare with.
func (s *Store) Prior(ctx context.Context, digest string) (*Prior, error) {
	if s == nil || s.db == nil {
		return nil, nil
	}
	var run int64
	var printed string
	err := s.db.QueryRowContext(ctx, "SELECT id, printed FROM runs WHERE "+succeeded+" AND inputs_sha256 <> ? ORDER BY id DESC LIMIT 1", digest).Scan(&run, &printed)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, s.classify(fmt.Errorf("read history runs: %w", err))
	}
	v, err := loadView(ctx, s.db, run)
	if err != nil {
		return nil, s.classify(err)
	}
	latest, _, err := latestRun(ctx, s.db)
	if err != nil {
		return nil, s.classify(err)
	}
	if latest == run {
		s.view = v
	}
	p := &Prior{Run: run, Printed: strings.Fields(printed), Figures: make([]Figure, len(v.keys))}
	places, err := placeNames(ctx, s.db)
	if err != nil {
		return nil, s.classify(err)
	}
	periods, err := periodNames(ctx, s.db)
	if err != nil {
		return nil, s.classify(err)
	}
	// The file's ids become dense indices into the Prior's lists.
	placeIdx, periodIdx := map[int64]int32{}, map[int64]int32{}
	for i, k := range v.keys {
		pl, pe, seg := unpackKey(k)
		pi, ok := placeIdx[pl]
		if !ok {
			pi = int32(len(p.Places))
			placeIdx[pl] = pi
			p.Places = append(p.Places, places[pl])
		}
		qi, ok := periodIdx[pe]
		if !ok {
			qi = int32(len(p.Periods))
			periodIdx[pe] = qi
			p.Periods = append(p.Periods, periods[pe])
		}
		p.Figures[i] = Figure{Place: pi, Period: qi, Segment: seg, Members: v.members[i]}
	}
	return p, nil
}

// placeNames reads the places table.
func placeNames(ctx context.Context, q querier) (map[int64]Place, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, province, city FROM places")
	if err != nil {
		return nil, fmt.Errorf("read history places: %w", err)
	}
	defer rows.Close()
	out := map[int64]Place{}
	for rows.Next() {
		var id int64
		var pl Place
		if err := rows.Scan(&id, &pl.Province, &pl.City); err != nil {
			return nil, fmt.Errorf("read history places: %w", err)
		}
		out[id] = pl
	}
	return out, rows.Err()
}

// periodNames reads the periods table.
func periodNames(ctx context.Context, q querier) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, period FROM periods")
	if err != nil {
		return nil, fmt.Errorf("read history periods: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return nil, fmt.Errorf("read history periods: %w", err)
		}
		out[id] = p
	}
	return out, rows.Err()
}

// latestRun is the latest successful run and its inputs' digest; 0 if none.
func latestRun(ctx context.Context, q querier) (int64, string, error) {
	var id int64
	var digest string
	err := q.QueryRowContext(ctx, "SELECT id, inputs_sha256 FROM runs WHERE "+succeeded+" ORDER BY id DESC LIMIT 1").Scan(&id, &digest)
	if err == sql.ErrNoRows {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("read history runs: %w", err)
	}
	return id, digest, nil
}

// Record adds the run to the history in one transaction: its row, inputs,
// the figures new or changed since the latest successful run (none when
// that run read the same inputs, or this one failed), the packet's files
// and its revisions. It returns the run's number and, when the file was
// damaged, the name it was kept under. figs may be nil (a failed run).
func (s *Store) Record(ctx context.Context, r *Run, figs *Figures) (id int64, kept string, err error) {
	if s == nil {
		return 0, "", nil
	}
	kept, err = s.forWriting(ctx)
	if err != nil {
		return 0, kept, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, kept, s.classify(fmt.Errorf("record run in history %s: %w", s.path, err))
	}
	defer tx.Rollback()
	id, err = s.record(ctx, tx, r, figs)
	if err != nil {
		return 0, kept, s.classify(fmt.Errorf("record run in history %s: %w", s.path, err))
	}
	if err := tx.Commit(); err != nil {
		return 0, kept, s.classify(fmt.Errorf("record run in history %s: %w", s.path, err))
	}
	return id, kept, nil
}

func (s *Store) record(ctx context.Context, tx *sql.Tx, r *Run, figs *Figures) (int64, error) {
	digest := InputsDigest(r.Inputs)
	latest, latestDigest, err := latestRun(ctx, tx)
	if err != nil {
		return 0, err
	}
	end := r.End
	if end.IsZero() {
		end = s.opts.Now()
	}
	file := ""
	if figs != nil {
		file = figs.File
	}
	var compared any
	if r.ComparedRun > 0 {
		compared = r.ComparedRun
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO runs (started, ended, tool_version, data, out, inputs_sha256, period, previous,
		year_ago, printed, region, lang, figures_file, figures, compared_run, packet, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		stamp(r.Start), stamp(end), r.Version, r.Data, r.Out, digest, r.Period, r.Previous, r.YearAgo,
		strings.Join(r.Printed, " "), r.Region, r.Lang, file, r.FiguresRead, compared, r.Packet, r.Status)
	if err != nil {
		return 0, fmt.Errorf("add run: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("add run: %w", err)
	}
	for _, in := range r.Inputs {
		if _, err := tx.ExecContext(ctx, "INSERT INTO run_inputs VALUES (?,?,?,?)", id, in.Name, in.SHA256, in.Rows); err != nil {
			return 0, fmt.Errorf("add run input %s: %w", in.Name, err)
		}
	}
	if r.Packet && figs != nil && (latest == 0 || latestDigest != digest) {
		v := s.view
		if v == nil || v.run != latest { // another process recorded since Prior, or Prior was not asked
			if v, err = loadView(ctx, tx, latest); err != nil {
				return 0, err
			}
		}
		if err := figs.toFileIDs(ctx, tx); err != nil {
			return 0, err
		}
		if r.FiguresWritten, err = insertVersions(ctx, tx, id, figs.rows, v); err != nil {
			return 0, err
		}
	}
	for _, f := range r.Files {
		if _, err := tx.ExecContext(ctx, "INSERT INTO packet_files VALUES (?,?,?,?)", id, f.Name, f.Size, f.SHA256); err != nil {
			return 0, fmt.Errorf("add packet file %s: %w", f.Name, err)
		}
	}
	for _, rv := range r.Revisions {
		if _, err := tx.ExecContext(ctx, "INSERT INTO revisions VALUES (?,?,?,?,?,?,?,?)", id, rv.Province, rv.City,
			rv.Segment, rv.Period, nullable(rv.Was), nullable(rv.Now), rv.WasRun); err != nil {
			return 0, fmt.Errorf("add revision: %w", err)
		}
	}
	return id, nil
}

// AddReceipts records a run's delivery receipts and its final exit status
// (4 when a delivery failed), in one transaction. The run still counts as
// one that wrote its packet.
func (s *Store) AddReceipts(ctx context.Context, run int64, receipts []Receipt, status int) error {
	if s == nil || s.db == nil || run == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(fmt.Errorf("record receipts in history %s: %w", s.path, err))
	}
	defer tx.Rollback()
	for _, rc := range receipts {
		if _, err := tx.ExecContext(ctx, "INSERT INTO receipts VALUES (?,?,?,?,?,?,?,?)", run, rc.Recipient, rc.Channel,
			rc.Status, rc.Attempts, rc.Detail, rc.MessageID, stamp(rc.Time)); err != nil {
			return s.classify(fmt.Errorf("record receipts in history %s: %w", s.path, err))
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE runs SET status = ? WHERE id = ?", status, run); err != nil {
		return s.classify(fmt.Errorf("record receipts in history %s: %w", s.path, err))
	}
	return s.classify(tx.Commit())
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func nullable(n *int64) any {
	if n == nil {
		return nil
	}
	return *n
}
