import { basename, resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrations';
import { assertNotInUse, recordRestore, restoreWorkspaceFile } from '../../core/maintenance/restore';
import { requireOption, type Command } from '../command';

export const restoreCommand: Command = {
  usage: 'restore --workspace FILE --from BACKUP',
  summaryKey: 'reliability.cli.summary.restore',
  options: { workspace: { type: 'string' }, from: { type: 'string' } },
  async run(values, _positionals, ctx) {
    const target = resolve(requireOption(values, 'workspace'));
    const source = resolve(requireOption(values, 'from'));
    const now = new Date();
    const result = restoreWorkspaceFile({ target, source, latestSchemaVersion: LATEST_SCHEMA_VERSION, now, release: () => assertNotInUse(target) });
    recordRestore(target, 'cli', now, { from: basename(source), previousKeptAs: result.previousKeptAs === null ? null : basename(result.previousKeptAs) });
    ctx.out(ctx.t('reliability.cli.restore.done', { file: target, from: source, schemaVersion: result.schemaVersion }));
    if (result.previousKeptAs) ctx.out(ctx.t('reliability.cli.restore.keptAside', { file: result.previousKeptAs }));
    return 0;
  },
};
