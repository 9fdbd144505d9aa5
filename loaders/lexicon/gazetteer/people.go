package gazetteer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/schema"
)

// agentRoles names the CAMEO agent codes (Phoenix.agents.txt) a person's office can
// carry, as the start of an English role.
var agentRoles = map[string]string{
	"GOV": "Government official", "MIL": "Military officer", "REB": "Rebel leader", "INS": "Insurgent leader",
	"UAF": "Armed group leader", "SEP": "Separatist leader", "OPP": "Opposition figure", "PTY": "Party official",
	"LEG": "Legislator", "JUD": "Judicial official", "SPY": "Intelligence official", "COP": "Police official",
	"ELI": "Elite (former official or public figure)", "MED": "Media figure", "BUS": "Business figure",
	"REL": "Religious figure", "LAB": "Labour leader", "EDU": "Academic", "HLH": "Health official",
	"HRI": "Human rights figure", "NGO": "NGO official", "IGO": "International official", "CVL": "Civilian",
	"ENV": "Environmental figure", "REF": "Refugee leader", "DEV": "Development official", "AGR": "Agriculture figure",
	"RAD": "Radical leader", "MOD": "Moderate leader", "CRM": "Criminal figure",
}

// agentDomains name the portfolio a second agent code gives a government or
// military office ("AFGGOVAGR": agriculture).
var agentDomains = map[string]string{
	"AGR": "agriculture", "BUS": "economy", "EDU": "education", "ENV": "environment", "HLH": "health",
	"JUD": "justice", "LAB": "labour", "MED": "information", "MIL": "defence", "REF": "refugees",
	"DEV": "development", "HRI": "human rights", "COP": "interior and police", "REL": "religious affairs",
	"SPY": "intelligence", "LEG": "legislature", "ELI": "", "MUS": "", "CHR": "", "JEW": "",
}

// sectorAgents are the portfolios whose holders negotiation news seldom names:
// a person whose latest office is one of them is left out (about 6,000 of
// Phoenix's 15,000 office holders; fewer names, fewer false matches, faster
// start). Defence, justice, interior, intelligence and plain government offices
// (heads of state and government, foreign ministers) stay.
var sectorAgents = wordSet("AGR BUS EDU ENV HLH LAB MED REF DEV HRI REL")

// titlePrefixes are words Phoenix phrases put before a name besides the lexicon's
// titles ("ACTING_MINISTER_ABDUL_RAHIM_", "FORMER_PRESIDENT_...").
var titlePrefixes = wordSet(`acting former interim deputy vice senior chief top late then new ex incumbent`)

// stateAgents are the agent codes of a state's own people: government, military,
// legislature, judiciary, intelligence, police, and elites (former officials).
var stateAgents = wordSet("GOV MIL LEG JUD SPY COP ELI")

// person is a Phoenix person gathered from every record with that name.
type person struct {
	names []string
	roles []Role
}

// side is the entry a role code stands for: a country by its alpha-3 prefix
// (AFGGOV → AF), an organisation by the longest code an organisation record
// carried (IGOUNOKID → UNICEF, IGOUNO → the UN).
//
// Only offices of the state make its people its side: rebels, insurgents,
// opposition figures (REB, INS, UAF, SEP, OPP, RAD) and people of business, media,
// religion and the like keep their country in the role text ("Rebel leader in
// Afghanistan") but get no side (o is nil, name is set).
func (im *importer) side(code string) (o *owner, name, agents string) {
	if len(code) >= 3 {
		if a2 := im.alpha2[code[:3]]; a2 != "" {
			name = im.countryName[a2]
			if e := im.base.Entry(a2); e != nil {
				name = e.Name()
			}
			if name == "" {
				return nil, "", ""
			}
			if len(code) >= 6 && !stateAgents[code[3:6]] {
				return nil, name, code[3:]
			}
			return &owner{id: a2}, name, code[3:]
		}
	}
	for n := len(code); n >= 6; n-- {
		if o := im.codeOrg[code[:n]]; o != nil {
			name := im.orgName[o.id]
			if e := im.base.Entry(o.id); e != nil {
				name = e.Name()
			}
			return o, "the " + strings.TrimPrefix(name, "the "), code[n:]
		}
	}
	return nil, "", ""
}

// roleText describes a role: "Government official (defence) of Afghanistan
// (2003-2004)", "International official of the United Nations (1997-2006)",
// "Rebel leader in Afghanistan (1979-2011)".
func roleText(agents, sideName string, r Role, igo, side bool) string {
	what := "Official"
	if igo {
		what = "International official"
	}
	if len(agents) >= 3 {
		if w := agentRoles[agents[:3]]; w != "" {
			what = w
		}
		if len(agents) >= 6 {
			if d := agentDomains[agents[3:6]]; d != "" {
				what += " (" + d + ")"
			}
		}
	}
	s := what + " of " + sideName
	if !side {
		s = what + " in " + sideName
	}
	switch from, to := r.From.Year(), r.To.Year(); {
	case from != 0 && to != 0 && from == to:
		s += fmt.Sprintf(" (%d)", from)
	case from != 0 && to != 0:
		s += fmt.Sprintf(" (%d-%d)", from, to)
	case from != 0:
		s += fmt.Sprintf(" (from %d)", from)
	case to != 0:
		s += fmt.Sprintf(" (until %d)", to)
	}
	return s
}

// latest returns the side and office of the person's latest role: open-ended
// roles first, then by end date; a role without dates (Phoenix's default, which
// holds outside the dated ones) only when no dated one has a side. Roles with a
// side come before those without; a person with no side keeps the text of the
// latest role that names a country or organisation.
func (im *importer) latest(roles []Role) (o *owner, role, agents string, open bool) {
	end := func(r Role) Date {
		if r.To == 0 {
			return 99999999 // open: still holds it
		}
		return r.To
	}
	rank := func(r Role) int {
		s, name, _ := im.side(r.Code)
		switch {
		case s != nil && (r.From != 0 || r.To != 0):
			return 0
		case s != nil:
			return 1
		case name != "" && (r.From != 0 || r.To != 0):
			return 2
		case name != "":
			return 3
		}
		return 4
	}
	var best *Role
	for i := range roles {
		r := &roles[i]
		if r.BadDate || rank(*r) == 4 {
			continue
		}
		if best == nil || rank(*r) < rank(*best) || rank(*r) == rank(*best) && end(*r) > end(*best) {
			best = r
		}
	}
	if best == nil {
		return nil, "", "", false
	}
	s, name, agents := im.side(best.Code)
	return s, roleText(agents, name, *best, strings.HasPrefix(best.Code, "IGO"), s != nil), agents, best.From != 0 && best.To == 0
}

// personNames cases a record's phrases, strips the titles before them and keeps
// the names of two words or more that are not two common words ("Abdul Ali",
// "Ismail Khan" would name anyone).
func (im *importer) personNames(a Actor) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range a.Names {
		n, _ := NaturalCase(p, Casing{Person: true})
		n = im.stripTitles(n)
		ws := words(n)
		var real []string
		for _, w := range ws {
			if w != "-" && !strings.HasSuffix(w, ".") {
				real = append(real, w)
			}
		}
		k := lexicon.NameKey(n)
		switch {
		case seen[k] || strings.ContainsAny(n, "0123456789:;/()"):
			continue
		case len(real) < 2:
			im.dropped("people", "one word")
			continue
		case len(real) == 2 && im.risk.nameWord(real[0]) && im.risk.nameWord(real[1]):
			im.dropped("people", "two common words")
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// stripTitles removes the titles and words like "acting" that lead a name.
func (im *importer) stripTitles(n string) string {
	for {
		ws := strings.Fields(n)
		cut := 0
		for i := len(ws) - 1; i >= 1; i-- {
			if im.titles[lexicon.NameKey(strings.Join(ws[:i], " "))] {
				cut = i
				break
			}
		}
		if cut == 0 && len(ws) > 1 && titlePrefixes[strings.ToLower(ws[0])] {
			cut = 1
		}
		if cut == 0 {
			return n
		}
		n = strings.Join(ws[cut:], " ")
	}
}

// peopleRows turns Phoenix office holders into people.tsv rows: one person per
// canonical name across all files, its roles merged; skipped when a hand-written
// entry names the same person or when no role has a side parley knows.
func (im *importer) peopleRows(files ...[]Actor) [][]string {
	byKey := map[string]*person{}
	var keys []string
	for _, actors := range files {
		for _, a := range actors {
			if len(a.Roles) == 0 || !im.isPerson(a) {
				continue
			}
			names := im.personNames(a)
			if len(names) == 0 {
				continue
			}
			if im.handWrittenPerson(names) {
				im.dropped("people", "a hand-written person")
				continue
			}
			k := lexicon.NameKey(names[0])
			p := byKey[k]
			if p == nil {
				p = &person{}
				byKey[k] = p
				keys = append(keys, k)
			}
			p.names = append(p.names, names...)
			p.roles = append(p.roles, a.Roles...)
		}
	}
	sort.Strings(keys)
	var rows [][]string
	for _, k := range keys {
		if row := im.personRow(byKey[k]); row != nil {
			rows = append(rows, row)
		}
	}
	for _, m := range im.members {
		if row := im.memberRow(m); row != nil {
			rows = append(rows, row)
		}
	}
	im.count("people.tsv", len(rows))
	return rows
}

func (im *importer) handWrittenPerson(names []string) bool {
	for _, n := range names {
		if o := im.taken.name(n); o != nil && !o.generated && o.class == string(lexicon.Person) {
			return true
		}
	}
	return false
}

func (im *importer) personRow(p *person) []string {
	var free []string
	seen := map[string]bool{}
	for _, n := range p.names {
		k := lexicon.NameKey(n)
		if seen[k] {
			continue
		}
		seen[k] = true
		if im.taken.names[k] != nil {
			im.dropped("people", "name held by another entry")
			continue
		}
		free = append(free, n)
	}
	if len(free) == 0 || lexicon.NameKey(free[0]) != lexicon.NameKey(p.names[0]) || im.taken.node(lexicon.Person, free[0]) != nil {
		im.dropped("people", "canonical name held by another entry")
		return nil
	}
	side, role, agents, open := im.latest(p.roles)
	if role == "" {
		im.dropped("people", "no role with a known country or organisation")
		return nil
	}
	if len(agents) >= 6 && sectorAgents[agents[3:6]] {
		im.dropped("people", "latest office in a sector portfolio")
		return nil
	}
	// Only an office still held when the dictionaries were last revised (an open
	// range) makes a side: news often names former leaders who mediate in their
	// own right (Obasanjo, Carter), and a past office would make them their
	// state's. The role text keeps the past office.
	aff := ""
	if side != nil && open {
		aff = side.id
	}
	o := &owner{id: im.freeID(schema.Slug(free[0])), class: string(lexicon.Person)}
	im.taken.add(o, lexicon.Person, free)
	return []string{o.id, join(free), aff, role}
}

// memberRow makes a person Phoenix lists among an organisation's names a person
// of that organisation ("Member of the Aden Abyan Islamic Army").
func (im *importer) memberRow(m member) []string {
	names := im.personNames(Actor{Names: []string{m.phrase}})
	if len(names) == 0 || im.handWrittenPerson(names) || im.taken.name(names[0]) != nil || im.taken.node(lexicon.Person, names[0]) != nil {
		im.dropped("people", "organisation member already named")
		return nil
	}
	orgName := im.orgName[m.org.id]
	if e := im.base.Entry(m.org.id); e != nil {
		orgName = e.Name()
	}
	if orgName == "" {
		return nil
	}
	o := &owner{id: im.freeID(schema.Slug(names[0])), class: string(lexicon.Person)}
	im.taken.add(o, lexicon.Person, names[:1])
	im.stats["people.tsv: members of organisations"]++
	return []string{o.id, names[0], m.org.id, "Member of the " + strings.TrimPrefix(orgName, "the ")}
}
