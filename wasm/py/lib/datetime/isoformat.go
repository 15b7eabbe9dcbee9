package datetime

import (
	"unicode/utf8"

	"looplab/wasm/py"
)

// date.fromisoformat and datetime.fromisoformat as CPython 3.11's C
// module parses: YYYY-MM-DD, YYYYMMDD and the ISO week forms (YYYY-Www,
// YYYY-Www-D, YYYYWww, YYYYWwwD) for the date; for a datetime, any one
// character after the date, then HH[:MM[:SS[.ffffff]]] (or without the
// colons), then Z or an offset ±HH[:MM[:SS[.ffffff]]]. The parse walks the
// string's UTF-8 bytes as the C code does, quirks included, with a zero
// byte past the end where C reads the string's terminator.

// isoText is a string as the C parser reads it: at is its byte at i, and
// 0 at or past its end.
type isoText string

func (s isoText) at(i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits reads n decimal digits from i: the number and where it stops.
func (s isoText) digits(i, n int) (int, int, bool) {
	v := 0
	for k := 0; k < n; k++ {
		c := s.at(i)
		if !isDigit(c) {
			return 0, i, false
		}
		v = v*10 + int(c-'0')
		i++
	}
	return v, i, true
}

// parseDate is parse_isoformat_date over s's first n bytes: 0 when it
// read a date, below 0 when it could not.
func (s isoText) parseDate(n int) (y, m, d, rv int) {
	y, p, ok := s.digits(0, 4)
	if !ok {
		return 0, 0, 0, -1
	}
	sep := s.at(p) == '-'
	if sep {
		p++
	}
	if s.at(p) == 'W' {
		p++
		week, q, ok := s.digits(p, 2)
		if !ok {
			return 0, 0, 0, -3
		}
		p = q
		day := 1
		if p < n {
			if sep {
				if s.at(p) != '-' {
					return 0, 0, 0, -2
				}
				p++
			}
			if day, _, ok = s.digits(p, 1); !ok {
				return 0, 0, 0, -4
			}
		}
		y, m, d, rv := isoToYMD(y, week, day)
		if rv != 0 {
			return 0, 0, 0, -3 + rv
		}
		return y, m, d, 0
	}
	m, p, ok = s.digits(p, 2)
	if !ok {
		return 0, 0, 0, -1
	}
	if sep {
		if s.at(p) != '-' {
			return 0, 0, 0, -2
		}
		p++
	}
	if d, _, ok = s.digits(p, 2); !ok {
		return 0, 0, 0, -1
	}
	return y, m, d, 0
}

// parseClock is parse_hh_mm_ss_ff over s[start:end]: 0 when the clock
// ends the string, 1 when more follows, below 0 when it is malformed.
func (s isoText) parseClock(start, end int) (hms [3]int, us int, rv int) {
	p := start
	hasSep := true
	for i := 0; i < 3; i++ {
		v, q, ok := s.digits(p, 2)
		if !ok {
			return hms, 0, -3
		}
		hms[i] = v
		c := s.at(q)
		p = q + 1
		if i == 0 {
			hasSep = c == ':'
		}
		if p >= end {
			if c != 0 {
				return hms, 0, 1
			}
			return hms, 0, 0
		} else if hasSep && c == ':' {
			continue
		} else if c == '.' || c == ',' {
			break
		} else if !hasSep {
			p--
		} else {
			return hms, 0, -4
		}
	}
	n := end - p
	if n > 6 {
		n = 6
	}
	us, p, ok := s.digits(p, n)
	if !ok || n < 1 {
		return hms, 0, -3
	}
	for k := n; k < 6; k++ {
		us *= 10
	}
	for isDigit(s.at(p)) {
		p++
	}
	if s.at(p) != 0 {
		return hms, us, 1
	}
	return hms, us, 0
}

// parseTime is parse_isoformat_time over s[start:]: 0 with no offset,
// 1 with one (offset in seconds and its microseconds), below 0 when
// malformed.
func (s isoText) parseTime(start int) (hms [3]int, us, offset, offsetUs, rv int) {
	end := len(s)
	tz := start
	for {
		if c := s.at(tz); c == 'Z' || c == '+' || c == '-' {
			break
		}
		tz++
		if tz >= end {
			break
		}
	}
	hms, us, rv = s.parseClock(start, tz)
	switch {
	case rv < 0:
		return hms, us, 0, 0, rv
	case tz == end:
		if rv == 1 {
			return hms, us, 0, 0, -5
		}
		return hms, us, 0, 0, 0
	case s.at(tz) == 'Z':
		if s.at(tz+1) != 0 {
			return hms, us, 0, 0, -5
		}
		return hms, us, 0, 0, 1
	}
	sign := 1
	if s.at(tz) == '-' {
		sign = -1
	}
	tzHMS, tzUs, tzRv := s.parseClock(tz+1, end)
	offset = sign * (tzHMS[0]*3600 + tzHMS[1]*60 + tzHMS[2])
	if tzRv != 0 {
		return hms, us, offset, sign * tzUs, -5
	}
	return hms, us, offset, sign * tzUs, 1
}

// separatorAt is _find_isoformat_datetime_separator: where the date ends
// in a datetime string of at least 7 bytes.
func (s isoText) separatorAt() int {
	n := len(s)
	if n == 7 {
		return 7
	}
	if s.at(4) == '-' {
		if s.at(5) != 'W' {
			return 10 // YYYY-MM-DD
		}
		if n > 8 && s.at(8) == '-' {
			if n == 9 {
				return -1
			}
			if n > 10 && isDigit(s.at(10)) {
				return 8 // YYYY-Www-HH…, taking the hyphen as the separator
			}
			return 10 // YYYY-Www-D
		}
		return 8 // YYYY-Www
	}
	if s.at(4) == 'W' {
		idx := 7
		for idx < n && isDigit(s.at(idx)) {
			idx++
		}
		if idx < 9 {
			return idx
		}
		if idx%2 == 0 {
			return 7
		}
		return 8
	}
	return 8 // YYYYMMDD
}

func invalidISO(s string) *py.Exception {
	return py.NewError(py.ValueError, "Invalid isoformat string: "+py.Repr(s))
}

// fromISOFormat is date.fromisoformat (date true) or
// datetime.fromisoformat.
func fromISOFormat(c *py.Call, date bool) (py.Value, *py.Exception) {
	arg, ok := c.Arg(0, "date_string")
	if !ok {
		return nil, c.Errorf("fromisoformat() takes exactly one argument (0 given)")
	}
	str, ok := arg.(string)
	if !ok {
		return nil, py.NewError(py.TypeError, "fromisoformat: argument must be str")
	}
	s := isoText(str)
	if date {
		if n := len(s); n != 7 && n != 8 && n != 10 {
			return nil, invalidISO(str)
		}
		y, m, d, rv := s.parseDate(len(s))
		if rv < 0 {
			return nil, invalidISO(str)
		}
		t := civil{year: y, month: m, day: d}
		if exc := checkCivil(t, true); exc != nil {
			return nil, exc
		}
		return &datetimeVal{us: microsOf(t), date: true}, nil
	}
	if utf8.RuneCountInString(str) < 7 {
		return nil, invalidISO(str)
	}
	at := s.separatorAt()
	y, m, d, rv := s.parseDate(at)
	var hms [3]int
	var us, offset, offsetUs int
	if rv == 0 && len(s) > at {
		p := at + 1
		switch lead := s.at(at); {
		case lead < 0x80:
		case lead&0xf0 == 0xe0:
			p = at + 3
		case lead&0xf0 == 0xf0:
			p = at + 4
		default:
			p = at + 2
		}
		hms, us, offset, offsetUs, rv = s.parseTime(p)
	}
	if rv < 0 {
		return nil, invalidISO(str)
	}
	var tz *tzVal
	if rv == 1 {
		tz = utc
		if offset != 0 {
			total := int64(offset)*1e6 + int64(offsetUs)
			if total <= -86400e6 || total >= 86400e6 {
				return nil, py.NewError(py.ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not "+(&timedeltaVal{us: total}).Repr()+".")
			}
			tz = &tzVal{offset: total}
		}
	}
	t := civil{year: y, month: m, day: d, hour: hms[0], minute: hms[1], second: hms[2], micro: us}
	if exc := checkCivil(t, false); exc != nil {
		return nil, exc
	}
	return &datetimeVal{us: microsOf(t), tz: tz}, nil
}

// isoToYMD is iso_to_ymd of CPython 3.11: the date of an ISO year, week
// and weekday, 0 when it is one, -2 for a bad week, -3 for a bad day. The
// arithmetic is C's (division truncates), so year 0 comes out as CPython's
// does, a month out of range.
func isoToYMD(year, week, day int) (int, int, int, int) {
	if week <= 0 || week >= 53 {
		out := true
		if week == 53 {
			first := (ymdToOrd(year, 1, 1) + 6) % 7
			if first == 3 || (first == 2 && isLeap(year)) {
				out = false
			}
		}
		if out {
			return 0, 0, 0, -2
		}
	}
	if day <= 0 || day >= 8 {
		return 0, 0, 0, -3
	}
	first := ymdToOrd(year, 1, 1)
	firstWeekday := (first + 6) % 7
	monday := first - firstWeekday
	if firstWeekday > 3 {
		monday += 7
	}
	y, m, d := ordToYMD(monday + (week-1)*7 + day - 1)
	return y, m, d, 0
}

var daysBeforeMonth = [...]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

func isLeap(y int) bool {
	u := uint(y)
	return u%4 == 0 && (u%100 != 0 || u%400 == 0)
}

func ymdToOrd(y, m, d int) int {
	p := y - 1
	days := p*365 + p/4 - p/100 + p/400 + daysBeforeMonth[m] + d
	if m > 2 && isLeap(y) {
		days++
	}
	return days
}

// ordToYMD is CPython's ord_to_ymd; for an ordinal below 1 (year 0 only)
// it gives the month out of range that CPython's reads there.
func ordToYMD(ord int) (int, int, int) {
	ord--
	n400, n := ord/146097, ord%146097
	year := n400*400 + 1
	n100, n := n/36524, n%36524
	n4, n := n/1461, n%1461
	n1, n := n/365, n%365
	year += n100*100 + n4*4 + n1
	if n1 == 4 || n100 == 4 {
		return year - 1, 12, 31
	}
	leap := n1 == 3 && (n4 != 24 || n100 == 3)
	month := (n + 50) >> 5
	if month < 1 || month > 12 {
		return year, month, 1
	}
	preceding := daysBeforeMonth[month]
	if month > 2 && leap {
		preceding++
	}
	if preceding > n {
		month--
		preceding -= daysIn(year, month)
	}
	return year, month, n - preceding + 1
}
