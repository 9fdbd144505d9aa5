// Who mediates between whom: one row per mediator and the parties of a negotiation.
// @param party  optional: only negotiations one of whose parties has this display name
// @row {"mediator": "Qatar", "between": ["Hamas", "Israel"], "articles": 1}
var rows = [];
g.V(iri(NS + "mediator")).in(iri(RDF + "predicate")).forEach(function (st) {
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  var between = partiesOf(neg);
  if (between.length === 0) return;
  if (params.party && between.indexOf(params.party) < 0) return;
  var n = articles(st.id);
  if (!shown(n)) return;
  rows.push({
    mediator: name(g.V(st.id).out(iri(RDF + "object")).toValue()),
    between: between,
    articles: n
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || (a.mediator + a.between).localeCompare(b.mediator + b.between);
});
rows.forEach(function (r) { g.emit(r); });
