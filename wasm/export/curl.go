package export

import (
	"fmt"
	"strings"

	"looplab/wasm/load"
	"looplab/wasm/trace"
)

// maxCurl is the most requests written out as curl commands; a longer
// load is one line per request of noise, and client.py sends it better.
const maxCurl = 20

// serverURL is where the exported app listens (uvicorn's default).
const serverURL = "http://127.0.0.1:8000"

// curlScript is the load as curl commands: each in the background (&), so
// a slow response does not hold back the next send, with sleeps between
// send times and a wait for all at the end. Each prints a line like the
// client's, with curl's own total time.
func curlScript(reqs []load.Request) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n")
	b.WriteString("# The scenario's load as curl commands, for the app already running on port 8000.\n")
	b.WriteString("# Each request runs in the background (&), sleeps space them as the load does,\n")
	b.WriteString("# and wait waits for every response. client.py keeps the timing more precisely.\n")
	var last trace.Time
	for _, r := range reqs {
		if r.At > last {
			fmt.Fprintf(&b, "sleep %s\n", (r.At - last).Text())
			last = r.At
		}
		label := curlFormat(fmt.Sprintf("%7.3f s  %s %s  -> ", r.At.Seconds(), r.Method, r.Path))
		fmt.Fprintf(&b, "curl -s -o /dev/null%s -w %s %s &\n", curlMethod(r.Method),
			shellQuote(label+`%{http_code} in %{time_total} s\n`), shellQuote(serverURL+r.Path))
	}
	b.WriteString("wait\n")
	return b.String()
}

// curlMethod is the option that makes curl send method. HEAD needs --head:
// with -X HEAD curl would wait for a body that never comes.
func curlMethod(method string) string {
	switch method {
	case "GET":
		return ""
	case "HEAD":
		return " --head"
	}
	return " -X " + method
}

// curlFormat escapes text for curl's -w, which reads % and \ itself.
func curlFormat(s string) string {
	return strings.NewReplacer(`%`, `%%`, `\`, `\\`).Replace(s)
}

// shellQuote quotes s for sh: paths may hold & ? ; $ and quotes.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
