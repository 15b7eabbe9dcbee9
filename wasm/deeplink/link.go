// Package deeplink reads the playground's addresses, "#/slug?s=1&sleep=2":
// which lesson, which of its scenarios, and the numbers a learner dragged,
// and sets those numbers in a scenario's code. A link may come from
// anywhere, so nothing in it is trusted: whatever is malformed is dropped
// with a note that says what and why, and the lesson opens with its
// defaults for the rest.
package deeplink

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what a link may carry; the rest is ignored, with a note.
const (
	MaxFragment = 4096 // bytes of the fragment
	MaxPairs    = 64   // name=value pairs of its query
)

// Link is a playground address's fragment, "#/slug?s=1&sleep=2", decoded.
type Link struct {
	Slug     string   // "" when the fragment names none
	Scenario int      // from s=, 0 when absent or malformed
	Numbers  []Number // the other id=value pairs, in order
	// Ignored says what was dropped and why, for the learner:
	// `"s=x": not a scenario number`, `"sleep=abc": not a number`.
	Ignored []string
}

// Number is one id=value pair: a scrubbable number's id and the value the
// link gives it.
type Number struct {
	ID    string
	Value float64
}

// slugPattern is a lesson's slug, as lesson file names give it.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// decimal is a plain decimal number, as a link writes one: no hex, no
// underscores, no "Infinity".
var decimal = regexp.MustCompile(`^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

// Parse decodes a fragment, with or without its leading '#'. It never
// fails: what it cannot use goes to Ignored.
func Parse(fragment string) Link {
	var l Link
	fragment = strings.TrimPrefix(fragment, "#")
	if len(fragment) > MaxFragment {
		// Keep only whole pairs before the cut, and no slug cut short.
		cut := fragment[:MaxFragment]
		q := strings.IndexByte(cut, '?')
		switch amp := strings.LastIndexByte(cut, '&'); {
		case q < 0:
			cut = ""
		case amp > q:
			cut = cut[:amp]
		default:
			cut = cut[:q]
		}
		l.note(fmt.Sprintf("the address is longer than %d characters; the rest of it is ignored", MaxFragment))
		fragment = cut
	}
	path, query, _ := strings.Cut(fragment, "?")
	path = strings.TrimPrefix(path, "/")
	if path != "" {
		slug, err := url.PathUnescape(path)
		switch {
		case err != nil:
			l.ignore(quote(path), "bad %-encoding")
		case !slugPattern.MatchString(slug):
			l.ignore(quote(slug), "not a lesson name")
		default:
			l.Slug = slug
		}
	}
	pairs := 0
	sawScenario := ""
	for _, pair := range strings.Split(query, "&") {
		if pair == "" {
			continue
		}
		if pairs++; pairs > MaxPairs {
			l.note(fmt.Sprintf("the address has more than %d settings; the rest are ignored", MaxPairs))
			break
		}
		rawName, rawValue, hasValue := strings.Cut(pair, "=")
		name, err1 := url.QueryUnescape(rawName)
		value, err2 := url.QueryUnescape(rawValue)
		shown := quote(name + "=" + value)
		switch {
		case err1 != nil || err2 != nil:
			l.ignore(quote(pair), "bad %-encoding")
		case name == "":
			l.ignore(shown, "no name")
		case !hasValue:
			l.ignore(quote(name), "no value")
		case name == "s":
			if sawScenario != "" {
				l.ignore(shown, "the scenario is already given as s="+sawScenario)
				continue
			}
			n, ok := scenarioNumber(value)
			if !ok {
				l.ignore(shown, "not a scenario number")
				continue
			}
			l.Scenario, sawScenario = n, value
		default:
			v, ok := number(value)
			switch {
			case !ok:
				l.ignore(shown, "not a number")
			case !finite(v):
				l.ignore(shown, "not a finite number")
			default:
				l.Numbers = append(l.Numbers, Number{ID: name, Value: v})
			}
		}
	}
	return l
}

func (l *Link) ignore(what, why string) { l.note(what + ": " + why) }

func (l *Link) note(s string) { l.Ignored = append(l.Ignored, s) }

// scenarioNumber reads s=: a whole number from 0. Whether the lesson has
// that many scenarios is for the caller to check.
func scenarioNumber(s string) (int, bool) {
	if s == "" || len(s) > 9 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func number(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if !decimal.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) { // out of range gives ±Inf, reported as such
		return 0, false
	}
	return v, true
}

// quote shows a piece of the link in a note: quoted, and cut short when long.
func quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most]) + "…"
	}
	return strconv.Quote(s)
}
