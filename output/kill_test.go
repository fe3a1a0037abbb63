package output

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The helper process: with BASEBRIEF_OUTPUT_HELPER set to a stage, it locks
// the out folder and writes a big packet, and on reaching the stage prints
// "ready" and hangs until killed. Stage "lock" hangs right after locking.
func TestHelperProcess(t *testing.T) {
	stage := os.Getenv("BASEBRIEF_OUTPUT_HELPER")
	if stage == "" {
		t.Skip("helper process for the kill tests")
	}
	out, release := helperLock(t, "BASEBRIEF_OUTPUT_OUT", "helper process for the kill tests")
	defer release()
	hang := func() {
		fmt.Println("ready")
		time.Sleep(time.Minute)
		os.Exit(3) // never reached: the test kills us
	}
	if stage == "lock" {
		hang()
	}
	n := 0
	testHook = func(s, _ string) {
		if s == "file" {
			n++
			time.Sleep(5 * time.Millisecond) // a slow disk
		}
		if s == stage && (s != "file" || n == 3) {
			hang()
		}
	}
	helperExit("write", Write(context.Background(), out, bigPacket("helper"), info()))
}

// bigPacket is twelve files of 1 MB each.
func bigPacket(tag string) []File {
	var files []File
	for i := range 12 {
		files = append(files, File{fmt.Sprintf("charts/chart%02d.png", i), bytes.Repeat([]byte(tag), 1<<20/len(tag))})
	}
	return files
}

// startHelper runs the helper at stage on out and returns once it reports
// ready; the caller kills it.
func startHelper(t *testing.T, out, stage string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "BASEBRIEF_OUTPUT_HELPER="+stage, "BASEBRIEF_OUTPUT_OUT="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(stdout).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case s := <-line:
		if s != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("helper said %q", s)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("helper never reached its stage")
	}
	return cmd
}

func kill(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no cleanup runs
		t.Fatal(err)
	}
	cmd.Wait()
}

// workKinds counts the work folders beside out by kind ("tmp", "old").
func workKinds(t *testing.T, out string) map[string]int {
	t.Helper()
	dirs, err := workDirs(out)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, d := range dirs {
		kinds[d.kind]++
	}
	return kinds
}

func TestKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	for _, tc := range []struct {
		stage string
		left  string // work folders left by the killed run
		after string // packet in place once the next run locks: "old" or "helper"
	}{
		{"file", "map[tmp:1]", "old"},             // mid-write
		{"swap", "map[tmp:1]", "old"},             // written and synced, not renamed
		{"swap:aside", "map[old:1 tmp:1]", "old"}, // between the two renames: no packet at out
		{"swap:done", "map[old:1]", "helper"},     // new packet in place, backup not removed
	} {
		t.Run(tc.stage, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "packet")
			mustWrite(t, out, "old")
			before := snapshot(t, out)

			kill(t, startHelper(t, out, tc.stage))
			if k := fmt.Sprint(workKinds(t, out)); k != tc.left {
				t.Fatalf("killed run left %s, want %s", k, tc.left)
			}
			if _, err := os.Stat(out); (err == nil) == (tc.stage == "swap:aside") {
				t.Fatalf("after the kill, stat out = %v", err)
			}

			// The next run: its lock succeeds at once (the kernel dropped the
			// dead run's flock) and repairs the folder.
			release, err := Lock(context.Background(), out, 0)
			if err != nil {
				t.Fatalf("lock after kill: %v", err)
			}
			if k := workKinds(t, out); len(k) != 0 {
				t.Fatalf("after the next lock, work folders remain: %v", k)
			}
			if tc.after == "old" {
				sameSnapshot(t, before, snapshot(t, out))
			} else if m, err := Verify(out); err != nil || len(m.Files) != 12 {
				t.Fatalf("helper's packet: %v", err)
			}
			if err := Write(context.Background(), out, packetFiles("new"), info()); err != nil {
				t.Fatal(err)
			}
			release()
			if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
				t.Fatalf("folder holds %s", ns)
			}
		})
	}
}

func TestLockHeldByOtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	out := filepath.Join(t.TempDir(), "packet")
	cmd := startHelper(t, out, "lock")
	_, err := Lock(context.Background(), out, 100*time.Millisecond)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "pid "+strconv.Itoa(cmd.Process.Pid)) {
		t.Fatalf("Lock = %v, want ErrLocked naming pid %d", err, cmd.Process.Pid)
	}
	kill(t, cmd)
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatalf("Lock after the holder died: %v", err)
	}
	release()
}

func BenchmarkWrite(b *testing.B) {
	files := bigPacket("bench") // 12 MB, about a full packet with charts
	out := filepath.Join(b.TempDir(), "packet")
	b.SetBytes(12 << 20)
	for b.Loop() {
		if err := Write(context.Background(), out, files, info()); err != nil {
			b.Fatal(err)
		}
	}
}
