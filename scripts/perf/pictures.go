//go:build browser

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"looplab/scripts/internal/pictures"
)

// picturesSheet is a style sheet only the static pictures use, when the
// site has one: it counts toward what they add.
const picturesSheet = "pictures.css"

// measurePictures says what the static pictures (every scenario's
// <div class="scenario-picture">, drawn at build time) add to the page's
// brotli size: index.html compressed as the site compresses it, against
// the same page without them, plus their own style sheet if any, as a
// share of the page without them.
func measurePictures(site string, t *table) error {
	page, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		return err
	}
	bare, n, err := pictures.Strip(page)
	if err != nil {
		return err
	}
	with, err := brotliLen(page)
	if err != nil {
		return err
	}
	without, err := brotliLen(bare)
	if err != nil {
		return err
	}
	sheet, sheetNote := int64(0), ""
	switch s, err := brotliSize(filepath.Join(site, picturesSheet)); {
	case err == nil:
		sheet, sheetNote = s, fmt.Sprintf(", %s %.1f KB included", picturesSheet, float64(s)/1000)
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	added := with - without + sheet
	pct := 100 * float64(added) / float64(without)
	t.add("Static pictures add to the page's brotli size",
		fmt.Sprintf("%.1f %% (%d pictures: %.1f KB on %.1f KB%s)", pct, n, float64(added)/1000, float64(without)/1000, sheetNote),
		"≤ 30 %", pct <= 30)
	return nil
}
