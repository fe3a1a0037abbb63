package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// night is the run's clock in these tests: 2019-12-31 02:00 local time.
var night = time.Date(2019, 12, 31, 2, 0, 0, 0, time.Local)

func mustReplace(tb testing.TB, out, tag string) Result {
	tb.Helper()
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer release()
	res, err := Replace(context.Background(), out, packetFiles(tag), info(), Options{Now: night})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func writeAt(tb testing.TB, name, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func TestReplaceKeepsWhatAPersonSaved(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(tb testing.TB, out string)
		why    string // "" = replaced: nothing of a person's
	}{
		{"untouched", func(testing.TB, string) {}, ""},
		{"a listed file removed", func(tb testing.TB, out string) {
			os.Remove(filepath.Join(out, "workbook.xlsx"))
		}, ""},
		{"send's receipts", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "delivery.json"), `{"receipts":[]}`)
		}, ""},
		{"a slice's receipts", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "slices/四川/delivery.json"), `{"receipts":[{"status":"sent"}]}`)
		}, ""},
		{"an analyst's file", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "说明.txt"), "my notes")
		}, "added 说明.txt"},
		{"a file edited in place", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "summary.json"), `{"edited":true}`)
		}, "changed summary.json"},
		{"same size, other bytes", func(tb testing.TB, out string) {
			b, _ := os.ReadFile(filepath.Join(out, "charts/members_by_city.png"))
			b[0] ^= 1
			writeAt(tb, filepath.Join(out, "charts/members_by_city.png"), string(b))
		}, "changed charts/members_by_city.png"},
		{"a data folder inside", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "data/cities.csv"), "city,province,region\n")
			writeAt(tb, filepath.Join(out, "data/figures.csv"), "province,period,members\n")
		}, "added data/cities.csv, added data/figures.csv"},
		{"receipts that are not send's", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "delivery.json"), "sent to 张三 by hand")
		}, "added delivery.json"},
		{"receipts elsewhere", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, "charts/delivery.json"), `{"receipts":[]}`)
		}, "added charts/delivery.json"},
		{"a link", func(tb testing.TB, out string) {
			os.Symlink("/etc/hostname", filepath.Join(out, "host"))
		}, "added host (symbolic link)"},
		{"the manifest lost", func(tb testing.TB, out string) {
			os.Remove(filepath.Join(out, ManifestName))
		}, "no readable manifest.json, added charts/members_by_city.png, added charts/members_by_city.svg, added summary.json, added workbook.xlsx"},
		{"the manifest damaged", func(tb testing.TB, out string) {
			writeAt(tb, filepath.Join(out, ManifestName), "{")
		}, "no readable manifest.json, added charts/members_by_city.png, added charts/members_by_city.svg, added manifest.json, added summary.json, added workbook.xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "packet")
			mustWrite(t, out, "old")
			tc.change(t, out)
			before := snapshot(t, out)

			res := mustReplace(t, out, "new")
			if got := strings.Join(res.Why, ", "); got != tc.why {
				t.Fatalf("Why = %q, want %q", got, tc.why)
			}
			if _, err := Verify(out); err != nil {
				t.Fatalf("new packet: %v", err)
			}
			if tc.why == "" {
				if res.Kept != "" {
					t.Fatalf("kept %s, want replaced", res.Kept)
				}
				if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
					t.Fatalf("folder holds %s", ns)
				}
				return
			}
			want := filepath.Join(dir, "packet.kept-20191231T0200")
			if res.Kept != want {
				t.Fatalf("Kept = %q, want %q", res.Kept, want)
			}
			sameSnapshot(t, before, snapshot(t, want))
		})
	}
}

func TestKeptNamesAreUnique(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	os.Mkdir(filepath.Join(dir, "packet.kept-20191231T0200"), 0o755) // a person's, or an earlier night's
	var kept []string
	for i := range 3 {
		mustWrite(t, out, "old")
		writeAt(t, filepath.Join(out, "notes.txt"), "note "+string(rune('a'+i)))
		kept = append(kept, filepath.Base(mustReplace(t, out, "new").Kept))
	}
	want := "packet.kept-20191231T0200-2 packet.kept-20191231T0200-3 packet.kept-20191231T0200-4"
	if got := strings.Join(kept, " "); got != want {
		t.Fatalf("kept %s, want %s", got, want)
	}
	for i, k := range kept {
		if b, _ := os.ReadFile(filepath.Join(dir, k, "notes.txt")); string(b) != "note "+string(rune('a'+i)) {
			t.Fatalf("%s/notes.txt = %q", k, b)
		}
	}
}

func TestReplaceStillRefusesAForeignFolder(t *testing.T) {
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	writeAt(t, filepath.Join(home, "thesis.doc"), "years of work")
	_, err := Replace(context.Background(), home, packetFiles("x"), info(), Options{Now: night})
	if !errors.Is(err, ErrNotPacket) {
		t.Fatalf("Replace = %v, want ErrNotPacket", err)
	}
	if ns := fmtNames(names(t, dir)); ns != `["home"]` {
		t.Fatalf("folder holds %s", ns)
	}
}

// A killed run's backup that holds a person's file (saved in the instant
// between the audit and the swap) is kept, not removed.
func TestRecoverKeepsPersonsFileInBackup(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "new") // the killed run's packet, in place
	old := filepath.Join(dir, "old")
	mustWrite(t, old, "old")
	backup := filepath.Join(dir, ".packet.old-7-8")
	os.Rename(old, backup)
	os.Remove(old + ".lock")
	writeAt(t, filepath.Join(backup, "notes.txt"), "mine")
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	release()
	if _, err := os.Stat(backup); err != nil {
		t.Fatal("Lock removed the backup of a person's file")
	}
	res := mustReplace(t, out, "newer")
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "kept as "+filepath.Join(dir, "packet.kept-20191231T0200")) {
		t.Fatalf("warnings %q", res.Warnings)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "packet.kept-20191231T0200", "notes.txt")); string(b) != "mine" {
		t.Fatal("the person's file was lost")
	}
}

// What an earlier run left that this user cannot remove or list is named in
// a warning and stepped around, night after night.
func TestLeftoversDoNotStickNights(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	stuck := filepath.Join(dir, ".packet.old-1-2")
	writeAt(t, filepath.Join(stuck, "summary.json"), "{}")
	writeAt(t, filepath.Join(stuck, ManifestName), `{"tool":"basebrief","files":[{"path":"summary.json","size":2,"sha256":"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"}]}`)
	stuckScratch := filepath.Join(dir, ".packet.scratch-1-3")
	os.Mkdir(stuckScratch, 0o755)
	defer func() { removeAll = os.RemoveAll }()
	removeAll = func(p string) error { // root's leftovers: this user may not remove them
		if p == stuck || p == stuckScratch || strings.Contains(p, ".packet.old-") {
			return &fs.PathError{Op: "unlinkat", Path: p, Err: syscall.EACCES}
		}
		return os.RemoveAll(p)
	}
	for night := range 3 {
		res := mustReplace(t, out, "new")
		joined := strings.Join(res.Warnings, "\n")
		for _, p := range []string{stuck, stuckScratch} {
			if !strings.Contains(joined, "cannot remove "+p+" left by an earlier run") {
				t.Fatalf("night %d: warnings %q do not name %s", night, joined, p)
			}
		}
		if _, err := Verify(out); err != nil {
			t.Fatalf("night %d: %v", night, err)
		}
	}

	// A parent this user cannot list: not blamed on a killed run, and the
	// packet is still written.
	readDir = func(string) ([]os.DirEntry, error) {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
	}
	defer func() { readDir = os.ReadDir }()
	res := mustReplace(t, out, "newer")
	if j := strings.Join(res.Warnings, "\n"); !strings.Contains(j, "cannot look for what earlier runs left beside "+out) || strings.Contains(j, "killed") && !strings.Contains(j, "scratch") {
		t.Fatalf("warnings %q", j)
	}
}

// TestHelperReplace, with BASEBRIEF_OUTPUT_REPLACE set to an out folder,
// replaces the packet there and prints its warnings, one a line.
func TestHelperReplace(t *testing.T) {
	out, release := helperLock(t, "BASEBRIEF_OUTPUT_REPLACE", "helper process for TestNightsAfterARootRun")
	res, err := Replace(context.Background(), out, packetFiles("cron"), info(), Options{Now: night})
	release()
	for _, w := range res.Warnings {
		fmt.Println("warning:", w)
	}
	helperExit("error", err)
}

// The night after a run as root, the cron user's run replaces root's
// packet but cannot remove root's files in the backup; that night and every
// later one must still succeed, naming what it stepped around. Run for real:
// as root, the helper runs as nobody (uid 65534).
func TestNightsAfterARootRun(t *testing.T) {
	if os.Getuid() != 0 || testing.Short() {
		t.Skip("needs root to run a helper as another user")
	}
	dir := t.TempDir()
	os.Chmod(filepath.Dir(dir), 0o755) // t.TempDir makes both 0700
	os.Chmod(dir, 0o755)
	parent := filepath.Join(dir, "srv")
	os.Mkdir(parent, 0o755)
	os.Chown(parent, 65534, 65534) // the cron user's folder
	for d := dir; d != "/"; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o005 != 0o005 {
			t.Skipf("%s is not searchable by others", d)
		}
	}
	bin := filepath.Join(dir, "output.test")
	self, _ := os.ReadFile(os.Args[0])
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(parent, "packet")
	mustWrite(t, out, "root") // root's run: packet, packet.lock owned by root
	for night := range 3 {
		cmd := exec.Command(bin, "-test.run=^TestHelperReplace$")
		cmd.Env = append(os.Environ(), "BASEBRIEF_OUTPUT_REPLACE="+out)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("night %d as nobody: %v\n%s", night, err, b)
		}
		if !strings.Contains(string(b), "left by an earlier run, owned by uid 0") {
			t.Fatalf("night %d: root's leftover not named:\n%s", night, b)
		}
		if m, err := Verify(out); err != nil || len(m.Files) != 4 {
			t.Fatalf("night %d: %v", night, err)
		}
	}
}
