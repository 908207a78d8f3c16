import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { errorPayload, translateError } from '../errors';

/**
 * One save of a form: `saving` while it runs, and a refusal from the core shown where it belongs — on
 * the form's fields when `placeOnFields` takes it (returns true), otherwise as a message.
 */
export function useSubmit(placeOnFields?: (payload: AppErrorPayload) => boolean): { saving: boolean; run(work: () => Promise<void>): Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setSaving(true);
      try {
        await work();
      } catch (error) {
        const payload = errorPayload(error);
        if (!placeOnFields?.(payload)) void message.error(translateError(t, payload));
      } finally {
        setSaving(false);
      }
    },
    [message, placeOnFields, t],
  );
  return { saving, run };
}
