package datetime

import (
	"fmt"
	"strings"
)

// civil is a calendar date and time in UTC, computed from Unix
// microseconds without the time package: the interpreter never reads a
// clock, so it keeps the calendar arithmetic to itself (days from the
// civil date and back, as in Howard Hinnant's algorithms).
type civil struct {
	year, month, day, hour, minute, second, micro int
	yday, wday                                    int // day of the year from 1; weekday, Monday 0
}

func civilOf(us int64) civil {
	days, rest := floorDiv(us, 86400e6)
	z := days + 719468
	era, _ := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	c := civil{year: int(y), month: int(m), day: int(d)}
	secs := rest / 1e6
	c.hour, c.minute, c.second, c.micro = int(secs/3600), int(secs/60%60), int(secs%60), int(rest%1e6)
	_, wd := floorDiv(days+3, 7) // 1970-01-01 was a Thursday
	c.wday = int(wd)
	c.yday = int(days-daysFrom(c.year, 1, 1)) + 1
	return c
}

// daysFrom is the number of days from 1970-01-01 to the date.
func daysFrom(y, m, d int) int64 {
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era, _ := floorDiv(yy, 400)
	yoe := yy - era*400
	mm := int64(m)
	if mm > 2 {
		mm -= 3
	} else {
		mm += 9
	}
	doy := (153*mm+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func microsOf(c civil) int64 {
	return daysFrom(c.year, c.month, c.day)*86400e6 + int64(c.hour)*3600e6 + int64(c.minute)*60e6 + int64(c.second)*1e6 + int64(c.micro)
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	dayNames   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// Strftime formats the directives programs use, as time.strftime does a
// time in UTC; others stay as written.
func Strftime(us int64, f string) string { return strftime(us, f, "+0000", "UTC") }

// strftime is Strftime with the zone's %z and %Z.
func strftime(us int64, f, offset, zone string) string {
	t := civilOf(us)
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case '%':
			b.WriteByte('%')
		case 'Y':
			fmt.Fprintf(&b, "%04d", t.year)
		case 'y':
			fmt.Fprintf(&b, "%02d", t.year%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", t.month)
		case 'd':
			fmt.Fprintf(&b, "%02d", t.day)
		case 'H':
			fmt.Fprintf(&b, "%02d", t.hour)
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.hour+11)%12+1)
		case 'p':
			if t.hour < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'M':
			fmt.Fprintf(&b, "%02d", t.minute)
		case 'S':
			fmt.Fprintf(&b, "%02d", t.second)
		case 'f':
			fmt.Fprintf(&b, "%06d", t.micro)
		case 'j':
			fmt.Fprintf(&b, "%03d", t.yday)
		case 'b':
			b.WriteString(monthNames[t.month-1][:3])
		case 'B':
			b.WriteString(monthNames[t.month-1])
		case 'a':
			b.WriteString(dayNames[t.wday][:3])
		case 'A':
			b.WriteString(dayNames[t.wday])
		case 'X', 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", t.hour, t.minute, t.second)
		case 'x', 'D':
			fmt.Fprintf(&b, "%02d/%02d/%02d", t.month, t.day, t.year%100)
		case 'F':
			fmt.Fprintf(&b, "%04d-%02d-%02d", t.year, t.month, t.day)
		case 'c':
			fmt.Fprintf(&b, "%s %s %2d %02d:%02d:%02d %d", dayNames[t.wday][:3], monthNames[t.month-1][:3], t.day, t.hour, t.minute, t.second, t.year)
		case 'e':
			fmt.Fprintf(&b, "%2d", t.day)
		case 'z':
			b.WriteString(offset)
		case 'Z':
			b.WriteString(zone)
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

// StructTime is time.struct_time's nine fields for Unix microseconds us,
// in UTC: year, month, day, hour, minute, second, weekday (Monday 0), day
// of the year (from 1) and isdst (0).
func StructTime(us int64) [9]int {
	t := civilOf(us)
	return [9]int{t.year, t.month, t.day, t.hour, t.minute, t.second, t.wday, t.yday, 0}
}
