import { finishToBuffer, finishToFile, type PdfContext } from './pdf-context';
import { buildCertificates } from './documents/certificate';
import { buildDossier } from './documents/dossier';
import { buildEvaluationReports } from './documents/evaluation-report';
import { buildFeedbackReports } from './documents/feedback-report';
import { buildPublicNotice } from './documents/public-notice';
import { buildRankingSheet } from './documents/ranking-sheet';
import { buildScoreSheets } from './documents/score-sheet';
import type {
  CertificateModel,
  DossierModel,
  EvaluationReportModel,
  FeedbackReportModel,
  PublicNoticeModel,
  RankingSheetModel,
  RenderOptions,
  ScoreSheetModel,
} from './types';

/** Any document as plain data, e.g. straight from an IPC call or a job queue. */
export type DocumentRequest =
  | { kind: 'evaluationReport'; model: EvaluationReportModel }
  | { kind: 'evaluationReports'; models: EvaluationReportModel[] }
  | { kind: 'feedbackReport'; model: FeedbackReportModel }
  | { kind: 'feedbackReports'; models: FeedbackReportModel[] }
  | { kind: 'rankingSheet'; model: RankingSheetModel }
  | { kind: 'scoreSheets'; models: ScoreSheetModel[] }
  | { kind: 'publicNotice'; model: PublicNoticeModel }
  | { kind: 'certificate'; model: CertificateModel }
  | { kind: 'certificates'; models: CertificateModel[] }
  | { kind: 'dossier'; model: DossierModel };

export type DocumentKind = DocumentRequest['kind'];

function build(request: DocumentRequest, options: RenderOptions): PdfContext {
  switch (request.kind) {
    case 'evaluationReport':
      return buildEvaluationReports([request.model], options);
    case 'evaluationReports':
      return buildEvaluationReports(request.models, options);
    case 'feedbackReport':
      return buildFeedbackReports([request.model], options);
    case 'feedbackReports':
      return buildFeedbackReports(request.models, options);
    case 'rankingSheet':
      return buildRankingSheet(request.model, options);
    case 'scoreSheets':
      return buildScoreSheets(request.models, options);
    case 'publicNotice':
      return buildPublicNotice(request.model, options);
    case 'certificate':
      return buildCertificates([request.model], options);
    case 'certificates':
      return buildCertificates(request.models, options);
    case 'dossier':
      return buildDossier(request.model, options);
  }
}

export function renderDocument(request: DocumentRequest, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(build(request, options).doc);
}

/** Streams the PDF to `filePath` instead of holding it in memory. */
export function renderDocumentToFile(request: DocumentRequest, filePath: string, options: RenderOptions): Promise<void> {
  return finishToFile(build(request, options).doc, filePath);
}
