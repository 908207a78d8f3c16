import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/i18n/languages';
import { resultsWorkbook } from '../../core/services/results/xlsx';
import { requireOption, type Command } from '../command';
import { chooseCycle, openCliContext } from './print';

/** `award-desk export ranking --workspace FILE [--cycle ID] --out FILE.xlsx`: the ranking with per-item scores. */
export const exportRankingCommand: Command = {
  usage: 'export ranking --workspace FILE [--cycle ID] --out FILE.xlsx',
  summaryKey: 'results.cli.summary.exportRanking',
  options: { workspace: { type: 'string' }, cycle: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, cli) {
    const out = resolve(requireOption(values, 'out'));
    const ctx = openCliContext(requireOption(values, 'workspace'), cli);
    try {
      const language = isLanguage(values.lang) ? values.lang : DEFAULT_LANGUAGE;
      const { buffer } = await resultsWorkbook(ctx, chooseCycle(ctx, values.cycle), 'ranking', language);
      writeFileSync(out, buffer);
      cli.out(cli.t('results.cli.exported', { file: out, bytes: buffer.length }));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};

/** `export` is shared with the exchange packages: `export ranking …` comes here, every other kind goes to `base`. */
export function withRankingExport(base: Command): Command {
  return {
    usage: base.usage.includes('|') ? base.usage.replace(/^export (\S+)/, 'export $1|ranking') : `${base.usage} | ${exportRankingCommand.usage}`,
    summaryKey: base.summaryKey,
    options: { ...base.options, ...exportRankingCommand.options },
    run: (values, positionals, cli) => (positionals[0] === 'ranking' ? exportRankingCommand : base).run(values, positionals, cli),
  };
}
