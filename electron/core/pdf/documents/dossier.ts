import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatDate } from '../format';
import { drawPageFrames } from '../layout/frame';
import { COLORS } from '../layout/style';
import { ensureSpace, heading, paragraph, paragraphs } from '../layout/text';
import type { CommitteeDecision, DossierModel, RenderOptions } from '../types';
import { drawCertificatePage } from './certificate';
import { drawEvaluationBody, evaluationTitle } from './evaluation-report';
import { drawCover, drawFacts, drawProfile } from './sections';

type Outline = PDFKit.PDFOutline;

/**
 * pdfkit's default bookmark target is an /XYZ whose left edge is the page width, which scrolls
 * some viewers sideways; /Fit opens the whole page instead.
 */
function bookmark(parent: Outline, title: string): Outline {
  return parent.addItem(title, { fit: true, expanded: true } as { expanded: boolean });
}

function decisionFacts(ctx: PdfContext, decision: CommitteeDecision): [string, string][] {
  const { t } = ctx;
  const facts: [string, string][] = [
    [t('dossier.meetingDate'), formatDate(t, decision.meetingDate)],
    [t('dossier.outcome'), outcomeText(ctx, decision)],
  ];
  if (decision.votesFor !== undefined) {
    facts.push([t('dossier.votes'), t('dossier.votesLine', {
      for: decision.votesFor,
      against: decision.votesAgainst ?? 0,
      abstain: decision.abstentions ?? 0,
    })]);
  }
  return facts;
}

function outcomeText(ctx: PdfContext, decision: CommitteeDecision): string {
  if (decision.outcome === 'notAwarded') return ctx.t('dossier.outcomeNotAwarded');
  return decision.tierName ? ctx.t('dossier.outcomeAwardedTier', { tier: decision.tierName }) : ctx.t('dossier.outcomeAwarded');
}

function newSection(ctx: PdfContext, title: string): Outline {
  ctx.doc.addPage();
  const item = bookmark(ctx.doc.outline, title);
  heading(ctx, title, 1);
  return item;
}

/** The applicant's complete award file in one PDF, one bookmark per section and stage. */
export function buildDossier(model: DossierModel, options: RenderOptions): PdfContext {
  const { t } = options;
  const title = t('dossier.title');
  const ctx = createPdf({ ...options, title: `${title} ${model.applicant.name}`, subject: model.awardName, date: model.generatedAt });
  const { doc } = ctx;

  drawCover(ctx, {
    kicker: model.awardName,
    title,
    name: model.applicant.name,
    facts: [
      ...(model.applicationNo ? [[t('dossier.applicationNo'), model.applicationNo] as [string, string]] : []),
      // Workspaces have no application numbers of their own: the credit code identifies the applicant.
      ...(!model.applicationNo && model.applicant.creditCode ? [[t('profile.creditCode'), model.applicant.creditCode] as [string, string]] : []),
      ...(model.submittedAt ? [[t('dossier.submittedAt'), formatDate(t, model.submittedAt)] as [string, string]] : []),
      [t('dossier.outcome'), outcomeText(ctx, model.decision)],
      [t('dossier.compiledAt'), formatDate(t, model.generatedAt)],
    ],
    note: t('common.confidential'),
  });
  bookmark(doc.outline, t('dossier.cover'));

  ctx.setFrame({ title: `${model.awardName} · ${title}`, subtitle: model.applicant.name });
  doc.addPage();
  bookmark(doc.outline, t('dossier.application'));
  const extra: [string, string][] = [];
  if (model.applicationNo) extra.push([t('dossier.applicationNo'), model.applicationNo]);
  if (model.submittedAt) extra.push([t('dossier.submittedAt'), formatDate(t, model.submittedAt)]);
  drawProfile(ctx, model.applicant, extra);

  const selfAssessment = newSection(ctx, t('dossier.selfAssessment'));
  for (const section of model.selfAssessment) {
    const sectionTitle = section.code ? `${section.code} ${section.title}` : section.title;
    ensureSpace(ctx, 80);
    bookmark(selfAssessment, sectionTitle);
    heading(ctx, sectionTitle, 2);
    paragraphs(ctx, section.body);
  }

  const evaluations = model.evaluations.length > 0 ? bookmarkOnNextPage(ctx, t('dossier.evaluations')) : null;
  for (const [index, evaluation] of model.evaluations.entries()) {
    if (index > 0) doc.addPage();
    const stageTitle = evaluationTitle(ctx, evaluation);
    bookmark(evaluations!, stageTitle);
    heading(ctx, stageTitle, 1);
    paragraph(ctx, t('dossier.stageMeta', { date: formatDate(t, evaluation.generatedAt) }), { color: COLORS.muted, after: 6 });
    drawEvaluationBody(ctx, evaluation, { includeProfile: false });
  }

  newSection(ctx, t('dossier.decision'));
  drawFacts(ctx, decisionFacts(ctx, model.decision), 1);
  heading(ctx, t('dossier.resolution'), 3);
  paragraphs(ctx, model.decision.resolution);

  if (model.certificate) {
    drawCertificatePage(ctx, model.certificate);
    bookmark(doc.outline, t('dossier.certificate'));
  }

  drawPageFrames(ctx);
  return ctx;
}

function bookmarkOnNextPage(ctx: PdfContext, title: string): Outline {
  ctx.doc.addPage();
  return bookmark(ctx.doc.outline, title);
}

export function renderDossier(model: DossierModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildDossier(model, options).doc);
}
