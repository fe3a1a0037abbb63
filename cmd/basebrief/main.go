// Command basebrief turns CSV records of innovation bases, their cities and
// membership figures of the new social strata into a briefing packet.
// See the README ("Running it unattended").
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.0".
var version = "dev"

func main() {
	// A closed stderr (a log pipe whose reader died) must not kill a run
	// half-way: Go dies of SIGPIPE on a write to fds 1 and 2 unless the
	// signal is ignored or caught (os/signal, "SIGPIPE"); ignored, the
	// write just fails with EPIPE and the run goes on.
	signal.Ignore(syscall.SIGPIPE)
	stdout := privateStdout()
	// SIGINT/SIGTERM end the context: a run stops before the swap and
	// removes its temporary folder, leaving the old packet.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	ctx, stopWatch := watchMemory(ctx)
	stopProfile := startProfile()
	code := run(ctx, os.Args[1:], os.Stdin, stdout, os.Stderr)
	stopProfile()
	stopWatch()
	stop()
	os.Exit(code)
}

// privateStdout keeps stdout for the packet path alone: fd 1 is pointed at
// stderr and the real stdout moved to a descriptor of its own, so whatever a
// library prints (the PDF library's font parser writes "ERROR - copyright
// restrictions." and more with fmt.Printf) lands in the log, never in what a
// script reads from stdout. If either descriptor is closed, nothing changes.
func privateStdout() *os.File {
	fd, err := syscall.Dup(1)
	if err != nil {
		return os.Stdout
	}
	if err := syscall.Dup3(2, 1, 0); err != nil {
		syscall.Close(fd)
		return os.Stdout
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "/dev/stdout")
}
