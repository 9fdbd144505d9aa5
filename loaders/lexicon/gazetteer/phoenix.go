package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Actor is one record of a Phoenix (PETRARCH/TABARI) actor dictionary: a primary
// phrase, its synonyms and its codes, each code possibly bounded by dates.
type Actor struct {
	Names []string // phrases as written, primary first ("TRYGVE_LIE_")
	Roles []Role
	Line  int // line of the primary phrase
}

// Role is one code of an actor, valid between two dates.
type Role struct {
	Code     string // CAMEO code: country or IGO prefix, then agent codes ("AFGGOVAGR")
	From, To Date   // zero when open
	BadDate  bool   // a bound could not be read (typos such as "9008223"): dates unknown
}

// Date is a day as YYYYMMDD (19871130); zero is unknown or open.
type Date int

// Year is the date's year, or 0.
func (d Date) Year() int { return int(d) / 10000 }

// ParseActors reads a Phoenix actor dictionary (see dictionaries.rst of the
// Phoenix distribution). A record is a primary phrase at the start of a line, any
// number of "+" synonym lines (a "+" inside a line starts a further synonym), and
// codes in brackets, either after a phrase or on lines of their own that start
// with white space: [CODE], [CODE date-date], [CODE >date] (from), [CODE <date]
// (until). "#" starts a comment. Phrases without a code of their own take the
// record's codes; records without any code are returned with no roles.
func ParseActors(name string, r io.Reader) ([]Actor, error) {
	var out []Actor
	var cur *Actor
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		body := strings.TrimSpace(line)
		if body == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		phrases, roles, err := parseActorLine(body)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		synonym, code := strings.HasPrefix(body, "+"), indented && strings.HasPrefix(body, "[")
		switch {
		case (synonym || code) && cur == nil:
			what := "synonym"
			if code {
				what = "code"
			}
			return nil, fmt.Errorf("%s:%d: %s before any actor", name, n, what)
		case synonym || code:
			// A code line has no phrase: it only adds roles to the actor above.
			cur.Names = append(cur.Names, phrases...)
			cur.Roles = append(cur.Roles, roles...)
		default:
			if len(phrases) == 0 {
				return nil, fmt.Errorf("%s:%d: actor without a phrase", name, n)
			}
			out = append(out, Actor{Names: phrases, Roles: roles, Line: n})
			cur = &out[len(out)-1]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// parseActorLine splits a line into its phrases (before the first "[", split on
// "+", a ";" ending the phrases as in TABARI files) and its bracketed codes.
func parseActorLine(s string) ([]string, []Role, error) {
	head, rest, _ := strings.Cut(s, "[")
	if rest != "" {
		rest = "[" + rest
	}
	head, _, _ = strings.Cut(head, ";")
	var phrases []string
	for _, p := range strings.Split(head, "+") {
		if p = strings.TrimSpace(p); p != "" {
			phrases = append(phrases, p)
		}
	}
	var roles []Role
	for rest != "" {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			return nil, nil, fmt.Errorf("unclosed [ in %q", s)
		}
		r, err := parseRole(rest[i+1 : i+j])
		if err != nil {
			return nil, nil, err
		}
		if r.Code != "" {
			roles = append(roles, r)
		}
		rest = rest[i+j+1:]
	}
	return phrases, roles, nil
}

// parseRole reads "CODE", "CODE a-b", "CODE >a" or "CODE <b". The null code "---"
// gives an empty code; an unreadable date gives a role with BadDate set.
func parseRole(s string) (r Role, _ error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return Role{}, nil
	}
	r = Role{Code: strings.Trim(f[0], "~")}
	if strings.Trim(r.Code, "-") == "" {
		r.Code = ""
	}
	if len(f) == 1 {
		return r, nil
	}
	restr := strings.Join(f[1:], "")
	var err error
	defer func() {
		// A typo in one date must not cost the record: keep the code, dates unknown.
		if err != nil {
			r.From, r.To, r.BadDate = 0, 0, true
		}
	}()
	switch {
	case strings.HasPrefix(restr, ">"):
		r.From, err = parseDate(restr[1:])
	case strings.HasPrefix(restr, "<"):
		r.To, err = parseDate(restr[1:])
	default:
		a, b, ok := strings.Cut(restr, "-")
		if !ok {
			err = fmt.Errorf("date restriction %q: want a-b, >a or <b", restr)
		} else if r.From, err = parseDate(a); err == nil {
			r.To, err = parseDate(b)
		}
	}
	return r, nil
}

// parseDate reads YYYYMMDD or YYMMDD. Two-digit years up to 30 are this century
// (the dictionaries were last revised in 2014 and reach back to the 1890s with
// four-digit years). A seven-digit date (a typo in the data) keeps its year.
func parseDate(s string) (Date, error) {
	if _, err := strconv.Atoi(s); err != nil {
		return 0, fmt.Errorf("date %q: not a number", s)
	}
	switch len(s) {
	case 8:
		d, _ := strconv.Atoi(s)
		return Date(d), nil
	case 6:
		yy, _ := strconv.Atoi(s[:2])
		md, _ := strconv.Atoi(s[2:])
		year := 1900 + yy
		if yy <= 30 {
			year = 2000 + yy
		}
		return Date(year*10000 + md), nil
	case 7:
		if y, _ := strconv.Atoi(s[:4]); y >= 1800 && y <= 2100 {
			return Date(y * 10000), nil
		}
	}
	return 0, fmt.Errorf("date %q: want YYYYMMDD or YYMMDD", s)
}
