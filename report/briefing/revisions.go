package briefing

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
)

// revisedCheck is the 需核实 clause for the revisions that change a figure
// the last briefing printed (its compared, previous or year-ago period):
// what it told its readers has since changed. "" when none did; the
// figures_revised notice and the workbook's 修订 sheet list every revision.
func (b *builder) revisedCheck() string {
	var printed []analysis.Revision
	for _, r := range b.c.Revisions {
		if r.Printed {
			printed = append(printed, r)
		}
	}
	if len(printed) == 0 {
		return ""
	}
	first := printed[0].Text(b.lang)
	if len(printed) == 1 {
		return b.T(fmt.Sprintf("上期简报所用数据已修订：%s（见工作簿“修订”表）", first),
			fmt.Sprintf("a figure the last briefing used has been revised: %s (see the workbook's Revisions sheet)", first))
	}
	return b.T(fmt.Sprintf("上期简报所用的%d项数据已修订，如%s（见工作簿“修订”表）", len(printed), first),
		fmt.Sprintf("%d figures the last briefing used have been revised, such as %s (see the workbook's Revisions sheet)", len(printed), first))
}
