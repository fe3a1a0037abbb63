package briefing

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

var keep = flag.String("keep", "", "write the test briefings to this folder, to look at them")

func write(tb testing.TB, name string, c *analysis.Comparison, opts Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := writePDF(&b, c, opts); err != nil {
		tb.Fatalf("write %s: %v", name, err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name), b.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return b.Bytes()
}

func TestWriteIsDeterministic(t *testing.T) {
	c := western(t)
	a := write(t, "western.pdf", c, testOptions(t))
	b := write(t, "western.pdf", c, testOptions(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same comparison differ")
	}
	if len(a) > 1500*1024 {
		t.Errorf("default briefing is %d bytes, over 1.5 MB", len(a))
	}
}

func TestWriteEnglishAndNational(t *testing.T) {
	opts := testOptions(t)
	opts.Lang = vocab.En
	write(t, "western-en.pdf", western(t), opts)
	write(t, "national.pdf", national(t), testOptions(t))
}

func writeBytes(c *analysis.Comparison, opts Options) ([]byte, error) {
	var b bytes.Buffer
	err := writePDF(&b, c, opts)
	return b.Bytes(), err
}

func TestWriteRejectsNil(t *testing.T) {
	if _, err := writeBytes(nil, Options{}); err == nil {
		t.Error("no error for a nil comparison")
	}
}

func TestWriteBadChartIsNoted(t *testing.T) {
	opts := testOptions(t)
	opts.Charts = append(opts.Charts, Figure{Name: "broken", Title: "坏图", PNG: []byte("not a png")})
	if _, err := writeBytes(western(t), opts); err != nil {
		t.Fatalf("a chart that cannot be read should be noted, not fail the briefing: %v", err)
	}
}

func TestWriteFullMasthead(t *testing.T) {
	d := westernDataset()
	d.Meta.Unit = "中共四川省委统战部新的社会阶层人士工作处（四川省新的社会阶层人士联谊会秘书处）"
	d.Meta.Report = "中央统战部六局，省委、省政府领导同志"
	d.Meta.Send = "各市（州）党委统战部，省直有关部门，省新的社会阶层人士联谊会，成都市、绵阳市新的社会阶层人士综合评价工作领导小组办公室"
	d.Meta.Distribute = "部机关各处室"
	d.Meta.Copies = 60
	d.Meta.Issue = "7"
	b := write(t, "western-full.pdf", mustCompare(t, d), testOptions(t))
	if len(b) == 0 {
		t.Fatal("empty")
	}
}
