package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// fig is a figure of a test run: place, period, segment and members.
type fig struct {
	prov, city, period string
	seg                int
	n                  int64
}

func figuresOf(fs []fig) *Figures {
	out := NewFigures("figures.csv", len(fs))
	for i, f := range fs {
		out.Add(out.Place(f.prov, f.city), out.Period(f.period), f.seg, f.n, i+2)
	}
	return out
}

func clock() func() time.Time {
	t := time.Date(2026, 12, 7, 13, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

// runOnce opens the history, reads the prior, records a run of figs and
// returns the prior and the run's number.
func runOnce(t *testing.T, path, sha string, fs []fig, opts Options) (*Prior, int64, *Run) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	in := []Input{{Name: "figures.csv", SHA256: sha, Rows: len(fs)}, {Name: "cities.csv", SHA256: "c1", Rows: 3}}
	prior, err := s.Prior(ctx, InputsDigest(in))
	if err != nil {
		t.Fatalf("Prior: %v", err)
	}
	r := &Run{Start: opts.Now(), Version: "test", Data: "/data", Out: "/packet", Inputs: in, Period: "2019-12",
		Printed: []string{"2019-12", "2019-11"}, Lang: "zh", FiguresRead: len(fs), Packet: true,
		Files: []File{{Name: "summary.json", Size: 10, SHA256: "ab"}}}
	id, kept, err := s.Record(ctx, r, figuresOf(fs))
	if err != nil || kept != "" {
		t.Fatalf("Record: %v (kept %q)", err, kept)
	}
	return prior, id, r
}

// priorFigs turns a Prior back into figs, sorted.
func priorFigs(p *Prior) []fig {
	var out []fig
	for _, f := range p.Figures {
		pl := p.Places[f.Place]
		out = append(out, fig{pl.Province, pl.City, p.Periods[f.Period], f.Segment, f.Members})
	}
	slices.SortFunc(out, func(a, b fig) int {
		if a.city+a.period != b.city+b.period {
			if a.city+a.period < b.city+b.period {
				return -1
			}
			return 1
		}
		return a.seg - b.seg
	})
	return out
}

func TestRecordAndPrior(t *testing.T) {
	path := filepath.Join(t.TempDir(), "packet.history.db")
	opts := Options{Now: clock()}
	v1 := []fig{
		{"四川", "成都市", "2019-11", 0, 1300000},
		{"四川", "成都市", "2019-12", 0, 1310000},
		{"四川", "绵阳市", "2019-11", 0, 200000},
		{"四川", "", "2019-11", 0, 1500000},
		{"四川", "成都市", "2019-11", 4, 5000},
	}
	prior, id1, _ := runOnce(t, path, "a", v1, opts)
	if prior != nil || id1 != 1 {
		t.Fatalf("first run: prior %v, id %d; want nil, 1", prior, id1)
	}
	// The same inputs again: a run row, no figure.
	prior, id2, r2 := runOnce(t, path, "a", v1, opts)
	if prior != nil || id2 != 2 || r2.FiguresWritten != 0 {
		t.Fatalf("same inputs: prior %v, id %d, written %d; want nil, 2, 0", prior, id2, r2.FiguresWritten)
	}
	// Changed: one figure revised, one removed, one added.
	v3 := []fig{
		{"四川", "成都市", "2019-11", 0, 1310000},
		{"四川", "成都市", "2019-12", 0, 1310000},
		{"四川", "", "2019-11", 0, 1500000},
		{"四川", "成都市", "2019-11", 4, 5000},
		{"四川", "绵阳市", "2019-12", 0, 210000},
	}
	prior, id3, r3 := runOnce(t, path, "b", v3, opts)
	if prior == nil || prior.Run != 2 || id3 != 3 {
		t.Fatalf("changed inputs: prior %+v, id %d; want run 2, id 3", prior, id3)
	}
	if got := priorFigs(prior); !slices.Equal(got, priorFigs(priorOf(v1))) {
		t.Errorf("prior figures:\n got %v\nwant %v", got, v1)
	}
	if !slices.Equal(prior.Printed, []string{"2019-12", "2019-11"}) {
		t.Errorf("printed %v", prior.Printed)
	}
	if r3.FiguresWritten != 3 { // 成都 2019-11 changed, 绵阳 2019-11 removed, 绵阳 2019-12 new
		t.Errorf("run 3 wrote %d figure versions, want 3", r3.FiguresWritten)
	}
	// A rerun of run 3's inputs compares with run 2 still, and stores nothing.
	prior, _, r4 := runOnce(t, path, "b", v3, opts)
	if prior == nil || prior.Run != 2 || r4.FiguresWritten != 0 {
		t.Fatalf("rerun: prior %+v, written %d; want run 2, 0", prior, r4.FiguresWritten)
	}
	// Going back to the first inputs compares with run 4 (run 3's figures).
	prior, _, r5 := runOnce(t, path, "a", v1, opts)
	if prior == nil || prior.Run != 4 || r5.FiguresWritten != 3 {
		t.Fatalf("back to a: prior run %+v, written %d; want run 4, 3", prior, r5.FiguresWritten)
	}
	if got := priorFigs(prior); !slices.Equal(got, priorFigs(priorOf(v3))) {
		t.Errorf("prior figures as of run 4:\n got %v\nwant %v", got, v3)
	}
}

// priorOf is a Prior holding fs, for comparing with priorFigs.
func priorOf(fs []fig) *Prior {
	p := &Prior{}
	f := figuresOf(fs)
	p.Places, p.Periods = f.places, f.periods
	for _, e := range f.rows {
		pl, pe, seg := unpackKey(e.key)
		p.Figures = append(p.Figures, Figure{int32(pl), int32(pe), seg, e.members})
	}
	return p
}

func TestDamagedKeptAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "packet.history.db")
	if err := os.WriteFile(path, []byte("not a database at all, just text that someone saved here"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opts := Options{Now: clock()}
	s, err := Open(ctx, path, opts)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open of a text file: %v, want ErrDamaged", err)
	}
	if p, err := s.Prior(ctx, "x"); p != nil || err != nil {
		t.Fatalf("Prior of a damaged file: %v, %v; want nil, nil", p, err)
	}
	id, kept, err := s.Record(ctx, &Run{Packet: true, Inputs: []Input{{Name: "figures.csv", SHA256: "a"}}}, figuresOf([]fig{{"四川", "成都市", "2019", 0, 1}}))
	s.Close()
	if err != nil || id != 1 {
		t.Fatalf("Record: id %d, %v", id, err)
	}
	if want := path + ".damaged-20261207T130100Z"; kept != want {
		t.Errorf("kept as %q, want %q", kept, want)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b[:3]) != "not" {
		t.Errorf("the damaged file was not kept as it was: %v", err)
	}
	// The new file is a history with that run.
	s, err = Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, err := s.Runs(ctx)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs of the new file: %v, %v", runs, err)
	}
}

func TestTruncatedDatabaseIsDamaged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "h.db")
	opts := Options{Now: clock()}
	runOnce(t, path, "a", []fig{{"四川", "成都市", "2019", 0, 1}}, opts)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the header, spoil the pages after it.
	for i := 100; i < len(b); i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, path, opts)
	if err == nil {
		_, err = s.Prior(ctx, "x")
	}
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("spoiled pages: %v, want ErrDamaged", err)
	}
	_, kept, err := s.Record(ctx, &Run{}, nil)
	s.Close()
	if err != nil || kept == "" {
		t.Fatalf("Record after damage: kept %q, %v", kept, err)
	}
}

func TestNewerSchemaLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	opts := Options{Now: clock()}
	runOnce(t, path, "a", nil, opts)
	ctx := context.Background()
	s, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path, opts); !errors.Is(err, ErrNewer) {
		t.Fatalf("Open of a newer schema: %v, want ErrNewer", err)
	}
}

func TestBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	opts := Options{Now: clock(), BusyTimeout: 50 * time.Millisecond}
	runOnce(t, path, "a", nil, opts)
	ctx := context.Background()
	holder, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.db.BeginTx(ctx, nil) // immediate: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	s, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Record(ctx, &Run{}, nil); !errors.Is(err, ErrBusy) {
		t.Fatalf("Record while another holds the lock: %v, want ErrBusy", err)
	}
}
