/**
 * What every document of a cycle is built from, read once per print: the results, the committee's
 * decisions, certificate numbers, names in the document's language and the document date. Dates come
 * from the data (approval, or the latest recorded step), never from the wall clock, so the same
 * workspace always prints the same bytes.
 */
import type { Decision } from '../../../../shared/api/results';
import { tierDisplayName, type StageId, type Tier } from '../../../../shared/domain/cycle-settings';
import { divisionName, sectionName } from '../../../../shared/domain/industries';
import { indexFramework, type FrameworkIndex } from '../../../../shared/domain/frameworks';
import type { Language } from '../../../../shared/i18n/languages';
import type { CoreContext } from '../../context';
import { createTranslator, type Translate } from '../../i18n';
import { approvalState, certificatesOf, decisionsByApplicant, type ApprovalState, type CertificateRow } from '../results/decisions';
import { cycleOutcome, type CycleOutcomeData } from '../results/outcome';
import type { ApplicantData } from '../results/cycle-data';
import { getCycle } from '../cycles';
import { readCycleSeal } from '../cycle-seal';
import type { CycleDetail } from '../../../../shared/api/cycles';

export interface DocumentSource {
  ctx: CoreContext;
  language: Language;
  /** The whole app namespace tree (results.*, documents.*, applicants.*). */
  t: Translate;
  /** Bound to `documents.` for the PDF engine. */
  documentsT: Translate;
  cycle: CycleDetail;
  /** Legal name of an applicant of the cycle, without reading any scores. */
  applicantName(applicantId: string): string;
  /** Results, framework index and ranking order are worked out on first use: certificates never need them. */
  readonly outcome: CycleOutcomeData;
  readonly index: FrameworkIndex;
  decisions: Map<string, Decision>;
  certificates: Map<string, CertificateRow>;
  approval: ApprovalState;
  /** e.g. 2026年度××市市长质量奖. */
  awardTitle: string;
  /** 颁发机关 or, when not set, the award office. */
  issuer: string;
  /** ISO date-time every document of this print carries. */
  documentDate: string;
  /** Ranking order (ranked first, then unranked by name): file numbering follows it. */
  readonly order: ApplicantData[];
  /** The office's seal (PNG with transparency) stamped on certificates, when one was supplied. */
  seal?: Uint8Array;
}

export interface SourceOptions {
  /** Overrides the seal stored with the cycle (the CLI's --seal). */
  seal?: Uint8Array;
}

const latest = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v).sort().at(-1) ?? null;

/** Approval time when approved; otherwise the latest step recorded for the cycle's results. */
function documentDate(ctx: CoreContext, cycleId: string, approval: ApprovalState, fallback: string): string {
  if (approval.approvedAt) return approval.approvedAt;
  const one = (sql: string) => (ctx.db.prepare(sql).get(cycleId) as { at: string | null } | undefined)?.at ?? null;
  return (
    latest([
      one('SELECT max(d.decided_at) AS at FROM decisions d WHERE d.cycle_id = ?'),
      one('SELECT max(c.decided_at) AS at FROM consensus_items c JOIN applicants a ON a.id = c.applicant_id WHERE a.cycle_id = ?'),
      one('SELECT max(s.submitted_at) AS at FROM score_submissions s JOIN applicants a ON a.id = s.applicant_id WHERE a.cycle_id = ?'),
    ]) ?? fallback
  );
}

export function loadDocumentSource(ctx: CoreContext, cycleId: string, language: Language, options: SourceOptions = {}): DocumentSource {
  const t = createTranslator(language);
  const cycle = getCycle(ctx, cycleId);
  const names = new Map(
    (ctx.db.prepare('SELECT id, legal_name FROM applicants WHERE cycle_id = ?').all(cycleId) as { id: string; legal_name: string }[]).map((r) => [r.id, r.legal_name]),
  );
  const approval = approvalState(ctx, cycleId);
  const certificate = cycle.settings.certificate;
  const seal = options.seal ?? readCycleSeal(ctx, cycleId);
  let outcome: CycleOutcomeData | undefined;
  let index: FrameworkIndex | undefined;
  let order: ApplicantData[] | undefined;
  return {
    ctx,
    language,
    t,
    documentsT: (key, params) => t(`documents.${key}`, params),
    cycle,
    applicantName: (id) => names.get(id) ?? id,
    get outcome() {
      return (outcome ??= cycleOutcome(ctx, cycleId));
    },
    get index() {
      return (index ??= indexFramework(this.outcome.data.framework));
    },
    get order() {
      if (!order) {
        const { ranking, rankOf, data } = this.outcome;
        const ranked = ranking.map((r) => data.applicants.find((a) => a.applicant.id === r.applicantId)!);
        order = [...ranked, ...data.applicants.filter((a) => !rankOf.has(a.applicant.id))];
      }
      return order;
    },
    decisions: decisionsByApplicant(ctx, cycleId),
    certificates: certificatesOf(ctx, cycleId),
    approval,
    awardTitle: certificate.awardName ? t('results.documents.awardTitle', { year: cycle.year, award: certificate.awardName }) : cycle.name,
    issuer: certificate.issuingAuthority || t('results.documents.defaultIssuer'),
    documentDate: documentDate(ctx, cycleId, approval, cycle.updatedAt),
    ...(seal ? { seal } : {}),
  };
}

export function tierName(source: DocumentSource, tierId: string): string {
  const tier: Tier | undefined = source.cycle.settings.tiers.find((t) => t.id === tierId);
  return tier ? tierDisplayName(tier, source.language, (key) => source.t(key)) : tierId;
}

/** C34 通用设备制造业 */
export function industryText(source: DocumentSource, section: string, division: string): string {
  if (!section) return '';
  const name = (division && divisionName(division, source.language)) || sectionName(section, source.language) || '';
  return `${section}${division} ${name}`.trim();
}

export function itemName(source: DocumentSource, itemId: string): string {
  return source.index.itemById.get(itemId)?.names[source.language] ?? itemId;
}

export function stagesOf(source: DocumentSource): StageId[] {
  return source.outcome.data.stages.map((s) => s.stage);
}

/** 1-based position in the ranking order, for file names and report numbers. */
export function positionOf(source: DocumentSource, applicantId: string): number {
  return source.order.findIndex((a) => a.applicant.id === applicantId) + 1;
}
