package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// noteName is the file a person saves in the packet in these tests.
const noteName = "发言稿.txt"

// checkWhole checks that dir holds every file its manifest lists, as listed,
// and nothing else but the person's note; it returns the note's contents
// ("" if none).
func checkWhole(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: manifest: %v", dir, err)
	}
	listed := map[string]bool{ManifestName: true}
	for _, f := range m.Files {
		listed[f.Path] = true
		data, err := os.ReadFile(filepath.Join(dir, f.Path))
		sum := sha256.Sum256(data)
		if err != nil || hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Fatalf("%s: %s not whole (%v)", dir, f.Path, err)
		}
	}
	note := ""
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r := rel(dir, p)
		switch {
		case r == noteName:
			b, _ := os.ReadFile(p)
			note = string(b)
		case !listed[r]:
			t.Fatalf("%s: unexpected %s", dir, r)
		}
		return nil
	})
	return note
}

// TestHelperLoop, with BASEBRIEF_OUTPUT_LOOP set to an out folder, locks it
// and replaces the packet slowly (a slow disk), printing "ready" once it
// holds the lock; the test kills it at a random moment.
func TestHelperLoop(t *testing.T) {
	out, release := helperLock(t, "BASEBRIEF_OUTPUT_LOOP", "helper process for TestKillLoopKeepsPersonsFile")
	defer release()
	testHook = func(stage, _ string) {
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Println("ready")
	_, err := Replace(context.Background(), out, bigPacket(os.Getenv("BASEBRIEF_OUTPUT_TAG")), info(), Options{Now: night})
	helperExit("replace", err)
}

// Thirty runs killed with SIGKILL at random moments, each with a person's
// file in the old packet: after each, the packet in place and every kept
// folder are whole, and every note the person ever saved is still there.
func TestKillLoopKeepsPersonsFile(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("30 killed runs: set BASEBRIEF_CHECK=1 (make check)")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "first")
	saved := map[string]bool{}
	rng := rand.New(rand.NewPCG(1, 2))
	// One run not killed says how long a run takes on this machine now;
	// the kills land anywhere from its start to a little past its end.
	start := func(i int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLoop$")
		cmd.Env = append(os.Environ(), "BASEBRIEF_OUTPUT_LOOP="+out, fmt.Sprintf("BASEBRIEF_OUTPUT_TAG=run%d", i))
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 6)
		if n, _ := stdout.Read(buf); string(buf[:n]) != "ready\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("run %d: helper said %q", i, buf[:n])
		}
		return cmd
	}
	t0 := time.Now()
	if err := start(-1).Wait(); err != nil {
		t.Fatal(err)
	}
	span := time.Since(t0) * 6 / 5
	kills := map[string]int{}
	for i := range 30 {
		if checkWhole(t, out) == "" { // the person saves a note in the packet in place
			note := fmt.Sprintf("note %d", i)
			writeAt(t, filepath.Join(out, noteName), note)
			saved[note] = true
		}
		cmd := start(i)
		time.Sleep(time.Duration(rng.Int64N(int64(span))))
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err == nil {
			kills["finished"]++
		} else {
			kills["killed"]++
		}
		if work, _ := workDirs(out); len(work) > 0 {
			kills["left work folders"]++
		}
		if _, err := os.Lstat(out); err != nil {
			kills["left no packet in place"]++
		}

		// The next run's lock repairs what the kill left.
		release, err := Lock(context.Background(), out, 0)
		if err != nil {
			t.Fatalf("run %d: lock after kill: %v", i, err)
		}
		release()
		found := map[string]bool{}
		if n := checkWhole(t, out); n != "" {
			found[n] = true
		}
		kept, _ := filepath.Glob(out + ".kept-*")
		for _, k := range kept {
			found[checkWhole(t, k)] = true
		}
		// A run killed after putting its packet in place, before keeping
		// the old one aside, leaves it as a backup: Lock leaves that for
		// the next run, which keeps it aside and says so (checked below).
		backups, _ := filepath.Glob(filepath.Join(dir, ".packet.old-*"))
		for _, b := range backups {
			if n := noteIn(b); n != "" {
				found[n] = true
			}
		}
		for n := range saved {
			if !found[n] {
				t.Fatalf("run %d: the person's %q is lost; packet, %d kept folders and %d backups hold %v", i, n, len(kept), len(backups), found)
			}
		}
	}
	// A last, unkilled run leaves the packet and the kept folders only,
	// every note the person saved in one of them.
	mustReplace(t, out, "last")
	for _, n := range names(t, dir) {
		if n != "packet" && n != "packet.lock" && !strings.HasPrefix(n, "packet.kept-") {
			t.Fatalf("left beside the packet: %s", n)
		}
	}
	kept, _ := filepath.Glob(out + ".kept-*")
	found := map[string]bool{checkWhole(t, out): true}
	for _, k := range kept {
		found[checkWhole(t, k)] = true
	}
	for n := range saved {
		if !found[n] {
			t.Fatalf("after the last run the person's %q is in neither the packet nor the %d kept folders", n, len(kept))
		}
	}
	t.Logf("%d notes saved, %d kept folders; after the kills: %v", len(saved), len(kept), kills)
}

// noteIn is the person's note in dir, "" when there is none.
func noteIn(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, noteName))
	if err != nil {
		return ""
	}
	return string(b)
}

// A full disk mid-write leaves the old packet, the person's file in it,
// untouched, and no temporary folder.
func TestFullDiskKeepsOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	writeAt(t, filepath.Join(out, noteName), "mine")
	before := snapshot(t, out)
	defer func() { writeFileFn = writeFile }()
	written := 0
	writeFileFn = func(name string, data []byte) error {
		if written += len(data); written > 3<<20 { // the disk fills after 3 MB
			os.WriteFile(name, data[:100], 0o644)
			return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
		}
		return writeFile(name, data)
	}
	_, err := Replace(context.Background(), out, bigPacket("new"), info(), Options{Now: night})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Replace = %v, want ENOSPC", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
		t.Fatalf("folder holds %s", ns)
	}
}

// The same on a real full file system: a 16 MB tmpfs (root and
// BASEBRIEF_CHECK=1 only).
func TestFullTmpfsKeepsOld(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" || os.Getuid() != 0 {
		t.Skip("mounts tmpfs: set BASEBRIEF_CHECK=1 and run as root")
	}
	dir := t.TempDir()
	if b, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount tmpfs: %v %s", err, b)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	writeAt(t, filepath.Join(out, noteName), "mine")
	before := snapshot(t, out)
	files := bigPacket("new")
	for i, f := range bigPacket("more")[:6] {
		files = append(files, File{fmt.Sprintf("extra/%d.png", i), f.Data})
	}
	_, err := Replace(context.Background(), out, files, info(), Options{Now: night})
	if !errors.Is(err, syscall.ENOSPC) {
		// 12 + 6 MB do not fit in 16 MB.
		t.Fatalf("Replace = %v, want ENOSPC", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	// A packet that fits replaces it, keeping the person's file aside.
	res, err := Replace(context.Background(), out, bigPacket("small")[:4], info(), Options{Now: night})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(res.Kept, noteName)); string(b) != "mine" {
		t.Fatalf("kept %q: the person's file is lost", res.Kept)
	}
}
