// The mediation network: one row per edge between actors and places, weighted by the articles that support it (for Gephi and Cytoscape: parley export --view network).
// @row {"source": "<https://parleygraph.org/id/actor/qatar>", "source_name": "Qatar", "source_type": "Country", "relation": "mediates", "target": "<https://parleygraph.org/id/actor/hamas>", "target_name": "Hamas", "target_type": "Organization", "articles": 4}
/* Edges: a mediator to each party it mediates for ("mediates"), the parties of a
   negotiation to each other ("negotiates", the pair in name order), and each party
   to where their talks were held ("talks_in"). An edge found in several
   negotiations adds their articles up. */
var edges = {}, order = [];
function typeOf(n) {
  var t = g.V(n).out(iri(RDF + "type")).toArray();
  if (t.length === 0) return "";
  var s = t[0].slice(1, -1);
  return s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("#")) + 1);
}
function edge(s, relation, t, n) {
  if (s === null || t === null || s === t || !shown(n)) return;
  var k = s + " " + relation + " " + t;
  if (!(k in edges)) {
    edges[k] = {source: s, source_name: name(s), source_type: typeOf(s), relation: relation,
      target: t, target_name: name(t), target_type: typeOf(t), articles: 0};
    order.push(k);
  }
  edges[k].articles += n;
}
g.V(iri(NS + "Negotiation")).in(iri(RDF + "type")).forEach(function (neg) {
  var ps = g.V(neg.id).out(iri(NS + "party")).toArray().sort(function (a, b) { return name(a).localeCompare(name(b)); });
  var n = articles(neg.id);
  for (var i = 0; i < ps.length; i++)
    for (var j = i + 1; j < ps.length; j++) edge(ps[i], "negotiates", ps[j], n);
});
g.V(iri(NS + "mediator")).in(iri(RDF + "predicate")).forEach(function (st) {
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  var med = g.V(st.id).out(iri(RDF + "object")).toValue();
  var n = articles(st.id);
  g.V(neg).out(iri(NS + "party")).toArray().forEach(function (p) { edge(med, "mediates", p, n); });
});
g.V(iri(NS + "Talks")).in(iri(RDF + "type")).forEach(function (t) {
  var venue = g.V(t.id).out(iri(NS + "venue")).toValue();
  var neg = g.V(t.id).out(iri(NS + "negotiation")).toValue();
  var n = articles(t.id);
  g.V(neg).out(iri(NS + "party")).toArray().forEach(function (p) { edge(p, "talks_in", venue, n); });
});
order.map(function (k) { return edges[k]; }).sort(function (a, b) {
  return b.articles - a.articles || (a.source_name + a.relation + a.target_name).localeCompare(b.source_name + b.relation + b.target_name);
}).forEach(function (e) { g.emit(e); });
