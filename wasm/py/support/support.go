// Package support reads the table of what LoopLab runs: each thing a
// program may use, whether it is simulated, how, and which programs check
// it against CPython. The site's page "What LoopLab runs" is written from
// it, and make check-cpython reports against it, so the page says only
// what the checker checks.
package support

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed support.txt
var source string

// Area is a section of the table.
type Area struct {
	Name string
	Rows []Row
}

// Row is one thing a program may use.
type Row struct {
	What      string
	Simulated bool
	// How it is simulated, or, when it is not, what happens instead.
	How      string
	Programs []Program
	Line     int // in support.txt
}

// Program is a program that checks a row against CPython: a chunk of
// wasm/py/testdata, or an app of the fidelity corpus.
type Program struct {
	Name     string
	Fidelity bool
}

// Table is the embedded table.
func Table() ([]Area, error) { return Parse(source) }

// Parse reads a table: "## Area" lines, "+ what | how | programs" and
// "- what | what happens" rows, # comments and blank lines.
func Parse(text string) ([]Area, error) {
	var areas []Area
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "# "):
			continue
		case strings.HasPrefix(line, "## "):
			areas = append(areas, Area{Name: strings.TrimSpace(line[3:])})
			continue
		case line[0] != '+' && line[0] != '-':
			return nil, fmt.Errorf("support.txt:%d: a line is \"## Area\", \"+ what | how | programs\" or \"- what | what happens\"", n)
		case len(areas) == 0:
			return nil, fmt.Errorf("support.txt:%d: a row comes after an \"## Area\" line", n)
		}
		row, err := parseRow(line, n)
		if err != nil {
			return nil, err
		}
		a := &areas[len(areas)-1]
		a.Rows = append(a.Rows, row)
	}
	return areas, nil
}

func parseRow(line string, n int) (Row, error) {
	row := Row{Simulated: line[0] == '+', Line: n}
	fields := strings.Split(line[1:], "|")
	want := 2
	if row.Simulated {
		want = 3
	}
	if len(fields) != want {
		return row, fmt.Errorf("support.txt:%d: %d fields separated by |, not %d", n, want, len(fields))
	}
	row.What, row.How = strings.TrimSpace(fields[0]), strings.TrimSpace(fields[1])
	if row.What == "" || row.How == "" {
		return row, fmt.Errorf("support.txt:%d: a row says what and how", n)
	}
	if !row.Simulated {
		return row, nil
	}
	for _, p := range strings.Split(fields[2], ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, fidelity := strings.CutPrefix(p, "fidelity:")
		if strings.ContainsAny(name, " :") {
			return row, fmt.Errorf("support.txt:%d: %q is not a program's name", n, p)
		}
		row.Programs = append(row.Programs, Program{Name: name, Fidelity: fidelity})
	}
	return row, nil
}
