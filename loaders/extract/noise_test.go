package extract

import "testing"

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
