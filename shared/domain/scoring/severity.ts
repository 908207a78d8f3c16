import { AppError } from '../../api/errors';
import { indexFramework, type Framework } from '../frameworks';
import { combineExpertPercents } from './aggregate';
import { populationStandardDeviation } from './disagreement';
import { add, divideInt, integer, subtract, ZERO, type Rational } from './rational';
import { resolveScoringRules, type ResolvedScoringRules } from './rules';
import type { AggregationKind, ApplicantScores, CycleScoringRules, ExpertPercent } from './types';

export interface ExpertSeverity {
  expertId: string;
  /** How many (applicant, stage, item) scores the figure rests on. */
  count: number;
  /** Σ (expert percent − panel percent), exact. */
  totalDeviation: Rational;
  /**
   * Mean signed deviation from the panel, in percent points, exact. Positive: the expert scores
   * above the panel (lenient); negative: below it (severe).
   */
  meanDeviation: Rational;
  /** The expert's own mean and spread of raw percents (used by the normalised view). */
  mean: number;
  standardDeviation: number;
}

/** One raw percent and its normalised counterpart, side by side; the raw one stays the score. */
export interface NormalisedScore {
  applicantId: string;
  stageId: string;
  itemId: string;
  expertId: string;
  raw: number;
  /** panel mean + panel SD × z, where z = (raw − expert mean) / expert SD (z = 0 when SD = 0). */
  normalised: number;
}

export interface SeverityReport {
  /** What "the panel" meant: the agreed consensus, or the cycle's aggregate. */
  basis: AggregationKind;
  experts: readonly ExpertSeverity[];
  /** Item scores left out because no panel percent could be formed (e.g. consensus not yet agreed). */
  skipped: number;
  panelMean: number;
  panelStandardDeviation: number;
  /** Present only when asked for; never replaces the raw scores. */
  normalised?: readonly NormalisedScore[];
}

interface Observation {
  applicantId: string;
  stageId: string;
  itemId: string;
  expertId: string;
  percent: number;
}

/**
 * Each expert's mean signed deviation from the panel result over every item they scored, across
 * all applicants and stages given. The panel result is the consensus under 'consensus' and the
 * cycle's aggregate otherwise (the expert's own score included, as in the published result).
 */
export function raterSeverity(
  framework: Framework,
  applicants: readonly ApplicantScores[],
  rules: CycleScoringRules | ResolvedScoringRules,
  options: { normalise?: boolean } = {},
): SeverityReport {
  const resolved = resolveScoringRules(rules);
  const index = indexFramework(framework);
  const deviations = new Map<string, { total: Rational; count: number }>();
  const observations: Observation[] = [];
  let skipped = 0;

  for (const applicant of applicants) {
    for (const stage of applicant.stages) {
      const byItem = new Map<string, ExpertPercent[]>();
      for (const entry of stage.expertScores) {
        let list = byItem.get(entry.itemId);
        if (!list) byItem.set(entry.itemId, (list = []));
        list.push({ expertId: entry.expertId, percent: entry.percent });
        observations.push({
          applicantId: applicant.applicantId,
          stageId: stage.stageId,
          itemId: entry.itemId,
          expertId: entry.expertId,
          percent: entry.percent,
        });
      }
      for (const item of index.items) {
        const experts = byItem.get(item.id);
        if (!experts || experts.length === 0) continue;
        let panel: Rational;
        try {
          panel = combineExpertPercents(experts, resolved.aggregation, {
            consensus: stage.consensus?.[item.id],
            minExperts: resolved.minExperts,
            context: { itemId: item.id, applicantId: applicant.applicantId, stageId: stage.stageId },
          }).percent;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          skipped += experts.length;
          continue;
        }
        for (const expert of experts) {
          const current = deviations.get(expert.expertId) ?? { total: ZERO, count: 0 };
          deviations.set(expert.expertId, {
            total: add(current.total, subtract(integer(expert.percent), panel)),
            count: current.count + 1,
          });
        }
      }
    }
  }

  const panelValues = observations.map((o) => o.percent);
  const panelMean = panelValues.length === 0 ? 0 : panelValues.reduce((s, v) => s + v, 0) / panelValues.length;
  const panelStandardDeviation = populationStandardDeviation(panelValues);
  const ownValues = new Map<string, number[]>();
  for (const o of observations) {
    let list = ownValues.get(o.expertId);
    if (!list) ownValues.set(o.expertId, (list = []));
    list.push(o.percent);
  }
  const ownStats = new Map(
    [...ownValues].map(([expertId, values]) => [
      expertId,
      { mean: values.reduce((s, v) => s + v, 0) / values.length, standardDeviation: populationStandardDeviation(values) },
    ]),
  );

  const experts: ExpertSeverity[] = [...deviations]
    .map(([expertId, { total, count }]) => ({
      expertId,
      count,
      totalDeviation: total,
      meanDeviation: divideInt(total, count),
      mean: ownStats.get(expertId)!.mean,
      standardDeviation: ownStats.get(expertId)!.standardDeviation,
    }))
    .sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));

  const report: SeverityReport = {
    basis: resolved.aggregation.kind,
    experts,
    skipped,
    panelMean,
    panelStandardDeviation,
  };
  if (options.normalise) {
    report.normalised = observations.map((o) => {
      const own = ownStats.get(o.expertId)!;
      const z = own.standardDeviation === 0 ? 0 : (o.percent - own.mean) / own.standardDeviation;
      return {
        applicantId: o.applicantId,
        stageId: o.stageId,
        itemId: o.itemId,
        expertId: o.expertId,
        raw: o.percent,
        normalised: panelMean + panelStandardDeviation * z,
      };
    });
  }
  return report;
}
