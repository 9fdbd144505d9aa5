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
/* The time window: params.since and params.until are RFC 3339 instants (parley
   turns dates into the day's first and last second). An article's date is its
   published date, else the time it was loaded. */
var windowed = !!(params.since || params.until);
var dates_ = {};
function dateOf(a) {
  if (!(a in dates_)) {
    var d = g.V(a).out(iri(SDO + "datePublished")).toValue();
    if (d === null) d = g.V(a).out(iri(NS + "loadedAt")).toValue();
    dates_[a] = d === null ? "" : JSON.parse(JSON.stringify(d));
  }
  return dates_[a];
}
function inWindow(a) {
  var d = dateOf(a);
  return d !== "" && (!params.since || d >= params.since) && (!params.until || d <= params.until);
}
/* articles: how many articles support a node or statement (kept by the writer);
   in a time window, how many of them are dated within it. */
function articles(x) {
  if (!windowed) return g.V(x).out(iri(NS + "supportCount")).toValue() || 0;
  var seen = {}, n = 0;
  g.V(x).in([iri(NS + "asserts"), iri(SDO + "mentions")]).toArray().forEach(function (a) {
    if (!seen[a] && inWindow(a)) { seen[a] = true; n++; }
  });
  return n;
}
/* shown: whether a row with n articles belongs in the answer (in a window, only
   what some article of the window supports). */
function shown(n) { return !windowed || n > 0; }
