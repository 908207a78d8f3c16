import { join, resolve } from 'node:path';
import { createCore } from '../../core';
import { startHost } from '../../host/server';
import { defaultWorkspacePath } from '../../core/paths';
import type { Command, CommandContext } from '../command';

export const serveCommand: Command = {
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
};

async function serve(ctx: CommandContext, workspacePath: string, port = 0): Promise<void> {
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
