package site

import (
	"bytes"
	"html/template"
	"strings"

	"looplab/wasm/py/support"
)

// runsPage is "What LoopLab runs" (runs.html), written from the table
// make check-cpython reports against (wasm/py/support), so that the page
// claims only what is checked. The playground links to it from every
// "not simulated" error.
var runsPage = template.Must(template.New("runs").Funcs(template.FuncMap{
	"anchor": anchor,
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="description" content="What LoopLab simulates of Python 3.11, asyncio, threads, AnyIO, FastAPI and the standard library, how, and what it does not.">
<title>What LoopLab runs</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<script src="theme.js"></script>
<link rel="stylesheet" href="style.css">
</head>
<body class="runs-page">
<header class="top">
  <a class="brand" href="index.html">Loop<b>Lab</b></a>
  <a class="runs-back" href="index.html">← Back to the lessons</a>
</header>
<main class="lesson runs">
<h1>What LoopLab runs</h1>
<p>LoopLab runs most of Python 3.11 and the libraries below on a simulated machine: a virtual clock,
event loops, threads that share a GIL, processes with cores of their own, and uvicorn serving your app.
Nothing reads the real clock or the network, so the same program gives the same run every time.</p>
<p>Every simulated row names the programs that check it against real CPython 3.11: a script must print
the same lines at the same moments, and an app must answer in the same times when uvicorn serves it.
Something that is not simulated stops the run with an error at the line that uses it, and the playground
keeps the last run that worked.</p>
<nav id="areas" aria-label="Areas"><ul class="runs-toc">
{{- range .}}<li><a href="#{{anchor .Name}}">{{.Name}}</a></li>{{end}}
<li><a href="#not-simulated">Not simulated</a></li>
</ul></nav>
{{range .}}
<section id="{{anchor .Name}}" aria-labelledby="{{anchor .Name}}-title">
<h2 id="{{anchor .Name}}-title">{{.Name}}</h2>
<p class="runs-up"><a href="#areas">↑ All areas</a></p>
<table class="runs-table">
<thead><tr><th scope="col">What</th><th scope="col">How it is simulated</th><th scope="col">Checked against CPython by</th></tr></thead>
<tbody>
{{- range .Rows}}{{if .Simulated}}
<tr><th scope="row">{{.What}}</th><td data-label="How">{{.How}}</td><td data-label="Checked against CPython by">{{if .Programs}}{{range $i, $p := .Programs}}{{if $i}}, {{end}}<code>{{$p.Name}}</code>{{end}}{{else}}not compared{{end}}</td></tr>
{{- end}}{{end}}
</tbody>
</table>
</section>
{{end}}
<section id="not-simulated" aria-labelledby="not-simulated-title">
<h2 id="not-simulated-title">Not simulated</h2>
<p class="runs-up"><a href="#areas">↑ All areas</a></p>
<table class="runs-table">
<thead><tr><th scope="col">What</th><th scope="col">What happens</th></tr></thead>
<tbody>
{{- range .}}{{range .Rows}}{{if not .Simulated}}
<tr><th scope="row">{{.What}}</th><td data-label="What happens">{{.How}}</td></tr>
{{- end}}{{end}}{{end}}
</tbody>
</table>
</section>
<p class="runs-note">The programs named are part of LoopLab's source, each kept with what real CPython 3.11
printed for it (scripts) or the times uvicorn answered in (apps), and they run again whenever LoopLab changes.</p>
</main>
</body>
</html>
`))

// anchor is an area's id: "FastAPI, Starlette and uvicorn" is
// "fastapi-starlette-and-uvicorn".
func anchor(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

func renderRuns() ([]byte, error) {
	areas, err := support.Table()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = runsPage.Execute(&b, areas)
	return b.Bytes(), err
}
