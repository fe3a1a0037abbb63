package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile writes a CPU profile of the whole run to the file named by
// BASEBRIEF_CPUPROFILE, an execution trace to BASEBRIEF_TRACE (go tool
// trace FILE: which cores sit idle, and when) and, at the end, a heap
// profile to BASEBRIEF_MEMPROFILE: how BENCHMARKS.md's end-to-end profiles
// are taken (go tool pprof -top bin/basebrief FILE). Unset, it does nothing. A
// developer's switch, so a file that cannot be made is only reported.
func startProfile() (stop func()) {
	stop = func() {}
	if name := os.Getenv("BASEBRIEF_CPUPROFILE"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_CPUPROFILE: %v\n", err)
			f.Close()
		} else {
			stop = func() { pprof.StopCPUProfile(); f.Close() }
		}
	}
	if name := os.Getenv("BASEBRIEF_TRACE"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_TRACE: %v\n", err)
		} else if err := trace.Start(f); err != nil {
			fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_TRACE: %v\n", err)
			f.Close()
		} else {
			prev := stop
			stop = func() { trace.Stop(); f.Close(); prev() }
		}
	}
	if name := os.Getenv("BASEBRIEF_MEMPROFILE"); name != "" {
		cpu := stop
		stop = func() {
			cpu()
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_MEMPROFILE: %v\n", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(os.Stderr, "basebrief: BASEBRIEF_MEMPROFILE: %v\n", err)
			}
		}
	}
	return stop
}
