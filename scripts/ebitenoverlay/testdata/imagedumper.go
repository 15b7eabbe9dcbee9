// Copyright 2018 The Ebiten Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// LoopLab's overlay copy of imagedumper.go (Ebitengine v2.10.4), used only
// for the playground's js/wasm build (scripts/ebitenoverlay). The original
// takes a screenshot, or dumps the internal images, when a key named by the
// EBITENGINE_SCREENSHOT_KEY or EBITENGINE_INTERNAL_IMAGES_KEY environment
// variable (or their EBITEN_ forms) is pressed; the second only with the
// ebitenginedebug build tag. The page sets no environment for Go
// (wasm_exec.js's go.env is empty), so in the playground neither key is
// ever set and update and dump do nothing. Here they do nothing outright,
// which leaves out the PNG encoder (internal/png, compress/zlib,
// compress/flate) that only they reach.

package ebiten

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2/internal/ui"
)

func datetimeForFilename() string {
	const datetimeFormat = "20060102150405"
	now := time.Now()
	return now.Format(datetimeFormat)
}

func takeScreenshot(screen *Image, transparent bool) error {
	name := "screenshot_" + datetimeForFilename() + ".png"
	// Use the home directory for mobiles as a provisional implementation.
	if runtime.GOOS == "android" || runtime.GOOS == "ios" {
		home, err := os.UserHomeDir()
		if err != nil {
			return err
		}
		name = filepath.Join(home, name)
	}

	screen.invokeUsageCallbacks()

	dumpedName, err := screen.image.DumpScreenshot(name, !transparent)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(os.Stderr, "Saved screenshot: %s\n", dumpedName); err != nil {
		return err
	}
	return nil
}

func dumpInternalImages() error {
	dumpedDir, err := ui.Get().DumpImages("internalimages_" + datetimeForFilename())
	if err != nil {
		return err
	}
	// Use the home directory for mobiles as a provisional implementation.
	if runtime.GOOS == "android" || runtime.GOOS == "ios" {
		home, err := os.UserHomeDir()
		if err != nil {
			return err
		}
		dumpedDir = filepath.Join(home, dumpedDir)
	}
	if _, err := fmt.Fprintf(os.Stderr, "Dumped the internal images at: %s\n", dumpedDir); err != nil {
		return err
	}
	return nil
}

type imageDumper struct {
	keyState map[Key]int

	hasScreenshotKey bool
	screenshotKey    Key
	toTakeScreenshot bool

	hasDumpInternalImagesKey bool
	dumpInternalImagesKey    Key
	toDumpInternalImages     bool

	err error
}

func envScreenshotKey() string {
	if env := os.Getenv("EBITENGINE_SCREENSHOT_KEY"); env != "" {
		return env
	}
	// For backward compatibility, read the EBITEN_ version.
	return os.Getenv("EBITEN_SCREENSHOT_KEY")
}

func envInternalImagesKey() string {
	if env := os.Getenv("EBITENGINE_INTERNAL_IMAGES_KEY"); env != "" {
		return env
	}
	// For backward compatibility, read the EBITEN_ version.
	return os.Getenv("EBITEN_INTERNAL_IMAGES_KEY")
}

// update does nothing in this copy (see above).
func (i *imageDumper) update() error {
	return nil
}

// dump does nothing in this copy (see above).
func (i *imageDumper) dump(screen *Image, transparent bool) error {
	return nil
}
