import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { issuesToFieldErrors } from '../../../shared/api/issues-to-field-errors';
import { DOCUMENT_KINDS, printInputSchema, type PrintKind } from '../../../shared/api/results';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/i18n/languages';
import type { CoreContext } from '../../core/context';
import { openWorkspace } from '../../core/db/workspace';
import { listCycles } from '../../core/services/cycles';
import { openPrintBackend, printToFolder } from '../../core/services/documents/print';
import { checkSealPng } from '../../core/services/seal-png';
import { requireOption, type Command, type CommandContext } from '../command';

/** The cycle named by --cycle, or the workspace's only one. */
export function chooseCycle(ctx: CoreContext, requested: string | boolean | undefined): string {
  if (typeof requested === 'string' && requested !== '') return requested;
  const cycles = listCycles(ctx);
  if (cycles.length === 0) throw new AppError('refused', 'results.cli.noCycle');
  if (cycles.length > 1) throw new AppError('refused', 'results.cli.manyCycles', { cycles: cycles.map((c) => `${c.id} (${c.name})`).join(', ') });
  return cycles[0]!.id;
}

/** A context over a workspace opened for one command (documents take their dates from the data, not this clock). */
export function openCliContext(workspacePath: string, cli: CommandContext): CoreContext {
  const { db, info } = openWorkspace(resolve(workspacePath), { dailyBackup: false });
  return { db, workspace: info, clock: () => new Date(), resourcesDir: join(cli.appRoot, 'resources'), emit: () => undefined };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The office's seal for certificates: a PNG, whose transparency lets issuer and date show through. */
function readSeal(file: string): Buffer {
  const path = resolve(file);
  const png = readFileSync(path);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new AppError('validation', 'documents.seal.notPng', { file: path });
  // The same checks as a seal uploaded in the app: intact chunks, sane size, a transparent background.
  checkSealPng(png);
  return png;
}

/** `award-desk print KIND --workspace FILE [--cycle ID] --out DIR [--lang L] [--combined]`: rendered in the print worker. */
export const printCommand: Command = {
  usage: `print ${DOCUMENT_KINDS.join('|')} --workspace FILE [--cycle ID] --out DIR [--combined] [--blank] [--seal SEAL.png]`,
  summaryKey: 'results.cli.summary.print',
  options: { workspace: { type: 'string' }, cycle: { type: 'string' }, out: { type: 'string' }, combined: { type: 'boolean' }, blank: { type: 'boolean' }, stage: { type: 'string' }, seal: { type: 'string' } },
  async run(values, positionals, cli) {
    const kind = positionals[0];
    if (!kind || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new AppError('validation', 'results.cli.kind', { kinds: DOCUMENT_KINDS.join('|') });
    const out = resolve(requireOption(values, 'out'));
    const workspace = requireOption(values, 'workspace');
    const seal = typeof values.seal === 'string' ? readSeal(values.seal) : undefined;
    // The worker starts (and parses its fonts) while this thread opens and reads the workspace.
    const backend = openPrintBackend(join(cli.appRoot, 'resources'), kind as PrintKind);
    let ctx: CoreContext;
    try {
      ctx = openCliContext(workspace, cli);
    } catch (error) {
      backend.close();
      throw error;
    }
    try {
      const parsed = printInputSchema.safeParse({
        cycleId: chooseCycle(ctx, values.cycle),
        kind,
        language: isLanguage(values.lang) ? values.lang : DEFAULT_LANGUAGE,
        mode: values.combined ? 'combined' : 'perApplicant',
        blank: values.blank === true,
        ...(typeof values.stage === 'string' ? { stage: values.stage } : {}),
      });
      if (!parsed.success) throw new AppError('validation', 'errors.validation', undefined, issuesToFieldErrors(parsed.error.issues));
      const input = parsed.data;
      const { files } = await printToFolder(ctx, input, out, { backend, ...(seal ? { seal } : {}) });
      cli.out(cli.t('results.cli.printed', { count: files.length, dir: out }));
      return 0;
    } finally {
      backend.close();
      ctx.db.close();
    }
  },
};
