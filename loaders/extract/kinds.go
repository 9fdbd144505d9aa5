package extract

import "slices"

// RuleKind is what a rule states when it matches: the "relation" column of
// rules.tsv (issues.tsv rules are all RuleIssue). RULES.md documents each kind and
// the slots it may use; a test keeps that reference and ruleKinds in step.
type RuleKind string

const (
	RuleMediation    RuleKind = "mediation"       // M mediate between P (or A)
	RuleParties      RuleKind = "parties"         // P are the sides ("between A and B")
	RulePartiesHint  RuleKind = "parties_hint"    // P are named together near talk of negotiation: weaker
	RulePartiesAnaph RuleKind = "parties_anaphor" // A ("the two sides") refers to the pair in context
	RuleVenue        RuleKind = "venue"           // talks held at L (between P, with R)
	RuleHost         RuleKind = "host"            // H hosts talks between P: a mediator, and the venue if a place
	RuleLead         RuleKind = "lead"            // M leads or chairs the talks
	RuleParticipant  RuleKind = "participant"     // R take part in the talks of the sentence
	RuleNotMediator  RuleKind = "not_mediator"    // X observe, are invited, co-organise, welcome
	RuleAddressee    RuleKind = "addressee"       // X hand a reply to the mediators
	RuleHostOnly     RuleKind = "host_only"       // X only host the talks: no mediator anywhere in the article
	RuleMember       RuleKind = "member"          // R, people, belong to the side P (they head its delegation)
	RuleContributor  RuleKind = "contributor"     // N contributed reporting (from L)
	RuleBorder       RuleKind = "border"          // the border between P
	RuleIssue        RuleKind = "issue"           // an issue trigger (optionally between P)
	RuleNoise        RuleKind = "noise"           // page furniture ("ALSO READ: …"): skip the sentence
	RuleMetonym      RuleKind = "metonym"         // G, a capital, acts as its government
	RuleNotVenue     RuleKind = "not_venue"       // L is named here as no venue
)

// Slot is a place in a rule's pattern that binds what the text names there.
type Slot byte

const (
	SlotMediator       Slot = 'M' // actors who mediate
	SlotParty          Slot = 'P' // actors who are sides
	SlotNotMediator    Slot = 'X' // actors named as no mediator (or no side)
	SlotParticipant    Slot = 'R' // actors or people who take part
	SlotPersonMediator Slot = 'Q' // people who mediate (for their side)
	SlotVenue          Slot = 'L' // places where talks are held
	SlotVenueGlued     Slot = 'B' // a venue written with a glued Arabic ب («بالدوحة»)
	SlotHost           Slot = 'H' // a host: a place standing for a government, or an actor
	SlotName           Slot = 'N' // a person's name the lexicon may not know
	SlotCapital        Slot = 'G' // a capital or palace that can stand for its government
	SlotSides          Slot = 'A' // a collective reference to the two sides ("the two sides", «الطرفين»)
)

// slots lists every slot, in the order RULES.md gives them.
var slots = []Slot{SlotMediator, SlotParty, SlotNotMediator, SlotParticipant, SlotPersonMediator,
	SlotVenue, SlotVenueGlued, SlotHost, SlotName, SlotCapital, SlotSides}

func (s Slot) String() string { return "{" + string(rune(s)) + "}" }

// holdsActors reports whether the slot binds a list of actors (people count for
// their side).
func (s Slot) holdsActors() bool {
	switch s {
	case SlotMediator, SlotParty, SlotNotMediator, SlotParticipant, SlotPersonMediator:
		return true
	}
	return false
}

// ruleKinds lists, for each kind, the slots its patterns may use.
var ruleKinds = map[RuleKind][]Slot{
	RuleMediation:    {SlotMediator, SlotPersonMediator, SlotParty, SlotNotMediator, SlotSides},
	RuleParties:      {SlotParty},
	RulePartiesHint:  {SlotParty},
	RulePartiesAnaph: {SlotSides},
	RuleVenue:        {SlotVenue, SlotVenueGlued, SlotParty, SlotParticipant},
	RuleHost:         {SlotHost, SlotParty, SlotSides},
	RuleLead:         {SlotMediator, SlotVenue, SlotParty, SlotSides},
	RuleParticipant:  {SlotParticipant},
	RuleNotMediator:  {SlotNotMediator},
	RuleAddressee:    {SlotNotMediator},
	RuleHostOnly:     {SlotNotMediator},
	RuleMember:       {SlotParticipant, SlotParty},
	RuleContributor:  {SlotName, SlotVenue},
	RuleBorder:       {SlotParty},
	RuleIssue:        {SlotParty},
	RuleNoise:        nil,
	RuleMetonym:      {SlotCapital},
	RuleNotVenue:     {SlotVenue},
}

// allows reports whether a kind's patterns may use slot s.
func (k RuleKind) allows(s Slot) bool { return slices.Contains(ruleKinds[k], s) }

// Kinds lists the rule kinds the extractor knows, sorted.
func Kinds() []RuleKind {
	out := make([]RuleKind, 0, len(ruleKinds))
	for k := range ruleKinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// SlotsOf lists the slots a kind's patterns may use.
func SlotsOf(k RuleKind) []Slot { return ruleKinds[k] }
