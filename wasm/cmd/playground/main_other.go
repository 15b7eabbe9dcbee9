//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "playground runs in the browser: build it with GOOS=js GOARCH=wasm (make serve does)")
	os.Exit(2)
}
