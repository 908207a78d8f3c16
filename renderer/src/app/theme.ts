import type { ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import zhTW from 'antd/locale/zh_TW';
import type { Locale } from 'antd/es/locale';
import type { Language } from '../../../shared/i18n/languages';

/** One theme for the whole app: a calm government blue, a CJK-first font stack. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', system-ui, sans-serif",
  },
  components: {
    Layout: { headerBg: '#1d4f91', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8eff9', itemSelectedColor: '#1d4f91', itemHoverBg: '#f3f6fb' },
  },
};

export const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, en: enUS, 'zh-TW': zhTW };
