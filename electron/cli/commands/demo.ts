import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { createDemoFile, DEMO_PIN } from '../../core/services/demo';
import { requireOption, type Command } from '../command';

/** `award-desk demo --workspace FILE [--applicants N] [--seed N]`: a new workspace with a complete, approved cycle. */
export const demoCommand: Command = {
  usage: 'demo --workspace FILE [--applicants N] [--seed N]',
  summaryKey: 'results.cli.summary.demo',
  options: { workspace: { type: 'string' }, applicants: { type: 'string' }, seed: { type: 'string' } },
  async run(values, _positionals, cli) {
    const file = resolve(requireOption(values, 'workspace'));
    const number = (name: string, min: number, max: number): number | undefined => {
      const raw = values[name];
      if (typeof raw !== 'string') return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) throw new AppError('validation', 'errors.validation', undefined, [{ path: name, key: 'errors.field.tooBig', params: { max } }]);
      return n;
    };
    const applicants = number('applicants', 1, 2000);
    const seed = number('seed', 0, 2 ** 31);
    const summary = await createDemoFile(file, { resourcesDir: join(cli.appRoot, 'resources'), ...(applicants ? { applicants } : {}), ...(seed !== undefined ? { seed } : {}) });
    cli.out(cli.t('results.cli.demoDone', { file, applicants: summary.applicants, experts: summary.experts, certificates: summary.certificates, pin: DEMO_PIN }));
    return 0;
  },
};
