// The mediation network for the web UI's Visualize page: mediators to the parties they mediate for, parties to the venues of their talks.
// @row {"source": {"@id": "https://parleygraph.org/id/actor/qatar"}, "target": {"@id": "https://parleygraph.org/id/actor/hamas"}, "relation": "mediates", "articles": 4}
/* Visualize draws rows whose source and target are nodes; the UI asks for JSON-LD,
   in which a node read is {"@id": …}: id turns it back into "<…>" for g.V, and
   the rows carry the nodes as read. */
function id(x) { return x !== null && typeof x === "object" ? "<" + x["@id"] + ">" : x; }
var seen = {};
function link(s, relation, t, n) {
  var k = id(s) + " " + id(t);
  if (s === null || t === null || id(s) === id(t) || !shown(n) || seen[k]) return;
  seen[k] = true;
  g.emit({ source: s, target: t, relation: relation, articles: n });
}
g.V(iri(NS + "mediator")).in(iri(RDF + "predicate")).forEach(function (st) {
  var neg = g.V(id(st.id)).out(iri(RDF + "subject")).toArray()[0];
  var med = g.V(id(st.id)).out(iri(RDF + "object")).toArray()[0];
  var n = articles(id(st.id));
  if (neg === undefined) return;
  g.V(id(neg)).out(iri(NS + "party")).toArray().forEach(function (p) { link(med, "mediates", p, n); });
});
g.V(iri(NS + "Talks")).in(iri(RDF + "type")).forEach(function (t) {
  var venue = g.V(id(t.id)).out(iri(NS + "venue")).toArray()[0];
  var neg = g.V(id(t.id)).out(iri(NS + "negotiation")).toArray()[0];
  var n = articles(id(t.id));
  if (neg === undefined || venue === undefined) return;
  g.V(id(neg)).out(iri(NS + "party")).toArray().forEach(function (p) { link(p, "talks_in", venue, n); });
});
