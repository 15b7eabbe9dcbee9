// Package uuid is Python's uuid module, simulated: uuid4 draws from the
// run's seeded generator rather than the operating system, so a run that
// prints one prints the same one every time.
package uuid

import (
	"fmt"

	"looplab/wasm/py"
	"looplab/wasm/py/lib/random"
)

func init() { py.Register(module()) }

func module() *py.Module {
	return &py.Module{Name: "uuid", Attrs: map[string]py.Value{
		"uuid4": &py.Builtin{Name: "uuid4", Fn: py.Pure(func(c *py.Call) (py.Value, *py.Exception) {
			m := random.Generator(c)
			hi, lo := m.GetRandBits(64), m.GetRandBits(64)
			hi = hi&^0xf000 | 0x4000               // version 4
			lo = lo&^(0xc000<<48) | (0x8000 << 48) // the RFC 4122 variant
			s := fmt.Sprintf("%016x%016x", hi, lo)
			return &uuidVal{text: s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]}, nil
		})},
	}}
}

// uuidVal is a UUID; str() gives its text.
type uuidVal struct{ text string }

func (u *uuidVal) TypeName() string { return "UUID" }
func (u *uuidVal) String() string   { return u.text }
func (u *uuidVal) Repr() string     { return "UUID('" + u.text + "')" }
func (u *uuidVal) Attr(name string) (py.Value, bool) {
	if name == "hex" {
		out := make([]byte, 0, 32)
		for i := 0; i < len(u.text); i++ {
			if u.text[i] != '-' {
				out = append(out, u.text[i])
			}
		}
		return string(out), true
	}
	return nil, false
}
