package main

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

// validate is `basebrief validate`: everything run checks, nothing written.
func validate(ctx context.Context, cfg config, log *logger) error {
	start := time.Now()
	var (
		ds  *analysis.Dataset
		cmp *analysis.Comparison
	)
	err := stage(ctx, "read", func() (err error) {
		ds, cmp, err = loadAndCompare(cfg, log)
		return err
	})
	if err != nil {
		return failStage(log, err)
	}
	log.Info("input valid", "inputs", len(ds.Files), "rows", rows(ds), "period", ds.Period.String(),
		"previous", cmp.Previous.String(), "periods", len(ds.Periods), "warnings", len(cmp.Warnings),
		"seconds", math.Round(time.Since(start).Seconds()*100)/100)
	return nil
}

// loadAndCompare reads the data, applies the masthead flags and compares;
// with --strict any warning is an input error. Errors are logged here.
func loadAndCompare(cfg config, log *logger) (*analysis.Dataset, *analysis.Comparison, error) {
	opts := input.Options{Period: cfg.period}
	var ds *analysis.Dataset
	var err error
	if cfg.data == "" {
		ds, err = input.Load(defaultdata.FS, opts)
	} else {
		ds, err = input.LoadDir(cfg.data, opts)
	}
	if err != nil {
		return nil, nil, log.fail(err, "read input failed; nothing written")
	}
	if cfg.title != "" {
		ds.Meta.Title = cfg.title
	}
	if cfg.issue != "" {
		ds.Meta.Issue = cfg.issue
	}
	if cfg.date != "" {
		ds.Meta.Date = cfg.date
	}
	if cfg.region != "" && cfg.period.IsZero() {
		// A region whose figures stop earlier is briefed on its own latest
		// period, with a notice, not on a period where it has none.
		if p := analysis.RegionPeriod(ds, cfg.region); !p.IsZero() && p != ds.Period {
			ds.Notices = append(ds.Notices, analysis.RegionPeriodNotice(cfg.region, p, ds.Period))
			ds.Period, ds.Previous = p, analysis.Period{}
		}
	}
	cmp, err := analysis.Compare(ds, cfg.region)
	if err != nil {
		return nil, nil, log.fail(&inputError{err}, "compare failed")
	}
	log.warnings(cmp.Warnings)
	if cfg.strict && len(cmp.Warnings) > 0 {
		err := &inputError{fmt.Errorf("%d warning(s) with --strict", len(cmp.Warnings))}
		return nil, nil, log.fail(err, "input has warnings and --strict is set; nothing written")
	}
	return ds, cmp, nil
}

// rows counts the data rows read from every input file.
func rows(ds *analysis.Dataset) int {
	n := 0
	for _, f := range ds.Files {
		n += f.Rows
	}
	return n
}
