package gazetteer

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseActors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Actor
	}{
		{
			name: "date-bounded roles on their own lines",
			in: "# a comment\n" +
				"JOHN_EXAMPLE_  # CountryInfo.txt\n" +
				"\t[XYZELI 620101-780427]\n" +
				"\t[XYZGOV 19780427-19800430]\n" +
				"\t[XYZELI]\n",
			want: []Actor{{Names: []string{"JOHN_EXAMPLE_"}, Line: 2, Roles: []Role{
				{Code: "XYZELI", From: 19620101, To: 19780427},
				{Code: "XYZGOV", From: 19780427, To: 19800430},
				{Code: "XYZELI"},
			}}},
		},
		{
			name: "synonyms with + and a + inside a line",
			in: "FRONT_FOR_TESTING_ [ABCREB] # kkl\n" +
				"+TESTING_FRONT_\n" +
				"+FIRST_NAME_+_SECOND_NAME_\n\n",
			want: []Actor{{Names: []string{"FRONT_FOR_TESTING_", "TESTING_FRONT_", "FIRST_NAME_", "_SECOND_NAME_"}, Line: 1,
				Roles: []Role{{Code: "ABCREB"}}}},
		},
		{
			name: "codes after the phrase, open ranges, null code",
			in:   "JANE_DOE_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\nRICHARD_ROE_ [IGOUNO <991231] [---]\n",
			want: []Actor{
				{Names: []string{"JANE_DOE_"}, Line: 1, Roles: []Role{
					{Code: "USAGOV", From: 20010120, To: 20050120}, {Code: "IGOUNOKID", From: 20050501}}},
				{Names: []string{"RICHARD_ROE_"}, Line: 2, Roles: []Role{{Code: "IGOUNO", To: 19991231}}},
			},
		},
		{
			name: "a typo in a date keeps the code",
			in:   "SOMEONE_ELSE_\n\t[XYZGOV 9008223-920101]\n",
			want: []Actor{{Names: []string{"SOMEONE_ELSE_"}, Line: 1, Roles: []Role{{Code: "XYZGOV", BadDate: true}}}},
		},
		{
			name: "parenthesised acronym stays in the phrase",
			in:   "TEST_ISLAMIC_ARMY_(TIA)_ [XYZREB]\n",
			want: []Actor{{Names: []string{"TEST_ISLAMIC_ARMY_(TIA)_"}, Line: 1, Roles: []Role{{Code: "XYZREB"}}}},
		},
		{
			name: "indented primary phrases (TABARI layout) and ; comments",
			in:   "\tALPHA_BETA_  ; CountryInfo.txt\n\t\t[XYZGOV >011222]\n\tGAMMA_DELTA_  [XYZMIL]; CountryInfo.txt\n",
			want: []Actor{
				{Names: []string{"ALPHA_BETA_"}, Line: 1, Roles: []Role{{Code: "XYZGOV", From: 20011222}}},
				{Names: []string{"GAMMA_DELTA_"}, Line: 3, Roles: []Role{{Code: "XYZMIL"}}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseActors("test.txt", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseActors: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseActors =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseActorsErrors(t *testing.T) {
	for _, in := range []string{
		"+SYNONYM_FIRST_\n",
		"\t[XYZGOV]\n",
		"NAME_ [XYZGOV\n",
	} {
		if _, err := ParseActors("bad.txt", strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "bad.txt:") {
			t.Errorf("ParseActors(%q) error = %v, want one naming bad.txt", in, err)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"19270101", 19270101, true},
		{"730717", 19730717, true},
		{"070723", 20070723, true},
		{"300101", 20300101, true},
		{"310101", 19310101, true},
		{"2004017", 20040000, true},
		{"9008223", 0, false},
		{"12ab56", 0, false},
		{"1234", 0, false},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseDate(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
