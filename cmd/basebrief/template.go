package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/report/template"
)

// writeTemplate is `basebrief template`: the input workbook to fill in,
// with the default dataset's rows as examples. It prints the file's path.
func writeTemplate(cfg config, stdout io.Writer) error {
	ds, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		return fmt.Errorf("read the default dataset: %w", err)
	}
	var created time.Time
	if cfg.epoch != nil {
		created = *cfg.epoch
	}
	err = output.WriteFile(cfg.out, func(w io.Writer) error {
		return template.Write(w, ds, template.Options{Lang: template.Lang(cfg.lang), Created: created})
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, cfg.out)
	return nil
}

// parseTemplate reads the flags of `basebrief template`.
func parseTemplate(cfg config, args []string) (config, error) {
	fs := flag.NewFlagSet("basebrief template", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported once, by run
	fs.StringVar(&cfg.out, "out", "basebrief-data.xlsx", "")
	fs.StringVar(&cfg.lang, "lang", "zh", "")
	fs.BoolVar(&cfg.force, "force", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, usagef("template: %v", err)
	}
	switch {
	case fs.NArg() > 0:
		return cfg, usagef("template: unexpected argument %q (flags come as --name value)", fs.Arg(0))
	case cfg.lang != "zh" && cfg.lang != "en":
		return cfg, usagef("--lang %q: expected zh or en", cfg.lang)
	case !strings.HasSuffix(strings.ToLower(cfg.out), ".xlsx"):
		return cfg, usagef("--out %q: expected a file name ending in .xlsx, such as data.xlsx", cfg.out)
	}
	if err := checkPathText("--out", cfg.out); err != nil {
		return cfg, err
	}
	// A workbook at --out may be one an analyst filled in: replacing it is
	// asked for, never assumed.
	if _, err := os.Lstat(cfg.out); err == nil && !cfg.force {
		return cfg, usagef("--out %q exists (it may be a filled-in workbook); give --force to replace it, or another name", cfg.out)
	}
	epoch, err := sourceDateEpoch()
	cfg.epoch = epoch
	return cfg, err
}
