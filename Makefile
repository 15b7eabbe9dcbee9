# LoopLab. The two commands a newcomer needs: `make serve` and `make test`.
GO       ?= go
FUZZTIME ?= 30s
EXAMPLES := wasm/scenario/testdata/golden

.PHONY: serve test vet unit wasm-build bench fuzz demo check-cpython fidelity

# Until the browser playground lands, serve shows the simulator on the
# reference examples in the terminal.
serve: demo

demo:
	@echo "LoopLab simulator: two /slow requests block the event loop for four more (time.sleep in async def)"
	@$(GO) run ./wasm/cmd/looplab sim $(EXAMPLES)/blocked_loop.py --load $(EXAMPLES)/blocked_loop.load
	@echo
	@echo "Three CPU-bound /factorize calls in the default executor, with /health beside them"
	@$(GO) run ./wasm/cmd/looplab sim $(EXAMPLES)/factorize.py --load $(EXAMPLES)/factorize.load

test: vet unit wasm-build

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

# Everything must also build for the browser.
wasm-build:
	GOOS=js GOARCH=wasm $(GO) build -o /dev/null ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/...

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
check-cpython:
	python3 scripts/check-chunks-cpython.py

# Re-measures the fidelity corpus on real CPython + FastAPI + uvicorn (about
# 15 minutes; installs Debian's python3-fastapi and friends when missing, as
# root), then regenerates docs/fidelity.md from the new records. make test
# only replays the records, so it never depends on timing noise.
fidelity:
	python3 scripts/fidelity/fidelity.py
	$(GO) test ./wasm/scenario -run 'Fidelity' -update
	$(GO) test ./wasm/scenario -run 'Fidelity'
