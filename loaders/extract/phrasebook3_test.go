package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/parleygraph/parley/schema"
)

// TestPhrasebookConflicts is a wide table of short Arabic and English news
// texts about negotiations the other phrasebooks barely cover (Libya, Syria,
// Yemen, Myanmar, the Horn of Africa, South Sudan, Mozambique, Cameroon,
// Colombia, Venezuela, the Philippines, the Caucasus, the Balkans, Russia and
// Ukraine, the Great Lakes, Sudan, South and Central Asia, Western Sahara) in
// the many ways news phrases mediation, with texts that name states and
// organisations in roles that are NOT mediation.
//
// Each case gives the exact set of mediators ("Mediator → A – B", the parties
// sorted as the extractor sorts them; built with pb3) and, where it matters,
// the exact set of talk venues and of negotiation issues: a nil venue or issue
// list is not checked, pb3None means none may be found.
//
// The conventions of TestPhrasebook and TestPhrasebookVenues apply. In
// addition:
//   - Guarantors of a process (the Astana format's Russia, Turkey and Iran;
//     Colombia's guarantor countries) and co-chairs of talks or of a mediating
//     group are mediators.
//   - A government named by its country, capital, leader or a government
//     body ("the Government of National Unity", "Maduro's government") is
//     that country; a military that is itself a side (Myanmar's military) and
//     an opposition coalition are sides of their own.
//   - A mediator named with scare quotes or as "so-called" is no mediator; nor
//     is a backer discussing a truce, a UN agency delivering aid, a monitor,
//     or an envoy who merely visits.
type conflictCase struct {
	phen, name, text string
	med              []string
	ven              []string // nil: not checked
	iss              []string // nil: not checked
}

// pb3None is an empty list that is checked.
var pb3None = []string{}

// pb3 renders a mediation fact as summarize does: the parties sorted by key.
func pb3(mediator string, parties ...string) string {
	ps := append([]string(nil), parties...)
	sort.Slice(ps, func(i, j int) bool { return schema.Slug(ps[i]) < schema.Slug(ps[j]) })
	return mediator + " → " + strings.Join(ps, " – ")
}

func pb3L(s ...string) []string { return s }

const (
	cLibya = "Libyan National Army"
	cSyOpp = "Syrian opposition"
	cSDF   = "Syrian Democratic Forces"
	cTat   = "Myanmar military"
	cTBA   = "Three Brotherhood Alliance"
	cSSOMA = "South Sudan Opposition Movements Alliance"
	cAmb   = "Ambazonian separatists"
	cUP    = "Unitary Platform"
	cMILF  = "Moro Islamic Liberation Front"
	cNDF   = "National Democratic Front of the Philippines"
	cEMC   = "Estado Mayor Central"
	cSM    = "Segunda Marquetalia"
	cCG    = "Clan del Golfo"
	cSAF   = "Sudanese Armed Forces"
	cRSF   = "Rapid Support Forces"
	cUS    = "United States"
	cUN    = "United Nations"
	cEU    = "European Union"
	cAU    = "African Union"
)

var conflictsEnglish = []conflictCase{
	// ---- Libya ----
	{"en Libya", "auspices 5+5 Sirte", "Headline\nThe 5+5 Joint Military Commission, which brings together officers of the Libyan National Army and the Government of National Unity, met in Sirte under the auspices of the United Nations.",
		pb3L(pb3(cUN, "Libya", cLibya)), pb3L("Sirte"), nil},
	{"en Libya", "UN-facilitated Geneva", "Headline\nUN-facilitated talks between the Government of National Unity and the Libyan National Army resumed in Geneva.",
		pb3L(pb3(cUN, "Libya", cLibya)), pb3L("Geneva"), nil},
	{"en Libya", "NEG Berlin conference host", "Headline\nGermany hosted an international conference on Libya in Berlin, where world leaders pledged to respect the arms embargo.",
		nil, nil, nil},
	{"en Libya", "NEG backers discuss truce", "Headline\nTurkey and Russia, which back opposing sides in Libya, discussed a truce between the Government of National Unity and the Libyan National Army.",
		nil, nil, pb3L("ceasefire")},
	{"en Libya", "Russia Turkey brokered Moscow", "Headline\nRussia and Turkey brokered a truce between the Government of National Unity and Khalifa Haftar's Libyan National Army in Moscow in January 2020.",
		pb3L(pb3("Russia", "Libya", cLibya), pb3("Turkey", "Libya", cLibya)), pb3L("Moscow"), pb3L("ceasefire")},
	// ---- Syria ----
	{"en Syria", "Astana guarantors apposition", "Headline\nRussia, Turkey and Iran, the guarantors of the Astana format, met in Astana to discuss the conflict between the Syrian government and the Syrian opposition.",
		pb3L(pb3("Iran", "Syria", cSyOpp), pb3("Russia", "Syria", cSyOpp), pb3("Turkey", "Syria", cSyOpp)), pb3L("Astana"), nil},
	{"en Syria", "Washington brokered Paris", "Headline\nWashington brokered talks between Israel and Syria in Paris on a security arrangement in the south.",
		pb3L(pb3(cUS, "Israel", "Syria")), pb3L("Paris"), nil},
	{"en Syria", "are mediating SDF", "Headline\nThe United States and France are mediating between the Syrian government and the Kurdish-led Syrian Democratic Forces over the integration of the SDF into the army.",
		pb3L(pb3("France", "Syria", cSDF), pb3(cUS, "Syria", cSDF)), nil, nil},
	{"en Syria", "hosted a meeting Baku", "Headline\nAzerbaijan hosted a meeting between Israeli and Syrian officials in Baku, diplomats said.",
		pb3L(pb3("Azerbaijan", "Israel", "Syria")), pb3L("Baku"), nil},
	{"en Syria", "NEG condemned", "Headline\nTurkey condemned Israeli strikes on Damascus and urged Israel to respect Syria's sovereignty.",
		nil, pb3None, nil},
	{"en Syria", "UN envoy convened Geneva", "Headline\nThe UN envoy for Syria convened talks in Geneva between the Syrian government and the Syrian opposition on a new constitution.",
		pb3L(pb3(cUN, "Syria", cSyOpp)), pb3L("Geneva"), nil},
	// ---- a former office holder mediates in their own name ----
	{"en Aceh", "mediated by former president", "Headline\nIndonesia and the Free Aceh Movement signed the accord after talks mediated by former Finnish president Martti Ahtisaari.",
		pb3L(pb3("Martti Ahtisaari", "Free Aceh Movement", "Indonesia")), nil, nil},
	{"ar Aceh", "bi-wasata former president", "عنوان\nووقعت إندونيسيا وحركة آتشه الحرة الاتفاق بعد محادثات بوساطة الرئيس الفنلندي السابق مارتي أهتيساري.",
		pb3L(pb3("مارتي أهتيساري", "Indonesia", "حركة آتشه الحرة")), nil, nil},
	// ---- the role of mediator; an offer of mediation ----
	{"en Colombia", "played the role of mediator", "Headline\nNorway played the role of mediator between the Colombian government and the ELN.",
		pb3L(pb3("Norway", "Colombia", "ELN")), nil, nil},
	{"ar Darfur", "dawr al-wasit bayn", "عنوان\nوتلعب الجزائر دور الوسيط بين الحكومة السودانية وحركة العدل والمساواة.",
		pb3L(pb3("Algeria", "Justice and Equality Movement", "Sudan")), nil, nil},
	{"en no mediator", "offered its mediation", "Headline\nTurkey offered its mediation between Pakistan and Afghanistan.",
		pb3None, nil, nil},
	{"en Gaza", "along with", "Headline\nQatar, along with Egypt and the United States, has been mediating between Israel and Hamas.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel"), pb3("United States", "Hamas", "Israel")), nil, nil},
	{"en Sudan", "co-sponsors apposition", "Headline\nWashington and Riyadh, the co-sponsors of the talks between the Sudanese army and the RSF, called for calm.",
		pb3L(pb3("Saudi Arabia", "Rapid Support Forces", "Sudanese Armed Forces"), pb3("United States", "Rapid Support Forces", "Sudanese Armed Forces")), nil, nil},
	{"en Thailand", "the ASEAN chair", "Headline\nThe truce between Thailand and Cambodia came after mediation by Malaysia, the ASEAN chair.",
		pb3L(pb3("Malaysia", "Cambodia", "Thailand")), nil, nil},
	{"en Gaza", "role in reaching", "Headline\nThe EU praised Egypt's role in reaching the ceasefire between Israel and Hamas.",
		pb3L(pb3("Egypt", "Hamas", "Israel")), nil, nil},
	{"ar Gaza", "al-dawr alladhi qamat bihi", "عنوان\nوأشاد الاتحاد الأوروبي بالدور الذي قامت به مصر للتوصل إلى وقف إطلاق النار بين إسرائيل وحركة «حماس».",
		pb3L(pb3("Egypt", "Hamas", "Israel")), nil, nil},
	{"en Casamance", "memorandum signed in", "Headline\nThe two sides signed a memorandum of understanding in Bissau on Friday, officials in Dakar said.",
		nil, pb3L("Bissau"), nil},
	// ---- issues named by bare words: none, or the narrower one ----
	{"en no issue", "along the border", "Headline\nClashes broke out along the border between Sudan and South Sudan.",
		nil, nil, pb3None},
	{"ar no issue", "ala al-hudud", "عنوان\nاندلعت اشتباكات على الحدود بين السودان وجنوب السودان.",
		nil, nil, pb3None},
	{"en no issue", "de-escalation", "Headline\nIndia and Pakistan agreed on steps toward de-escalation.",
		nil, nil, pb3None},
	{"en issue", "an end to the fighting", "Headline\nThe army and the rebels agreed to a ceasefire and an end to the fighting.",
		nil, nil, pb3L("ceasefire")},
	// ---- Yemen ----
	{"en Yemen", "Stockholm Agreement brokered", "Headline\nThe Stockholm Agreement between the Yemeni government and the Houthis, brokered by the United Nations in December 2018, covered Hodeidah and a prisoner swap.",
		pb3L(pb3(cUN, "Houthis", "Yemen")), pb3None, pb3L("prisoner exchange")}, // named accords are not venues (issue #9),
	{"en Yemen", "which has mediated Saudi Houthis", "Headline\nOman, which has mediated between Saudi Arabia and the Houthis, received a Saudi delegation in Muscat.",
		pb3L(pb3("Oman", "Houthis", "Saudi Arabia")), nil, nil},
	{"en Yemen", "Omani mediators shuttled capitals", "Headline\nOmani mediators shuttled between Riyadh and Sanaa to extend the truce between Saudi Arabia and the Houthis.",
		pb3L(pb3("Oman", "Houthis", "Saudi Arabia")), nil, nil},
	{"en Yemen", "under UN and ICRC auspices", "Headline\nA prisoner exchange between the Houthis and the Yemeni government was carried out under UN and ICRC auspices.",
		pb3L(pb3("International Committee of the Red Cross", "Houthis", "Yemen"), pb3(cUN, "Houthis", "Yemen")), nil, pb3L("prisoner exchange")},
	{"en Yemen", "with mediation from Oman", "Headline\nThe United States and the Houthis agreed to stop attacking each other's ships with mediation from Oman.",
		pb3L(pb3("Oman", "Houthis", cUS)), nil, nil},
	{"en Yemen", "NEG WFP aid", "Headline\nThe World Food Programme delivered food aid to Hodeidah after the truce between the Houthis and the government.",
		nil, pb3None, pb3L("ceasefire", "humanitarian aid")},
	// ---- Myanmar ----
	{"en Myanmar", "China brokered Kunming", "Headline\nChina brokered a ceasefire between Myanmar's military and the Three Brotherhood Alliance in Kunming.",
		pb3L(pb3("China", cTat, cTBA)), pb3L("Kunming"), pb3L("ceasefire")},
	{"en Myanmar", "with mediation from China", "Headline\nThe Myanmar military and the Myanmar National Democratic Alliance Army held talks in Kunming with mediation from China.",
		pb3L(pb3("China", "Myanmar National Democratic Alliance Army", cTat)), pb3L("Kunming"), nil},
	{"en Myanmar", "as ASEAN chair facilitated", "Headline\nMalaysia, as ASEAN chair, facilitated informal talks between Myanmar's military and the National Unity Government.",
		pb3L(pb3("Malaysia", "National Unity Government", cTat)), nil, nil},
	{"en Myanmar", "NEG fighting", "Headline\nThe Arakan Army seized the town of Paletwa after heavy fighting with Myanmar's military.",
		nil, pb3None, nil},
	// ---- Ethiopia, Eritrea, Somalia ----
	{"en Horn", "hosted the signing Jeddah", "Headline\nSaudi Arabia hosted the signing of the Jeddah peace agreement between Ethiopia and Eritrea in 2018.",
		pb3L(pb3("Saudi Arabia", "Eritrea", "Ethiopia")), pb3None, pb3L("peace agreement")},
	{"en Horn", "quietly brokered capitals", "Headline\nThe United Arab Emirates quietly brokered the rapprochement between Addis Ababa and Asmara.",
		pb3L(pb3("United Arab Emirates", "Eritrea", "Ethiopia")), nil, nil},
	{"en Horn", "NEG accused urged", "Headline\nEritrea accused Ethiopia of seeking war over access to the Red Sea, while the African Union urged both sides to show restraint.",
		nil, nil, nil},
	{"en Horn", "Ankara Declaration", "Headline\nTurkey brokered the Ankara Declaration between Ethiopia and Somalia, easing tensions over Somaliland.",
		pb3L(pb3("Turkey", "Ethiopia", "Somalia")), pb3None, nil},
	{"en Horn", "Djibouti facilitated Somaliland", "Headline\nDjibouti facilitated talks between Somalia and Somaliland in 2023, the first in years.",
		pb3L(pb3("Djibouti", "Somalia", "Somaliland")), nil, nil},
	{"en Horn", "NEG al-Shabaab attack", "Headline\nAl-Shabaab fighters attacked an African Union base near Mogadishu.",
		nil, pb3None, nil},
	{"en Horn", "NEG offer rejected", "Headline\nErdogan said Turkey was ready to mediate between Somalia and Somaliland, but Hargeisa rejected the offer.",
		nil, nil, nil},
	// ---- South Sudan ----
	{"en South Sudan", "Sant'Egidio hosted Rome", "Headline\nThe Community of Sant'Egidio hosted talks in Rome between the South Sudanese government and the South Sudan Opposition Movements Alliance.",
		pb3L(pb3("Community of Sant'Egidio", "South Sudan", cSSOMA)), pb3L("Rome"), nil},
	{"en South Sudan", "Kenya mediating Tumaini", "Headline\nKenya is mediating the Tumaini talks in Nairobi between the government of South Sudan and the SSOMA holdout groups.",
		pb3L(pb3("Kenya", "South Sudan", cSSOMA)), pb3L("Nairobi"), nil},
	{"en South Sudan", "under IGAD mediation", "Headline\nRiek Machar's SPLM-IO and President Salva Kiir's government signed the revitalised agreement in Addis Ababa under IGAD mediation.",
		pb3L(pb3("Intergovernmental Authority on Development", "South Sudan", "SPLM-IO")), pb3L("Addis Ababa"), nil},
	{"en South Sudan", "NEG fighting", "Headline\nFighting between the army and SPLM-IO forces in Upper Nile displaced thousands, the UN said.",
		nil, pb3None, nil},
	{"en South Sudan", "AU mediators Abyei", "Headline\nAfrican Union mediators have tried for years to broker a deal between Sudan and South Sudan on Abyei.",
		pb3L(pb3(cAU, "South Sudan", "Sudan")), pb3None, nil},
	// ---- Mozambique ----
	{"en Mozambique", "Switzerland facilitated Maputo", "Headline\nSwitzerland facilitated the 2019 peace agreement between the government of Mozambique and RENAMO, signed in Maputo.",
		pb3L(pb3("Switzerland", "Mozambique", "RENAMO")), pb3L("Maputo"), pb3L("peace agreement")},
	{"en Mozambique", "were mediated by Sant'Egidio", "Headline\nThe 1992 General Peace Accords between FRELIMO and RENAMO were mediated by the Community of Sant'Egidio.",
		pb3L(pb3("Community of Sant'Egidio", "FRELIMO", "RENAMO")), nil, nil},
	{"en Mozambique", "NEG troops deployed", "Headline\nRwandan troops deployed to Cabo Delgado to fight insurgents linked to the Islamic State.",
		nil, pb3None, nil},
	// ---- Cameroon ----
	{"en Cameroon", "has been facilitating", "Headline\nSwitzerland has been facilitating talks between the Cameroonian government and Anglophone separatist groups since 2019.",
		pb3L(pb3("Switzerland", cAmb, "Cameroon")), nil, nil},
	{"en Cameroon", "Swiss-led mediation", "Headline\nThe Swiss-led mediation between Cameroon and Anglophone separatists stalled in 2022.",
		pb3L(pb3("Switzerland", cAmb, "Cameroon")), nil, nil},
	{"en Cameroon", "NEG rejects foreign mediation", "Headline\nCameroon's government rejected any foreign mediation in its conflict with Anglophone separatists.",
		nil, nil, nil},
	// ---- Colombia ----
	{"en Colombia", "with guarantors EMC Tibu", "Headline\nThe Colombian government and FARC dissidents of the Estado Mayor Central began talks in Tibu with Norway, Ireland and Switzerland as guarantors.",
		pb3L(pb3("Ireland", "Colombia", cEMC), pb3("Norway", "Colombia", cEMC), pb3("Switzerland", "Colombia", cEMC)), pb3L("Tibú"), nil},
	{"en Colombia", "act as guarantors Marquetalia", "Headline\nVenezuela, Cuba and Norway act as guarantors of the peace talks between Bogota and the Segunda Marquetalia.",
		pb3L(pb3("Cuba", "Colombia", cSM), pb3("Norway", "Colombia", cSM), pb3("Venezuela", "Colombia", cSM)), nil, nil},
	{"en Colombia", "Qatar hosted Clan del Golfo", "Headline\nQatar hosted talks in Doha between the Colombian government and the Clan del Golfo.",
		pb3L(pb3("Qatar", cCG, "Colombia")), pb3L("Doha"), nil},
	{"en Colombia", "deal mediated by Norway", "Headline\nUnder a deal mediated by Norway, the Colombian government and the ELN agreed to a bilateral ceasefire.",
		pb3L(pb3("Norway", "Colombia", "ELN")), nil, pb3L("ceasefire")},
	{"en Colombia", "NEG fighting Catatumbo", "Headline\nThe ELN and FARC dissidents fought for control of the Catatumbo region, forcing thousands to flee.",
		nil, pb3None, nil},
	// ---- Venezuela ----
	{"en Venezuela", "facilitated Maduro's government", "Headline\nNorway facilitated the talks between Nicolás Maduro's government and the Unitary Platform in Mexico City.",
		pb3L(pb3("Norway", cUP, "Venezuela")), pb3L("Mexico City"), nil},
	{"en Venezuela", "Norwegian facilitation Bridgetown", "Headline\nThe Barbados Agreement between the Venezuelan government and the opposition Unitary Platform was signed in Bridgetown with Norwegian facilitation.",
		pb3L(pb3("Norway", cUP, "Venezuela")), pb3L("Bridgetown"), nil},
	{"en Venezuela", "NEG sanctions", "Headline\nThe United States imposed new sanctions on Venezuela after the opposition rejected the election results.",
		nil, pb3None, pb3L("sanctions")},
	// ---- Philippines ----
	{"en Philippines", "third-party facilitator apposition", "Headline\nMalaysia, the third-party facilitator of the peace process between Manila and the Moro Islamic Liberation Front, welcomed the Bangsamoro elections.",
		pb3L(pb3("Malaysia", cMILF, "Philippines")), nil, pb3None}, // a peace process is no peace agreement
	{"en Philippines", "has facilitated NDF", "Headline\nNorway has facilitated on-and-off talks between the Philippine government and the National Democratic Front since 2001.",
		pb3L(pb3("Norway", cNDF, "Philippines")), nil, nil},
	{"en Philippines", "signed Manila talks facilitated KL", "Headline\nThe Philippines and the Moro Islamic Liberation Front signed the Comprehensive Agreement on the Bangsamoro in Manila in 2014, after talks facilitated by Malaysia in Kuala Lumpur.",
		pb3L(pb3("Malaysia", cMILF, "Philippines")), pb3L("Kuala Lumpur", "Manila"), pb3L("peace agreement")},
	// ---- Armenia, Azerbaijan, Nagorno-Karabakh ----
	{"en Caucasus", "brokered by Moscow", "Headline\nThe 2020 ceasefire between Armenia and Azerbaijan over Nagorno-Karabakh was brokered by Moscow.",
		pb3L(pb3("Russia", "Armenia", "Azerbaijan")), pb3None, pb3L("ceasefire")},
	{"en Caucasus", "Minsk Group co-chairs", "Headline\nFrance, Russia and the United States co-chaired the OSCE Minsk Group, which mediated between Armenia and Azerbaijan for decades.",
		pb3L(pb3("France", "Armenia", "Azerbaijan"), pb3("OSCE Minsk Group", "Armenia", "Azerbaijan"), pb3("Russia", "Armenia", "Azerbaijan"), pb3(cUS, "Armenia", "Azerbaijan")), nil, nil},
	{"en Caucasus", "EU-mediated leaders Brussels", "Headline\nNikol Pashinyan and Ilham Aliyev met in Brussels for EU-mediated talks on a peace treaty.",
		pb3L(pb3(cEU, "Armenia", "Azerbaijan")), pb3L("Brussels"), pb3L("peace agreement")},
	{"en Caucasus", "NEG Iran warned", "Headline\nIran warned against any change to its border with Armenia along the Zangezur corridor.",
		nil, pb3None, nil},
	// ---- Serbia, Kosovo ----
	{"en Balkans", "EU-facilitated dialogue", "Headline\nThe EU-facilitated dialogue between Serbia and Kosovo resumed in Brussels.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), pb3L("Brussels"), nil},
	{"en Balkans", "EU envoy shuttled capitals", "Headline\nEU special representative Miroslav Lajčák shuttled between Belgrade and Pristina to save the Ohrid agreement.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), nil, nil},
	{"en Balkans", "under the mediation of Borrell", "Headline\nKosovo Prime Minister Albin Kurti and Serbian President Aleksandar Vucic agreed in Ohrid to the EU plan under the mediation of EU foreign policy chief Josep Borrell.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), pb3L("Ohrid"), nil},
	{"en Balkans", "NEG troops on alert", "Headline\nSerbia put its troops on alert near the boundary with Kosovo after clashes in the north.",
		nil, pb3None, nil},
	// ---- Russia, Ukraine ----
	{"en Ukraine", "Vatican intermediary children", "Headline\nThe Vatican has acted as an intermediary between Russia and Ukraine on the return of children, Cardinal Matteo Zuppi said.",
		pb3L(pb3("Vatican", "Russia", "Ukraine")), nil, nil},
	{"en Ukraine", "Qatar has mediated children", "Headline\nQatar has mediated the reunification of dozens of Ukrainian children with their families, in talks with Moscow and Kyiv.",
		pb3L(pb3("Qatar", "Russia", "Ukraine")), pb3None, nil},
	{"en Ukraine", "swap mediated by UAE", "Headline\nRussia and Ukraine exchanged 84 prisoners of war each in a swap mediated by the United Arab Emirates.",
		pb3L(pb3("United Arab Emirates", "Russia", "Ukraine")), pb3None, pb3L("prisoner exchange")},
	{"en Ukraine", "hosted demonym talks Jeddah", "Headline\nSaudi Arabia hosted U.S.-Ukrainian talks in Jeddah that produced a 30-day ceasefire proposal.",
		pb3L(pb3("Saudi Arabia", "Ukraine", cUS)), pb3L("Jeddah"), pb3L("ceasefire", "truce duration")},
	{"en Ukraine", "NEG offered to host", "Headline\nTurkish President Recep Tayyip Erdogan offered to host peace talks between Russia and Ukraine, but the Kremlin said no date had been set.",
		nil, nil, nil},
	{"en Ukraine", "brokered in city by", "Headline\nThe grain corridor deal between Moscow and Kyiv was brokered in Istanbul by Turkey and the UN.",
		pb3L(pb3("Turkey", "Russia", "Ukraine"), pb3(cUN, "Russia", "Ukraine")), pb3L("Istanbul"), nil},
	{"en Ukraine", "NEG so-called mediator", "Headline\nKyiv dismissed Belarus as a so-called mediator between Russia and Ukraine, calling Minsk a co-aggressor.",
		nil, pb3None, nil},
	{"en Ukraine", "FM chairing session", "Headline\nUkrainian and Russian delegations met in Istanbul for direct talks, with Turkish Foreign Minister Hakan Fidan chairing the session.",
		pb3L(pb3("Turkey", "Russia", "Ukraine")), pb3L("Istanbul"), nil},
	{"en Ukraine", "helped arrange swaps", "Headline\nThe UAE and Saudi Arabia have both helped arrange prisoner swaps between Russia and Ukraine.",
		pb3L(pb3("Saudi Arabia", "Russia", "Ukraine"), pb3("United Arab Emirates", "Russia", "Ukraine")), nil, pb3L("prisoner exchange")},
	{"en Ukraine", "X-hosted talks Riyadh", "Headline\nSaudi-hosted talks between U.S. and Russian officials in Riyadh laid the groundwork for a summit.",
		pb3L(pb3("Saudi Arabia", "Russia", cUS)), pb3L("Riyadh"), nil},
	// ---- Israel, Lebanon ----
	{"en Lebanon", "envoy shuttled disarmament", "Headline\nU.S. envoy Morgan Ortagus shuttled between Beirut and Tel Aviv to push Lebanon and Israel toward talks on disarming Hezbollah.",
		pb3L(pb3(cUS, "Israel", "Lebanon")), nil, pb3L("disarmament")},
	{"en Lebanon", "meeting chaired by a general", "Headline\nIsraeli and Lebanese civilian representatives joined the ceasefire mechanism in Naqoura for the first time, in a meeting chaired by a U.S. general.",
		pb3L(pb3(cUS, "Israel", "Lebanon")), pb3L("Naqoura"), pb3L("ceasefire")},
	{"en Lebanon", "NEG scare quotes", "Headline\nHezbollah dismissed the U.S. envoy as a \"mediator\" who sides with Israel.",
		nil, pb3None, nil},
	// ---- Israel, Hamas ----
	{"en Gaza", "mediators dash list", "Headline\nThe mediators — Egypt, Qatar and the United States — said the second phase of the ceasefire between Israel and Hamas would begin soon.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel"), pb3(cUS, "Hamas", "Israel")), nil, pb3L("ceasefire", "phased agreement")},
	{"en Gaza", "through nisba mediators", "Headline\nHamas delivered its response to Israel's proposal through Egyptian and Qatari mediators.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel")), nil, nil},
	{"en Gaza", "under Egyptian auspices Cairo", "Headline\nIsrael sent a delegation to Cairo for talks with Hamas under Egyptian auspices.",
		pb3L(pb3("Egypt", "Hamas", "Israel")), pb3L("Cairo"), nil},
	{"en Gaza", "with nisba mediation hostages", "Headline\nIn a deal negotiated with Qatari and Egyptian mediation, Hamas freed four Israeli hostages.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel")), nil, pb3L("hostage release")},
	{"en Gaza", "shuttle diplomacy by", "Headline\nThe deal was sealed in Sharm el-Sheikh after intense shuttle diplomacy by Egyptian, Qatari and Turkish officials between the Israeli and Hamas delegations.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel"), pb3("Turkey", "Hamas", "Israel")), pb3L("Sharm el-Sheikh"), nil},
	{"en Gaza", "NEG UNRWA flour", "Headline\nUNRWA distributed flour in Gaza City after the ceasefire between Israel and Hamas took effect.",
		nil, pb3None, pb3L("ceasefire")},
	// ---- Iran, United States ----
	{"en Iran", "FM carried messages delegations", "Headline\nOman's foreign minister Badr Albusaidi carried messages between the Iranian and American delegations, which sat in separate rooms in Muscat.",
		pb3L(pb3("Oman", "Iran", cUS)), pb3L("Muscat"), nil},
	{"en Iran", "relayed proposal to Tehran", "Headline\nQatar relayed a U.S. proposal to Tehran as Doha tries to revive talks between Iran and the United States.",
		pb3L(pb3("Qatar", "Iran", cUS)), pb3None, nil},
	{"en Iran", "through Omani intermediaries Rome", "Headline\nIndirect talks between Tehran and Washington, held through Omani intermediaries, ended in Rome.",
		pb3L(pb3("Oman", "Iran", cUS)), pb3L("Rome"), nil},
	{"en Iran", "role as a go-between", "Headline\nOman's role as a go-between for Iran and the United States dates back to the secret talks of 2013.",
		pb3L(pb3("Oman", "Iran", cUS)), nil, nil},
	{"en Iran", "NEG IAEA", "Headline\nThe IAEA said Iran had expanded its stockpile of enriched uranium, as Europe threatened snapback sanctions.",
		nil, pb3None, pb3L("nuclear program", "sanctions")},
	// ---- DR Congo, Rwanda ----
	{"en Great Lakes", "led the Luanda process", "Headline\nAngolan President João Lourenço led the Luanda process between Kinshasa and Kigali until March 2025.",
		pb3L(pb3("Angola", "DR Congo", "Rwanda")), pb3L("Luanda"), nil},
	{"en Great Lakes", "co-mediated Doha framework", "Headline\nQatar and the United States co-mediated the Doha framework between Kinshasa and the M23 rebels.",
		pb3L(pb3("Qatar", "DR Congo", "M23"), pb3(cUS, "DR Congo", "M23")), pb3L("Doha"), nil},
	{"en Great Lakes", "under the auspices of two", "Headline\nRwanda and DR Congo signed a peace agreement under the auspices of the United States and Qatar.",
		pb3L(pb3("Qatar", "DR Congo", "Rwanda"), pb3(cUS, "DR Congo", "Rwanda")), nil, pb3L("peace agreement")},
	{"en Great Lakes", "NEG MONUSCO", "Headline\nMONUSCO peacekeepers evacuated civilians from Goma as M23 fighters advanced.",
		nil, pb3None, nil},
	{"en Great Lakes", "through Qatari mediation", "Headline\nThrough Qatari mediation, the Congolese government and the M23 agreed to exchange prisoners.",
		pb3L(pb3("Qatar", "DR Congo", "M23")), nil, pb3L("prisoner exchange")},
	{"en Great Lakes", "roadmap mediated by Angola", "Headline\nThe Luanda roadmap between DR Congo and Rwanda, mediated by Angola, collapsed in 2024.",
		pb3L(pb3("Angola", "DR Congo", "Rwanda")), pb3L("Luanda"), nil},
	{"en Great Lakes", "in Doha mediators met", "Headline\nIn Doha, Qatari mediators met separately with the M23 and Congolese government delegations.",
		pb3L(pb3("Qatar", "DR Congo", "M23")), pb3L("Doha"), nil},
	// ---- Sudan ----
	{"en Sudan", "mediation efforts led by in Jeddah", "Headline\nMediation efforts led by Saudi Arabia and the United States in Jeddah failed to end the war between the Sudanese army and the RSF.",
		pb3L(pb3("Saudi Arabia", cRSF, cSAF), pb3(cUS, cRSF, cSAF)), pb3L("Jeddah"), pb3L("permanent end of war")},
	{"en Sudan", "NEG conference host", "Headline\nEgypt hosted a conference of Sudanese civilian forces in Cairo, but neither the army nor the RSF attended.",
		nil, nil, nil},
	{"en Sudan", "which co-host the platform", "Headline\nSaudi Arabia and the United States, which co-host the Jeddah platform, called on the Sudanese army and the RSF to return to negotiations.",
		pb3L(pb3("Saudi Arabia", cRSF, cSAF), pb3(cUS, cRSF, cSAF)), pb3L("Jeddah"), nil},
	{"en Sudan", "envoys shuttling", "Headline\nIGAD envoys have been shuttling between Port Sudan and Nyala to bring the Sudanese army and the RSF together.",
		pb3L(pb3("Intergovernmental Authority on Development", cRSF, cSAF)), nil, nil},
	{"en Sudan", "NEG WFP El Fasher", "Headline\nThe World Food Programme said aid convoys reached El Fasher for the first time since the RSF siege began.",
		nil, pb3None, nil},
	{"en Sudan", "NEG denied arming", "Headline\nThe UAE denied accusations by the Sudanese army that it arms the RSF, and said it supports a ceasefire.",
		nil, pb3None, nil},
	// ---- Thailand, Cambodia ----
	{"en Thailand", "hosted leaders Putrajaya", "Headline\nMalaysian Prime Minister Anwar Ibrahim hosted Thai and Cambodian leaders in Putrajaya, where they agreed to an unconditional ceasefire.",
		pb3L(pb3("Malaysia", "Cambodia", "Thailand")), pb3L("Putrajaya"), pb3L("ceasefire")},
	{"en Thailand", "NEG observers", "Headline\nThe United States and China attended the ceasefire talks between Thailand and Cambodia as observers.",
		nil, nil, pb3L("ceasefire")},
	{"en Thailand", "NEG rejected mediation", "Headline\nThailand rejected third-party mediation in its border dispute with Cambodia, insisting on bilateral mechanisms.",
		nil, pb3None, pb3L("territorial control")}, // a border dispute is over territory
	{"en Thailand", "with X as facilitator and observers", "Headline\nCeasefire talks between Thailand and Cambodia took place in Kuala Lumpur with Malaysia as facilitator and U.S. and Chinese officials as observers.",
		pb3L(pb3("Malaysia", "Cambodia", "Thailand")), pb3L("Kuala Lumpur"), pb3L("ceasefire")},
	// ---- South Asia ----
	{"en South Asia", "NEG offered rejected", "Headline\nIndia rejected any third-party mediation on Kashmir after Trump offered to mediate between New Delhi and Islamabad.",
		nil, pb3None, nil},
	{"en South Asia", "NEG visited", "Headline\nSaudi and Iranian foreign ministers visited Islamabad and New Delhi as tensions between India and Pakistan soared.",
		nil, pb3None, nil},
	{"en South Asia", "round hosted by two", "Headline\nPakistani and Afghan delegations met in Istanbul for a third round of talks hosted by Turkey and Qatar.",
		pb3L(pb3("Qatar", "Afghanistan", "Pakistan"), pb3("Turkey", "Afghanistan", "Pakistan")), pb3L("Istanbul"), nil},
	{"en South Asia", "agreed in Doha mediated by", "Headline\nThe ceasefire between Kabul and Islamabad, agreed in Doha, was mediated by Qatar.",
		pb3L(pb3("Qatar", "Afghanistan", "Pakistan")), pb3L("Doha"), pb3L("ceasefire")},
	{"en South Asia", "NEG willing constructive role", "Headline\nChina's foreign ministry said Beijing was willing to play a constructive role between India and Pakistan.",
		nil, pb3None, nil},
	// ---- Georgia, Western Sahara, Tigray ----
	{"en Georgia", "co-chaired by three", "Headline\nThe Geneva International Discussions between Georgia and Russia over Abkhazia and South Ossetia, co-chaired by the OSCE, the EU and the UN, held their 60th round.",
		pb3L(pb3(cEU, "Georgia", "Russia"), pb3("Organization for Security and Co-operation in Europe", "Georgia", "Russia"), pb3(cUN, "Georgia", "Russia")), nil, nil},
	{"en Georgia", "NEG protest", "Headline\nGeorgian protesters rallied in Tbilisi against the government's decision to suspend EU accession talks.",
		nil, pb3None, nil},
	{"en Western Sahara", "personal envoy consultations", "Headline\nThe UN personal envoy for Western Sahara, Staffan de Mistura, held consultations with Morocco and the Polisario Front in Geneva.",
		pb3L(pb3(cUN, "Morocco", "Polisario Front")), pb3L("Geneva"), nil},
	{"en Tigray", "panel led by brokered", "Headline\nThe African Union panel, led by Olusegun Obasanjo, brokered the Pretoria agreement between the Ethiopian government and the TPLF.",
		pb3L(pb3(cAU, "Ethiopia", "TPLF")), pb3None, nil},
	{"en Tigray", "NEG monitors", "Headline\nKenyan and South African officials monitored the implementation of the cessation of hostilities between Ethiopia and the TPLF.",
		nil, pb3None, pb3L("ceasefire")},
	// ---- Gulf, other phrasings ----
	{"en Gulf", "shuttle diplomacy between capitals", "Headline\nKuwait's emir undertook shuttle diplomacy between Riyadh and Doha during the Gulf crisis.",
		pb3L(pb3("Kuwait", "Qatar", "Saudi Arabia")), nil, nil},
	{"en Gulf", "talks facilitated by", "Headline\nBahrain and Iran agreed to restore ties after talks facilitated by Russia.",
		pb3L(pb3("Russia", "Bahrain", "Iran")), pb3None, nil},
	{"en Gulf", "NEG no mediator in sight", "Headline\nEgypt and Ethiopia traded accusations over the Grand Ethiopian Renaissance Dam, with no mediator in sight.",
		nil, pb3None, nil},
	{"en Gulf", "NEG ICRC ready", "Headline\nThe ICRC said it was ready to facilitate any exchange of prisoners between Russia and Ukraine.",
		nil, pb3None, pb3L("prisoner exchange")},
	{"en Gulf", "NEG leaders offered to broker", "Headline\nKenya and Uganda have offered to broker talks between the Sudanese army and the RSF.",
		nil, pb3None, nil},
}

var conflictsArabic = []conflictCase{
	// ---- ليبيا ----
	{"ar Libya", "5+5 bi-riaya umamiya Sirte", "عنوان\nاجتمعت اللجنة العسكرية المشتركة (5+5) بين الجيش الوطني الليبي وحكومة الوحدة الوطنية في سرت برعاية أممية.",
		pb3L(pb3(cUN, "Libya", cLibya)), pb3L("Sirte"), nil},
	{"ar Libya", "NEG Berlin conference", "عنوان\nاستضافت ألمانيا مؤتمر برلين حول ليبيا بمشاركة قادة دول عدة.",
		nil, nil, nil},
	{"ar Libya", "tawassatat truce", "عنوان\nتوسطت تركيا وروسيا في هدنة بين حكومة الوحدة الوطنية الليبية والجيش الوطني الليبي عام 2020.",
		pb3L(pb3("Russia", "Libya", cLibya), pb3("Turkey", "Libya", cLibya)), nil, pb3L("ceasefire")},
	// ---- سوريا ----
	{"ar Syria", "damina Astana list", "عنوان\nعقدت الدول الضامنة لمسار أستانا، روسيا وتركيا وإيران، اجتماعاً في أستانا لبحث الأزمة بين الحكومة السورية والمعارضة السورية.",
		pb3L(pb3("Iran", "Syria", cSyOpp), pb3("Russia", "Syria", cSyOpp), pb3("Turkey", "Syria", cSyOpp)), pb3L("Astana"), nil},
	{"ar Syria", "tatawassat SDF", "عنوان\nتتوسط الولايات المتحدة بين الحكومة السورية وقوات سوريا الديمقراطية (قسد) بشأن دمج القوات في الجيش.",
		pb3L(pb3(cUS, "Syria", cSDF)), nil, nil},
	{"ar Syria", "Baku officials nisba", "عنوان\nاستضافت باكو لقاءً بين مسؤولين سوريين وإسرائيليين برعاية أذربيجانية.",
		pb3L(pb3("Azerbaijan", "Israel", "Syria")), pb3L("Baku"), nil},
	{"ar Syria", "NEG adanat", "عنوان\nأدانت تركيا الغارات الإسرائيلية على دمشق ودعت إلى احترام سيادة سوريا.",
		nil, pb3None, nil},
	// ---- اليمن ----
	{"ar Yemen", "ittifaq Stockholm", "عنوان\nتم التوصل إلى اتفاق ستوكهولم بين الحكومة اليمنية والحوثيين برعاية الأمم المتحدة في ديسمبر 2018.",
		pb3L(pb3(cUN, "Houthis", "Yemen")), pb3None, nil},
	{"ar Yemen", "al-wasit al-umani Muscat", "عنوان\nقال الوسيط العماني إن المشاورات بين السعودية والحوثيين أحرزت تقدماً في مسقط.",
		pb3L(pb3("Oman", "Houthis", "Saudi Arabia")), pb3L("Muscat"), nil},
	{"ar Yemen", "prisoners bi-wasata umaniya", "عنوان\nأفرج الحوثيون عن عشرات الأسرى السعوديين بوساطة عمانية ضمن صفقة تبادل مع الرياض.",
		pb3L(pb3("Oman", "Houthis", "Saudi Arabia")), nil, pb3L("prisoner exchange")},
	{"ar Yemen", "NEG UN aid", "عنوان\nسلّمت الأمم المتحدة مساعدات غذائية إلى الحديدة بعد الهدنة بين الحوثيين والحكومة.",
		nil, pb3None, pb3L("ceasefire", "humanitarian aid")},
	{"ar Yemen", "envoy relayed messages capitals", "عنوان\nنقل المبعوث الأممي هانس غروندبرغ رسائل بين الرياض وصنعاء لتمديد الهدنة.",
		pb3L(pb3(cUN, "Houthis", "Saudi Arabia")), nil, nil},
	// ---- ميانمار ----
	{"ar Myanmar", "tawassatat China Kunming", "عنوان\nتوسطت الصين في وقف لإطلاق النار بين المجلس العسكري في ميانمار وتحالف الأخوة الثلاثة في كونمينغ.",
		pb3L(pb3("China", cTat, cTBA)), pb3L("Kunming"), pb3L("ceasefire")},
	// No city is named, so the country is the venue (Beijing here is the government).
	{"ar Myanmar", "bi-tashil min capital", "عنوان\nعقد جيش ميانمار وجيش أراكان محادثات في الصين بتسهيل من بكين.",
		pb3L(pb3("China", "Arakan Army", cTat)), pb3L("China"), nil},
	{"ar Myanmar", "NEG clashes", "عنوان\nاندلعت اشتباكات عنيفة بين جيش ميانمار وجيش أراكان في ولاية راخين.",
		nil, pb3None, nil},
	{"ar Myanmar", "taqud juhud ASEAN NUG", "عنوان\nتقود رابطة آسيان جهود الوساطة بين المجلس العسكري في ميانمار وحكومة الوحدة الوطنية.",
		pb3L(pb3("Association of Southeast Asian Nations", "National Unity Government", cTat)), nil, nil},
	// ---- القرن الأفريقي ----
	{"ar Horn", "Jeddah accord bi-riaya saudiya", "عنوان\nوقعت إثيوبيا وإريتريا اتفاق جدة للسلام عام 2018 برعاية سعودية.",
		pb3L(pb3("Saudi Arabia", "Eritrea", "Ethiopia")), pb3None, nil},
	{"ar Horn", "juhud al-wasata al-imaratiya capitals", "عنوان\nأشاد الاتحاد الأفريقي بجهود الوساطة الإماراتية بين أديس أبابا وأسمرة.",
		pb3L(pb3("United Arab Emirates", "Eritrea", "Ethiopia")), nil, nil},
	{"ar Horn", "NEG accused", "عنوان\nاتهمت إريتريا إثيوبيا بالسعي إلى الحرب للوصول إلى البحر الأحمر.",
		nil, pb3None, nil},
	{"ar Horn", "i'lan Ankara bi-wasata turkiya", "عنوان\nتوصلت الصومال وإثيوبيا إلى إعلان أنقرة بوساطة تركية لإنهاء التوتر بشأن أرض الصومال.",
		pb3L(pb3("Turkey", "Ethiopia", "Somalia")), pb3None, nil},
	{"ar Horn", "istadafat Djibouti Somaliland", "عنوان\nاستضافت جيبوتي محادثات بين الحكومة الصومالية وأرض الصومال.",
		pb3L(pb3("Djibouti", "Somalia", "Somaliland")), nil, nil},
	{"ar Horn", "NEG al-Shabaab", "عنوان\nهاجم مسلحو حركة الشباب قاعدة للاتحاد الأفريقي قرب مقديشو.",
		nil, pb3None, nil},
	{"ar Horn", "NEG offer rejected", "عنوان\nعرضت تركيا التوسط بين الصومال وأرض الصومال، لكن هرجيسا رفضت العرض.",
		nil, nil, nil},
	// ---- جنوب السودان ----
	{"ar South Sudan", "Sant'Egidio Rome", "عنوان\nاستضافت جماعة سانت إيجيديو في روما محادثات بين حكومة جنوب السودان وتحالف حركات المعارضة في جنوب السودان.",
		pb3L(pb3("Community of Sant'Egidio", "South Sudan", cSSOMA)), pb3L("Rome"), nil},
	{"ar South Sudan", "taht riayat IGAD persons", "عنوان\nوقّع الرئيس سلفا كير وزعيم المعارضة رياك مشار اتفاق السلام المنشط في أديس أبابا تحت رعاية إيغاد.",
		pb3L(pb3("Intergovernmental Authority on Development", "South Sudan", "SPLM-IO")), pb3L("Addis Ababa"), pb3L("peace agreement")},
	// ---- موزمبيق ----
	{"ar Mozambique", "ra'at Switzerland Maputo", "عنوان\nرعت سويسرا اتفاق السلام بين حكومة موزمبيق وحركة رينامو الموقع في مابوتو عام 2019.",
		pb3L(pb3("Switzerland", "Mozambique", "RENAMO")), pb3L("Maputo"), pb3L("peace agreement")},
	{"ar Mozambique", "tawassatat Sant'Egidio Rome", "عنوان\nتوسطت جماعة سانت إيجيديو في اتفاق روما للسلام بين فريليمو ورينامو عام 1992.",
		pb3L(pb3("Community of Sant'Egidio", "FRELIMO", "RENAMO")), pb3None, nil},
	// ---- الكاميرون ----
	{"ar Cameroon", "tusahhil VSO", "عنوان\nتسهل سويسرا منذ 2019 محادثات بين الحكومة الكاميرونية والانفصاليين الناطقين بالإنجليزية.",
		pb3L(pb3("Switzerland", cAmb, "Cameroon")), nil, nil},
	{"ar Cameroon", "NEG rejected mediation", "عنوان\nرفضت الحكومة الكاميرونية أي وساطة أجنبية في النزاع مع الانفصاليين.",
		nil, nil, nil},
	// ---- كولومبيا وفنزويلا ----
	{"ar Colombia", "ka-duwal damina EMC", "عنوان\nبدأت الحكومة الكولومبية ومنشقو فارك من هيئة الأركان المركزية محادثات في تيبو بحضور النرويج وأيرلندا وسويسرا كدول ضامنة.",
		pb3L(pb3("Ireland", "Colombia", cEMC), pb3("Norway", "Colombia", cEMC), pb3("Switzerland", "Colombia", cEMC)), pb3L("Tibú"), nil},
	{"ar Colombia", "ka-duwal damina Marquetalia", "عنوان\nتعمل فنزويلا وكوبا والنرويج كدول ضامنة لمحادثات السلام بين بوغوتا وماركيتاليا الثانية.",
		pb3L(pb3("Cuba", "Colombia", cSM), pb3("Norway", "Colombia", cSM), pb3("Venezuela", "Colombia", cSM)), nil, nil},
	{"ar Colombia", "Doha hosted Clan del Golfo", "عنوان\nاستضافت الدوحة جولة محادثات بين الحكومة الكولومبية وجماعة كلان ديل غولفو.",
		pb3L(pb3("Qatar", cCG, "Colombia")), pb3L("Doha"), nil},
	{"ar Colombia", "NEG fighting", "عنوان\nتقاتل جيش التحرير الوطني ومنشقو فارك للسيطرة على منطقة كاتاتومبو.",
		nil, pb3None, nil},
	{"ar Colombia", "al-duwal al-wasita ... wa-hiya", "عنوان\nأكدت الدول الوسيطة في محادثات كولومبيا مع جيش التحرير الوطني، وهي كوبا والنرويج والمكسيك، التزامها بمواصلة الحوار.",
		pb3L(pb3("Cuba", "Colombia", "ELN"), pb3("Mexico", "Colombia", "ELN"), pb3("Norway", "Colombia", "ELN")), nil, nil},
	{"ar Venezuela", "yassarat Maduro government", "عنوان\nيسّرت النرويج المفاوضات بين حكومة نيكولاس مادورو والمعارضة الفنزويلية في مكسيكو سيتي.",
		pb3L(pb3("Norway", cUP, "Venezuela")), pb3L("Mexico City"), nil},
	{"ar Venezuela", "bi-wasata narwijiya", "عنوان\nوقعت حكومة مادورو والمنصة الوحدوية المعارضة اتفاق بربادوس بوساطة نرويجية.",
		pb3L(pb3("Norway", cUP, "Venezuela")), nil, nil},
	// ---- الفلبين ----
	{"ar Philippines", "tawallat taysir KL", "عنوان\nتولت ماليزيا تيسير محادثات السلام بين الحكومة الفلبينية وجبهة تحرير مورو الإسلامية في كوالالمبور.",
		pb3L(pb3("Malaysia", cMILF, "Philippines")), pb3L("Kuala Lumpur"), nil},
	{"ar Philippines", "dawr al-muyassir", "عنوان\nتلعب النرويج دور الميسر في المحادثات بين مانيلا والجبهة الوطنية الديمقراطية الفلبينية.",
		pb3L(pb3("Norway", cNDF, "Philippines")), nil, nil},
	// ---- القوقاز ----
	{"ar Caucasus", "bi-wasata rusiya Karabakh", "عنوان\nتوصلت أرمينيا وأذربيجان إلى وقف إطلاق النار في ناغورنو كاراباخ عام 2020 بوساطة روسية.",
		pb3L(pb3("Russia", "Armenia", "Azerbaijan")), pb3None, pb3L("ceasefire")},
	{"ar Caucasus", "Minsk Group tawassatat", "عنوان\nتوسطت مجموعة مينسك التابعة لمنظمة الأمن والتعاون في أوروبا بين أرمينيا وأذربيجان لعقود.",
		pb3L(pb3("OSCE Minsk Group", "Armenia", "Azerbaijan")), nil, nil},
	{"ar Caucasus", "titles only Brussels EU", "عنوان\nالتقى رئيس وزراء أرمينيا ورئيس أذربيجان في بروكسل في محادثات بوساطة الاتحاد الأوروبي.",
		pb3L(pb3(cEU, "Armenia", "Azerbaijan")), pb3L("Brussels"), nil},
	{"ar Caucasus", "al-wusata al-amrikiyun", "عنوان\nقال الوسطاء الأمريكيون إن المحادثات بين أرمينيا وأذربيجان بلغت مرحلة متقدمة.",
		pb3L(pb3(cUS, "Armenia", "Azerbaijan")), nil, nil},
	{"ar Caucasus", "NEG hadharat", "عنوان\nحذرت إيران من أي تغيير للحدود مع أرمينيا في ممر زنغزور.",
		nil, pb3None, nil},
	// ---- البلقان ----
	{"ar Balkans", "alladhi yassarahu EU", "عنوان\nاستؤنف الحوار بين صربيا وكوسوفو الذي يسّره الاتحاد الأوروبي في بروكسل.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), pb3L("Brussels"), nil},
	{"ar Balkans", "envoy shuttled capitals", "عنوان\nتنقل المبعوث الأوروبي ميروسلاف لايتشاك بين بلغراد وبريشتينا لإنقاذ اتفاق أوهريد.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), nil, nil},
	{"ar Balkans", "alladhi yar'a relative", "عنوان\nقال الاتحاد الأوروبي، الذي يرعى الحوار بين بلغراد وبريشتينا، إن الجانبين اتفقا على خريطة طريق.",
		pb3L(pb3(cEU, "Kosovo", "Serbia")), nil, nil},
	// ---- روسيا وأوكرانيا ----
	{"ar Ukraine", "wasata cardinal children", "عنوان\nأعاد الفاتيكان عشرات الأطفال الأوكرانيين من روسيا بفضل وساطة الكاردينال ماتيو زوبي.",
		pb3L(pb3("Vatican", "Russia", "Ukraine")), nil, nil},
	{"ar Ukraine", "al-wasata al-qatariya children capitals", "عنوان\nنجحت الوساطة القطرية في لمّ شمل أطفال أوكرانيين بعائلاتهم بعد محادثات مع موسكو وكييف.",
		pb3L(pb3("Qatar", "Russia", "Ukraine")), nil, nil},
	{"ar Ukraine", "bi-wasata min UAE swap", "عنوان\nتبادلت روسيا وأوكرانيا 150 أسيراً من كل جانب بوساطة من الإمارات العربية المتحدة.",
		pb3L(pb3("United Arab Emirates", "Russia", "Ukraine")), pb3None, pb3L("prisoner exchange")},
	{"ar Ukraine", "hosted nisba talks Jeddah", "عنوان\nاستضافت المملكة العربية السعودية محادثات أمريكية أوكرانية في جدة أسفرت عن مقترح لوقف إطلاق النار لمدة 30 يوماً.",
		pb3L(pb3("Saudi Arabia", "Ukraine", cUS)), pb3L("Jeddah"), pb3L("ceasefire", "truce duration")},
	{"ar Ukraine", "NEG offered to host", "عنوان\nعرض الرئيس التركي رجب طيب أردوغان استضافة محادثات سلام بين روسيا وأوكرانيا، لكن الكرملين لم يحدد موعداً.",
		nil, pb3None, nil},
	{"ar Ukraine", "grain deal signed Istanbul", "عنوان\nتوسطت تركيا والأمم المتحدة في اتفاق الحبوب بين موسكو وكييف الذي وُقع في إسطنبول.",
		pb3L(pb3("Turkey", "Russia", "Ukraine"), pb3(cUN, "Russia", "Ukraine")), pb3L("Istanbul"), nil},
	{"ar Ukraine", "NEG scare quotes wasit", "عنوان\nسخرت كييف من وصف بيلاروسيا نفسها بأنها «وسيط» بين موسكو وكييف.",
		nil, pb3None, nil},
	{"ar Ukraine", "tara'asa FM session", "عنوان\nترأس وزير الخارجية التركي هاكان فيدان جلسة المحادثات المباشرة بين الوفدين الروسي والأوكراني في إسطنبول.",
		pb3L(pb3("Turkey", "Russia", "Ukraine")), pb3L("Istanbul"), nil},
	{"ar Ukraine", "al-wusata al-atrak", "عنوان\nتمكن الوسطاء الأتراك من ترتيب تبادل للأسرى بين موسكو وكييف.",
		pb3L(pb3("Turkey", "Russia", "Ukraine")), nil, pb3L("prisoner exchange")},
	// ---- إسرائيل ولبنان ----
	{"ar Lebanon", "tatawassat al-mufada", "عنوان\nتتوسط الموفدة الأمريكية مورغان أورتاغوس بين لبنان وإسرائيل بشأن نزع سلاح حزب الله.",
		pb3L(pb3(cUS, "Israel", "Lebanon")), nil, pb3L("disarmament")},
	{"ar Lebanon", "bi-riasat general nisba", "عنوان\nعقدت لجنة الميكانيزم اجتماعها في الناقورة برئاسة جنرال أمريكي وبمشاركة مدنيين لبنانيين وإسرائيليين.",
		pb3L(pb3(cUS, "Israel", "Lebanon")), pb3L("Naqoura"), nil},
	{"ar Lebanon", "NEG shelling", "عنوان\nقصفت إسرائيل مواقع لحزب الله في جنوب لبنان رغم وقف إطلاق النار.",
		nil, pb3None, pb3L("ceasefire")},
	// ---- إسرائيل وحماس ----
	{"ar Gaza", "al-wusata apposition list", "عنوان\nقال الوسطاء، مصر وقطر والولايات المتحدة، إن المرحلة الثانية من اتفاق وقف إطلاق النار بين إسرائيل وحماس ستبدأ قريباً.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel"), pb3(cUS, "Hamas", "Israel")), nil, pb3L("ceasefire", "phased agreement")},
	{"ar Gaza", "ila al-wusata nisba", "عنوان\nسلّمت حماس ردها على المقترح الإسرائيلي إلى الوسطاء المصريين والقطريين.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel")), nil, nil},
	{"ar Gaza", "taht riaya misriya Cairo", "عنوان\nوصل وفد إسرائيلي إلى القاهرة لإجراء محادثات مع حماس تحت رعاية مصرية.",
		pb3L(pb3("Egypt", "Hamas", "Israel")), pb3L("Cairo"), nil},
	{"ar Gaza", "al-juhud nisba pair", "عنوان\nنجحت الجهود المصرية القطرية في التوصل إلى اتفاق لوقف إطلاق النار بين إسرائيل وحماس.",
		pb3L(pb3("Egypt", "Hamas", "Israel"), pb3("Qatar", "Hamas", "Israel")), nil, pb3L("ceasefire")},
	{"ar Gaza", "NEG UNRWA", "عنوان\nوزعت وكالة الأونروا الطحين على النازحين في مدينة غزة بعد دخول وقف إطلاق النار بين إسرائيل وحماس حيز التنفيذ.",
		nil, pb3None, pb3L("ceasefire")},
	{"ar Gaza", "ra'at reconciliation Cairo", "عنوان\nرعت مصر اتفاق المصالحة بين حركة فتح وحركة حماس في القاهرة.",
		pb3L(pb3("Egypt", "Fatah", "Hamas")), pb3L("Cairo"), nil},
	// ---- إيران والولايات المتحدة ----
	{"ar Iran", "FM relayed messages delegations", "عنوان\nنقل وزير الخارجية العماني بدر البوسعيدي الرسائل بين الوفدين الإيراني والأمريكي في مسقط.",
		pb3L(pb3("Oman", "Iran", cUS)), pb3L("Muscat"), nil},
	{"ar Iran", "awsalat proposal", "عنوان\nأوصلت قطر مقترحاً أمريكياً إلى طهران في إطار مساعيها لإحياء المحادثات بين إيران والولايات المتحدة.",
		pb3L(pb3("Qatar", "Iran", cUS)), pb3None, nil},
	{"ar Iran", "abr wusata nisba Rome", "عنوان\nجرت المحادثات غير المباشرة بين طهران وواشنطن في روما عبر وسطاء عمانيين.",
		pb3L(pb3("Oman", "Iran", cUS)), pb3L("Rome"), nil},
	{"ar Iran", "NEG IAEA", "عنوان\nقالت الوكالة الدولية للطاقة الذرية إن إيران وسعت مخزونها من اليورانيوم المخصب.",
		nil, pb3None, pb3L("nuclear program")},
	{"ar Iran", "bi-fadl wasata jaza'iriya", "عنوان\nوبفضل وساطة جزائرية، أفرجت إيران عن محتجزين أمريكيين عام 1981.",
		pb3L(pb3("Algeria", "Iran", cUS)), nil, nil},
	// ---- الكونغو الديمقراطية ورواندا ----
	{"ar Great Lakes", "qada masar Luanda", "عنوان\nقاد الرئيس الأنغولي جواو لورينسو مسار لواندا بين كينشاسا وكيغالي حتى مارس 2025.",
		pb3L(pb3("Angola", "DR Congo", "Rwanda")), pb3L("Luanda"), nil},
	{"ar Great Lakes", "al-wasitatan capitals", "عنوان\nأعلنت الدوحة وواشنطن، الوسيطتان بين جمهورية الكونغو الديمقراطية ورواندا، عن جولة جديدة.",
		pb3L(pb3("Qatar", "DR Congo", "Rwanda"), pb3(cUS, "DR Congo", "Rwanda")), nil, nil},
	{"ar Great Lakes", "bi-tashil ICRC wa-wasata", "عنوان\nتبادلت الحكومة الكونغولية وحركة 23 مارس أسرى بتسهيل من اللجنة الدولية للصليب الأحمر ووساطة قطرية.",
		pb3L(pb3("International Committee of the Red Cross", "DR Congo", "M23"), pb3("Qatar", "DR Congo", "M23")), nil, pb3L("prisoner exchange")},
	{"ar Great Lakes", "NEG MONUSCO", "عنوان\nأجلت بعثة مونوسكو مدنيين من غوما مع تقدم مقاتلي حركة 23 مارس.",
		nil, pb3None, nil},
	{"ar Great Lakes", "tatawassat Luanda process", "عنوان\nتتوسط أنغولا بين رواندا والكونغو الديمقراطية في إطار مسار لواندا.",
		pb3L(pb3("Angola", "DR Congo", "Rwanda")), pb3L("Luanda"), nil},
	{"ar Great Lakes", "wa-bi-riaya capitals agreement", "عنوان\nوبرعاية أمريكية وقطرية، وقعت كينشاسا وكيغالي اتفاقاً إطارياً للتكامل الاقتصادي.",
		pb3L(pb3("Qatar", "DR Congo", "Rwanda"), pb3(cUS, "DR Congo", "Rwanda")), nil, nil},
	// ---- السودان ----
	{"ar Sudan", "juhud al-wasata allati taquduha Jeddah", "عنوان\nفشلت جهود الوساطة التي تقودها السعودية والولايات المتحدة في جدة في وقف الحرب بين الجيش السوداني والدعم السريع.",
		pb3L(pb3("Saudi Arabia", cRSF, cSAF), pb3(cUS, cRSF, cSAF)), pb3L("Jeddah"), pb3L("permanent end of war")},
	{"ar Sudan", "NEG Quad called", "عنوان\nدعت الرباعية بشأن السودان، التي تضم الولايات المتحدة والسعودية والإمارات ومصر، إلى هدنة إنسانية بين الجيش السوداني والدعم السريع.",
		nil, pb3None, pb3L("ceasefire")},
	{"ar Sudan", "NEG conference Cairo", "عنوان\nاستضافت القاهرة مؤتمراً للقوى المدنية السودانية دون مشاركة الجيش أو الدعم السريع.",
		nil, nil, nil},
	{"ar Sudan", "envoy shuttles cities", "عنوان\nيتنقل مبعوث إيغاد بين بورتسودان ونيالا في محاولة للجمع بين الجيش السوداني وقوات الدعم السريع.",
		pb3L(pb3("Intergovernmental Authority on Development", cRSF, cSAF)), nil, nil},
	{"ar Sudan", "NEG denied arming", "عنوان\nنفت الإمارات اتهامات الجيش السوداني بتسليح قوات الدعم السريع.",
		nil, pb3None, nil},
	{"ar Sudan", "NEG renewed offer rejected", "عنوان\nجدد الاتحاد الأفريقي وإيغاد عرض الوساطة بين الجيش السوداني والدعم السريع، لكن الجيش رفض.",
		nil, pb3None, nil},
	// ---- تايلاند وكمبوديا ----
	{"ar Thailand", "hosted two leaders Putrajaya", "عنوان\nاستضاف رئيس الوزراء الماليزي أنور إبراهيم زعيمي تايلاند وكمبوديا في بوتراجايا حيث اتفقا على وقف فوري لإطلاق النار.",
		pb3L(pb3("Malaysia", "Cambodia", "Thailand")), pb3L("Putrajaya"), pb3L("ceasefire")},
	{"ar Thailand", "NEG observers", "عنوان\nحضرت الولايات المتحدة والصين محادثات وقف إطلاق النار بين تايلاند وكمبوديا بصفة مراقب.",
		nil, nil, pb3L("ceasefire")},
	{"ar Thailand", "NEG third-party mediation rejected", "عنوان\nرفضت تايلاند أي وساطة من طرف ثالث في نزاعها الحدودي مع كمبوديا.",
		nil, pb3None, pb3L("territorial control")}, // a border dispute is over territory
	// ---- جنوب آسيا ----
	{"ar South Asia", "NEG Trump offer rejected", "عنوان\nرفضت الهند عرض ترامب للوساطة بين نيودلهي وإسلام آباد بشأن كشمير.",
		nil, pb3None, nil},
	{"ar South Asia", "bi-wasata list Doha", "عنوان\nاتفقت باكستان وأفغانستان على وقف فوري لإطلاق النار خلال محادثات في الدوحة بوساطة قطر وتركيا.",
		pb3L(pb3("Qatar", "Afghanistan", "Pakistan"), pb3("Turkey", "Afghanistan", "Pakistan")), pb3L("Doha"), pb3L("ceasefire")},
	{"ar South Asia", "istadafat Riyadh capitals", "عنوان\nاستضافت الرياض جولة رابعة من المحادثات بين إسلام آباد وكابول.",
		pb3L(pb3("Saudi Arabia", "Afghanistan", "Pakistan")), pb3L("Riyadh"), nil},
	// ---- جورجيا والصحراء الغربية وتيغراي ----
	{"ar Georgia", "tusharik fi riasat Geneva", "عنوان\nتشارك منظمة الأمن والتعاون في أوروبا والاتحاد الأوروبي والأمم المتحدة في رئاسة مباحثات جنيف الدولية بين جورجيا وروسيا حول أبخازيا وأوسيتيا الجنوبية.",
		pb3L(pb3(cEU, "Georgia", "Russia"), pb3("Organization for Security and Co-operation in Europe", "Georgia", "Russia"), pb3(cUN, "Georgia", "Russia")), pb3L("Geneva"), nil},
	{"ar Georgia", "NEG protest", "عنوان\nتظاهر آلاف الجورجيين في تبليسي احتجاجاً على تعليق محادثات الانضمام إلى الاتحاد الأوروبي.",
		nil, pb3None, nil},
	{"ar Western Sahara", "envoy consultations Geneva", "عنوان\nأجرى المبعوث الشخصي للأمين العام للأمم المتحدة إلى الصحراء الغربية ستافان دي ميستورا مشاورات مع المغرب وجبهة البوليساريو في جنيف.",
		pb3L(pb3(cUN, "Morocco", "Polisario Front")), pb3L("Geneva"), nil},
	{"ar Western Sahara", "yaqud envoy juhud", "عنوان\nيقود المبعوث الأممي ستافان دي ميستورا جهود الوساطة بين المغرب وجبهة البوليساريو.",
		pb3L(pb3(cUN, "Morocco", "Polisario Front")), nil, nil},
	{"ar Tigray", "bi-wasata fariq AU Pretoria", "عنوان\nتوصلت الحكومة الإثيوبية وجبهة تحرير تيغراي إلى اتفاق بريتوريا بوساطة فريق الاتحاد الأفريقي بقيادة أولوسيغون أوباسانجو.",
		pb3L(pb3(cAU, "Ethiopia", "TPLF")), pb3None, nil},
	{"ar Tigray", "NEG monitors", "عنوان\nراقب ضباط من كينيا وجنوب أفريقيا تنفيذ اتفاق وقف الأعمال العدائية بين إثيوبيا وجبهة تيغراي.",
		nil, pb3None, pb3L("ceasefire")},
	// ---- الخليج ----
	{"ar Gulf", "wasata mukawwakiya capitals", "عنوان\nقاد أمير الكويت الراحل وساطة مكوكية بين الرياض والدوحة خلال الأزمة الخليجية.",
		pb3L(pb3("Kuwait", "Qatar", "Saudi Arabia")), nil, nil},
	{"ar Gulf", "tawassatat China Beijing", "عنوان\nتوسطت الصين في اتفاق استئناف العلاقات بين السعودية وإيران الذي وقع في بكين.",
		pb3L(pb3("China", "Iran", "Saudi Arabia")), pb3L("Beijing"), nil},
}

func TestPhrasebookConflicts(t *testing.T) {
	x := extractor(t)
	var all []conflictCase
	for _, l := range [][]conflictCase{conflictsEnglish, conflictsArabic} {
		all = append(all, l...)
	}
	known := map[string]bool{}
	for _, k := range conflictKnownMisses {
		known[k.name] = true
	}
	for _, c := range all {
		c := c
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			s := summarize(x.Extract(c.text))
			var errs []string
			check := func(what string, got, want []string) {
				w := append([]string(nil), want...)
				sort.Strings(w)
				if strings.Join(got, "; ") != strings.Join(w, "; ") {
					errs = append(errs, what+"\n got "+strings.Join(quoteAll(got), ", ")+"\nwant "+strings.Join(quoteAll(w), ", "))
				}
			}
			check("mediators", s.mediators, c.med)
			if c.ven != nil {
				check("venues", s.venues, c.ven)
			}
			if c.iss != nil {
				check("issues", s.issues, c.iss)
			}
			if len(errs) > 0 {
				if known[c.name] {
					t.Skipf("known miss: %s", strings.Join(errs, "\n"))
				}
				t.Errorf("text %q\n%s", c.text, strings.Join(errs, "\n"))
			} else if known[c.name] {
				t.Errorf("known miss %q now passes: move it back", c.name)
			}
		})
	}
}

func quoteAll(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = "\"" + s + "\""
	}
	return out
}

// conflictKnownMisses are cases of TestPhrasebookConflicts the extractor does
// not meet yet, each with why meeting it would cost precision elsewhere.
var conflictKnownMisses = []struct{ name, why string }{
	{"personal envoy consultations", "an envoy holding consultations with two sides mediates only when the envoy is an intergovernmental body's; a rule cannot tell that from a state's envoy meeting two hosts (Witkoff met Israel and Qatar)"},
	{"envoy consultations Geneva", "as its English twin: «أجرى المبعوث … مشاورات مع» an envoy of any kind, and the sides of the mediation are not the sides of every visit"},
}
