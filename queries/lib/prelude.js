/* The prelude every saved query runs after: parley's namespaces and helpers.
   It is joined into one line before the query, so it uses block comments only
   and ends every statement with a semicolon. */
var NS = "https://parleygraph.org/ns#", SDO = "http://schema.org/", RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function iri(s) { return "<" + s + ">"; }
/* name: a node's display name (its IRI if it has none), looked up once per node. */
var names_ = {};
function name(id) {
  if (id === null) return "";
  if (id.charAt(0) !== "<") return id;
  if (!(id in names_)) {
    var n = g.V(id).out(iri(NS + "displayName")).toValue();
    names_[id] = n === null ? id : n;
  }
  return names_[id];
}
/* partiesOf: a negotiation's parties by name, sorted, looked up once per negotiation. */
var parties_ = {};
function partiesOf(neg) {
  if (neg === null) return [];
  if (!(neg in parties_)) parties_[neg] = g.V(neg).out(iri(NS + "party")).toArray().map(name).sort();
  return parties_[neg];
}
/* articles: how many articles support a node or statement (kept by the writer). */
function articles(x) { return g.V(x).out(iri(NS + "supportCount")).toValue() || 0; }
