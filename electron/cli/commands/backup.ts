import { resolve } from 'node:path';
import { backupWorkspaceFile } from '../../core/maintenance/backup-workspace';
import { requireOption, type Command } from '../command';

export const backupCommand: Command = {
  usage: 'backup --workspace FILE [--out FILE]',
  summaryKey: 'reliability.cli.summary.backup',
  options: { workspace: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, ctx) {
    const out = typeof values.out === 'string' && values.out !== '' ? values.out : undefined;
    const backup = await backupWorkspaceFile(resolve(requireOption(values, 'workspace')), { ...(out ? { out } : {}), now: new Date() });
    const { verdict, schemaVersion, detail } = backup.inspection;
    const verdictText = ctx.t(`reliability.verdict.${verdict}`);
    if (verdict !== 'ok') {
      ctx.err(ctx.t('reliability.cli.backup.unverified', { file: backup.path, verdict: verdictText, detail: detail ?? '' }));
      return 1;
    }
    ctx.out(ctx.t('reliability.cli.backup.done', { file: backup.path, schemaVersion: schemaVersion ?? 0 }));
    return 0;
  },
};
