package export

import _ "embed"

// The exported files' names. Fixed names let the run commands and the
// README refer to them, and let an upstream or helper import them.
const (
	cpuFile      = "looplab_cpu.py"
	upstreamFile = "upstream.py"
	clientFile   = "client.py"
	curlFile     = "curl.sh"
	readmeFile   = "README.md"
)

// The Python that every export shares is kept as real .py files, so it can
// be read and checked as Python rather than as Go string literals.
var (
	//go:embed python/looplab_cpu.py
	cpuHelper string
	//go:embed python/upstream.py
	upstreamServer string
	//go:embed python/client.py
	clientTemplate string
)
