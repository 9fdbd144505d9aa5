package gazetteer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ISOCountry is one country of Debian's iso-codes (ISO 3166-1) with its Arabic
// translations.
type ISOCountry struct {
	Alpha2, Alpha3         string
	Name, OfficialName     string // English
	ArName, ArOfficialName string // Arabic, "" when not translated
}

// Paths of the iso-codes files under the directory that holds iso-codes/ and
// locale/ (/usr/share on a Debian system, usr/share of an extracted package).
const (
	isoJSON = "iso-codes/json/iso_3166-1.json"
	isoArMO = "locale/ar/LC_MESSAGES/iso_3166-1.mo"
)

// LoadISO reads iso_3166-1.json and its Arabic catalogue from dir.
func LoadISO(dir string) ([]ISOCountry, error) {
	path := filepath.Join(dir, isoJSON)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("iso-codes: %w", err)
	}
	var doc struct {
		Countries []struct {
			Alpha2       string `json:"alpha_2"`
			Alpha3       string `json:"alpha_3"`
			Name         string `json:"name"`
			OfficialName string `json:"official_name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("iso-codes %s: %w", path, err)
	}
	moPath := filepath.Join(dir, isoArMO)
	mo, err := os.ReadFile(moPath)
	if err != nil {
		return nil, fmt.Errorf("iso-codes: %w", err)
	}
	ar, err := ReadMO(mo)
	if err != nil {
		return nil, fmt.Errorf("iso-codes %s: %w", moPath, err)
	}
	var out []ISOCountry
	for _, c := range doc.Countries {
		out = append(out, ISOCountry{
			Alpha2: c.Alpha2, Alpha3: c.Alpha3, Name: c.Name, OfficialName: c.OfficialName,
			ArName: translated(ar, c.Name), ArOfficialName: translated(ar, c.OfficialName),
		})
	}
	return out, nil
}

// translated returns the catalogue's translation of msgid, or "" when it has none
// (gettext falls back to the English msgid, which is no Arabic name).
func translated(cat map[string]string, msgid string) string {
	if msgid == "" || cat[msgid] == msgid {
		return ""
	}
	return cat[msgid]
}
