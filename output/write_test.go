package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "one")
	m, err := Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 4 || m.Files[0].Path != "charts/members_by_city.png" || m.Tool != "basebrief" {
		t.Fatalf("manifest files = %+v", m.Files)
	}
	mustWrite(t, out, "two")
	got := snapshot(t, out)
	if got["charts/members_by_city.svg"] != "<svg>two</svg>" {
		t.Fatalf("svg = %q", got["charts/members_by_city.svg"])
	}
	if _, err := Verify(out); err != nil {
		t.Fatal(err)
	}
	// Only the packet and its lock file are left beside it.
	if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
		t.Fatalf("folder holds %s", ns)
	}
}

func TestManifestDeterministic(t *testing.T) {
	a := info()
	b := info()
	b.Counts = map[string]int{"bases": 13, "cities": 10} // other insertion order
	b.Inputs = append([]Input{{Name: "cities.csv"}}, b.Inputs...)
	a.Inputs = append(a.Inputs, Input{Name: "cities.csv"})
	files := packetFiles("x")
	reversed := []File{files[3], files[2], files[1], files[0]}
	ma, _ := NewManifest(files, a).Encode()
	mb, _ := NewManifest(reversed, b).Encode()
	if string(ma) != string(mb) {
		t.Fatalf("manifests differ:\n%s\n%s", ma, mb)
	}
	for _, want := range []string{`"previous_period": null`, `"region": null`, `"counts": {
    "bases": 13,
    "cities": 10
  }`, `"sha256": "`} {
		if !strings.Contains(string(ma), want) {
			t.Errorf("manifest lacks %s:\n%s", want, ma)
		}
	}
	if strings.Contains(string(ma), "created") {
		t.Errorf("manifest has a time though none was given")
	}
}

func TestCheckPaths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paths []string
		want  string // "" = accepted
	}{
		{"ok", []string{"a.pdf", "charts/x.png", "charts/sub/y.svg"}, ""},
		{"parent", []string{"../evil"}, "must be relative"},
		{"inner parent", []string{"charts/../../evil"}, "must be relative"},
		{"absolute", []string{"/etc/passwd"}, "must be relative"},
		{"dot", []string{"./a"}, "must be relative"},
		{"empty", []string{""}, "must be relative"},
		{"trailing slash", []string{"charts/"}, "must be relative"},
		{"backslash", []string{`..\evil`}, "backslash"},
		{"drive", []string{`C:x`}, "colon"},
		{"manifest", []string{"manifest.json"}, "the manifest is written by output"},
		{"duplicate", []string{"a", "a"}, "listed twice"},
		{"file is folder", []string{"charts", "charts/x.png"}, "is also a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var files []File
			for _, p := range tc.paths {
				files = append(files, File{Path: p})
			}
			err := CheckPaths(files)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("CheckPaths(%q) = %v, want %q", tc.paths, err, tc.want)
			}
		})
	}
}

func TestWriteRejectsEscapeAndKeepsOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	files := append(packetFiles("new"), File{"../escaped.txt", []byte("x")})
	if err := Write(context.Background(), out, files, info()); err == nil {
		t.Fatal("Write accepted ../escaped.txt")
	}
	sameSnapshot(t, before, snapshot(t, out))
	if _, err := os.Stat(filepath.Join(dir, "escaped.txt")); err == nil {
		t.Fatal("a file escaped the out folder")
	}
}

// A disk error in the middle of the write: the second file's name is taken
// by a folder, so creating it fails.
func TestWriteFailureMidwayKeepsOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	files := packetFiles("new")
	n := 0
	testHook = func(stage, path string) {
		if stage == "file" {
			if n++; n == 1 {
				tmp := strings.TrimSuffix(path, filepath.FromSlash(files[0].Path))
				os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(files[1].Path)), 0o755)
			}
		}
	}
	defer func() { testHook = nil }()
	err := Write(context.Background(), out, files, info())
	if err == nil || !strings.Contains(err.Error(), "write charts/members_by_city.png") {
		t.Fatalf("Write = %v, want a write error", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
		t.Fatalf("temporary folder left: %s", ns)
	}
}

func TestWriteCancelledKeepsOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	testHook = func(stage, _ string) {
		if stage == "file" {
			cancel()
		}
	}
	defer func() { testHook = nil }()
	if err := Write(ctx, out, packetFiles("new"), info()); !errors.Is(err, context.Canceled) {
		t.Fatalf("Write = %v, want context.Canceled", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
		t.Fatalf("temporary folder left: %s", ns)
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	os.MkdirAll(home, 0o755)
	os.WriteFile(filepath.Join(home, "thesis.doc"), []byte("years of work"), 0o644)
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("notes"), 0o644)
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, ManifestName), []byte(`{"tool":"sometool"}`), 0o644)
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)

	for _, out := range []string{home, file, other} {
		err := Write(context.Background(), out, packetFiles("x"), info())
		if !errors.Is(err, ErrNotPacket) {
			t.Errorf("Write(%s) = %v, want ErrNotPacket", filepath.Base(out), err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(home, "thesis.doc")); string(b) != "years of work" {
		t.Fatal("a foreign folder was touched")
	}
	if err := Write(context.Background(), empty, packetFiles("x"), info()); err != nil {
		t.Fatalf("Write into an empty folder: %v", err)
	}
}

func TestRecover(t *testing.T) {
	t.Run("stale work folders", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "packet")
		mustWrite(t, out, "old")
		for _, n := range []string{".packet.tmp-12-345", ".packet.old-12-346", // ours: removed
			".packet.tmp-x", ".other.tmp-1-2", ".packet.tmp-1-2.bak", "packet2"} { // not ours: kept
			os.MkdirAll(filepath.Join(dir, n, "charts"), 0o755)
		}
		if err := Recover(out); err != nil {
			t.Fatal(err)
		}
		want := `[".other.tmp-1-2" ".packet.tmp-1-2.bak" ".packet.tmp-x" "packet" "packet.lock" "packet2"]`
		if ns := fmtNames(names(t, dir)); ns != want {
			t.Fatalf("after Recover: %s, want %s", ns, want)
		}
	})
	t.Run("killed between renames", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "packet")
		mustWrite(t, out, "old")
		before := snapshot(t, out)
		os.Rename(out, filepath.Join(dir, ".packet.old-7-8"))
		os.MkdirAll(filepath.Join(dir, ".packet.tmp-7-9"), 0o755)
		release, err := Lock(context.Background(), out, 0)
		if err != nil {
			t.Fatal(err)
		}
		release()
		sameSnapshot(t, before, snapshot(t, out))
		if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
			t.Fatalf("after Lock: %s", ns)
		}
	})
}

func TestCheckOut(t *testing.T) {
	for _, out := range []string{".", "..", "/", "a/..", "./", "../.."} {
		if CheckOut(out) == nil {
			t.Errorf("CheckOut(%q) accepted it", out)
		}
		if _, err := Lock(context.Background(), out, 0); err == nil {
			t.Errorf("Lock(%q) accepted it", out)
		}
	}
	for _, out := range []string{"packet", "out/packet", "/srv/briefing/packet", "packet/"} {
		if err := CheckOut(out); err != nil {
			t.Errorf("CheckOut(%q) = %v", out, err)
		}
	}
}

// TestReplaceListsFiles: Replace and ReplaceStaged say which files they
// put in place, as the manifest lists them and then the manifest itself
// (what the run's history records, without hashing the packet again);
// nothing when the replace fails.
func TestReplaceListsFiles(t *testing.T) {
	for _, staged := range []bool{false, true} {
		t.Run(map[bool]string{false: "written", true: "staged"}[staged], func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "packet")
			replace := func(files []File) (Result, error) {
				release, err := Lock(context.Background(), out, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer release()
				if !staged {
					return Replace(context.Background(), out, files, info(), Options{Now: night})
				}
				_, st := stagedScratch(t, context.Background(), out)
				t.Cleanup(func() { st.Close() }) // before the scratch folder goes
				st.Add(files)
				return ReplaceStaged(context.Background(), out, st, listed(files), info(), Options{Now: night})
			}
			files := packetFiles("new")
			res, err := replace(files)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(out, ManifestName))
			if err != nil {
				t.Fatal(err)
			}
			want := NewManifest(files, info()).listing(b)
			if len(want) != len(files)+1 || !slices.Equal(res.Files, want) {
				t.Errorf("Result.Files =\n%v\nwant\n%v", res.Files, want)
			}
			res, err = replace(append(packetFiles("new"), File{"summary.json/x", []byte("x")}))
			if err == nil || res.Files != nil {
				t.Errorf("a failed replace: %v, Files %v", err, res.Files)
			}
		})
	}
}
