import type { Migration } from './types';

export const expertsAndScores: Migration = {
  version: 30,
  name: 'experts-and-scores',
  up(db) {
    db.exec(`
      CREATE TABLE experts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL,
        record TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One expert's percent for one item at one stage. Integers only: points × percent is exact.
      CREATE TABLE scores (
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        stage TEXT NOT NULL CHECK (stage IN ('documentReview', 'presentation', 'siteVisit')),
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        item_id TEXT NOT NULL,
        percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
        entered_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (stage, applicant_id, expert_id, item_id)
      ) STRICT;
      CREATE INDEX scores_by_cycle ON scores (cycle_id);
    `);
  },
};
