import { useEffect, useState } from 'react';
import { App as AntApp, Layout, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher';
import { useHashRoute } from '../hooks/useHashRoute';
import { useWorkspace } from '../hooks/useWorkspace';
import { call } from '../bridge';
import { NavMenu, isAllowed, navKeyOf, type NavKey } from './NavMenu';
import { cycleOf, href, parseRoute } from './routes';
import { RoutePage } from './RoutePage';
import { PageLoading } from '../components/PageLoading';
import { workspaceName } from '../features/start/workspace-name';

/** The cycle the applicants menu entry opens; forgotten when another workspace is opened. */
export const LAST_CYCLE = 'award-desk.lastCycle';

export function Shell({ language, onLanguageChange }: { language: Language; onLanguageChange(language: Language): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { workspace, role, ready } = useWorkspace();
  const { segments, navigate } = useHashRoute();
  const route = parseRoute(segments);
  const [lastCycleId, setLastCycleId] = useState<string | null>(() => sessionStorage.getItem(LAST_CYCLE));

  const routeCycle = cycleOf(route);
  useEffect(() => {
    if (!routeCycle) return;
    setLastCycleId(routeCycle);
    sessionStorage.setItem(LAST_CYCLE, routeCycle);
  }, [routeCycle]);

  const allowed = isAllowed(route, role);
  useEffect(() => {
    if (ready && !allowed) navigate('#/', { replace: true });
  }, [ready, allowed, navigate]);

  const select = async (key: NavKey) => {
    if (key !== 'applicants') {
      navigate(href[key]());
      return;
    }
    if (lastCycleId) {
      navigate(href.applicants(lastCycleId));
      return;
    }
    const cycles = await call('cycles.list', {}).catch(() => []);
    const first = cycles[0];
    if (first) navigate(href.applicants(first.id));
    else {
      void message.info(t('ui.nav.noCycleYet'));
      navigate(href.cycles());
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <span className="app-brand" data-testid="app-title">
          {t('app.name')}
        </span>
        <div className="app-header-right">
          {workspace && (
            <Tag className="workspace-tag" data-testid="workspace-tag" title={workspace.path}>
              {t(`app.role.${workspace.role}`)}
              {` · ${workspaceName(workspace)}`}
            </Tag>
          )}
          <LanguageSwitcher value={language} onChange={onLanguageChange} />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={0}>
          {ready && <NavMenu role={role} selected={navKeyOf(route, role)} onSelect={(key) => void select(key)} />}
        </Layout.Sider>
        <Layout.Content className="app-content">{!ready ? <PageLoading /> : allowed && <RoutePage route={route} />}</Layout.Content>
      </Layout>
    </Layout>
  );
}
