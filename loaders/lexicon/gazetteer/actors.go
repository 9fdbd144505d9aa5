package gazetteer

import (
	"sort"
	"strings"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/schema"
)

// orgWords are words that make a Phoenix phrase an organisation's name, not a
// person's ("Aden Abyan Islamic Army", "Anarchist Faction").
var orgWords = wordSet(`army front party movement organization organisation organizations association committee
council union league brigade brigades group groups force forces fund bank agency program programme institute
foundation society center centre network office commission court tribunal mission alliance federation coalition
congress assembly corps cell cells faction nuclei nucleus unit units squad squads militia militias jihad liberation
revolutionary national international united world islamic people's peoples action struggle resistance guerrilla
guerrillas secretariat board authority ministry department service services company corporation inc ltd news radio
television times post press church mosque university school hospital trust watch institution project initiative
campaign conference forum partnership panel council's commando commandos battalion battalions legion warriors
fighters martyrs defenders defense defence guard guards sons soldiers tigers youth students workers club liga
jaish jaysh jabhat jabha harakat haraka hizb hezb liwa kataib katibat saraya ansar jamaat jamaa jemaah tanzim
lashkar tehreek tehrik mujahideen mujahidin fedayeen`)

// genericWords, after a name the lexicon knows, make a phrase a role or a part of
// that entry, not an organisation of its own: "UN envoy", "U.N. monitor", "UN
// bodies". The extractor reads those as the entry and a title; a generated
// organisation named so would swallow the entry by being longer.
var genericWords = wordSet(`envoy envoys monitor monitors mission missions body bodies official officials
peacekeeper peacekeepers troops troop soldier soldiers spokesman spokeswoman spokesperson delegation delegate
delegates chief chiefs representative representatives staff team teams observer observers personnel worker
workers agency agencies force forces member members head leader leaders secretary general chairman president
minister ministers ambassador diplomat diplomats negotiator negotiators commander commanders`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// orgKind maps a Phoenix organisation code to an organizations.tsv kind, "" for
// codes parley does not keep (companies MNC, religions, business, elites):
// IGO… igo, NGO… ngo, IMG… (international militarised groups: al-Qaeda and its
// kin) armed_group, and after a country or region prefix REB, INS, UAF, SEP, RAD
// armed_group, OPP movement, PTY party, MED media, GOV government, MIL military,
// SPY and COP agency.
func orgKind(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch code[:3] {
	case "IGO":
		return "igo"
	case "NGO":
		return "ngo"
	case "IMG":
		return "armed_group"
	case "MNC":
		return ""
	}
	if len(code) < 6 {
		return ""
	}
	switch code[3:6] {
	case "REB", "INS", "UAF", "SEP", "RAD":
		return "armed_group"
	case "OPP":
		return "movement"
	case "PTY":
		return "party"
	case "MED":
		return "media"
	case "GOV":
		return "government"
	case "MIL":
		return "military"
	case "SPY", "COP":
		return "agency"
	case "NGO":
		return "ngo"
	case "IGO":
		return "igo"
	}
	return ""
}

// functionWords appear in organisations' names, never in people's.
var functionWords = wordSet(`of for the and in on at to against from with without pour pour des`)

// isPerson tells a person's record from an organisation's in the Phoenix files,
// which mix them. Dated roles are offices, so a person. Otherwise a name that looks
// like an organisation's (one word, an organisation or function word, an acronym,
// a country or nationality) is not; and a name of two to four words is a person's
// when its first word is a given name (the lexicon's, or the first word of a
// Phoenix office holder). Records that are neither are left out.
func (im *importer) isPerson(a Actor) bool {
	for _, r := range a.Roles {
		if r.From != 0 || r.To != 0 || r.BadDate {
			return true
		}
	}
	name, _ := NaturalCase(a.Names[0], Casing{Person: true})
	ws := words(name)
	return len(ws) >= 2 && len(ws) <= 4 && !im.orgLike(a.Names[0]) &&
		(im.base.IsGivenName(ws[0]) || im.firstNames[ws[0]] >= 1)
}

// orgLike reports whether a Phoenix phrase reads as an organisation's name.
func (im *importer) orgLike(phrase string) bool {
	name, aliases := NaturalCase(phrase, Casing{Acronyms: im.acronyms})
	ws := words(name)
	if len(ws) <= 1 || len(aliases) > 0 {
		return true
	}
	for _, w := range ws {
		if orgWords[w] || functionWords[w] || im.acronyms[strings.ToUpper(w)] || im.taken.names[lexicon.NameKey(w)] != nil {
			return true
		}
	}
	return false
}

// primaryCode is the record's code without dates, else its first code.
func primaryCode(a Actor) string {
	for _, r := range a.Roles {
		if r.From == 0 && r.To == 0 && !r.BadDate {
			return r.Code
		}
	}
	if len(a.Roles) > 0 {
		return a.Roles[0].Code
	}
	return ""
}

// genericPhrase reports whether a name is a role or a part of an entry the
// lexicon knows rather than an organisation of its own: the entry's name then
// generic words ("UN Envoy", "Indian UN Peacekeeper"), or a title first ("Special
// Rapporteur of ...", "President of the World Bank", "UN Special Envoy for Burma").
func (im *importer) genericPhrase(name string) bool {
	ws := words(name)
	for i := len(ws); i >= 1; i-- {
		if im.titles[lexicon.NameKey(strings.Join(ws[:i], " "))] {
			return true
		}
	}
	for i := len(ws) - 1; i >= 1; i-- {
		if im.taken.names[lexicon.NameKey(strings.Join(ws[:i], " "))] == nil {
			continue
		}
		rest := true
		for j := i + 1; j <= len(ws); j++ {
			if im.titles[lexicon.NameKey(strings.Join(ws[i:j], " "))] {
				return true // "UN Special Envoy ...", "EU High Representative"
			}
		}
		for _, w := range ws[i:] {
			rest = rest && (genericWords[w] || im.taken.names[lexicon.NameKey(w)] != nil)
		}
		return rest
	}
	return false
}

// orgNames cases a record's phrases and keeps those that can name an
// organisation: a one-word name only as an acronym, marked ambiguous when it is
// also an English word or a given name (CARE, AMAL).
//
// Phoenix lists a group's leaders among its names (a commander's name among an
// armed group's synonyms): phrases that read as a person's name are returned apart, in
// people, to become people of that organisation.
func (im *importer) orgNames(a Actor) (out, people []string) {
	seen := map[string]bool{}
	add := func(n string) {
		ws := words(n)
		k := lexicon.NameKey(n)
		switch {
		case len(ws) == 0 || seen[k] || strings.ContainsAny(n, ":;"):
			return
		case im.genericPhrase(n):
			im.dropped("organizations", "a known name and generic words")
			return
		case len(ws) == 1 && (n != strings.ToUpper(n) || len([]rune(n)) < 2):
			im.dropped("organizations", "one word, not an acronym")
			return
		case len(ws) == 1 && im.risk.commonWord(ws[0]):
			n += "?"
		}
		seen[k] = true
		out = append(out, n)
	}
	for i, p := range a.Names {
		if i > 0 && im.personPhrase(p) {
			people = append(people, p)
			continue
		}
		name, aliases := NaturalCase(p, Casing{Acronyms: im.acronyms})
		add(name)
		for _, al := range aliases {
			add(al)
		}
	}
	return out, people
}

// personPhrase reports whether a phrase reads as a person's name: two to four
// words, nothing of an organisation's, a given name first.
func (im *importer) personPhrase(p string) bool {
	name, _ := NaturalCase(p, Casing{Person: true})
	ws := words(name)
	return len(ws) >= 2 && len(ws) <= 4 && !im.orgLike(p) && !lowerWords[ws[0]] &&
		(im.base.IsGivenName(ws[0]) || im.firstNames[ws[0]] >= 2)
}

// orgRows turns the organisations of the International and MilNonState files into
// organizations.tsv rows. A record one of whose names is a hand-written
// organisation's only adds its free names to it; a name another entry holds is
// left out; a record left without a name, or whose node another entry has, is
// skipped. codeOrg learns which entry each Phoenix code stands for, for people's
// affiliations.
func (im *importer) orgRows(files ...[]Actor) [][]string {
	var rows [][]string
	for _, actors := range files {
		for _, a := range actors {
			code := primaryCode(a)
			kind := orgKind(code)
			if kind == "" || im.isPerson(a) {
				continue
			}
			if row := im.orgRow(a, code, kind); row != nil {
				rows = append(rows, row)
			}
		}
	}
	im.count("organizations.tsv", len(rows))
	return rows
}

func (im *importer) orgRow(a Actor, code, kind string) []string {
	names, people := im.orgNames(a)
	defer func() {
		if o := im.codeOrgOf(names); o != nil {
			for _, p := range people {
				im.members = append(im.members, member{phrase: p, org: o})
			}
		}
	}()
	// A hand-written organisation holding one of the record's names is this one,
	// unless that name is an acronym: an acronym alone proves nothing (two groups
	// of two countries often share one).
	var same *owner
	for _, n := range names {
		if o := im.taken.name(n); o != nil && !o.generated && o.class == string(lexicon.Organization) && !im.acronymOf(o, n) {
			same = o
			break
		}
	}
	free := im.freeNames("organizations", same, names)
	if same != nil {
		if im.codeOrg[code] == nil || im.codeOrg[code].generated {
			im.codeOrg[code] = same
		}
		if len(free) == 0 {
			return nil
		}
		im.stats["organizations.tsv: records merged into hand-written organisations"]++
		im.taken.add(same, lexicon.Organization, free)
		return []string{same.id, same.kind, join(free), same.country}
	}
	if len(free) == 0 || strings.HasSuffix(free[0], "?") || im.taken.node(lexicon.Organization, free[0]) != nil {
		im.dropped("organizations", "no name of its own")
		return nil
	}
	country := ""
	if len(code) >= 3 {
		country = im.alpha2[code[:3]]
	}
	o := &owner{id: im.freeID(schema.Slug(free[0]), strings.ToLower(country)), class: string(lexicon.Organization), kind: kind, country: country}
	im.taken.add(o, lexicon.Organization, free)
	if im.codeOrg[code] == nil {
		im.codeOrg[code] = o
	}
	im.orgName[o.id] = free[0]
	return []string{o.id, kind, join(free), country}
}

// acronymOf reports whether the hand-written entry o writes the name n as an
// acronym (all in capitals).
func (im *importer) acronymOf(o *owner, n string) bool {
	e := im.base.Entry(o.id)
	if e == nil {
		return false
	}
	k := lexicon.NameKey(n)
	for _, x := range append(append([]string(nil), e.En...), e.Ar...) {
		if lexicon.NameKey(x) == k {
			x = strings.TrimSuffix(x, "?")
			return x == strings.ToUpper(x) && x != strings.ToLower(x)
		}
	}
	return false
}

// member is a person Phoenix lists among an organisation's names.
type member struct {
	phrase string
	org    *owner
}

// codeOrgOf returns the entry that now holds the first of names, if any.
func (im *importer) codeOrgOf(names []string) *owner {
	for _, n := range names {
		if o := im.taken.name(n); o != nil && o.class == string(lexicon.Organization) {
			return o
		}
	}
	return nil
}

// sortRows orders rows by their first cell, for stable files.
func sortRows(rows [][]string) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
}
