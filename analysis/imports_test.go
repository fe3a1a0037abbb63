package analysis

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/basebrief/basebrief/"

// TestImportRules keeps the data flowing one way: input → analysis → report
// → output. It reads the non-test imports of every package under each root.
func TestImportRules(t *testing.T) {
	rules := []struct {
		root      string
		forbidden []string
	}{
		{"analysis", []string{module + "input", module + "report", module + "output", "os", "io", "net", "log",
			"github.com/xuri/excelize", "gonum.org/v1/plot", "codeberg.org/go-pdf/fpdf"}},
		{"input", []string{module + "report", module + "output"}},
		{"report", []string{module + "input", module + "output"}},
		{"output", []string{module + "input", module + "report", module + "analysis"}},
	}
	for _, r := range rules {
		err := filepath.WalkDir(filepath.Join("..", r.root), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p := strings.Trim(imp.Path.Value, `"`)
				for _, bad := range r.forbidden {
					if p == bad || strings.HasPrefix(p, bad+"/") {
						t.Errorf("%s imports %s: %s must not depend on it", path, p, r.root)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
