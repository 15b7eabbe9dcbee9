package site

import (
	"fmt"
	"os"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// CodeMirror writes its styles at run time through style-mod, which in a
// document (as opposed to a shadow root) puts them in a <style> element.
// The site's CSP (style-src 'self', no nonce: a static host cannot mint
// one per response) refuses that element, and the editor would be
// unstyled. A constructed stylesheet adopted by the document is not
// inline markup and the CSP does not govern it, so the bundle takes
// style-mod's shadow-root path in documents too. Browsers without
// adoptedStyleSheets (before Safari 16.4) still get the <style>.
var adoptedStyles = api.Plugin{
	Name: "looplab-adopted-styles",
	Setup: func(b api.PluginBuild) {
		b.OnLoad(api.OnLoadOptions{Filter: `[\\/]style-mod[\\/]src[\\/]style-mod\.js$`}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			src, err := os.ReadFile(a.Path)
			if err != nil {
				return api.OnLoadResult{}, err
			}
			js, err := adoptInDocuments(string(src))
			if err != nil {
				return api.OnLoadResult{}, err
			}
			return api.OnLoadResult{Contents: &js, Loader: api.LoaderJS}, nil
		})
	},
}

// styleModTest is style-mod's choice of a constructed sheet: only where
// the root has no <head>, that is in a shadow root.
const styleModTest = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)"

// adoptInDocuments drops the shadow-root condition, or fails the build
// when style-mod no longer reads as expected: better than an editor
// silently unstyled under the CSP.
func adoptInDocuments(src string) (string, error) {
	if strings.Count(src, styleModTest) != 1 {
		return "", fmt.Errorf("style-mod changed: %q not found once; check how it mounts styles before updating it (see cspstyles.go)", styleModTest)
	}
	return strings.Replace(src, styleModTest, "if (root.adoptedStyleSheets && win.CSSStyleSheet)", 1), nil
}
