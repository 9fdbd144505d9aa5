package extract

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

var (
	testOnce sync.Once
	testX    *Extractor
	testErr  error
)

func extractor(t *testing.T) *Extractor {
	t.Helper()
	testOnce.Do(func() {
		var lx *lexicon.Lexicon
		if lx, testErr = lexicon.Load(); testErr == nil {
			testX, testErr = New(lx)
		}
	})
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testX
}

// summary renders what an extraction found in a compact, comparable form.
type summary struct {
	mediators []string // "Qatar → Hamas – Israel"
	venues    []string
	people    []string // "Hakan Fidan (Turkey)"
	locations []string
	issues    []string
}

func summarize(r *Result) summary {
	var s summary
	add := func(list *[]string, v string) {
		for _, x := range *list {
			if x == v {
				return
			}
		}
		*list = append(*list, v)
	}
	aff := map[*Entity]string{}
	for _, f := range r.Facts {
		if f.Relation == RelAffiliation {
			aff[f.Subject] = f.Object.Name
		}
	}
	for _, f := range r.Facts {
		switch f.Relation {
		case RelMediator:
			add(&s.mediators, f.Object.Name+" → "+f.Negotiation.Name())
		case RelVenue:
			add(&s.venues, f.Object.Name)
		case RelIssue:
			add(&s.issues, f.Value)
		}
	}
	for _, e := range r.Entities {
		if e.Kind == KindPerson {
			add(&s.people, e.Name+" ("+aff[e]+")")
		}
	}
	for _, l := range r.Locations {
		add(&s.locations, l.Name)
	}
	for _, l := range [][]string{s.mediators, s.venues, s.people, s.locations, s.issues} {
		sort.Strings(l)
	}
	return s
}

func TestMediationPhrasings(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, text string
		want       []string // mediator → parties
	}{
		{"ar bi-wasata list", "عنوان\nبدأت المحادثات بين باكستان وأفغانستان بوساطة قطر وتركيا في الدوحة.",
			[]string{"Qatar → Afghanistan – Pakistan", "Turkey → Afghanistan – Pakistan"}},
		{"ar chained nisba", "عنوان\nقدمت الوساطة المصرية القطرية الأمريكية مقترحاً جديداً لوقف إطلاق النار بين إسرائيل وحماس.",
			[]string{"Egypt → Hamas – Israel", "Qatar → Hamas – Israel", "United States → Hamas – Israel"}},
		{"ar riaya UN nisba", "عنوان\nعقدت جولة جديدة بين الحوثيين والسعودية برعاية أممية وعُمانية.",
			[]string{"Oman → Houthis – Saudi Arabia", "United Nations → Houthis – Saudi Arabia"}},
		{"ar hosted between", "عنوان\nوأشار إلى الجولة التي استضافتها مسقط بين إيران والولايات المتحدة الشهر الماضي.",
			[]string{"Oman → Iran – United States"}},
		{"ar facilitate between capitals", "عنوان\nوتعمل تركيا على تسهيل المفاوضات بين كييف وموسكو منذ أشهر.",
			[]string{"Turkey → Russia – Ukraine"}},
		{"ar wasit of the AU", "عنوان\nأعلن وسيط الاتحاد الإفريقي استئناف المحادثات بين الحكومة الإثيوبية وجبهة تحرير شعب تيغراي.",
			[]string{"African Union → Ethiopia – TPLF"}},
		{"ar moves as mediator", "عنوان\nتسعى روسيا وأوكرانيا إلى اتفاق، فيما تتحرك السعودية كوسيط بين الطرفين في محادثات الهدنة بين موسكو وكييف.",
			[]string{"Saudi Arabia → Russia – Ukraine"}},
		{"ar clitic on capital", "عنوان\nواستضافت الدوحة محادثات بين الكونغو الديمقراطية وحركة 23 مارس بوساطة قطرية وبمشاركة أمريكية.",
			[]string{"Qatar → DR Congo – M23"}},
		{"en brokered by list", "Headline\nThe truce between Israel and Hamas was brokered by Qatar, Egypt and the United States.",
			[]string{"Egypt → Hamas – Israel", "Qatar → Hamas – Israel", "United States → Hamas – Israel"}},
		{"en co-facilitators", "Headline\nSaudi Arabia and the United States, co-facilitators of the talks in Jeddah between the Sudanese Armed Forces and the Rapid Support Forces, urged a truce.",
			[]string{"Saudi Arabia → Rapid Support Forces – Sudanese Armed Forces", "United States → Rapid Support Forces – Sudanese Armed Forces"}},
		{"en acted as mediators", "Headline\nQatar and Turkey acted as mediators between Pakistan and Afghanistan in Istanbul.",
			[]string{"Qatar → Afghanistan – Pakistan", "Turkey → Afghanistan – Pakistan"}},
		{"en through Oman", "Headline\nIran and the United States exchanged messages through Oman on the nuclear file.",
			[]string{"Oman → Iran – United States"}},
		{"en AU-led", "Headline\nThe AU-led talks between Ethiopia and the TPLF resumed in Pretoria.",
			[]string{"African Union → Ethiopia – TPLF"}},
		{"en hyphenated demonym", "Headline\nCongo and the M23 rebels agreed a truce in Qatari-mediated talks.",
			[]string{"Qatar → DR Congo – M23"}},
		{"en chaired", "Headline\nThailand and Cambodia agreed to a ceasefire after Malaysia chaired the talks in Kuala Lumpur.",
			[]string{"Malaysia → Cambodia – Thailand"}},
		{"en guarantor countries", "Headline\nThe Colombian government and the ELN resumed talks with the guarantor countries, among them Cuba and Norway.",
			[]string{"Cuba → Colombia – ELN", "Norway → Colombia – ELN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(x.Extract(tt.text)).mediators
			sort.Strings(tt.want)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Fatalf("mediators\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNotMediation(t *testing.T) {
	x := extractor(t)
	tests := []struct{ name, text string }{
		{"observer en", "Headline\nRussia and Ukraine met in Istanbul. The United States attended the talks as an observer."},
		{"co-organiser", "Headline\nNorway, a co-organiser of the donor conference, pledged aid to Sudan."},
		{"invited", "Headline\nArmenia and Azerbaijan held talks; Georgia was invited to join as an observer."},
		{"welcomed", "Headline\nEthiopia and the TPLF signed a deal. Kenya and the European Union welcomed the agreement."},
		{"observer ar", "عنوان\nوتحضر الجولة الإمارات ومصر بصفة مراقب في المحادثات بين الجيش السوداني وقوات الدعم السريع."},
		{"bare between ar", "عنوان\nاجتمعت اللجنة المشتركة بين أرمينيا وأذربيجان في يريفان لبحث ترسيم الحدود."},
		{"invited ar", "عنوان\nوأعلنت الرئاسة أن البرازيل وتشيلي دُعيتا للانضمام إلى مجموعة الدول المرافقة لمحادثات كولومبيا وجيش التحرير الوطني."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(x.Extract(tt.text)).mediators; len(got) > 0 {
				t.Fatalf("mediators found where there are none: %q", got)
			}
		})
	}
}

func TestVenuesPeopleAndSpelling(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, text string
		check      func(summary) bool
		what       string
	}{
		{"venue ar held in", "عنوان\nعقدت الجولة الثالثة من المفاوضات في إسطنبول بين روسيا وأوكرانيا.",
			func(s summary) bool { return strings.Join(s.venues, ",") == "Istanbul" }, "venue Istanbul"},
		{"venue ar spelling variant", "عنوان\nاستؤنفت المحادثات فى اسطنبول بين الوفدين الروسي والأوكراني.",
			func(s summary) bool { return strings.Join(s.venues, ",") == "Istanbul" }, "venue Istanbul"},
		{"venue en", "Headline\nA new round of talks between Iran and the United States will be held in Muscat on Saturday.",
			func(s summary) bool { return strings.Join(s.venues, ",") == "Muscat" }, "venue Muscat"},
		{"war in a city is not a venue", "Headline\nTalks to end the fighting in Khartoum have stalled, officials said.",
			func(s summary) bool { return len(s.venues) == 0 }, "no venue"},
		{"person title nisba ar", "عنوان\nوقال وزير الخارجية التركي هاكان فيدان إن بلاده مستعدة.",
			func(s summary) bool { return strings.Join(s.people, ",") == "Hakan Fidan (Turkey)" }, "Hakan Fidan (Turkey)"},
		{"person apposition en", "Headline\nHakan Fidan, Turkey's foreign minister, opened the session.",
			func(s summary) bool { return strings.Join(s.people, ",") == "Hakan Fidan (Turkey)" }, "Hakan Fidan (Turkey)"},
		{"unknown person by title en", "Headline\nSudanese army spokesman Brigadier Nabil Abdallah rejected the proposal.",
			func(s summary) bool {
				return len(s.people) == 1 && strings.HasPrefix(s.people[0], "Nabil Abdallah")
			}, "Nabil Abdallah"},
		{"clitics on places ar", "عنوان\nوصل الوفد بواشنطن ثم توجه لليمن قبل زيارة لإثيوبيا.",
			func(s summary) bool { return strings.Contains(strings.Join(s.locations, ","), "Washington") }, "Washington named"},
		{"also read is not the article", "Headline\nIran and the US meet in Muscat.\nALSO READ: Fighting flares in Kharkiv\n",
			func(s summary) bool { return !strings.Contains(strings.Join(s.locations, ","), "Kharkiv") }, "no Kharkiv"},
		{"amman needs context", "عنوان\nالتقى الوفدان في عمان لبحث تبادل الأسرى.",
			func(s summary) bool { return len(s.venues) == 0 }, "عمان alone is neither Oman nor Amman"},
		{"amman with jordan", "عنوان\nاستضاف الأردن الاجتماعات في عمان لبحث تبادل الأسرى بين الحكومة اليمنية والحوثيين.",
			func(s summary) bool { return strings.Join(s.venues, ",") == "Amman" }, "venue Amman"},
		{"issues ar", "عنوان\nتشمل المفاوضات بين إسرائيل وحماس الإفراج عن الرهائن وتبادل الأسرى وانسحاب القوات.",
			func(s summary) bool {
				i := strings.Join(s.issues, ",")
				return strings.Contains(i, "hostage release") && strings.Contains(i, "prisoner exchange") && strings.Contains(i, "troop withdrawal")
			}, "hostages, prisoners, withdrawal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize(x.Extract(tt.text))
			if !tt.check(s) {
				t.Fatalf("want %s; got %+v", tt.what, s)
			}
		})
	}
}

func TestEvidenceIsExplainable(t *testing.T) {
	x := extractor(t)
	r := x.Extract("Headline\nThe truce between Israel and Hamas was brokered by Qatar.")
	found := false
	for _, f := range r.Facts {
		if f.Relation != RelMediator {
			continue
		}
		found = true
		if f.Evidence.Rule != "en.med.by" || !strings.Contains(r.SentenceText(f.Evidence.Sentence), "brokered by Qatar") {
			t.Fatalf("evidence %+v, sentence %q", f.Evidence, r.SentenceText(f.Evidence.Sentence))
		}
	}
	if !found {
		t.Fatal("no mediation fact")
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	x := extractor(t)
	for _, in := range []string{"", "\n\n\n", "...", "«»()", strings.Repeat("بين ", 2000), strings.Repeat("between and , ", 1000), "\xff\xfe", "U.S.-U.K.-", "ـــــ"} {
		x.Extract(in)
	}
}

// ExtractContext stops once its context is done, and says why, rather than
// returning part of an article.
func TestExtractContextStops(t *testing.T) {
	x := extractor(t)
	src := "Talks\n" + strings.Repeat("Qatar mediated between Israel and Hamas in Doha. ", 2000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := x.ExtractContext(ctx, src); err == nil || r != nil {
		t.Fatalf("cancelled: result %v, error %v", r != nil, err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	if r, err := x.ExtractContext(ctx, src); !errors.Is(err, context.DeadlineExceeded) || r != nil {
		t.Fatalf("deadline: result %v, error %v", r != nil, err)
	}
	r, err := x.ExtractContext(context.Background(), src)
	if err != nil || len(r.Facts) == 0 {
		t.Fatalf("no deadline: %d facts, error %v", len(r.Facts), err)
	}
}

// Text without full stops is cut into bounded sentences, so a run-on line costs
// time in proportion to its length; the facts of every piece are read.
func TestRunOnTextIsReadInPieces(t *testing.T) {
	x := extractor(t)
	src := "Talks\n" + strings.Repeat("Turkey mediated talks between Russia and Ukraine in Istanbul ", 300)
	r := x.Extract(src)
	if len(r.Sentences) < 2 {
		t.Fatalf("%d sentences", len(r.Sentences))
	}
	mediations := 0
	for _, s := range r.Sentences {
		if len(s.Tokens) > text.MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens", s.Index, len(s.Tokens))
		}
	}
	for _, f := range r.Facts {
		if f.Relation == RelMediator && f.Object.Name == "Turkey" {
			mediations++
		}
	}
	if mediations < len(r.Sentences)-2 {
		t.Fatalf("%d Turkey mediations in %d sentences", mediations, len(r.Sentences))
	}
}

// A person of the generated gazetteer (ASCII, from Phoenix) is shown as the
// article spells them when only accents and hyphens differ; the node is the entry's.
func TestGeneratedPersonKeepsTheArticlesSpelling(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct{ text, want string }{
		{"Headline\nThe Central African President Faustin-Archange Touadéra approved the deal.", "Faustin-Archange Touadéra"},
		{"Headline\nThe Central African President Faustin Archange Touadera approved the deal.", "Faustin Archange Touadera"},
		{"Headline\nThe Central African President Touadera approved the deal.", ""},
	} {
		r := x.Extract(c.text)
		got := ""
		for _, e := range r.Entities {
			if e.Entry != nil && e.Entry.ID == "faustin-archange-touadera" {
				got = e.Name
				if e.Key != entityKey(e.Entry) {
					t.Errorf("%q: key %q, want the entry's %q", c.text, e.Key, entityKey(e.Entry))
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: name %q, want %q", c.text, got, c.want)
		}
	}
}

// Every side a sentence about talks at a venue names "between" took part in them,
// not only the pair its negotiation keeps; so did those present.
func TestSidesBetweenAtAVenueTakePart(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct {
		text  string
		venue string
		want  []string
	}{
		{"Headline\nThe Amman summit between the Iraqi, Syrian, Jordanian and Egyptian delegations ended on Sunday.", "Amman", []string{"Egypt", "Iraq", "Jordan", "Syria"}},
		{"عنوان\nانتهت قمة عمان بين الوفود العراقية والسورية والأردنية والمصرية مساء الأحد.", "Amman", []string{"Egypt", "Iraq", "Jordan", "Syria"}},
		// Those present at a signing took part in it, also when named in the next sentence.
		{"Headline\nSudan and the rebels signed the deal in Juba on Saturday. Representatives of Egypt and Qatar attended the ceremony.", "Juba", []string{"Egypt", "Qatar"}},
		{"عنوان\nووقعت الحكومة والحركات المسلحة الاتفاق في جوبا يوم السبت. وكان من بين الحضور ممثلون عن مصر وقطر.", "Juba", []string{"Egypt", "Qatar"}},
		{"Headline\nThe deal between Ethiopia and Eritrea was signed in Jeddah in the presence of representatives of Saudi Arabia and the United Arab Emirates.", "Jeddah", []string{"Eritrea", "Ethiopia", "Saudi Arabia", "United Arab Emirates"}},
		{"Headline\nEthiopia and Eritrea signed the deal in Jeddah, in a ceremony attended by officials from Saudi Arabia and the United Arab Emirates.", "Jeddah", []string{"Saudi Arabia", "United Arab Emirates"}},
	} {
		r := x.Extract(c.text)
		var got []string
		for _, f := range r.Facts {
			if f.Relation == RelParticipant && f.Venue != nil && f.Venue.Name == c.venue && f.Object != nil {
				got = append(got, f.Object.Name)
			}
		}
		sort.Strings(got)
		got = slices.Compact(got)
		if strings.Join(got, ", ") != strings.Join(c.want, ", ") {
			t.Errorf("%q: participants at %s %q, want %q", c.text, c.venue, got, c.want)
		}
	}
}

// An open-world body named in a person's apposition, or after a leader's
// possessive, is the person's side and becomes a node.
func TestOpenBodyAffiliation(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct{ text, person, want string }{
		{"Headline\nJohn Mwangi, the leader of the Popular Renewal Party, rejected the deal.", "John Mwangi", "Popular Renewal Party"},
		{"Headline\nTalks stalled, said Ali Haroun, secretary-general of Mwangi's National Liberation Movement.", "Ali Haroun", "National Liberation Movement"},
		{"Headline\nThe opposition leader Peter Otieno said Otieno's Democratic Alliance Party would boycott the talks.", "Peter Otieno", "Democratic Alliance Party"},
		{"Headline\nThe peace deal was good, said Jean Ndayi, spokesman, National Council for the Restoration of the Lome Accord (CNRA).", "Jean Ndayi", "National Council for the Restoration of the Lome Accord"},
		{"Headline\nJohn Mwangi, a leader of the armed groups, rejected the deal.", "John Mwangi", ""},
	} {
		r := x.Extract(c.text)
		got := ""
		for _, f := range r.Facts {
			if f.Relation == RelAffiliation && f.Subject != nil && f.Subject.Name == c.person {
				got = f.Object.Name
				if f.Object.Open != "" && !slices.Contains(r.Entities, f.Object) {
					t.Errorf("%q: open body %q is no node", c.text, got)
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: %s's side %q, want %q", c.text, c.person, got, c.want)
		}
	}
}

// A title's portfolio is no side: the person serves whom the title names before
// it, and a country named there as a place is a location.
func TestTitlePortfolio(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct{ text, person, side, location string }{
		{"عنوان\nوقال المبعوث الخاص الأمريكي للسلام في السودان، جون بيتر سميث، إن الجولة مثمرة.", "جون بيتر سميث", "United States", "Sudan"},
		{"Headline\nThe talks went well, said Peter Mwangi, the UN envoy to Sudan.", "Peter Mwangi", "United Nations", ""},
	} {
		r := x.Extract(c.text)
		side := ""
		for _, f := range r.Facts {
			if f.Relation == RelAffiliation && f.Subject != nil && f.Subject.Name == c.person {
				side = f.Object.Name
			}
		}
		if side != c.side {
			t.Errorf("%q: %s's side %q, want %q", c.text, c.person, side, c.side)
		}
		if c.location != "" && !slices.ContainsFunc(r.Locations, func(e *Entity) bool { return e.Name == c.location }) {
			t.Errorf("%q: %s is no location", c.text, c.location)
		}
	}
}

// A compass word before a country names a region of it, a place of its own and
// one node in both languages; countries named whole ("South Sudan") stay countries.
func TestCompassRegion(t *testing.T) {
	x := extractor(t)
	keys := map[string]string{}
	for _, c := range []struct{ text, want string }{
		{"Headline\nThe rebels withdrew from Northern Uganda last year.", "Northern Uganda"},
		{"عنوان\nانسحب المتمردون من شمال أوغندا العام الماضي.", "Northern Uganda"},
		{"Headline\nFighting resumed in Eastern DRC.", "Eastern DR Congo"},
		{"Headline\nThe government of South Sudan signed the deal.", ""},
	} {
		r := x.Extract(c.text)
		got := ""
		for _, e := range r.Locations {
			if e.Open == OpenRegion {
				got = e.Name
				if k, ok := keys[e.Name]; ok && k != e.Key {
					t.Errorf("%q: %s is node %s here, %s before", c.text, e.Name, e.Key, k)
				}
				keys[e.Name] = e.Key
			}
		}
		if got != c.want {
			t.Errorf("%q: region %q, want %q", c.text, got, c.want)
		}
	}
}
