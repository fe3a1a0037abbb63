package vocab

import (
	"slices"
	"testing"
)

func ptrs(vs ...int64) []*int64 {
	out := make([]*int64, len(vs))
	for i := range vs {
		if vs[i] >= 0 {
			out[i] = &vs[i]
		}
	}
	return out
}

// A column of figures prints in one form, and a ranked column tells apart
// neighbours that differ but would print alike.
func TestForm(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lang   Lang
		vals   []int64 // -1: not reported
		ranked bool
		want   []string
	}{
		// National zh Table 3, ranks 10 and 11: both printed 105.3万.
		{"zh neighbours", Zh, []int64{1061234, 1053303, 1052534, 1040000}, true, []string{"106.1万", "105.33万", "105.25万", "104万"}},
		{"zh tie stays a tie", Zh, []int64{1053303, 1053303}, true, []string{"105.3万", "105.3万"}},
		{"zh unranked keeps its digits", Zh, []int64{1053303, 1052534}, false, []string{"105.3万", "105.3万"}},
		{"zh small", Zh, []int64{8500, 8499}, true, []string{"8500", "8499"}},
		// nd-en Table 2 mixed 1.38m* with 540,720.
		{"en millions", En, []int64{1380000, 540720, 1730000, -1}, false, []string{"1.38m", "0.54m", "1.73m", "—"}},
		{"en neighbours", En, []int64{1053303, 1052534}, true, []string{"1.0533m", "1.0525m"}},
		// A figure that would print as 0.01m or less: every figure whole.
		{"en small", En, []int64{1380000, 8500}, false, []string{"1,380,000", "8,500"}},
		{"en thousands", En, []int64{970231, 540720}, false, []string{"970,231", "540,720"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vals := ptrs(tc.vals...)
			f := FormFor(vals, tc.lang)
			var got []string
			if tc.ranked {
				got = f.Ranked(vals)
			} else {
				for _, v := range vals {
					got = append(got, f.CellPtr(v))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
