// Which issues divide the parties: one row per issue and negotiation.
// @param issue  optional: only this issue (a name from the vocabulary)
// @row {"issue": "hostage release", "between": ["Hamas", "Israel"], "articles": 1}
var NS = "https://parleygraph.org/ns#", RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function iri(s) { return "<" + s + ">"; }
var names = {}; // display names, looked up once per node
function name(id) {
  if (!(id in names)) {
    var n = g.V(id).out(iri(NS + "displayName")).toValue();
    names[id] = n === null ? id : n;
  }
  return names[id];
}
var parties = {}; // each negotiation's parties, looked up once
function between(neg) {
  if (!(neg in parties)) parties[neg] = g.V(neg).out(iri(NS + "party")).toArray().map(name).sort();
  return parties[neg];
}
var rows = [];
g.V(iri(NS + "issue")).in(iri(RDF + "predicate")).forEach(function (st) {
  var issue = name(g.V(st.id).out(iri(RDF + "object")).toValue());
  if (params.issue && issue !== params.issue) return;
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  rows.push({
    issue: issue,
    between: between(neg),
    articles: g.V(st.id).out(iri(NS + "supportCount")).toValue() || 0
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || (a.issue + a.between).localeCompare(b.issue + b.between);
});
rows.forEach(function (r) { g.emit(r); });
