// Package ingest turns sources into quads and loads them: Reader reads an article
// (loaders/source), extracts its facts (loaders/extract) and writes them in
// parley's vocabulary (schema), each with the article as its label and the
// sentence and rule behind it; Reloader loads sources into a store, once or on a
// timer, and prunes the articles whose source is gone.
//
// ingest comes before the store in the flow of data and does not import it: the
// store's load reads through ArticleReader and reports with Event, and a
// Reloader writes through the small Store interface that *store.Store satisfies.
package ingest
