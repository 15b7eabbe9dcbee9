package py

import (
	"fmt"
	"path"
	"strings"

	"looplab/wasm/sim"
	"looplab/wasm/trace"
)

// Files live in memory, one file system per run, starting empty: a
// program reads what it wrote. open() and each read() or write() is a
// blocking call that takes the file latency setting (1 ms unless set),
// with the GIL released, so reading a file in async code stalls the loop
// as it does in CPython; iterating over lines reads from what open()
// buffered and costs nothing more. A file opened with "b" in its mode
// reads and writes bytes.

// fileLatency is the default time one file operation blocks.
const fileLatency = trace.Millisecond

var (
	excFileNotFound = &ExcType{Name: "FileNotFoundError", Parent: excOS}
	excFileExists   = &ExcType{Name: "FileExistsError", Parent: excOS}
	excIsADirectory = &ExcType{Name: "IsADirectoryError", Parent: excOS}
	excUnsupported  = &ExcType{Name: "UnsupportedOperation", Parent: excOS}
)

func init() {
	for _, e := range []*ExcType{excFileNotFound, excFileExists, excIsADirectory} {
		builtins[e.Name] = e
	}
	builtins["open"] = &Builtin{Name: "open", Fn: builtinOpen}
}

// fileVal is an open text file.
type fileVal struct {
	path   string
	mode   string
	binary bool
	text   *string // the file's contents, shared by every open file of that path
	pos    int
	closed bool
}

func (r *Run) fileSystem() map[string]*string {
	if r.files == nil {
		r.files = map[string]*string{}
	}
	return r.files
}

// absPath is where a path points, relative paths from /app (the
// directory __file__ is in).
func absPath(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/app/" + p
	}
	return path.Clean(p)
}

func (r *Run) fileLatency() sim.Time {
	if r.settings.FileLatency > 0 {
		return r.settings.FileLatency
	}
	return fileLatency
}

// blockFor returns v after a blocking file operation labelled label.
func blockFor(c *call, v Value, label string) (Value, sim.Effect, *Exception) {
	d := c.f.run.fileLatency()
	if d <= 0 {
		return v, nil, nil
	}
	c.f.convert = func(Value) Value { return v }
	return nil, sim.Block{D: d, Label: label}, nil
}

func builtinOpen(c *call) (Value, sim.Effect, *Exception) {
	pv, _ := c.arg(0, "file")
	p, ok := pv.(string)
	if !ok {
		return nil, nil, c.errorf("open() needs a path as a str, not %s", typeName(pv))
	}
	mode := "r"
	if mv, ok := c.arg(1, "mode"); ok {
		if mode, ok = mv.(string); !ok {
			return nil, nil, c.errorf("open() argument 'mode' must be str, not %s", typeName(mv))
		}
	}
	binary := strings.Contains(mode, "b")
	if binary && strings.Contains(mode, "t") {
		return nil, nil, newExc(excValue, "can't have text and binary mode at once")
	}
	fs := c.f.run.fileSystem()
	abs := absPath(p)
	text, exists := fs[abs]
	switch strings.Trim(mode, "tb+") {
	case "r":
		if !exists {
			return nil, nil, &Exception{Type: excFileNotFound, Args: []Value{"[Errno 2] No such file or directory: " + quote(p)}}
		}
	case "w":
		s := ""
		text = &s
		fs[abs] = text
	case "a":
		if !exists {
			s := ""
			text = &s
			fs[abs] = text
		}
	case "x":
		if exists {
			return nil, nil, &Exception{Type: excFileExists, Args: []Value{fmt.Sprintf("[Errno 17] File exists: %s", quote(p))}}
		}
		s := ""
		text = &s
		fs[abs] = text
	default:
		return nil, nil, newExc(excValue, "invalid mode: '"+mode+"'")
	}
	f := &fileVal{path: p, mode: mode, text: text, binary: binary}
	if strings.HasPrefix(mode, "a") {
		f.pos = len(*text)
	}
	return blockFor(c, f, "open("+quote(p)+")")
}

func (f *fileVal) TypeName() string {
	switch {
	case !f.binary:
		return "TextIOWrapper"
	case strings.Contains(f.mode, "+"):
		return "BufferedRandom"
	case f.readable():
		return "BufferedReader"
	}
	return "BufferedWriter"
}

func (f *fileVal) String() string {
	if f.binary {
		return fmt.Sprintf("<_io.%s name=%s>", f.TypeName(), quote(f.path))
	}
	return fmt.Sprintf("<_io.TextIOWrapper name=%s mode=%s encoding='UTF-8'>", quote(f.path), quote(f.mode))
}

// out is what a read gives: bytes from a binary file, else str.
func (f *fileVal) out(s string) Value {
	if f.binary {
		return Bytes(s)
	}
	return s
}

// in is what a write takes: bytes for a binary file, else str.
func (f *fileVal) in(c *call, v Value) (string, *Exception) {
	if f.binary {
		if b, ok := v.(Bytes); ok {
			return string(b), nil
		}
		return "", c.errorf("a bytes-like object is required, not '%s'", typeName(v))
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	return "", c.errorf("write() argument must be str, not %s", typeName(v))
}

func (f *fileVal) readable() bool {
	return strings.Contains(f.mode, "r") || strings.Contains(f.mode, "+")
}
func (f *fileVal) writable() bool {
	return !strings.HasPrefix(f.mode, "r") || strings.Contains(f.mode, "+")
}

func (f *fileVal) check(c *call, read bool) *Exception {
	if f.closed {
		return newExc(excValue, "I/O operation on closed file.")
	}
	if read && !f.readable() {
		return &Exception{Type: excUnsupported, Args: []Value{"not readable"}}
	}
	if !read && !f.writable() {
		return &Exception{Type: excUnsupported, Args: []Value{"not writable"}}
	}
	return nil
}

func (f *fileVal) Attr(name string) (Value, bool) {
	label := func(op string) string { return "file." + op + "() of " + quote(f.path) }
	switch name {
	case "name":
		return f.path, true
	case "mode":
		return f.mode, true
	case "closed":
		return f.closed, true
	case "read":
		return method(f, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if exc := f.check(c, true); exc != nil {
				return nil, nil, exc
			}
			rest := (*f.text)[f.pos:]
			if nv, ok := c.arg(0, "size"); ok && nv != nil {
				if n, ok := nv.(int64); ok && n >= 0 && int(n) < len(rest) {
					rest = rest[:n]
				}
			}
			f.pos += len(rest)
			return blockFor(c, f.out(rest), label("read"))
		}), true
	case "readline":
		return method(f, name, pure(func(c *call, _ Value) (Value, *Exception) {
			if exc := f.check(c, true); exc != nil {
				return nil, exc
			}
			return f.out(f.nextLine()), nil
		})), true
	case "readlines":
		return method(f, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if exc := f.check(c, true); exc != nil {
				return nil, nil, exc
			}
			out := &List{}
			for line := f.nextLine(); line != ""; line = f.nextLine() {
				out.Items = append(out.Items, f.out(line))
			}
			return blockFor(c, out, label("readlines"))
		}), true
	case "write":
		return method(f, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if exc := f.check(c, false); exc != nil {
				return nil, nil, exc
			}
			if len(c.args) != 1 {
				return nil, nil, c.errorf("write() takes exactly one argument (%d given)", len(c.args))
			}
			s, exc := f.in(c, c.args[0])
			if exc != nil {
				return nil, nil, exc
			}
			if exc := checkString(len(*f.text) + len(s)); exc != nil {
				return nil, nil, exc
			}
			t := *f.text
			if f.pos > len(t) {
				f.pos = len(t)
			}
			end := min(len(t), f.pos+len(s))
			*f.text = t[:f.pos] + s + t[end:]
			f.pos += len(s)
			n := int64(len([]rune(s)))
			if f.binary {
				n = int64(len(s))
			}
			return blockFor(c, n, label("write"))
		}), true
	case "writelines":
		return method(f, name, func(c *call, _ Value) (Value, sim.Effect, *Exception) {
			if exc := f.check(c, false); exc != nil {
				return nil, nil, exc
			}
			items, exc := iterate(c.args[0])
			if exc != nil {
				return nil, nil, exc
			}
			for _, it := range items {
				s, exc := f.in(c, it)
				if exc != nil {
					return nil, nil, exc
				}
				*f.text += s
			}
			f.pos = len(*f.text)
			return blockFor(c, nil, label("writelines"))
		}), true
	case "close":
		return method(f, name, pure(func(c *call, _ Value) (Value, *Exception) {
			f.closed = true
			return nil, nil
		})), true
	case "flush":
		return method(f, name, pure(func(c *call, _ Value) (Value, *Exception) { return nil, nil })), true
	}
	return nil, false
}

// nextLine reads up to and including the next newline ("" at the end).
func (f *fileVal) nextLine() string {
	t := *f.text
	if f.pos >= len(t) {
		return ""
	}
	end := strings.IndexByte(t[f.pos:], '\n')
	if end < 0 {
		end = len(t)
	} else {
		end += f.pos + 1
	}
	line := t[f.pos:end]
	f.pos = end
	return line
}

// next makes an open file iterable over its lines.
func (f *fileVal) next() (Value, bool) {
	if f.closed {
		return nil, false
	}
	line := f.nextLine()
	return f.out(line), line != ""
}

func (f *fileVal) enter(fb *Fiber, async bool) (Value, sim.Effect, *Exception) {
	if async {
		return nil, nil, newExc(excType, "'_io."+f.TypeName()+"' object does not support the asynchronous context manager protocol")
	}
	return f, nil, nil
}

func (f *fileVal) exit(fb *Fiber, async bool) *Exception {
	f.closed = true
	return nil
}
