package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parleygraph/parley/loaders/lexicon"
	"github.com/parleygraph/parley/loaders/text"
)

// Word lists the extractor itself uses; rules may name any list in "requires".
const (
	listStop      = "stop"      // function words and verbs: never part of a name
	listBarrier   = "barrier"   // a gap in a pattern does not cross these
	listConnector = "connector" // Arabic name links: بن، أبو، عبد، آل
	listParticle  = "particle"  // English name particles: bin, al, de
	listInitial   = "initial"   // Latin initials spelled in Arabic: إي، جي
	// Descriptions of an armed group the article names: "the group", «الحركة».
	listDescriptor    = "descriptor"
	listDescriptorAdj = "descriptor_adj" // words between "the" and the descriptor
	// Nouns around a demonym or nisba that names a side: "the Congolese government",
	// «الحكومة الكولومبية».
	listSideNoun = "side_noun"
	// Words that stand for a state of that kind: «المملكة», "the sultanate".
	listStateDescriptor = "state_descriptor"
	// Words after which an Arabic place name that is also a common word (جدة، مسقط)
	// is the place: prepositions and the nouns of processes named after a city
	// («منبر جدة», «جولتي مسقط وروما»).
	listLocative = "locative"
	// Words after which a place is named as a place, not as its government.
	listPlaceCue = "place_cue"
	// Words that say an office is past: "former", «السابق».
	listFormer = "former"
	// Words before which a bare surname of a person the lexicon knows is that person:
	// "met Witkoff", «وقال فيدان».
	listPersonCue = "person_cue"
	// Words that make a person's name part of the name of a thing: English words after
	// it ("Hamad International Airport"), Arabic words before it («مؤسسة محمد بن راشد»).
	listNameHolder = "name_holder"
	listNotName    = "not_name"
	// Arabic name links that give a father or family name: after «بن X», «آل X» a
	// further name word takes the article («محمد بن عبدالعزيز الخليفي»).
	listPatronym = "patronym"
	// English words before a title's portfolio ("adviser for Africa"): a one-word name
	// right after them is no name.
	listPortfolio = "portfolio"
	// English nouns of offices whose portfolio follows ("envoy for Syria"): the state
	// named there is no actor of the sentence.
	listPortfolioTitle = "portfolio_title"
	// Collective references to the two sides ({A}): "the two sides", «الطرفين».
	listAnaphorQual      = "anaphor_qual"      // English: two, both, warring …
	listAnaphorNoun      = "anaphor_noun"      // English: sides, parties, countries …
	listAnaphor          = "anaphor"           // Arabic duals: الطرفين، البلدين …
	listAnaphorConstruct = "anaphor_construct" // Arabic: طرفي، جانبي (+ a word of conflict)
	listAnaphorConflict  = "anaphor_conflict"  // Arabic: النزاع، الحرب …
	listAnaphorState     = "anaphor_state"     // the references that can only be to two states
	// Open-world names (open.go).
	listCalendar        = "calendar"         // weekdays and months: never part of a name
	listNameJoin        = "name_join"        // lower-case words inside a capitalised name: of, for, the, and
	listOrgHead         = "org_head"         // last words of a body's name: Movement, Council, Front
	listArmedHead       = "armed_head"       // last words of an armed body's name: Army, Forces, Brigades
	listArmedWord       = "armed_word"       // words that make a name an armed body's: Liberation, حركة
	listNotActorHead    = "not_actor_head"   // last words of names of no actor: Agreement, Summit, Province
	listCollectiveHead  = "collective_head"  // nouns of a collective side: groups, rebels, separatists
	listBodyNoun        = "body_noun"        // Arabic nouns that lead a body's name: حركة، قوات، الجماعات
	listCollectiveAlone = "collective_alone" // Arabic collective nouns that name a side alone: المعارضة
	listSplitFrom       = "split_from"       // Arabic words of a faction split from a body: منشق (عن)
	listDocument        = "document"         // Arabic nouns of documents and deals: an open name ends before them
	listRelative        = "relative"         // Arabic relative pronouns: الذي، التي
	listSideAdj         = "side_adj"         // Arabic adjectives that make a collective a side: المسلحة، الحاكم
	listNegotiation     = "negotiation"      // words that show a sentence is about negotiation
	listTalks           = "talks"            // words that say a sentence is about talks taking place
	listStateBody       = "state_body"       // English words of a state's body before "of X": government, State
	listBackedBy        = "backed_by"        // words before "by"/«من» that name an item's backers
	listCompass         = "compass"          // compass words before a country that name a region of it: Northern, Eastern
	listOfficeNoun      = "office_noun"      // nouns after a body that make it an office of the item before: "Malaysia, the ASEAN chair"
	// Open-world places (places.go).
	listPlaceHeadCity     = "place_head_city"     // last words of a city's name: City
	listPlaceHeadRegion   = "place_head_region"   // last words of a region's name: Province, State
	listPlaceHeadBuilding = "place_head_building" // last words of a building's name: Hotel, Palace
	listPlaceHeadLandmark = "place_head_landmark" // last words of a landmark's name: Desert, Alps
	listPlacePrefix       = "place_prefix"        // first words of a landmark's name: Mount, Lake
	listPlaceNoun         = "place_noun"          // nouns before "of X" or a name that make X a place: town, resort
	listNotPlace          = "not_place"           // capitalised words after "in" that are no place: English, Parliament
	listArPlaceCity       = "ar_place_city"       // Arabic nouns before a city's name: مدينة، بلدة
	listArPlaceRegion     = "ar_place_region"     // Arabic nouns before a region's name: منطقة، إقليم
	listArPlaceBuilding   = "ar_place_building"   // Arabic nouns that begin a building's name: مطار، قصر
	listPlacePrep         = "place_prep"          // words after which a country is named as a place: in, في
	listArPlacePrefix     = "ar_place_prefix"     // first words of two-word Arabic place names: أم، عين، رأس
	// People (people.go).
	listPossessivePronoun = "possessive_pronoun" // "his", "her": a title after them serves the side named before
	listOfficeWord        = "office_word"        // stop words that may name an office's body: foreign, ministry
	listEnvoyNoun         = "envoy_noun"         // nouns of third states' envoys before their names: ambassadors of
)

// wordLists maps language → list → folded word.
type wordLists map[string]map[string]map[string]bool

func (w wordLists) has(lang, list, folded string) bool { return w[lang][list][folded] }

func (w wordLists) known(lang, list string) bool { return w[lang][list] != nil }

// hasStem reports whether an Arabic word, with its clitics removed, or an English
// word is in the list.
func (w wordLists) hasStem(lang, list string, t text.Token) bool {
	l := w[lang][list]
	if l == nil {
		return false
	}
	if l[t.Norm] {
		return true
	}
	if t.Arabic {
		for _, s := range t.Stems() {
			if l[s.Form] || l[s.Bare()] {
				return true
			}
		}
	}
	return false
}

func loadWords(extraDirs []string, sum io.Writer) (wordLists, error) {
	w := wordLists{}
	read := func(name string, data []byte) error {
		fmt.Fprintf(sum, "%s\n%s", name, data)
		rows, err := lexicon.ReadTable(name, bytes.NewReader(data), []string{"lang", "list", "words"})
		if err != nil {
			return err
		}
		for _, r := range rows {
			lang, list := r.Get("lang"), r.Get("list")
			if lang != "ar" && lang != "en" {
				return fmt.Errorf("%s: lang %q: want ar or en", r.Where(), lang)
			}
			if w[lang] == nil {
				w[lang] = map[string]map[string]bool{}
			}
			if w[lang][list] == nil {
				w[lang][list] = map[string]bool{}
			}
			for _, word := range r.List("words") {
				w[lang][list][text.Fold(word)] = true
			}
		}
		return nil
	}
	data, err := builtin.ReadFile("data/words.tsv")
	if err != nil {
		return nil, err
	}
	if err := read("extract/data/words.tsv", data); err != nil {
		return nil, err
	}
	for _, dir := range extraDirs {
		if dir == "" {
			continue
		}
		path := filepath.Join(dir, "words.tsv")
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return nil, err
		}
		if err := read(path, data); err != nil {
			return nil, err
		}
	}
	return w, nil
}
