// A tiny event bus, so the modules that draw the page need not know who
// changes it: "run" after every simulation (good or not), "playhead" when
// the playhead moves, "theme" when the theme changes, "scenario" when
// another scenario comes on the stage.
const handlers = new Map();

export function on(name, fn) {
  if (!handlers.has(name)) handlers.set(name, []);
  handlers.get(name).push(fn);
}

export function emit(name, ...args) {
  for (const fn of handlers.get(name) || []) fn(...args);
}
