package scenario

import (
	"slices"
	"strconv"
	"strings"

	"looplab/wasm/py/syntax"
)

// LegacyIDs maps the ids that links made before numbers had readable
// names ("sleep2", "handle_order4") to the offset, in UTF-16 code units,
// of the number each one named in code, so that an old link still sets
// the number it meant. The ids are worked out exactly as they were then:
// a number's callee, keyword, first string argument or module-level name,
// with a counter for the second one of a name. It returns nil when the
// code does not parse.
func LegacyIDs(code string) map[string]int {
	m, err := syntax.Parse([]byte(code))
	if err != nil {
		return nil
	}
	type legacy struct {
		id    string
		start int
	}
	var out []legacy
	used := map[string]int{}
	add := func(n *syntax.Num, name string) {
		used[name]++
		id := name
		if k := used[name]; k > 1 {
			id += strconv.Itoa(k)
		}
		out = append(out, legacy{id, utf16Len(code[:n.Pos.Offset])})
	}
	for _, st := range m.Body {
		if a, ok := st.(*syntax.Assign); ok && len(a.Targets) == 1 {
			if name, ok := a.Targets[0].(*syntax.Name); ok {
				if n, ok := a.Value.(*syntax.Num); ok {
					add(n, strings.ToLower(name.ID))
				}
			}
		}
		// The counter follows the order Inspect meets calls in (a call
		// before the calls in its arguments), not source order: that is
		// how the ids were numbered.
		syntax.Inspect(st, func(node syntax.Node) bool {
			call, ok := node.(*syntax.Call)
			if !ok {
				return true
			}
			callee := calleeName(call.Func)
			label := legacyLabel(call)
			for _, arg := range call.Args {
				n, ok := arg.Value.(*syntax.Num)
				if !ok || arg.Star || arg.DoubleStar || legacyNotScrubbable[callee] || legacyNotScrubbable[arg.Name] {
					continue
				}
				switch {
				case arg.Name != "":
					add(n, arg.Name)
				case label != "":
					add(n, label)
				case callee != "":
					add(n, strings.ToLower(callee))
				}
			}
			return true
		})
	}
	slices.SortStableFunc(out, func(a, b legacy) int { return a.start - b.start })
	ids := make(map[string]int, len(out))
	for _, l := range out {
		ids[l.id] = l.start
	}
	return ids
}

// legacyNotScrubbable is the list of calls and keywords whose numbers had
// no id then.
var legacyNotScrubbable = map[string]bool{
	"print": true, "round": true, "int": true, "float": true, "str": true, "len": true,
	"max": true, "min": true, "abs": true,
	"HTTPException": true, "status_code": true,
}

// legacyLabel is the id a call's first argument gave its numbers when it
// was a string: "ci_queue" for wait("CI queue", 3).
func legacyLabel(call *syntax.Call) string {
	if len(call.Args) == 0 || call.Args[0].Name != "" {
		return ""
	}
	s, ok := call.Args[0].Value.(*syntax.Str)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s.Value) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
