// Copyright 2024 The Ebitengine Authors
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

// LoopLab's overlay copy of internal/debug/caller.go (Ebitengine v2.10.4),
// used only for the playground's js/wasm build (scripts/ebitenoverlay). The
// original finds Ebitengine's source folder with go/build, which links
// go/build and os/exec. FirstCaller only labels debug output: the draw
// commands' callers under the ebitenginedebug build tag, and a thread's
// discarded calls in a debug-level slog record. And in the browser the
// original never finds that folder: the build is -trimpath and the page sets
// no environment (no GOROOT, GOPATH or HOME; there is no go command or file
// system either), so build.Default.Import fails and FirstCaller returns
// CallerTypeNone, as this copy always does.

package debug

type CallerType int

const (
	CallerTypeNone CallerType = iota
	CallerTypeRegular
	CallerTypeInternal
)

// FirstCaller returns the file and line number of the first caller outside of Ebitengine.
//
// In this copy it finds none (see above).
func FirstCaller() (file string, line int, callerType CallerType) {
	return "", 0, CallerTypeNone
}
