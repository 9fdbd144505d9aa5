package extract

import (
	"strings"
	"testing"
)

// TestPageNoiseAndCommonNouns: the headlines a page links under a "read also" cue
// (on the lines after it, up to a blank line or a full sentence) name nothing of
// this article; an institution or a phrase after a title is no person. The texts
// are written for this test.
func TestPageNoiseAndCommonNouns(t *testing.T) {
	cases := []struct {
		name, src string
		none      []string // names that must be no entity (person, place or actor)
		some      []string // names that must still be found
	}{
		{"linked headlines under a bare cue",
			"محادثات في جنيف\nالتقى وفدا روسيا وأوكرانيا في جنيف بوساطة تركية.\n• اقرأ أيضا:\nمستوطنون يحرقون منازل في قرية قرب نابلس\nالاحتلال يعتقل العشرات في طولكرم\n\nوقال المتحدث إن الجولة المقبلة ستعقد في إسطنبول.",
			[]string{"Nablus", "Tulkarm"}, []string{"Geneva", "Turkey", "Istanbul"}},
		{"an English cue",
			"Talks in Geneva\nRussia and Ukraine met in Geneva, mediated by Turkey.\n\nRead more:\nScam centres thrive in the border town of Poipet\n\nThe next round will be held in Istanbul.",
			[]string{"Poipet"}, []string{"Geneva", "Istanbul"}},
		{"a cue with its headline on one line",
			"محادثات في جنيف\nالتقى وفدا روسيا وأوكرانيا في جنيف.\n- اقرأ أيضا: ترامب يلتقي بوتين في ألاسكا",
			[]string{"Alaska", "Vladimir Putin"}, []string{"Geneva"}},
		{"institutions and phrases after a title",
			"محادثات في جنيف\nوقال مدير جهاز الأمن إن المفاوضات مستمرة. وصرح الناطق باسم جهاز الأمن أن الاجتماع عقد في جنيف.\nوقال الرئيس إن السلام الكامل ممكن، فيما قال الوسيط إن السلام النهائي يتطلب وقتا.",
			[]string{"جهاز الأمن", "السلام الكامل", "السلام النهائي"}, []string{"Geneva"}},
		{"a name after a title is still a person",
			"محادثات في جنيف\nوقال المتحدث باسم الوفد سامر خليل إن الاجتماع عقد في جنيف.",
			nil, []string{"سامر خليل"}},
	}
	x := extractor(t)
	for _, c := range cases {
		r := x.Extract(c.src)
		names := map[string]bool{}
		for _, e := range r.Entities {
			names[e.Name] = true
		}
		for _, e := range r.Locations {
			names[e.Name] = true
		}
		for _, n := range c.none {
			if names[n] {
				t.Errorf("%s: %q was read", c.name, n)
			}
		}
		for _, n := range c.some {
			if !names[n] {
				t.Errorf("%s: %q was not read (have %v)", c.name, n, names)
			}
		}
	}
}

// A leader named as whom an aide or envoy serves ("the envoy of President X",
// "X's aide", «مساعد الرئيس الروسي X») takes neither the office nor a seat at the
// talks; the aide or envoy does.
func TestLeadersNamedInPassing(t *testing.T) {
	cases := []struct {
		name, src       string
		leader, present string
	}{
		{"Arabic aide of the president",
			"محادثات في إسطنبول\nالتقى الوفدان الروسي والأوكراني في إسطنبول يوم الجمعة، وترأس مساعد الرئيس الروسي فلاديمير بوتين فلاديمير ميدينسكي الوفد الروسي في إسطنبول.",
			"Vladimir Putin", "Vladimir Medinsky"},
		{"English envoy of the president",
			"Talks in Istanbul\nRussian and Ukrainian delegations met in Istanbul. The envoy of President Volodymyr Zelensky, Rustem Umerov, headed Ukraine's delegation in Istanbul.",
			"Volodymyr Zelensky", "Rustem Umerov"},
		{"English possessive",
			"Talks in Istanbul\nRussian and Ukrainian delegations met in Istanbul. Putin's aide Vladimir Medinsky led the Russian delegation at the talks in Istanbul.",
			"Vladimir Putin", "Vladimir Medinsky"},
	}
	x := extractor(t)
	for _, c := range cases {
		r := x.Extract(c.src)
		participants := map[string]bool{}
		for _, f := range r.Facts {
			switch {
			case f.Relation == RelParticipant:
				participants[f.Object.Name] = true
			case f.Relation == RelRole && f.Subject.Name == c.leader && !strings.Contains(f.Value, "President"):
				t.Errorf("%s: %s takes the role %q", c.name, c.leader, f.Value)
			}
		}
		if participants[c.leader] || !participants[c.present] {
			t.Errorf("%s: participants %v, want %s and not %s", c.name, participants, c.present, c.leader)
		}
	}
}
