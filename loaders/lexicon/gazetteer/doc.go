// Package gazetteer builds the generated lexicon files (loaders/lexicon/data/
// generated) from public gazetteers: CLDR and Debian's iso-codes for countries,
// GeoNames (as packaged by Debian's libgeonames) for cities, and the Phoenix actor
// dictionaries of the Open Event Data Alliance for organisations and office
// holders. `parley lexicon import` runs it; the output is committed, so parley
// needs none of the sources at run time. Generated names yield to hand-written
// ones here and again when the lexicon loads.
package gazetteer
