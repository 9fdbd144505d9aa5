package extract

import (
	"sort"
	"strings"
	"testing"
)

// TestPhrasebookAnaphora covers collective references to the two sides of a
// negotiation ("the two sides", "both countries", "the warring parties",
// «الطرفين», «البلدين», «طرفي النزاع») and mediators named as a group ("the
// three mediators (…)", «الوسطاء (…)»). The texts are written for this test.
//
// A reference takes the pair of parties named last (in its sentence or up to
// three before), else the article's main negotiation; it states nothing when
// the pair is unclear: the nearest sentence names two different pairs, or "the
// two countries" would be a state and an armed group. Cases use the
// conflictCase conventions of TestPhrasebookConflicts (med is exact).
var anaphoraCases = []conflictCase{
	// ---- English: the pair named just before ----
	{"en anaphor", "mediate between the two sides", "Truce talks stall\nIsrael and Hamas resumed indirect talks on Sunday. Egypt has tried for weeks to mediate between the two sides, officials said.",
		pb3L(pb3("Egypt", "Israel", "Hamas")), nil, nil},
	{"en anaphor", "which has mediated between both sides", "Gaza talks\nThe talks between Israel and Hamas resumed on Monday. Qatar, which has mediated between both sides since the war began, said it was hopeful.",
		pb3L(pb3("Qatar", "Israel", "Hamas")), nil, nil},
	{"en anaphor", "warring parties, relay", "Sudan truce\nTalks between the Sudanese Armed Forces and the Rapid Support Forces have stalled. Egyptian officials relayed new proposals between the warring parties this week.",
		pb3L(pb3("Egypt", cSAF, cRSF)), nil, nil},
	{"en anaphor", "later pair wins over the main one", "Armenia and Azerbaijan resume talks\nArmenia and Azerbaijan resumed talks in Washington on Monday, and Armenia and Azerbaijan agreed on a draft. In a separate process, the talks between Serbia and Kosovo stalled in Brussels. The European Union has long sought to mediate between the two sides.",
		pb3L(pb3(cEU, "Serbia", "Kosovo")), nil, nil},
	{"en anaphor", "two countries, states", "Border talks\nArmenia and Azerbaijan resumed talks on Monday. An American envoy shuttled between the two countries for months before the meeting.",
		pb3L(pb3(cUS, "Armenia", "Azerbaijan")), nil, nil},
	{"en anaphor", "two capitals, states", "Border talks\nThailand and Cambodia agreed to hold talks next week. Malaysia's foreign minister shuttled between the two capitals on Friday.",
		pb3L(pb3("Malaysia", "Thailand", "Cambodia")), nil, nil},
	{"en anaphor", "brought the two sides to a city", "Sudan talks resume\nTalks between the Sudanese Armed Forces and the Rapid Support Forces resumed this week. Saudi and American diplomats brought the two sides to Jeddah on Monday.",
		pb3L(pb3("Saudi Arabia", cSAF, cRSF), pb3(cUS, cSAF, cRSF)), pb3L("Jeddah"), nil},
	{"en anaphor", "a single co-mention is no context", "Thailand and Cambodia agree truce\nThailand and Cambodia agreed to a truce after talks between Thailand and Cambodia on Monday. The ambassadors of China and the United States attended the meeting. Malaysia hosted talks between the two sides in Putrajaya.",
		pb3L(pb3("Malaysia", "Thailand", "Cambodia")), nil, nil},
	// ---- English: unclear references state nothing ----
	{"en anaphor", "two pairs in the nearest sentence", "Regional talks\nTalks between Israel and Hamas and between Israel and Hezbollah stalled this week. France has tried to mediate between the two sides.",
		pb3None, nil, nil},
	{"en anaphor", "two countries are not a state and a group", "Truce talks\nIsrael and Hamas resumed indirect talks on Sunday. Egypt has tried for weeks to mediate between the two countries.",
		pb3None, nil, nil},
	{"en anaphor", "between countries is no reference", "Trade talks\nIsrael and Hamas resumed indirect talks on Sunday. Egypt has tried to mediate between countries of the region.",
		pb3None, nil, nil},
	// ---- English: mediators named as a group ----
	{"en group", "mediators in parentheses", "Gaza talks\nIsrael and Hamas resumed talks on Sunday. The mediators (Egypt, Qatar and the United States) presented a new text.",
		pb3L(pb3("Egypt", "Israel", "Hamas"), pb3("Qatar", "Israel", "Hamas"), pb3(cUS, "Israel", "Hamas")), nil, nil},
	{"en group", "co-chairs in parentheses", "Karabakh talks\nArmenia and Azerbaijan held talks in Geneva. The co-chairs of the Minsk Group (France, Russia and the United States) shuttled between the two countries for years.",
		pb3L(pb3("France", "Armenia", "Azerbaijan"), pb3("Russia", "Armenia", "Azerbaijan"), pb3(cUS, "Armenia", "Azerbaijan"), pb3("OSCE Minsk Group", "Armenia", "Azerbaijan")), nil, nil},
	{"en group", "co-chairs of a conference are no mediators", "Gaza talks\nIsrael and Hamas resumed talks on Sunday. The co-chairs of the donor conference (Norway and Egypt) pledged new aid.",
		pb3None, nil, nil},
	{"en group", "numbered mediators in apposition", "Gaza talks\nIsrael and Hamas agreed to resume talks. The three mediators, Egypt, Qatar and the United States, said the gaps had narrowed.",
		pb3L(pb3("Egypt", "Israel", "Hamas"), pb3("Qatar", "Israel", "Hamas"), pb3(cUS, "Israel", "Hamas")), nil, nil},

	// ---- Arabic ----
	{"ar anaphor", "bayn al-tarafayn, VSO", "محادثات جديدة\nاستأنفت إسرائيل وحماس المحادثات غير المباشرة الأحد. وتتوسط مصر بين الطرفين منذ أشهر.",
		pb3L(pb3("Egypt", "Israel", "Hamas")), nil, nil},
	{"ar anaphor", "wasataha bayn al-janibayn", "محادثات جديدة\nاستأنفت إسرائيل وحماس المحادثات الأحد. وقال مسؤول إن قطر تواصل وساطتها بين الجانبين رغم الصعوبات.",
		pb3L(pb3("Qatar", "Israel", "Hamas")), nil, nil},
	{"ar anaphor", "taraf al-niza'", "هدنة في السودان\nتعثرت المحادثات بين الجيش السوداني وقوات الدعم السريع. وتتوسط السعودية بين طرفي النزاع منذ العام الماضي.",
		pb3L(pb3("Saudi Arabia", cSAF, cRSF)), nil, nil},
	{"ar anaphor", "dawlatayn, states", "محادثات الحدود\nاستأنفت أرمينيا وأذربيجان المحادثات الاثنين. وتتوسط الولايات المتحدة بين الدولتين منذ أشهر.",
		pb3L(pb3(cUS, "Armenia", "Azerbaijan")), nil, nil},
	{"ar anaphor", "gathers with clitic", "محادثات الحدود\nاستأنفت تايلاند وكمبوديا المحادثات الاثنين. وجمعت ماليزيا بين البلدين في كوالالمبور.",
		pb3L(pb3("Malaysia", "Thailand", "Cambodia")), nil, nil},
	{"ar anaphor", "baladayn are not a state and a group", "محادثات جديدة\nاستأنفت إسرائيل وحماس المحادثات الأحد. وتتوسط مصر بين البلدين منذ أشهر.",
		pb3None, nil, nil},
	{"ar anaphor", "al-buldan as a plural", "محادثات جديدة\nاستأنفت إسرائيل وحماس المحادثات الأحد. وتتوسط قطر بين البلدان العربية في ملفات أخرى.",
		pb3None, nil, nil},
	{"ar group", "wusata' in parentheses", "محادثات جديدة\nاستأنفت إسرائيل وحماس المحادثات الأحد. وقدم الوسطاء (مصر وقطر والولايات المتحدة) مقترحا جديدا.",
		pb3L(pb3("Egypt", "Israel", "Hamas"), pb3("Qatar", "Israel", "Hamas"), pb3(cUS, "Israel", "Hamas")), nil, nil},
	{"ar group", "co-chairs of a mediating group", "محادثات السلام\nاستأنفت أرمينيا وأذربيجان المحادثات في جنيف. وتنقل الرؤساء المشاركون لمجموعة مينسك (فرنسا وروسيا والولايات المتحدة) بين البلدين لسنوات.",
		pb3L(pb3("France", "Armenia", "Azerbaijan"), pb3("Russia", "Armenia", "Azerbaijan"), pb3(cUS, "Armenia", "Azerbaijan"), pb3("OSCE Minsk Group", "Armenia", "Azerbaijan")), nil, nil},
	{"ar group", "numbered wusata'", "محادثات\nاتفقت إسرائيل وحماس على استئناف المحادثات. وقال الوسطاء الثلاثة: مصر وقطر والولايات المتحدة إن الفجوات تقلصت.",
		pb3L(pb3("Egypt", "Israel", "Hamas"), pb3("Qatar", "Israel", "Hamas"), pb3(cUS, "Israel", "Hamas")), nil, nil},
}

func TestPhrasebookAnaphora(t *testing.T) {
	x := extractor(t)
	for _, c := range anaphoraCases {
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			r := x.Extract(c.text)
			s := summarize(r)
			w := append([]string(nil), c.med...)
			sort.Strings(w)
			if strings.Join(s.mediators, "; ") != strings.Join(w, "; ") {
				t.Errorf("text %q\nmediators\n got %s\nwant %s", c.text, strings.Join(quoteAll(s.mediators), ", "), strings.Join(quoteAll(w), ", "))
			}
			if c.ven != nil {
				v := append([]string(nil), c.ven...)
				sort.Strings(v)
				if strings.Join(s.venues, "; ") != strings.Join(v, "; ") {
					t.Errorf("venues\n got %s\nwant %s", strings.Join(quoteAll(s.venues), ", "), strings.Join(quoteAll(v), ", "))
				}
			}
			// Every mediation fact names the rule that found it, and one read
			// through a collective reference says where its pair came from.
			for _, f := range r.Facts {
				if f.Relation == RelMediator && f.Evidence.Rule == "" {
					t.Errorf("mediation fact without rule: %+v", f)
				}
				if f.Relation == RelMediator && strings.Contains(f.Evidence.Rule, "anaphor") && !strings.Contains(f.Evidence.Rule, "+antecedent:") {
					t.Errorf("anaphoric fact without antecedent: %s", f.Evidence.Rule)
				}
			}
		})
	}
}
