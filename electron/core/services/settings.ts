import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/i18n/languages';
import type { Settings } from '../../../shared/api/app';
import type { CoreContext } from '../context';

export function getSettings(ctx: CoreContext): Settings {
  const row = ctx.db.prepare(`SELECT value FROM settings WHERE key = 'language'`).get() as { value: string } | undefined;
  return { language: isLanguage(row?.value) ? row.value : DEFAULT_LANGUAGE };
}

/** A UI preference, not award data: not audited. */
export function updateSettings(ctx: CoreContext, patch: Partial<Settings>): Settings {
  const put = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  ctx.db.transaction(() => {
    if (patch.language) put.run('language', patch.language);
  })();
  return getSettings(ctx);
}
