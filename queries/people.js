// Named people, with the role and side the articles give them (the one most articles give).
// @row {"person": "William J. Burns", "role": "Director of the CIA", "affiliation": "United States"}
// best returns the object of the person's statements with predicate p that most articles assert.
function best(person, p, asName) {
  var top = "", most = 0;
  g.V(person).in(iri(RDF + "subject")).has(iri(RDF + "predicate"), iri(NS + p)).forEach(function (st) {
    var n = articles(st.id);
    if (n > most) {
      var o = g.V(st.id).out(iri(RDF + "object")).toValue();
      top = asName ? name(o) : o;
      most = n;
    }
  });
  return top;
}
var rows = [];
g.V(iri(SDO + "Person")).in(iri(RDF + "type")).forEach(function (p) {
  if (!shown(articles(p.id))) return;
  rows.push({ person: name(p.id), role: best(p.id, "role", false), affiliation: best(p.id, "affiliation", true) });
});
rows.sort(function (a, b) { return a.person.localeCompare(b.person); });
rows.forEach(function (r) { g.emit(r); });
