// Package ingest turns sources into quads: it reads an article (loaders/source),
// extracts its facts (loaders/extract) and writes them in parley's vocabulary
// (schema), each with the article as its label and the sentence and rule behind it.
package ingest
