import type { Migration } from './types';

export const applicants: Migration = {
  version: 20,
  name: 'applicants',
  up(db) {
    db.exec(`
      -- Searchable facts are columns; the full validated record (contacts, incidents…) is JSON.
      CREATE TABLE applicants (
        id TEXT PRIMARY KEY,
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        legal_name TEXT NOT NULL,
        credit_code TEXT NOT NULL,
        section TEXT NOT NULL,
        division TEXT NOT NULL,
        region TEXT NOT NULL,
        employees INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        record TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (cycle_id, credit_code)
      ) STRICT;
      CREATE INDEX applicants_by_cycle ON applicants (cycle_id, status);

      CREATE TABLE eligibility_decisions (
        applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
        decision TEXT NOT NULL CHECK (decision IN ('eligible', 'ineligible')),
        note TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE applications (
        applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
        profile TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE application_items (
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        item_id TEXT NOT NULL,
        narrative TEXT NOT NULL DEFAULT '',
        self_percent INTEGER CHECK (self_percent BETWEEN 0 AND 100),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (applicant_id, item_id)
      ) STRICT;

      -- Content-addressed attachment bodies in <workspace>.files/; one row per distinct content.
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        item_id TEXT,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_applicant ON attachments (applicant_id, item_id);
    `);
  },
};
