import { resolve } from 'node:path';
import { exportAll } from '../../core/maintenance/export-all';
import { requireOption, type Command } from '../command';

export const exportAllCommand: Command = {
  usage: 'export-all --workspace FILE --out DIR',
  summaryKey: 'reliability.cli.summary.exportAll',
  options: { workspace: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, ctx) {
    const out = resolve(requireOption(values, 'out'));
    const manifest = exportAll(resolve(requireOption(values, 'workspace')), out, { now: new Date() });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    ctx.out(ctx.t('reliability.cli.exportAll.done', { dir: out, tables: manifest.tables.length, rows, files: manifest.attachments.files, schemaVersion: manifest.schemaVersion }));
    return 0;
  },
};
