package schema

import (
	"testing"

	"github.com/cayleygraph/quad"
)

// TestIdentity pins the IRIs parley writes: stores hold them, so a change here is
// a change of every node's identity (and needs a migration), never a refactoring.
// The hashes were computed apart from this code (SHA-256 of the parts joined by
// U+001F, the first 10 bytes in hex; 12 for articles).
func TestIdentity(t *testing.T) {
	const id = "https://parleygraph.org/id/"
	neg := quad.IRI(id + "negotiation/b30a2df6a22c9ec4be0a")
	qatar := NodeIRI("actor/qatar")
	st := quad.IRI(id + "fact/399797f47bb2d9bd7b98")
	for _, c := range []struct {
		what      string
		got, want quad.IRI
	}{
		{"NodeIRI", qatar, id + "actor/qatar"},
		{"ID", ID(PlaceKind, "doha"), id + "place/doha"},
		{"NamedID", NamedID(PersonKind, "Steve Witkoff"), id + "person/steve-witkoff"},
		{"NamedID Arabic", NamedID(ActorKind, "حركة حماس"), id + "actor/حركة-حماس"},
		{"IssueID", IssueID("hostage release"), id + "issue/hostage-release"},
		{"IssueID post-war", IssueID("post-war governance"), id + "issue/post-war-governance"},
		{"NegotiationID", NegotiationID("actor/hamas", "actor/israel"), neg},
		{"NegotiationID()", NegotiationID(), id + "negotiation/unspecified"},
		{"UnspecifiedNegotiation", UnspecifiedNegotiation, id + "negotiation/unspecified"},
		{"TalksID", TalksID(neg, NodeIRI("place/doha")), id + "talks/ffde5c2a5ebff472b8ed"},
		{"StatementID", StatementID(neg, Mediator, qatar), st},
		{"StatementID literal", StatementID(NodeIRI("person/x"), Role, quad.String("chief negotiator")), id + "fact/dd58c7ce2e6163d64080"},
		{"EvidenceID", EvidenceID("https://example.com/a", st, "en.med.mediate", "mediated", 3), id + "evidence/ab426ca0988ef094f01f"},
		{"ArticleID URL", ArticleID("https://example.com/a", "feed.xml"), "https://example.com/a"},
		{"ArticleID file", ArticleID("", "testdata/articles/en_gaza.txt"), "https://parleygraph.org/article/c85c558e55c80a4f9830c0fe"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
		}
	}
}

func TestNodeKey(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{NodeKey(ActorKind, "Qatar"), "actor/qatar"},
		{NodeKey(PlaceKind, "  Sharm el-Sheikh! "), "place/sharm-el-sheikh"},
		{NodeKey(IssueKind, "Truce duration"), "issue/truce-duration"},
		{QualifiedKey("actor/factions", "Palestine"), "actor/factions--palestine"},
		{QualifiedKey("actor/الفصائل", "State of Palestine"), "actor/الفصائل--state-of-palestine"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if IsQualified(NodeKey(ActorKind, "a -- b")) || !IsQualified(QualifiedKey(NodeKey(ActorKind, "a"), "b")) {
		t.Error("IsQualified does not tell qualified keys from slugs")
	}
	if got := string(NamedID(ActorKind, "Qatar")); got != IDBase+NodeKey(ActorKind, "Qatar") {
		t.Errorf("NamedID = %s, want IDBase + NodeKey", got)
	}
}
