// Which issues divide the parties: one row per issue and negotiation.
// @param issue  optional: only this issue (a name from the vocabulary)
// @row {"issue": "hostage release", "between": ["Hamas", "Israel"], "articles": 1}
var rows = [];
g.V(iri(NS + "issue")).in(iri(RDF + "predicate")).forEach(function (st) {
  var issue = name(g.V(st.id).out(iri(RDF + "object")).toValue());
  if (params.issue && issue !== params.issue) return;
  var neg = g.V(st.id).out(iri(RDF + "subject")).toValue();
  var n = articles(st.id);
  if (!shown(n)) return;
  rows.push({
    issue: issue,
    between: partiesOf(neg),
    articles: n
  });
});
rows.sort(function (a, b) {
  return b.articles - a.articles || (a.issue + a.between).localeCompare(b.issue + b.between);
});
rows.forEach(function (r) { g.emit(r); });
