import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useWorkspace } from '../../hooks/useWorkspace';

/**
 * Builds the demo (a new office workspace with a complete, approved cycle: `demo.create`), switches
 * to it and shows its cycles. Also meant for the empty cycles list of a first start.
 */
export function useOpenDemo(): { open: () => Promise<void>; busy: boolean } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reopen } = useWorkspace();
  const { navigate } = useHashRoute();
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    try {
      const created = await call('demo.create', {});
      // Reopen first: every page must read the new workspace, not the one it replaced.
      await reopen();
      navigate('#/cycles');
      void message.success(t('ui.start.demoOpened', { title: created.title }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };
  return { open, busy };
}
