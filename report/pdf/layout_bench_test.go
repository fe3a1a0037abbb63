package pdf

import (
	"testing"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// BenchmarkLayout lays the national briefing out without drawing it, as
// Fit does for every shape it tries and Write before drawing.
func BenchmarkLayout(b *testing.B) {
	faces := mustFaces(b)
	doc := build(b, national(b, 341), vocab.Zh)
	for b.Loop() {
		if _, err := drawnRunes(doc, faces); err != nil {
			b.Fatal(err)
		}
	}
}
