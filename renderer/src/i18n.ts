import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import { resources } from '../../shared/i18n/resources';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n/languages';

/** antd's date pickers name months and weekdays through dayjs, which has its own locale. */
const DAYJS_LOCALES: Record<string, string> = { 'zh-CN': 'zh-cn', en: 'en', 'zh-TW': 'zh-tw' };

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  dayjs.locale(DAYJS_LOCALES[language] ?? 'zh-cn');
  i18next.on('languageChanged', (next) => dayjs.locale(DAYJS_LOCALES[next] ?? 'zh-cn'));
  document.documentElement.lang = language;
  return i18next;
}
