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

type Tree = { [key: string]: string | Tree };

/**
 * One i18next namespace per language: common keys sit at the top, every other locale file is nested
 * under its own name, so `applicants.creditCode.checksum` reads `creditCode.checksum` from applicants.json.
 */
function bundle(common: Tree, areas: Record<string, Tree>): Tree {
  return { ...common, ...areas };
}

export const localeFiles: Record<Language, Record<string, Tree>> = {
  'zh-CN': { common: zhCNCommon, scoring: zhCNScoring, frameworks: zhCNFrameworks, documents: zhCNDocuments, applicants: zhCNApplicants, packages: zhCNPackages },
  en: { common: enCommon, scoring: enScoring, frameworks: enFrameworks, documents: enDocuments, applicants: enApplicants, packages: enPackages },
  'zh-TW': { common: zhTWCommon, scoring: zhTWScoring, frameworks: zhTWFrameworks, documents: zhTWDocuments, applicants: zhTWApplicants, packages: zhTWPackages },
};

export const resources = Object.fromEntries(
  Object.entries(localeFiles).map(([lang, files]) => {
    const { common, ...areas } = files;
    return [lang, { translation: bundle(common ?? {}, areas) }];
  }),
) as Record<Language, { translation: Tree }>;
