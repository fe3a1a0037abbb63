package delivery

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/output"
)

// chartPacket is a packet whose whole briefing drew members_by_province
// and whose 四川 slice did not (one bar compares nothing).
func chartPacket(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "packet")
	summary := []byte(`{"period":"2019","narrative":[{"text":"四川省21个城市。","claims":[]}]}`)
	files := []output.File{
		{Path: "briefing.pdf", Data: []byte("%PDF-1.4 whole")},
		{Path: "summary.json", Data: summary},
		{Path: "charts/members_by_province.png", Data: []byte("\x89PNG whole")},
		{Path: "slices/四川/briefing.pdf", Data: []byte("%PDF-1.4 四川")},
		{Path: "slices/四川/summary.json", Data: summary},
		{Path: "slices/四川/charts/members_by_city.png", Data: []byte("\x89PNG 四川 cities")},
	}
	info := output.ManifestInfo{Version: "test", Period: "2019", Lang: "zh",
		Masthead: &output.Masthead{Title: "新的社会阶层人士统战工作简报", Issue: "第12期", Period: "2019年"}}
	if err := output.Write(context.Background(), dir, files, info); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A chart named in delivery.toml that this packet did not draw for its
// data is left out and the mail says so; the briefing still goes. A name
// that is no chart basebrief draws (misspelt), or a recipient left with no
// file at all, still fails its delivery, as does any missing file when
// the chart names are not known.
func TestUndrawnChartLeftOut(t *testing.T) {
	charts := []string{"members_by_city", "members_by_province", "yoy_by_city"}
	for _, tc := range []struct {
		name    string
		files   string
		charts  []string
		sent    []string // attachments' packet paths; nil: the delivery fails
		body    []string // the mail's text holds these
		failure string   // the receipt's detail holds this
	}{
		{"chart not drawn for the slice", `["briefing.pdf", "charts/members_by_province.png", "charts/members_by_city.png"]`, charts,
			[]string{"slices/四川/briefing.pdf", "slices/四川/charts/members_by_city.png"},
			[]string{"以下图表本期未绘制", "  slices/四川/charts/members_by_province.png\n"}, ""},
		{"misspelt chart", `["briefing.pdf", "charts/member_by_city.png"]`, charts,
			nil, nil, "slices/四川/charts/member_by_city.png is not in the packet's manifest"},
		{"nothing left to send", `["charts/members_by_province.png", "charts/yoy_by_city.png"]`, charts,
			nil, nil, "none of its files is in this packet: slices/四川/charts/members_by_province.png, slices/四川/charts/yoy_by_city.png not drawn"},
		{"chart names not known", `["briefing.pdf", "charts/members_by_province.png"]`, nil,
			nil, nil, "slices/四川/charts/members_by_province.png is not in the packet's manifest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSMTPD(t)
			dir := chartPacket(t)
			cfg := mailConfig(t, srv.port, `slice = "四川"
files = `+tc.files+"\n")
			var log bytes.Buffer
			res, err := Deliver(context.Background(), Options{Packet: dir, Config: cfg, Charts: tc.charts, Now: testNow, Log: testLogger(&log)})
			msgs := srv.messages()
			if tc.sent == nil {
				if !errors.Is(err, ErrIncomplete) || len(msgs) != 0 {
					t.Fatalf("err %v, %d mails: want the delivery to fail, nothing sent", err, len(msgs))
				}
				if len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Detail, tc.failure) {
					t.Errorf("failed %+v, want one saying %q", res.Failed, tc.failure)
				}
				return
			}
			if err != nil || len(msgs) != 1 {
				t.Fatalf("err %v, %d mails: want one sent", err, len(msgs))
			}
			if got := res.Receipts[0].Files; res.Receipts[0].Status != StatusSent || !slices.Equal(got, tc.sent) {
				t.Errorf("receipt %+v, want sent with %q", res.Receipts[0], tc.sent)
			}
			_, parts := parseMail(t, msgs[0].Data)
			if len(parts) != 1+len(tc.sent) {
				t.Fatalf("%d parts, want the text and %d files", len(parts), len(tc.sent))
			}
			text := string(parts[0].body)
			for _, w := range tc.body {
				if !strings.Contains(text, w) {
					t.Errorf("body lacks %q:\n%s", w, text)
				}
			}
			if !strings.Contains(log.String(), "charts not drawn for this packet") || !strings.Contains(log.String(), "members_by_province") {
				t.Errorf("log does not name the chart left out:\n%s", log.String())
			}
		})
	}
}

func testLogger(w *bytes.Buffer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
