// Copyright 2022 The Ebitengine Authors
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

package graphicscommand

// LoopLab's overlay copy of internal/graphicscommand/image_js.go (Ebitengine
// v2.10.4), used only for the playground's js/wasm build
// (scripts/ebitenoverlay). The original's DumpImages zips every internal
// image, which links archive/zip. Only Ebitengine's debugging key reaches
// it: built with the ebitenginedebug tag, a game dumps its images when the
// key named by the EBITENGINE_INTERNAL_IMAGES_KEY (or
// EBITEN_INTERNAL_IMAGES_KEY) environment variable is pressed. The
// playground is built without that tag and the page sets no environment for
// Go (wasm_exec.js's go.env is empty), so it never calls DumpImages. Here
// it says so instead of zipping.

import (
	"bytes"
	"errors"
	"image"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2/internal/graphicsdriver"
)

func download(buf *bytes.Buffer, mime string, path string) {
	global := js.Global()

	jsData := global.Get("Uint8Array").New(buf.Len())
	js.CopyBytesToJS(jsData, buf.Bytes())

	a := global.Get("document").Call("createElement", "a")
	blob := global.Get("Blob").New(
		[]any{jsData},
		map[string]any{"type": mime},
	)
	a.Set("href", global.Get("URL").Call("createObjectURL", blob))
	a.Set("download", path)
	a.Call("click")
}

func (i *Image) Dump(graphicsDriver graphicsdriver.Graphics, path string, blackbg bool, rect image.Rectangle) (string, error) {
	// Screen image cannot be dumped.
	if i.screen {
		return "", nil
	}

	buf := &bytes.Buffer{}
	if err := i.dumpTo(buf, graphicsDriver, blackbg, rect); err != nil {
		return "", err
	}

	download(buf, "image/png", i.dumpName(path))

	return path, nil
}

// DumpImages dumps all the specified images to the specified directory.
//
// This is for testing usage. In this copy it reports that it is left out
// (see above).
func DumpImages(images []*Image, graphicsDriver graphicsdriver.Graphics, dir string) (string, error) {
	return "", errors.New("graphicscommand: DumpImages is left out of this build (LoopLab's scripts/ebitenoverlay)")
}
