// Package workload is the heavy run the performance and soak scripts play
// and the playground's number-change benchmark simulates: a FastAPI app
// with an async and a sync endpoint, and its loads. The files are read by
// that benchmark too, so every measurement runs the same program.
package workload

import _ "embed"

// App has an async endpoint that sleeps half a second and a def endpoint
// that sleeps 0.2 s in the threadpool.
//
//go:embed busy_api.py
var App string

// ThousandLoad sends App 1,000 requests over ten seconds.
//
//go:embed thousand.load
var ThousandLoad string

// TenThousandLoad sends App 10,000 requests over five seconds.
//
//go:embed ten_thousand.load
var TenThousandLoad string
