package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/trace"
)

var (
	errInterrupted = errors.New("interrupted")    // a run ended by SIGINT/SIGTERM
	errInternal    = errors.New("internal error") // a panic in a stage
)

// stageHook, when a test sets it, runs at the start of each stage inside
// the stage's goroutine, so a test can make a stage hang.
var stageHook func(name string)

// stage runs fn but returns as soon as ctx ends, so a signal ends the run
// within a second at any stage: reading the input and rendering do not look
// at ctx, and a 10M-row file takes seconds. fn's goroutine is then left to
// die with the process; it writes nothing outside the run's scratch folder.
func stage(ctx context.Context, name string, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return stopped(ctx, "before "+name)
	}
	done := make(chan error, 1)
	go func() {
		// A panic is a bug, never the user's fault: it ends the run with
		// exit 3 and a last log line saying so, not a crash with exit 2
		// (the usage-error code) and a trace on stderr.
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("%w during %s: %v (a bug in basebrief: please report it with the input)", errInternal, name, r)
			}
		}()
		if stageHook != nil {
			stageHook(name)
		}
		// A region of the execution trace (BASEBRIEF_TRACE) per stage.
		trace.WithRegion(context.Background(), name, func() { done <- fn() })
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return stopped(ctx, "during "+name)
	}
}

// stopped says why ctx ended: the memory watchdog (its cause) or a signal.
func stopped(ctx context.Context, when string) error {
	if cause := context.Cause(ctx); errors.Is(cause, errOutOfMemory) {
		return fmt.Errorf("%s: %w", when, cause)
	}
	return fmt.Errorf("%w %s: %w", errInterrupted, when, ctx.Err())
}
