/** View models for the cycle-wide documents, the certificates and the award dossier. */
import { AppError } from '../../../../shared/api/errors';
import { NOT_AWARDED } from '../../../../shared/api/results';
import { certificateSettingsGaps, type StageId } from '../../../../shared/domain/cycle-settings';
import { itemScoreHundredths } from '../../../../shared/domain/scoring';
import type {
  CertificateModel,
  CommitteeDecision,
  DossierModel,
  EvaluationReportModel,
  PublicNoticeEntry,
  PublicNoticeModel,
  RankingSheetModel,
  ScoreSheetModel,
  SelfAssessmentSection,
} from '../../pdf';
import { roundedHundredths } from '../results/outcome';
import { applicantData, applicantProfile, evaluationModel } from './evaluation';
import { industryText, itemName, stagesOf, tierName, type DocumentSource } from './source';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tier the committee decided, or (before any decision) the one the arithmetic proposes. */
function proposedTier(source: DocumentSource, applicantId: string): string | null {
  const decision = source.decisions.get(applicantId);
  if (decision) return decision.outcome === NOT_AWARDED ? null : decision.outcome;
  return source.outcome.tierOf.get(applicantId) ?? null;
}

export function rankingSheetModel(source: DocumentSource): RankingSheetModel {
  const { outcome } = source;
  const stages = stagesOf(source);
  return {
    awardName: source.awardTitle,
    maxTotal: outcome.data.framework.total,
    stages,
    generatedAt: source.documentDate,
    rows: outcome.ranking.map((ranked) => {
      const data = applicantData(source, ranked.applicantId);
      const result = outcome.resultOf.get(ranked.applicantId)!;
      const tier = proposedTier(source, ranked.applicantId);
      const tie = outcome.tiers?.tiers.find((t) => t.quotaTie?.applicantIds.includes(ranked.applicantId));
      const note = [
        ranked.tiedWith > 1 ? source.t('results.documents.tiedNote', { count: ranked.tiedWith }) : '',
        tie ? source.t('results.documents.quotaTieNote', { tier: tierName(source, tie.tierId) }) : '',
      ].filter(Boolean);
      return {
        rank: ranked.rank,
        applicantName: data.applicant.legalName,
        industry: industryText(source, data.applicant.section, data.applicant.division),
        region: data.applicant.region,
        stageScores: stages.map((stage) => {
          const total = result.stageTotals.find((s) => s.stageId === stage)?.total;
          return total ? roundedHundredths(total) : null;
        }),
        total: roundedHundredths(result.total),
        ...(tier ? { proposedTier: tierName(source, tier) } : {}),
        ...(note.length > 0 ? { note: note.join('；') } : {}),
      };
    }),
  };
}

/** One sheet per panel member, applicant and stage; blank sheets keep the names so they can be handed out. */
export function scoreSheetModels(source: DocumentSource, applicantId: string, options: { stage?: StageId | undefined; blank: boolean }): ScoreSheetModel[] {
  const data = applicantData(source, applicantId);
  const { framework, expertNames } = source.outcome.data;
  const models: ScoreSheetModel[] = [];
  for (const stage of data.stages) {
    if (options.stage !== undefined && stage.stage !== options.stage) continue;
    const rows = options.blank
      ? []
      : (source.ctx.db.prepare('SELECT expert_id, item_id, percent FROM scores WHERE stage = ? AND applicant_id = ?').all(stage.stage, applicantId) as { expert_id: string; item_id: string; percent: number }[]);
    for (const expertId of stage.memberIds) {
      const percentOf = new Map(rows.filter((r) => r.expert_id === expertId).map((r) => [r.item_id, r.percent]));
      const categories = source.index.categories.map((category) => {
        const items = category.itemIds.map((itemId) => {
          const points = source.index.itemById.get(itemId)!.points;
          const percent = percentOf.get(itemId);
          return {
            code: itemId,
            name: itemName(source, itemId),
            maxPoints: points,
            percent: percent ?? null,
            score: percent === undefined ? null : itemScoreHundredths(points, percent),
          };
        });
        const complete = items.every((i) => i.score !== null);
        return {
          code: category.id,
          name: category.names[source.language],
          maxPoints: category.points,
          score: complete ? items.reduce((s, i) => s + i.score!, 0) : null,
          items,
        };
      });
      const complete = categories.every((c) => c.score !== null);
      models.push({
        awardName: source.awardTitle,
        stage: stage.stage,
        expertName: expertNames.get(expertId) ?? expertId,
        applicantName: data.applicant.legalName,
        categories,
        total: complete ? categories.reduce((s, c) => s + c.score!, 0) : null,
        maxTotal: framework.total,
        generatedAt: source.documentDate,
      });
    }
  }
  return models;
}

/** An anonymous form for a cycle without panels yet. */
export function blankScoreSheet(source: DocumentSource, stage: StageId): ScoreSheetModel {
  return {
    awardName: source.awardTitle,
    stage,
    categories: source.index.categories.map((category) => ({
      code: category.id,
      name: category.names[source.language],
      maxPoints: category.points,
      score: null,
      items: category.itemIds.map((itemId) => ({ code: itemId, name: itemName(source, itemId), maxPoints: source.index.itemById.get(itemId)!.points, percent: null, score: null })),
    })),
    total: null,
    maxTotal: source.outcome.data.framework.total,
    generatedAt: source.documentDate,
  };
}

/** Applicants the committee decided to award (or, before any decision, the arithmetic's tiers), in rank order. */
export function awardedApplicants(source: DocumentSource): { applicantId: string; tierId: string }[] {
  return source.outcome.ranking.flatMap((r) => {
    const tier = proposedTier(source, r.applicantId);
    return tier ? [{ applicantId: r.applicantId, tierId: tier }] : [];
  });
}

export function publicNoticeModel(source: DocumentSource): PublicNoticeModel {
  const deadlines = source.outcome.data.cycle.settings.deadlines;
  const from = deadlines.publicNoticeStarts ? `${deadlines.publicNoticeStarts}T00:00:00.000Z` : source.documentDate;
  const to = deadlines.publicNoticeEnds ? `${deadlines.publicNoticeEnds}T00:00:00.000Z` : new Date(Date.parse(from) + 6 * DAY_MS).toISOString();
  const entries: PublicNoticeEntry[] = awardedApplicants(source).map(({ applicantId, tierId }) => {
    const { applicant } = applicantData(source, applicantId);
    const entry: PublicNoticeEntry = { name: applicant.legalName, tierName: tierName(source, tierId) };
    const industry = industryText(source, applicant.section, applicant.division);
    if (industry) entry.industry = industry;
    if (applicant.region) entry.region = applicant.region;
    return entry;
  });
  return { awardName: source.awardTitle, issuer: source.issuer, publishedAt: from, period: { from, to }, entries };
}

/** Certificates exist once the cycle is approved (numbers are given then) and the certificate settings are complete. */
export function requireCertificates(source: DocumentSource): void {
  const { cycle } = source;
  if (source.approval.status !== 'approved') throw new AppError('refused', 'results.print.notApproved', { name: cycle.name });
  const gaps = certificateSettingsGaps(cycle.settings.certificate);
  if (gaps.length > 0) throw new AppError('refused', 'results.print.certificateSettings', { missing: gaps.map((g) => source.t(g.key)).join('；') });
}

export function certificateModel(source: DocumentSource, applicantId: string): CertificateModel | null {
  const certificate = source.certificates.get(applicantId);
  if (!certificate) return null;
  const topTier = source.cycle.settings.tiers[0]?.id;
  return {
    certificateNo: certificate.certificateNo,
    recipientName: source.applicantName(applicantId),
    awardName: source.awardTitle,
    ...(certificate.outcome === topTier ? {} : { tierName: tierName(source, certificate.outcome) }),
    issuer: source.cycle.settings.certificate.issuingAuthority || source.issuer,
    issuedAt: certificate.issuedAt,
    ...(source.seal ? { seal: source.seal } : {}),
  };
}

/** Certificate numbers in their own order (rank order at approval). */
export function certificateApplicants(source: DocumentSource): string[] {
  return [...source.certificates.values()].sort((a, b) => a.seq - b.seq).map((c) => c.applicantId);
}

function selfAssessment(source: DocumentSource, applicantId: string): SelfAssessmentSection[] {
  const profile = (source.ctx.db.prepare('SELECT profile FROM applications WHERE applicant_id = ?').get(applicantId) as { profile: string } | undefined)?.profile ?? '';
  const narratives = new Map(
    (source.ctx.db.prepare('SELECT item_id, narrative FROM application_items WHERE applicant_id = ?').all(applicantId) as { item_id: string; narrative: string }[]).map((r) => [r.item_id, r.narrative]),
  );
  const sections: SelfAssessmentSection[] = [];
  if (profile.trim()) sections.push({ title: source.t('documents.profile.summary'), body: profile.trim() });
  for (const item of source.index.items) {
    const body = narratives.get(item.id)?.trim();
    if (body) sections.push({ code: item.id, title: item.names[source.language], body });
  }
  return sections;
}

/** Everything on one applicant: profile, self-assessment, each stage's evaluation, the decision and the certificate. */
export function dossierModel(source: DocumentSource, applicantId: string): DossierModel | null {
  const decision = source.decisions.get(applicantId);
  if (!decision) return null;
  const data = applicantData(source, applicantId);
  const evaluations = data.stages.map((s) => evaluationModel(source, applicantId, s.stage)).filter((m): m is EvaluationReportModel => m !== null);
  const awarded = decision.outcome !== NOT_AWARDED;
  const committee: CommitteeDecision = {
    meetingDate: decision.meetingDate,
    outcome: awarded ? 'awarded' : 'notAwarded',
    ...(awarded ? { tierName: tierName(source, decision.outcome) } : {}),
    votesFor: decision.votes.for,
    votesAgainst: decision.votes.against,
    abstentions: decision.votes.abstain,
    resolution:
      decision.note ||
      source.t(awarded ? 'results.documents.resolutionAwarded' : 'results.documents.resolutionNotAwarded', {
        applicant: data.applicant.legalName,
        tier: awarded ? tierName(source, decision.outcome) : '',
        award: source.awardTitle,
      }),
  };
  const certificate = awarded ? certificateModel(source, applicantId) : null;
  return {
    awardName: source.awardTitle,
    applicant: applicantProfile(source, data),
    selfAssessment: selfAssessment(source, applicantId),
    evaluations,
    decision: committee,
    ...(certificate ? { certificate } : {}),
    generatedAt: source.documentDate,
  };
}
