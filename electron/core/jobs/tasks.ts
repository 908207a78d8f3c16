/**
 * The work a job hands off: render one document to a file, or run leave-one-expert-out over a cycle.
 * Pure functions of their messages, so they run the same in the print worker (bundled app and CLI)
 * and in-process (tests running from TypeScript sources; see backend.ts).
 */
import { statSync } from 'node:fs';
import type { Framework } from '../../../shared/domain/frameworks';
import type { Language } from '../../../shared/i18n/languages';
import { leaveOneExpertOut, type ApplicantScores, type ResolvedScoringRules, type SensitivityReport } from '../../../shared/domain/scoring';
import { renderDocumentToFile, type DocumentRequest } from '../pdf';
import { createTranslator } from '../i18n';

export type Task =
  | { type: 'render'; request: DocumentRequest; path: string; language: Language; fontsDir: string }
  | { type: 'sensitivity'; framework: Framework; applicants: ApplicantScores[]; rules: ResolvedScoringRules };

export type TaskResult = { type: 'render'; bytes: number } | { type: 'sensitivity'; report: SensitivityReport };

export async function runTask(task: Task): Promise<TaskResult> {
  if (task.type === 'sensitivity') return { type: 'sensitivity', report: leaveOneExpertOut(task.framework, task.applicants, task.rules) };
  const t = createTranslator(task.language);
  await renderDocumentToFile(task.request, task.path, { t: (key, params) => t(`documents.${key}`, params), fontsDir: task.fontsDir });
  return { type: 'render', bytes: statSync(task.path).size };
}
