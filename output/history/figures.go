package history

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// Place is a city, or a province when City is "".
type Place struct{ Province, City string }

// Figures are the figures a run read, gathered by the caller with Place,
// Period and Add. Compact: a figure is 24 bytes.
type Figures struct {
	places    []Place
	placeIdx  map[Place]int32
	periods   []string
	periodIdx map[string]int32
	rows      []entry // key: packKey of the builder's own indices until Record maps them
	File      string  // the input file the figures came from (figures.csv, data.xlsx)
	mapped    bool    // the keys hold the file's ids (Record ran)
}

// entry is one figure: its key, members and line.
type entry struct {
	key     int64
	members int64
	line    int32
}

// NewFigures starts an empty set with room for n figures.
func NewFigures(file string, n int) *Figures {
	return &Figures{File: file, placeIdx: map[Place]int32{}, periodIdx: map[string]int32{}, rows: make([]entry, 0, n)}
}

// Place returns the index of a place, for Add.
func (f *Figures) Place(province, city string) int32 {
	pl := Place{province, city}
	i, ok := f.placeIdx[pl]
	if !ok {
		i = int32(len(f.places))
		f.placeIdx[pl] = i
		f.places = append(f.places, pl)
	}
	return i
}

// Period returns the index of a normalised period (2019-05), for Add.
func (f *Figures) Period(p string) int32 {
	i, ok := f.periodIdx[p]
	if !ok {
		i = int32(len(f.periods))
		f.periodIdx[p] = i
		f.periods = append(f.periods, p)
	}
	return i
}

// Add records one figure: segment 0 is all members, 1–4 the four
// segments in their customary order (schema.go's segments table).
func (f *Figures) Add(place, period int32, segment int, members int64, line int) {
	f.rows = append(f.rows, entry{packKey(int64(place), int64(period), segment), members, int32(line)})
}

// Len is the number of figures added.
func (f *Figures) Len() int { return len(f.rows) }

// packKey is figure_versions.key: place << 24 | period << 4 | segment.
func packKey(place, period int64, segment int) int64 {
	return place<<24 | period<<4 | int64(segment&15)
}

func unpackKey(k int64) (place, period int64, segment int) {
	return k >> 24, k >> 4 & (1<<20 - 1), int(k & 15)
}

// view is the figures as of one run: sorted keys and their members, the
// removed left out.
type view struct {
	run     int64
	keys    []int64
	members []int64
}

// loadView reads the latest version of every key as of run (0: none).
// The table has no index (none to maintain on a million inserts): the
// rows are read in the order written and sorted here.
func loadView(ctx context.Context, q querier, run int64) (*view, error) {
	v := &view{run: run}
	if run == 0 {
		return v, nil
	}
	var n int64
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM figure_versions WHERE first_run <= ?", run).Scan(&n); err != nil {
		return nil, fmt.Errorf("count history figures: %w", err)
	}
	type version struct{ key, run, members int64 } // members -1: removed
	all := make([]version, 0, n)
	rows, err := q.QueryContext(ctx, "SELECT key, first_run, members FROM figure_versions WHERE first_run <= ?", run)
	if err != nil {
		return nil, fmt.Errorf("read history figures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ver version
		var m sql.NullInt64
		if err := rows.Scan(&ver.key, &ver.run, &m); err != nil {
			return nil, fmt.Errorf("read history figures: %w", err)
		}
		ver.members = -1
		if m.Valid {
			ver.members = m.Int64
		}
		all = append(all, ver)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read history figures: %w", err)
	}
	slices.SortFunc(all, func(a, b version) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.run, b.run)) })
	v.keys = make([]int64, 0, len(all))
	v.members = make([]int64, 0, len(all))
	for i, ver := range all {
		if i+1 < len(all) && all[i+1].key == ver.key {
			continue // a later version of the key follows
		}
		if ver.members >= 0 {
			v.keys = append(v.keys, ver.key)
			v.members = append(v.members, ver.members)
		}
	}
	return v, nil
}

// querier is a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// ids maps the figures' own place and period indices to the file's ids,
// adding the places and periods it lacks, and rewrites the keys to them.
func (f *Figures) toFileIDs(ctx context.Context, tx *sql.Tx) error {
	if f.mapped {
		return fmt.Errorf("record figures: already recorded")
	}
	placeID := make([]int64, len(f.places))
	for i, pl := range f.places {
		id, err := upsertID(ctx, tx, "SELECT id FROM places WHERE province = ? AND city = ?",
			"INSERT INTO places (province, city) VALUES (?, ?)", pl.Province, pl.City)
		if err != nil {
			return fmt.Errorf("record place %s %s: %w", pl.Province, pl.City, err)
		}
		placeID[i] = id
	}
	periodID := make([]int64, len(f.periods))
	for i, p := range f.periods {
		id, err := upsertID(ctx, tx, "SELECT id FROM periods WHERE period = ?", "INSERT INTO periods (period) VALUES (?)", p)
		if err != nil {
			return fmt.Errorf("record period %s: %w", p, err)
		}
		if id >= 1<<20 {
			return fmt.Errorf("record period %s: more than %d periods", p, 1<<20-1)
		}
		periodID[i] = id
	}
	for i := range f.rows {
		pl, pe, seg := unpackKey(f.rows[i].key)
		f.rows[i].key = packKey(placeID[pl], periodID[pe], seg)
	}
	f.mapped = true
	return nil
}

func upsertID(ctx context.Context, tx *sql.Tx, get, put string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, get, args...).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, put, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// batch is the rows per INSERT statement: fewer statements, fewer calls
// through database/sql (measured: 1M rows 3.3 s CPU one by one, 0.8 s in
// batches of 200 with three values a row).
const batch = 200

// insertVersions writes the figures new or changed against v, and a NULL
// version for each key of v the run no longer has: one merge of the two
// lists sorted by key. Against an empty history every figure is new, and
// the sort is skipped.
func insertVersions(ctx context.Context, tx *sql.Tx, run int64, cur []entry, v *view) (written int, err error) {
	ins := &inserter{ctx: ctx, tx: tx, run: run}
	defer ins.close()
	if len(v.keys) > 0 {
		slices.SortFunc(cur, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	}
	i, j := 0, 0
	for i < len(cur) || j < len(v.keys) {
		switch {
		case j == len(v.keys) || (i < len(cur) && cur[i].key < v.keys[j]):
			err = ins.add(cur[i].key, &cur[i].members, cur[i].line)
			i++
		case i == len(cur) || v.keys[j] < cur[i].key:
			err = ins.add(v.keys[j], nil, 0)
			j++
		default:
			if cur[i].members != v.members[j] {
				err = ins.add(cur[i].key, &cur[i].members, cur[i].line)
			}
			i++
			j++
		}
		if err != nil {
			return ins.n, err
		}
	}
	return ins.n, ins.flush()
}

// testHook, when set (tests only), is called at stage "figures": a run's
// transaction with its first thousand figures inserted.
var testHook func(stage string)

// inserter batches figure_versions rows.
type inserter struct {
	ctx  context.Context
	tx   *sql.Tx
	run  int64
	full *sql.Stmt
	args []any
	n    int
}

func (in *inserter) add(key int64, members *int64, line int32) error {
	var m, l any
	if members != nil {
		m, l = *members, int64(line)
	}
	in.args = append(in.args, key, m, l)
	in.n++
	if testHook != nil && in.n == 1000 {
		testHook("figures")
	}
	if len(in.args) < 3*batch {
		return nil
	}
	if in.full == nil {
		st, err := in.tx.PrepareContext(in.ctx, in.statement(batch))
		if err != nil {
			return fmt.Errorf("record figures: %w", err)
		}
		in.full = st
	}
	if _, err := in.full.ExecContext(in.ctx, in.args...); err != nil {
		return fmt.Errorf("record figures: %w", err)
	}
	in.args = in.args[:0]
	return nil
}

func (in *inserter) flush() error {
	if len(in.args) == 0 {
		return nil
	}
	if _, err := in.tx.ExecContext(in.ctx, in.statement(len(in.args)/3), in.args...); err != nil {
		return fmt.Errorf("record figures: %w", err)
	}
	in.args = in.args[:0]
	return nil
}

func (in *inserter) close() {
	if in.full != nil {
		in.full.Close()
	}
}

// statement inserts n rows; the run is a literal (an integer of ours) so
// each row binds three values.
func (in *inserter) statement(n int) string {
	row := fmt.Sprintf("(?,%d,?,?),", in.run)
	return "INSERT INTO figure_versions (key, first_run, members, line) VALUES " + strings.TrimSuffix(strings.Repeat(row, n), ",")
}
