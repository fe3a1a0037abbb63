package history

import (
	"context"
	"database/sql"
	"fmt"
)

// The schema, one migration per version: migrations[i] takes a file from
// user_version i to i+1. A released migration is never edited; a change
// is a new one appended.
var migrations = []string{
	// 1: runs, their inputs, the figures as versions, packet files,
	// receipts and revisions.
	`CREATE TABLE runs (
	id             INTEGER PRIMARY KEY,  -- the run's number (was_run in summary.json)
	started        TEXT NOT NULL,        -- UTC, RFC 3339
	ended          TEXT NOT NULL,
	tool_version   TEXT NOT NULL,
	data           TEXT NOT NULL,        -- the data folder, absolute, or "embedded"
	out            TEXT NOT NULL,        -- the packet folder, absolute
	inputs_sha256  TEXT NOT NULL,        -- SHA-256 over the inputs' names and SHA-256 (run_inputs)
	period         TEXT NOT NULL,        -- the period compared, normalised (2019-05); "" if none
	previous       TEXT NOT NULL,        -- the previous period compared, "" if none
	year_ago       TEXT NOT NULL,        -- the year-ago period, "" if none
	printed        TEXT NOT NULL,        -- the periods whose figures the briefing printed, space-separated
	region         TEXT NOT NULL,        -- --region, "" for all
	lang           TEXT NOT NULL,
	figures_file   TEXT NOT NULL,        -- the input the figures came from (figures.csv, data.xlsx)
	figures        INTEGER NOT NULL,     -- figures read
	compared_run   INTEGER REFERENCES runs(id), -- the run its revisions compare with
	packet         INTEGER NOT NULL,     -- 1: the run wrote its packet (its figures count for revisions)
	status         INTEGER NOT NULL      -- exit status: 0 done, 4 packet written but a delivery failed, else failed
);
CREATE TABLE run_inputs (
	run     INTEGER NOT NULL REFERENCES runs(id),
	name    TEXT NOT NULL,
	sha256  TEXT NOT NULL,
	rows    INTEGER NOT NULL,
	PRIMARY KEY (run, name)
) WITHOUT ROWID;
CREATE TABLE places (
	id        INTEGER PRIMARY KEY,
	province  TEXT NOT NULL,
	city      TEXT NOT NULL,          -- "" for a province-level figure
	UNIQUE (province, city)
);
CREATE TABLE periods (
	id      INTEGER PRIMARY KEY,
	period  TEXT NOT NULL UNIQUE      -- normalised: 2019, 2019-Q2, 2019-05, 2019-05-17
);
CREATE TABLE segments (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,           -- "" for all members
	english  TEXT NOT NULL
);
INSERT INTO segments VALUES
	(0, '', 'all members'),
	(1, '民营企业和外商投资企业管理技术人员', 'Managers and technical staff of private and foreign-invested firms'),
	(2, '中介组织和社会组织从业人员', 'Staff of intermediary and social organisations'),
	(3, '自由职业人员', 'Freelancers'),
	(4, '新媒体从业人员', 'New-media practitioners');
-- A figure is stored when a run reads it new or changed, and as a NULL
-- when a run no longer has it; a run's figures are the latest version of
-- each key with first_run at or before it. key packs place, period and
-- segment (place << 24 | period << 4 | segment) so a million rows insert
-- with three values each and no index to maintain; the generated columns
-- unpack it. Rows are appended run by run (id ascending).
CREATE TABLE figure_versions (
	id         INTEGER PRIMARY KEY,
	key        INTEGER NOT NULL,
	first_run  INTEGER NOT NULL REFERENCES runs(id),
	members    INTEGER,                -- NULL: removed in first_run
	line       INTEGER,                -- the figure's line (row) in the run's figures_file
	place      INTEGER GENERATED ALWAYS AS (key >> 24) VIRTUAL REFERENCES places(id),
	period     INTEGER GENERATED ALWAYS AS ((key >> 4) & 1048575) VIRTUAL REFERENCES periods(id),
	segment    INTEGER GENERATED ALWAYS AS (key & 15) VIRTUAL REFERENCES segments(id)
);
CREATE TABLE packet_files (
	run     INTEGER NOT NULL REFERENCES runs(id),
	name    TEXT NOT NULL,             -- path inside the packet: charts/members.png
	size    INTEGER NOT NULL,
	sha256  TEXT NOT NULL,
	PRIMARY KEY (run, name)
) WITHOUT ROWID;
CREATE TABLE receipts (
	run         INTEGER NOT NULL REFERENCES runs(id),
	recipient   TEXT NOT NULL,
	channel     TEXT NOT NULL,         -- mail, wecom, dingtalk, feishu
	status      TEXT NOT NULL,         -- sent, failed
	attempts    INTEGER NOT NULL,
	detail      TEXT NOT NULL,
	message_id  TEXT NOT NULL,
	time        TEXT NOT NULL          -- UTC, RFC 3339
);
CREATE TABLE revisions (
	run       INTEGER NOT NULL REFERENCES runs(id),
	province  TEXT NOT NULL,
	city      TEXT NOT NULL,
	segment   TEXT NOT NULL,
	period    TEXT NOT NULL,
	was       INTEGER,                 -- NULL: not read by was_run
	now       INTEGER,                 -- NULL: no longer in the data
	was_run   INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX revisions_run ON revisions (run);
-- Every figure version with its names: what each run read new, changed
-- or (members NULL) no longer.
CREATE VIEW figures AS
SELECT v.first_run AS run, p.province, p.city, s.name AS segment, pe.period, v.members,
       r.figures_file AS file, v.line
FROM figure_versions v
JOIN places p ON p.id = v.place
JOIN periods pe ON pe.id = v.period
JOIN segments s ON s.id = v.segment
JOIN runs r ON r.id = v.first_run;`,
}

// Version is the schema version this package writes.
var Version = len(migrations)

// migrate brings db up to Version in one transaction per step.
func migrate(ctx context.Context, db *sql.DB) error {
	v, err := userVersion(ctx, db)
	if err != nil {
		return err
	}
	if v > Version {
		return fmt.Errorf("%w: schema version %d, this basebrief knows %d", ErrNewer, v, Version)
	}
	for ; v < Version; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate history to version %d: %w", v+1, err)
		}
		// PRAGMA takes no parameters; v+1 is an int of ours.
		if _, err := tx.ExecContext(ctx, migrations[v]+fmt.Sprintf(";\nPRAGMA user_version = %d;", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate history to version %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate history to version %d: %w", v+1, err)
		}
	}
	return nil
}

func userVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read history schema version: %w", err)
	}
	return v, nil
}
