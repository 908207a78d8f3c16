import type { ParseArgsConfig } from 'node:util';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { Translate } from '../core/i18n';
import { createCore } from '../core';
import { verifyWorkspace } from '../core/maintenance/verify';
import { startHost } from '../host/server';
import { defaultWorkspacePath } from '../core/paths';

export interface CommandContext {
  t: Translate;
  appRoot: string;
  out(line: string): void;
  err(line: string): void;
}

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  usage: string;
  summaryKey: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Values, positionals: string[], ctx: CommandContext): Promise<number>;
}

export function requireOption(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new AppError('validation', 'cli.missingOption', { option: `--${name}` });
  return value;
}

export const commands: Record<string, Command> = {
  serve: {
    usage: 'serve [--workspace FILE] [--port N]',
    summaryKey: 'cli.summary.serve',
    options: { workspace: { type: 'string' }, port: { type: 'string' }, notice: { type: 'string' } },
    async run(values, _positionals, ctx) {
      // npm start explains in one sentence why the browser host opens instead of the desktop window.
      if (values.notice === 'no-electron') ctx.out(ctx.t('cli.start.noElectron'));
      if (values.notice === 'native-module') ctx.out(ctx.t('cli.start.noNativeModule'));
      const workspacePath = resolve(typeof values.workspace === 'string' ? values.workspace : defaultWorkspacePath());
      const port = typeof values.port === 'string' ? Number(values.port) : 0;
      await serve(ctx, workspacePath, port);
      return await new Promise<number>(() => undefined); // runs until the process is stopped
    },
  },
  verify: {
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
  },
};

/** Also used by `npm start` when no Electron binary is installed. */
export async function serve(ctx: CommandContext, workspacePath: string, port = 0): Promise<void> {
  const core = createCore({ workspacePath, resourcesDir: join(ctx.appRoot, 'resources') });
  const host = await startHost({ core, rendererDir: join(ctx.appRoot, 'out', 'renderer'), port });
  ctx.out(ctx.t('cli.serve.listening', { url: host.launchUrl }));
  ctx.out(ctx.t('cli.serve.stop'));
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
