import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { Download } from '../../../shared/api/exchange';
import { STAGE_IDS } from '../../../shared/domain/cycle-settings';
import { createCore } from '../../core';
import { findDownload } from '../../core/file-intake';
import { requireOption, type Command } from '../command';
import { throwIfRefused } from './import';

const KINDS = ['submission', 'review', 'scores'] as const;

/** `award-desk export submission|review|scores … --out FILE`: the same channels as the app, then the file is copied out. */
export const exportCommand: Command = {
  usage: 'export submission|review|scores --workspace FILE [--applicant ID | --cycle ID --expert ID | --stage S] --out FILE',
  summaryKey: 'exchange.cli.summary.export',
  options: { workspace: { type: 'string' }, applicant: { type: 'string' }, cycle: { type: 'string' }, expert: { type: 'string' }, stage: { type: 'string' }, out: { type: 'string' } },
  async run(values, positionals, ctx) {
    const kind = positionals[0] as (typeof KINDS)[number] | undefined;
    if (!kind || !KINDS.includes(kind)) throw new AppError('validation', 'exchange.cli.kind', { kinds: KINDS.join('|') });
    const out = resolve(requireOption(values, 'out'));
    const workspacePath = resolve(requireOption(values, 'workspace'));
    const stage = kind === 'scores' ? requireOption(values, 'stage') : undefined;
    if (stage !== undefined && !(STAGE_IDS as readonly string[]).includes(stage)) throw new AppError('validation', 'exchange.cli.stage', { stages: STAGE_IDS.join('|') });
    const core = createCore({ workspacePath, resourcesDir: join(ctx.appRoot, 'resources') });
    try {
      const actor = { actor: 'cli' };
      const envelope =
        kind === 'submission'
          ? await core.dispatch('exchange.exportSubmission', { applicantId: requireOption(values, 'applicant') }, actor)
          : kind === 'review'
            ? await core.dispatch('exchange.exportReview', { cycleId: requireOption(values, 'cycle'), expertId: requireOption(values, 'expert') }, actor)
            : await core.dispatch('exchange.exportScores', { stage }, actor);
      const download = throwIfRefused<Download>(envelope, ctx);
      const file = findDownload(workspacePath, download.downloadId);
      if (!file) throw new AppError('internal', 'errors.internal');
      copyFileSync(file.path, out);
      ctx.out(ctx.t('exchange.cli.exported', { file: out, bytes: download.bytes, sequence: download.sequence }));
      return 0;
    } finally {
      core.close();
    }
  },
};
