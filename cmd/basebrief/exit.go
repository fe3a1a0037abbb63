package main

import (
	"errors"
	"fmt"

	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/output/delivery"
)

// Exit statuses, from the contract.
const (
	exitOK      = 0 // done
	exitInput   = 1 // input invalid (nothing written)
	exitUsage   = 2 // usage error
	exitFailure = 3 // any other failure
	exitDeliver = 4 // the packet was written but a delivery failed
)

// usageError is a mistake on the command line (or in SOURCE_DATE_EPOCH).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// inputError is a problem with the data that is not an input.Errors list:
// an unknown --region, warnings under --strict.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// exitCode is the one place that maps an error to an exit status.
func exitCode(err error) int {
	var ue *usageError
	var ie *inputError
	var ies input.Errors
	var ie1 input.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &ie), errors.As(err, &ies), errors.As(err, &ie1):
		return exitInput
	case errors.Is(err, delivery.ErrIncomplete):
		return exitDeliver
	}
	return exitFailure
}
