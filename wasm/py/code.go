package py

import "looplab/wasm/py/syntax"

// Op is a bytecode operation.
type Op uint8

// The operations. Comments give the stack effect.
const (
	opNop              Op = iota
	opConst               // → consts[A]
	opLoadLocal           // → locals[A]
	opStoreLocal          // x →
	opLoadGlobal          // → globals[A]
	opStoreGlobal         // x →
	opLoadAttr            // x → x.names[A]
	opStoreAttr           // v x →   (x.names[A] = v)
	opSubscr              // x i → x[i]
	opStoreSubscr         // v x i →
	opBinary              // x y → x op y   (A: index in binaryOps)
	opUnary               // x → op x        (A: index in unaryOps)
	opCompare             // x y → bool      (A: index in compareOps)
	opJump                // pc = A
	opPopJumpIfFalse      // x →
	opPopJumpIfTrue       // x →
	opJumpIfFalseOrPop    // x → x | (popped)
	opJumpIfTrueOrPop     // x → x | (popped)
	opBuildList           // A items → list
	opBuildTuple          // A items → tuple
	opBuildSet            // A items → set (B=1: built as CPython builds a display of constants)
	opBuildDict           // 2A items → dict
	opListAppend          // x →   (locals[A].append(x))
	opDictSetItem         // k v → (locals[A][k] = v)
	opSetAdd              // x →   (locals[A].add(x))
	opListExtend          // list it → list
	opDictUpdate          // dict m → dict
	opBuildString         // A parts → str
	opFormat              // x → format(x, consts[A]) with conversion B
	opCall                // fn args... kwvalues... → result (A positional, B kwnames const or -1)
	opCallEx              // fn list dict → result
	opMakeFunction        // defaults... → function (A code const, B defaults)
	opAwait               // x → result
	opReturn              // x →
	opPop                 // x → (A=1: an expression statement drops x)
	opDup                 // x → x x
	opRot2                // x y → y x
	opGetIter             // x → iterator
	opForIter             // it → it next | (popped, pc = A)
	opUnpack              // seq → A items (first item on top)
	opSetupTry            // push handler at A
	opPopTry              // pop handler
	opExcMatch            // exc type → exc bool
	opRaise               // exc → (raises); A=0: re-raise the exception being handled
	opReraise             // exc → (raises it again)
	opPopExcept           // leave an except body
	opWithEnter           // mgr → result (A=1: async)
	opWithExit            // mgr → (A=1: async)
	opImport              // → module consts[A]
	opLoadDeref           // → locals[A].v (a cell)
	opStoreDeref          // x →   (locals[A].v = x)
	opLoadFree            // → closure[A].v
	opStoreFree           // x →   (closure[A].v = x)
	opLoadCell            // → the cell in locals[A], for a closure
	opLoadFreeCell        // → closure[A], for a closure
	opDelName             // del a name: A slot, B delLocal/delDeref/delFree/delGlobal
	opDelAttr             // x →   (del x.names[A])
	opDelSubscr           // x i → (del x[i])
	opWithExitExc         // exc mgr → exc swallow   (A=1: async; calls __exit__ with exc)
	opYield               // x → sent   (a generator hands x to whoever resumed it)
	opMakeClass           // → the class the running class body defines (A: classInfo const)
)

var (
	binaryOps  = []string{"+", "-", "*", "/", "//", "%", "**", "@", "|", "&", "^", "<<", ">>"}
	unaryOps   = []string{"-", "+", "~", "not"}
	compareOps = []string{"<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not"}
)

func opIndex(list []string, op string) int32 {
	for i, o := range list {
		if o == op {
			return int32(i)
		}
	}
	return -1
}

// Instr is one instruction.
type Instr struct {
	Op   Op
	A, B int32
}

// Code is a compiled function body (or the module body).
type Code struct {
	Name      string
	File      string
	Async     bool
	Params    []string
	NumParams int // positional-or-keyword parameters
	VarArgs   int // slot of *args or -1
	KwArgs    int // slot of **kwargs or -1
	NumLocals int
	Instrs    []Instr
	Pos       []syntax.Pos // position of each instruction
	Consts    []Value
	Def       syntax.Pos // where the def is
	Decl      *syntax.FuncDef
	IsLambda  bool
	Generator bool // it yields: calling it makes a generator
	Library   bool // a library's (lib/), whose frames never give the learner's line
	PosOnly   int  // the first PosOnly parameters cannot be passed by keyword
	// keyword-only parameters (after * or *args), their slots, and the
	// ones with defaults in the order the defaults are evaluated
	KwOnly      []string
	KwOnlySlots []int32
	KwDefaults  []string
	LocalNames  []string // each local slot's name, for messages
	Cells       []int32  // local slots that hold cells
	Free        []string // the enclosing functions' variables it uses, in closure order
	label0      string   // "name()", cached for job labels
	awaitPool   string   // "await name() in the threadpool", cached for endpoints
}
