import { createReadStream, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { Envelope } from '../../../shared/api/contract';
import type { ImportSummary } from '../../../shared/api/exchange';
import { createCore } from '../../core';
import { discardUpload, intakeFolders, receiveUpload } from '../../core/file-intake';
import { createExpertWorkspace } from '../../core/services/exchange';
import { requireOption, type Command, type CommandContext } from '../command';

const actor = { actor: 'cli' };

/** A refused call becomes the command's failure; its list (e.g. what an application still lacks) is printed line by line first. */
export function throwIfRefused<T>(envelope: Envelope, ctx: CommandContext): T {
  if (envelope.ok) return envelope.data as T;
  const { code, key, params, fields } = envelope.error;
  for (const field of fields ?? []) ctx.err(`  - ${ctx.t(field.key, field.params)}`);
  throw new AppError(code, key, params);
}

function report(ctx: CommandContext, summary: ImportSummary): void {
  const subject = summary.applicant?.name ?? summary.expert?.name ?? '';
  const key = summary.outcome === 'alreadyImported' ? 'exchange.cli.alreadyImported' : `exchange.cli.imported.${summary.kind}`;
  ctx.out(
    ctx.t(key, {
      subject,
      version: summary.version ?? 0,
      applicants: summary.counts.applicants,
      attachments: summary.counts.attachments,
      scores: summary.counts.scores,
      sheets: summary.counts.submittedSheets,
      fingerprint: summary.senderFingerprint,
    }),
  );
}

/**
 * `award-desk import PACKAGE --workspace FILE`: the package goes through the same intake and the same
 * channel as in the app. A review package and a workspace file that does not exist yet make a new
 * expert workspace there.
 */
export const importCommand: Command = {
  usage: 'import PACKAGE --workspace FILE [--cycle ID] [--confirm-key-change]',
  summaryKey: 'exchange.cli.summary.import',
  options: { workspace: { type: 'string' }, cycle: { type: 'string' }, 'confirm-key-change': { type: 'boolean' } },
  async run(values, positionals, ctx) {
    const packageFile = positionals[0];
    if (!packageFile) throw new AppError('validation', 'cli.missingOption', { option: 'PACKAGE' });
    if (!existsSync(packageFile)) throw new AppError('notFound', 'exchange.cli.packageMissing', { file: resolve(packageFile) });
    const workspacePath = resolve(requireOption(values, 'workspace'));
    const resourcesDir = join(ctx.appRoot, 'resources');
    if (!existsSync(workspacePath)) {
      const created = await createExpertWorkspace({
        packageFile: resolve(packageFile),
        fileName: basename(packageFile),
        workspacePath,
        stagingDir: intakeFolders(workspacePath).packages,
        clock: () => new Date(),
        resourcesDir,
        call: actor,
      });
      report(ctx, created.summary);
      ctx.out(ctx.t('exchange.cli.expertWorkspace', { file: workspacePath, title: created.title }));
      return 0;
    }
    const core = createCore({ workspacePath, resourcesDir });
    let uploadId: string | undefined;
    try {
      uploadId = (await receiveUpload(workspacePath, createReadStream(resolve(packageFile)), { fileName: basename(packageFile) })).uploadId;
      const input = {
        uploadId,
        ...(typeof values.cycle === 'string' ? { targetCycleId: values.cycle } : {}),
        ...(values['confirm-key-change'] === true ? { confirmKeyChange: true } : {}),
      };
      const summary = throwIfRefused<ImportSummary>(await core.dispatch('exchange.import', input, actor), ctx);
      report(ctx, summary);
      return 0;
    } finally {
      if (uploadId) discardUpload(workspacePath, uploadId);
      core.close();
    }
  },
};
