package py

import "looplab/wasm/sim"

// The awaits the I/O libraries (wasm/py/lib/httpx, asyncpg) hand out.

// ioAwait waits d for a reply without blocking the loop.
func ioAwait(f *Fiber, d sim.Time, label string, result Value) (Value, sim.Effect, *Exception) {
	f.convert = func(Value) Value { return result }
	return nil, sim.Await{F: f.ctx.Sleep(d), Label: label, IO: true}, nil
}

// connectThen is a coroutine that opens a connection, then awaits reply.
// Connecting is an await even on loopback: the loop runs every other ready
// task before the request goes out. It stands where the code called
// name, so that a task made of it has that line.
func connectThen(f *Fiber, name string, reply Value, call string) *Coroutine {
	at := f.frames[len(f.frames)-1].pos()
	code := &Code{Name: name, File: f.run.prog.File, VarArgs: -1, KwArgs: -1, Def: at,
		Instrs: []Instr{{Op: opConst, A: 0}, {Op: opAwait}, {Op: opPop}, {Op: opConst, A: 1}, {Op: opAwait}, {Op: opReturn}},
		Pos:    samePos(at, 6), Consts: []Value{&sleepAw{}, reply}}
	fn := &Function{Code: code, Globals: f.frames[0].globals}
	fr, _ := newFrame(fn, nil, nil, nil)
	return &Coroutine{Fn: fn, Frame: fr, call: call}
}
