//go:build browser

package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"looplab/scripts/internal/headless"
	"looplab/wasm/report"
)

func eval[T any](ctx context.Context, expr string) T {
	return headless.MustEval[T](ctx, 5*time.Minute, expr)
}

// measureBrowser loads the site runs times cold and again as a repeat
// visit, each cold load after a cold load of the load yardstick (a plain
// page as large, serveReference), then measures playback and number
// changes in the last page (interactive). Load times are judged by their
// ratio to the yardstick's first contentful paint, CPU times by theirs to
// the page's CPU yardstick.
func measureBrowser(site string, runs int, t *table, refs *references) error {
	url, stop, err := headless.Serve(site)
	if err != nil {
		return err
	}
	defer stop()
	refURL, stopRef, err := serveReference(site)
	if err != nil {
		return err
	}
	defer stopRef()
	var refLoad, text, pic, cold, warm []float64
	stageFirst := 0
	for i := 0; i < runs; i++ {
		r, err := loadReference(refURL)
		if err != nil {
			return err
		}
		refLoad = append(refLoad, r)
		dir, _ := os.MkdirTemp("", "looplab-perf-")
		ctx, cancel, err := headless.Browser(dir, 1400, 1000)
		if err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, watchPictures); err != nil {
			return err
		}
		navigate := func() {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
				log.Fatal(err)
			}
		}
		firstFrame := func() float64 {
			eval[any](ctx, "looplab.ready")
			return eval[float64](ctx, "looplab.timing.firstFrame")
		}
		navigate()
		p := pictureOnScreen(ctx)
		text, pic = append(text, p.FCP), append(pic, p.at())
		if p.Stage > 0 && (p.Figure <= 0 || p.Stage <= p.Figure) {
			stageFirst++
		}
		cold = append(cold, firstFrame())
		// A repeat visit: the same profile, so the HTTP cache and the
		// compiled module cached with it are warm. Give the browser time
		// to finish the optimised compile it caches.
		time.Sleep(3 * time.Second)
		if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
			return err
		}
		navigate()
		warm = append(warm, firstFrame())
		if i == runs-1 {
			interactive(ctx, t, &refs.cpu)
		}
		cancel()
		os.RemoveAll(dir)
	}
	refs.load.now = median(refLoad)
	load := &refs.load
	t.scaled("time to lesson text (first contentful paint)", ms(median(text)), median(text), 200, msg, load)
	t.scaled("A scenario's picture on screen with its lesson's text, cold, localhost",
		fmt.Sprintf("%s (in the stage's place first in %d of %d loads)", sec(median(pic)), stageFirst, runs), median(pic), 300, sec, load)
	t.scaled("first simulation frame, cold", sec(median(cold)), median(cold), 1500, sec, load)
	t.scaled("first simulation frame, repeat visit", sec(median(warm)), median(warm), 800, sec, load)
	return nil
}

// watchPictures makes every page the tab loads note when a scenario's
// picture in a lesson figure is first on screen (window.__looplabPicture,
// ms since navigation): the first animation frame in which one of its
// SVGs has a box in the viewport. The page notes the stage's place itself
// (looplab.timing.picture).
func watchPictures(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	const src = `(() => {
		if (window !== window.top) return;
		const start = performance.now();
		const onScreen = (e) => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
		};
		const tick = () => {
			if ([...document.querySelectorAll("figure.scenario .scenario-picture svg")].some(onScreen)) {
				window.__looplabPicture = performance.now();
			} else if (performance.now() - start < 10000) {
				requestAnimationFrame(tick);
			}
		};
		requestAnimationFrame(tick);
	})()`
	_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	return chromedp.Void{}, err
}

// picturePaint is when a cold page first showed a scenario's picture, ms
// since navigation: in the stage's place, in a lesson figure (0 when not
// within ten seconds), and the page's first contentful paint.
type picturePaint struct{ Stage, Figure, FCP float64 }

// at is the earlier of the two, and not before the first paint (an
// animation frame comes before its paint).
func (p picturePaint) at() float64 {
	first := p.Stage
	if first <= 0 || (p.Figure > 0 && p.Figure < first) {
		first = p.Figure
	}
	if first <= 0 {
		log.Fatal("no scenario picture showed within ten seconds of a cold load")
	}
	return max(first, p.FCP)
}

// pictureOnScreen waits, without reaching for the stage, until the page
// has shown a scenario's picture and painted.
func pictureOnScreen(ctx context.Context) picturePaint {
	return eval[picturePaint](ctx, `new Promise((resolve) => {
		const t0 = performance.now();
		const check = () => {
			const p = {stage: looplab.timing.picture, figure: window.__looplabPicture || 0,
				fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0};
			if ((p.fcp && (p.stage || p.figure)) || performance.now() - t0 > 10000) resolve(p);
			else setTimeout(check, 20);
		};
		check();
	})`)
}

func median(v []float64) float64 { return report.Quantile(v, 0.5) }
