package report

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"weak"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
)

// TestSlicesConcurrent: the slices rendered at once, their charts in
// shared rasters, are the packets each slice renders alone, in the slices'
// order. Under -race (make test) it also checks the packets share nothing
// unguarded: fonts, subsets, rasters.
func TestSlicesConcurrent(t *testing.T) {
	d := sample.National(sample.Options{Previous: true, Cities: 62})
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	names := analysis.SliceNames(full, analysis.SliceRegion)
	if len(names) < 3 {
		t.Fatalf("%d regions", len(names))
	}
	if testing.Short() {
		names = names[:2] // under -race a packet takes seconds: two at once is the point
	}
	got, _, err := slicesOf(d, full, analysis.SliceRegion, names, o)
	if err != nil {
		t.Fatal(err)
	}
	var want []File
	for _, name := range names {
		sc, err := analysis.CompareSlice(d, full, analysis.SliceRegion, name)
		if err != nil {
			t.Fatal(err)
		}
		fs, _, err := Packet(sc, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			want = append(want, File{Path: "slices/" + SliceDir(name) + "/" + f.Path, Data: f.Data})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("file %d: %s (%d bytes), want %s (%d bytes)", i, got[i].Path, len(got[i].Data), want[i].Path, len(want[i].Data))
		}
	}
}

// TestSliceDone: the command hears of each slice rendered (it bounds the
// heap again from what is then live), once a slice.
func TestSliceDone(t *testing.T) {
	d := sample.National(sample.Options{Previous: true, Cities: 62})
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	var done atomic.Int32
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), SliceDone: func() { done.Add(1) }}
	names := analysis.SliceNames(full, analysis.SliceProvince)[:3]
	if _, _, err := slicesOf(d, full, analysis.SliceProvince, names, o); err != nil {
		t.Fatal(err)
	}
	if got := done.Load(); got != int32(len(names)) {
		t.Errorf("SliceDone called %d times for %d slices", got, len(names))
	}
}

// TestPacketWithSlices: the whole packet rendered beside its slices is the
// packet rendered alone, followed by the slices rendered alone, file for
// file and byte for byte.
func TestPacketWithSlices(t *testing.T) {
	d := sample.National(sample.Options{Previous: true, Cities: 62})
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	got, gotNotes, err := PacketWithSlices(d, full, analysis.SliceRegion, o)
	if err != nil {
		t.Fatal(err)
	}
	want, wantNotes, err := Packet(full, o)
	if err != nil {
		t.Fatal(err)
	}
	sf, sn, err := Slices(d, full, analysis.SliceRegion, o)
	if err != nil {
		t.Fatal(err)
	}
	want, wantNotes = append(want, sf...), append(wantNotes, sn...)
	if len(got) != len(want) || !slices.Equal(gotNotes, wantNotes) {
		t.Fatalf("%d files and notes %q, want %d and %q", len(got), gotNotes, len(want), wantNotes)
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("file %d: %s (%d bytes), want %s (%d bytes)", i, got[i].Path, len(got[i].Data), want[i].Path, len(want[i].Data))
		}
	}
}

// TestRendered: the command is given every file of the whole packet and of
// its slices as each packet is rendered (it writes them while the rest
// render), each once, the bytes PacketWithSlices renders without
// Rendered; it returns them with their paths and sizes, their bytes
// being the command's.
func TestRendered(t *testing.T) {
	d := sample.National(sample.Options{Previous: true, Cities: 62})
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		batches int
		given   = map[string][]byte{}
	)
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	want, _, err := PacketWithSlices(d, full, analysis.SliceRegion, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Rendered = func(fs []File) {
		mu.Lock()
		defer mu.Unlock()
		batches++
		for _, f := range fs {
			if _, ok := given[f.Path]; ok {
				t.Errorf("%s given twice", f.Path)
			}
			given[f.Path] = f.Data
		}
	}
	got, _, err := PacketWithSlices(d, full, analysis.SliceRegion, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + len(analysis.SliceNames(full, analysis.SliceRegion)); batches != want {
		t.Errorf("%d batches given, want %d (the packet and each slice)", batches, want)
	}
	if len(given) != len(want) || len(got) != len(want) {
		t.Fatalf("%d files given, %d returned, want %d", len(given), len(got), len(want))
	}
	for i, w := range want {
		if b, ok := given[w.Path]; !ok || !bytes.Equal(b, w.Data) {
			t.Errorf("%s: given %d bytes (%v), rendered %d", w.Path, len(b), ok, len(w.Data))
		}
		if g := got[i]; g.Path != w.Path || g.Data != nil || g.Size != len(w.Data) {
			t.Errorf("file %d returned as %s, %d bytes held, size %d; want %s, none held, size %d",
				i, g.Path, len(g.Data), g.Size, w.Path, len(w.Data))
		}
	}
}

// TestRenderedReleased: once given to Rendered, no file's bytes are kept
// by what PacketWithSlices returns: a command that writes them as they
// come lets them go (with the national data's 31 province slices, 60 MB
// held to the end of the run; issue 25).
func TestRenderedReleased(t *testing.T) {
	d := sample.National(sample.Options{Previous: true, Cities: 62})
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		refs = map[string]weak.Pointer[byte]{}
	)
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), Rendered: func(fs []File) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range fs {
			if len(f.Data) > 0 {
				refs[f.Path] = weak.Make(&f.Data[0])
			}
		}
	}}
	got, _, err := PacketWithSlices(d, full, analysis.SliceRegion, o)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.GC()
	if len(refs) != len(got) {
		t.Errorf("%d files given with bytes, %d returned", len(refs), len(got))
	}
	var held []string
	for p, w := range refs {
		if w.Value() != nil {
			held = append(held, p)
		}
	}
	slices.Sort(held)
	if len(held) > 0 {
		t.Errorf("%d of %d files' bytes still reachable after PacketWithSlices returned: %q", len(held), len(refs), held)
	}
	runtime.KeepAlive(got)
}

// TestGroupNotes: a note several slices share is said once, naming how
// many (all, or which), instead of once a slice in the cron mail.
func TestGroupNotes(t *testing.T) {
	names := []string{"北京", "天津", "河北"}
	got := groupNotes([][]string{
		{"chart a skipped: why", "chart b skipped: only here"},
		{"chart a skipped: why", "chart c skipped: two"},
		{"chart c skipped: two", "chart a skipped: why"},
	}, names)
	want := []string{
		"all 3 slices: chart a skipped: why",
		"slice 北京: chart b skipped: only here",
		"2 slices (天津, 河北): chart c skipped: two",
	}
	if !slices.Equal(got, want) {
		t.Errorf("groupNotes =\n%q\nwant\n%q", got, want)
	}
	// A note a slice gives twice counts that slice once: two of three
	// slices, not all three, nor one slice named twice.
	got = groupNotes([][]string{{"note x", "note x"}, {"note x"}, {"note y"}}, names)
	want = []string{"2 slices (北京, 天津): note x", "slice 河北: note y"}
	if !slices.Equal(got, want) {
		t.Errorf("groupNotes with a note said twice =\n%q\nwant\n%q", got, want)
	}
	got = groupNotes([][]string{{"note x", "note x"}, {}, {}}, names)
	want = []string{"slice 北京: note x"}
	if !slices.Equal(got, want) {
		t.Errorf("groupNotes with a note said twice by one slice =\n%q\nwant\n%q", got, want)
	}
}
