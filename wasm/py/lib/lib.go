// Package lib links every simulated library into the interpreter. The
// language (wasm/py) imports no library; a library is a folder here:
// Go files make a package that registers its module (lib/random), Python
// files are run by the interpreter when a program first uses one of
// their names (lib/asyncio/queues.py), and a folder may hold both.
// Whatever runs programs imports this package for its effect.
package lib

import (
	_ "looplab/wasm/py/lib/abc"
	_ "looplab/wasm/py/lib/anyio"
	_ "looplab/wasm/py/lib/asyncpg"
	_ "looplab/wasm/py/lib/concurrent.futures"
	_ "looplab/wasm/py/lib/datetime"
	_ "looplab/wasm/py/lib/httpx"
	_ "looplab/wasm/py/lib/json"
	_ "looplab/wasm/py/lib/logging"
	_ "looplab/wasm/py/lib/math"
	_ "looplab/wasm/py/lib/multiprocessing"
	_ "looplab/wasm/py/lib/os"
	_ "looplab/wasm/py/lib/queue"
	_ "looplab/wasm/py/lib/random"
	_ "looplab/wasm/py/lib/requests"
	_ "looplab/wasm/py/lib/starlette.concurrency"
	_ "looplab/wasm/py/lib/sys"
	_ "looplab/wasm/py/lib/threading"
	_ "looplab/wasm/py/lib/time"
	_ "looplab/wasm/py/lib/typing"
	_ "looplab/wasm/py/lib/uuid"
	_ "looplab/wasm/py/lib/uvicorn"
	_ "looplab/wasm/py/lib/warnings"
)
