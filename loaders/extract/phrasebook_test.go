package extract

import (
	"sort"
	"strings"
	"testing"
)

// TestPhrasebook is a wide table of short news texts covering the many ways
// Arabic and English negotiation news phrase mediation, plus texts that name
// states or organisations in roles that are NOT mediation.
//
// Each case lists the mediators a careful analyst would record, rendered as by
// summarize: "Mediator → PartyA – PartyB" (parties sorted by canonical English
// name). An empty list means no mediator may be extracted.
//
// Conventions adopted by this table (decide once, apply everywhere):
//   - Hosting talks between two sides ("Doha hosted talks between…",
//     «استضافت مسقط جولة بين…») names the host as mediator, as elsewhere in
//     this package, unless the text explicitly says the host was not one.
//   - A mediator that suspended, froze or withdrew from its mediation is still
//     recorded as that negotiation's mediator: the text names its role.
//   - An *offer* to mediate that is refused or not taken up, a rejected
//     mediation, and a denial of mediating are NOT mediation.
//   - Guarantors of a ceasefire/peace process count as mediators (as in
//     TestMediationPhrasings "guarantor countries").
//   - Observers, invitees, co-organisers of conferences, states that welcome,
//     condemn, urge, demand or call for something, monitors, backers
//     ("X-backed"), coalition leaders ("X-led coalition"), and a venue alone
//     ("held talks in Riyadh") are NOT mediators.
//   - Unnamed "mediators" («الوسطاء») yield no mediator.
//   - «الرياض وصنعاء» in a Saudi–Houthi truce context means Saudi Arabia and
//     the Houthis (Sanaa is held by the Houthis), not the Yemeni government.
//   - A UN envoy's mediation is the United Nations'; a bare "the government"
//     next to "Yemen"/"لليمن" is Yemen's government.
type phraseCase struct {
	phen, name, text string
	want             []string
}

func pbMed(s ...string) []string { return s }

const (
	pbHi   = "Hamas – Israel"
	pbRu   = "Russia – Ukraine"
	pbSudn = "Rapid Support Forces – Sudanese Armed Forces"
	pbHy   = "Houthis – Yemen"
	pbIu   = "Iran – United States"
	pbEt   = "Ethiopia – TPLF"
	pbCe   = "Colombia – ELN"
	pbDm   = "DR Congo – M23"
	pbDr   = "DR Congo – Rwanda"
	pbAa   = "Armenia – Azerbaijan"
	pbIl   = "Israel – Lebanon"
	pbCt   = "Cambodia – Thailand"
	pbTu   = "Taliban – United States"
	pbAp   = "Afghanistan – Pakistan"
	pbIpj  = "Israel – Palestinian Islamic Jihad"
	pbHiz  = "Hezbollah – Israel"
	pbQs   = "Qatar – Saudi Arabia"
	pbSss  = "South Sudan – Sudan"
)

var phrasebookArabic = []phraseCase{
	// ---- بوساطة ----
	{"ar bi-wasata", "nisba pair", "عنوان\nتوصلت إسرائيل وحماس إلى اتفاق لوقف إطلاق النار بوساطة قطرية مصرية.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar bi-wasata", "state noun", "عنوان\nوقعت جمهورية الكونغو الديمقراطية ورواندا اتفاق سلام في واشنطن بوساطة الولايات المتحدة.",
		pbMed("United States → " + pbDr)},
	{"ar bi-wasata", "clitic wa-bi-wasata fronted", "عنوان\nوبوساطة تركية، تبادلت روسيا وأوكرانيا مئات الأسرى في إسطنبول.",
		pbMed("Turkey → " + pbRu)},
	{"ar bi-wasata", "second sentence", "عنوان\nاتفقت إسرائيل وحماس على هدنة جديدة. وجاء الاتفاق بوساطة مصرية وقطرية.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar bi-wasata", "cross-sentence prisoner swap", "عنوان\nأفرجت روسيا عن 150 أسيراً أوكرانياً مقابل العدد نفسه من الأسرى الروس. وجرت العملية بوساطة إماراتية.",
		pbMed("United Arab Emirates → " + pbRu)},
	{"ar bi-wasata", "spelling amirkiya", "عنوان\nاتفقت أرمينيا وأذربيجان على مسودة معاهدة سلام بوساطة أميركية.",
		pbMed("United States → " + pbAa)},
	{"ar bi-wasata", "dawlat qatar", "عنوان\nوقعت الكونغو الديمقراطية وحركة 23 مارس إعلان مبادئ بوساطة دولة قطر.",
		pbMed("Qatar → " + pbDm)},
	{"ar bi-wasata", "capital Kinshasa and M23", "عنوان\nوقعت كينشاسا وحركة إم 23 إعلان مبادئ في الدوحة بوساطة قطرية.",
		pbMed("Qatar → " + pbDm)},
	{"ar bi-wasata", "welcomer plus mediator", "عنوان\nرحبت السعودية بالاتفاق بين إسرائيل وحماس الذي تم التوصل إليه بوساطة قطرية.",
		pbMed("Qatar → " + pbHi)},
	// ---- بوساطة مشتركة من ----
	{"ar wasata mushtaraka", "Saudi US Sudan", "عنوان\nأُعلنت هدنة إنسانية بين الجيش السوداني وقوات الدعم السريع بوساطة مشتركة من السعودية والولايات المتحدة.",
		pbMed("Saudi Arabia → "+pbSudn, "United States → "+pbSudn)},
	{"ar wasata mushtaraka", "Turkey Qatar Pak-Afg", "عنوان\nاستؤنفت المحادثات بين باكستان وأفغانستان في إسطنبول بوساطة مشتركة من تركيا وقطر.",
		pbMed("Qatar → "+pbAp, "Turkey → "+pbAp)},
	// ---- الوساطة + nisba ----
	{"ar al-wasata nisba", "chained misriya qatariya", "عنوان\nقدمت الوساطة المصرية القطرية مقترحاً جديداً لوقف إطلاق النار إلى حماس وإسرائيل.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar al-wasata nisba", "coordinated with wa", "عنوان\nتواصل الوساطة القطرية والمصرية جهودها لتقريب المواقف بين إسرائيل وحركة حماس.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar al-wasata nisba", "amrikiya Lebanon", "عنوان\nوتتواصل الوساطة الأمريكية بين إسرائيل ولبنان بشأن ترسيم الحدود البرية.",
		pbMed("United States → " + pbIl)},
	{"ar al-wasata nisba", "umaniya Houthis US", "عنوان\nأسفرت الوساطة العمانية بين الحوثيين والولايات المتحدة عن وقف الهجمات على السفن.",
		pbMed("Oman → Houthis – United States")},
	{"ar al-wasata nisba", "kuwaitiya Gulf crisis", "عنوان\nنجحت الوساطة الكويتية في إنهاء الأزمة بين قطر والسعودية.",
		pbMed("Kuwait → " + pbQs)},
	{"ar al-wasata nisba", "indefinite wasata qatariya fi", "عنوان\nنجحت وساطة قطرية فى إعادة أطفال أوكرانيين من روسيا إلى أوكرانيا.",
		pbMed("Qatar → " + pbRu)},
	{"ar al-wasata nisba", "mediators from min", "عنوان\nوافقت إسرائيل وحماس على المقترح الذي قدمه الوسطاء من مصر وقطر.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	// ---- برعاية ----
	{"ar bi-riaya", "nisba pair Jeddah", "عنوان\nانطلقت في جدة محادثات بين الجيش السوداني والدعم السريع برعاية سعودية أمريكية.",
		pbMed("Saudi Arabia → "+pbSudn, "United States → "+pbSudn)},
	{"ar bi-riaya", "UN and ICRC", "عنوان\nوقعت الحكومة اليمنية والحوثيون اتفاقاً لتبادل الأسرى برعاية الأمم المتحدة واللجنة الدولية للصليب الأحمر.",
		pbMed("International Committee of the Red Cross → "+pbHy, "United Nations → "+pbHy)},
	{"ar bi-riaya", "emir of Qatar", "عنوان\nوقعت الكونغو الديمقراطية وحركة 23 مارس اتفاق الدوحة للسلام برعاية أمير قطر.",
		pbMed("Qatar → " + pbDm)},
	{"ar bi-riaya", "French-American nisba", "عنوان\nصمد الاتفاق المبرم بين إسرائيل ولبنان برعاية أمريكية فرنسية رغم الخروقات.",
		pbMed("France → "+pbIl, "United States → "+pbIl)},
	{"ar bi-riaya", "relative ra'athu", "عنوان\nوكان إعلان جدة بين الجيش السوداني وقوات الدعم السريع، الذي رعته السعودية والولايات المتحدة، قد نص على حماية المدنيين.",
		pbMed("Saudi Arabia → "+pbSudn, "United States → "+pbSudn)},
	{"ar bi-riaya", "relative tar'aha", "عنوان\nانتهت في إسطنبول المحادثات التي ترعاها تركيا بين روسيا وأوكرانيا.",
		pbMed("Turkey → " + pbRu)},
	{"ar bi-riaya", "active ra'at", "عنوان\nرعت الولايات المتحدة اتفاق السلام بين أرمينيا وأذربيجان في البيت الأبيض.",
		pbMed("United States → " + pbAa)},
	// ---- تحت رعاية ----
	{"ar taht riaya", "AU Pretoria", "عنوان\nعقدت جولة مفاوضات بين إثيوبيا وجبهة تحرير شعب تيغراي تحت رعاية الاتحاد الإفريقي في بريتوريا.",
		pbMed("African Union → " + pbEt)},
	{"ar taht riaya", "spelling athyubiya", "عنوان\nاتفقت الحكومة الأثيوبية وجبهة تحرير تيغراي على وقف الأعمال العدائية تحت رعاية الاتحاد الأفريقي.",
		pbMed("African Union → " + pbEt)},
	{"ar taht riaya", "UN prisoner swap", "عنوان\nجرت عملية تبادل الأسرى بين الحكومة اليمنية وجماعة الحوثي تحت رعاية الأمم المتحدة.",
		pbMed("United Nations → " + pbHy)},
	// ---- تحت مظلة ----
	{"ar taht mazalla", "AU Sudan South Sudan", "عنوان\nاستؤنفت المحادثات بين السودان وجنوب السودان تحت مظلة الاتحاد الإفريقي.",
		pbMed("African Union → " + pbSss)},
	{"ar taht mazalla", "UN Yemen", "عنوان\nجرت مفاوضات بين الحكومة اليمنية والحوثيين تحت مظلة الأمم المتحدة.",
		pbMed("United Nations → " + pbHy)},
	{"ar taht mazalla", "IGAD and AU", "عنوان\nتجري المحادثات بين الجيش السوداني وقوات الدعم السريع تحت مظلة إيغاد والاتحاد الإفريقي.",
		pbMed("African Union → "+pbSudn, "Intergovernmental Authority on Development → "+pbSudn)},
	// ---- بتسهيل من / بتيسير من ----
	{"ar bi-tashil", "Saudi Russia Ukraine", "عنوان\nعقد لقاء بين ممثلي روسيا وأوكرانيا في جدة بتسهيل من المملكة العربية السعودية.",
		pbMed("Saudi Arabia → " + pbRu)},
	{"ar bi-tashil", "UAE prisoners", "عنوان\nأفرجت روسيا وأوكرانيا عن 300 أسير بتسهيل من دولة الإمارات.",
		pbMed("United Arab Emirates → " + pbRu)},
	{"ar bi-taysir", "ICRC swap", "عنوان\nجرت عملية تبادل الأسرى بين إسرائيل وحماس بتيسير من اللجنة الدولية للصليب الأحمر.",
		pbMed("International Committee of the Red Cross → " + pbHi)},
	{"ar bi-taysir", "Norway ELN", "عنوان\nعقدت الحكومة الكولومبية وجيش التحرير الوطني جولة جديدة بتيسير من النرويج.",
		pbMed("Norway → " + pbCe)},
	{"ar tashil verb", "yassarat", "عنوان\nيسّرت النرويج المحادثات بين الحكومة الكولومبية وجيش التحرير الوطني.",
		pbMed("Norway → " + pbCe)},
	{"ar tashil verb", "ta'mal ala tashil", "عنوان\nوتعمل تركيا على تسهيل المفاوضات بين كييف وموسكو منذ أشهر.",
		pbMed("Turkey → " + pbRu)},
	// ---- بجهود ----
	{"ar bi-juhud", "nisba capitals", "عنوان\nنجحت عملية تبادل الأسرى بين موسكو وكييف بجهود إماراتية.",
		pbMed("United Arab Emirates → " + pbRu)},
	{"ar bi-juhud", "min noun", "عنوان\nأُعلن وقف إطلاق النار بين تايلاند وكمبوديا بجهود من ماليزيا.",
		pbMed("Malaysia → " + pbCt)},
	{"ar bi-juhud", "bi-fadl al-juhud", "عنوان\nوبفضل الجهود المصرية، توصلت إسرائيل وحركة الجهاد الإسلامي إلى تهدئة.",
		pbMed("Egypt → " + pbIpj)},
	{"ar juhud al-wasata", "allati tabdhuluha Qatar", "عنوان\nأشادت الأمم المتحدة بجهود الوساطة التي تبذلها قطر بين الكونغو الديمقراطية وحركة 23 مارس.",
		pbMed("Qatar → " + pbDm)},
	{"ar juhud al-wasata", "allati tabdhuluha list", "عنوان\nوثمّن الاتحاد الأوروبي جهود الوساطة التي تبذلها مصر وقطر والولايات المتحدة بين إسرائيل وحماس.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "United States → "+pbHi)},
	{"ar juhud al-wasata", "taqud juhud al-wasata", "عنوان\nتقود السعودية جهود الوساطة بين الجيش السوداني وقوات الدعم السريع.",
		pbMed("Saudi Arabia → " + pbSudn)},
	// ---- الوسيط / الوسطاء ----
	{"ar al-wasit nisba", "al-wasit al-qatari", "عنوان\nسلّم الوسيط القطري رد حماس إلى الجانب الإسرائيلي.",
		pbMed("Qatar → " + pbHi)},
	{"ar al-wasit nisba", "al-wasit al-misri", "عنوان\nأكد الوسيط المصري أن المحادثات بين إسرائيل وحماس تحرز تقدماً.",
		pbMed("Egypt → " + pbHi)},
	{"ar al-wusata nisba", "al-misriyyun + wafd hamas", "عنوان\nالتقى الوسطاء المصريون وفد حماس في القاهرة قبل نقل المقترح إلى الجانب الإسرائيلي.",
		pbMed("Egypt → " + pbHi)},
	{"ar al-wusata nisba", "misriyyun wa-qatariyyun", "عنوان\nقال الوسطاء المصريون والقطريون إن المحادثات بين إسرائيل وحماس ستستأنف الأحد.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar al-wusata nisba", "qatariyyun janib israeli", "عنوان\nنقل الوسطاء القطريون رد وفد حماس إلى الجانب الإسرائيلي.",
		pbMed("Qatar → " + pbHi)},
	{"ar wasit org", "wasit AU Tigray", "عنوان\nالتقى وسيط الاتحاد الإفريقي بممثلي الحكومة الإثيوبية وجبهة تحرير تيغراي في نيروبي.",
		pbMed("African Union → " + pbEt)},
	{"ar wasit org", "wasit AU Abyei", "عنوان\nقال وسيط الاتحاد الأفريقي إن المفاوضات بين السودان وجنوب السودان حول أبيي ستستأنف.",
		pbMed("African Union → " + pbSss)},
	{"ar wasit org", "UN envoy li-l-yaman", "عنوان\nيتوسط مبعوث الأمم المتحدة لليمن بين الحكومة اليمنية والحوثيين.",
		pbMed("United Nations → " + pbHy)},
	{"ar wasit org", "UN envoy bare government", "عنوان\nقال المبعوث الأممي إلى اليمن إن وساطته بين الحكومة والحوثيين مستمرة.",
		pbMed("United Nations → " + pbHy)},
	{"ar al-wasita participle", "Egypt al-wasita apposition", "عنوان\nوقالت مصر، الوسيطة بين إسرائيل وحماس، إن الاتفاق صامد.",
		pbMed("Egypt → " + pbHi)},
	// ---- الدول الوسيطة / الضامنة ----
	{"ar al-duwal al-wasita", "apposition list", "عنوان\nدعت الدول الوسيطة، مصر وقطر والولايات المتحدة، إسرائيل وحماس إلى الالتزام بالاتفاق.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "United States → "+pbHi)},
	{"ar al-duwal al-wasita", "wa-hiya list", "عنوان\nقالت الدول الوسيطة وهي قطر ومصر وتركيا إن المرحلة الثانية من الاتفاق بين إسرائيل وحماس ستبدأ قريباً.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "Turkey → "+pbHi)},
	{"ar al-duwal al-damina", "wa-hiya Gaza four", "عنوان\nأكدت الدول الضامنة وهي مصر وقطر وتركيا والولايات المتحدة التزامها بوقف إطلاق النار بين إسرائيل وحماس.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "Turkey → "+pbHi, "United States → "+pbHi)},
	{"ar al-duwal al-damina", "wa-hiya ELN", "عنوان\nاستأنفت الحكومة الكولومبية وجيش التحرير الوطني المفاوضات بحضور الدول الضامنة وهي كوبا والنرويج والمكسيك.",
		pbMed("Cuba → "+pbCe, "Mexico → "+pbCe, "Norway → "+pbCe)},
	{"ar damin verb", "damanat", "عنوان\nضمنت مصر وقطر وتركيا اتفاق وقف إطلاق النار بين إسرائيل وحماس.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "Turkey → "+pbHi)},
	// ---- تتوسط / توسطت ----
	{"ar tawassata", "tatawassat Taliban", "عنوان\nتتوسط قطر بين واشنطن وحركة طالبان منذ سنوات.",
		pbMed("Qatar → " + pbTu)},
	{"ar tawassata", "tatawassat capitals", "عنوان\nوتتوسط أنقرة بين موسكو وكييف منذ بداية الحرب.",
		pbMed("Turkey → " + pbRu)},
	{"ar tawassata", "tawassatat fi swap", "عنوان\nتوسطت الإمارات في عملية تبادل أسرى جديدة بين روسيا وأوكرانيا.",
		pbMed("United Arab Emirates → " + pbRu)},
	{"ar tawassata", "tawassatat fi-variant grain", "عنوان\nتوسطت تركيا والأمم المتحدة فى اتفاق بين روسيا وأوكرانيا لتصدير الحبوب.",
		pbMed("Turkey → "+pbRu, "United Nations → "+pbRu)},
	{"ar tawassata", "relative allati tatawassat", "عنوان\nأعلنت قطر، التي تتوسط بين إسرائيل وحماس، أن المحادثات ستستأنف في الدوحة.",
		pbMed("Qatar → " + pbHi)},
	{"ar tawassata", "biladuhu coreference", "عنوان\nقال رئيس الوزراء القطري، الذي تتوسط بلاده بين حماس وإسرائيل، إن المفاوضات تمر بمرحلة حرجة.",
		pbMed("Qatar → " + pbHi)},
	{"ar tawassata", "hosted and mediated", "عنوان\nاستضافت سلطنة عمان وتوسطت في المحادثات بين إيران والولايات المتحدة.",
		pbMed("Oman → " + pbIu)},
	// ---- دور الوسيط / كوسيط ----
	{"ar dawr al-wasit", "taqum bi-dawr", "عنوان\nتقوم سلطنة عمان بدور الوسيط بين إيران والولايات المتحدة.",
		pbMed("Oman → " + pbIu)},
	{"ar dawr al-wasit", "tal'ab dawr fi al-azma", "عنوان\nتلعب الكويت دور الوسيط في الأزمة بين قطر والسعودية.",
		pbMed("Kuwait → " + pbQs)},
	{"ar dawr al-wasit", "la'ibat past 1981", "عنوان\nلعبت الجزائر دور الوسيط بين إيران والولايات المتحدة في أزمة الرهائن عام 1981.",
		pbMed("Algeria → " + pbIu)},
	{"ar ka-wasit", "ta'mal ka-wasit", "عنوان\nتعمل مصر كوسيط بين إسرائيل وحركة الجهاد الإسلامي.",
		pbMed("Egypt → " + pbIpj)},
	{"ar ka-wasit", "capital Ankara", "عنوان\nبرزت أنقرة كوسيط بين كييف وموسكو في ملف تبادل الأسرى.",
		pbMed("Turkey → " + pbRu)},
	{"ar ka-wasit", "tataharrak ka-wasit", "عنوان\nتتحرك السعودية كوسيط بين موسكو وكييف في محادثات الهدنة.",
		pbMed("Saudi Arabia → " + pbRu)},
	// ---- قناة اتصال / نقل الرسائل ----
	{"ar qanat ittisal", "Qatar Hamas US", "عنوان\nتشكل قطر قناة اتصال بين الولايات المتحدة وحركة حماس.",
		pbMed("Qatar → Hamas – United States")},
	{"ar qanat ittisal", "clitic wa-Doha Taliban", "عنوان\nوتعد الدوحة قناة الاتصال الرئيسية بين واشنطن وطالبان.",
		pbMed("Qatar → " + pbTu)},
	{"ar naql al-rasa'il", "tatawalla naql", "عنوان\nتتولى سويسرا نقل الرسائل بين واشنطن وطهران.",
		pbMed("Switzerland → " + pbIu)},
	{"ar naql al-rasa'il", "naqalat rasa'il", "عنوان\nنقلت سلطنة عمان رسائل بين إيران والولايات المتحدة خلال الأسابيع الماضية.",
		pbMed("Oman → " + pbIu)},
	{"ar naql al-rasa'il", "naqalat muqtarah janib/wafd", "عنوان\nنقلت مصر مقترحاً من الجانب الإسرائيلي إلى وفد حماس.",
		pbMed("Egypt → " + pbHi)},
	// ---- تقريب وجهات النظر / جمعت ----
	{"ar taqrib wijhat al-nazar", "tas'a Egypt", "عنوان\nتسعى مصر إلى تقريب وجهات النظر بين حماس وإسرائيل.",
		pbMed("Egypt → " + pbHi)},
	{"ar taqrib wijhat al-nazar", "al-mamlaka coreference", "عنوان\nوأكد وزير الخارجية السعودي أن المملكة تعمل على تقريب وجهات النظر بين الجيش السوداني وقوات الدعم السريع.",
		pbMed("Saudi Arabia → " + pbSudn)},
	{"ar jama'at", "al-tarafayn nisba", "عنوان\nجمعت تركيا الطرفين الروسي والأوكراني في إسطنبول لأول مرة منذ ثلاث سنوات.",
		pbMed("Turkey → " + pbRu)},
	{"ar jama'at", "wafday dual", "عنوان\nجمعت قطر وفدي الكونغو الديمقراطية ورواندا في الدوحة.",
		pbMed("Qatar → " + pbDr)},
	// ---- ترأس / برئاسة / بقيادة ----
	{"ar tara'asa", "tara'asat talks", "عنوان\nترأست ماليزيا المحادثات بين تايلاند وكمبوديا في كوالالمبور.",
		pbMed("Malaysia → " + pbCt)},
	{"ar bi-riasa", "mechanism committee", "عنوان\nعقدت لجنة مراقبة وقف إطلاق النار بين إسرائيل ولبنان اجتماعها في الناقورة برئاسة الولايات المتحدة.",
		pbMed("United States → " + pbIl)},
	{"ar bi-riasa", "nisba amrikiya", "عنوان\nعقدت جولة المفاوضات بين أرمينيا وأذربيجان برئاسة أمريكية.",
		pbMed("United States → " + pbAa)},
	{"ar bi-qiyada", "talks led by AU", "عنوان\nاستؤنفت المحادثات بقيادة الاتحاد الإفريقي بين إثيوبيا وجبهة تحرير تيغراي.",
		pbMed("African Union → " + pbEt)},
	// ---- hosting ----
	{"ar hosting", "ihtadanat al-doha", "عنوان\nاحتضنت الدوحة المحادثات بين الكونغو الديمقراطية وحركة إم 23.",
		pbMed("Qatar → " + pbDm)},
	{"ar hosting", "clitic wa-l-doha two hosts", "عنوان\nوتستضيف القاهرة والدوحة جولات التفاوض بين إسرائيل وحماس.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"ar hosting", "istadafat masqat jawla", "عنوان\nاستضافت مسقط جولة جديدة من المحادثات غير المباشرة بين طهران وواشنطن.",
		pbMed("Oman → " + pbIu)},
	{"ar hosting", "Washington hosts signing Kinshasa Kigali", "عنوان\nاحتضنت واشنطن توقيع اتفاق السلام بين كينشاسا وكيغالي.",
		pbMed("United States → " + pbDr)},
	// ---- Riyadh / Sanaa ----
	{"ar capitals", "Riyadh Sanaa Houthis", "عنوان\nتواصل سلطنة عمان وساطتها بين الرياض وصنعاء لتمديد الهدنة مع الحوثيين.",
		pbMed("Oman → Houthis – Saudi Arabia")},
	// ---- suspended / withdrew (still mediator by convention) ----
	{"ar suspended", "allaqat wasataha", "عنوان\nعلّقت قطر وساطتها بين إسرائيل وحماس احتجاجاً على عدم جدية الطرفين.",
		pbMed("Qatar → " + pbHi)},
	{"ar suspended", "insihab min al-wasata", "عنوان\nأعلنت قطر انسحابها من الوساطة بين إسرائيل وحماس.",
		pbMed("Qatar → " + pbHi)},
}

var phrasebookArabicNeg = []phraseCase{
	{"ar NEG", "ablaghat hamas al-wusata", "عنوان\nأبلغت حماس الوسطاء موافقتها على المقترح الأخير.", nil},
	{"ar NEG", "qala al-wusata unnamed", "عنوان\nقال الوسطاء إن المحادثات بين إسرائيل وحماس ستستأنف الأسبوع المقبل.", nil},
	{"ar NEG", "met mediators in Cairo", "عنوان\nالتقى وفد حماس بالوسطاء في القاهرة لبحث المرحلة الثانية من الاتفاق مع إسرائيل.", nil},
	{"ar NEG", "rahhabat qatar", "عنوان\nرحبت قطر بالاتفاق بين أرمينيا وأذربيجان.", nil},
	{"ar NEG", "da'at al-jami'a", "عنوان\nدعت الجامعة العربية إسرائيل وحماس إلى الالتزام بوقف إطلاق النار.", nil},
	{"ar NEG", "da'at qatar ila", "عنوان\nدعت قطر إلى وقف فوري لإطلاق النار بين الهند وباكستان.", nil},
	{"ar NEG", "adanat", "عنوان\nأدانت السعودية التصعيد بين إسرائيل وحزب الله.", nil},
	{"ar NEG", "haththat", "عنوان\nحثت الولايات المتحدة روسيا وأوكرانيا على العودة إلى طاولة المفاوضات.", nil},
	{"ar NEG", "talaba", "عنوان\nطالب الاتحاد الأوروبي الجيش السوداني وقوات الدعم السريع بوقف القتال فوراً.", nil},
	{"ar NEG", "a'rabat an da'miha", "عنوان\nأعربت تركيا عن دعمها للمفاوضات بين روسيا وأوكرانيا.", nil},
	{"ar NEG", "observers bi-sifat muraqibin", "عنوان\nحضرت الإمارات ومصر المحادثات بين الجيش السوداني وقوات الدعم السريع بصفة مراقبين.", nil},
	{"ar NEG", "invited du'iyat", "عنوان\nدُعيت مصر والسعودية لحضور المحادثات بين الجيش السوداني وقوات الدعم السريع.", nil},
	{"ar NEG", "co-organiser conference", "عنوان\nشاركت النرويج وبريطانيا في تنظيم مؤتمر للمانحين بشأن الحرب بين الجيش السوداني وقوات الدعم السريع.", nil},
	{"ar NEG", "denial nafat", "عنوان\nنفت مصر أن تكون وسيطاً بين إثيوبيا وجبهة تحرير تيغراي.", nil},
	{"ar NEG", "laysat wasitan", "عنوان\nقالت الولايات المتحدة إنها ليست وسيطاً في المحادثات بين إثيوبيا وإريتريا.", nil},
	{"ar NEG", "dun ayy wasata", "عنوان\nعقدت تايلاند وكمبوديا محادثات مباشرة دون أي وساطة.", nil},
	{"ar NEG", "direct talks venue Riyadh", "عنوان\nأجرت روسيا والولايات المتحدة محادثات مباشرة في الرياض.", nil},
	{"ar NEG", "bilateral mediators as parties", "عنوان\nأجرت مصر وقطر محادثات ثنائية في الدوحة لبحث التعاون الاقتصادي.", nil},
	{"ar NEG", "host only no mediation", "عنوان\nاقتصر دور سلطنة عمان على استضافة المحادثات بين إيران والولايات المتحدة، ولم تقم بأي دور في الوساطة.", nil},
	{"ar NEG", "offer refused", "عنوان\nعرضت كينيا الوساطة بين الجيش السوداني وقوات الدعم السريع، لكن الجيش رفض العرض.", nil},
	{"ar NEG", "rejected French mediation", "عنوان\nرفضت إسرائيل عرضاً فرنسياً للوساطة مع حزب الله.", nil},
	{"ar NEG", "coalition bi-qiyadat", "عنوان\nشن التحالف بقيادة السعودية غارات على مواقع الحوثيين في صنعاء.", nil},
	{"ar NEG", "backed al-mad'uma min", "عنوان\nاشتبكت قوات الحكومة اليمنية المدعومة من السعودية مع الحوثيين المدعومين من إيران.", nil},
	{"ar NEG", "monitoring UNIFIL", "عنوان\nتراقب قوات اليونيفيل وقف إطلاق النار بين إسرائيل ولبنان.", nil},
	{"ar NEG", "al-jazeera al-qatariya", "عنوان\nذكرت قناة الجزيرة القطرية أن المفاوضات بين إسرائيل وحماس تعثرت.", nil},
	{"ar NEG", "al-ri'aya al-tibbiya", "عنوان\nنُقل الجرحى إلى مستشفيات مصرية لتلقي الرعاية الطبية بعد الاتفاق بين إسرائيل وحماس.", nil},
}

var phrasebookEnglish = []phraseCase{
	// ---- mediate ----
	{"en mediate", "active perfect", "Headline\nQatar has mediated between Israel and Hamas for more than a year.",
		pbMed("Qatar → " + pbHi)},
	{"en mediate", "progressive", "Headline\nEgypt is mediating talks between Israel and Hamas in Cairo.",
		pbMed("Egypt → " + pbHi)},
	{"en mediate", "relative which has mediated", "Headline\nQatar, which has mediated between Washington and the Taliban, hosted the signing ceremony.",
		pbMed("Qatar → " + pbTu)},
	{"en mediate", "participial", "Headline\nOman, mediating between Iran and the United States, hosted a fifth round in Muscat.",
		pbMed("Oman → " + pbIu)},
	{"en mediate", "passive apposition", "Headline\nTalks between Ethiopia and the TPLF, mediated by the African Union, resumed in Pretoria.",
		pbMed("African Union → " + pbEt)},
	{"en mediate", "capital and acronym", "Headline\nQatar is mediating between Kinshasa and the M23.",
		pbMed("Qatar → " + pbDm)},
	{"en mediate", "UN envoy relative", "Headline\nThe UN envoy for Yemen, who mediates between the government and the Houthis, visited Riyadh.",
		pbMed("United Nations → " + pbHy)},
	{"en mediate", "which have been mediating", "Headline\nEgypt and Qatar, which have been mediating between Israel and Hamas, presented a new proposal.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en mediate", "cross-sentence mediated by", "Headline\nRussia and Ukraine swapped 150 prisoners each on Friday. It was the latest exchange mediated by the UAE.",
		pbMed("United Arab Emirates → " + pbRu)},
	// ---- broker ----
	{"en broker", "active list", "Headline\nTurkey and the United Nations brokered a grain deal between Russia and Ukraine in 2022.",
		pbMed("Turkey → "+pbRu, "United Nations → "+pbRu)},
	{"en broker", "passive apposition wrong side", "Headline\nHamas accepted the deal, brokered by Egypt and Qatar, but Israel has yet to respond.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en broker", "welcomer plus broker", "Headline\nEgypt welcomed the agreement between Israel and Hamas, brokered by Qatar.",
		pbMed("Qatar → " + pbHi)},
	{"en broker", "second sentence passive", "Headline\nIsrael and Hamas agreed to a ceasefire on Wednesday. The deal was brokered by Qatar and Egypt.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en broker", "capitals as parties", "Headline\nQatar and Turkey brokered a ceasefire between Islamabad and Kabul.",
		pbMed("Qatar → "+pbAp, "Turkey → "+pbAp)},
	// ---- facilitate ----
	{"en facilitate", "demonym parties", "Headline\nSaudi Arabia facilitated talks between Russian and Ukrainian officials in Riyadh.",
		pbMed("Saudi Arabia → " + pbRu)},
	{"en facilitate", "passive acronyms", "Headline\nThe Jeddah talks between the SAF and the RSF were facilitated by Saudi Arabia and the United States.",
		pbMed("Saudi Arabia → "+pbSudn, "United States → "+pbSudn)},
	{"en facilitate", "ICRC detainees", "Headline\nThe ICRC facilitated the exchange of detainees between the Yemeni government and the Houthis.",
		pbMed("International Committee of the Red Cross → " + pbHy)},
	// ---- sponsor / guarantee ----
	{"en sponsor", "US-sponsored", "Headline\nThe US-sponsored talks between Israel and Lebanon resumed in Naqoura.",
		pbMed("United States → " + pbIl)},
	{"en sponsor", "active sponsored", "Headline\nEgypt sponsored a new round of reconciliation talks between Fatah and Hamas in Cairo.",
		pbMed("Egypt → Fatah – Hamas")},
	{"en sponsor", "UN-sponsored", "Headline\nUN-sponsored talks between the Yemeni government and the Houthis opened in Stockholm.",
		pbMed("United Nations → " + pbHy)},
	{"en guarantee", "active guaranteed", "Headline\nEgypt, Qatar and Turkey guaranteed the ceasefire between Israel and Hamas.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "Turkey → "+pbHi)},
	{"en guarantee", "guarantors apposition", "Headline\nCuba and Norway, guarantors of the peace process between Colombia and the ELN, called for calm.",
		pbMed("Cuba → "+pbCe, "Norway → "+pbCe)},
	{"en guarantee", "as guarantors capital", "Headline\nBogota and the ELN resumed talks in Mexico City with Norway and Cuba as guarantors.",
		pbMed("Cuba → "+pbCe, "Norway → "+pbCe)},
	// ---- host ----
	{"en host", "hosted and mediated", "Headline\nOman hosted and mediated indirect talks between Iran and the US in Muscat.",
		pbMed("Oman → " + pbIu)},
	{"en host", "capital Doha hosted", "Headline\nDoha hosted talks between the United States and the Taliban.",
		pbMed("Qatar → " + pbTu)},
	{"en host", "hosted by passive", "Headline\nThe talks between Russia and Ukraine, hosted by Turkey in Istanbul, lasted less than two hours.",
		pbMed("Turkey → " + pbRu)},
	// ---- chair / co-chair / convene ----
	{"en chair", "chaired by", "Headline\nThe talks between Thailand and Cambodia, chaired by Malaysia, ended with a ceasefire.",
		pbMed("Malaysia → " + pbCt)},
	{"en chair", "co-chaired", "Headline\nSaudi Arabia and the United States co-chaired the talks between the SAF and the RSF.",
		pbMed("Saudi Arabia → "+pbSudn, "United States → "+pbSudn)},
	{"en convene", "convened active", "Headline\nThe African Union convened talks between Ethiopia and the TPLF in Pretoria.",
		pbMed("African Union → " + pbEt)},
	{"en convene", "convened by", "Headline\nTalks between Armenia and Azerbaijan convened by the European Union took place in Brussels.",
		pbMed("European Union → " + pbAa)},
	// ---- shuttle / messages ----
	{"en shuttle", "capitals", "Headline\nTurkish diplomats have shuttled between Kyiv and Moscow for weeks.",
		pbMed("Turkey → " + pbRu)},
	{"en shuttle", "delegations demonyms", "Headline\nQatari and Egyptian officials shuttled between the Israeli and Hamas delegations.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en messages", "relayed", "Headline\nOman relayed messages between Tehran and Washington.",
		pbMed("Oman → " + pbIu)},
	{"en messages", "passing", "Headline\nFrance has been passing messages between Israel and Hezbollah.",
		pbMed("France → " + pbHiz)},
	{"en messages", "carried", "Headline\nSwitzerland carried messages between the United States and Iran.",
		pbMed("Switzerland → " + pbIu)},
	{"en messages", "through Oman", "Headline\nIran and the United States exchanged messages through Oman on the nuclear file.",
		pbMed("Oman → " + pbIu)},
	// ---- bring together ----
	{"en bring together", "delegations", "Headline\nTurkey brought the Russian and Ukrainian delegations together in Istanbul.",
		pbMed("Turkey → " + pbRu)},
	{"en bring together", "states", "Headline\nMalaysia brought Thailand and Cambodia together for ceasefire talks.",
		pbMed("Malaysia → " + pbCt)},
	// ---- roles ----
	{"en role", "go-between", "Headline\nQatar acted as a go-between for the United States and Hamas.",
		pbMed("Qatar → Hamas – United States")},
	{"en role", "intermediary", "Headline\nOman served as an intermediary between Iran and the United States.",
		pbMed("Oman → " + pbIu)},
	{"en role", "channel", "Headline\nQatar has long served as a channel between Washington and the Taliban.",
		pbMed("Qatar → " + pbTu)},
	{"en role", "mediator apposition fronted", "Headline\nMediator Qatar said talks between Israel and Hamas would resume next week.",
		pbMed("Qatar → " + pbHi)},
	{"en role", "the mediator in the dispute", "Headline\nKuwait, the mediator in the dispute between Qatar and Saudi Arabia, said a deal was close.",
		pbMed("Kuwait → " + pbQs)},
	{"en role", "led the mediation", "Headline\nThe African Union led the mediation between Ethiopia and the TPLF.",
		pbMed("African Union → " + pbEt)},
	{"en role", "leading mediation efforts", "Headline\nSaudi Arabia is leading mediation efforts between the Sudanese army and the RSF.",
		pbMed("Saudi Arabia → " + pbSudn)},
	// ---- X-brokered / -mediated / -led ----
	{"en X-brokered", "Qatar-brokered", "Headline\nThe Qatar-brokered deal between Israel and Hamas took effect on Sunday.",
		pbMed("Qatar → " + pbHi)},
	{"en X-brokered", "US-brokered", "Headline\nThe US-brokered ceasefire between Israel and Hezbollah has largely held.",
		pbMed("United States → " + pbHiz)},
	{"en X-brokered", "U.S.-brokered dotted", "Headline\nArmenia and Azerbaijan initialed a U.S.-brokered peace agreement at the White House.",
		pbMed("United States → " + pbAa)},
	{"en X-brokered", "Washington-brokered capitals", "Headline\nThe Washington-brokered peace deal between Kinshasa and Kigali was signed in June.",
		pbMed("United States → " + pbDr)},
	{"en X-brokered", "China-brokered", "Headline\nThe China-brokered deal between Saudi Arabia and Iran restored diplomatic ties.",
		pbMed("China → Iran – Saudi Arabia")},
	{"en X-mediated", "Egyptian-mediated", "Headline\nEgyptian-mediated talks between Israel and Islamic Jihad ended the flare-up.",
		pbMed("Egypt → " + pbIpj)},
	{"en X-mediated", "Turkish-mediated no between", "Headline\nRussia and Ukraine held Turkish-mediated talks in Istanbul.",
		pbMed("Turkey → " + pbRu)},
	{"en X-led", "IGAD-led", "Headline\nIGAD-led talks between the SAF and the RSF have stalled.",
		pbMed("Intergovernmental Authority on Development → " + pbSudn)},
	{"en X-led", "Saudi-led mediation", "Headline\nThe Saudi-led mediation between the SAF and the RSF produced a humanitarian truce.",
		pbMed("Saudi Arabia → " + pbSudn)},
	// ---- prepositional ----
	{"en prep", "with the help of", "Headline\nRussia and Ukraine exchanged 190 prisoners with the help of the United Arab Emirates.",
		pbMed("United Arab Emirates → " + pbRu)},
	{"en prep", "under the auspices of", "Headline\nIsrael and Lebanon held talks under the auspices of the United Nations.",
		pbMed("United Nations → " + pbIl)},
	{"en prep", "under the aegis of", "Headline\nEthiopia and the TPLF met under the aegis of the African Union.",
		pbMed("African Union → " + pbEt)},
	{"en prep", "through the mediation of", "Headline\nSaudi Arabia and Iran restored ties through the mediation of China.",
		pbMed("China → Iran – Saudi Arabia")},
	{"en prep", "under nisba mediation", "Headline\nThe Colombian government and the ELN resumed talks in Caracas under Venezuelan and Cuban mediation.",
		pbMed("Cuba → "+pbCe, "Venezuela → "+pbCe)},
	// ---- possessive / nominal ----
	{"en nominal", "X's mediation", "Headline\nThanks to Qatar's mediation, Israel and Hamas agreed to extend the truce.",
		pbMed("Qatar → " + pbHi)},
	{"en nominal", "X's good offices", "Headline\nIran and the United States exchanged proposals through Switzerland's good offices.",
		pbMed("Switzerland → " + pbIu)},
	{"en nominal", "mediators from X and Y", "Headline\nMediators from Egypt and Qatar met Israeli and Hamas negotiators in Doha.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en nominal", "Egyptian-Qatari mediation", "Headline\nThe Egyptian-Qatari mediation between Israel and Hamas has stalled.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en nominal", "Qatar-Egypt mediation", "Headline\nThe Qatar-Egypt mediation effort between Israel and Hamas resumed in Cairo.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	{"en nominal", "nisba list mediators", "Headline\nEgyptian, Qatari and American mediators handed Israel and Hamas a new draft.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi, "United States → "+pbHi)},
	{"en nominal", "handed named mediators", "Headline\nHamas handed Egyptian and Qatari mediators its response to Israel's proposal.",
		pbMed("Egypt → "+pbHi, "Qatar → "+pbHi)},
	// ---- suspended / withdrew (still mediator by convention) ----
	{"en suspended", "suspended its mediation", "Headline\nQatar suspended its mediation between Israel and Hamas.",
		pbMed("Qatar → " + pbHi)},
	{"en suspended", "withdrew from role", "Headline\nQatar withdrew from its role as mediator between Israel and Hamas.",
		pbMed("Qatar → " + pbHi)},
}

var phrasebookEnglishNeg = []phraseCase{
	{"en NEG", "observers", "Headline\nObservers from the EU and the AU attended the talks between the SAF and the RSF.", nil},
	{"en NEG", "co-organised conference", "Headline\nFrance and Germany co-organised a humanitarian conference on the war between the SAF and the RSF.", nil},
	{"en NEG", "invited", "Headline\nEgypt and the UAE were invited to attend the talks between the SAF and the RSF.", nil},
	{"en NEG", "welcomed", "Headline\nQatar and Egypt welcomed the ceasefire between Thailand and Cambodia.", nil},
	{"en NEG", "condemned", "Headline\nTurkey condemned the renewed fighting between Armenia and Azerbaijan.", nil},
	{"en NEG", "urged", "Headline\nThe European Union urged Israel and Hamas to return to the negotiating table.", nil},
	{"en NEG", "called for", "Headline\nChina called for direct talks between Russia and Ukraine.", nil},
	{"en NEG", "was not a mediator", "Headline\nEgypt said it was not a mediator between Ethiopia and the TPLF.", nil},
	{"en NEG", "denied mediating", "Headline\nQatar denied it was mediating between Washington and Hamas.", nil},
	{"en NEG", "without any mediation", "Headline\nThailand and Cambodia held direct talks without any mediation.", nil},
	{"en NEG", "direct bilateral in Abu Dhabi", "Headline\nArmenia and Azerbaijan held direct bilateral talks in Abu Dhabi, without mediators.", nil},
	{"en NEG", "direct talks venue Riyadh", "Headline\nRussia and the United States held direct talks in Riyadh.", nil},
	{"en NEG", "hosted venue only", "Headline\nTurkey only hosted the talks between Russia and Ukraine and was not a mediator, Ankara said.", nil},
	{"en NEG", "Hamas told mediators", "Headline\nHamas told mediators it had accepted the proposal.", nil},
	{"en NEG", "unnamed mediators", "Headline\nThe mediators presented a new proposal to Israel and Hamas on Monday.", nil},
	{"en NEG", "three sentences unnamed mediators", "Headline\nIsrael and Hamas resumed talks in Doha. Hamas told mediators it wanted guarantees. Egypt's foreign minister welcomed the progress.", nil},
	{"en NEG", "offer refused", "Headline\nKenya offered to mediate between the SAF and the RSF, but the army refused.", nil},
	{"en NEG", "rejected offer", "Headline\nIsrael rejected a French offer to mediate with Hezbollah.", nil},
	{"en NEG", "X-backed", "Headline\nThe Iran-backed Houthis and the Saudi-backed government clashed near Marib.", nil},
	{"en NEG", "X-led coalition", "Headline\nThe Saudi-led coalition struck Houthi positions around Sanaa.", nil},
	{"en NEG", "sponsored a resolution", "Headline\nThe United States sponsored a Security Council resolution endorsing the ceasefire between Israel and Hamas.", nil},
	{"en NEG", "X-based media", "Headline\nQatar-based Al Jazeera reported that talks between Israel and Hamas had stalled.", nil},
	{"en NEG", "X-Y talks as parties", "Headline\nEgyptian-Israeli talks on the Rafah crossing resumed in Cairo.", nil},
	{"en NEG", "X-made", "Headline\nUkraine struck targets inside Russia with US-made missiles.", nil},
	{"en NEG", "bilateral mediators as parties", "Headline\nEgypt and Qatar held bilateral talks on trade in Doha.", nil},
}

func TestPhrasebook(t *testing.T) {
	x := extractor(t)
	var all []phraseCase
	for _, l := range [][]phraseCase{phrasebookArabic, phrasebookArabicNeg, phrasebookEnglish, phrasebookEnglishNeg} {
		all = append(all, l...)
	}
	for _, c := range all {
		c := c
		t.Run(c.phen+"/"+c.name, func(t *testing.T) {
			got := summarize(x.Extract(c.text)).mediators
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Errorf("mediators\ntext %q\n got %q\nwant %q", c.text, got, want)
			}
		})
	}
}
