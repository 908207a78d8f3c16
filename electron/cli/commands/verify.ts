import { resolve } from 'node:path';
import { verifyWorkspace } from '../../core/maintenance/verify';
import { requireOption, type Command } from '../command';

export const verifyCommand: Command = {
  usage: 'verify --workspace FILE',
  summaryKey: 'cli.summary.verify',
  options: { workspace: { type: 'string' } },
  async run(values, _positionals, ctx) {
    const report = verifyWorkspace(resolve(requireOption(values, 'workspace')));
    for (const line of report.lines) {
      const reason = line.reason ? ctx.t(line.reason.key, line.reason.params) : undefined;
      (line.ok ? ctx.out : ctx.err)(ctx.t(line.message.key, { ...line.message.params, reason }));
    }
    return report.ok ? 0 : 1;
  },
};
