import type { AssignmentSuggestion } from '../../../../shared/api/panels';
import type { ApplicantStatus } from '../../../../shared/domain/applicant';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { CoreContext } from '../../context';
import { createTranslator } from '../../i18n';
import { cycleContext } from '../cycles';
import { getSettings } from '../settings';
import { suggestAssignment } from './assignment-suggestion';
import { confirmedConflicts } from './conflicts';
import { expertRecord, type ExpertDbRow } from './experts';
import { listPanels } from './panels';

/** Applicants a stage's panels review: eligible ones for the document review, shortlisted ones on site. */
export const STAGE_APPLICANT_STATUSES: Record<StageId, readonly ApplicantStatus[]> = {
  documentReview: ['eligible', 'documentReview'],
  presentation: ['documentReview', 'siteVisit'],
  siteVisit: ['siteVisit'],
};

/** Reads the registry, panels and confirmed conflicts, and hands them to the pure planner; writes nothing. */
export function suggestPanelAssignment(ctx: CoreContext, cycleId: string, stage: StageId, minExperts: number): AssignmentSuggestion {
  cycleContext(ctx, cycleId);
  const panels = listPanels(ctx, cycleId, stage);
  const statuses = STAGE_APPLICANT_STATUSES[stage];
  const applicants = (ctx.db
    .prepare(
      `SELECT id, legal_name AS name, section FROM applicants
       WHERE cycle_id = ? AND status IN (${statuses.map(() => '?').join(', ')})
       AND id NOT IN (SELECT applicant_id FROM panel_applicants WHERE stage = ?)
       ORDER BY legal_name, id`,
    )
    .all(cycleId, ...statuses, stage) as { id: string; name: string; section: string }[]);
  const experts = (ctx.db.prepare('SELECT * FROM experts ORDER BY name, id').all() as ExpertDbRow[]).map((row) => {
    const record = expertRecord(row);
    return { id: row.id, name: row.name, specialties: record.specialties, available: record.availability[stage] };
  });
  const t = createTranslator(getSettings(ctx).language);
  const suggestion = suggestAssignment({
    minExperts,
    experts,
    applicants,
    panels: panels.map((p) => ({ id: p.id, name: p.name, memberIds: p.members.map((m) => m.expertId), applicantIds: p.applicants.map((a) => a.applicantId) })),
    conflicts: confirmedConflicts(ctx, cycleId),
    newPanelName: (n) => t('panels.suggest.panelName', { n }),
  });
  return { cycleId, stage, minExperts, ...suggestion };
}
