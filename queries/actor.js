// Everything the graph says about one actor, place or person, with the evidence for each fact.
// @param name  the node's name in any language (or its IRI in <...>); parley also passes params.key, the name folded for matching
// @param evidence  optional: evidence rows per fact, a number (default 3) or "all"
// @example name=Qatar
// @row {"node": "Qatar", "fact": "Qatar mediator of Hamas – Israel", "articles": 12, "article": "…", "date": "2024-06-01", "dated": "published", "sentence": "…", "rule": "ar.med.wasata"}
function local(p) { return p.replace(/^<.*[#\/]/, "").replace(/>$/, ""); }
var perFact = params.evidence === "all" ? 0 : (parseInt(params.evidence, 10) || 3);
// evidence emits one row per evidence node of x (a node or a statement), at most
// perFact of them; "articles" says how many articles support x in all.
function evidence(node, x, fact) {
  var support = articles(x);
  if (!shown(support)) return;
  var path = g.V(x).in(iri(NS + "evidenceFor"));
  var evs = perFact > 0 && !windowed ? path.toArray(perFact) : path.toArray();
  if (windowed) {
    evs = evs.filter(function (ev) { return inWindow(g.V(ev).labels().toValue()); });
    if (perFact > 0) evs = evs.slice(0, perFact);
  }
  evs.forEach(function (ev) {
    var article = g.V(ev).labels().toValue();
    g.emit({
      node: name(node),
      fact: fact,
      articles: support,
      article: name(g.V(article).out(iri(SDO + "headline")).toValue()) || article,
      date: dateOf(article).slice(0, 10),
      dated: g.V(article).out(iri(SDO + "datePublished")).toValue() === null ? "loaded" : "published",
      sentence: g.V(ev).out(iri(NS + "sentence")).toValue(),
      rule: g.V(ev).out(iri(NS + "rule")).toValue()
    });
  });
  if (evs.length === 0) g.emit({ node: name(node), fact: fact, articles: support, article: "", date: "", dated: "", sentence: "", rule: "" });
}
var nodes = [];
if (params.name && params.name.charAt(0) === "<") nodes = [params.name];
if (nodes.length === 0 && params.name) nodes = g.V().has(iri(NS + "displayName"), params.name).toArray();
if (nodes.length === 0 && params.key) nodes = g.V().has(iri(NS + "matchKey"), params.key).toArray();
nodes.forEach(function (node) {
  evidence(node, node, name(node) + " is named");
  [["subject", "object"], ["object", "subject"]].forEach(function (dirs) {
    g.V(node).in(iri(RDF + dirs[0])).forEach(function (st) {
      var s = g.V(st.id).out(iri(RDF + "subject")).toValue();
      var p = local(g.V(st.id).out(iri(RDF + "predicate")).toValue());
      var o = g.V(st.id).out(iri(RDF + "object")).toValue();
      evidence(node, st.id, name(s) + " " + p + " " + name(o));
    });
  });
  g.V(node).in(iri(NS + "party")).forEach(function (neg) {
    evidence(node, neg.id, name(node) + " is a party to " + name(neg.id));
  });
});
