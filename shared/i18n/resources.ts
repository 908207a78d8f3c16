import type { Language } from './languages';
import zhCNCommon from './locales/zh-CN/common.json';
import enCommon from './locales/en/common.json';
import zhTWCommon from './locales/zh-TW/common.json';
import zhCNScoring from './locales/zh-CN/scoring.json';
import enScoring from './locales/en/scoring.json';
import zhTWScoring from './locales/zh-TW/scoring.json';
import zhCNFrameworks from './locales/zh-CN/frameworks.json';
import enFrameworks from './locales/en/frameworks.json';
import zhTWFrameworks from './locales/zh-TW/frameworks.json';
import zhCNDocuments from './locales/zh-CN/documents.json';
import enDocuments from './locales/en/documents.json';
import zhTWDocuments from './locales/zh-TW/documents.json';
import zhCNApplicants from './locales/zh-CN/applicants.json';
import enApplicants from './locales/en/applicants.json';
import zhTWApplicants from './locales/zh-TW/applicants.json';
import zhCNPackages from './locales/zh-CN/packages.json';
import enPackages from './locales/en/packages.json';
import zhTWPackages from './locales/zh-TW/packages.json';
import zhCNPanels from './locales/zh-CN/panels.json';
import enPanels from './locales/en/panels.json';
import zhTWPanels from './locales/zh-TW/panels.json';
import zhCNReliability from './locales/zh-CN/reliability.json';
import enReliability from './locales/en/reliability.json';
import zhTWReliability from './locales/zh-TW/reliability.json';
import zhCNUi from './locales/zh-CN/ui.json';
import enUi from './locales/en/ui.json';
import zhTWUi from './locales/zh-TW/ui.json';
import zhCNExchange from './locales/zh-CN/exchange.json';
import enExchange from './locales/en/exchange.json';
import zhTWExchange from './locales/zh-TW/exchange.json';
import zhCNResults from './locales/zh-CN/results.json';
import enResults from './locales/en/results.json';
import zhTWResults from './locales/zh-TW/results.json';
import zhCNScoringUi from './locales/zh-CN/scoringUi.json';
import enScoringUi from './locales/en/scoringUi.json';
import zhTWScoringUi from './locales/zh-TW/scoringUi.json';

type Tree = { [key: string]: string | Tree };

/**
 * One i18next namespace per language: common keys sit at the top, every other locale file is nested
 * under its own name, so `applicants.creditCode.checksum` reads `creditCode.checksum` from applicants.json.
 */
function bundle(common: Tree, areas: Record<string, Tree>): Tree {
  return { ...common, ...areas };
}

export const localeFiles: Record<Language, Record<string, Tree>> = {
  'zh-CN': { common: zhCNCommon, scoring: zhCNScoring, frameworks: zhCNFrameworks, documents: zhCNDocuments, applicants: zhCNApplicants, packages: zhCNPackages, panels: zhCNPanels, reliability: zhCNReliability, ui: zhCNUi, exchange: zhCNExchange, scoringUi: zhCNScoringUi, results: zhCNResults },
  en: { common: enCommon, scoring: enScoring, frameworks: enFrameworks, documents: enDocuments, applicants: enApplicants, packages: enPackages, panels: enPanels, reliability: enReliability, ui: enUi, exchange: enExchange, scoringUi: enScoringUi, results: enResults },
  'zh-TW': { common: zhTWCommon, scoring: zhTWScoring, frameworks: zhTWFrameworks, documents: zhTWDocuments, applicants: zhTWApplicants, packages: zhTWPackages, panels: zhTWPanels, reliability: zhTWReliability, ui: zhTWUi, exchange: zhTWExchange, scoringUi: zhTWScoringUi, results: zhTWResults },
};

export const resources = Object.fromEntries(
  Object.entries(localeFiles).map(([lang, files]) => {
    const { common, ...areas } = files;
    return [lang, { translation: bundle(common ?? {}, areas) }];
  }),
) as Record<Language, { translation: Tree }>;
