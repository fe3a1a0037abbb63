//go:build !pipeline

package main

// Temporary until input.Load and report.Packet exist: keeps the tree
// building. Removed together with the pipeline build tag.

import (
	"context"
	"errors"
	"io"
)

func runPacket(context.Context, config, *logger, io.Writer) error {
	return errors.New("pipeline not built yet")
}
