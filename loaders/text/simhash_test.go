package text

import (
	"os"
	"testing"
)

// Texts written for this test: a story, the story edited as outlets republish it,
// and another story on the same talks, in Arabic and in English.
func TestSimHashTellsCopiesFromOtherStories(t *testing.T) {
	cases := []struct {
		lang, story, copy, other string
	}{
		{"ar",
			"استأنف وفدا إسرائيل وحركة حماس المفاوضات غير المباشرة في الدوحة يوم الثلاثاء بوساطة قطرية ومصرية، وقال مسؤولون مطلعون إن الجولة تركز على إطلاق سراح الرهائن وشروط وقف دائم لإطلاق النار. والتقى رئيس الوزراء القطري الوفدين مساء الثلاثاء وحثهما على تضييق الفجوات المتبقية في المرحلة الأولى من الاتفاق قبل نهاية الأسبوع، فيما وصل وفد أمني مصري إلى الدوحة للانضمام إلى المحادثات التي وصفها الوسطاء بأنها جادة وصعبة.",
			"استأنف وفدا إسرائيل وحركة حماس المفاوضات غير المباشرة في الدوحة يوم الثلاثاء بوساطة قطرية ومصرية، وقال مسؤولون مطلعون إن الجولة تركز على إطلاق سراح الرهائن وشروط وقف دائم لإطلاق النار. والتقى رئيس الوزراء القطري الوفدين مساء الثلاثاء وحثهما على تضييق الفجوات المتبقية في المرحلة الأولى من الاتفاق قبل نهاية الأسبوع، فيما وصل وفد أمني مصري إلى الدوحة للانضمام إلى المحادثات التي وصفها الوسطاء بأنها جادة وصعبة. ومن المتوقع أن تستمر المحادثات يوم الأربعاء.",
			"قدم الوسطاء المصريون إلى إسرائيل وحركة حماس مقترحا جديدا في القاهرة يوم الأربعاء لسد الخلافات حول تسلسل إطلاق سراح الرهائن وانسحاب القوات، وقالت الحركة إنها تدرس الورقة المصرية فيما قال مسؤول إسرائيلي إن الوفد سيرد خلال أيام بحسب بيان صدر عقب الاجتماع الذي جاء بعد جولات متعثرة حول مدة الهدنة."},
		{"en", wireStoryText, wireStoryText + " The talks are expected to continue on Wednesday, a source close to the mediators said.",
			"Egyptian mediators presented Israel and Hamas with a new proposal in Cairo on Wednesday, seeking to bridge differences over the sequencing of a hostage release and a withdrawal of troops. Hamas said it was studying the paper, while an Israeli official said the delegation would respond within days, according to a statement issued after the meeting, which followed rounds of talks that stalled over the duration of the truce."},
	}
	for _, c := range cases {
		h, ok1 := SimHash(c.story)
		hc, ok2 := SimHash(c.copy)
		ho, ok3 := SimHash(c.other)
		if !ok1 || !ok2 || !ok3 {
			t.Fatalf("%s: a text too short to fingerprint", c.lang)
		}
		if d := HammingDistance(h, hc); d > 12 { // graph.copyDistance
			t.Errorf("%s: the copy is %d bits away", c.lang, d)
		}
		if d := HammingDistance(h, ho); d <= 12 {
			t.Errorf("%s: another story is only %d bits away", c.lang, d)
		}
	}
	if _, ok := SimHash("Talks resume in Doha"); ok {
		t.Error("a headline alone was fingerprinted")
	}
}

const wireStoryText = "Negotiators from Israel and Hamas resumed indirect talks in Doha on Tuesday, with Qatar and Egypt mediating between the two sides, officials briefed on the discussions said. The round is expected to focus on the release of hostages held in Gaza and on the terms of a permanent ceasefire, according to two diplomats who asked not to be named. Qatar's prime minister met both delegations late on Tuesday and urged them to narrow the remaining gaps on the first phase of the agreement."

// BenchmarkSimHash fingerprints one sample article (the cost a load adds to each
// article it writes, beside extraction: BenchmarkExtract in loaders/extract).
func BenchmarkSimHash(b *testing.B) {
	data, err := os.ReadFile("../../testdata/articles/en_gaza_doha_hostages.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		SimHash(string(data))
	}
}
