import type { Migration } from './types';

/**
 * Conflicts of interest, panels, scoring sessions' PINs, comments, submissions, consensus and
 * site-visit issues. The rules that must hold whatever the code does are triggers here: a confirmed
 * conflict can never sit beside an assignment, and a submitted score sheet cannot change.
 */
export const panels: Migration = {
  version: 40,
  name: 'panels',
  up(db) {
    db.exec(`
      -- scrypt(pin, salt); wrong PINs are counted here so a restart does not reset the lockout.
      CREATE TABLE expert_pins (
        expert_id TEXT PRIMARY KEY REFERENCES experts(id),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        set_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      ) STRICT;

      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        expert_id TEXT NOT NULL REFERENCES experts(id),
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        kind TEXT NOT NULL CHECK (kind IN ('employment', 'consultingOrTraining', 'shareholding', 'closeRelative', 'competitor', 'other')),
        valid_from TEXT,
        valid_to TEXT,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'dismissed')),
        -- NULL for conflicts the office declared; a suggestion is made once per rule (UNIQUE ignores NULLs).
        rule TEXT CHECK (rule IN ('sameOrganisation', 'sameCreditCode', 'formerEmployer', 'sameGroup')),
        evidence TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT NOT NULL DEFAULT '',
        UNIQUE (expert_id, applicant_id, rule)
      ) STRICT;
      CREATE INDEX conflicts_by_pair ON conflicts (applicant_id, expert_id, status);

      CREATE TABLE panels (
        id TEXT PRIMARY KEY,
        cycle_id TEXT NOT NULL REFERENCES cycles(id),
        stage TEXT NOT NULL CHECK (stage IN ('documentReview', 'presentation', 'siteVisit')),
        name TEXT NOT NULL,
        leader_expert_id TEXT REFERENCES experts(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (cycle_id, stage, name)
      ) STRICT;

      -- cycle_id and stage repeat the panel's so that an expert sits on one panel per stage.
      CREATE TABLE panel_members (
        panel_id TEXT NOT NULL REFERENCES panels(id),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        cycle_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (panel_id, expert_id),
        UNIQUE (cycle_id, stage, expert_id)
      ) STRICT;

      -- An applicant goes to one panel per stage.
      CREATE TABLE panel_applicants (
        panel_id TEXT NOT NULL REFERENCES panels(id),
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        stage TEXT NOT NULL,
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (panel_id, applicant_id),
        UNIQUE (applicant_id, stage)
      ) STRICT;

      CREATE TRIGGER panel_members_match_panel BEFORE INSERT ON panel_members
        WHEN NOT EXISTS (SELECT 1 FROM panels p WHERE p.id = NEW.panel_id AND p.cycle_id = NEW.cycle_id AND p.stage = NEW.stage)
        BEGIN SELECT RAISE(ABORT, 'panel member cycle or stage does not match the panel'); END;
      CREATE TRIGGER panel_applicants_match_panel BEFORE INSERT ON panel_applicants
        WHEN NOT EXISTS (SELECT 1 FROM panels p JOIN applicants a ON a.cycle_id = p.cycle_id WHERE p.id = NEW.panel_id AND p.stage = NEW.stage AND a.id = NEW.applicant_id)
        BEGIN SELECT RAISE(ABORT, 'panel applicant cycle or stage does not match the panel'); END;

      -- A confirmed conflict blocks assignment, from whichever side the pair would meet.
      CREATE TRIGGER panel_applicants_no_conflict BEFORE INSERT ON panel_applicants
        WHEN EXISTS (SELECT 1 FROM panel_members m JOIN conflicts c ON c.expert_id = m.expert_id
                     WHERE m.panel_id = NEW.panel_id AND c.applicant_id = NEW.applicant_id AND c.status = 'confirmed')
        BEGIN SELECT RAISE(ABORT, 'confirmed conflict of interest'); END;
      CREATE TRIGGER panel_members_no_conflict BEFORE INSERT ON panel_members
        WHEN EXISTS (SELECT 1 FROM panel_applicants a JOIN conflicts c ON c.applicant_id = a.applicant_id
                     WHERE a.panel_id = NEW.panel_id AND c.expert_id = NEW.expert_id AND c.status = 'confirmed')
        BEGIN SELECT RAISE(ABORT, 'confirmed conflict of interest'); END;
      CREATE TRIGGER conflicts_confirm_unassigned BEFORE UPDATE OF status ON conflicts
        WHEN NEW.status = 'confirmed' AND EXISTS (SELECT 1 FROM panel_members m JOIN panel_applicants a ON a.panel_id = m.panel_id
                     WHERE m.expert_id = NEW.expert_id AND a.applicant_id = NEW.applicant_id)
        BEGIN SELECT RAISE(ABORT, 'confirmed conflict of interest'); END;
      CREATE TRIGGER conflicts_insert_confirmed_unassigned BEFORE INSERT ON conflicts
        WHEN NEW.status = 'confirmed' AND EXISTS (SELECT 1 FROM panel_members m JOIN panel_applicants a ON a.panel_id = m.panel_id
                     WHERE m.expert_id = NEW.expert_id AND a.applicant_id = NEW.applicant_id)
        BEGIN SELECT RAISE(ABORT, 'confirmed conflict of interest'); END;

      -- Strengths (优势) and opportunities for improvement (改进机会), in order, per expert and item.
      CREATE TABLE score_comments (
        id TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('strength', 'opportunity')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        citation TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX score_comments_by_sheet ON score_comments (stage, applicant_id, expert_id, item_id, kind, position);

      -- A row means the expert's sheet for the stage and applicant is submitted and locked.
      CREATE TABLE score_submissions (
        stage TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        submitted_by TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (stage, applicant_id, expert_id)
      ) STRICT;

      CREATE TRIGGER scores_locked_insert BEFORE INSERT ON scores
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = NEW.stage AND s.applicant_id = NEW.applicant_id AND s.expert_id = NEW.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
      CREATE TRIGGER scores_locked_update BEFORE UPDATE ON scores
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = OLD.stage AND s.applicant_id = OLD.applicant_id AND s.expert_id = OLD.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
      CREATE TRIGGER scores_locked_delete BEFORE DELETE ON scores
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = OLD.stage AND s.applicant_id = OLD.applicant_id AND s.expert_id = OLD.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
      CREATE TRIGGER score_comments_locked_insert BEFORE INSERT ON score_comments
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = NEW.stage AND s.applicant_id = NEW.applicant_id AND s.expert_id = NEW.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
      CREATE TRIGGER score_comments_locked_update BEFORE UPDATE ON score_comments
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = OLD.stage AND s.applicant_id = OLD.applicant_id AND s.expert_id = OLD.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
      CREATE TRIGGER score_comments_locked_delete BEFORE DELETE ON score_comments
        WHEN EXISTS (SELECT 1 FROM score_submissions s WHERE s.stage = OLD.stage AND s.applicant_id = OLD.applicant_id AND s.expert_id = OLD.expert_id)
        BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;

      CREATE TABLE consensus_items (
        stage TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        item_id TEXT NOT NULL,
        percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
        rationale TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (stage, applicant_id, item_id)
      ) STRICT;

      -- Final comments; source_comment_id names the expert entry it was picked from (kept even if that entry is later edited away).
      CREATE TABLE consensus_comments (
        id TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('strength', 'opportunity')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        citation TEXT,
        source_comment_id TEXT,
        source_expert_id TEXT
      ) STRICT;
      CREATE INDEX consensus_comments_by_item ON consensus_comments (stage, applicant_id, item_id, kind, position);

      CREATE TABLE consensus_themes (
        stage TEXT NOT NULL,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        themes TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (stage, applicant_id)
      ) STRICT;

      CREATE TABLE site_visit_issues (
        id TEXT PRIMARY KEY,
        applicant_id TEXT NOT NULL REFERENCES applicants(id),
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('verify', 'clarify')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source_comment_id TEXT,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX site_visit_issues_by_applicant ON site_visit_issues (applicant_id, item_id, position);
    `);
  },
};
