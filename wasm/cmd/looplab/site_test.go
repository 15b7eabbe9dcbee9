package main

import (
	"io"
	"net"
	"testing"
)

// TestServeListensOnLoopbackByDefault: without --addr, serve offers the
// site to this machine only.
func TestServeListensOnLoopbackByDefault(t *testing.T) {
	fs, _, addr := serveFlags(io.Discard)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if *addr != defaultAddr || fs.Lookup("addr").DefValue != defaultAddr {
		t.Errorf("--addr defaults to %q (flag default %q), want %q", *addr, fs.Lookup("addr").DefValue, defaultAddr)
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		t.Fatal(err)
	}
	// A literal address: a name such as localhost could resolve to
	// another, and "" or 0.0.0.0 would listen on every interface.
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		t.Errorf("default host %q is not a literal loopback address", host)
	}
	if port != "8080" {
		t.Errorf("default port %s, want 8080", port)
	}
}
