package chart

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestDump writes every chart to $CHART_DUMP for looking at; skipped otherwise.
func TestDump(t *testing.T) {
	dir := os.Getenv("CHART_DUMP")
	if dir == "" {
		t.Skip("set CHART_DUMP=DIR to write the charts there")
	}
	for _, fx := range []struct {
		name string
		lang vocab.Lang
		data func() *analysis.Dataset
	}{
		{"western", vocab.Zh, western}, {"western_en", vocab.En, western},
		{"national", vocab.Zh, national}, {"national_en", vocab.En, national},
		{"long", vocab.Zh, longNames},
		{"monthly", vocab.Zh, monthly}, {"monthly_en", vocab.En, monthly},
	} {
		charts, notes, err := Render(mustCompare(t, fx.data()), Options{Lang: fx.lang})
		if err != nil {
			t.Fatal(err)
		}
		t.Log(fx.name, notes)
		for _, ch := range charts {
			os.MkdirAll(filepath.Join(dir, fx.name), 0o755)
			os.WriteFile(filepath.Join(dir, fx.name, ch.Name+".png"), ch.PNG, 0o644)
			os.WriteFile(filepath.Join(dir, fx.name, ch.Name+".svg"), ch.SVG, 0o644)
			t.Logf("%s/%s %dx%d png %d svg %d", fx.name, ch.Name, ch.WidthPx, ch.HeightPx, len(ch.PNG), len(ch.SVG))
		}
	}
}
