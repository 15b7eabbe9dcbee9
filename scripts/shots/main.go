//go:build browser

// Command shots photographs every scenario of every lesson as a learner
// sees it: at 1400×900, 1280×720 and 390×844, light and dark, at the
// moments its block names (moments=) and at the end of the run, and in
// presenter mode on a 1280×720 projector at 150 % zoom. For each it keeps
// the stage block at its real size and the whole screen with the
// scenario's code in view, so a reviewer can look at what the picture
// says without the prose. make shots runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/wasm/lesson"
)

type size struct {
	name    string
	w, h    int
	scale   float64
	present bool // presenter mode
}

var sizes = []size{{"1400x900", 1400, 900, 1, false}, {"1280x720", 1280, 720, 1, false}, {"390x844", 390, 844, 2, false},
	// A 1280×720 projector with the browser zoomed to 150 %.
	{"projector", 853, 480, 1.5, true}}

func main() {
	site := flag.String("site", "build/site", "the built site")
	out := flag.String("out", "build/screenshots/stage", "where the pictures go")
	content := flag.String("content", "content", "the lessons")
	only := flag.String("only", "", "only lessons whose number or slug starts with this (\"07\", \"gil\")")
	sizesFlag := flag.String("sizes", "", "only these sizes (\"1400x900,390x844\")")
	themes := flag.String("themes", "light,dark", "the themes to shoot")
	flag.Parse()
	lessons, err := lesson.CompileDir(*content)
	if err != nil {
		log.Fatal(err)
	}
	url, stop, err := headless.Serve(*site)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	n := 0
	for _, sz := range sizes {
		if *sizesFlag != "" && !strings.Contains(*sizesFlag, sz.name) {
			continue
		}
		for _, theme := range strings.Split(*themes, ",") {
			n += shoot(url, *out, sz, theme, lessons, *only)
		}
	}
	fmt.Printf("%d pictures in %s\n", n, *out)
}

// shoot takes one size and theme's pictures in a browser of its own.
func shoot(url, out string, sz size, theme string, lessons []*lesson.Lesson, only string) int {
	dir, err := os.MkdirTemp("", "looplab-shots")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx, cancel, err := headless.Browser(dir, sz.w, sz.h)
	if err != nil {
		log.Fatal(err)
	}
	defer cancel()
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		for _, a := range actions {
			if _, err := chromedp.Run(ctx, a); err != nil {
				log.Fatal(err)
			}
		}
	}
	phone := sz.w < 600
	run(call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}},
	}), call(emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: int64(sz.w), Height: int64(sz.h), DeviceScaleFactor: sz.scale, Mobile: phone,
	}), chromedp.Navigate(url))
	eval := func(expr string) {
		if err := headless.Eval(ctx, 30*time.Second, expr, nil); err != nil {
			log.Fatal(err)
		}
	}
	eval("looplab.ready")
	if sz.present {
		eval("looplab.present(true)")
	}
	n := 0
	for i, l := range lessons {
		num := fmt.Sprintf("%02d", i+1)
		if only != "" && !strings.HasPrefix(num, only) && !strings.HasPrefix(l.Slug, only) {
			continue
		}
		for _, b := range l.Blocks {
			eval(fmt.Sprintf("looplab.go(%q, %d)", l.Slug, b.Index))
			eval("looplab.pause()")
			moments, _ := b.Moments()
			moments = append(moments, 1e9) // and the end
			for _, m := range moments {
				eval(fmt.Sprintf("looplab.seek(%v)", m))
				// The stage paints on its next frame; the page follows the
				// playhead on its own next frame.
				eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250))))")
				at := "end"
				if m < 1e9 {
					at = strings.ReplaceAll(fmt.Sprintf("%gs", m), ".", "_")
				}
				name := fmt.Sprintf("%s-%s-%d-%s-%s-%s", num, l.Slug, b.Index, at, sz.name, theme)
				// The screen with the scenario's code just below the
				// sticky header (and, on a phone, the pinned stage).
				eval(`(() => { const f = document.getElementById("live").closest("figure");
					const top = document.querySelector(".top").offsetHeight + (matchMedia("(max-width: 900px)").matches ? document.getElementById("stage-block").offsetHeight : 0);
					window.scrollTo(0, f.getBoundingClientRect().top + scrollY - top - 8); })()`)
				eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
				keep(ctx, filepath.Join(out, name+"-stage.png"), chromedp.Screenshot(chromedp.ID("stage-block")))
				keep(ctx, filepath.Join(out, name+"-screen.png"), chromedp.CaptureScreenshot())
				n += 2
			}
		}
	}
	return n
}

func keep(ctx context.Context, path string, shot chromedp.Action[[]byte]) {
	b, err := chromedp.Run(ctx, shot)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// call runs one DevTools command on the page's target.
func call[P any](cmd cdp.Command[P, cdp.Empty], params P) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cmd, params)
		return chromedp.Void{}, err
	}
}
