import type { CallContext } from '../../../shared/api/contract';
import { applicantSchema } from '../../../shared/domain/applicant';
import { parseApplicantsWorkbook, writeApplicantsWorkbook } from '../applicants/xlsx-io';
import { audited, type CoreContext } from '../context';
import { createTranslator } from '../i18n';
import { cycleContext } from './cycles';
import { insertApplicant } from './applicants';
import { getSettings } from './settings';

type ImportOutcome =
  | { ok: true; imported: number }
  | { ok: false; errors: { sheet: string; row: number; column: string | null; key: string; params?: Record<string, string | number> }[] };

/** All rows or none: the parser refuses bad rows and codes already registered in the cycle, naming sheet, row and column. */
export async function importApplicantsXlsx(ctx: CoreContext, cycleId: string, contentBase64: string, call: CallContext): Promise<ImportOutcome> {
  cycleContext(ctx, cycleId);
  const registered = ctx.db.prepare('SELECT credit_code FROM applicants WHERE cycle_id = ?').pluck().all(cycleId) as string[];
  const parsed = await parseApplicantsWorkbook(Buffer.from(contentBase64, 'base64'), { existingCreditCodes: registered });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(({ sheet, row, column, key, params }) => ({ sheet, row, column, key, ...(params ? { params } : {}) })) };
  audited(ctx, (log) => {
    for (const applicant of parsed.applicants) insertApplicant(ctx, cycleId, applicant, call, log);
  });
  ctx.emit('data.changed', { entity: 'applicants' });
  return { ok: true, imported: parsed.applicants.length };
}

export async function exportApplicantsXlsx(ctx: CoreContext, cycleId: string): Promise<{ fileName: string; contentBase64: string }> {
  const { cycle } = cycleContext(ctx, cycleId);
  const rows = ctx.db.prepare('SELECT record FROM applicants WHERE cycle_id = ? ORDER BY legal_name').all(cycleId) as { record: string }[];
  const { language } = getSettings(ctx);
  const buffer = await writeApplicantsWorkbook(
    rows.map((row) => applicantSchema.parse(JSON.parse(row.record))),
    createTranslator(language) as (key: string, params?: Record<string, string | number>) => string,
    { language },
  );
  return { fileName: `${cycle.name}-applicants.xlsx`.replace(/[\\/:*?"<>|]/g, '_'), contentBase64: buffer.toString('base64') };
}
