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
	// SIGINT/SIGTERM end the context: a run stops before the swap and
	// removes its temporary folder, leaving the old packet.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
