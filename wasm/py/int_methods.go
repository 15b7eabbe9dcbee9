package py

import (
	"math/big"
	"math/bits"
)

// intMethods are int's methods (bool's too: a bool is an int).
var intMethods = map[string]func(c *call, self Value) (Value, *Exception){
	"bit_length": func(c *call, self Value) (Value, *Exception) {
		return int64(intBig(self).BitLen()), nil
	},
	"bit_count": func(c *call, self Value) (Value, *Exception) {
		n := 0
		for _, w := range new(big.Int).Abs(intBig(self)).Bits() {
			n += bits.OnesCount(uint(w))
		}
		return int64(n), nil
	},
	"conjugate": func(c *call, self Value) (Value, *Exception) { return intValue(self), nil },
	"to_bytes":  intToBytes,
}

// intAttrs are int's data attributes.
func intAttr(self Value, name string) (Value, bool) {
	switch name {
	case "real", "numerator":
		return intValue(self), true
	case "imag":
		return int64(0), true
	case "denominator":
		return int64(1), true
	}
	return nil, false
}

// intValue is self as an int (True is 1).
func intValue(self Value) Value {
	if b, ok := self.(bool); ok {
		return boolInt(b)
	}
	return self
}

// intBig is an int (or bool) as a *big.Int.
func intBig(v Value) *big.Int {
	b, _ := bigOf(v)
	if b == nil {
		return new(big.Int)
	}
	return b
}

// byteOrder reads to_bytes' and from_bytes' byteorder ("big" by default,
// as in 3.11).
func byteOrder(c *call, i int) (bool, *Exception) {
	v, ok := c.arg(i, "byteorder")
	if !ok {
		return true, nil
	}
	switch v {
	case "big":
		return true, nil
	case "little":
		return false, nil
	}
	return false, newExc(excValue, "byteorder must be either 'little' or 'big'")
}

// intToBytes is int.to_bytes(length=1, byteorder="big", *, signed=False).
func intToBytes(c *call, self Value) (Value, *Exception) {
	length := int64(1)
	if v, ok := c.arg(0, "length"); ok {
		n, isInt := v.(int64)
		if !isInt {
			return nil, c.errorf("'%s' object cannot be interpreted as an integer", typeName(v))
		}
		if n < 0 {
			return nil, newExc(excValue, "length argument must be non-negative")
		}
		length = n
	}
	if exc := checkString(int(length)); exc != nil {
		return nil, exc
	}
	big_, exc := byteOrder(c, 1)
	if exc != nil {
		return nil, exc
	}
	signed := false
	if v, ok := c.arg(-1, "signed"); ok {
		signed = truthy(v)
	}
	n := intBig(self)
	if n.Sign() < 0 && !signed {
		return nil, newExc(excOverflow, "can't convert negative int to unsigned")
	}
	// two's complement in length bytes: n mod 256**length, when it fits
	limit := new(big.Int).Lsh(big.NewInt(1), uint(8*length))
	lo, hi := new(big.Int), limit
	if signed {
		hi = new(big.Int).Rsh(limit, 1)
		lo = new(big.Int).Neg(hi)
	}
	if n.Cmp(lo) < 0 || n.Cmp(hi) >= 0 {
		return nil, newExc(excOverflow, "int too big to convert")
	}
	u := new(big.Int).Set(n)
	if u.Sign() < 0 {
		u.Add(u, limit)
	}
	out := u.FillBytes(make([]byte, length))
	if !big_ {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return Bytes(out), nil
}

// intFromBytes is int.from_bytes(bytes, byteorder="big", *, signed=False).
var intFromBytes = &Builtin{Name: "from_bytes", Fn: pureBuiltin(func(c *call) (Value, *Exception) {
	v, _ := c.arg(0, "bytes")
	var data []byte
	switch x := v.(type) {
	case Bytes:
		data = []byte(x)
	case *List, *Tuple:
		items, _ := iterate(x)
		for _, it := range items {
			n, ok := it.(int64)
			if !ok || n < 0 || n > 255 {
				return nil, newExc(excValue, "bytes must be in range(0, 256)")
			}
			data = append(data, byte(n))
		}
	default:
		return nil, c.errorf("cannot convert '%s' object to bytes", typeName(v))
	}
	big_, exc := byteOrder(c, 1)
	if exc != nil {
		return nil, exc
	}
	if !big_ {
		data = append([]byte{}, data...)
		for i, j := 0, len(data)-1; i < j; i, j = i+1, j-1 {
			data[i], data[j] = data[j], data[i]
		}
	}
	n := new(big.Int).SetBytes(data)
	if v, ok := c.arg(-1, "signed"); ok && truthy(v) && len(data) > 0 && data[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(data))))
	}
	return normInt(n), nil
})}
