import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { issuesToFieldErrors } from '../../../shared/api/issues-to-field-errors';
import { DOCUMENT_KINDS, printInputSchema } from '../../../shared/api/results';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/i18n/languages';
import type { CoreContext } from '../../core/context';
import { openWorkspace } from '../../core/db/workspace';
import { listCycles } from '../../core/services/cycles';
import { printToFolder } from '../../core/services/documents/print';
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

/** `award-desk print KIND --workspace FILE [--cycle ID] --out DIR [--lang L] [--combined]`: rendered in the print worker. */
export const printCommand: Command = {
  usage: `print ${DOCUMENT_KINDS.join('|')} --workspace FILE [--cycle ID] --out DIR [--combined] [--blank]`,
  summaryKey: 'results.cli.summary.print',
  options: { workspace: { type: 'string' }, cycle: { type: 'string' }, out: { type: 'string' }, combined: { type: 'boolean' }, blank: { type: 'boolean' }, stage: { type: 'string' } },
  async run(values, positionals, cli) {
    const kind = positionals[0];
    if (!kind || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new AppError('validation', 'results.cli.kind', { kinds: DOCUMENT_KINDS.join('|') });
    const out = resolve(requireOption(values, 'out'));
    const ctx = openCliContext(requireOption(values, 'workspace'), cli);
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
      const { files } = await printToFolder(ctx, input, out);
      cli.out(cli.t('results.cli.printed', { count: files.length, dir: out }));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
