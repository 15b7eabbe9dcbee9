//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math"
	"runtime"
	"runtime/debug"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"looplab/wasm/export"
	"looplab/wasm/report"
	"looplab/wasm/stage"
	"looplab/wasm/stage/svg"
	"looplab/wasm/trace"
)

func main() {
	st := stage.New()
	perf := js.Global().Get("performance")
	st.Clock = func() float64 { return perf.Get("timeOrigin").Float() + perf.Call("now").Float() }
	var current []*trace.Trace
	var model func(string) (float64, error) // the pipeline's or the game's figures, when one is on the stage
	var picture func(svg.Options) []byte    // draws the run on the stage as SVG
	var narration *report.Narration
	var narrations []*report.Narration // each current run's, for captions
	var hold gcHold
	collectWhenIdle := idleCollector(&hold)
	api := map[string]any{
		"simulate": fn(func(args []js.Value) any {
			req, err := requestOf(args[0].String())
			if err != nil {
				return toJSON(badRequest(err))
			}
			var out string
			defer collectWhenIdle()
			hold.run(func() {
				res, trs := simulate(req, st)
				// A good run replaces the last (a pipeline or a game has
				// no trace: measure and trace then say there is none); an
				// error leaves the last good run on the stage.
				if trs != nil || res.OK {
					current, narration, model, picture = trs, res.narration, res.model, res.picture
					narrations = []*report.Narration{res.narration}
					if res.Compare != nil {
						narrations = append(narrations, res.Compare.narration)
					}
				}
				out = toJSON(res)
			})
			return out
		}),
		// logWindow(t, max, from) is part of a long run's log: see logWindow.
		"logWindow": fn(func(args []js.Value) any {
			return toJSON(logWindow(narration, args[0].Float(), args[1].Int(), args[2].Int()))
		}),
		// trace is the run on the stage; traces, both runs in compare mode.
		"trace": fn(func([]js.Value) any {
			if current == nil {
				return js.Null()
			}
			return toJSON(current[0])
		}),
		"traces": fn(func([]js.Value) any {
			if current == nil {
				return js.Null()
			}
			return toJSON(current)
		}),
		// measure(m, version) is a figure of the run on the stage (see
		// report.Figure): version "" or "A" the first, "B" the compared.
		"measure": fn(func(args []js.Value) any {
			version := ""
			if len(args) > 1 && args[1].Type() == js.TypeString {
				version = args[1].String()
			}
			return measure(current, model, args[0].String(), version)
		}),
		"export": fn(func(args []js.Value) any {
			req, err := requestOf(args[0].String())
			if err != nil {
				return toJSON(exported{Error: err.Error()})
			}
			out := exportProgram(req)
			if out.OK {
				// The prediction to hold the real run against: the run on
				// the stage, which is the exported scenario's.
				p := export.WithPicture(export.Program{Files: out.Files, Run: out.Run}, pictureOf(picture, "light", 0, 0))
				out.Files = p.Files
			}
			return toJSON(out)
		}),
		// picture(theme, w, h) is the run on the stage as an SVG document
		// of w × h CSS px, for the learner to take away ("" for the game).
		"picture": fn(func(args []js.Value) any {
			return pictureOf(picture, args[0].String(), args[1].Int(), args[2].Int())
		}),
		"sceneStats": fn(func([]js.Value) any { return toJSON(st.SceneStats()) }),
		"numbers":    fn(func(args []js.Value) any { return toJSON(numbersOf(args[0].String())) }),
		// loadNumbers(text) are the load's numbers, as numbers(text) are
		// the code's: the same JSON, ids that start with "load.".
		"loadNumbers": fn(func(args []js.Value) any { return toJSON(loadNumbersOf(args[0].String())) }),
		"play":        fn(func([]js.Value) any { st.Play(); return nil }),
		"pause":       fn(func([]js.Value) any { st.Pause(); return nil }),
		"seek": fn(func(args []js.Value) any {
			// rounded, not truncated: the end of a 1.025 s run is
			// 1024999.9999 µs in floating point, and the prints at its
			// last moment must show
			st.Seek(trace.Time(math.Round(args[0].Float() * float64(trace.Second))))
			return nil
		}),
		"step":        fn(func(args []js.Value) any { st.Step(args[0].Int()); return nil }),
		"state":       fn(func([]js.Value) any { return toJSON(st.State()) }),
		"frames":      fn(func(args []js.Value) any { return toJSON(st.Frames(len(args) > 0 && args[0].Truthy())) }),
		"setAutoplay": fn(func(args []js.Value) any { st.SetAutoplay(args[0].Truthy()); return nil }),
		"setTheme":    fn(func(args []js.Value) any { st.SetTheme(args[0].String()); return nil }),
		// setMode(name, on) turns one of the timeline's modes on or off:
		// "presenter" writes its texts at 16 CSS px, for a projector
		// (layout() says fontSize); "hideFuture" draws nothing after the
		// playhead, for a lesson's question before the run (layout() says
		// hiddenAfter). The frame's script calls them setPresenter(on) and
		// setHideFuture(on): one call here costs the wasm less than two.
		"setMode": fn(func(args []js.Value) any { st.SetMode(args[0].String(), args[1].Truthy()); return nil }),
		"legend":  fn(func(args []js.Value) any { return toJSON(legend(args[0].String())) }),
		// applyLink(fragment, code, load) sets a link's numbers in code,
		// and in load when it is a string: the reply has the new load then.
		"applyLink": fn(func(args []js.Value) any {
			var load *string
			if len(args) > 2 && args[2].Type() == js.TypeString {
				s := args[2].String()
				load = &s
			}
			return toJSON(applyLink(args[0].String(), args[1].String(), load))
		}),
		"memStats": fn(func([]js.Value) any { return toJSON(memStats()) }),
		// layout is what the timeline on the stage drew (null for other
		// scenes); zoom(from, to) sets its window in seconds, zoomBy(f)
		// scales it about the playhead, fit() shows the whole run.
		"layout": fn(func([]js.Value) any { return toJSON(st.Drawn()) }),
		"zoom":   fn(func(args []js.Value) any { st.Zoom(args[0].Float(), args[1].Float()); return nil }),
		"zoomBy": fn(func(args []js.Value) any { st.ZoomBy(args[0].Float()); return nil }),
		"fit":    fn(func([]js.Value) any { st.Fit(); return nil }),
		// pointerLeft says the pointer left the stage's frame.
		"pointerLeft": fn(func([]js.Value) any { st.PointerLeft(); return nil }),
		// wheel(x, y, dx, dy, ctrl, shift) is a wheel event over the stage;
		// it returns whether the stage used it.
		"wheel": fn(func(args []js.Value) any {
			return st.Wheel(args[0].Float(), args[1].Float(), args[2].Float(), args[3].Float(), args[4].Truthy(), args[5].Truthy())
		}),
		// hoverLine is the code line under the pointer: {line, version}.
		"hoverLine": fn(func([]js.Value) any {
			line, version := st.HoverLine()
			return toJSON(map[string]any{"line": line, "version": version})
		}),
		"highlight": fn(func(args []js.Value) any { st.Highlight(int32(args[0].Int()), args[1].String()); return nil }),
		// activeLines(t) are the code lines the lanes are on at t seconds,
		// caption(t) one sentence per version of what happens then; while
		// the future is hidden, at the playhead if t is later.
		"activeLines": fn(func(args []js.Value) any {
			t, _ := seen(st, args[0])
			return toJSON(activeLines(current, t, args[1].String()))
		}),
		"caption": fn(func(args []js.Value) any {
			t, hidden := seen(st, args[0])
			return toJSON(captions(current, narrations, t, hidden))
		}),
		// crashForTest makes an API call ("call") or the next frame
		// ("frame") panic: the browser tests check the error panel with it.
		"crashForTest": fn(func(args []js.Value) any {
			if args[0].String() == "frame" {
				st.CrashForTest()
				return nil
			}
			panic("an API call was asked to crash (a test of the error panel)")
		}),
	}
	js.Global().Set("looplabStage", js.ValueOf(api))
	if ready := js.Global().Get("looplabStageReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetRunnableOnUnfocused(true)
	ebiten.SetWindowTitle("LoopLab stage")
	if err := ebiten.RunGame(st); err != nil {
		log.Fatal(err)
	}
}

// seen is the time in seconds the page asks about, no later than the
// stage shows, and whether the stage hides the future.
func seen(st *stage.Stage, seconds js.Value) (trace.Time, bool) {
	s, t := st.State(), seconds.Float()
	if s.HideFuture {
		t = min(t, s.T)
	}
	return trace.Time(t * float64(trace.Second)), s.HideFuture
}

// idleCollector returns a function that has hold released once the
// browser is idle (requestIdleCallback, at most half a second later), so
// the collection a run has made due happens after the stage has painted
// the run, not before. Calls before that share the one release.
func idleCollector(hold *gcHold) func() {
	pending := false
	release := fn(func([]js.Value) any {
		pending = false
		hold.release()
		return nil
	})
	win := js.Global()
	return func() {
		if pending {
			return
		}
		pending = true
		if idle := win.Get("requestIdleCallback"); idle.Type() == js.TypeFunction {
			win.Call("requestIdleCallback", release, map[string]any{"timeout": 500})
			return
		}
		win.Call("setTimeout", release, 0)
	}
}

// fn wraps an API call. A panic inside it must not kill the simulator
// silently: it is reported to the page (looplabStageCrashed), which shows
// an error panel with a reload, and the call returns "null".
func fn(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if p := recover(); p != nil {
				crashed(fmt.Sprintf("panic: %v\n\n%s", p, debug.Stack()))
				out = "null"
			}
		}()
		return f(args)
	})
}

// crashed tells the frame's script, which tells the page.
func crashed(msg string) {
	if hook := js.Global().Get("looplabStageCrashed"); hook.Type() == js.TypeFunction {
		hook.Invoke(msg)
	}
}

// memStats are the Go heap's figures, for the performance and soak scripts.
func memStats() map[string]any {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return map[string]any{
		"totalAlloc": m.TotalAlloc, "heapInuse": m.HeapInuse, "heapAlloc": m.HeapAlloc,
		"sys": m.Sys, "numGC": m.NumGC,
	}
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return `{"ok":false,"error":{"section":"code","msg":"internal error: cannot encode the result"}}`
	}
	return string(b)
}

// requestOf reads a request (simulate's, export's) with the browser's
// JSON.parse rather than encoding/json, whose decoder the wasm then does
// not link: about 15 KB of brotli for two objects of strings.
func requestOf(reqJSON string) (req request, err error) {
	defer func() {
		if p := recover(); p != nil {
			jsErr, ok := p.(js.Error)
			if !ok {
				panic(p)
			}
			err = jsErr
		}
	}()
	v := js.Global().Get("JSON").Call("parse", reqJSON)
	if v.Type() != js.TypeObject {
		return req, errors.New("the request is not a JSON object")
	}
	req = request{Code: jsString(v, "code"), Load: jsString(v, "load"), Settings: jsString(v, "settings"),
		Scene: jsString(v, "scene"), Mode: jsString(v, "mode"), Focus: jsString(v, "focus"), Zoom: jsString(v, "zoom")}
	if c := v.Get("compare"); c.Type() == js.TypeObject {
		req.Compare = &variant{Code: jsString(c, "code"), Settings: jsString(c, "settings"),
			LabelA: jsString(c, "labelA"), LabelB: jsString(c, "labelB")}
	}
	return req, nil
}

// jsString is o's string field k, or "" when it has none.
func jsString(o js.Value, k string) string {
	if f := o.Get(k); f.Type() == js.TypeString {
		return f.String()
	}
	return ""
}
