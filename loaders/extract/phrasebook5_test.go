package extract

import (
	"sort"
	"strings"
	"testing"
)

// TestPhrasebookOpenWorld covers what news says about negotiations the lexicon was
// not written for: sides it does not know (named bodies, defined acronyms,
// collective descriptions, «حركة …», «الفصائل …»), the frames that bind them, places
// read from their cue ("the oasis town of …", «مدينة …», a dateline), countries as
// venues when no city is named, and the words that make a name no mediator. The
// groups, towns and people are invented for this test (conventions of
// TestPhrasebookConflicts: med is exact, nil ven is not checked, pb3None is none).
var openWorldCases = []conflictCase{
	// ---- English: sides the lexicon does not know ----
	{"en open", "named body between", "Mali talks\nAlgeria mediated talks between the Malian government and the Northern Hills Liberation Front in Algiers on Monday.",
		pb3L(pb3("Algeria", "Mali", "Northern Hills Liberation Front")), pb3L("Algiers"), nil},
	{"en open", "defined acronym", "Mali talks\nThe Northern Hills Liberation Front (NHLF) took part in the talks. Algeria has mediated between Mali and the NHLF since March.",
		pb3L(pb3("Algeria", "Mali", "Northern Hills Liberation Front")), nil, nil},
	{"en open", "collective with nationality", "Mali talks\nAlgeria has mediated between the Malian government and Malian armed groups since March, officials said.",
		pb3L(pb3("Algeria", "Mali", "Malian armed groups")), nil, nil},
	{"en open", "brokered a ceasefire between", "Sahel deal\nMauritania brokered a ceasefire between the Malian army and the Kel Adagh Council on Friday.",
		pb3L(pb3("Mauritania", "Kel Adagh Council", "Mali")), nil, nil},
	{"en open", "A and B signed a hyphen-brokered truce", "Sahel deal\nThe Kel Adagh Council and Mali signed a Mauritania-brokered truce in Nouakchott.",
		pb3L(pb3("Mauritania", "Kel Adagh Council", "Mali")), pb3L("Nouakchott"), nil},
	{"en open", "the State of X", "Sahel deal\nTalks between the State of Mali and the Kel Adagh Council ended in Nouakchott under the aegis of Mauritania.",
		pb3L(pb3("Mauritania", "Kel Adagh Council", "Mali")), pb3L("Nouakchott"), nil},
	{"en open", "a rebel noun alone", "Truce\nThe government of Mali and insurgents in the north agreed to a truce brokered by Mauritania.",
		pb3L(pb3("Mauritania", "Mali", "insurgents")), nil, nil},
	{"en open", "backers are no side", "Sahel deal\nAlgeria mediated between the Malian government, backed by Russia, and the Kel Adagh Council.",
		pb3L(pb3("Algeria", "Kel Adagh Council", "Mali")), nil, nil},
	{"en open", "mediator named by a copula", "Talks\nMauritania remains the main mediator between Mali and the Kel Adagh Council.",
		pb3L(pb3("Mauritania", "Kel Adagh Council", "Mali")), nil, nil},
	{"en open", "a former president mediates in his own name", "Talks\nMali and the Kel Adagh Council resumed talks. Senegal's former president Macky Sall was named as facilitator.",
		pb3L(pb3("Macky Sall", "Kel Adagh Council", "Mali")), nil, nil},

	// ---- English: no mediator ----
	{"en no mediator", "X mediation is mediation in X", "Kenya mediation stalls\nThe Kenya mediation stalled after the opposition walked out.",
		pb3None, nil, nil},
	{"en no mediator", "an offer on a condition", "Offer\nThe Red Cross would serve as a neutral go-between if both sides agree, its spokesman said. Mali and the Kel Adagh Council resumed talks.",
		pb3None, nil, nil},
	{"en no mediator", "logistics", "Release\nMali and the Kel Adagh Council agreed a swap. The Red Cross facilitated the return of the detainees.",
		pb3None, nil, nil},
	{"en no mediator", "envoys' states are no sides", "Meeting\nThe opposition leader met the ambassadors of France and Britain for talks on the crisis.",
		pb3None, nil, nil},
	{"en no mediator", "a relative clause's objects", "Talks\nMali and the Kel Adagh Council resumed talks. Algeria, which borders Mali and Niger, acts as mediator.",
		pb3None, nil, nil},

	// ---- English: venues ----
	{"en venue", "a country when no city is named", "Deal signed\nMali and the Kel Adagh Council signed a peace deal in Algeria on Monday, mediated by Algeria.",
		nil, pb3L("Algeria"), nil},
	{"en venue", "the city over its country", "Deal signed\nMali and the Kel Adagh Council held talks in Algeria. The talks in Algiers were mediated by Algeria.",
		nil, pb3L("Algiers"), nil},
	{"en venue", "an earlier accord is history", "Talks resume in 2024\nMali and the Kel Adagh Council resumed talks in 2024. An earlier accord was signed in Bamako in 2015.",
		nil, pb3None, nil},
	{"en venue", "an unknown town after its noun", "Talks\nMali and the Kel Adagh Council met in the oasis town of Tessarit for talks mediated by Algeria.",
		pb3L(pb3("Algeria", "Kel Adagh Council", "Mali")), pb3L("Tessarit"), nil},
	{"en venue", "a dateline in capitals", "Talks open\nTESSARIT, Mali (Reuters) - Mali and the Kel Adagh Council opened talks on Monday, mediated by Algeria.",
		pb3L(pb3("Algeria", "Kel Adagh Council", "Mali")), pb3L("Tessarit"), nil},

	// ---- Arabic ----
	{"ar open", "body named by its noun", "محادثات\nتوسطت قطر بين الحكومة التشادية وحركة تحرير التلال الشمالية في الدوحة.",
		pb3L(pb3("Qatar", "Chad", "حركة تحرير التلال الشمالية")), nil, nil},
	{"ar open", "collective with a nisba", "محادثات\nتتوسط قطر بين الحكومة التشادية والجماعات المسلحة التشادية منذ مارس.",
		pb3L(pb3("Qatar", "Chad", "الجماعات المسلحة التشادية")), nil, nil},
	{"ar open", "faction split from a body", "محادثات\nرعت قطر اتفاقا بين حكومة تشاد وفصيل منشق عن حركة تحرير التلال الشمالية.",
		pb3L(pb3("Qatar", "Chad", "فصيل منشق عن حركة تحرير التلال الشمالية")), nil, nil},
	{"ar open", "backers are no side", "محادثات\nتوسطت قطر بين الحكومة التشادية المدعومة من فرنسا وحركة تحرير التلال الشمالية المدعومة من ليبيا.",
		pb3L(pb3("Qatar", "Chad", "حركة تحرير التلال الشمالية")), nil, nil},
	{"ar open", "two-word name written without its space", "محادثات\nانطلقت المباحثات بين الحكومة التشادية والمعارضة التشادية برعاية الأممالمتحدة.",
		pb3L(pb3(cUN, "Chad", "المعارضة التشادية")), nil, nil},
	{"ar open", "a definite collective alone", "محادثات\nانطلقت في جنيف محادثات بين وفدي الحكومة التشادية والمعارضة برعاية الأمم المتحدة.",
		pb3L(pb3(cUN, "Chad", "المعارضة")), pb3L("Geneva"), nil},
	{"ar open", "a construct ending in a foreign name", "محادثات\nوقعت الحكومة التشادية وجبهة تحرير أوزو اتفاقا في الدوحة بوساطة قطرية.",
		pb3L(pb3("Qatar", "Chad", "جبهة تحرير أوزو")), pb3L("Doha"), nil},
	{"ar venue", "a country when no city is named", "محادثات\nوقعت الحكومة التشادية وحركة تحرير التلال الشمالية اتفاق سلام في قطر برعاية قطرية.",
		pb3L(pb3("Qatar", "Chad", "حركة تحرير التلال الشمالية")), pb3L("Qatar"), nil},
	{"ar venue", "a town after its noun", "محادثات\nعقدت الحكومة التشادية وحركة تحرير التلال الشمالية محادثات في مدينة أم جرس برعاية قطرية.",
		pb3L(pb3("Qatar", "Chad", "حركة تحرير التلال الشمالية")), pb3L("أم جرس"), nil},
}

func TestPhrasebookOpenWorld(t *testing.T) {
	x := extractor(t)
	for _, c := range openWorldCases {
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			r := x.Extract(c.text)
			s := summarize(r)
			w := append([]string(nil), c.med...)
			sort.Strings(w)
			if c.med != nil && strings.Join(s.mediators, "; ") != strings.Join(w, "; ") {
				t.Errorf("text %q\nmediators\n got %s\nwant %s", c.text, strings.Join(quoteAll(s.mediators), ", "), strings.Join(quoteAll(w), ", "))
			}
			if c.ven != nil {
				v := append([]string(nil), c.ven...)
				sort.Strings(v)
				if strings.Join(s.venues, "; ") != strings.Join(v, "; ") {
					t.Errorf("text %q\nvenues\n got %s\nwant %s", c.text, strings.Join(quoteAll(s.venues), ", "), strings.Join(quoteAll(v), ", "))
				}
			}
			// An open-world node is marked and explained: its kind, and evidence
			// naming both the frame and the reader that found the name.
			for _, e := range r.Entities {
				if e.Entry != nil || e.Territory != nil || e.Kind == KindPerson {
					continue
				}
				if e.Open == "" {
					t.Errorf("node %q without a lexicon entry is not marked open", e.Name)
				}
			}
			for _, m := range r.Mentions {
				if m.Entity.Open != "" && m.Entity.Kind == KindActor && !strings.Contains(m.Evidence.Rule, "open.") {
					t.Errorf("open node %q: evidence rule %q names no open-world reader", m.Entity.Name, m.Evidence.Rule)
				}
			}
		})
	}
}

// TestOpenWorldNeedsAFrame checks that names the lexicon does not know become nodes
// only when a frame binds them: a capitalised name merely mentioned is none.
func TestOpenWorldNeedsAFrame(t *testing.T) {
	x := extractor(t)
	r := x.Extract("Talks\nThe Northern Hills Liberation Front issued a statement on Monday. Algeria hosted a trade fair.")
	for _, e := range r.Entities {
		if e.Open != "" && e.Kind == KindActor {
			t.Errorf("open node %q made without a frame", e.Name)
		}
	}
}

// TestPeopleFromShape covers people read from the shape of the text: a title and a
// comma before the name, a possessive pronoun before a title, a side in
// parentheses, a role in apposition, and Arabic titles with a possessive pronoun.
func TestPeopleFromShape(t *testing.T) {
	x := extractor(t)
	cases := []personCase{
		{"en", "title, comma, name", "Talks\nChadian Minister for Reconciliation, Hissein Abakar Moussa, said the talks would resume.", pbP("Hissein Abakar Moussa (Chad)")},
		{"en", "his + title after an office", "Talks\nThe talks were attended by the Head of State of Chad and his Prime Minister Allamaye Halina.", pbP("Allamaye Halina (Chad)")},
		{"en", "role in apposition, side in parentheses", "Talks\nJeremie Ndoumbe, spokesman, said the talks would resume. Hissein Abakar (Chad) also attended.", pbP("Hissein Abakar (Chad)", "Jeremie Ndoumbe ()")},
		{"en", "nationality, office words, title", "Talks\nChadian foreign ministry spokeswoman Amina Ousmane said the talks would resume.", pbP("Amina Ousmane (Chad)")},
		{"en", "a body's name is no person", "Talks\nAs chairman of the Crisis Management Initiative, he met both sides.", pbP()},
		{"en", "a photo credit is no person", "Talks\nThe talks resumed on Monday. REUTERS/Amina Ousmane", pbP()},
		{"ar", "possessive pronoun title", "محادثات\nأعلنت تشاد دعمها للحوار، وقال وزير خارجيتها محمد صالح إن الأجواء إيجابية.", pbP("محمد صالح (Chad)")},
		{"ar", "conjunction is not part of the name", "محادثات\nحضر الاجتماع رئيس الوزراء التشادي محمد هالينا وعماد عيسى عن حركة حماس.", pbP("محمد هالينا (Chad)", "عماد عيسى (Hamas)")},
		{"ar", "Ali inside a name, not على", "محادثات\nقال رئيس الوزراء التشادي حسن علي خيري إن المحادثات ستستأنف.", pbP("حسن علي خيري (Chad)")},
	}
	checkPeople(t, x, cases)
}

// TestBareCollectivesAreScoped checks that a side named by a bare collective noun is
// the one facing its negotiation's state: "rebels" in two articles on two countries
// are two nodes, named as written.
func TestBareCollectivesAreScoped(t *testing.T) {
	x := extractor(t)
	key := func(text string) string {
		t.Helper()
		for _, e := range x.Extract(text).Entities {
			if e.Name == "rebels" {
				return e.Key
			}
		}
		t.Fatalf("no node named rebels in %q", text)
		return ""
	}
	mali := key("Truce\nThe government of Mali and rebels agreed to a truce brokered by Mauritania.")
	colombia := key("Truce\nThe government of Colombia and rebels agreed to a truce brokered by Cuba.")
	if mali == colombia {
		t.Errorf("rebels of Mali and of Colombia share the node %s", mali)
	}
}
