import type { Migration } from './types';

export const initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Append-only: every audited change adds one row in the same transaction as the change.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Immutable, content-addressed versions: editing a framework imports a new row.
      CREATE TABLE frameworks (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        version TEXT NOT NULL,
        revision INTEGER NOT NULL,
        scoring_fingerprint TEXT NOT NULL,
        definition TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('builtIn', 'json', 'xlsx')),
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER frameworks_immutable BEFORE UPDATE ON frameworks
        BEGIN SELECT RAISE(ABORT, 'framework versions are immutable'); END;

      CREATE TABLE cycles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        framework_id TEXT NOT NULL REFERENCES frameworks(id),
        settings TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
