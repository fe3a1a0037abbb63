package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStartProfile: each of BASEBRIEF_CPUPROFILE, BASEBRIEF_TRACE and
// BASEBRIEF_MEMPROFILE set writes its file by the time stop returns; one
// that cannot be made leaves the others written (a developer's switch: it
// is only reported).
func TestStartProfile(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name           string
		cpu, tr, mem   string
		wantCPU, wantT bool
	}{
		{"all three", "cpu.prof", "trace.out", "mem.prof", true, true},
		{"the trace cannot be made", "cpu.prof", "missing/trace.out", "mem.prof", true, false},
		{"the CPU profile cannot be made", "missing/cpu.prof", "trace.out", "mem.prof", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sub := filepath.Join(dir, tt.name)
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("BASEBRIEF_CPUPROFILE", filepath.Join(sub, tt.cpu))
			t.Setenv("BASEBRIEF_TRACE", filepath.Join(sub, tt.tr))
			t.Setenv("BASEBRIEF_MEMPROFILE", filepath.Join(sub, tt.mem))
			startProfile()()
			for _, f := range []struct {
				name string
				want bool
			}{{tt.cpu, tt.wantCPU}, {tt.tr, tt.wantT}, {tt.mem, true}} {
				st, err := os.Stat(filepath.Join(sub, f.name))
				if got := err == nil && st.Size() > 0; got != f.want {
					t.Errorf("%s written: %v, want %v (%v)", f.name, got, f.want, err)
				}
			}
		})
	}
}
