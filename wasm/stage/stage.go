package stage

import (
	"math"
	"slices"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"looplab/wasm/stage/geom"
	"looplab/wasm/trace"
)

// Stage is the ebiten game: the playhead, playback, input, and the scene
// that draws. Its methods may be called from JavaScript callbacks while
// ebiten runs, so they take the lock.
type Stage struct {
	mu      sync.Mutex
	scene   Scene
	t       float64 // playhead, µs
	playing bool
	speed   float64 // virtual µs per real µs
	theme   geom.Theme
	w, h    int
	scale   float64

	loaded, drawn int // trace generations: loaded, and last painted
	dirty         bool
	lastTick      time.Time
	drag          drag
	lastClick     click
	pinch         pinch
	away          bool // the pointer left the frame; cursor is where it was last seen
	cursorX       int
	cursorY       int
	hoverLine     int32  // the code line of the span under the pointer
	hoverVersion  string // its version in compare mode
	pointerX      float32
	pointerY      float32
	stats         frameStats
	still         bool // no autoplay (prefers-reduced-motion)
	presenter     bool // SetMode
	hideFuture    bool // SetMode
	crash         bool // CrashForTest: panic in the next Draw
	drawnAt       float64
	drawMS        float64

	// Clock reads the page's clock in milliseconds (performance.now in the
	// browser); nil leaves DrawnAt at zero.
	Clock func() float64
}

// CrashForTest makes the next frame panic, so tests can check that the page
// survives the simulator dying: it shows what happened and offers a reload.
func (s *Stage) CrashForTest() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.crash = true
}

// New returns a stage with nothing to show yet.
func New() *Stage {
	return &Stage{theme: geom.Light, speed: 1, scale: 1, pointerX: -1, pointerY: -1}
}

// Load shows a run on the timeline, drawn as the scenario asks.
func (s *Stage) Load(tr *trace.Trace, opts geom.Options) int { return s.Show(NewTimeline(tr, opts)) }

// Show puts a scene on the stage and returns its generation. The playhead
// stays where it was when the new scene is long enough, so dragging a
// number shows the change at the same moment. A live scene starts playing.
func (s *Stage) Show(sc Scene) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, wasLive := s.scene.(liveScene)
	s.scene = sc
	s.speed = playbackSpeed(sc.Duration())
	s.t = min(s.t, float64(sc.Duration()))
	if _, live := sc.(liveScene); live && !wasLive {
		s.playing, s.lastTick = !s.still, time.Time{}
	}
	s.loaded++
	s.dirty = true
	return s.loaded
}

// SetAutoplay says whether a live scene starts by itself; off when the
// learner prefers reduced motion, so nothing moves until they press play.
func (s *Stage) SetAutoplay(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.still = !on
}

// SceneStats are the figures a scene keeps (the game's frame times, the
// loop's heartbeat), nil for scenes without any.
func (s *Stage) SceneStats() any {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch sc := s.scene.(type) {
	case liveScene:
		return sc.Stats()
	case interface{ StatsAt(trace.Time) any }:
		return sc.StatsAt(trace.Time(math.Round(s.t)))
	}
	return nil
}

// duration is the playhead's range.
func (s *Stage) duration() float64 {
	if s.scene == nil {
		return 0
	}
	return float64(s.scene.Duration())
}

// playbackSpeed plays runs of up to 15 s in real time, longer ones in 15 s,
// and very short ones in 2 s, so every run can be watched.
func playbackSpeed(d trace.Time) float64 {
	sec := d.Seconds()
	switch {
	case sec > 15:
		return sec / 15
	case sec < 0.5 && sec > 0:
		return sec / 2
	}
	return 1
}

// SetTheme switches between geom.Light and geom.Dark.
func (s *Stage) SetTheme(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.theme = geom.ThemeNamed(name)
	s.dirty = true
}

// SetMode turns one of the timeline's modes on or off (see
// geom.Timeline.SetModes). "presenter" writes its texts at
// geom.PresenterFontSize, for a classroom's projector, with rows and axis
// grown to hold them; "hideFuture" draws nothing after the playhead, so a
// lesson asks its question before the learner has seen the answer. Each
// stays across runs (a number changed while predicting, a lesson changed
// on the projector) until it is turned off.
func (s *Stage) SetMode(mode string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch mode {
	case "presenter":
		s.presenter = on
	case "hideFuture":
		s.hideFuture = on
	}
	s.dirty = true
}

// Play starts playback, from the start when at the end.
func (s *Stage) Play() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.play()
}

func (s *Stage) play() {
	if s.scene == nil {
		return
	}
	if _, live := s.scene.(liveScene); !live && s.t >= s.duration() {
		s.t = 0
	}
	s.playing = true
	s.lastTick = time.Time{}
	s.dirty = true
}

// Pause stops playback.
func (s *Stage) Pause() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.playing = false
	s.dirty = true
}

// Seek moves the playhead, clamped to the run.
func (s *Stage) Seek(t trace.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seek(float64(t))
}

func (s *Stage) seek(t float64) {
	s.t = min(max(t, 0), s.duration())
	s.dirty = true
}

// Step jumps to the next (dir > 0) or previous event and pauses.
func (s *Stage) Step(dir int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.playing = false
	s.step(dir)
}

func (s *Stage) step(dir int) {
	if s.scene == nil {
		return
	}
	steps := s.scene.Steps()
	now := trace.Time(math.Round(s.t))
	if dir > 0 {
		i, found := slices.BinarySearch(steps, now)
		if found {
			i++
		}
		if i < len(steps) {
			s.seek(float64(steps[i]))
		} else {
			s.seek(s.duration())
		}
		return
	}
	i, _ := slices.BinarySearch(steps, now)
	if i > 0 {
		s.seek(float64(steps[i-1]))
	} else {
		s.seek(0)
	}
}

// State is what the page shows of the playhead.
type State struct {
	T        float64 `json:"t"` // seconds
	Duration float64 `json:"duration"`
	Playing  bool    `json:"playing"`
	Speed    float64 `json:"speed"`
	Loaded   int     `json:"loaded"` // generation of the scene shown last
	Drawn    int     `json:"drawn"`  // generation of the scene painted last
	Scene    string  `json:"scene"`  // its kind
	// DrawnAt is when the scene of generation Drawn was first painted, in
	// the page's clock (Clock), so scripts can time a change to its frame.
	DrawnAt float64 `json:"drawnAt"`
	// DrawMS is how long that first paint took, in milliseconds.
	DrawMS float64 `json:"drawMs"`
	// Width and Height are the canvas in CSS pixels, as Layout was told.
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// HideFuture says nothing after T is drawn: the page's caption and
	// code marks must not say more.
	HideFuture bool `json:"hideFuture,omitempty"`
}

// State reports the playhead.
func (s *Stage) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := State{T: s.t / float64(trace.Second), Playing: s.playing, Speed: s.speed, Loaded: s.loaded, Drawn: s.drawn, DrawnAt: s.drawnAt, DrawMS: s.drawMS,
		Width: float64(s.w) / s.scale, Height: float64(s.h) / s.scale, HideFuture: s.hideFuture}
	if s.scene != nil {
		st.Duration, st.Scene = s.scene.Duration().Seconds(), s.scene.Kind()
	}
	return st
}

// Update advances playback and handles the pointer, wheel and keys.
func (s *Stage) Update() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	var dt time.Duration
	if !s.lastTick.IsZero() {
		dt = now.Sub(s.lastTick)
	}
	s.lastTick = now
	defer func() { s.stats.updated(time.Since(now)) }()
	if live, ok := s.scene.(liveScene); ok {
		if s.playing {
			live.Tick(s.view(), dt)
			s.dirty = true
		}
	} else if s.playing && s.scene != nil {
		s.t += float64(dt.Microseconds()) * s.speed
		if s.t >= s.duration() {
			s.t, s.playing = s.duration(), false
		}
		if tls, ok := s.scene.(timelines); ok {
			follow(tls.bands(s.view()), trace.Time(math.Round(s.t)))
		}
		s.dirty = true
	}
	s.input()
	return nil
}

func (s *Stage) view() View {
	return View{W: s.w, H: s.h, Scale: s.scale, Theme: s.theme, T: trace.Time(math.Round(s.t)), PointerX: s.pointerX, PointerY: s.pointerY,
		Presenter: s.presenter, HideFuture: s.hideFuture}
}

func (s *Stage) input() {
	cx, cy := ebiten.CursorPosition()
	if s.away && (cx != s.cursorX || cy != s.cursorY) {
		s.away = false // back over the frame
	}
	s.cursorX, s.cursorY = cx, cy
	x, y := float32(cx), float32(cy)
	inside := cx >= 0 && cy >= 0 && cx < s.w && cy < s.h && !s.away
	if !inside {
		x, y = -1, -1
	}
	// While away, the pointer is where PointerLeft or a tap put it.
	if !s.away && (x != s.pointerX || y != s.pointerY) {
		s.pointerX, s.pointerY = x, y
		s.dirty = true
	}
	if s.scene == nil {
		return
	}
	if _, live := s.scene.(liveScene); live {
		// The game takes the arrows and the pointer; Space still pauses.
		if inpututil.IsKeyJustPressed(ebiten.KeySpace) {
			s.playing = !s.playing
			s.lastTick = time.Time{}
			s.dirty = true
		}
		return
	}
	s.pointer(x, y, inside)
	s.touches()
	s.keys()
}

// PointerLeft forgets the pointer once it has left the frame, until it
// moves over the stage again: no tooltip or hover stays behind.
func (s *Stage) PointerLeft() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.away = true
	if s.pointerX >= 0 {
		s.pointerX, s.pointerY, s.hoverLine = -1, -1, 0
		s.dirty = true
	}
}

// Draw paints the scene when something changed; otherwise the last frame
// stays on screen (the screen is not cleared every frame).
func (s *Stage) Draw(screen *ebiten.Image) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	s.stats.tick(start)
	if s.crash {
		panic("the stage was asked to crash (a test of the error panel)")
	}
	if !s.dirty {
		s.stats.idle()
		return
	}
	bg := s.theme.Background
	screen.Fill(rgba(bg))
	if s.scene != nil {
		s.scene.Draw(screen, s.view())
	}
	s.dirty = false
	if s.drawn != s.loaded {
		s.drawMS = float64(time.Since(start).Microseconds()) / 1000
		if s.Clock != nil {
			s.drawnAt = s.Clock()
		}
	}
	s.drawn = s.loaded
	s.stats.draw(time.Since(start))
}

// Layout uses device pixels, so text and bars are sharp on any display.
func (s *Stage) Layout(outsideW, outsideH int) (int, int) {
	scale := ebiten.Monitor().DeviceScaleFactor()
	w, h := int(float64(outsideW)*scale), int(float64(outsideH)*scale)
	s.mu.Lock()
	defer s.mu.Unlock()
	if w != s.w || h != s.h || scale != s.scale {
		s.w, s.h, s.scale = w, h, scale
		s.dirty = true
	}
	return w, h
}
