package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLockExcludes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	ctx := context.Background()
	release, err := Lock(ctx, out, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(LockPath(out))
	if strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Fatalf("lock file holds %q, want our pid", b)
	}
	start := time.Now()
	_, err = Lock(ctx, out, 150*time.Millisecond)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock = %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited < 150*time.Millisecond || waited > 2*time.Second {
		t.Fatalf("second Lock gave up after %v, want about 150ms", waited)
	}
	if want := "held by pid " + strconv.Itoa(os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Fatalf("message %q does not name the holder (%s)", err, want)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	release2, err := Lock(ctx, out, 0)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	release2()
}

func TestLockWaitsForRelease(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		release()
	}()
	release2, err := Lock(context.Background(), out, 5*time.Second)
	if err != nil {
		t.Fatalf("waiting Lock: %v", err)
	}
	release2()
}

func TestLockCancelled(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := Lock(ctx, out, time.Minute); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Lock = %v, want the context's error", err)
	}
}
