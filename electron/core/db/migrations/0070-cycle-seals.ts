import type { Migration } from './types';

/**
 * The office's seal for a cycle's certificates, as a BLOB beside the cycle rather than a file in the
 * attachment folder: it is small (≤ 1 MB), one per cycle, and belongs with the audit entry that set it,
 * so it is written in the same transaction, and backups, restores and export-all carry it with the
 * rest of the cycle. Like the results, it is locked while the cycle is approved: printed certificates
 * of an approved cycle always show the same seal.
 */
export const cycleSeals: Migration = {
  version: 70,
  name: 'cycle-seals',
  up(db) {
    const lock = (op: 'INSERT' | 'UPDATE' | 'DELETE', row: 'NEW' | 'OLD') => `
      CREATE TRIGGER cycle_seals_approved_${op.toLowerCase()} BEFORE ${op} ON cycle_seals
        WHEN EXISTS (SELECT 1 FROM cycles c WHERE c.id = ${row}.cycle_id AND c.status = 'approved')
        BEGIN SELECT RAISE(ABORT, 'cycle is approved'); END;`;
    db.exec(`
      CREATE TABLE cycle_seals (
        cycle_id TEXT PRIMARY KEY REFERENCES cycles(id),
        png BLOB NOT NULL CHECK (length(png) BETWEEN 8 AND 1048576),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        file_name TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) STRICT;
      ${lock('INSERT', 'NEW')}
      ${lock('UPDATE', 'OLD')}
      ${lock('DELETE', 'OLD')}
    `);
  },
};
