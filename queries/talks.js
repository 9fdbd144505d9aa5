// Where talks were held: one row per venue, with who took part and how many articles say so.
// @param party  optional: only talks of negotiations one of whose parties has this display name
// @row {"location": "Paris", "participants": ["David Barnea", "William J. Burns"], "articles": 1}
var NS = "https://parleygraph.org/ns#", SDO = "http://schema.org/", RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function iri(s) { return "<" + s + ">"; }
function name(id) {
  var n = g.V(id).out(iri(NS + "displayName")).toValue();
  return n === null ? id : n;
}
var byVenue = {}, order = [];
g.V(iri(NS + "Talks")).in(iri(RDF + "type")).forEach(function (t) {
  if (params.party) {
    var parties = g.V(t.id).out(iri(NS + "negotiation")).out(iri(NS + "party")).toArray().map(name);
    if (parties.indexOf(params.party) < 0) return;
  }
  var venue = name(g.V(t.id).out(iri(NS + "venue")).toValue());
  var row = byVenue[venue];
  if (!row) {
    row = byVenue[venue] = { location: venue, participants: [], articles: {} };
    order.push(venue);
  }
  g.V(t.id).out(iri(NS + "participant")).toArray().map(name).forEach(function (p) {
    if (row.participants.indexOf(p) < 0) row.participants.push(p);
  });
  g.V(t.id).in(iri(SDO + "mentions")).toArray().forEach(function (a) { row.articles[a] = true; });
});
var rows = order.map(function (v) {
  var r = byVenue[v];
  return { location: r.location, participants: r.participants.sort(), articles: Object.keys(r.articles).length };
});
rows.sort(function (a, b) { return b.articles - a.articles || a.location.localeCompare(b.location); });
rows.forEach(function (r) { g.emit(r); });
