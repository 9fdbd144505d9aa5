package gazetteer

import (
	"reflect"
	"testing"
)

func TestNaturalCase(t *testing.T) {
	acr := map[string]bool{"UNFPA": true}
	tests := []struct {
		in      string
		person  bool
		want    string
		aliases []string
	}{
		{"TRYGVE_LIE_", true, "Trygve Lie", nil},
		{"BASHAR_AL-ASSAD", true, "Bashar al-Assad", nil},
		{"ABU_BAKR_AL-BAGHDADI_", true, "Abu Bakr al-Baghdadi", nil},
		{"MEGHAN_O'SULLIVAN", true, "Meghan O'Sullivan", nil},
		{"B._LYNN_PASCOE_", true, "B. Lynn Pascoe", nil},
		{"JAVIER_DE_CUELLAR_", true, "Javier de Cuellar", nil},
		{"UN_HIGH_COMMISSION_FOR_REFUGEES_", true, "Un High Commission for Refugees", nil}, // people have no acronyms
		{"UN_HIGH_COMMISSION_FOR_REFUGEES_", false, "UN High Commission for Refugees", nil},
		{"ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", false, "Aden Abyan Islamic Army", []string{"AAIA"}},
		{"KURDISTAN_WORKERS_PARTY_(PKK)", false, "Kurdistan Workers Party", []string{"PKK"}},
		{"OSCE", false, "OSCE", nil},
		{"U.N._", false, "U.N.", nil},
		{"THE_UNITED_NATIONS_", false, "United Nations", nil},
		{"UNITED_NATIONS_CHILDREN'S_FUND_", false, "United Nations Children's Fund", nil},
		{"ARMY_OF_GOD_", false, "Army of God", nil},
		{"EC/UNFPA_INITIATIVE_", false, "EC/UNFPA Initiative", nil},
		{"FSLN_DISSIDENTS_", false, "FSLN Dissidents", nil},
		{"AL-QAEDA_IN_IRAQ", false, "Al-Qaeda in Iraq", nil},
		{"ASSOCIAZIONE_PER_IL_SERVIZIO_", false, "Associazione per il Servizio", nil},
		{"M23_", false, "M23", nil},
	}
	for _, tt := range tests {
		got, aliases := NaturalCase(tt.in, Casing{Person: tt.person, Acronyms: acr})
		if got != tt.want || !reflect.DeepEqual(aliases, tt.aliases) {
			t.Errorf("NaturalCase(%q, person=%v) = %q, %q; want %q, %q", tt.in, tt.person, got, aliases, tt.want, tt.aliases)
		}
	}
}

func TestIsInitialsOf(t *testing.T) {
	names := []string{"ORGANIZATION_FOR_SECURITY_AND_CO-OPERATION_IN_EUROPE_", "OSCE"}
	if !isInitialsOf("OSCE_", names) {
		t.Error("OSCE: want the initials of its long name")
	}
	if isInitialsOf("OSC", names) || isInitialsOf("X", names) {
		t.Error("OSC, X: want no match")
	}
}
