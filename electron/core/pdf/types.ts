/**
 * View models: plain, serialisable data each document is a pure function of. The engine never
 * reads the database; callers translate domain names (criteria items, tiers) before passing them.
 */

/**
 * Bound to the `documents` i18n namespace in the document's language, e.g.
 * `i18n.getFixedT(lang, 'documents')`. PDFs are not HTML: interpolation must not escape
 * (i18next `interpolation: { escapeValue: false }`), or "A&B" would print as "A&amp;B".
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface RenderOptions {
  t: Translate;
  /**
   * Directory with the TTFs by base name (packaged app: `join(process.resourcesPath, 'fonts')`);
   * faces missing there come from the @expo-google-fonts npm packages.
   */
  fontsDir?: string;
}

/** ISO 8601 date or date-time; read in UTC so the output never depends on the machine's zone. */
export type IsoDate = string;

/** Score in hundredths of a point (525 = 5.25 points): item points × percent, exact. */
export type Hundredths = number;

export type StageKey = 'documentReview' | 'presentation' | 'siteVisit' | 'final';

export interface ApplicantProfile {
  /** Full legal name. */
  name: string;
  creditCode?: string;
  industry?: string;
  region?: string;
  address?: string;
  legalRepresentative?: string;
  foundedYear?: number;
  employees?: number;
  contactName?: string;
  contactPhone?: string;
  /** Short organisational profile (组织概述); paragraphs separated by blank lines. */
  summary?: string;
}

export interface PanelMember {
  name: string;
  role: 'leader' | 'member';
  affiliation?: string;
}

export interface ScoredItem {
  code: string;
  name: string;
  maxPoints: number;
  /** 0..100 in steps of 5. */
  percent: number;
  score: Hundredths;
  strengths: string[];
  opportunities: string[];
}

export interface ScoredCategory {
  code: string;
  name: string;
  maxPoints: number;
  score: Hundredths;
  items: ScoredItem[];
}

export interface KeyThemes {
  strengths: string[];
  opportunities: string[];
}

export interface EvaluationReportModel {
  /** e.g. 2026年度××市市长质量奖 */
  awardName: string;
  stage: StageKey;
  reportNo?: string;
  applicant: ApplicantProfile;
  panel: PanelMember[];
  categories: ScoredCategory[];
  totalScore: Hundredths;
  /** Points available in total (1000 for GB/T 19580). */
  maxTotal: number;
  keyThemes: KeyThemes;
  generatedAt: IsoDate;
}

export interface FeedbackItem {
  code: string;
  name: string;
  /** 0..100; shown only as its scoring band (e.g. 50–65%), never as points. */
  percent: number;
  strengths: string[];
  opportunities: string[];
}

export interface FeedbackReportModel {
  awardName: string;
  issuer: string;
  applicantName: string;
  categories: { code: string; name: string; items: FeedbackItem[] }[];
  keyThemes: KeyThemes;
  generatedAt: IsoDate;
}

export interface RankingRow {
  rank: number;
  applicantName: string;
  industry?: string;
  region?: string;
  /** One per `RankingSheetModel.stages` entry; null when that stage has no score. */
  stageScores: (Hundredths | null)[];
  total: Hundredths;
  proposedTier?: string;
  note?: string;
}

export interface RankingSheetModel {
  awardName: string;
  maxTotal: number;
  stages: StageKey[];
  rows: RankingRow[];
  generatedAt: IsoDate;
}

export interface ScoreSheetItem {
  code: string;
  name: string;
  maxPoints: number;
  /** null on a blank sheet. */
  percent: number | null;
  score: Hundredths | null;
  note?: string;
}

export interface ScoreSheetModel {
  awardName: string;
  stage: StageKey;
  /** Omitted on a blank sheet to be filled in by hand. */
  expertName?: string;
  applicantName?: string;
  categories: { code: string; name: string; maxPoints: number; score: Hundredths | null; items: ScoreSheetItem[] }[];
  total: Hundredths | null;
  maxTotal: number;
  generatedAt: IsoDate;
}

export interface PublicNoticeEntry {
  name: string;
  tierName?: string;
  industry?: string;
  region?: string;
}

export interface PublicNoticeModel {
  awardName: string;
  issuer: string;
  publishedAt: IsoDate;
  period: { from: IsoDate; to: IsoDate };
  contact?: { phone?: string; email?: string; address?: string };
  entries: PublicNoticeEntry[];
}

export interface CertificateModel {
  certificateNo: string;
  /** Full legal name; long names shrink or wrap to fit. */
  recipientName: string;
  /** e.g. 2026年度××市市长质量奖 */
  awardName: string;
  /** e.g. 提名奖; omitted for the award itself. */
  tierName?: string;
  /** e.g. ××市人民政府 */
  issuer: string;
  issuedAt: IsoDate;
  /** PNG (transparency kept) drawn over the issuer and date. */
  seal?: Uint8Array;
}

export interface SelfAssessmentSection {
  code?: string;
  title: string;
  /** Paragraphs separated by newlines. */
  body: string;
}

export interface CommitteeDecision {
  meetingDate: IsoDate;
  outcome: 'awarded' | 'notAwarded';
  tierName?: string;
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  resolution: string;
}

export interface DossierModel {
  awardName: string;
  applicant: ApplicantProfile;
  applicationNo?: string;
  submittedAt?: IsoDate;
  selfAssessment: SelfAssessmentSection[];
  /** One per stage, in the order they happened. */
  evaluations: EvaluationReportModel[];
  decision: CommitteeDecision;
  certificate?: CertificateModel;
  generatedAt: IsoDate;
}
