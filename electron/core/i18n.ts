import i18next, { type TFunction } from 'i18next';
import { resources } from '../../shared/i18n/resources';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/i18n/languages';
import type { Message } from '../../shared/api/errors';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

const cache = new Map<Language, TFunction>();

/** Core-side text (CLI output, documents) uses the same locale files as the UI. */
export function createTranslator(language: Language = DEFAULT_LANGUAGE): Translate {
  let t = cache.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({ resources, lng: language, fallbackLng: DEFAULT_LANGUAGE, initAsync: false, interpolation: { escapeValue: false } });
    t = instance.t.bind(instance);
    cache.set(language, t);
  }
  const bound = t;
  return (key, params) => bound(key, params) as string;
}

export const translateMessage = (t: Translate, message: Message): string => t(message.key, message.params);

/** Maps a POSIX locale (LANG=zh_TW.UTF-8) to one of ours; anything else non-Chinese gets English. */
export function languageFromLocale(locale: string | undefined): Language {
  const value = (locale ?? '').replace('_', '-');
  if (/^zh-(TW|HK|MO|Hant)/i.test(value)) return 'zh-TW';
  if (/^zh/i.test(value)) return 'zh-CN';
  if (isLanguage(value)) return value;
  return value ? 'en' : DEFAULT_LANGUAGE;
}
