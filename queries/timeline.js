// What the articles reported about one actor's negotiations, in date order: mediations, rounds of talks and issues, one row per fact and article.
// @param name  the actor's name in any language (or its IRI in <...>)
// @example name=Hamas
// @row {"date": "2024-06-01T00:00:00Z", "dated": "published", "event": "mediation", "fact": "Egypt mediates", "between": ["Hamas", "Israel"], "article": "…"}
/* An article's date is its published date; "dated" says "loaded" when it has
   none and the load time stands in. */
function dated(a) { return g.V(a).out(iri(SDO + "datePublished")).toValue() === null ? "loaded" : "published"; }
var nodes = [];
if (params.name.charAt(0) === "<") nodes = [params.name];
if (nodes.length === 0) nodes = g.V().has(iri(NS + "displayName"), params.name).toArray();
if (nodes.length === 0) nodes = g.V().has(iri(NS + "matchKey"), params.key).toArray();
var negs = {}, rows = [];
nodes.forEach(function (n) {
  g.V(n).in(iri(NS + "party")).toArray().forEach(function (neg) { negs[neg] = true; });
  g.V(n).in(iri(RDF + "object")).has(iri(RDF + "predicate"), iri(NS + "mediator")).out(iri(RDF + "subject")).toArray()
    .forEach(function (neg) { negs[neg] = true; });
});
function report(x, event, fact, between) {
  var seen = {};
  g.V(x).in([iri(NS + "asserts"), iri(SDO + "mentions")]).toArray().forEach(function (a) {
    if (seen[a] || (windowed && !inWindow(a))) return;
    seen[a] = true;
    rows.push({ date: dateOf(a), dated: dated(a), event: event, fact: fact, between: between,
      article: name(g.V(a).out(iri(SDO + "headline")).toValue()) || a });
  });
}
Object.keys(negs).forEach(function (neg) {
  var between = partiesOf(neg);
  g.V(neg).in(iri(RDF + "subject")).has(iri(RDF + "predicate"), iri(NS + "mediator")).forEach(function (st) {
    report(st.id, "mediation", name(g.V(st.id).out(iri(RDF + "object")).toValue()) + " mediates", between);
  });
  g.V(neg).in(iri(NS + "negotiation")).forEach(function (t) {
    report(t.id, "talks", "talks in " + name(g.V(t.id).out(iri(NS + "venue")).toValue()), between);
  });
  g.V(neg).in(iri(RDF + "subject")).has(iri(RDF + "predicate"), iri(NS + "issue")).forEach(function (st) {
    report(st.id, "issue", name(g.V(st.id).out(iri(RDF + "object")).toValue()), between);
  });
});
rows.sort(function (a, b) {
  return a.date.localeCompare(b.date) || a.event.localeCompare(b.event) || a.fact.localeCompare(b.fact) || a.article.localeCompare(b.article);
});
rows.forEach(function (r) { g.emit(r); });
