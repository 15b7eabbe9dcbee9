package datetime

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"looplab/wasm/py"
)

// datetime.strptime works as CPython's _strptime does: the format
// becomes a regular expression, directive by directive with the same
// expressions (those of the C locale), the data must match it whole,
// and the groups it matched become the fields. Go's regexp picks the
// match Python's backtracking would, so the same data parse, or fail
// with the same ValueError.

var strptimeRE = map[rune]string{
	'd': `(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])`,
	'f': `(?P<f>[0-9]{1,6})`,
	'H': `(?P<H>2[0-3]|[0-1]\d|\d)`,
	'I': `(?P<I>1[0-2]|0[1-9]|[1-9])`,
	'j': `(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])`,
	'm': `(?P<m>1[0-2]|0[1-9]|[1-9])`,
	'M': `(?P<M>[0-5]\d|\d)`,
	'S': `(?P<S>6[0-1]|[0-5]\d|\d)`,
	'U': `(?P<U>5[0-3]|[0-4]\d|\d)`,
	'W': `(?P<W>5[0-3]|[0-4]\d|\d)`,
	'w': `(?P<w>[0-6])`,
	'u': `(?P<u>[1-7])`,
	'G': `(?P<G>\d\d\d\d)`,
	'V': `(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)`,
	'y': `(?P<y>\d\d)`,
	'Y': `(?P<Y>\d\d\d\d)`,
	'z': `(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))`,
	'A': `(?P<A>wednesday|thursday|saturday|tuesday|monday|friday|sunday)`,
	'a': `(?P<a>mon|tue|wed|thu|fri|sat|sun)`,
	'B': `(?P<B>september|february|november|december|january|october|august|march|april|june|july|may)`,
	'b': `(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
	'p': `(?P<p>am|pm)`,
	'Z': `(?P<Z>gmt|utc)`, // the names of UTC, the zone LoopLab runs in
	'%': `%`,
}

// strptimeFormats are the directives that stand for a whole format.
var strptimeFormats = map[rune]string{'c': "%a %b %d %H:%M:%S %Y", 'x': "%m/%d/%y", 'X': "%H:%M:%S"}

var (
	regexChars = regexp.MustCompile(`([\\.^$*+?(){}\[\]|])`)
	whitespace = regexp.MustCompile(`\s+`)
)

// strptimePattern is TimeRE.pattern(format): literal text escaped, each
// run of whitespace matching any run, and each directive its
// expression. A directive it does not know is bad ("%" when the % is
// followed by an escaped character or whitespace), and a format ending
// in a lone % has a stray one.
func strptimePattern(format string) (pattern string, bad string, stray bool) {
	f := regexChars.ReplaceAllString(format, `\$1`)
	f = whitespace.ReplaceAllString(f, `\s+`)
	var b strings.Builder
	for {
		i := strings.IndexByte(f, '%')
		if i < 0 {
			b.WriteString(f)
			return b.String(), "", false
		}
		b.WriteString(f[:i])
		if i+1 == len(f) {
			return "", "", true
		}
		d, size := utf8.DecodeRuneInString(f[i+1:])
		if sub, ok := strptimeFormats[d]; ok {
			p, _, _ := strptimePattern(sub)
			b.WriteString(p)
		} else if re, ok := strptimeRE[d]; ok {
			b.WriteString(re)
		} else if d == '\\' {
			return "", "%", false
		} else {
			return "", string(d), false
		}
		f = f[i+1+size:]
	}
}

var (
	fullMonths = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	fullDays   = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

// index is where a name strptime matched, in full or its first three
// letters, is in names.
func index(names []string, s string) int {
	s = strings.ToLower(s)
	for i, name := range names {
		if name == s || name[:3] == s {
			return i
		}
	}
	return -1
}

// strptime is datetime.strptime(date_string, format).
func strptime(c *py.Call) (py.Value, *py.Exception) {
	args := c.Args()
	if len(args) != 2 {
		return nil, py.NewError(py.TypeError, fmt.Sprintf("strptime() takes exactly 2 arguments (%d given)", len(args)))
	}
	for i, a := range args {
		if _, ok := a.(string); !ok {
			return nil, py.NewError(py.TypeError, fmt.Sprintf("strptime() argument %d must be str, not %s", i+1, py.TypeName(a)))
		}
	}
	data, format := args[0].(string), args[1].(string)
	pattern, bad, stray := strptimePattern(format)
	switch {
	case stray:
		return nil, py.NewError(py.ValueError, fmt.Sprintf("stray %% in format '%s'", format))
	case bad != "":
		return nil, py.NewError(py.ValueError, fmt.Sprintf("'%s' is a bad directive in format '%s'", bad, format))
	}
	re, err := regexp.Compile(`(?i)^(?:` + pattern + `)`)
	if err != nil {
		return nil, py.NotSimulated("strptime() with the format %s is not simulated", py.Quote(format))
	}
	m := re.FindStringSubmatchIndex(data)
	if m == nil {
		return nil, py.NewError(py.ValueError, fmt.Sprintf("time data %s does not match format %s", py.Repr(data), py.Repr(format)))
	}
	if m[1] != len(data) {
		return nil, py.NewError(py.ValueError, "unconverted data remains: "+data[m[1]:])
	}
	groups := map[string]string{}
	var order []string
	for i, name := range re.SubexpNames() {
		if name != "" && m[2*i] >= 0 {
			groups[name] = data[m[2*i]:m[2*i+1]]
			order = append(order, name)
		}
	}
	return strptimeFields(c, groups, order)
}

// strptimeFields turns the matched groups into a datetime, field by
// field in the order the format has them, as _strptime does.
func strptimeFields(c *py.Call, groups map[string]string, order []string) (py.Value, *py.Exception) {
	num := func(k string) int { n, _ := strconv.Atoi(strings.TrimSpace(groups[k])); return n }
	year, month, day := -1, 1, 1
	t := civil{}
	weekday, julian, week, weekStart := -1, -1, -1, 0
	var tz *tzVal
	for _, k := range order {
		switch k {
		case "y":
			year = num(k) + 2000 // 00 to 68; 69 to 99 are 1969 to 1999
			if year > 2068 {
				year -= 100
			}
		case "Y":
			year = num(k)
		case "m":
			month = num(k)
		case "B", "b":
			month = index(fullMonths, groups[k]) + 1
		case "d":
			day = num(k)
		case "H":
			t.hour = num(k)
		case "I":
			t.hour = num(k)
			if strings.ToLower(groups["p"]) == "pm" {
				if t.hour != 12 {
					t.hour += 12
				}
			} else if t.hour == 12 {
				t.hour = 0
			}
		case "M":
			t.minute = num(k)
		case "S":
			t.second = num(k)
		case "f":
			t.micro, _ = strconv.Atoi((groups[k] + "00000")[:6])
		case "A", "a":
			weekday = index(fullDays, groups[k])
		case "w":
			weekday = (num(k) + 6) % 7
		case "u":
			weekday = num(k) - 1
		case "j":
			julian = num(k)
		case "U", "W":
			week, weekStart = num(k), 0
			if k == "U" {
				weekStart = 6
			}
		case "G", "V":
			return nil, py.NotSimulated("strptime()'s ISO week directives (%%G, %%V) are not simulated")
		case "z":
			var exc *py.Exception
			if tz, exc = zoneOffset(groups[k]); exc != nil {
				return nil, exc
			}
		}
	}
	// Feb 29 without a year is read in a leap year, and then put in 1900
	// (where the datetime fails), as CPython does.
	leapFix := year < 0 && month == 2 && day == 29
	switch {
	case leapFix:
		year = 1904
	case year < 0:
		year = 1900
	}
	if julian < 0 && weekday >= 0 && week >= 0 {
		julian = julianOfWeek(year, week, weekday, weekStart == 0)
		if julian <= 0 {
			year--
			julian += int(daysFrom(year+1, 1, 1) - daysFrom(year, 1, 1))
		}
	}
	if julian >= 0 {
		if exc := checkCivil(civil{year: year, month: 1, day: 1}, true); exc != nil {
			return nil, exc
		}
		d := civilOf((daysFrom(year, 1, 1) + int64(julian) - 1) * 86400e6)
		year, month, day = d.year, d.month, d.day
	} else if exc := checkCivil(civil{year: year, month: month, day: day}, true); exc != nil {
		return nil, exc
	}
	if leapFix {
		year = 1900
	}
	t.year, t.month, t.day = year, month, day
	if exc := checkCivil(t, false); exc != nil {
		return nil, exc
	}
	if tz != nil {
		tz.name = groups["Z"]
		if tz.offset == 0 && tz.name == "" {
			tz = utc
		}
	}
	return &datetimeVal{us: microsOf(t), tz: tz}, nil
}

// julianOfWeek is _calc_julian_from_U_or_W: the day of the year of a
// weekday (Monday 0) in a week numbered from the year's first Sunday
// (%U) or Monday (%W).
func julianOfWeek(year, week, weekday int, mondayFirst bool) int {
	first := civilOf(daysFrom(year, 1, 1) * 86400e6).wday
	if !mondayFirst {
		first, weekday = (first+1)%7, (weekday+1)%7
	}
	if week == 0 {
		return 1 + weekday - first
	}
	return 1 + (7-first)%7 + 7*(week-1) + weekday
}

// zoneOffset is %z's "Z", "+0530", "-05:30" or "+01:30:15.5" as a
// timezone.
func zoneOffset(z string) (*tzVal, *py.Exception) {
	if z == "Z" {
		return &tzVal{}, nil
	}
	orig := z
	if z[3] == ':' {
		z = z[:3] + z[4:]
		if len(z) > 5 {
			if z[5] != ':' {
				return nil, py.NewError(py.ValueError, "Inconsistent use of : in "+orig)
			}
			z = z[:5] + z[6:]
		}
	}
	h, _ := strconv.Atoi(z[1:3])
	m, _ := strconv.Atoi(z[3:5])
	s := 0
	if len(z) >= 7 {
		s, _ = strconv.Atoi(z[5:7])
	}
	frac := 0
	if len(z) > 8 {
		frac, _ = strconv.Atoi((z[8:] + "00000")[:6])
	}
	us := int64(h*3600+m*60+s)*1e6 + int64(frac)
	if z[0] == '-' {
		us = -us
	}
	if us <= -86400e6 || us >= 86400e6 {
		return nil, py.NewError(py.ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not "+(&timedeltaVal{us: us}).Repr()+".")
	}
	return &tzVal{offset: us}, nil
}

// checkCivil raises CPython's ValueError for a date or datetime out of
// range.
func checkCivil(t civil, date bool) *py.Exception {
	var msg string
	switch {
	case t.year < 1 || t.year > 9999:
		msg = fmt.Sprintf("year %d is out of range", t.year)
	case t.month < 1 || t.month > 12:
		msg = "month must be in 1..12"
	case t.day < 1 || t.day > daysIn(t.year, t.month):
		msg = "day is out of range for month"
	case date:
	case t.hour < 0 || t.hour > 23:
		msg = "hour must be in 0..23"
	case t.minute < 0 || t.minute > 59:
		msg = "minute must be in 0..59"
	case t.second < 0 || t.second > 59:
		msg = "second must be in 0..59"
	case t.micro < 0 || t.micro > 999999:
		msg = "microsecond must be in 0..999999"
	}
	if msg == "" {
		return nil
	}
	return py.NewError(py.ValueError, msg)
}

func daysIn(year, month int) int {
	if month == 12 {
		return 31
	}
	return int(daysFrom(year, month+1, 1) - daysFrom(year, month, 1))
}
