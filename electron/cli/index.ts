import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { createTranslator, languageFromLocale, translateMessage, type Translate } from '../core/i18n';
import { isLanguage } from '../../shared/i18n/languages';
import { commands } from './commands';
import type { CommandContext } from './command';

/**
 * `award-desk` — the thin command-line shell around the core. Each command parses its own options;
 * failures print one translated sentence and exit non-zero.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const langFlag = rest.indexOf('--lang');
  const requested = langFlag >= 0 ? rest[langFlag + 1] : undefined;
  const t: Translate = createTranslator(isLanguage(requested) ? requested : languageFromLocale(process.env.LC_ALL || process.env.LANG));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage(t));
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`${t('cli.unknownCommand', { command: name })}\n\n${usage(t)}`);
    return 2;
  }
  const ctx: CommandContext = { t, appRoot: appRoot(), out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>, positionals, ctx);
  } catch (error) {
    if (error instanceof AppError) ctx.err(translateMessage(t, error.payload));
    else ctx.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function usage(t: Translate): string {
  const lines = Object.values(commands).map((command) => `  ${command.usage.padEnd(58)} ${t(command.summaryKey)}`);
  return `${t('app.name')} — award-desk\n\n${t('cli.usage')}:\n${lines.join('\n')}\n\n  --lang zh-CN|en|zh-TW\n`;
}

/** The bundle lives in out/; resources/ and out/renderer/ sit beside it in a checkout and in a package. */
function appRoot(): string {
  return resolve(__dirname, '..');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
