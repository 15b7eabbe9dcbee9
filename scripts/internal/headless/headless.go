//go:build browser

// Package headless starts what browser tests and measurements share: the
// built site on a loopback port and headless Chromium, with the flags this
// environment needs and a fresh profile.
package headless

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"

	"looplab/wasm/site"
)

// Serve serves the built site in dir on 127.0.0.1 and returns its URL and
// a function that stops it.
func Serve(dir string) (string, func(), error) {
	if _, err := os.Stat(dir + "/index.html"); err != nil {
		return "", nil, fmt.Errorf("no built site in %s (run make site): %v", dir, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: site.Handler(dir)}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

// Chromium is the path of the Chromium on PATH, for the tests and for
// tools that start it themselves (Lighthouse).
func Chromium() (string, error) {
	for _, b := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(b); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium on PATH (make chromium installs Debian's)")
}

// LighthouseFlags are the flags Chromium needs here (those Browser
// passes), for the Chromium that Lighthouse starts itself (with
// CHROME_PATH set to Chromium's path and a fresh --user-data-dir added).
const LighthouseFlags = "--headless=new --no-sandbox --disable-gpu --enable-unsafe-swiftshader --disable-quic --no-first-run " +
	"--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"

// Browser starts headless Chromium with a profile in profileDir, sized
// width×height, and returns a chromedp context for one tab.
func Browser(profileDir string, width, height int) (context.Context, context.CancelFunc, error) {
	path, err := Chromium()
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profileDir),
		chromedp.WindowSize(width, height),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("enable-precise-memory-info", true), // exact performance.memory for the soak script
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	return ctx, func() { cancelCtx(); cancelAlloc() }, nil
}

// Eval evaluates a JavaScript expression in the tab, awaits it when it is
// a promise, and decodes its value as JSON into v (nil ignores it).
func Eval(ctx context.Context, timeout time.Duration, expr string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		fmt.Sprintf("Promise.resolve(%s).then(v => JSON.stringify(v === undefined ? null : v))", expr), chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("%s: %w", expr, err)
	}
	if v == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("%s: %w", expr, err)
	}
	return nil
}

// MustEval is Eval for commands: it returns the value as a T and exits
// with the error when there is one.
func MustEval[T any](ctx context.Context, timeout time.Duration, expr string) T {
	var v T
	if err := Eval(ctx, timeout, expr, &v); err != nil {
		log.Fatal(err)
	}
	return v
}
