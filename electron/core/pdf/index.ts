/**
 * PDF document engine: every document is a pure function of a plain view model plus a `t`
 * bound to the `documents` namespace. Same input, same bytes.
 */
export type * from './types';
export { renderDocument, renderDocumentToFile, type DocumentKind, type DocumentRequest } from './render';
export { renderCertificate, renderCertificateToFile, renderCertificatesCombined, CERTIFICATE_NAME_BOX } from './documents/certificate';
export { renderEvaluationReport } from './documents/evaluation-report';
export { renderFeedbackReport } from './documents/feedback-report';
export { renderRankingSheet } from './documents/ranking-sheet';
export { renderScoreSheet, renderScoreSheets } from './documents/score-sheet';
export { renderPublicNotice } from './documents/public-notice';
export { renderDossier } from './documents/dossier';
export { chineseNumeralDate, chineseYear, chineseCount } from './chinese-numerals';
export { formatPoints, formatBand, percentBand, formatPercentOfMax } from './format';
export { fitText, type FitOptions, type FittedText } from './layout/fit-text';
export { FONT_FACES, fontFileName, resolveFontPath, missingGlyphs, warmFonts, type FontFace, type FontLocation } from './fonts';
