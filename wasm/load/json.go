package load

import (
	"errors"
	"strings"
)

// jsonEnd checks that s starts with one JSON value and returns where it
// ends. The load needs no more than that of a request body (the
// interpreter reads it), and encoding/json's decoder would add weight to
// the wasm.
func jsonEnd(s string) (int, error) {
	return jsonValue(s, 0, 0)
}

var errJSON = errors.New("not valid JSON")

func jsonSpace(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\r\n", s[i]) >= 0 {
		i++
	}
	return i
}

func jsonValue(s string, i, depth int) (int, error) {
	if depth > 100 {
		return i, errors.New("JSON nested too deeply")
	}
	i = jsonSpace(s, i)
	if i >= len(s) {
		return i, errors.New("the body ends before its value")
	}
	switch c := s[i]; {
	case c == '{' || c == '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i = jsonSpace(s, i+1)
		if i < len(s) && s[i] == closer {
			return i + 1, nil
		}
		for {
			var err error
			if c == '{' {
				if i = jsonSpace(s, i); i >= len(s) || s[i] != '"' {
					return i, errors.New("expected a key in double quotes")
				}
				if i, err = jsonString(s, i); err != nil {
					return i, err
				}
				if i = jsonSpace(s, i); i >= len(s) || s[i] != ':' {
					return i, errors.New("expected ':' after the key")
				}
				i++
			}
			if i, err = jsonValue(s, i, depth+1); err != nil {
				return i, err
			}
			i = jsonSpace(s, i)
			switch {
			case i < len(s) && s[i] == ',':
				i++
			case i < len(s) && s[i] == closer:
				return i + 1, nil
			default:
				return i, errors.New("expected ',' or '" + string(closer) + "'")
			}
		}
	case c == '"':
		return jsonString(s, i)
	case strings.HasPrefix(s[i:], "true"):
		return i + 4, nil
	case strings.HasPrefix(s[i:], "false"):
		return i + 5, nil
	case strings.HasPrefix(s[i:], "null"):
		return i + 4, nil
	case c == '-' || (c >= '0' && c <= '9'):
		j := i + 1
		for j < len(s) && strings.IndexByte("0123456789.eE+-", s[j]) >= 0 {
			j++
		}
		return j, nil
	}
	return i, errJSON
}

func jsonString(s string, i int) (int, error) {
	for i++; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1, nil
		}
	}
	return i, errors.New("a string that does not end")
}
