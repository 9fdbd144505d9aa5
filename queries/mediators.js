// Who mediates between whom: one row per mediator and the parties of a negotiation.
// @param party  optional: only negotiations one of whose parties has this display name
// @row {"mediator": "Qatar", "between": ["Hamas", "Israel"], "articles": 1}
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
function partiesOf(neg) {
  if (!(neg in parties)) parties[neg] = g.V(neg).out(iri(NS + "party")).toArray().map(name).sort();
  return parties[neg];
}
var rows = [];
g.V(iri(NS + "mediator")).in(iri(RDF + "predicate")).forEach(function (st) {
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  var between = partiesOf(neg);
  if (between.length === 0) return;
  if (params.party && between.indexOf(params.party) < 0) return;
  rows.push({
    mediator: name(g.V(st.id).out(iri(RDF + "object")).toValue()),
    between: between,
    articles: g.V(st.id).out(iri(NS + "supportCount")).toValue() || 0
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || (a.mediator + a.between).localeCompare(b.mediator + b.between);
});
rows.forEach(function (r) { g.emit(r); });
