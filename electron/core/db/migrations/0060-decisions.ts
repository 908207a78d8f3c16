import type { Migration } from './types';

/**
 * The award committee's deliberation (审定): votes and a decision per applicant, the history of
 * approvals and reopenings, and the certificate numbers given at approval. An approved cycle is
 * locked here as well as in the services: whatever the code does, no score, comment, submission,
 * consensus, decision or certificate of an approved cycle can change.
 */
export const decisions: Migration = {
  version: 60,
  name: 'decisions',
  up(db) {
    const locked = (table: string, when: string, rowRef: 'NEW' | 'OLD', op: 'INSERT' | 'UPDATE' | 'DELETE') => `
      CREATE TRIGGER ${table}_approved_${op.toLowerCase()} BEFORE ${op} ON ${table}
        WHEN ${when.replaceAll('ROW', rowRef)}
        BEGIN SELECT RAISE(ABORT, 'cycle is approved'); END;`;
    const byApplicant = `EXISTS (SELECT 1 FROM applicants a JOIN cycles c ON c.id = a.cycle_id WHERE a.id = ROW.applicant_id AND c.status = 'approved')`;
    const byCycle = `EXISTS (SELECT 1 FROM cycles c WHERE c.id = ROW.cycle_id AND c.status = 'approved')`;
    const lockAll = (table: string, when: string) =>
      [locked(table, when, 'NEW', 'INSERT'), locked(table, when, 'OLD', 'UPDATE'), locked(table, when, 'OLD', 'DELETE')].join('\n');

    db.exec(`
      CREATE TABLE decisions (
        applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
        votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
        votes_abstain INTEGER NOT NULL CHECK (votes_abstain >= 0),
        -- A tier id of the cycle's settings, or 'notAwarded'.
        outcome TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        meeting_date TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_by_cycle ON decisions (cycle_id);
      CREATE TRIGGER decisions_match_cycle BEFORE INSERT ON decisions
        WHEN NOT EXISTS (SELECT 1 FROM applicants a WHERE a.id = NEW.applicant_id AND a.cycle_id = NEW.cycle_id)
        BEGIN SELECT RAISE(ABORT, 'decision cycle does not match the applicant'); END;

      -- Every approval and reopening, newest last; the cycle's status says which holds now.
      CREATE TABLE cycle_approvals (
        seq INTEGER PRIMARY KEY,
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        action TEXT NOT NULL CHECK (action IN ('approve', 'reopen')),
        reason TEXT NOT NULL DEFAULT '',
        acted_by TEXT NOT NULL,
        acted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cycle_approvals_by_cycle ON cycle_approvals (cycle_id, seq);

      -- Numbers given at approval, in rank order; seq is the pattern's {seq}.
      CREATE TABLE certificates (
        applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        certificate_no TEXT NOT NULL UNIQUE,
        outcome TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        UNIQUE (cycle_id, seq)
      ) STRICT;

      ${lockAll('scores', byCycle)}
      ${lockAll('score_comments', byApplicant)}
      ${lockAll('score_submissions', byApplicant)}
      ${lockAll('consensus_items', byApplicant)}
      ${lockAll('consensus_comments', byApplicant)}
      ${lockAll('consensus_themes', byApplicant)}
      ${lockAll('decisions', byCycle)}
      ${lockAll('certificates', byCycle)}

      -- Settings and framework are what the approved results were computed with.
      CREATE TRIGGER cycles_approved_settings BEFORE UPDATE OF settings, framework_id ON cycles
        WHEN OLD.status = 'approved' AND NEW.status = 'approved'
        BEGIN SELECT RAISE(ABORT, 'cycle is approved'); END;
    `);
  },
};
