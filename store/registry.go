package store

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Registration describes a backend to the registry; each backend package
// registers itself in its init (as Cayley's quad stores do), and the CLI, migrate
// and tests open stores by name through Open.
type Registration struct {
	Name string
	// Open opens (or, with opt.Create, creates) the store opt names.
	Open func(opt Options) (Backend, error)
	// Transactional: one Write is one transaction however many articles it holds,
	// so loads write many articles per Write (see ReplaceArticles).
	Transactional bool
	// OneReader: readers may not run beside each other either (Cayley's memory
	// store marks its state as it reads), so Hold lets one at a time in.
	OneReader bool
	// Local: the store is a file on this machine that one process at a time may
	// open for writing, and readers only while no writer holds it; other processes
	// reach the store through the one that holds it.
	Local bool
	// Default: a path no backend claims names a store of this backend.
	Default bool
	// Claims reports whether a path names a store of this backend without saying
	// so (a postgres:// URL), or is nil.
	Claims func(path string) bool
	// Describe names a store in messages (never with a password), or is nil for
	// the path itself.
	Describe func(path string) string
}

// registry holds the backends registered by their packages' init functions: the
// one piece of package state, written before main runs and only read after.
var registry = struct {
	sync.RWMutex
	byName map[string]Registration
}{byName: map[string]Registration{}}

// Register makes a backend available under r.Name. It panics on a second
// registration of a name: two packages claiming one backend is a build error.
func Register(r Registration) {
	registry.Lock()
	defer registry.Unlock()
	if r.Name == "" || r.Open == nil {
		panic("store: Register needs a name and an Open function")
	}
	if _, dup := registry.byName[r.Name]; dup {
		panic("store: backend " + r.Name + " registered twice")
	}
	registry.byName[r.Name] = r
}

// Lookup returns the registration of a backend.
func Lookup(name string) (Registration, bool) {
	registry.RLock()
	defer registry.RUnlock()
	r, ok := registry.byName[name]
	return r, ok
}

// Names lists the registered backends, sorted.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	return sortedNames(registry.byName)
}

// BackendFor is the backend a path names when no backend is given: the one that
// claims it, else the default one ("" if none is registered).
func BackendFor(path string) string {
	registry.RLock()
	defer registry.RUnlock()
	def := ""
	for _, n := range sortedNames(registry.byName) {
		r := registry.byName[n]
		if r.Claims != nil && r.Claims(path) {
			return n
		}
		if r.Default {
			def = n
		}
	}
	return def
}

// Describe names the store a backend's path is, for messages.
func Describe(backend, path string) string {
	if r, ok := Lookup(backend); ok && r.Describe != nil {
		return r.Describe(path)
	}
	return path
}

// lookup finds a backend or says which ones there are.
func lookup(name string) (Registration, error) {
	if r, ok := Lookup(name); ok {
		return r, nil
	}
	names := Names()
	if len(names) == 0 {
		return Registration{}, fmt.Errorf("unknown backend %q: no backend is registered (import store/all)", name)
	}
	return Registration{}, fmt.Errorf("unknown backend %q (want %s)", name, strings.Join(names, ", "))
}

func sortedNames(m map[string]Registration) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
