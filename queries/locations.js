// Places the articles name as places (not as governments), countries named as places ("signed in
// Turkey") among them, with how many articles name them.
// @row {"location": "Cairo", "articles": 1}
var rows = [];
[SDO + "Place", SDO + "Country"].forEach(function (cls) {
  g.V(iri(cls)).in(iri(RDF + "type")).forEach(function (p) {
    var n = g.V(p.id).in(iri(NS + "location")).count();
    if (n > 0) rows.push({ location: g.V(p.id).out(iri(NS + "displayName")).toValue(), articles: n });
  });
});
rows.sort(function (a, b) { return b.articles - a.articles || a.location.localeCompare(b.location); });
rows.forEach(function (r) { g.emit(r); });
