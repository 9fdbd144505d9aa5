package schema

// Issues is parley's fixed vocabulary of negotiation issues, in the order analysts
// read them. Extraction rules name issues by these keys; queries print the names.
var issueNames = []string{
	"ceasefire",
	"truce duration",
	"permanent end of war",
	"hostage release",
	"prisoner exchange",
	"troop withdrawal",
	"freedom of movement",
	"humanitarian aid",
	"phased agreement",
	"post-war governance",
	"normalization",
	"disarmament",
	"reconstruction",
	"border security",
	"peace agreement",
	"sanctions",
	"nuclear program",
	"territorial control",
	"international force",
}

// Issues returns the issue vocabulary (a copy).
func Issues() []string { return append([]string(nil), issueNames...) }

// IsIssue reports whether name is in the vocabulary.
func IsIssue(name string) bool {
	for _, n := range issueNames {
		if n == name {
			return true
		}
	}
	return false
}
