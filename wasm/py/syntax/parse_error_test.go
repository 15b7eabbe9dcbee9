package syntax

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		// statements LoopLab does not simulate, with their hints
		{"global", "1:7: expected a name after 'global', found NEWLINE"},
		{"global x,", "1:10: expected a name after 'global', found NEWLINE"},
		{"assert x,", "1:10: expected an expression, found NEWLINE"},
		{"match command:\n    case 1: pass", "1:1: match statements are not simulated"},
		{"match (a, b):\n    case 1: pass", "1:1: match statements are not simulated"},
		{"[x async in a]", "1:10: expected 'for' after 'async', found 'in'"},
		{"try:\n  a\nexcept* A:\n  b\nexcept B:\n  c", "5:1: cannot have both 'except' and 'except*' on the same 'try'"},
		{"try:\n  a\nexcept*:\n  b", "3:8: expected one or more exception types after 'except*'"},
		{"x := 5", "1:1: an assignment expression (:=) standing alone must be in parentheses; write 'x = ...'"},
		{"self.x := 5", "1:8: ':=' assigns to a plain name only, inside an expression; assign on a line of its own here"},
		{"del f()", "1:5: cannot delete a function call"},
		{"class :\n  pass", "1:7: expected a class name after 'class', found ':'"},
		{"class A(:\n  pass", "1:9: expected an expression, found ':'"},
		{"class A\n  pass", "1:8: expected ':' after the class name, found NEWLINE"},
		{"x = 1; class A: pass", "1:8: 'class' must start on a line of its own"},
		{"from . import x", "1:6: relative imports are not simulated; import by module name"},
		{"from x import *", "1:15: 'import *' is not simulated; name the things you import"},
		{"x @= 2", "1:3: '@=' is not simulated; write x = x @ y"},
		{"def f(/, b): pass", "1:7: '/' must follow at least one parameter, before any '*'"},
		{"def f(*, /): pass", "1:10: '/' must follow at least one parameter, before any '*'"},
		{"def f(a, *): pass", "1:10: named arguments must follow bare *"},
		// missing pieces: what was expected and what was found
		{"if x\n    pass", "1:5: expected ':' after the if condition, found NEWLINE"},
		{"if x = 1:\n    pass", "1:6: expected ':' after the if condition, found '='; use '==' to compare"},
		{"if a: pass\nelif b\n  pass", "2:7: expected ':' after the elif condition, found NEWLINE"},
		{"if a: pass\nelse\n  pass", "2:5: expected ':' after 'else', found NEWLINE"},
		{"for x in y\n  pass", "1:11: expected ':' after the for header, found NEWLINE"},
		{"for x y: pass", "1:7: expected 'in' after the for loop variable, found name 'y'"},
		{"for f() in y: pass", "1:5: cannot assign to a function call"},
		{"def f()\n  pass", "1:8: expected ':' after the function signature, found NEWLINE"},
		{"def (): pass", "1:5: expected a function name after 'def', found '('"},
		{"def f(a b): pass", "1:9: expected ',' or ')' after the parameter, found name 'b'"},
		{"def f(1): pass", "1:7: expected a parameter name, found number 1"},
		{"def f(a, a): pass", "1:10: duplicate parameter 'a'"},
		{"def f(a=1, b): pass", "1:12: parameter 'b' without a default follows a parameter with a default"},
		{"def f(**k, a): pass", "1:12: no parameter may follow **k"},
		{"def f(*a, *b): pass", "1:11: only one *args parameter is allowed"},
		{"def f(*a=1): pass", "1:9: *a cannot have a default value"},
		{"def f():\nreturn 1", "2:1: expected an indented block after 'def'"},
		{"def f():\n", "2:1: expected an indented block after 'def'"},
		{"def f():\n    # to do\n", "3:1: expected an indented block after 'def'"},
		{"if x:\npass", "2:1: expected an indented block after 'if'"},
		{"for x in y:\n\nz", "3:1: expected an indented block after 'for'"},
		{"try:\n  a\nexcept:\nb", "4:1: expected an indented block after 'except'"},
		{"  x = 1", "1:3: unexpected indent"},
		{"x = 1\n    y = 2", "2:5: unexpected indent"},
		{"def f():\n    a\n        b", "3:9: unexpected indent"},
		{"if a:\n    b\n  c", "3:3: unindent does not match any outer indentation level"},
		{"x = 'abc", "1:5: unterminated string"},
		{"print(f\"{x}\")\nx = )", "2:5: unmatched ')'"},
		{"x = $", "1:5: invalid character '$'"},
		{"x = 1\nprint(x $ 2)", "2:9: invalid character '$'"},
		{"x = (1 +", "1:5: '(' was never closed"},
		{"x = [1, 2", "1:5: '[' was never closed"},
		{"x = 1 +", "1:8: expected an expression, found NEWLINE"},
		{"x = ", "1:5: expected an expression, found NEWLINE"},
		{"x = 1 2", "1:7: expected NEWLINE or ';' after the statement, found number 2"},
		{"x = 1 '''a\nb'''", "1:7: expected NEWLINE or ';' after the statement, found string '''a..."},
		{"x = 1 'a very long string literal'", "1:7: expected NEWLINE or ';' after the statement, found string 'a very long stri..."},
		{`print "hi"`, `1:7: expected NEWLINE or ';' after the statement, found string "hi"`},
		{"else:\n  pass", "1:1: 'else' must follow an if, for, while or try block at the same indentation"},
		{"while x = 1:\n  pass", "1:9: expected ':' after the while condition, found '='; use '==' to compare"},
		{"while x\n  pass", "1:8: expected ':' after the while condition, found NEWLINE"},
		{"elif x: pass", "1:1: 'elif' must follow an if block at the same indentation"},
		{"except: pass", "1:1: 'except' must follow a try block at the same indentation"},
		{"finally: pass", "1:1: 'finally' must follow a try block at the same indentation"},
		{"if a: for x in y: pass", "1:7: 'for' must start on a line of its own"},
		{"try:\n  pass\n", "3:1: expected 'except' or 'finally' after the try block, found end of file"},
		{"try:\n  pass\nelse:\n  pass", "3:1: 'else' after 'try' needs an 'except' clause before it"},
		{"try:\n  a\nexcept:\n  b\nexcept E:\n  c", "3:1: a bare 'except:' must be the last except clause"},
		{"try:\n  a\nexcept A, B:\n  b", "3:9: catch several exception types with a tuple: except (A, B):"},
		{"async x = 1", "1:7: expected 'def', 'for' or 'with' after 'async', found name 'x'"},
		{"@app.get('/')\nx = 1", "2:1: expected 'def' after the decorator, found name 'x'"},
		{"@app.get('/') def f(): pass", "1:15: expected NEWLINE after the decorator, found 'def'"},
		{"import", "1:7: expected a module name after 'import', found NEWLINE"},
		{"import a.", "1:10: expected a name after '.', found NEWLINE"},
		{"from x import a,", "1:17: expected a name to import, found NEWLINE"},
		{"from x import (a, b", "1:15: '(' was never closed"},
		{"from x import ()", "1:16: expected a name to import, found ')'"},
		{"from x a", "1:8: expected 'import' after the module name, found name 'a'"},
		// expressions
		{"f(a b)", "1:5: expected ',' or ')' after the argument, found name 'b'"},
		{"f(a=1, b)", "1:8: a positional argument cannot follow keyword arguments"},
		{"f(**k, b)", "1:8: a positional argument cannot follow keyword arguments"},
		{"f(**k, *a)", "1:8: *args must come before **kwargs"},
		{"f(a=1, a=2)", "1:8: keyword argument 'a' is repeated"},
		{"f(x for x in y, 1)", "1:2: a generator expression must be in parentheses when it is not the only argument"},
		{"x.1", "1:2: expected NEWLINE or ';' after the statement, found number .1"},
		{"x.if", "1:3: expected an attribute name after '.', found 'if'"},
		{"x[]", "1:3: expected an expression, found ']'"},
		{"x[1 2]", "1:5: expected ']' after the subscript, found number 2"},
		{"[1 2]", "1:4: expected ',' or ']', found number 2"},
		{"{1: 2, 3}", "1:9: expected ':' after the dict key, found '}'"},
		{"(1 2)", "1:4: expected ',' or ')', found number 2"},
		{"a if b", "1:7: expected 'else' in the conditional expression 'a if condition else b', found NEWLINE"},
		{"lambda x y: 1", "1:10: expected ':' after the lambda parameters, found name 'y'"},
		{"*a", "1:1: a starred expression *x can only be used inside a list, tuple or call"},
		{"x = (*a)", "1:6: a starred expression *x can only be used inside a list, tuple or call"},
		{"[*a for a in b]", "1:2: a starred expression *x can only be used inside a list, tuple or call"},
		{"{*a: 1}", "1:2: a starred expression *x can only be used inside a list, tuple or call"},
		{"f() = 1", "1:1: cannot assign to a function call"},
		{"1 = x", "1:1: cannot assign to a literal"},
		{"None = 1", "1:1: cannot assign to None"},
		{"a + b = 1", "1:3: cannot assign to an expression"},
		{"[a, b] = x", "1:1: assign to a tuple rather than a list: write a, b = ... without brackets"},
		{"*a, *b = x", "1:5: only one starred target is allowed in an assignment"},
		{"a, b += 1", "1:1: cannot use += on a tuple"},
		{"f(): int = 1", "1:1: cannot annotate a function call"},
		{"x = 1abc", "1:5: invalid number literal '1abc'"},
		{`x = b"a" "b"`, "1:5: cannot mix bytes and nonbytes literals"},
		{"x = 1" + strings.Repeat("0", 20001), "1:5: integer literal 10000000000000000000… has more than 20,000 digits"},
		{"a not b", "1:3: expected NEWLINE or ';' after the statement, found 'not'"},
		{"await await x", "1:7: expected an expression, found 'await'"},
		{"x = " + nested(300), "1:" + itoa(5+maxDepth) + ": expression nested too deeply"},
		{"x = " + repeat("-", 300) + "1", "1:" + itoa(5+maxDepth-1) + ": expression nested too deeply"},
		{blocks(maxDepth + 1), itoa(maxDepth+2) + ":" + itoa(maxDepth+2) + ": blocks nested too deeply"},
		// f-strings: errors point into the literal
		{`x = f"{x +}"`, "1:11: expected an expression, found '}'"},
		{"y = 1\nprint(f\"total {a b}\")", "2:18: expected '}', found name 'b'"},
		{`f"{}"`, "1:3: empty expression in f-string braces"},
		{`f"{ }"`, "1:3: empty expression in f-string braces"},
		{`f"{x"`, "1:3: '{' in an f-string is never closed; write '{{' for a literal brace"},
		{`f"x}"`, "1:4: single '}' is not allowed in an f-string; write '}}' for a literal brace"},
		{`f"{x!z}"`, "1:5: expected 'r', 's' or 'a' after '!' in an f-string field"},
		{`f"{x!r z}"`, "1:7: expected '}' to close the f-string field"},
		{`f"{x:{width}}"`, "1:6: nested fields in an f-string format spec are not simulated"},
		{`f"{x#}"`, "1:5: '#' is not allowed inside f-string braces"},
		{`print(f"{d["k"]}")`, "1:9: the f-string ends inside its braces; quote strings inside them with '"},
		{`f'{', '.join(xs)}'`, `1:3: the f-string ends inside its braces; quote strings inside them with "`},
		{`f"{lambda x: 1}"`, "1:4: a lambda inside f-string braces needs parentheses: {(lambda: ...)()}"},
		{`f"{x)}"`, "1:5: unmatched ')'"},
		{`f"é{'\x4'}"`, `1:6: truncated \x escape: expected 2 hex digits`},
		{`f"\x4{a}"`, `1:3: truncated \x escape: expected 2 hex digits`},
		{"f'''\n  {a +\n  }'''", "3:3: expected an expression, found '}'"},
		{`f"{f'{x +}'}"`, "1:10: expected an expression, found '}'"},
	} {
		if got := parseDump(tc.src); got != "error: "+tc.want {
			t.Errorf("parse %q\n got %s\nwant error: %s", short(tc.src), got, tc.want)
		}
	}
}

// blocks returns n if statements, each nested in the one before.
func blocks(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(repeat(" ", i) + "if x:\n")
	}
	return b.String() + repeat(" ", n) + "pass\n"
}

// short abbreviates long generated sources in failure messages.
func short(src string) string {
	if len(src) > 80 {
		return src[:40] + "..." + src[len(src)-40:]
	}
	return src
}

func nested(n int) string { return repeat("(", n) + "1" + repeat(")", n) }

func repeat(s string, n int) string { return strings.Repeat(s, n) }

func itoa(n int) string { return strconv.Itoa(n) }
