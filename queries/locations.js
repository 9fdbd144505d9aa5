// Places the articles name as places (not as governments; a country named as a place,
// "signed in Turkey", is a place node of its own), with how many articles name them.
// @row {"location": "Cairo", "articles": 1}
var rows = [];
g.V(iri(SDO + "Place")).in(iri(RDF + "type")).forEach(function (p) {
  var n = windowed ? g.V(p.id).in(iri(NS + "location")).toArray().filter(inWindow).length : g.V(p.id).in(iri(NS + "location")).count();
  if (n > 0) rows.push({ location: g.V(p.id).out(iri(NS + "displayName")).toValue(), articles: n });
});
rows.sort(function (a, b) { return b.articles - a.articles || a.location.localeCompare(b.location); });
rows.forEach(function (r) { g.emit(r); });
