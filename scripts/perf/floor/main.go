// Command floor is the least a page drawn with Ebitengine links: a game
// that fills its screen. make bench builds it for js/wasm with the
// playground's flags, so the table can say how much of the wasm is the
// renderer's fixed cost and how much is LoopLab's own.
package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct{}

func (game) Update() error              { return nil }
func (game) Draw(screen *ebiten.Image)  { screen.Fill(color.White) }
func (game) Layout(w, h int) (int, int) { return w, h }

func main() {
	if err := ebiten.RunGame(game{}); err != nil {
		panic(err)
	}
}
