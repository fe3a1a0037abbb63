package history

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// The helper process: with BASEBRIEF_HISTORY_HELPER set to a history file,
// it records a run of 100,000 figures and, a thousand rows into the
// transaction, prints "ready" and hangs until killed.
func TestHistoryHelperProcess(t *testing.T) {
	path := os.Getenv("BASEBRIEF_HISTORY_HELPER")
	if path == "" {
		t.Skip("helper process for the kill test")
	}
	testHook = func(string) {
		fmt.Println("ready")
		time.Sleep(time.Minute)
		os.Exit(3) // never reached: the test kills us
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	var fs []fig
	for i := range 100000 {
		fs = append(fs, fig{"四川", fmt.Sprintf("市%d", i%1000), fmt.Sprintf("%d", 1900+i/1000), 0, int64(i)})
	}
	if _, _, err := s.Record(ctx, &Run{Packet: true, Inputs: []Input{{Name: "figures.csv", SHA256: "killed"}}}, figuresOf(fs)); err != nil {
		fmt.Println("record:", err)
		os.Exit(2)
	}
	os.Exit(0)
}

// A run killed while recording (after its packet was swapped in) leaves
// the history as it was before that run: the transaction is rolled back
// from its journal when the file is next opened.
func TestKilledRecordLeavesHistoryConsistent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a helper process")
	}
	path := filepath.Join(t.TempDir(), "h.db")
	opts := Options{Now: clock()}
	v1 := []fig{{"四川", "成都市", "2019-11", 0, 1300000}, {"四川", "成都市", "2019-12", 0, 1310000}}
	runOnce(t, path, "a", v1, opts)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHistoryHelperProcess$")
	cmd.Env = append(os.Environ(), "BASEBRIEF_HISTORY_HELPER="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		cmd.Process.Kill()
		t.Fatalf("helper: %q, %v", line, err)
	}
	if _, err := os.Stat(path + "-journal"); err != nil {
		t.Errorf("no journal while the helper's transaction is open: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()

	ctx := context.Background()
	s, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q, %v", ok, err)
	}
	var runs, versions int
	if err := s.db.QueryRow("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM figure_versions)").Scan(&runs, &versions); err != nil {
		t.Fatal(err)
	}
	if runs != 1 || versions != 2 {
		t.Errorf("after the kill: %d runs, %d figure versions; want 1 and 2 (run 1 alone)", runs, versions)
	}
	s.Close()
	// The next run compares with run 1 and records as run 2.
	prior, id, _ := runOnce(t, path, "b", []fig{{"四川", "成都市", "2019-11", 0, 1310000}}, opts)
	if prior == nil || prior.Run != 1 || id != 2 {
		t.Errorf("the run after: prior %+v, id %d; want run 1, id 2", prior, id)
	}
}
