package main

import (
	"fmt"
	"io"
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
	stop = record("BASEBRIEF_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile, func() {})
	stop = record("BASEBRIEF_TRACE", trace.Start, trace.Stop, stop)
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

// record starts writing to the file named by the environment variable env,
// if set, with start, and returns what stops it (end, then the file
// closed) and then runs prev; unset, or if the file cannot be made or
// start fails (reported), it returns prev.
func record(env string, start func(io.Writer) error, end, prev func()) func() {
	name := os.Getenv(env)
	if name == "" {
		return prev
	}
	f, err := os.Create(name)
	if err == nil {
		if err = start(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "basebrief: %s: %v\n", env, err)
		return prev
	}
	return func() { end(); f.Close(); prev() }
}
