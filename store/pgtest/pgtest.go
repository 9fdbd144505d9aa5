// Package pgtest gives tests a fresh PostgreSQL database of their own.
//
// The server comes from $PARLEY_TEST_POSTGRES, a postgres:// URL whose user may
// create databases. Without it the tests that need PostgreSQL skip, unless
// $PARLEY_REQUIRE_POSTGRES=1 (as in CI), when they fail.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/lib/pq" // the "postgres" database/sql driver
)

// Env names the variables the tests read.
const (
	EnvDSN     = "PARLEY_TEST_POSTGRES"
	EnvRequire = "PARLEY_REQUIRE_POSTGRES"
)

// Server returns the test server's URL, or skips (or fails) t without one.
func Server(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("%s=1 but %s is not set", EnvRequire, EnvDSN)
		}
		t.Skipf("%s is not set (a postgres:// URL of a server the tests may create databases on)", EnvDSN)
	}
	return dsn
}

// Fresh creates an empty database for t, drops it when t ends, and returns its URL.
func Fresh(t testing.TB) string {
	t.Helper()
	server := Server(t)
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL", EnvDSN)
	}
	admin, err := sql.Open("postgres", server)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "parley_test_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
