package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// RunInfo is one run as `basebrief history runs` lists it.
type RunInfo struct {
	ID             int64     `json:"id"`
	Started        time.Time `json:"started"`
	Ended          time.Time `json:"ended"`
	Version        string    `json:"tool_version"`
	Data           string    `json:"data"`
	Out            string    `json:"out"`
	InputsSHA256   string    `json:"inputs_sha256"`
	Period         string    `json:"period"`
	Previous       string    `json:"previous_period"`
	YearAgo        string    `json:"year_ago_period"`
	Region         string    `json:"region"`
	Lang           string    `json:"lang"`
	FiguresFile    string    `json:"figures_file"`
	FiguresRead    int       `json:"figures_read"`
	FiguresStored  int       `json:"figures_stored"` // versions this run added: new, changed or removed
	Revisions      int       `json:"revisions"`
	ComparedRun    *int64    `json:"compared_run"`
	Packet         bool      `json:"packet"` // the run wrote its packet
	Status         int       `json:"status"`
	Receipts       int       `json:"receipts"`
	ReceiptsFailed int       `json:"receipts_failed"`
}

const runColumns = `SELECT r.id, r.started, r.ended, r.tool_version, r.data, r.out, r.inputs_sha256, r.period, r.previous,
	r.year_ago, r.region, r.lang, r.figures_file, r.figures, r.compared_run, r.packet, r.status,
	(SELECT count(*) FROM figure_versions v WHERE v.first_run = r.id),
	(SELECT count(*) FROM revisions x WHERE x.run = r.id),
	(SELECT count(*) FROM receipts c WHERE c.run = r.id),
	(SELECT count(*) FROM receipts c WHERE c.run = r.id AND c.status <> 'sent')
	FROM runs r`

func scanRun(sc interface{ Scan(...any) error }) (RunInfo, error) {
	var ri RunInfo
	var started, ended string
	var compared sql.NullInt64
	err := sc.Scan(&ri.ID, &started, &ended, &ri.Version, &ri.Data, &ri.Out, &ri.InputsSHA256, &ri.Period, &ri.Previous,
		&ri.YearAgo, &ri.Region, &ri.Lang, &ri.FiguresFile, &ri.FiguresRead, &compared, &ri.Packet, &ri.Status,
		&ri.FiguresStored, &ri.Revisions, &ri.Receipts, &ri.ReceiptsFailed)
	if err != nil {
		return ri, err
	}
	ri.Started, _ = time.Parse(time.RFC3339, started)
	ri.Ended, _ = time.Parse(time.RFC3339, ended)
	if compared.Valid {
		ri.ComparedRun = &compared.Int64
	}
	return ri, nil
}

// Runs lists every run, oldest first.
func (s *Store) Runs(ctx context.Context) ([]RunInfo, error) {
	if s.db == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, runColumns+" ORDER BY r.id")
	if err != nil {
		return nil, s.classify(fmt.Errorf("read history runs: %w", err))
	}
	defer rows.Close()
	var out []RunInfo
	for rows.Next() {
		ri, err := scanRun(rows)
		if err != nil {
			return nil, s.classify(fmt.Errorf("read history runs: %w", err))
		}
		out = append(out, ri)
	}
	return out, s.classify(rows.Err())
}

// LatestRun is the latest run that wrote a packet, 0 if none.
func (s *Store) LatestRun(ctx context.Context) (int64, error) {
	if s.db == nil {
		return 0, nil
	}
	id, _, err := latestRun(ctx, s.db)
	return id, s.classify(err)
}

// Revisions lists the revisions run found, in the packet's order.
func (s *Store) Revisions(ctx context.Context, run int64) ([]Revision, error) {
	if s.db == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT province, city, segment, period, was, now, was_run FROM revisions WHERE run = ? ORDER BY rowid", run)
	if err != nil {
		return nil, s.classify(fmt.Errorf("read history revisions: %w", err))
	}
	defer rows.Close()
	out := []Revision{}
	for rows.Next() {
		var r Revision
		var was, now sql.NullInt64
		if err := rows.Scan(&r.Province, &r.City, &r.Segment, &r.Period, &was, &now, &r.WasRun); err != nil {
			return nil, s.classify(fmt.Errorf("read history revisions: %w", err))
		}
		if was.Valid {
			r.Was = &was.Int64
		}
		if now.Valid {
			r.Now = &now.Int64
		}
		out = append(out, r)
	}
	return out, s.classify(rows.Err())
}

// RunDetail is `basebrief history show RUN`: what a run read, wrote and sent.
type RunDetail struct {
	RunInfo
	Inputs         []Input   `json:"inputs"`
	FiguresNew     int       `json:"figures_new"`     // keys no earlier run had
	FiguresChanged int       `json:"figures_changed"` // keys an earlier run had with another value
	FiguresRemoved int       `json:"figures_removed"` // keys the run no longer had
	Files          []File    `json:"files"`
	Receipts       []Receipt `json:"receipts"`
}

// Show returns run's detail; sql.ErrNoRows wrapped when there is no such run.
func (s *Store) Show(ctx context.Context, run int64) (*RunDetail, error) {
	if s.db == nil {
		return nil, fmt.Errorf("run %d: %w", run, sql.ErrNoRows)
	}
	ri, err := scanRun(s.db.QueryRowContext(ctx, runColumns+" WHERE r.id = ?", run))
	if err != nil {
		return nil, s.classify(fmt.Errorf("run %d: %w", run, err))
	}
	d := &RunDetail{RunInfo: ri, Inputs: []Input{}, Files: []File{}, Receipts: []Receipt{}}
	if err := s.each(ctx, "SELECT name, sha256, rows FROM run_inputs WHERE run = ? ORDER BY name", run, func(r *sql.Rows) error {
		var in Input
		err := r.Scan(&in.Name, &in.SHA256, &in.Rows)
		d.Inputs = append(d.Inputs, in)
		return err
	}); err != nil {
		return nil, err
	}
	// A version is new when no earlier version of its key exists.
	if err := s.db.QueryRowContext(ctx, `SELECT
		count(*) FILTER (WHERE members IS NULL),
		count(*) FILTER (WHERE members IS NOT NULL AND NOT EXISTS (SELECT 1 FROM figure_versions w WHERE w.key = v.key AND w.first_run < v.first_run)),
		count(*) FILTER (WHERE members IS NOT NULL AND EXISTS (SELECT 1 FROM figure_versions w WHERE w.key = v.key AND w.first_run < v.first_run))
		FROM figure_versions v WHERE first_run = ?`, run).Scan(&d.FiguresRemoved, &d.FiguresNew, &d.FiguresChanged); err != nil {
		return nil, s.classify(fmt.Errorf("read history figures of run %d: %w", run, err))
	}
	if err := s.each(ctx, "SELECT name, size, sha256 FROM packet_files WHERE run = ? ORDER BY name", run, func(r *sql.Rows) error {
		var f File
		err := r.Scan(&f.Name, &f.Size, &f.SHA256)
		d.Files = append(d.Files, f)
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.each(ctx, "SELECT recipient, channel, status, attempts, detail, message_id, time FROM receipts WHERE run = ? ORDER BY rowid", run, func(r *sql.Rows) error {
		var rc Receipt
		var t string
		err := r.Scan(&rc.Recipient, &rc.Channel, &rc.Status, &rc.Attempts, &rc.Detail, &rc.MessageID, &t)
		rc.Time, _ = time.Parse(time.RFC3339, t)
		d.Receipts = append(d.Receipts, rc)
		return err
	}); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Store) each(ctx context.Context, query string, run int64, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query, run)
	if err != nil {
		return s.classify(fmt.Errorf("read history of run %d: %w", run, err))
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return s.classify(fmt.Errorf("read history of run %d: %w", run, err))
		}
	}
	return s.classify(rows.Err())
}

// PacketRun is the run that wrote the packet whose manifest.json has the
// SHA-256 manifest (the latest such run), 0 when no run of this history
// did: `basebrief send` records its receipts under it.
func (s *Store) PacketRun(ctx context.Context, manifest string) (int64, error) {
	if s.db == nil {
		return 0, nil
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT run FROM packet_files WHERE name = 'manifest.json' AND sha256 = ?
		ORDER BY run DESC LIMIT 1`, manifest).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, s.classify(fmt.Errorf("find the run of the packet in history %s: %w", s.path, err))
	}
	return id, nil
}
