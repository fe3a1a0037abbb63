package output

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Verify checks the packet folder dir against its manifest: every listed
// file present with its size and SHA-256, and no file unlisted but the
// delivery receipts. It is what an
// operator's `sha256sum` check does, for tests and monitoring.
func Verify(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse manifest: %w", err)
	}
	listed := map[string]bool{ManifestName: true, DeliveryName: true}
	for _, f := range m.Files {
		listed[f.Path] = true
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			return nil, fmt.Errorf("packet file %s: %w", f.Path, err)
		}
		if !f.Matches(data) {
			return nil, fmt.Errorf("packet file %s: size or SHA-256 differs from the manifest", f.Path)
		}
	}
	var extra []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !listed[filepath.ToSlash(rel)] {
			extra = append(extra, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk packet: %w", err)
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return nil, fmt.Errorf("packet holds files not in the manifest: %v", extra)
	}
	return &m, nil
}
