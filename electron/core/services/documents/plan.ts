/**
 * Which files a print request makes, each with the view model it renders (built when its turn comes,
 * so a batch of 200 dossiers never sits in memory at once). Names are deterministic: ranking position
 * (or certificate number) and the applicant's name.
 */
import { AppError } from '../../../../shared/api/errors';
import type { PrintInput } from '../../../../shared/api/results';
import type { DocumentRequest } from '../../pdf';
import { safeFileName } from '../../file-intake';
import { evaluationModel, feedbackModel } from './evaluation';
import {
  blankScoreSheet,
  certificateApplicants,
  certificateModel,
  dossierModel,
  publicNoticeModel,
  rankingSheetModel,
  requireCertificates,
  scoreSheetModels,
} from './models';
import { positionOf, stagesOf, type DocumentSource } from './source';

export interface PlannedFile {
  fileName: string;
  build(): DocumentRequest;
}

export interface PrintPlan {
  files: PlannedFile[];
  /** For the zip (or the single file's) name. */
  baseName: string;
}

/** Kinds that render as one document for many applicants; a dossier stays one file per applicant (what the office archives). */
const COMBINABLE = new Set<PrintInput['kind']>(['certificates', 'reports', 'feedback', 'scoreSheets', 'ranking', 'publicNotice']);

export function printPlan(source: DocumentSource, input: PrintInput): PrintPlan {
  const { t } = source;
  const word = t(`results.files.${input.kind}`);
  const cycleName = source.cycle.name;
  const baseName = safeFileName(`${word}-${cycleName}`);
  const wanted = input.applicantIds ? new Set(input.applicantIds) : null;
  const chosen = (ids: string[]) => (wanted ? ids.filter((id) => wanted.has(id)) : ids);
  const nameOf = (id: string) => source.applicantName(id);
  const perApplicant = (id: string) => safeFileName(`${String(positionOf(source, id)).padStart(3, '0')}-${nameOf(id)}-${word}.pdf`);
  // The ranking order and stages need the results worked out; certificates go without them.
  const ordered = () => chosen(source.order.map((a) => a.applicant.id));
  if (input.mode === 'combined' && !COMBINABLE.has(input.kind)) throw new AppError('refused', 'results.print.combinedUnsupported', { kind: word });
  const single = (build: () => DocumentRequest): PrintPlan => ({ baseName, files: [{ fileName: `${baseName}.pdf`, build }] });
  const lastStage = () => stagesOf(source).at(-1)!;

  let files: PlannedFile[];
  switch (input.kind) {
    case 'ranking':
      if (source.outcome.ranking.length === 0) throw new AppError('refused', 'results.print.nothing', { kind: word });
      return single(() => ({ kind: 'rankingSheet', model: rankingSheetModel(source) }));
    case 'publicNotice':
      return single(() => ({ kind: 'publicNotice', model: publicNoticeModel(source) }));
    case 'certificates': {
      requireCertificates(source);
      const ids = chosen(certificateApplicants(source));
      if (input.mode === 'combined') {
        if (ids.length === 0) throw new AppError('refused', 'results.print.nothing', { kind: word });
        return single(() => ({ kind: 'certificates', models: ids.map((id) => certificateModel(source, id)!) }));
      }
      files = ids.map((id) => ({
        fileName: safeFileName(`${source.certificates.get(id)!.certificateNo}-${nameOf(id)}.pdf`),
        build: () => ({ kind: 'certificate', model: certificateModel(source, id)! }),
      }));
      break;
    }
    case 'reports':
    case 'feedback': {
      const stage = input.stage ?? lastStage();
      const ready = ordered().filter((id) => source.outcome.data.applicants.find((a) => a.applicant.id === id)!.stages.find((s) => s.stage === stage)?.complete);
      if (input.mode === 'combined') {
        if (ready.length === 0) throw new AppError('refused', 'results.print.nothing', { kind: word });
        return single((): DocumentRequest =>
          input.kind === 'reports'
            ? { kind: 'evaluationReports', models: ready.map((id) => evaluationModel(source, id, stage)!) }
            : { kind: 'feedbackReports', models: ready.map((id) => feedbackModel(source, id, stage)!) },
        );
      }
      files = ready.map((id) => ({
        fileName: perApplicant(id),
        build: (): DocumentRequest =>
          input.kind === 'reports' ? { kind: 'evaluationReport', model: evaluationModel(source, id, stage)! } : { kind: 'feedbackReport', model: feedbackModel(source, id, stage)! },
      }));
      break;
    }
    case 'dossiers':
      files = ordered().filter((id) => source.decisions.has(id)).map((id) => ({ fileName: perApplicant(id), build: () => ({ kind: 'dossier', model: dossierModel(source, id)! }) }));
      break;
    case 'scoreSheets': {
      const options = { stage: input.stage, blank: input.blank };
      const withSheets = ordered().filter((id) => scoreSheetModels(source, id, options).length > 0);
      if (withSheets.length === 0 && input.blank) {
        return single(() => ({ kind: 'scoreSheets', models: (input.stage ? [input.stage] : stagesOf(source)).map((stage) => blankScoreSheet(source, stage)) }));
      }
      if (input.mode === 'combined') {
        if (withSheets.length === 0) throw new AppError('refused', 'results.print.nothing', { kind: word });
        return single(() => ({ kind: 'scoreSheets', models: withSheets.flatMap((id) => scoreSheetModels(source, id, options)) }));
      }
      files = withSheets.map((id) => ({ fileName: perApplicant(id), build: () => ({ kind: 'scoreSheets', models: scoreSheetModels(source, id, options) }) }));
      break;
    }
  }
  if (files.length === 0) throw new AppError('refused', 'results.print.nothing', { kind: word });
  return { baseName, files };
}
