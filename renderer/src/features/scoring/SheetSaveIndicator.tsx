import { Button, Space, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../errors';
import type { SaveStatus } from '../../hooks/useSaveStatus';
import { clockTime } from '../application/SaveIndicator';

/** Quiet: saving…, saved at hh:mm:ss, or what failed with a retry. */
export function SheetSaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry(): void }) {
  const { t } = useTranslation();
  const common = { 'data-testid': 'save-indicator', role: 'status' } as const;
  if (status.error) {
    return (
      <Space size={6} {...common}>
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('scoringUi.save.failed', { reason: translateError(t, status.error) })}
        </Typography.Text>
        <Button size="small" onClick={onRetry}>
          {t('ui.common.retry')}
        </Button>
      </Space>
    );
  }
  if (status.saving) {
    return (
      <Typography.Text type="secondary" {...common}>
        <LoadingOutlined /> {t('scoringUi.save.saving')}
      </Typography.Text>
    );
  }
  if (status.dirty) {
    return (
      <Typography.Text type="secondary" {...common}>
        {t('scoringUi.save.pending')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" {...common}>
      {status.savedAt ? (
        <>
          <CheckCircleOutlined /> {t('scoringUi.save.savedAt', { time: clockTime(status.savedAt) })}
        </>
      ) : (
        t('scoringUi.save.hint')
      )}
    </Typography.Text>
  );
}
