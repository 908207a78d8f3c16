/** `results.severity`: each expert's mean deviation from the panel (lenient > 0, severe < 0), for the office. */
import type { SeverityView } from '../../../../shared/api/results';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { explainSeverity, formatPercent, raterSeverity, type ApplicantScores } from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { loadCycleData } from './cycle-data';

export function cycleSeverity(ctx: CoreContext, cycleId: string, stage?: StageId): SeverityView {
  const data = loadCycleData(ctx, cycleId);
  // Submitted sheets of every applicant (complete or not): an item without a panel figure is skipped by the engine.
  const applicants: ApplicantScores[] = data.applicants.map((a) => ({
    applicantId: a.applicant.id,
    stages: a.stages
      .filter((s) => s.expertScores.length > 0 && (stage === undefined || s.stage === stage))
      .map((s) => (s.consensus ? { stageId: s.stage, expertScores: s.expertScores, consensus: s.consensus } : { stageId: s.stage, expertScores: s.expertScores })),
  }));
  const report = raterSeverity(data.framework, applicants, data.rules);
  return {
    cycleId,
    stage: stage ?? null,
    basis: report.basis,
    experts: report.experts.map((e) => ({
      expertId: e.expertId,
      name: data.expertNames.get(e.expertId) ?? e.expertId,
      count: e.count,
      meanDeviation: { num: e.meanDeviation.num, den: e.meanDeviation.den, text: formatPercent(e.meanDeviation) },
      mean: e.mean,
      standardDeviation: e.standardDeviation,
      explanation: explainSeverity(e, report.basis),
    })),
    skipped: report.skipped,
    panelMean: report.panelMean,
    panelStandardDeviation: report.panelStandardDeviation,
  };
}
