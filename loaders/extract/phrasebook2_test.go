package extract

import (
	"sort"
	"strings"
	"testing"
)

// TestPhrasebookVenues is a wide table of short Arabic and English news texts
// covering the ways negotiation news names the place where talks are held,
// plus texts that name cities in roles that are NOT talk venues.
//
// Each case lists the exact set of talk venues (summarize(...).venues,
// canonical English names, sorted). An empty list means no venue may be
// extracted.
//
// Conventions adopted by this table (decide once, apply everywhere):
//   - A venue is a CITY where talks, rounds, meetings, summits or signings of a
//     negotiation are, were, or are scheduled to be held. Scheduled venues
//     ("will be held in", «ستعقد في», "will meet again in") count.
//   - A process, round, platform, declaration or agreement named after a city
//     ("the Jeddah talks", «منبر جدة», «إعلان جدة», "the Pretoria agreement",
//     "after the Muscat and Rome rounds") names a past venue: that city.
//   - A building or landmark locates the talks in its city: "at Istanbul's
//     Dolmabahce Palace", «في قصر دولمة بهتشة بإسطنبول» and "at the White
//     House" give the city (Istanbul, Washington) and only the city.
//   - A capital given by description ("the Qatari capital", «العاصمة المصرية»,
//     "Qatar's capital", «عاصمة سلطنة عمان») is that capital (Doha, Cairo,
//     Muscat...).
//   - A mediator shuttling between / travelling to cities for the talks makes
//     each of those cities a venue. A delegation arriving in a city for talks
//     makes it a venue; the city a delegation flew FROM is not.
//   - A dateline ("DOHA, Qatar (Reuters) -", «الدوحة - ») is a venue only when
//     the sentence reports talks without naming another place; when the
//     sentence names another venue, only that one counts.
//   - NOT venues: places of war, strikes, protests, birth, residence,
//     embassies, flights, organisations' seats ("the Jeddah-based OIC",
//     «ومقرها جدة»), capitals used for their government ("Moscow rejected"),
//     the topic of talks ("talks on Rafah"), offers to host, proposed or
//     rejected venues, and venues the talks were moved away from.
//   - «عمان» alone is ambiguous (Oman/Amman) and is avoided; the Omani
//     capital is written مسقط or described.
type venueCase struct {
	phen, name, text string
	want             []string
}

func pbV(s ...string) []string { return s }

var venuesArabic = []venueCase{
	// ---- في + city ----
	{"ar fi city", "uqidat fi al-doha", "عنوان\nعُقدت جولة جديدة من المفاوضات غير المباشرة بين إسرائيل وحماس في الدوحة.", pbV("Doha")},
	{"ar fi city", "glued bi-al-doha", "عنوان\nانطلقت بالدوحة محادثات بين الحكومة الكونغولية وحركة 23 مارس.", pbV("Doha")},
	{"ar fi city", "fy with ya al-qahira", "عنوان\nاستؤنفت المفاوضات فى القاهرة بين وفدي حماس وإسرائيل.", pbV("Cairo")},
	{"ar fi city", "glued bi-al-qahira", "عنوان\nاجتمع وفد حماس بالقاهرة مع الوسطاء المصريين لبحث المرحلة الثانية من اتفاق وقف إطلاق النار.", pbV("Cairo")},
	{"ar fi city", "wa-fi fronted", "عنوان\nوفي جنيف، أجرى الوفدان الأمريكي والإيراني جولة محادثات حول البرنامج النووي.", pbV("Geneva")},
	{"ar fi city", "istanbul hamza", "عنوان\nعُقدت الجولة الثالثة من المفاوضات بين روسيا وأوكرانيا في إسطنبول.", pbV("Istanbul")},
	{"ar fi city", "istanbul no hamza", "عنوان\nاجتمع الوفدان الأفغاني والباكستاني في اسطنبول لاستئناف المحادثات.", pbV("Istanbul")},
	{"ar fi city", "abu dhabi joined", "عنوان\nالتقى وفدا أرمينيا وأذربيجان في أبوظبي لبحث معاهدة السلام.", pbV("Abu Dhabi")},
	{"ar fi city", "abu dhabi split", "عنوان\nأجرى مسؤولون عسكريون روس وأوكرانيون محادثات في أبو ظبي بحضور وفد أمريكي.", pbV("Abu Dhabi")},
	{"ar fi city", "madinat sharm", "عنوان\nانطلقت في مدينة شرم الشيخ المصرية مفاوضات غير مباشرة بين حماس وإسرائيل.", pbV("Sharm el-Sheikh")},
	{"ar fi city", "naqoura mechanism", "عنوان\nاجتمعت لجنة مراقبة وقف إطلاق النار في الناقورة بحضور ممثلين عن لبنان وإسرائيل.", pbV("Naqoura")},
	{"ar fi city", "kuala lumpur signed", "عنوان\nوقعت تايلاند وكمبوديا اتفاق وقف إطلاق النار في كوالالمبور.", pbV("Kuala Lumpur")},
	{"ar fi city", "washington signed", "عنوان\nوقعت رواندا والكونغو الديمقراطية اتفاق السلام في واشنطن.", pbV("Washington")},
	{"ar fi city", "madinat jeddah", "عنوان\nعُقد في مدينة جدة لقاء بين الوفدين الأمريكي والأوكراني.", pbV("Jeddah")},
	{"ar fi city", "anchorage summit", "عنوان\nعُقدت القمة بين بوتين وترامب في أنكوريج بولاية ألاسكا لبحث الحرب في أوكرانيا.", pbV("Anchorage")},
	// ---- passive / relative ----
	{"ar passive", "uqidat al-jawla fi", "عنوان\nعُقدت الجولة في الرياض بمشاركة وفدين من روسيا والولايات المتحدة.", pbV("Riyadh")},
	{"ar passive", "future tu'qad", "عنوان\nستُعقد الجولة المقبلة من المحادثات بين روسيا وأوكرانيا في إسطنبول.", pbV("Istanbul")},
	{"ar passive", "jarat relative", "عنوان\nوأشاد الوزير بالمحادثات التي جرت في جنيف بين الولايات المتحدة وإيران.", pbV("Geneva")},
	{"ar passive", "haythu after arrival", "عنوان\nوصل الوفد الإسرائيلي إلى الدوحة، حيث تجري المفاوضات مع حماس بوساطة قطرية.", pbV("Doha")},
	{"ar passive", "tammat al-tawqi", "عنوان\nوتم التوقيع على الاتفاق بين إثيوبيا وجبهة تحرير تيغراي في بريتوريا.", pbV("Pretoria")},
	// ---- host verbs ----
	{"ar host", "istadafat masqat", "عنوان\nاستضافت مسقط جولة المحادثات غير المباشرة بين إيران والولايات المتحدة.", pbV("Muscat")},
	{"ar host", "ihtadanat al-asima al-qatariya", "عنوان\nاحتضنت العاصمة القطرية جولة جديدة من المحادثات بين كينشاسا وحركة 23 مارس.", pbV("Doha")},
	{"ar host", "tastadif future", "عنوان\nتستضيف الدوحة غداً جولة جديدة من المفاوضات غير المباشرة بين حماس وإسرائيل.", pbV("Doha")},
	{"ar host", "istadafat jeddah", "عنوان\nاستضافت جدة محادثات بين الوفدين الأمريكي والأوكراني بشأن وقف إطلاق النار.", pbV("Jeddah")},
	{"ar host", "ihtadanat madinat jeddah", "عنوان\nاحتضنت مدينة جدة جولة المفاوضات بين الجيش السوداني وقوات الدعم السريع.", pbV("Jeddah")},
	{"ar host", "addis hosted", "عنوان\nاستضافت أديس أبابا محادثات بين السودان وجنوب السودان برعاية الاتحاد الإفريقي.", pbV("Addis Ababa")},
	// ---- described capitals ----
	{"ar capital", "fi al-asima al-misriya", "عنوان\nبدأت في العاصمة المصرية جولة مفاوضات حول تبادل الأسرى بين حماس وإسرائيل.", pbV("Cairo")},
	{"ar capital", "asimat saltanat oman", "عنوان\nعُقدت المحادثات غير المباشرة بين إيران والولايات المتحدة في عاصمة سلطنة عمان.", pbV("Muscat")},
	{"ar capital", "al-asima al-umaniya masqat", "عنوان\nانطلقت في العاصمة العمانية مسقط جولة جديدة من المحادثات بين طهران وواشنطن.", pbV("Muscat")},
	{"ar capital", "al-asima al-turkiya", "عنوان\nعُقد في العاصمة التركية اجتماع بين وفدي أرمينيا وتركيا لتطبيع العلاقات.", pbV("Ankara")},
	{"ar capital", "al-asima al-saudiya", "عنوان\nالتقى وفدا روسيا والولايات المتحدة في العاصمة السعودية لبحث إنهاء الحرب في أوكرانيا.", pbV("Riyadh")},
	{"ar capital", "al-asima al-kiniya nairobi", "عنوان\nاستؤنفت في العاصمة الكينية نيروبي المحادثات بين الحكومة الإثيوبية وجبهة تحرير تيغراي.", pbV("Nairobi")},
	{"ar capital", "al-asima al-amrikiya", "عنوان\nوقع زعيما أرمينيا وأذربيجان إعلاناً مشتركاً في العاصمة الأمريكية.", pbV("Washington")},
	// ---- named rounds / platforms / declarations ----
	{"ar named", "minbar jeddah", "عنوان\nدعت واشنطن إلى العودة إلى منبر جدة للتفاوض بين الجيش السوداني وقوات الدعم السريع.", pbV("Jeddah")},
	{"ar named", "jawlat istanbul", "عنوان\nوأسفرت جولة إسطنبول بين روسيا وأوكرانيا عن اتفاق لتبادل الأسرى.", pbV("Istanbul")},
	{"ar NEG", "i'lan jeddah", "عنوان\nوطالبت الحكومة السودانية بتنفيذ إعلان جدة الموقع مع قوات الدعم السريع.", nil}, // a named document, not a venue (issue #9)
	{"ar named", "masar jeddah", "عنوان\nوأكد الجيش السوداني تمسكه بمسار جدة للتفاوض مع الدعم السريع.", pbV("Jeddah")},
	{"ar named", "mahadathat al-riyadh", "عنوان\nوأشاد الكرملين بنتائج محادثات الرياض بين الوفدين الروسي والأمريكي.", pbV("Riyadh")},
	{"ar named", "ittifaq pretoria plus nairobi", "عنوان\nعُقدت في نيروبي محادثات بين الحكومة الإثيوبية وجبهة تحرير تيغراي لمتابعة تنفيذ اتفاق بريتوريا.", pbV("Nairobi")},
	{"ar named", "ba'da jawlatay masqat wa-roma", "عنوان\nوجاءت الجولة الثالثة بعد جولتي مسقط وروما بين إيران والولايات المتحدة.", pbV("Muscat", "Rome")},
	// ---- movement / meet again / shuttle ----
	{"ar movement", "wasala al-wafd ila al-qahira", "عنوان\nوصل وفد حماس إلى القاهرة لإجراء محادثات مع الوسطاء المصريين بشأن وقف إطلاق النار.", pbV("Cairo")},
	{"ar movement", "sa-yaltaqi mujaddadan", "عنوان\nانتهت الجولة بين الوفدين الأمريكي والإيراني دون اتفاق. وسيلتقي الطرفان مجدداً في جنيف الأسبوع المقبل.", pbV("Geneva")},
	{"ar movement", "tanaqqalat al-jawlat", "عنوان\nتنقلت جولات الحوار بين الحكومة الكولومبية وجيش التحرير الوطني بين هافانا وكاراكاس.", pbV("Caracas", "Havana")},
	{"ar movement", "envoy shuttled", "عنوان\nتنقل المبعوث الأمريكي بين القاهرة والدوحة لتقريب المواقف بين حماس وإسرائيل.", pbV("Cairo", "Doha")},
	{"ar movement", "moved from jeddah to geneva", "عنوان\nبعد محادثات في جدة بين الجيش السوداني والدعم السريع، انتقلت المفاوضات إلى جنيف.", pbV("Geneva", "Jeddah")},
	{"ar movement", "two sentences two venues", "عنوان\nبدأت المفاوضات بين إسرائيل وحماس في الدوحة. وستُعقد الجولة الثانية في القاهرة.", pbV("Cairo", "Doha")},
	// ---- buildings ----
	{"ar building", "qasr dolmabahce bi-istanbul", "عنوان\nالتقى الوفدان الروسي والأوكراني في قصر دولمة بهتشة بإسطنبول.", pbV("Istanbul")},
	{"ar building", "qasr ciragan fi istanbul", "عنوان\nعُقدت المحادثات بين باكستان وأفغانستان في قصر تشيراغان في اسطنبول.", pbV("Istanbul")},
	// ---- dateline ----
	{"ar dateline", "al-doha dash", "عنوان\nالدوحة - استؤنفت اليوم الاثنين المفاوضات غير المباشرة بين إسرائيل وحماس.", pbV("Doha")},
	{"ar dateline", "al-qahira dash other venue", "عنوان\nالقاهرة - استؤنفت اليوم المحادثات بين إسرائيل وحماس في الدوحة بحضور وفد مصري.", pbV("Doha")},
}

var venuesArabicNeg = []venueCase{
	{"ar NEG", "war in Khartoum", "عنوان\nتواصلت المعارك في الخرطوم رغم الدعوات إلى التفاوض بين الجيش والدعم السريع.", nil},
	{"ar NEG", "shelling in Gaza City", "عنوان\nتواصل القصف الإسرائيلي على مدينة غزة بينما تتعثر المفاوضات مع حماس.", nil},
	{"ar NEG", "officials in Washington", "عنوان\nقال مسؤولون في واشنطن إن المفاوضات بين إسرائيل وحماس متعثرة.", nil},
	{"ar NEG", "Moscow rejected", "عنوان\nرفضت موسكو المقترح الأوكراني لوقف إطلاق النار.", nil},
	{"ar NEG", "Tehran said", "عنوان\nقالت طهران إنها لن تتفاوض مع واشنطن تحت الضغط.", nil},
	{"ar NEG", "embassy in Cairo", "عنوان\nأصدرت السفارة الأمريكية في القاهرة تحذيراً أمنياً لرعاياها.", nil},
	{"ar NEG", "flights to Doha", "عنوان\nاستؤنفت الرحلات الجوية إلى الدوحة بعد توقف دام يومين.", nil},
	{"ar NEG", "born in Cairo", "عنوان\nوُلد المبعوث الأممي في القاهرة عام 1960 وعمل في عدة وساطات.", nil},
	{"ar NEG", "protest in Tel Aviv", "عنوان\nتظاهر الآلاف في تل أبيب للمطالبة بصفقة تبادل الأسرى مع حماس.", nil},
	{"ar NEG", "OIC seat in Jeddah", "عنوان\nرحبت منظمة التعاون الإسلامي، ومقرها جدة، بالاتفاق بين إسرائيل وحماس.", nil},
	{"ar NEG", "offer to host", "عنوان\nأبدت تركيا استعدادها لاستضافة المحادثات بين روسيا وأوكرانيا في إسطنبول.", nil},
	{"ar NEG", "leaders reside in Doha", "عنوان\nيقيم عدد من قادة حماس في الدوحة منذ سنوات.", nil},
	{"ar NEG", "topic of talks Rafah", "عنوان\nتتركز المفاوضات بين إسرائيل وحماس على مستقبل رفح ومحور فيلادلفيا.", nil},
	{"ar NEG", "strikes on Kyiv", "عنوان\nشنت روسيا هجوماً بالمسيرات على كييف بينما يستعد المبعوثون لجولة محادثات جديدة.", nil},
	{"ar NEG", "Kyiv rejected proposed venue", "عنوان\nاقترحت روسيا عقد المحادثات في مينسك، لكن كييف رفضت الاقتراح.", nil},
}

var venuesEnglish = []venueCase{
	// ---- in + city ----
	{"en in city", "talks in Cairo", "Headline\nIsrael and Hamas resumed talks in Cairo on Sunday.", pbV("Cairo")},
	{"en in city", "held in Muscat", "Headline\nIndirect talks between Iran and the United States were held in Muscat on Saturday.", pbV("Muscat")},
	{"en in city", "new round in Istanbul", "Headline\nRussia and Ukraine will hold a new round in Istanbul next week.", pbV("Istanbul")},
	{"en in city", "met in Istanbul", "Headline\nRussian and Ukrainian negotiators met in Istanbul on Friday.", pbV("Istanbul")},
	{"en in city", "will meet again in Geneva", "Headline\nThe U.S. and Iranian delegations ended their talks without a deal. The two sides will meet again in Geneva next month.", pbV("Geneva")},
	{"en in city", "signed in Pretoria", "Headline\nEthiopia and the TPLF signed the agreement in Pretoria.", pbV("Pretoria")},
	{"en in city", "met in Anchorage", "Headline\nPutin and Trump met in Anchorage, Alaska, to discuss a settlement of the war in Ukraine.", pbV("Anchorage")},
	{"en in city", "met in Naqoura", "Headline\nLebanese and Israeli military officers met in Naqoura under UN auspices.", pbV("Naqoura")},
	{"en in city", "three rounds cities", "Headline\nThe Colombian government and the ELN have held rounds in Caracas, Havana and Mexico City.", pbV("Caracas", "Havana", "Mexico City")},
	{"en in city", "convened in Addis Ababa", "Headline\nThe African Union convened talks in Addis Ababa between Sudan and South Sudan.", pbV("Addis Ababa")},
	{"en in city", "met in Abu Dhabi", "Headline\nRussian and Ukrainian military officials met in Abu Dhabi with a U.S. delegation.", pbV("Abu Dhabi")},
	{"en in city", "under way in Geneva", "Headline\nTalks between the United States and Iran are under way in Geneva.", pbV("Geneva")},
	{"en in city", "spelling Jiddah", "Headline\nTalks between the Sudanese army and the RSF resumed in Jiddah.", pbV("Jeddah")},
	{"en in city", "spelling Kiev", "Headline\nU.S. and Ukrainian negotiators met in Kiev to discuss the peace plan.", pbV("Kyiv")},
	{"en in city", "spelling Sharm El-Sheikh", "Headline\nIndirect talks between Israel and Hamas opened in Sharm El-Sheikh on Monday.", pbV("Sharm el-Sheikh")},
	{"en in city", "reconvene in Doha", "Headline\nIsraeli and Hamas negotiators are expected to reconvene in Doha on Tuesday.", pbV("Doha")},
	{"en in city", "two sentences two venues", "Headline\nTalks between Israel and Hamas began in Doha. A second round will be held in Cairo.", pbV("Cairo", "Doha")},
	{"en in city", "moved away from Istanbul", "Headline\nThe talks between Russia and the United States, originally planned for Istanbul, were moved to Riyadh.", pbV("Riyadh")},
	// ---- passive / relative ----
	{"en passive", "was signed in Washington", "Headline\nThe peace agreement was signed in Washington by Rwanda and the Democratic Republic of Congo.", pbV("Washington")},
	{"en passive", "talks hosted in Riyadh", "Headline\nThe talks, hosted in Riyadh, brought together Russian and U.S. officials.", pbV("Riyadh")},
	{"en passive", "which took place in Geneva", "Headline\nThe talks between the United States and Iran, which took place in Geneva, ended without a breakthrough.", pbV("Geneva")},
	{"en passive", "where relative", "Headline\nKuala Lumpur, where Thailand and Cambodia agreed a ceasefire, will host the follow-up meeting.", pbV("Kuala Lumpur")},
	{"en passive", "where after arrival", "Headline\nThe Israeli team flew to Doha, where talks with Hamas are being mediated by Qatar.", pbV("Doha")},
	// ---- host verbs ----
	{"en host", "Muscat hosted", "Headline\nMuscat hosted the indirect talks between Iran and the United States.", pbV("Muscat")},
	{"en host", "Riyadh will host", "Headline\nRiyadh will host talks between Russian and U.S. delegations next week.", pbV("Riyadh")},
	{"en host", "Moscow hosted capital as venue", "Headline\nMoscow hosted talks between the Armenian and Azerbaijani foreign ministers.", pbV("Moscow")},
	{"en host", "Washington hosted signing", "Headline\nWashington hosted the signing of the peace deal between Armenia and Azerbaijan.", pbV("Washington")},
	// ---- described capitals ----
	{"en capital", "Qatari capital", "Headline\nNegotiators from Israel and Hamas met in the Qatari capital on Sunday.", pbV("Doha")},
	{"en capital", "Egyptian capital", "Headline\nA Hamas delegation held talks with mediators in the Egyptian capital.", pbV("Cairo")},
	{"en capital", "Omani capital", "Headline\nIran and the United States held a fourth round of talks in the Omani capital.", pbV("Muscat")},
	{"en capital", "Turkish capital", "Headline\nArmenian and Turkish envoys met in the Turkish capital to normalise ties.", pbV("Ankara")},
	{"en capital", "Saudi capital", "Headline\nU.S. and Russian officials held talks in the Saudi capital on ending the war in Ukraine.", pbV("Riyadh")},
	{"en capital", "Qatar's capital", "Headline\nTalks between Kinshasa and the M23 resumed in Qatar's capital on Monday.", pbV("Doha")},
	{"en capital", "the capital of Oman", "Headline\nThe indirect talks between Iran and the United States took place in the capital of Oman.", pbV("Muscat")},
	// ---- named rounds / processes / declarations ----
	{"en named", "the Jeddah talks", "Headline\nThe Jeddah talks between the Sudanese army and the RSF collapsed in December.", pbV("Jeddah")},
	{"en named", "the Doha process", "Headline\nThe Doha process between Kinshasa and the M23 produced a framework agreement.", pbV("Doha")},
	{"en NEG", "the Jeddah Declaration", "Headline\nThe army says the RSF has not honoured the Jeddah Declaration it signed.", nil}, // a named document, not a venue (issue #9)
	{"en named", "the Jeddah platform", "Headline\nWashington wants to revive the Jeddah platform for talks between the Sudanese army and the RSF.", pbV("Jeddah")},
	{"en named", "the Istanbul round", "Headline\nThe Istanbul round between Pakistan and Afghanistan ended without a deal.", pbV("Istanbul")},
	{"en named", "the Istanbul talks produced", "Headline\nUkraine said the Istanbul talks with Russia had produced a prisoner swap.", pbV("Istanbul")},
	{"en named", "the Nairobi talks", "Headline\nThe Nairobi talks between Ethiopia and the TPLF agreed on disarmament.", pbV("Nairobi")},
	{"en NEG", "the Pretoria agreement", "Headline\nThe TPLF accused Addis Ababa of violating the Pretoria agreement.", nil},
	{"en named", "after the Muscat and Rome rounds", "Headline\nThe third round between Iran and the United States follows the Muscat and Rome rounds.", pbV("Muscat", "Rome")},
	{"en named", "after Istanbul and Geneva rounds", "Headline\nAfter the Istanbul and Geneva rounds, Russia and Ukraine agreed to a further prisoner exchange.", pbV("Geneva", "Istanbul")},
	// ---- movement / shuttle ----
	{"en movement", "delegations arrived for talks", "Headline\nIsraeli and Hamas delegations arrived in Sharm el-Sheikh for talks on the Gaza plan.", pbV("Sharm el-Sheikh")},
	{"en movement", "shuttled between", "Headline\nWitkoff shuttled between Cairo and Doha to narrow the gaps between Israel and Hamas.", pbV("Cairo", "Doha")},
	{"en movement", "travelled to Moscow for talks", "Headline\nWitkoff travelled to Moscow for talks with Putin on the Ukraine peace plan.", pbV("Moscow")},
	{"en movement", "flew from Ankara to Doha", "Headline\nThe Turkish intelligence chief flew from Ankara to Doha for talks with Hamas and Israeli negotiators.", pbV("Doha")},
	// ---- buildings ----
	{"en building", "at Istanbul's Dolmabahce Palace", "Headline\nThe Russian and Ukrainian delegations met at Istanbul's Dolmabahce Palace.", pbV("Istanbul")},
	{"en building", "at Riyadh's Diriyah Palace", "Headline\nRubio and Lavrov held talks at Riyadh's Diriyah Palace.", pbV("Riyadh")},
	{"en building", "at a Doha hotel", "Headline\nHamas and Israeli negotiators are meeting at a Doha hotel under Qatari mediation.", pbV("Doha")},
	{"en building", "at Doha's Sheraton hotel", "Headline\nIsraeli and Hamas negotiators met at Doha's Sheraton hotel on Sunday.", pbV("Doha")},
	{"en building", "at the White House", "Headline\nArmenia and Azerbaijan signed the peace declaration at the White House.", pbV("Washington")},
	// ---- dateline ----
	{"en dateline", "DOHA Reuters", "Headline\nDOHA, Qatar (Reuters) - Negotiators from Israel and Hamas resumed talks on Monday, officials said.", pbV("Doha")},
	{"en dateline", "CAIRO dateline other venue", "Headline\nCAIRO (Reuters) - Talks between Israel and Hamas resumed in Doha on Monday.", pbV("Doha")},
	{"en dateline", "GENEVA AP", "Headline\nGENEVA (AP) — U.S. and Iranian negotiators opened a new round of nuclear talks on Thursday.", pbV("Geneva")},
}

var venuesEnglishNeg = []venueCase{
	{"en NEG", "war in Khartoum", "Headline\nThe war in Khartoum has displaced millions as talks between the army and the RSF stall.", nil},
	{"en NEG", "fighting in Gaza City", "Headline\nFighting in Gaza City intensified as negotiators weighed a new proposal.", nil},
	{"en NEG", "officials in Washington said", "Headline\nOfficials in Washington said the talks between Israel and Hamas were stuck.", nil},
	{"en NEG", "Moscow rejected", "Headline\nMoscow rejected the proposal for a ceasefire with Ukraine.", nil},
	{"en NEG", "Tehran and Washington exchanged", "Headline\nTehran and Washington exchanged messages on the nuclear file.", nil},
	{"en NEG", "embassy in Cairo", "Headline\nThe U.S. embassy in Cairo issued a security alert.", nil},
	{"en NEG", "flights to Doha", "Headline\nFlights to Doha resumed after the Iranian strike on Al Udeid.", nil},
	{"en NEG", "born in Cairo", "Headline\nThe envoy, born in Cairo, has mediated in several conflicts.", nil},
	{"en NEG", "protest in Tel Aviv", "Headline\nThousands joined a protest in Tel Aviv demanding a hostage deal with Hamas.", nil},
	{"en NEG", "Jeddah-based OIC", "Headline\nThe Jeddah-based OIC welcomed the ceasefire between Israel and Hamas.", nil},
	{"en NEG", "ready to host", "Headline\nTurkey said it was ready to host talks between Russia and Ukraine in Istanbul.", nil},
	{"en NEG", "based in Doha", "Headline\nHamas leaders based in Doha said they had received the proposal.", nil},
	{"en NEG", "proposed venue refused", "Headline\nRussia proposed Minsk as a venue for talks, but Ukraine refused.", nil},
	{"en NEG", "topic Rafah", "Headline\nIsraeli and Hamas negotiators discussed the Rafah crossing and the Philadelphi corridor.", nil},
	{"en NEG", "drones struck Kyiv", "Headline\nDrones struck Kyiv overnight as envoys prepared for new talks.", nil},
	{"en NEG", "possessive, not where", "Headline\nThe envoy took over mediation in Malawi's disputed election between the president and the opposition.", nil},
	{"en possessive", "a country's capital", "Headline\nThe two delegations met in Ethiopia's capital on Monday.", pbV("Addis Ababa")},
	{"en NEG", "dateline no talks", "Headline\nCAIRO (Reuters) - Israeli strikes killed 20 people in Gaza on Monday, health officials said.", nil},
}

func TestPhrasebookVenues(t *testing.T) {
	x := extractor(t)
	var all []venueCase
	for _, l := range [][]venueCase{venuesArabic, venuesArabicNeg, venuesEnglish, venuesEnglishNeg} {
		all = append(all, l...)
	}
	for _, c := range all {
		c := c
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			s := summarize(x.Extract(c.text))
			got := s.venues
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Errorf("venues\ntext %q\n got %q\nwant %q\n(locations named: %q)", c.text, got, want, s.locations)
			}
		})
	}
}

// TestPhrasebookPeople checks the people an extraction names and the state or
// organisation each one serves, rendered as summarize does:
// "Name (Affiliation)", sorted; an empty list means no person may be found.
//
// Conventions adopted by this table:
//   - Names the lexicon knows are given by their canonical English name
//     (Arabic or English text alike); names it does not know are given
//     exactly as written in the text (Arabic script for Arabic text).
//   - The affiliation is the canonical English name of the state or
//     organisation the person serves as described. State organs (foreign
//     ministry, CIA, Egyptian intelligence, presidency) give the state; an
//     organ that is itself a party to the conflict (the Sudanese army) gives
//     that party (Sudanese Armed Forces).
//   - A FORMER official serves the body named for their current role ("former
//     Kenyan president Uhuru Kenyatta, a member of the AU panel" → African
//     Union); with no current role given, the former state is not an
//     affiliation and the person is listed with an empty one: "Name ()".
//   - A later bare-surname mention is the same person, listed once.
//   - Names inside the names of airports, foundations, streets, accords etc.
//     are not people.
type personCase struct {
	phen, name, text string
	want             []string
}

func pbP(s ...string) []string { return s }

var peopleArabic = []personCase{
	// ---- title + nisba + name ----
	{"ar title nisba", "omani FM", "عنوان\nقال وزير الخارجية العماني بدر البوسعيدي إن المحادثات ستستأنف قريباً.", pbP("Badr Albusaidi (Oman)")},
	{"ar title nisba", "qatari PM with sheikh", "عنوان\nأكد رئيس الوزراء القطري الشيخ محمد بن عبدالرحمن آل ثاني استمرار الوساطة.", pbP("Mohammed bin Abdulrahman Al Thani (Qatar)")},
	{"ar title nisba", "US envoy", "عنوان\nوصل المبعوث الأمريكي ستيف ويتكوف إلى الدوحة.", pbP("Steve Witkoff (United States)")},
	{"ar title nisba", "russian FM", "عنوان\nقال وزير الخارجية الروسي سيرغي لافروف إن موسكو منفتحة على الحوار.", pbP("Sergei Lavrov (Russia)")},
	{"ar title nisba", "ukrainian president", "عنوان\nرحب الرئيس الأوكراني فولوديمير زيلينسكي بنتائج جولة إسطنبول.", pbP("Volodymyr Zelensky (Ukraine)")},
	{"ar title nisba", "israeli PM", "عنوان\nأوعز رئيس الوزراء الإسرائيلي بنيامين نتنياهو للوفد المفاوض بالسفر إلى القاهرة.", pbP("Benjamin Netanyahu (Israel)")},
	{"ar title nisba", "saudi FM with prince", "عنوان\nبحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظرائه سبل وقف الحرب.", pbP("Faisal bin Farhan (Saudi Arabia)")},
	{"ar title nisba", "ukrainian delegation head", "عنوان\nترأس الوفد الأوكراني وزير الدفاع الأوكراني رستم عمروف.", pbP("Rustem Umerov (Ukraine)")},
	{"ar title nisba", "russian aide", "عنوان\nقاد مساعد الرئيس الروسي فلاديمير ميدينسكي وفد بلاده إلى إسطنبول.", pbP("Vladimir Medinsky (Russia)")},
	{"ar title nisba", "US secretary of state", "عنوان\nالتقى وزير الخارجية الأمريكي ماركو روبيو بنظيره الروسي في الرياض.", pbP("Marco Rubio (United States)")},
	{"ar title nisba", "US mediator lebanon", "عنوان\nزار الوسيط الأمريكي آموس هوكشتاين بيروت لبحث الاتفاق مع إسرائيل.", pbP("Amos Hochstein (United States)")},
	{"ar title nisba", "two people nazir", "عنوان\nالتقى وزير الخارجية المصري بدر عبد العاطي نظيره التركي هاكان فيدان في القاهرة.", pbP("Badr Abdelatty (Egypt)", "Hakan Fidan (Turkey)")},
	// ---- title + construct ----
	{"ar title construct", "egyptian intelligence director", "عنوان\nاستقبل مدير المخابرات المصرية حسن رشاد وفد حماس في القاهرة.", pbP("Hassan Mahmoud Rashad (Egypt)")},
	{"ar title construct", "hamas spokesman", "عنوان\nقال المتحدث باسم حركة حماس حازم قاسم إن الحركة تدرس المقترح.", pbP("Hazem Qassem (Hamas)")},
	{"ar title construct", "UN envoy to Yemen", "عنوان\nدعا المبعوث الأممي إلى اليمن هانس غروندبرغ الأطراف إلى التهدئة.", pbP("Hans Grundberg (United Nations)")},
	{"ar title construct", "UN secretary general", "عنوان\nرحب الأمين العام للأمم المتحدة أنطونيو غوتيريش باتفاق وقف إطلاق النار.", pbP("António Guterres (United Nations)")},
	{"ar title construct", "AU commission chair", "عنوان\nدعا رئيس مفوضية الاتحاد الأفريقي محمود علي يوسف إلى وقف القتال في السودان.", pbP("Mahmoud Ali Youssouf (African Union)")},
	{"ar title construct", "army commander", "عنوان\nرفض قائد الجيش السوداني عبد الفتاح البرهان المقترح الأمريكي.", pbP("Abdel Fattah al-Burhan (Sudanese Armed Forces)")},
	{"ar title construct", "RSF commander", "عنوان\nأعلن قائد قوات الدعم السريع محمد حمدان دقلو قبوله بالهدنة الإنسانية.", pbP("Mohamed Hamdan Dagalo (Rapid Support Forces)")},
	{"ar title construct", "hamas head in gaza", "عنوان\nقال رئيس حركة حماس في غزة خليل الحية إن الحركة سلمت ردها للوسطاء.", pbP("Khalil al-Hayya (Hamas)")},
	{"ar title construct", "houthi leader", "عنوان\nهدد زعيم جماعة الحوثي عبد الملك الحوثي باستئناف الهجمات.", pbP("Abdulmalik al-Houthi (Houthis)")},
	{"ar title construct", "qatari minister of state", "عنوان\nوصل وزير الدولة بوزارة الخارجية القطرية محمد الخليفي إلى غوما.", pbP("Mohammed bin Abdulaziz Al-Khulaifi (Qatar)")},
	// ---- apposition / later mention ----
	{"ar apposition", "bare surname fidan apposition", "عنوان\nوقال فيدان، وزير الخارجية التركي، إن بلاده مستعدة لاستضافة الجولة المقبلة.", pbP("Hakan Fidan (Turkey)")},
	{"ar apposition", "houthi negotiator apposition", "عنوان\nقال محمد عبد السلام، المتحدث باسم الحوثيين ورئيس وفدهم المفاوض، إن الجماعة ملتزمة بالتهدئة.", pbP("Mohammed Abdulsalam (Houthis)")},
	{"ar apposition", "later bare surname", "عنوان\nقال وزير الخارجية التركي هاكان فيدان إن المحادثات مثمرة. وأضاف فيدان أن الجولة المقبلة ستعقد قريباً.", pbP("Hakan Fidan (Turkey)")},
	{"ar apposition", "later bare surname qassem not naim qassem", "عنوان\nقال المتحدث باسم حماس حازم قاسم إن الحركة سلمت ردها. وأضاف قاسم أن الكرة في ملعب إسرائيل.", pbP("Hazem Qassem (Hamas)")},
	{"ar apposition", "hemedti nickname later", "عنوان\nأعلن قائد قوات الدعم السريع محمد حمدان دقلو قبوله بالهدنة. وقال حميدتي إن قواته ستلتزم بها.", pbP("Mohamed Hamdan Dagalo (Rapid Support Forces)")},
	// ---- former officials ----
	{"ar former", "kenyatta AU panel", "عنوان\nقال الرئيس الكيني السابق أوهورو كينياتا، عضو فريق الاتحاد الأفريقي رفيع المستوى، إن المحادثات بين إثيوبيا وتيغراي مستمرة.", pbP("Uhuru Kenyatta (African Union)")},
	{"ar former", "kenyatta no current role", "عنوان\nقال الرئيس الكيني السابق أوهورو كينياتا إن السلام في القرن الأفريقي ممكن.", pbP("Uhuru Kenyatta ()")},
	// ---- unknown names (as written) ----
	{"ar unknown", "military spokesman brigadier with army", "عنوان\nقال المتحدث باسم الجيش السوداني العميد سامر الخطيب إن الهدنة صامدة.", pbP("سامر الخطيب (Sudanese Armed Forces)")},
	{"ar unknown", "military spokesman no affiliation", "عنوان\nقال المتحدث العسكري العميد سامر الخطيب إن الهدنة صامدة.", pbP("سامر الخطيب ()")},
	{"ar unknown", "hamas official", "عنوان\nقال القيادي في حركة حماس سليم النجار إن الحركة لم تتلق أي مقترح جديد.", pbP("سليم النجار (Hamas)")},
	{"ar unknown", "apposition government spokesman", "عنوان\nقال أحمد الزين، المتحدث باسم الحكومة السودانية، إن الحكومة ترفض المشاركة في جولة جنيف.", pbP("أحمد الزين (Sudan)")},
	// ---- negatives ----
	{"ar NEG", "airport name", "عنوان\nهبطت طائرة الوفد في مطار الملكة علياء الدولي.", nil},
	{"ar NEG", "foundation name", "عنوان\nقدمت مؤسسة محمد بن راشد آل مكتوم مساعدات إنسانية للسودان.", nil},
	{"ar NEG", "street name", "عنوان\nتجمع المحتجون في شارع الملك فيصل وسط الخرطوم.", nil},
}

var peopleEnglish = []personCase{
	// ---- title + name ----
	{"en title", "qatari PM", "Headline\nQatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said talks would resume.", pbP("Mohammed bin Abdulrahman Al Thani (Qatar)")},
	{"en title", "CIA director", "Headline\nCIA Director John Ratcliffe travelled to Doha for the talks.", pbP("John Ratcliffe (United States)")},
	{"en title", "hamas official", "Headline\nHamas official Basem Naim said the group was studying the proposal.", pbP("Basem Naim (Hamas)")},
	{"en title", "US special envoy", "Headline\nU.S. special envoy Steve Witkoff arrived in Moscow on Thursday.", pbP("Steve Witkoff (United States)")},
	{"en title", "russian presidential aide", "Headline\nRussian presidential aide Yuri Ushakov said no date had been set.", pbP("Yuri Ushakov (Russia)")},
	{"en title", "sudanese army chief", "Headline\nSudanese army chief Abdel Fattah al-Burhan rejected the truce proposal.", pbP("Abdel Fattah al-Burhan (Sudanese Armed Forces)")},
	{"en title", "RSF leader", "Headline\nRSF leader Mohamed Hamdan Dagalo said his forces accepted the truce.", pbP("Mohamed Hamdan Dagalo (Rapid Support Forces)")},
	{"en title", "AU high representative possessive", "Headline\nThe AU's high representative Olusegun Obasanjo opened the session.", pbP("Olusegun Obasanjo (African Union)")},
	{"en title", "omani FM", "Headline\nOmani Foreign Minister Badr Albusaidi said the round was constructive.", pbP("Badr Albusaidi (Oman)")},
	{"en title", "israeli PM", "Headline\nIsraeli Prime Minister Benjamin Netanyahu sent a delegation to Cairo.", pbP("Benjamin Netanyahu (Israel)")},
	{"en title", "ukraine's chief negotiator", "Headline\nUkraine's chief negotiator Rustem Umerov led the delegation.", pbP("Rustem Umerov (Ukraine)")},
	{"en title", "UN envoy", "Headline\nUN envoy Hans Grundberg urged both sides to release all detainees.", pbP("Hans Grundberg (United Nations)")},
	{"en title", "secretary of state no nisba", "Headline\nSecretary of State Marco Rubio said the deal was close.", pbP("Marco Rubio (United States)")},
	{"en title", "houthi negotiator", "Headline\nHouthi negotiator Mohammed Abdulsalam said the talks in Muscat were positive.", pbP("Mohammed Abdulsalam (Houthis)")},
	{"en title", "qatari mediator short name", "Headline\nQatari mediator Mohammed Al-Khulaifi flew to Goma.", pbP("Mohammed bin Abdulaziz Al-Khulaifi (Qatar)")},
	{"en title", "two leaders one sentence", "Headline\nArmenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed the declaration.", pbP("Ilham Aliyev (Azerbaijan)", "Nikol Pashinyan (Armenia)")},
	{"en title", "TPLF leader", "Headline\nTPLF leader Debretsion Gebremichael accused the government of violating the deal.", pbP("Debretsion Gebremichael (TPLF)")},
	{"en title", "M23 president", "Headline\nM23 president Bertrand Bisimwa said the group would attend the Doha talks.", pbP("Bertrand Bisimwa (M23)")},
	{"en title", "UN secretary-general no accent", "Headline\nUN Secretary-General Antonio Guterres welcomed the ceasefire.", pbP("António Guterres (United Nations)")},
	{"en title", "houthi leader variant spelling", "Headline\nHouthi leader Abdul-Malik al-Houthi threatened to resume attacks.", pbP("Abdulmalik al-Houthi (Houthis)")},
	// ---- apposition ----
	{"en apposition", "fidan turkey's FM", "Headline\nHakan Fidan, Turkey's foreign minister, said Ankara was ready to host a new round.", pbP("Hakan Fidan (Turkey)")},
	{"en apposition", "dmitriev head of fund", "Headline\nKirill Dmitriev, the head of Russia's sovereign wealth fund, met Witkoff in Miami.", pbP("Kirill Dmitriev (Russia)", "Steve Witkoff (United States)")},
	{"en apposition", "boulos adviser", "Headline\nMassad Boulos, Trump's senior adviser for Africa, said the Doha talks were progressing.", pbP("Donald Trump (United States)", "Massad Boulos (United States)")},
	{"en apposition", "unknown M23 colonel", "Headline\nColonel Jean Mbala, an M23 spokesman, said the rebels would not withdraw from Goma.", pbP("Jean Mbala (M23)")},
	{"en apposition", "unknown government spokesman", "Headline\nKarim Haddad, a spokesman for the Lebanese government, said Beirut would attend the talks.", pbP("Karim Haddad (Lebanon)")},
	{"en apposition", "egyptian intelligence chief known", "Headline\nHassan Rashad, Egypt's intelligence chief, met the Hamas delegation.", pbP("Hassan Mahmoud Rashad (Egypt)")},
	// ---- later mentions ----
	{"en later", "bare surname later", "Headline\nU.S. special envoy Steve Witkoff met Israeli negotiators. Witkoff later flew to Doha.", pbP("Steve Witkoff (United States)")},
	{"en later", "qassem later not naim qassem", "Headline\nHamas spokesman Hazem Qassem said the group had responded. Qassem added that the ball was in Israel's court.", pbP("Hazem Qassem (Hamas)")},
	{"en later", "hemedti nickname later", "Headline\nRSF leader Mohamed Hamdan Dagalo accepted the truce. Hemedti said his forces would abide by it.", pbP("Mohamed Hamdan Dagalo (Rapid Support Forces)")},
	{"en later", "unknown name then surname", "Headline\nSudanese army spokesman Brigadier Nabil Abdallah denied the report. Abdallah said the army remained committed to Jeddah.", pbP("Nabil Abdallah (Sudanese Armed Forces)")},
	// ---- former officials ----
	{"en former", "kenyatta AU panel", "Headline\nFormer Kenyan President Uhuru Kenyatta, a member of the AU panel, said the talks were on track.", pbP("Uhuru Kenyatta (African Union)")},
	{"en former", "kenyatta no current role", "Headline\nFormer Kenyan President Uhuru Kenyatta said peace in the Horn of Africa was possible.", pbP("Uhuru Kenyatta ()")},
	// ---- negatives ----
	{"en NEG", "ben gurion airport", "Headline\nThe freed hostages landed at Ben Gurion Airport.", nil},
	{"en NEG", "abraham accords", "Headline\nWashington wants Saudi Arabia to join the Abraham Accords.", nil},
	{"en NEG", "hamad international airport", "Headline\nThe delegation arrived at Hamad International Airport.", nil},
	{"en NEG", "king fahd causeway", "Headline\nTraffic resumed on the King Fahd Causeway after the crisis.", nil},
}

func TestPhrasebookPeople(t *testing.T) {
	x := extractor(t)
	var all []personCase
	for _, l := range [][]personCase{peopleArabic, peopleEnglish} {
		all = append(all, l...)
	}
	checkPeople(t, x, all)
}

// checkPeople runs each case as a subtest: the people (with their sides) extracted
// from its text must be its want, in any order.
func checkPeople(t *testing.T, x *Extractor, cases []personCase) {
	for _, c := range cases {
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			got := summarize(x.Extract(c.text)).people
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Errorf("people\ntext %q\n got %q\nwant %q", c.text, got, want)
			}
		})
	}
}
