package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// The page's scripts are ES modules bundled at build time by esbuild's Go
// API, so no Node.js build tool runs: npm only installs the editor's
// packages. Each bundle is one classic script (an IIFE), which the page
// loads with <script src> under its CSP, minified for ES2020, the oldest
// JavaScript the browsers that run the wasm stage speak.
const (
	appEntry    = "src/main.js"    // the page, under Options.Web
	editorEntry = "editor/main.js" // the code editor, under Options.Web
)

// bundle builds the entry point web/entry into outName. With a map it
// also returns a linked source map (outName + ".map").
func bundle(web, entry, outName string, withMap bool, nodeModules string, plugins ...api.Plugin) (js, sourceMap []byte, err error) {
	root, err := filepath.Abs(web)
	if err != nil {
		return nil, nil, err
	}
	opts := api.BuildOptions{
		EntryPoints:       []string{filepath.Join(root, filepath.FromSlash(entry))},
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		// Where the bundle sits in web/ as the site serves it: the map
		// names its sources relative to it (src/main.js), never by a
		// path of the machine that built it.
		Outfile:  filepath.Join(root, outName),
		LogLevel: api.LogLevelSilent,
		Plugins:  plugins,
	}
	if withMap {
		opts.Sourcemap = api.SourceMapLinked
	}
	if nodeModules != "" {
		if opts.NodePaths, err = absAll(nodeModules); err != nil {
			return nil, nil, err
		}
	}
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, nil, fmt.Errorf("bundling %s:\n%s", filepath.Join(web, entry), strings.Join(msgs, ""))
	}
	for _, f := range res.OutputFiles {
		switch filepath.Base(f.Path) {
		case outName:
			js = f.Contents
		case outName + ".map":
			sourceMap = f.Contents
		}
	}
	if js == nil {
		return nil, nil, fmt.Errorf("bundling %s: esbuild wrote no %s", filepath.Join(web, entry), outName)
	}
	return js, sourceMap, nil
}

func absAll(paths ...string) ([]string, error) {
	out := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// bundleScripts adds the bundled scripts to files: app.js from
// web/src/main.js when it exists (else the copy of web/app.js stays),
// with its linked map so a developer's stack traces name the modules'
// own lines; and editor.js from web/editor/main.js, without a map
// (CodeMirror's would weigh several times the bundle, for code nobody
// here debugs). The editor needs the npm packages in nodeModules; an
// empty nodeModules builds the site without the editor.
func bundleScripts(o Options, files map[string][]byte) error {
	if exists(filepath.Join(o.Web, appEntry)) {
		js, m, err := bundle(o.Web, appEntry, "app.js", true, o.NodeModules)
		if err != nil {
			return err
		}
		files["app.js"], files["app.js.map"] = js, m
	}
	if o.NodeModules == "" || !exists(filepath.Join(o.Web, editorEntry)) {
		return nil
	}
	if !exists(o.NodeModules) {
		return fmt.Errorf("%s is missing: the code editor's packages come from npm; run npm ci (make site does)", o.NodeModules)
	}
	js, _, err := bundle(o.Web, editorEntry, "editor.js", false, o.NodeModules, adoptedStyles)
	if err != nil {
		return err
	}
	files["editor.js"] = js
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}
