// Where talks were held: one row per venue and negotiation, with who took part and how many articles say so.
// @param party  optional: only talks of negotiations one of whose parties has this display name
// @row {"location": "Paris", "between": ["Hamas", "Israel"], "participants": ["David Barnea", "William J. Burns"], "articles": 1}
var rows = [];
g.V(iri(NS + "Talks")).in(iri(RDF + "type")).forEach(function (t) {
  var between = partiesOf(g.V(t.id).out(iri(NS + "negotiation")).toValue());
  if (params.party && between.indexOf(params.party) < 0) return;
  var n = articles(t.id);
  if (!shown(n)) return;
  rows.push({
    location: name(g.V(t.id).out(iri(NS + "venue")).toValue()),
    between: between,
    participants: g.V(t.id).out(iri(NS + "participant")).toArray().map(name).sort(),
    articles: n
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || a.location.localeCompare(b.location) || String(a.between).localeCompare(String(b.between));
});
rows.forEach(function (r) { g.emit(r); });
