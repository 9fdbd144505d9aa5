// Which issues divide the parties: one row per issue and negotiation.
// @param issue  optional: only this issue (a name from the vocabulary)
// @row {"issue": "hostage release", "between": ["Hamas", "Israel"], "articles": 1}
var NS = "https://parleygraph.org/ns#", RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function iri(s) { return "<" + s + ">"; }
function name(id) {
  var n = g.V(id).out(iri(NS + "displayName")).toValue();
  return n === null ? id : n;
}
var rows = [];
g.V(iri(NS + "issue")).in(iri(RDF + "predicate")).forEach(function (st) {
  var issue = name(g.V(st.id).out(iri(RDF + "object")).toValue());
  if (params.issue && issue !== params.issue) return;
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  rows.push({
    issue: issue,
    between: g.V(neg).out(iri(NS + "party")).toArray().map(name).sort(),
    articles: g.V(st.id).in(iri(NS + "asserts")).count()
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || (a.issue + a.between).localeCompare(b.issue + b.between);
});
rows.forEach(function (r) { g.emit(r); });
