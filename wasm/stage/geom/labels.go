package geom

import (
	"strings"
	"unicode/utf8"

	"looplab/wasm/trace"
)

// runes counts s's characters: the font is monospaced, so that is its
// width in advances.
func runes(s string) int { return utf8.RuneCountInString(s) }

// fit shortens s to n characters with an ellipsis at the end.
func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return string(r[:n-1]) + "…"
}

// fitMiddle shortens s to n characters by cutting its middle, keeping
// tail characters of its end: lane names differ at both ends ("GET
// /polite #1", "Task-3 fetch('B')"), so the end is worth keeping.
func fitMiddle(s string, n, tail int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 2 {
		return ""
	}
	tail = min(tail, n-2)
	head := n - 1 - tail
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// laneLabels fits every name into its room (in characters) so that
// names that differ stay different. A name is cut at its end ("event loop
// (ma…") unless that leaves it looking like another once their numbers
// are set aside ("Task-2 to_thr…", "Task-3 to_thr…"): those are cut in the
// middle instead, keeping half the room for the end, where "('A', 1)" and
// "#41" are; labels that still collide keep more of their end.
func laneLabels(names []string, rooms []int) []string {
	out := make([]string, len(names))
	alike := map[string]int{}
	short := make([]string, len(names))
	for i, name := range names {
		short[i] = shorter(name, rooms[i])
		out[i] = fit(short[i], rooms[i])
		// A group's count is what it says first: "GET /e…rt ×40".
		if _, n, ok := strings.Cut(short[i], " ×"); ok && out[i] != short[i] {
			out[i] = fitMiddle(short[i], rooms[i], runes(n)+5)
		}
		alike[digitless(out[i])]++
		alike["\x00"+digitless(name)]++
	}
	for i := range names {
		cut := out[i] != short[i]
		if cut && (alike[digitless(out[i])] > 1 || alike["\x00"+digitless(names[i])] > 1) {
			out[i] = fitMiddle(short[i], rooms[i], rooms[i]/2)
		}
	}
	for _, share := range []int{3, 4} {
		clash := clashes(out, names)
		if len(clash) == 0 {
			break
		}
		for _, i := range clash {
			out[i] = fitMiddle(names[i], rooms[i], rooms[i]*share/4)
		}
	}
	// Names that differ only in their middle ("GET /a #1 › Task-2 f(…)",
	// "GET /a #1 › Task-3 f(…)") start where they begin to differ.
	if clash := clashes(out, names); len(clash) > 0 {
		byLabel := map[string][]int{}
		for _, i := range clash {
			byLabel[out[i]] = append(byLabel[out[i]], i)
		}
		for _, same := range byLabel {
			from := wordStart(names[same[0]], commonPrefix(names, same))
			for _, i := range same {
				r := []rune(names[i])
				if k := len([]rune(names[i][:from])); k > 0 {
					out[i] = "…" + fit(string(r[k:]), rooms[i]-1)
				}
			}
		}
	}
	return out
}

// commonPrefix is the length in bytes of the start the names at idx share.
func commonPrefix(names []string, idx []int) int {
	p := names[idx[0]]
	for _, i := range idx[1:] {
		n := 0
		for n < len(p) && n < len(names[i]) && p[n] == names[i][n] {
			n++
		}
		p = p[:n]
	}
	return len(p)
}

// wordStart backs up from byte i of s to the start of its word.
func wordStart(s string, i int) int {
	for i > 0 && s[i-1] != ' ' {
		i--
	}
	return i
}

// shorter is name in a form that fits room where one does: a task a
// request started is named by the task alone ("› Task-2 check(…)"), a
// request without its method ("/export ×40"), a pool's threads by their
// kind ("threads ×40").
func shorter(name string, room int) string {
	if runes(name) <= room {
		return name
	}
	if i := strings.LastIndex(name, " › "); i >= 0 {
		name = "›" + name[i+len(" ›"):]
	}
	if sp := strings.IndexByte(name, ' '); sp > 0 && isMethod(name[:sp]) && strings.HasPrefix(name[sp+1:], "/") {
		name = name[sp+1:]
	}
	if base, n, ok := strings.Cut(name, " ×"); ok && runes(name) > room && strings.HasSuffix(base, "thread") {
		name = "threads ×" + n
	}
	return name
}

// isMethod reports whether s is an HTTP method, as request lanes begin.
func isMethod(s string) bool {
	switch s {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// clashes lists the labels equal to another whose name differs.
func clashes(labels, names []string) []int {
	seen := make(map[string]int, len(labels))
	var out []int
	for i, l := range labels {
		if j, ok := seen[l]; ok {
			if names[i] != names[j] {
				out = append(out, i)
				if !containsInt(out, j) {
					out = append(out, j)
				}
			}
			continue
		}
		seen[l] = i
	}
	return out
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// machinery are the simulator's labels for its own work, and what a bar
// can say of them, longest first.
var machinery = map[string][]string{
	"ready, waiting for the event loop":   {"ready, waits for the loop", "ready"},
	"waiting for a threadpool token":      {"token wait", "token"},
	"waiting for the server to accept it": {"not accepted yet", "queued"},
	"parsing and routing the request":     {"parse + route", "parse"},
	"running on the event loop":           {"runs"},
	"running in a worker thread":          {"in a thread"},
}

// stateWords say what an unlabelled span does.
var stateWords = map[trace.State][]string{
	trace.Run: {"runs"}, trace.Await: {"awaits"}, trace.IO: {"network"}, trace.Ready: {"ready"},
	trace.Blocked: {"blocked"}, trace.GILWait: {"GIL wait"}, trace.Token: {"token wait"}, trace.Queued: {"queued"},
	trace.Thread: {"in a thread"}, trace.Process: {"in a process"}, trace.Respond: {"answered"},
}

// barTexts lists what a span's bar can say, longest first: a call as
// written, then without its module, then without its arguments
// ("await asyncio.sleep(4)": "asyncio.sleep(4)", "sleep(4)", "sleep(…)").
func barTexts(label string, st trace.State) []string {
	if label == "" {
		return stateWords[st]
	}
	if words, ok := machinery[label]; ok {
		return words
	}
	if strings.HasPrefix(label, "waiting for a free worker") {
		return []string{"waits for a worker", "worker wait"}
	}
	if k, n, ok := strings.Cut(label, " of "); ok && strings.HasSuffix(n, " cores busy") {
		return []string{k + " of " + strings.TrimSuffix(n, " busy"), k + "/" + strings.TrimSuffix(n, " cores busy")}
	}
	if strings.HasPrefix(label, "waiting for the GIL") {
		return []string{"GIL wait"}
	}
	if what, ok := strings.CutPrefix(label, "waiting for the "); ok {
		return []string{what + " wait"}
	}
	// "time.sleep(2) in threadpool thread 3": the thread has its own lane.
	s := strings.TrimPrefix(label, "await ")
	if call, _, ok := strings.Cut(s, ") in "); ok {
		s = call + ")"
	}
	s = withoutHosts(s)
	out := []string{s}
	open := strings.IndexByte(s, '(')
	if open <= 0 || !strings.HasSuffix(s, ")") {
		return out
	}
	name, args := s[:open], s[open:]
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 && !strings.Contains(name[:dot], " ") {
		short := name[dot+1:]
		// A method keeps its object ("queue.get()", "client.get(…)");
		// a module's function drops it ("asyncio.sleep(4)": "sleep(4)").
		if isModule(name[:dot]) {
			out = append(out, short+args)
			name = short
		}
	}
	if args != "()" {
		out = append(out, name+"(…)")
	}
	return out
}

// withoutHosts drops the scheme and host of the URLs in a call:
// "requests.get('http://upstream/delay/4')" says "requests.get('/delay/4')".
func withoutHosts(s string) string {
	for _, scheme := range []string{"'http://", "'https://", "\"http://", "\"https://"} {
		for {
			i := strings.Index(s, scheme)
			if i < 0 {
				break
			}
			rest := s[i+len(scheme):]
			slash := strings.IndexAny(rest, "/'\"")
			if slash < 0 || rest[slash] != '/' {
				break
			}
			s = s[:i+1] + rest[slash:]
		}
	}
	return s
}

// isModule reports whether a dotted prefix is one of the modules whose
// functions a learner calls by their module's name.
func isModule(prefix string) bool {
	switch prefix {
	case "asyncio", "anyio":
		return true
	}
	return false
}

// pickText is the first of texts that fits in n characters, or the last
// shortened to fit when at least eight do (a shorter stub, "sle…", says
// nothing), or "".
func pickText(texts []string, n int) string {
	for _, s := range texts {
		if runes(s) <= n {
			return s
		}
	}
	if n >= 8 && len(texts) > 0 {
		return fit(texts[len(texts)-1], n)
	}
	return ""
}
