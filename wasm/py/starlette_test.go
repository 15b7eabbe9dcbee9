package py_test

import (
	"strings"
	"testing"

	_ "looplab/wasm/py/lib"
)

// An app that is made wrongly stops the run with an error at the line
// that makes it.
func TestStarletteAppErrors(t *testing.T) {
	for _, tc := range []struct {
		name, code, want string
	}{
		{"a route that is not a Route", `from starlette.applications import Starlette
from starlette.routing import Route

async def home(request):
    return None

app = Starlette(routes=[Route("/", home), "/about"])
`, "7:7: TypeError: Starlette's routes are Route(path, endpoint), not str"},
		{"an endpoint that is not a function", `from starlette.applications import Starlette
from starlette.routing import Route

app = Starlette(routes=[Route("/", print)])
`, `4:7: TypeError: the endpoint of Route("/", ...) must be a function defined with def or async def`},
		{"a path without its slash", `from starlette.applications import Starlette
from starlette.routing import Route

async def home(request):
    return None

app = Starlette(routes=[Route("home", home)])
`, "ValueError: Routed paths must start with '/'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := serveApp(t, tc.code, "/", 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// A dependency that never reaches its yield answers 500, as FastAPI's
// contextmanager does; one that did gets the endpoint's exception thrown
// in at its yield, as FastAPI's exit stack throws it.
func TestYieldDependencyFailures(t *testing.T) {
	code := `from fastapi import Depends, FastAPI

app = FastAPI()

def never():
    if False:
        yield 1

async def tracked():
    try:
        yield "x"
    except ValueError as e:
        print("saw", e)
        raise
    finally:
        print("left")

@app.get("/never")
async def a(x=Depends(never)):
    return {}

@app.get("/boom")
async def b(x=Depends(tracked)):
    raise ValueError("boom")
`
	for _, tc := range []struct{ path, wantPrint, wantWarn string }{
		{"/never", "", "RuntimeError: generator didn't yield"},
		{"/boom", "saw boom\nleft", "ValueError: boom"},
	} {
		tr, err := serveApp(t, code, tc.path, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.Requests[0].Status; got != 500 {
			t.Errorf("%s: status %d, want 500", tc.path, got)
		}
		var prints, warns []string
		for _, l := range tr.Prints {
			prints = append(prints, l.Text)
		}
		for _, w := range tr.Warnings {
			warns = append(warns, w.Text)
		}
		if strings.Join(prints, "\n") != tc.wantPrint || !strings.Contains(strings.Join(warns, "\n"), tc.wantWarn) {
			t.Errorf("%s: prints %q, warnings %q", tc.path, prints, warns)
		}
	}
}
