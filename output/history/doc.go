// Package history keeps a SQLite file recording every basebrief run: when
// it ran, with what tool and inputs, the figures it read, the packet it
// wrote and the receipts of its delivery. It is what lets a run tell which
// earlier figures were revised since the last briefing.
//
// The file is the analysts' too: its schema (schema.go, and the README's
// "History" section) is plain tables and views they can open in sqlite3
// or DBeaver. It carries its own version (PRAGMA user_version) and is
// migrated forward, never back: a file written by a newer basebrief is
// left alone.
//
// A history that cannot be used never costs the packet: every error this
// package returns is for the caller to log as a warning and go on. The
// caller reads the prior figures before it renders (Store.Prior) and
// records the run only after the packet is in place (Store.Record), in one
// transaction, so a run killed in between leaves the packet and a
// consistent history (without that run).
//
// The driver is modernc.org/sqlite, SQLite compiled to Go: no cgo.
package history
