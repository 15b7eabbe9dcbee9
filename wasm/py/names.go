package py

import (
	"strings"
	"unicode/utf8"
)

// How a task's lane names the call that made its coroutine: as the code
// wrote it, job('B') or fetch(3), not <coroutine object job>. Lane names
// must stay short enough to read beside the timeline: each argument's
// repr is cut at argChars, and arguments that would make the call longer
// than callChars give way to "…", so that "Task-12 " and the call stay
// under about 36 characters.
const (
	argChars  = 12
	callChars = 28
)

// coroutineCall is "fetch(3)" for the coroutine fetch(3) made: its
// parameters' values in order, without trailing ones left at their
// defaults (unless *args follow), then *args and **kwargs.
func coroutineCall(co *Coroutine) string {
	if co.call != "" {
		return co.call
	}
	code := co.Fn.Code
	locals := co.Frame.locals
	var rest []Value
	if i := code.VarArgs; i >= 0 && i < len(locals) {
		if t, ok := locals[i].(*Tuple); ok {
			rest = t.Items
		}
	}
	n := min(code.NumParams, len(locals))
	first := code.NumParams - len(co.Fn.Defaults)
	for len(rest) == 0 && n > 0 && n-1 >= first && shortRepr(locals[n-1]) == shortRepr(co.Fn.Defaults[n-1-first]) {
		n--
	}
	args := make([]string, 0, n+len(rest))
	for i, v := range locals[:n] {
		if c, ok := v.(*cell); ok {
			v = c.v
		}
		if i == 0 && code.Params[0] == "self" {
			continue // a method: the call reads obj.fetch(3), not fetch(obj, 3)
		}
		args = append(args, shortRepr(v))
	}
	for _, v := range rest {
		args = append(args, shortRepr(v))
	}
	if i := code.KwArgs; i >= 0 && i < len(locals) {
		if d, ok := locals[i].(*Dict); ok {
			for j, k := range d.Keys {
				args = append(args, str(k)+"="+shortRepr(d.Values[j]))
			}
		}
	}
	return callText(code.Name, args)
}

// callText is name(args...), with the arguments that do not fit in
// callChars replaced by "…".
func callText(name string, args []string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	size := utf8.RuneCountInString(name) + len("()")
	for i, a := range args {
		sep := ""
		if i > 0 {
			sep = ", "
		}
		size += len(sep) + utf8.RuneCountInString(a)
		room := size // with ", …" after it when more follow
		if i < len(args)-1 {
			room += utf8.RuneCountInString(", …")
		}
		if i > 0 && room > callChars {
			b.WriteString(", …")
			break
		}
		b.WriteString(sep)
		b.WriteString(a)
	}
	b.WriteByte(')')
	return b.String()
}

// passedCall is "to_thread(crunch, 'A', 1)" for a function that calls
// fn(*args) for the code, as the code wrote the call.
func passedCall(name string, fn Value, args []Value) string {
	parts := make([]string, 0, len(args)+1)
	parts = append(parts, callableName(fn))
	for _, a := range args {
		parts = append(parts, shortRepr(a))
	}
	return callText(name, parts)
}

// shortRepr is repr(v) cut to argChars characters, the last of them "…"
// when it was cut. It never writes a long value whole. An object whose
// repr says nothing a learner wrote (<AsyncClient object at 0x…>) is
// its type in angle brackets.
func shortRepr(v Value) string {
	if s, ok := v.(string); ok {
		v = withoutHost(s)
	}
	if s, ok := v.(string); ok && len(s) > argChars {
		v = s[:cutRunes(s, argChars)]
	}
	if cls := classOf(v); cls != nil {
		if _, own := cls.defines("__repr__"); own {
			return "<" + cls.Name + ">" // a lane's name never runs the program's code
		}
	}
	w := reprWriter{limit: 4 * argChars}
	w.write(v)
	out, most := w.String(), argChars
	if strings.HasPrefix(out, "<") {
		if t := "<" + typeName(v) + ">"; len(t) < len(out) {
			out = t
		}
		most += 4 // <AsyncClient> whole
	}
	if utf8.RuneCountInString(out) <= most {
		return out
	}
	return out[:cutRunes(out, most-1)] + "…"
}

// withoutHost drops a URL's scheme and host, as the stage does on its
// bars: of 'http://upstream/delay/1' a lane says '/delay/1', which is
// what tells four calls to one service apart.
func withoutHost(s string) string {
	for _, scheme := range []string{"http://", "https://"} {
		if rest, ok := strings.CutPrefix(s, scheme); ok {
			if i := strings.IndexByte(rest, '/'); i > 0 {
				return rest[i:]
			}
		}
	}
	return s
}

// cutRunes is the byte length of s's first n runes (all of s if shorter).
func cutRunes(s string, n int) int {
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}
