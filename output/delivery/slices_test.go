package delivery

import (
	"context"
	"strings"
	"testing"
)

// A slice is found by its spelling or by the key basebrief gives (here a
// stand-in that drops 省); a name that is no slice of the packet is an
// error naming the file, the line and the slices there are.
func TestResolveSlices(t *testing.T) {
	key := func(s string) string { return strings.TrimSuffix(s, "省") }
	for _, tc := range []struct {
		name  string
		known []string
		key   func(string) string
		slice string
		want  string // the folder, or "" for an error
	}{
		{"same spelling", []string{"四川", "云南"}, nil, "四川", "四川"},
		{"same key", []string{"四川", "云南"}, key, "四川省", "四川"},
		{"full-width and spaces", []string{"ＡＢ", "AB"}, nil, " ＡＢ ", "AB"},
		{"no key: spelling alone", []string{"四川", "云南"}, nil, "四川省", ""},
		{"unknown name", []string{"四川", "云南"}, key, "四州", ""},
		{"no slices written", nil, key, "四川", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "[mail]\nhost = \"127.0.0.1\"\ntls = \"none\"\nfrom = \"a@example.gov.cn\"\n\n" +
				"[[recipient]]\nname = \"全国\"\nto = [\"all@example.gov.cn\"]\n\n" +
				"[[recipient]]\nname = \"省委统战部\"\n# the province\nto = [\"p@example.gov.cn\"]\nslice = \"" + tc.slice + "\"\n"
			c, err := ParseConfig("delivery.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			err = c.ResolveSlices(tc.known, tc.key)
			if tc.want != "" {
				if err != nil || c.Recipients[1].Slice != tc.want || c.Recipients[0].Slice != "" {
					t.Errorf("slice %q, err %v; want %q", c.Recipients[1].Slice, err, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("slice %q resolved to %q, want an error", tc.slice, c.Recipients[1].Slice)
			}
			msg := err.Error()
			want := `delivery.toml:14: [[recipient]] 2 "省委统战部": slice "` + tc.slice + `" is not a slice of the packet`
			if !strings.HasPrefix(msg, want) {
				t.Errorf("error %q\nwant it to start %q", msg, want)
			}
			if len(tc.known) > 0 && !strings.Contains(msg, "slices are "+strings.Join(tc.known, ", ")) {
				t.Errorf("error %q does not list the slices", msg)
			}
			if len(tc.known) == 0 && !strings.Contains(msg, "run --slices province") {
				t.Errorf("error %q does not say how to write slices", msg)
			}
		})
	}
}

// keyLines points at the slice of each table, not another table's, with
// comments, other tables and multi-line strings between.
func TestKeyLines(t *testing.T) {
	src := `[mail]
slice = "not a recipient's"

[[recipient]]
name = "a"
body = """
slice = "inside a string"
"""

[[robot]]
slice = "a robot's"

[[recipient]]
  "slice" = "四川"   # quoted key, indented

[alert]
slice = "x"
`
	if got := keyLines([]byte(src), "recipient", "slice"); len(got) != 2 || got[0] != 0 || got[1] != 14 {
		t.Errorf("recipient slices at lines %v, want [0 14]", got)
	}
	if got := keyLines([]byte(src), "robot", "slice"); len(got) != 1 || got[0] != 11 {
		t.Errorf("robot slices at lines %v, want [11]", got)
	}
}

// A slice resolved to another form of its name reaches its recipient: the
// files of slices/四川/ go to slice = "四川省".
func TestSliceOtherForm(t *testing.T) {
	srv := newSMTPD(t)
	cfg := mailConfig(t, srv.port, `
[[recipient]]
name = "四川省委统战部"
to = ["sc@example.gov.cn"]
slice = "四川省"
`)
	if err := cfg.ResolveSlices([]string{"四川"}, func(s string) string { return strings.TrimSuffix(s, "省") }); err != nil {
		t.Fatal(err)
	}
	res, err := Deliver(context.Background(), Options{Packet: fakePacket(t, 100), Config: cfg, Now: testNow})
	if err != nil {
		t.Fatalf("%v %+v", err, res)
	}
	r := res.Receipts[1]
	if r.Status != StatusSent || strings.Join(r.Files, " ") != "slices/四川/briefing.pdf slices/四川/briefing.docx" {
		t.Errorf("receipt %+v", r)
	}
	if subject, _ := parseMail(t, srv.messages()[1].Data); subject != wantSubject+" · 四川" {
		t.Errorf("subject %q", subject)
	}
}
