/**
 * The work a job hands off: render one document to a file, or run leave-one-expert-out over a cycle.
 * Pure functions of their messages, so they run the same in the print worker (bundled app and CLI)
 * and in-process (tests running from TypeScript sources; see backend.ts).
 */
import { statSync } from 'node:fs';
import type { Framework } from '../../../shared/domain/frameworks';
import type { Language } from '../../../shared/i18n/languages';
import { leaveOneExpertOut, type ApplicantScores, type ResolvedScoringRules, type SensitivityReport } from '../../../shared/domain/scoring';
import { renderDocumentToFile, warmFonts, type DocumentRequest, type FontFace } from '../pdf';
import { createTranslator, type Translate } from '../i18n';

export type Task =
  | { type: 'render'; request: DocumentRequest; path: string; language: Language; fontsDir: string }
  | { type: 'sensitivity'; framework: Framework; applicants: ApplicantScores[]; rules: ResolvedScoringRules }
  /** Parses the faces a print will need while the core's thread is still reading the workspace. */
  | { type: 'warm'; faces: FontFace[]; fontsDir: string };

export type TaskResult = { type: 'render'; bytes: number } | { type: 'sensitivity'; report: SensitivityReport } | { type: 'warm' };

const translators = new Map<Language, Translate>();
const MEMO_LIMIT = 2048;

/**
 * The `documents.` translator, remembering its answers: a batch asks the same few labels for every
 * file (200 certificates make ~2000 calls), and i18next resolves each afresh.
 */
function documentsTranslator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const t = createTranslator(language);
    const memo = new Map<string, string>();
    translate = (key, params) => {
      const id = params ? `${key}\0${JSON.stringify(params)}` : key;
      let text = memo.get(id);
      if (text === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        text = t(`documents.${key}`, params);
        memo.set(id, text);
      }
      return text;
    };
    translators.set(language, translate);
  }
  return translate;
}

export async function runTask(task: Task): Promise<TaskResult> {
  if (task.type === 'warm') {
    warmFonts(task.faces, { fontsDir: task.fontsDir });
    return { type: 'warm' };
  }
  if (task.type === 'sensitivity') return { type: 'sensitivity', report: leaveOneExpertOut(task.framework, task.applicants, task.rules) };
  await renderDocumentToFile(task.request, task.path, { t: documentsTranslator(task.language), fontsDir: task.fontsDir });
  return { type: 'render', bytes: statSync(task.path).size };
}
