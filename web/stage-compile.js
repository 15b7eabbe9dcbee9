// Compiles the simulator's wasm off the page's main thread: a worker
// streams and compiles it, and hands the compiled module back to the
// stage frame, which only instantiates it. Compiled on the main thread,
// the 18 MB module held it for most of a second on a laptop.
"use strict";
self.onmessage = async (e) => {
  try {
    const module = await WebAssembly.compileStreaming(fetch(e.data));
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
