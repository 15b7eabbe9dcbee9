# LoopLab. The two commands a newcomer needs: `make serve` and `make test`.
GO       ?= go
FUZZTIME ?= 30s
EXAMPLES := wasm/scenario/testdata/golden
SITE     := build/site
ADDR     ?= 127.0.0.1:8080
# npm ci writes this file last: node_modules is installed and as new as it.
NPM_STAMP := node_modules/.package-lock.json

.PHONY: serve site ebiten-overlay dist serve-dist soak test vet unit wasm-build browser chromium bench fuzz demo check-cpython fidelity shots

# Builds the playground and serves it on http://$(ADDR) (loopback only).
serve: site
	$(GO) run ./wasm/cmd/looplab serve --dir $(SITE) --addr $(ADDR)

# Packages the playground runs only while starting (Ebitengine's shader
# compiler and its go/parser, text/template, gob, image decoders...) are
# compiled without inlining: 0.14 MB less brotli, nothing slower while it
# runs. The runtime, the rest of the standard library and Ebitengine keep
# their inlining.
# So are those that run once per number change or less and briefly: the
# Python parser (0.1 ms a lesson program), JSON and the reflection under
# it (the request and the result, tens of microseconds), fmt and time,
# the load parser, links and the export, and the libraries a program
# calls now and then (wasm/py/lib: random, json, datetime, math...; 15 KB):
# 0.09 MB less, no benchmark slower
# beyond its noise.
# And so are the scenes' layout and drawing (OWN): 0.02 MB less, and in
# headless Chromium neither the stage's frame times nor a number change
# moved beyond their noise (built for js/wasm and run under Node, 200
# frames of the four scenes take the same time). The figures and the
# captions (report) and the entry point's calls from the page run once
# per number change or per frame and briefly: 0.017 MB less together. The interpreter and the
# simulator keep their inlining: without it Chromium's 10,000-request
# number change was slower (a median of 284 ms against 241 ms, 11 and 15
# runs on a busy machine), for 0.07 MB.
OWN := looplab/wasm/stage/geom looplab/wasm/gameloop looplab/wasm/pipeline looplab/wasm/report looplab/wasm/cmd/playground
COLD := go/... text/... math/big regexp/... encoding/gob encoding/xml log/... archive/... \
  compress/... image/... net/... os/exec \
  encoding/json reflect fmt time os \
  looplab/wasm/py/syntax looplab/wasm/py/lib/... looplab/wasm/load looplab/wasm/deeplink looplab/wasm/export \
  github.com/hajimehoshi/ebiten/v2/internal/shader/... github.com/hajimehoshi/ebiten/v2/internal/shaderir/... \
  github.com/hajimehoshi/ebiten/v2/internal/legacyshader github.com/hajimehoshi/ebiten/v2/internal/builtinshader \
  github.com/hajimehoshi/ebiten/v2/internal/gamepad/... github.com/hajimehoshi/ebiten/v2/internal/vm...
WASM_GCFLAGS := $(foreach p,$(COLD) $(OWN),-gcflags=$(p)=-l)

# Ebitengine as the wasm links it: a few of its files replaced, through the
# go command's -overlay, by patched copies that leave out what the browser
# never runs (its shaders' text/template, a debug caller lookup's go/build,
# debugging keys' PNG and zip writers, the desktop VM guest's gob and net):
# 0.46 MB less brotli, the same drawing. The overlay is written afresh for
# each build and stops it, saying what to do, when Ebitengine's originals
# are not the ones patched (scripts/ebitenoverlay).
EBITEN_OVERLAY := build/ebiten-overlay.json
WASM_FLAGS = -trimpath -ldflags="-s -w" -overlay=$(EBITEN_OVERLAY) $(WASM_GCFLAGS)

# The site: the wasm (stripped, paths trimmed), the lessons compiled into
# the page, the web assets, the page's modules and the code editor bundled
# by esbuild's Go API, and the Go toolchain's own wasm_exec.js, each also
# precompressed.
site: $(NPM_STAMP) ebiten-overlay
	@mkdir -p $(SITE)
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o build/looplab.wasm ./wasm/cmd/playground
	$(GO) run ./wasm/cmd/looplab build --wasm build/looplab.wasm --wasm-exec "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" --node-modules node_modules --out $(SITE)

ebiten-overlay:
	$(GO) run ./scripts/ebitenoverlay -out $(EBITEN_OVERLAY)

# The npm packages, exactly as package-lock.json pins them: the code
# editor's (CodeMirror), and axe-core and Lighthouse for the browser
# tests' accessibility checks. They are installed when node_modules is
# missing or older than the lock file; npm and Node.js come from Debian
# when missing (as root; otherwise the script says how). esbuild's Go API
# bundles, so no package's code runs at build time; Node.js runs only
# Lighthouse, in the tests. Install scripts are not run (--ignore-scripts;
# none of these packages needs one).
$(NPM_STAMP): package-lock.json
	@sh scripts/need-npm.sh
	npm ci --quiet --no-audit --no-fund --ignore-scripts
	@touch $@

# One self-contained static folder (dist/) for any static host or CDN:
# content-hashed names, brotli and gzip copies, a service worker, and the
# headers to send in dist/_headers. make serve-dist tries it locally.
dist: site
	$(GO) run ./wasm/cmd/looplab dist --site $(SITE) --out dist

serve-dist: dist
	$(GO) run ./wasm/cmd/looplab serve --dir dist --addr $(ADDR)

# The simulator in the terminal, on two of the reference examples.
demo:
	@echo "LoopLab simulator: two /slow requests block the event loop for four more (time.sleep in async def)"
	@$(GO) run ./wasm/cmd/looplab sim $(EXAMPLES)/blocked_loop.py --load $(EXAMPLES)/blocked_loop.load
	@echo
	@echo "Three CPU-bound /factorize calls in the default executor, with /health beside them"
	@$(GO) run ./wasm/cmd/looplab sim $(EXAMPLES)/factorize.py --load $(EXAMPLES)/factorize.load

test: vet unit wasm-build browser

vet:
	$(GO) vet ./...
	$(GO) vet -tags browser ./scripts/...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# The npm packages first, so that the editor's bundle is tested here too
# rather than skipped.
unit: $(NPM_STAMP)
	$(GO) test -count=1 ./...

# Everything must also build for the browser.
wasm-build:
	GOOS=js GOARCH=wasm $(GO) build -o /dev/null ./...

# Browser tests: headless Chromium drives the built site. Screenshots of
# every lesson land in build/screenshots.
browser: site chromium
	LOOPLAB_SITE=$(CURDIR)/$(SITE) LOOPLAB_ARTIFACTS=$(CURDIR)/build/screenshots \
	  $(GO) test -tags browser -count=1 -timeout 20m ./scripts/browsertest

# Installs Debian's chromium when it is missing (as root), or says how.
chromium:
	@sh scripts/need-chromium.sh

# Every scenario photographed as a learner sees it: three screen sizes,
# light and dark, at the moments its lesson names (build/screenshots/stage).
shots: site chromium
	$(GO) run -tags browser ./scripts/shots --site $(SITE) --out build/screenshots/stage

# Every performance figure beside its budget (the README quotes the
# table): the simulator's go test -bench figures, then the built site in
# headless Chromium: sizes, load times, frame times, number changes, and
# Lighthouse's performance audit. The least Ebitengine program, built with
# the same flags, says how much of the wasm is the renderer's before any
# of LoopLab's code. Figures that depend on the machine's speed are judged
# by their ratio to references measured in the same run; on the machine
# that sets the budgets, make bench PERF_FLAGS=--update-baseline records
# its references (scripts/perf/baseline.json).
PERF_FLAGS ?=
bench: site chromium
	$(GO) test -run '^$$' -bench . -benchmem -count 3 ./wasm/... | tee build/bench.txt
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o build/floor.wasm ./scripts/perf/floor
	$(GO) run -tags browser ./scripts/perf --site $(SITE) --bench build/bench.txt --floor build/floor.wasm $(PERF_FLAGS)

# Plays the playground for SOAKTIME in headless Chromium and fails when
# memory keeps growing after a five-minute warm-up (see scripts/soak).
SOAKTIME ?= 30m
soak: site chromium
	$(GO) run -tags browser ./scripts/soak --site $(SITE) --for $(SOAKTIME)

# Runs every fuzz target for FUZZTIME each.
fuzz:
	@set -e; for pkg in $$($(GO) list ./wasm/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# Runs the interpreter's test programs on the python3 at hand and compares
# what they print, and when, with what the simulator says.
# Debian's python3 has the libraries some chunks use (AnyIO); PYTHON=... overrides.
CHECK_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
check-cpython:
	$(CHECK_PYTHON) scripts/check-chunks-cpython.py

# Re-measures the fidelity corpus on real CPython + FastAPI + uvicorn (about
# 15 minutes; installs Debian's python3-fastapi and friends when missing, as
# root), then regenerates docs/fidelity.md from the new records. make test
# only replays the records, so it never depends on timing noise.
fidelity:
	python3 scripts/fidelity/fidelity.py
	$(GO) test ./wasm/scenario -run 'Fidelity' -update
	$(GO) test ./wasm/scenario -run 'Fidelity'
