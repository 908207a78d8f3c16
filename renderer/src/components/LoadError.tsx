import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { translateError } from '../errors';

/** What a page shows when its data could not be loaded: the core's reason and a way to try again. */
export function LoadError({ error, onRetry }: { error: AppErrorPayload; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status={error.code === 'notFound' ? '404' : 'warning'}
      title={t('ui.common.loadFailed')}
      subTitle={translateError(t, error)}
      extra={onRetry && <Button onClick={onRetry}>{t('ui.common.retry')}</Button>}
      data-testid="load-error"
    />
  );
}
