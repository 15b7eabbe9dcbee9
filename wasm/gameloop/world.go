package gameloop

import "math"

// Input is the player's input at one moment. Pointer coordinates are
// world units (0..1 across the play field), negative when there is none.
type Input struct {
	Left, Right, Up, Down bool
	PointerX, PointerY    float32
	Pointer               bool // follow the pointer rather than the keys
}

// keys is the direction the arrow keys ask for, unit length or zero.
func (in Input) keys() (dx, dy float64) {
	if in.Left {
		dx--
	}
	if in.Right {
		dx++
	}
	if in.Up {
		dy--
	}
	if in.Down {
		dy++
	}
	if dx != 0 && dy != 0 {
		dx, dy = dx/math.Sqrt2, dy/math.Sqrt2
	}
	return dx, dy
}

func (in Input) pointing() bool { return in.Pointer && in.PointerX >= 0 && in.PointerY >= 0 }

// The world's constants, in world units (the field is 1 across) and
// seconds. Top speed is accel/drag: about the field in a second, slow
// enough to steer, fast enough that a late frame shows as a jump.
const (
	accel      = 3.2
	drag       = 3.0
	follow     = 7.0   // pointer mode: how fast the ship closes the distance, 1/s
	shipR      = 0.035 // radius
	targetR    = 0.04
	maxStep    = 0.25 // the longest time step one frame may take, seconds
	trailLen   = 30
	ghostAhead = 0.14 // how far ahead of the ship the keys' ghost sits
)

// world is what a frame computes: the ship, the target and the score.
type world struct {
	x, y, vx, vy float64
	tx, ty       float64 // target
	score        int
	rng          uint64
}

// seed is fixed, so two games with the same inputs place the same targets.
const seed = 0x9e3779b97f4a7c15

func newWorld() world {
	w := world{x: 0.5, y: 0.5, rng: seed}
	w.placeTarget()
	return w
}

// rand is xorshift64: tiny, deterministic, good enough to scatter dots.
func (w *world) rand() float64 {
	w.rng ^= w.rng << 13
	w.rng ^= w.rng >> 7
	w.rng ^= w.rng << 17
	return float64(w.rng>>11) / (1 << 53)
}

// placeTarget puts the target somewhere inside the field but not on top
// of the ship, so every point takes some steering.
func (w *world) placeTarget() {
	for i := 0; ; i++ {
		w.tx, w.ty = 0.1+0.8*w.rand(), 0.1+0.8*w.rand()
		if math.Hypot(w.tx-w.x, w.ty-w.y) > 0.3 || i >= 16 {
			return
		}
	}
}

// step advances the world by dt seconds with one input. The motion is
// solved exactly for constant input, so a long frame makes one big jump
// to where the ship would have got to, never an explosion.
func (w *world) step(dt float64, in Input) {
	dt = min(max(dt, 0), maxStep)
	x0, y0 := w.x, w.y
	if in.pointing() {
		px, py := float64(in.PointerX), float64(in.PointerY)
		k := 1 - math.Exp(-follow*dt)
		w.x += (px - w.x) * k
		w.y += (py - w.y) * k
		if dt > 0 {
			w.vx, w.vy = (w.x-x0)/dt, (w.y-y0)/dt
		}
	} else {
		// v' = a - drag·v, solved over dt.
		ax, ay := in.keys()
		ax, ay = ax*accel, ay*accel
		e := math.Exp(-drag * dt)
		w.x += ax/drag*dt + (w.vx-ax/drag)*(1-e)/drag
		w.y += ay/drag*dt + (w.vy-ay/drag)*(1-e)/drag
		w.vx = ax/drag + (w.vx-ax/drag)*e
		w.vy = ay/drag + (w.vy-ay/drag)*e
	}
	// The walls stop the ship.
	if w.x < shipR || w.x > 1-shipR {
		w.x, w.vx = min(max(w.x, shipR), 1-shipR), 0
	}
	if w.y < shipR || w.y > 1-shipR {
		w.y, w.vy = min(max(w.y, shipR), 1-shipR), 0
	}
	// Test the whole path, not just where the frame ended: a late frame
	// jumps, and the lesson is about lag, not about missing by tunnelling.
	if segDist(w.tx, w.ty, x0, y0, w.x, w.y) < shipR+targetR {
		w.score++
		w.placeTarget()
	}
}

// segDist is the distance from point p to the segment a–b.
func segDist(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = min(max(((px-ax)*dx+(py-ay)*dy)/l, 0), 1)
	}
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}
