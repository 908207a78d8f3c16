import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import type { WorkspaceSummary } from '../../../shared/api/workspaces';
import type { WorkspaceRole } from '../../../shared/api/schemas';
import { call } from '../bridge';
import { WorkspaceContext, type WorkspaceState } from '../hooks/useWorkspace';
import { antdLocales, theme } from './theme';
import { LAST_CYCLE, Shell } from './Shell';

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [workspace, setWorkspace] = useState<WorkspaceSummary | undefined>();
  const [role, setRole] = useState<WorkspaceRole>('office');
  const [ready, setReady] = useState(false);
  const [epoch, setEpoch] = useState(0);

  const loadWorkspace = useCallback(async () => {
    const current = await call('workspaces.current', {}).catch(() => undefined);
    if (current) {
      setWorkspace(current);
      setRole(current.role);
    } else {
      // Fall back on app.info so the shell still knows its role if workspaces are unavailable.
      const info = await call('app.info', {}).catch(() => undefined);
      if (info) setRole(info.role);
    }
    setReady(true);
  }, []);

  useEffect(() => void loadWorkspace(), [loadWorkspace]);

  const reopen = useCallback(async () => {
    sessionStorage.removeItem(LAST_CYCLE);
    const settings = await call('settings.get', {}).catch(() => undefined);
    if (settings) {
      await i18n.changeLanguage(settings.language);
      document.documentElement.lang = settings.language;
      setLanguage(settings.language);
    }
    await loadWorkspace();
    setEpoch((e) => e + 1); // remount every page: nothing from the previous workspace survives
  }, [i18n, loadWorkspace]);

  const state = useMemo<WorkspaceState>(() => ({ workspace, role, ready, reopen }), [workspace, role, ready, reopen]);

  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme}>
      <AntApp>
        <WorkspaceContext.Provider value={state}>
          <Shell key={epoch} language={language} onLanguageChange={setLanguage} />
        </WorkspaceContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
