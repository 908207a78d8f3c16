import { useState } from 'react';
import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { antdLocales, theme } from './theme';
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher';
import { CyclesPage } from '../features/cycles/CyclesPage';

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme}>
      <AntApp>
        <Shell language={language} onLanguageChange={setLanguage} />
      </AntApp>
    </ConfigProvider>
  );
}

function Shell({ language, onLanguageChange }: { language: Language; onLanguageChange(language: Language): void }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <span className="app-brand" data-testid="app-title">
          {t('app.name')}
        </span>
        <LanguageSwitcher value={language} onChange={onLanguageChange} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" selectedKeys={['cycles']} style={{ height: '100%', paddingTop: 8 }} items={[{ key: 'cycles', icon: <CalendarOutlined />, label: t('nav.home') }]} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <CyclesPage />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
