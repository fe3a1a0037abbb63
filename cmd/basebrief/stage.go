package main

import (
	"context"
	"errors"
	"fmt"
)

// errInterrupted marks a run ended by SIGINT/SIGTERM.
var errInterrupted = errors.New("interrupted")

// stageHook, when a test sets it, runs at the start of each stage inside
// the stage's goroutine, so a test can make a stage hang.
var stageHook func(name string)

// stage runs fn but returns as soon as ctx ends, so a signal ends the run
// within a second at any stage: reading the input and rendering do not look
// at ctx, and a 10M-row file takes seconds. fn's goroutine is then left to
// die with the process; it writes nothing outside the run's scratch folder.
func stage(ctx context.Context, name string, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%w before %s: %w", errInterrupted, name, err)
	}
	done := make(chan error, 1)
	go func() {
		if stageHook != nil {
			stageHook(name)
		}
		done <- fn()
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%w during %s: %w", errInterrupted, name, ctx.Err())
	}
}
