import type { Migration } from './types';

/**
 * Package exchange between workspaces (docs/packages.md): this workspace's signing key, the keys it
 * trusts, enrolments of experts, replay counters in both directions, every package imported or
 * exported, and the submitted versions of each application.
 */
export const exchange: Migration = {
  version: 50,
  name: 'exchange',
  up(db) {
    db.exec(`
      -- The workspace's own Ed25519 key pair, made on first need. One row; the private key never leaves this file.
      CREATE TABLE exchange_own_key (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        key_id TEXT NOT NULL UNIQUE,
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        private_key BLOB NOT NULL CHECK (length(private_key) = 32),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Keys this workspace trusts: the office key in an expert workspace; in the office, the key each
      -- applicant (credit code, per cycle) signed its first submission with (trust on first use).
      CREATE TABLE exchange_pinned_keys (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('office', 'submitter')),
        key_id TEXT NOT NULL,
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        sender_workspace_id TEXT NOT NULL,
        cycle_id TEXT,
        credit_code TEXT,
        pinned_at TEXT NOT NULL,
        pinned_by TEXT NOT NULL,
        CHECK ((purpose = 'submitter') = (cycle_id IS NOT NULL AND credit_code IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX exchange_pinned_submitter ON exchange_pinned_keys (cycle_id, credit_code) WHERE purpose = 'submitter';
      CREATE UNIQUE INDEX exchange_pinned_office ON exchange_pinned_keys (key_id) WHERE purpose = 'office';

      -- Office side: one row per review package written. The secret proves the expert workspace later;
      -- the expert key is pinned here with the first scores package accepted.
      CREATE TABLE exchange_enrolments (
        enrolment_id TEXT PRIMARY KEY,
        expert_id TEXT NOT NULL REFERENCES experts(id),
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        secret TEXT NOT NULL,
        office_key_id TEXT NOT NULL,
        expert_workspace_id TEXT NOT NULL,
        review_package_id TEXT NOT NULL UNIQUE,
        pinned_key_id TEXT,
        pinned_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK ((pinned_key_id IS NULL) = (pinned_at IS NULL))
      ) STRICT;
      CREATE INDEX exchange_enrolments_by_expert ON exchange_enrolments (cycle_id, expert_id, created_at);

      -- Expert side: whom this workspace scores as, and the enrolment proof every scores package carries.
      CREATE TABLE exchange_expert_identity (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        office_workspace_id TEXT NOT NULL,
        office_key_id TEXT NOT NULL,
        enrolment_id TEXT NOT NULL,
        proof TEXT NOT NULL,
        review_package_id TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Enterprise side: the submission id stays the same across re-submissions of one application.
      CREATE TABLE exchange_submission_ids (
        applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
        submission_id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Replay protection: the last sequence accepted per sender and kind, updated in the import's transaction.
      CREATE TABLE exchange_received_sequences (
        sender_workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('submission', 'review', 'scores')),
        last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (sender_workspace_id, kind)
      ) STRICT;

      -- Sender side: handed out before a package is written and never reused.
      CREATE TABLE exchange_sent_sequences (
        kind TEXT PRIMARY KEY CHECK (kind IN ('submission', 'review', 'scores')),
        last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Every package imported or exported; an imported file is recognised again by its SHA-256.
      CREATE TABLE exchange_log (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('import', 'export')),
        kind TEXT NOT NULL CHECK (kind IN ('submission', 'review', 'scores')),
        package_id TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        cycle_id TEXT NOT NULL,
        sender_workspace_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        summary TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX exchange_log_imported_file ON exchange_log (package_sha256) WHERE direction = 'import';
      CREATE INDEX exchange_log_by_time ON exchange_log (at);

      -- Office side: each accepted submission of an application, oldest first; the snapshot is what was received.
      CREATE TABLE submission_versions (
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        submission_id TEXT NOT NULL,
        package_id TEXT NOT NULL UNIQUE,
        package_sha256 TEXT NOT NULL UNIQUE,
        sender_workspace_id TEXT NOT NULL,
        sender_key_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        PRIMARY KEY (applicant_id, version)
      ) STRICT;
      CREATE TRIGGER submission_versions_immutable BEFORE UPDATE ON submission_versions
        BEGIN SELECT RAISE(ABORT, 'submission versions are immutable'); END;
      CREATE TRIGGER submission_versions_kept BEFORE DELETE ON submission_versions
        BEGIN SELECT RAISE(ABORT, 'submission versions are kept'); END;
    `);
  },
};
