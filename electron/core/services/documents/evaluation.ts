/**
 * Evaluation and feedback reports from the workspace: the stage's panel figures from the engine, the
 * panel's agreed comments (the experts' own when the cycle averages instead of agreeing) and the
 * applicant's profile.
 */
import { AppError } from '../../../../shared/api/errors';
import { applicantSchema } from '../../../../shared/domain/applicant';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { computeApplicantResult, compare, isInteger, toNumber, type ApplicantResult, type Rational } from '../../../../shared/domain/scoring';
import type { ApplicantProfile, EvaluationReportModel, FeedbackReportModel, KeyThemes, PanelMember, ScoredCategory, StageKey } from '../../pdf';
import type { ApplicantData, StageData } from '../results/cycle-data';
import { roundedHundredths } from '../results/outcome';
import { industryText, itemName, positionOf, type DocumentSource } from './source';

const STAGE_CODES: Record<StageKey, string> = { documentReview: 'ZL', presentation: 'DB', siteVisit: 'XC', final: 'ZH' };

export function applicantData(source: DocumentSource, applicantId: string): ApplicantData {
  const data = source.outcome.data.applicants.find((a) => a.applicant.id === applicantId);
  if (!data) throw new AppError('notFound', 'applicants.error.notFound', { id: applicantId });
  return data;
}

export function applicantProfile(source: DocumentSource, data: ApplicantData): ApplicantProfile {
  const { applicant } = data;
  const parsed = applicant.record === 'null' ? null : applicantSchema.safeParse(JSON.parse(applicant.record));
  const record = parsed?.success ? parsed.data : null;
  const summary = (source.ctx.db.prepare('SELECT profile FROM applications WHERE applicant_id = ?').get(applicant.id) as { profile: string } | undefined)?.profile ?? '';
  const contact = record?.contacts[0];
  const profile: ApplicantProfile = { name: applicant.legalName };
  if (applicant.creditCode) profile.creditCode = applicant.creditCode;
  const industry = industryText(source, applicant.section, applicant.division);
  if (industry) profile.industry = industry;
  if (applicant.region) profile.region = applicant.region;
  if (record) {
    profile.foundedYear = Number(record.registrationDate.slice(0, 4));
    profile.employees = record.employees;
  }
  if (contact) {
    profile.contactName = contact.name;
    profile.contactPhone = contact.phone;
  }
  if (summary.trim()) profile.summary = summary.trim();
  return profile;
}

function panelMembers(source: DocumentSource, stage: StageData): PanelMember[] {
  const { expertNames, expertOrganisations } = source.outcome.data;
  const leader = stage.panelId
    ? (source.ctx.db.prepare('SELECT leader_expert_id FROM panels WHERE id = ?').get(stage.panelId) as { leader_expert_id: string | null } | undefined)?.leader_expert_id
    : null;
  const ordered = [...stage.memberIds].sort((a, b) => (a === leader ? -1 : b === leader ? 1 : 0));
  return ordered.map((id) => {
    const member: PanelMember = { name: expertNames.get(id) ?? id, role: id === leader ? 'leader' : 'member' };
    const affiliation = expertOrganisations.get(id);
    if (affiliation) member.affiliation = affiliation;
    return member;
  });
}

export interface ItemFindings {
  strengths: string[];
  opportunities: string[];
}

/** The panel's final comments per item; without consensus, every submitted expert's own (duplicates once). */
export function stageFindings(source: DocumentSource, applicantId: string, stage: StageData): Map<string, ItemFindings> {
  const findings = new Map<string, ItemFindings>();
  const add = (itemId: string, kind: string, text: string) => {
    let entry = findings.get(itemId);
    if (!entry) findings.set(itemId, (entry = { strengths: [], opportunities: [] }));
    const list = kind === 'strength' ? entry.strengths : entry.opportunities;
    if (!list.includes(text)) list.push(text);
  };
  const agreed = source.ctx.db
    .prepare('SELECT item_id, kind, text FROM consensus_comments WHERE stage = ? AND applicant_id = ? ORDER BY item_id, kind, position')
    .all(stage.stage, applicantId) as { item_id: string; kind: string; text: string }[];
  if (agreed.length > 0) {
    for (const row of agreed) add(row.item_id, row.kind, row.text);
    return findings;
  }
  const own = source.ctx.db
    .prepare('SELECT expert_id, item_id, kind, text FROM score_comments WHERE stage = ? AND applicant_id = ? ORDER BY item_id, kind, expert_id, position')
    .all(stage.stage, applicantId) as { expert_id: string; item_id: string; kind: string; text: string }[];
  for (const row of own) if (stage.submitted.includes(row.expert_id)) add(row.item_id, row.kind, row.text);
  return findings;
}

/** The engine's figures for one stage alone, or (final) the stage-weighted result. */
export function stageResult(source: DocumentSource, data: ApplicantData, stage: StageKey): ApplicantResult | null {
  if (stage === 'final') return source.outcome.resultOf.get(data.applicant.id) ?? null;
  const stageData = data.stages.find((s) => s.stage === stage);
  if (!stageData?.complete) return null;
  const { aggregation, minExperts } = source.outcome.data.rules;
  const scores = stageData.consensus ? { stageId: stage, expertScores: stageData.expertScores, consensus: stageData.consensus } : { stageId: stage, expertScores: stageData.expertScores };
  return computeApplicantResult(source.outcome.data.framework, { applicantId: data.applicant.id, stages: [scores] }, { aggregation, ...(minExperts === undefined ? {} : { minExperts }) });
}

/** A percent for print: exact integers stay, fractions (means) show two decimals. */
const printedPercent = (percent: Rational) => (isInteger(percent) ? percent.num : Math.round(toNumber(percent) * 100) / 100);

function keyThemes(source: DocumentSource, data: ApplicantData, stage: StageId | null, result: ApplicantResult, findings: Map<string, ItemFindings>): KeyThemes {
  const recorded = stage
    ? (source.ctx.db.prepare('SELECT themes FROM consensus_themes WHERE stage = ? AND applicant_id = ?').get(stage, data.applicant.id) as { themes: string } | undefined)
    : undefined;
  // Strongest items give the key strengths, weakest the key opportunities (framework order breaks ties).
  const byPercent = [...result.items].sort((a, b) => compare(b.percent, a.percent));
  const firstOf = (items: typeof byPercent, kind: keyof ItemFindings) =>
    items.flatMap((item) => (findings.get(item.itemId)?.[kind] ?? []).slice(0, 1)).slice(0, 3);
  return {
    strengths: recorded ? (JSON.parse(recorded.themes) as string[]) : firstOf(byPercent, 'strengths'),
    opportunities: firstOf([...byPercent].reverse(), 'opportunities'),
  };
}

export function scoredCategories(source: DocumentSource, result: ApplicantResult, findings: Map<string, ItemFindings>): ScoredCategory[] {
  return result.categories.map((category) => {
    const info = source.index.categories.find((c) => c.id === category.categoryId)!;
    return {
      code: category.categoryId,
      name: info.names[source.language],
      maxPoints: category.points,
      score: roundedHundredths(category.score),
      items: category.itemIds.map((itemId) => {
        const item = result.items.find((i) => i.itemId === itemId)!;
        const found = findings.get(itemId);
        return {
          code: itemId,
          name: itemName(source, itemId),
          maxPoints: item.points,
          percent: printedPercent(item.percent),
          score: roundedHundredths(item.score),
          strengths: found?.strengths ?? [],
          opportunities: found?.opportunities ?? [],
        };
      }),
    };
  });
}

/** Final: every stage's findings together (the latest stage first). */
function findingsFor(source: DocumentSource, data: ApplicantData, stage: StageKey): Map<string, ItemFindings> {
  const stages = stage === 'final' ? [...data.stages].filter((s) => s.complete).reverse() : data.stages.filter((s) => s.stage === stage);
  const merged = new Map<string, ItemFindings>();
  for (const s of stages) {
    for (const [itemId, found] of stageFindings(source, data.applicant.id, s)) {
      const entry = merged.get(itemId) ?? { strengths: [], opportunities: [] };
      entry.strengths.push(...found.strengths.filter((x) => !entry.strengths.includes(x)));
      entry.opportunities.push(...found.opportunities.filter((x) => !entry.opportunities.includes(x)));
      merged.set(itemId, entry);
    }
  }
  return merged;
}

export function evaluationModel(source: DocumentSource, applicantId: string, stage: StageKey): EvaluationReportModel | null {
  const data = applicantData(source, applicantId);
  const result = stageResult(source, data, stage);
  if (!result) return null;
  const findings = findingsFor(source, data, stage);
  const panelStage = stage === 'final' ? data.stages.filter((s) => s.complete).at(-1) : data.stages.find((s) => s.stage === stage);
  const { cycle } = source.outcome.data;
  return {
    awardName: source.awardTitle,
    stage,
    reportNo: `${cycle.year}-${STAGE_CODES[stage]}-${String(positionOf(source, applicantId)).padStart(3, '0')}`,
    applicant: applicantProfile(source, data),
    panel: panelStage ? panelMembers(source, panelStage) : [],
    categories: scoredCategories(source, result, findings),
    totalScore: roundedHundredths(result.total),
    maxTotal: result.maxPoints,
    keyThemes: keyThemes(source, data, stage === 'final' ? (panelStage?.stage ?? null) : stage, result, findings),
    generatedAt: source.documentDate,
  };
}

/** Nearest percent on the framework's step, for a scoring band (a mean of 55 and 60 is reported in 50–65 %). */
function bandPercent(percent: Rational, step: number): number {
  const value = toNumber(percent);
  return Math.min(100, Math.max(0, Math.round(value / step) * step));
}

/** Bands, never points: the feedback the applicant receives (反馈报告). */
export function feedbackModel(source: DocumentSource, applicantId: string, stage: StageKey): FeedbackReportModel | null {
  const data = applicantData(source, applicantId);
  const result = stageResult(source, data, stage);
  if (!result) return null;
  const findings = findingsFor(source, data, stage);
  const step = source.outcome.data.framework.scale.step;
  const panelStage = stage === 'final' ? data.stages.filter((s) => s.complete).at(-1) : data.stages.find((s) => s.stage === stage);
  return {
    awardName: source.awardTitle,
    issuer: source.issuer,
    applicantName: data.applicant.legalName,
    categories: result.categories.map((category) => ({
      code: category.categoryId,
      name: source.index.categories.find((c) => c.id === category.categoryId)!.names[source.language],
      items: category.itemIds.map((itemId) => {
        const item = result.items.find((i) => i.itemId === itemId)!;
        const found = findings.get(itemId);
        return { code: itemId, name: itemName(source, itemId), percent: bandPercent(item.percent, step), strengths: found?.strengths ?? [], opportunities: found?.opportunities ?? [] };
      }),
    })),
    keyThemes: keyThemes(source, data, panelStage?.stage ?? null, result, findings),
    generatedAt: source.documentDate,
  };
}
