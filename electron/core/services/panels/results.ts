/**
 * An applicant's stage totals and the stage-weighted combined total, computed by the scoring engine
 * from submitted sheets and recorded consensus, with the engine's explanations.
 */
import type { Message } from '../../../../shared/api/errors';
import type { ApplicantResultView } from '../../../../shared/api/scoring-sessions';
import { minimumExperts, stagesInUse, type Aggregation, type StageId } from '../../../../shared/domain/cycle-settings';
import { scoredItems } from '../../../../shared/domain/frameworks';
import { computeApplicantResult, explainTotal, type AggregationMethod, type StageScores } from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { cycleContext } from '../cycles';
import { expertRow } from './experts';
import { agreedPercents, exactPoints, submittedScores } from './consensus';
import { panelMemberIds, panelRow } from './panels';

export function engineMethod(aggregation: Aggregation): AggregationMethod {
  return aggregation.method === 'trimmedMean' ? { kind: 'trimmedMean', trim: aggregation.trim } : { kind: aggregation.method };
}

export function applicantResults(ctx: CoreContext, applicantId: string): ApplicantResultView {
  const applicant = applicantRow(ctx, applicantId);
  const { cycle, framework } = cycleContext(ctx, applicant.cycle_id);
  const { settings } = cycle;
  const aggregation = engineMethod(settings.aggregation);
  const minExperts = minimumExperts(settings.aggregation);
  const stages = stagesInUse(settings.stages).map((stage) => ({ stage, weightPercent: settings.stages[stage] ?? 0 }));

  const complete: StageScores[] = [];
  const views = stages.map(({ stage, weightPercent }): ApplicantResultView['stages'][number] => {
    const missing: Message[] = [];
    const link = ctx.db.prepare('SELECT panel_id FROM panel_applicants WHERE applicant_id = ? AND stage = ?').get(applicantId, stage) as { panel_id: string } | undefined;
    if (!link) {
      missing.push({ key: 'panels.results.noPanel', params: { stage } });
      return { stage, weightPercent, complete: false, missing, total: null, explanation: null };
    }
    const context = { panel: panelRow(ctx, link.panel_id), memberIds: panelMemberIds(ctx, link.panel_id), applicant };
    const { submitted, expertScores } = submittedScores(ctx, context);
    const pending = context.memberIds.filter((id) => !submitted.includes(id));
    if (pending.length > 0) missing.push({ key: 'panels.results.notSubmitted', params: { experts: pending.map((id) => expertRow(ctx, id).name).join('、') } });
    let consensus: Record<string, number> | undefined;
    if (aggregation.kind === 'consensus') {
      consensus = agreedPercents(ctx, stage, applicantId);
      const open = scoredItems(framework).filter((item) => consensus![item.id] === undefined).length;
      if (open > 0) missing.push({ key: 'panels.results.consensusMissing', params: { items: open } });
    } else if (submitted.length < minExperts) {
      missing.push({ key: 'panels.results.tooFewExperts', params: { count: submitted.length, minimum: minExperts } });
    }
    if (missing.length > 0) return { stage, weightPercent, complete: false, missing, total: null, explanation: null };
    const scores: StageScores = consensus ? { stageId: stage, expertScores, consensus } : { stageId: stage, expertScores };
    complete.push(scores);
    const result = computeApplicantResult(framework, { applicantId, stages: [scores] }, { aggregation, minExperts });
    return { stage, weightPercent, complete: true, missing, total: exactPoints(result.total), explanation: explainTotal(result) };
  });

  const ready = views.every((v) => v.complete || v.weightPercent === 0) && complete.length > 0;
  const combined = ready
    ? computeApplicantResult(framework, { applicantId, stages: complete }, {
        aggregation,
        minExperts,
        stageWeights: stages.map((s): { stageId: StageId; weightPercent: number } => ({ stageId: s.stage, weightPercent: s.weightPercent })),
      })
    : null;
  return {
    applicantId,
    cycleId: applicant.cycle_id,
    method: aggregation.kind,
    stages: views,
    combined: combined ? { total: exactPoints(combined.total), explanation: explainTotal(combined) } : null,
  };
}
