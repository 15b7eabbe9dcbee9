// Command playground is LoopLab's browser playground, compiled to
// WebAssembly (GOOS=js GOARCH=wasm) and loaded by the page's stage frame.
// It is the only package that touches syscall/js: it simulates what the
// page asks for, exposes the stage's controls as globalThis.looplabStage,
// and draws the run with Ebitengine. Built natively it only says so.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"looplab/wasm/deeplink"
	"looplab/wasm/export"
	"looplab/wasm/gameloop"
	"looplab/wasm/pipeline"
	"looplab/wasm/report"
	"looplab/wasm/scenario"
	"looplab/wasm/stage"
	"looplab/wasm/stage/geom"
	"looplab/wasm/stage/svg"
	"looplab/wasm/trace"
)

// request is what the page asks to simulate.
type request struct {
	Code     string `json:"code"`
	Load     string `json:"load"`
	Settings string `json:"settings"`
	// Scene is the lesson block's scene= (timeline when empty) and Mode
	// its mode= (asyncio: the game loop's twin, a simulated run).
	Scene string `json:"scene,omitempty"`
	Mode  string `json:"mode,omitempty"`
	// Focus and Zoom are the block's focus= and zoom=: the lanes that are
	// its point, and the stretch of the run the stage opens on.
	Focus string `json:"focus,omitempty"`
	Zoom  string `json:"zoom,omitempty"`
	// Compare, when set, is a second version run with the same load and
	// shown below the first on one time axis.
	Compare *variant `json:"compare,omitempty"`
}

// variant is the compared version: its code and settings, and the names
// the stage gives both versions.
type variant struct {
	Code     string `json:"code"`
	Settings string `json:"settings"`
	LabelA   string `json:"labelA"`
	LabelB   string `json:"labelB"`
}

// result is what the page shows beside the stage. On an error, the last
// good run stays on the stage and only Error is set.
type result struct {
	OK         bool              `json:"ok"`
	Error      *problem          `json:"error,omitempty"`
	Generation int               `json:"generation,omitempty"`
	Numbers    []scenario.Number `json:"numbers"`
	// Undefined are the names the code reads that nothing defines: not
	// errors (reading one raises NameError when its line runs, as in
	// CPython), so the editor marks them as warnings.
	Undefined []problem `json:"undefined,omitempty"`
	// LoadNumbers are the load's numbers (see loadNumbersOf); only the
	// first version has them, compare mode's versions share one load.
	LoadNumbers []scenario.Number `json:"loadNumbers,omitempty"`
	Metrics     *report.Metrics   `json:"metrics,omitempty"`
	// Focus is the latency of the requests the block's focus= names.
	Focus []report.Focus `json:"focus,omitempty"`
	Log   []report.Line  `json:"log,omitempty"`
	// LogCount is set instead of Log for long runs, whose log the page
	// reads a window at a time (logWindow), so a 10,000-request run does
	// not cross into JavaScript as megabytes of JSON.
	LogCount int          `json:"logCount,omitempty"`
	Prints   []trace.Line `json:"prints,omitempty"`
	Warnings []trace.Line `json:"warnings,omitempty"`
	Duration trace.Time   `json:"duration"`
	// Opens is where the playhead starts: the end of the block's zoom=,
	// so the stretch the stage opens on is drawn as it happened.
	Opens trace.Time `json:"opens,omitempty"`
	Lanes int        `json:"lanes"`
	// Rows is how many rows the stage needs with every group of alike
	// lanes closed (Lanes: with none), so the page can size it.
	Rows    int      `json:"rows"`
	States  []string `json:"states,omitempty"` // legend entries the run uses
	Marks   []string `json:"marks,omitempty"`  // marker kinds the run has
	Pending []string `json:"pending,omitempty"`
	Stopped string   `json:"stopped,omitempty"`
	// Debug: the real program runs in asyncio's debug mode, the only mode
	// in which CPython prints the "Executing … took" warnings the
	// simulator always reports.
	Debug bool `json:"debug,omitempty"`
	// Unrouted lists the requests ("GET /polite") of a run in which every
	// request got 404: the app has routes of its own, the load another's.
	Unrouted []string `json:"unrouted,omitempty"`
	// Compare is the compared version's run, in compare mode.
	Compare *result `json:"compare,omitempty"`
	// Pipeline is the pipeline scene's outcome; Game the game's constants.
	Pipeline []pipeline.Summary `json:"pipeline,omitempty"`
	Game     *gameloop.Params   `json:"game,omitempty"`
	// narration tells Log's lines: only those the page is sent are
	// written (see tellLog and logWindow).
	narration *report.Narration
	// model reads a figure of a scene that is not a simulated run: the
	// pipeline's, or the game's (see measure).
	model func(name string) (float64, error)
	// picture draws the run as an SVG document (see pictureOf); nil for
	// the game, which runs live.
	picture func(o svg.Options) []byte
}

// problem is an error at a place: section is "code", "load" or "settings".
type problem struct {
	Section string `json:"section"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	EndCol  int    `json:"endCol,omitempty"` // where the mark ends, on the same line
	Msg     string `json:"msg"`
	Text    string `json:"text"` // as printed: "code:3:5: ..."
}

// badRequest is the result of a request the page could not have sent.
func badRequest(err error) result {
	return result{Error: &problem{Section: "code", Msg: err.Error(), Text: err.Error()}}
}

// shower puts what was simulated on the stage and returns its generation.
type shower interface {
	Show(sc stage.Scene) int
}

// simulate runs a request and shows a good run on the stage; the traces
// are the runs shown (two in compare mode).
func simulate(req request, st shower) (res result, trs []*trace.Trace) {
	switch {
	case req.Scene == "pipeline":
		return showPipeline(req.Code, st), nil
	case req.Scene == "gameloop" && req.Mode != "asyncio":
		return showGame(req.Code, st), nil
	}
	res, tr := run(req.Code, "code", req.Load, req.Settings, "settings")
	res.LoadNumbers = loadNumbersOf(req.Load)
	if tr == nil {
		return res, nil
	}
	// The lesson compiler has checked the block's options; a request
	// with others draws the run as it is.
	opts, _ := geom.ParseOptions(req.Focus, req.Zoom)
	res.Focus = report.FocusLatency(tr, opts.Focus, geom.MatchesFocus)
	res.Opens = opts.To
	if c := req.Compare; c != nil {
		other, trB := run(c.Code, "compare", req.Load, c.Settings, "compare settings")
		if trB != nil {
			other.Focus = report.FocusLatency(trB, opts.Focus, geom.MatchesFocus)
		}
		res.Compare = &other
		// Only the first version's log can be read a window at a time;
		// the others go whole.
		if trB == nil {
			res.tellLog(true)
			res.OK, res.Error = false, other.Error
			return res, nil
		}
		other.tellLog(true)
		res.tellLog(false)
		sc := stage.NewCompare(tr, trB, c.LabelA, c.LabelB, opts)
		res.Rows, other.Rows = stage.Rows(sc)
		res.picture = func(o svg.Options) []byte {
			o.Focus, o.From, o.To = opts.Focus, opts.From, opts.To
			return svg.Compare(tr, trB, c.LabelA, c.LabelB, o)
		}
		res.Generation = st.Show(sc)
		return res, []*trace.Trace{tr, trB}
	}
	res.tellLog(false)
	if req.Scene == "gameloop" {
		res.Generation = st.Show(stage.NewLoop(tr))
		res.picture = func(o svg.Options) []byte { return svg.Loop(tr, o) }
	} else {
		res.picture = func(o svg.Options) []byte {
			o.Focus, o.From, o.To = opts.Focus, opts.From, opts.To
			return svg.Timeline(tr, o)
		}
		sc := stage.NewTimeline(tr, opts)
		res.Rows, _ = stage.Rows(sc)
		res.Generation = st.Show(sc)
	}
	return res, []*trace.Trace{tr}
}

// showPipeline runs the pipeline scene's model.
func showPipeline(code string, st shower) (res result) {
	res.Numbers = numbersOf(code)
	for i, n := range res.Numbers {
		if most, ok := pipeline.Limit(n.ID); ok {
			res.Numbers[i].Max = min(n.Max, float64(most))
		}
	}
	plan, err := pipeline.Parse(code)
	if err != nil {
		res.Error = modelProblem(err)
		return res
	}
	r := pipeline.Run(plan)
	res.model = r.Figure
	res.picture = func(o svg.Options) []byte { return svg.Pipeline(r, o) }
	res.Pipeline = r.Summaries()
	res.OK, res.Duration = true, r.Duration
	res.Generation = st.Show(stage.NewPipeline(r))
	return res
}

// showGame starts the game with the code's constants.
func showGame(code string, st shower) (res result) {
	res.Numbers = numbersOf(code)
	p, err := gameloop.Parse(code)
	if err != nil {
		res.Error = modelProblem(err)
		return res
	}
	res.OK, res.Game = true, &p
	res.model = func(name string) (float64, error) { return gameloop.FigureOf(p, name) }
	res.Generation = st.Show(stage.NewGame(p))
	return res
}

// modelProblem places a scene model's error in the code.
func modelProblem(err error) *problem {
	p := &problem{Section: "code", Msg: err.Error(), Text: "code:" + err.Error()}
	switch e := err.(type) {
	case *pipeline.Error:
		p.Line, p.Col, p.Msg = e.Line, e.Col, e.Msg
	case *gameloop.Error:
		p.Line, p.Col, p.Msg = e.Line, e.Col, e.Msg
	}
	if p.Line > 0 {
		p.Text = fmt.Sprintf("code:%d:%d: %s", p.Line, p.Col, p.Msg)
	}
	return p
}

// specOf is one version of what the page shows as a scenario; the error
// is the settings'.
func specOf(code, file, load, settings string) (scenario.Spec, error) {
	set, err := scenario.ParseSettings(settings)
	return scenario.Spec{File: file, Code: code, LoadFile: "load", Load: load, Settings: set}, err
}

// run simulates one version; file and settingsFile name its sections in
// errors.
func run(code, file, load, settings, settingsFile string) (res result, tr *trace.Trace) {
	res.Numbers = numbersOf(code)
	spec, err := specOf(code, file, load, settings)
	if err != nil {
		res.Error = toProblem(err, settingsFile)
		return res, nil
	}
	checked, err := scenario.Check(spec)
	if err == nil {
		tr, err = checked.Run(spec.Settings)
	}
	if err != nil {
		res.Error = toProblem(err, file)
		return res, nil
	}
	for _, u := range checked.Undefined() {
		res.Undefined = append(res.Undefined, problem{Section: "code", Line: u.Pos.Line, Col: u.Pos.Col, EndCol: u.Pos.Col + len(u.Name),
			Msg: u.Msg, Text: fmt.Sprintf("code:%d:%d: %s", u.Pos.Line, u.Pos.Col, u.Msg)})
	}
	m := report.Measure(tr)
	res.OK, res.Metrics, res.narration = true, &m, report.NewNarration(tr)
	res.Prints, res.Warnings, res.Duration = tr.Prints, tr.Warnings, tr.Duration
	res.Pending, res.Stopped = tr.Pending, tr.Stopped
	if len(tr.Warnings) > 0 { // the note on debug mode is about warnings
		res.Debug = export.InDebugMode(code, spec.Settings)
	}
	res.Unrouted = unrouted(tr)
	res.Lanes, res.States, res.Marks = len(tr.Lanes), geom.StatesUsed(tr), geom.MarkKinds(tr)
	return res, tr
}

// unrouted is what a run's requests asked for when every one got 404 (a
// pasted app, the lesson's requests), each once; nil otherwise.
func unrouted(tr *trace.Trace) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range tr.Requests {
		if r.Status != 404 {
			return nil
		}
		if k := r.Method + " " + r.Path; !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// numbersOf lists code's scrubbable numbers: none (an empty list, not
// null) when it does not parse.
func numbersOf(code string) []scenario.Number {
	nums, _ := scenario.Numbers(code)
	if nums == nil {
		nums = []scenario.Number{}
	}
	return nums
}

// loadNumbersOf lists a load's scrubbable numbers, as numbersOf does the
// code's: ids "load.count", "load.at", "load.delay"...; none (an empty
// list) when it does not parse.
func loadNumbersOf(load string) []scenario.Number {
	nums, _ := scenario.LoadNumbers(load)
	if nums == nil {
		nums = []scenario.Number{}
	}
	return nums
}

func toProblem(err error, section string) *problem {
	p := &problem{Section: section, Msg: err.Error(), Text: err.Error()}
	var se *scenario.Error
	if errors.As(err, &se) {
		if se.File != "" {
			p.Section = se.File
		} else { // settings name no file: "settings:2:1: ...", not "settings::2:1"
			p.Text = (&scenario.Error{File: section, Line: se.Line, Col: se.Col, Msg: se.Msg}).Error()
		}
		p.Line, p.Col, p.Msg = se.Line, se.Col, se.Msg
	}
	return p
}

// legend lists the stage's colours for a theme.
func legend(theme string) []geom.LegendEntry { return geom.ThemeNamed(theme).Legend() }

// pictureOf is the run on the stage as an SVG document, w × h CSS px in
// the named theme, with a title that says what it is; "" when there is
// no run to draw (the game runs live).
func pictureOf(picture func(svg.Options) []byte, theme string, w, h int) string {
	if picture == nil {
		return ""
	}
	return string(picture(svg.Options{Width: w, Height: h, Theme: geom.ThemeNamed(theme)}))
}

// exported is a scenario as a program to run for real, or why it cannot be.
type exported struct {
	OK    bool          `json:"ok"`
	Error string        `json:"error,omitempty"`
	Files []export.File `json:"files,omitempty"`
	Run   string        `json:"run,omitempty"`
}

// exportProgram exports what the page would simulate: in compare mode
// both versions, with their names, as one program.
func exportProgram(req request) exported {
	spec, err := specOf(req.Code, "code", req.Load, req.Settings)
	if err != nil {
		return exported{Error: toProblem(err, "settings").Text}
	}
	p, err := exportSpecs(spec, req)
	if err != nil {
		return exported{Error: err.Error()}
	}
	return exported{OK: true, Files: p.Files, Run: p.Run}
}

// exportSpecs exports spec, with the compared version when req has one.
func exportSpecs(spec scenario.Spec, req request) (export.Program, error) {
	c := req.Compare
	if c == nil {
		return export.Export(spec)
	}
	specB, err := specOf(c.Code, "compare", req.Load, c.Settings)
	if err != nil {
		return export.Program{}, errors.New(toProblem(err, "compare settings").Text)
	}
	return export.ExportCompare(export.Version{Spec: spec, Label: c.LabelA}, export.Version{Spec: specB, Label: c.LabelB})
}

// inlineLog is the longest log sent whole with a run.
const inlineLog = 1000

// tellLog puts a run's log in the result: whole when it is short or
// whole is set, else only its length (LogCount), for logWindow.
func (res *result) tellLog(whole bool) {
	n := res.narration
	if whole || n.Len() <= inlineLog {
		res.Log = n.Lines(0, n.Len())
	} else {
		res.LogCount = n.Len()
	}
}

// logPage is a window on a long log: the lines [Count-len(Lines), Count).
type logPage struct {
	Count int           `json:"count"`
	Lines []report.Line `json:"lines"`
}

// logWindow counts the lines at or before t seconds and returns the last
// of them: at most most, and none before index from (the page already
// shows those).
func logWindow(all *report.Narration, t float64, most, from int) logPage {
	if all == nil || all.Len() == 0 {
		return logPage{}
	}
	count := sort.Search(all.Len(), func(i int) bool { return all.Time(i).Seconds() > t+1e-9 })
	start := min(count, max(count-most, from, 0))
	lines := all.Lines(start, count)
	if lines == nil {
		lines = []report.Line{}
	}
	return logPage{Count: count, Lines: lines}
}

// linked is what a deep link does to a scenario: the lesson and scenario
// it names, the code and load with its numbers set, and what was ignored
// or clamped, for the page to tell the learner. Load is there only when
// the page gave one.
type linked struct {
	Slug     string   `json:"slug"`
	Scenario int      `json:"scenario"`
	Code     string   `json:"code"`
	Load     *string  `json:"load,omitempty"`
	Notes    []string `json:"notes"`
}

// applyLink decodes a fragment and sets its numbers in code, and in load
// when it is given (the ids that start with "load.").
func applyLink(fragment, code string, load *string) linked {
	l := deeplink.Parse(fragment)
	in := ""
	if load != nil {
		in = *load
	}
	out, outLoad, notes := deeplink.Apply(code, in, l.Numbers)
	res := linked{Slug: l.Slug, Scenario: l.Scenario, Code: out, Notes: append(append([]string{}, l.Ignored...), notes...)}
	if load != nil {
		res.Load = &outLoad
	}
	return res
}

// activeLines are the code lines the runs' lanes are on at t, marked A
// and B in compare mode, coloured for theme.
func activeLines(trs []*trace.Trace, t trace.Time, theme string) []geom.ActiveLine {
	out := []geom.ActiveLine{}
	for i, tr := range trs {
		version := ""
		if len(trs) > 1 {
			version = string(rune('A' + i))
		}
		out = append(out, geom.ActiveLines(tr, t, geom.ThemeNamed(theme), version)...)
	}
	return out
}

// captions say what happens at t in each run; soFar, as seen up to t
// only (the stage hides the future).
func captions(trs []*trace.Trace, ns []*report.Narration, t trace.Time, soFar bool) []string {
	known := t
	out := []string{}
	for i, tr := range trs {
		var n *report.Narration
		if i < len(ns) {
			n = ns[i]
		}
		if !soFar {
			known = tr.Duration
		}
		out = append(out, report.Caption(tr, n, t, known))
	}
	return out
}

// measure reads the figure called name (see report.Figure) from the runs
// on the stage, version "" or "A" the first, "B" the compared one: the
// page's verdict on a prediction comes from the run the learner watched,
// not from the lesson's default numbers. A pipeline or a game has no run;
// model then reads its figures. It is the JSON {"ok":true,"value":v} or
// {"ok":false,"error":why}, written here: a type or a map of its own
// would cost the wasm more.
func measure(trs []*trace.Trace, model func(string) (float64, error), name, version string) string {
	i, why := 0, ""
	if version == "B" {
		i = 1
	}
	switch {
	case version != "" && version != "A" && i == 0:
		why = "unknown version (known: A, B)"
	case len(trs) == 0 && model != nil && i == 1:
		why = "the stage shows one version: there is no B"
	case len(trs) == 0 && model != nil:
		v, err := model(name)
		if err == nil {
			return `{"ok":true,"value":` + strconv.FormatFloat(v, 'g', -1, 64) + "}"
		}
		why = err.Error()
	case len(trs) == 0:
		why = "no simulated run is on the stage"
	case i >= len(trs):
		why = "the stage shows one version: there is no B"
	default:
		v, err := report.Figure(trs[i], name)
		if err == nil {
			return `{"ok":true,"value":` + strconv.FormatFloat(v, 'g', -1, 64) + "}"
		}
		why = err.Error()
	}
	quoted, _ := json.Marshal(why)
	return `{"ok":false,"error":` + string(quoted) + "}"
}
