import { Button, Space, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../errors';
import { flushAllAutosaves } from '../../hooks/useAutosave';
import type { SaveStatus } from '../../hooks/useSaveStatus';

const two = (n: number) => String(n).padStart(2, '0');
/** hh:mm:ss in local time, the same in every language. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A quiet line: saving…, saved at hh:mm:ss, or what went wrong with a retry. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  if (status.error) {
    return (
      <Space size={6} className="save-indicator" data-testid="save-indicator" role="status">
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('ui.application.saveFailed', { reason: translateError(t, status.error) })}
        </Typography.Text>
        <Button size="small" onClick={flushAllAutosaves}>
          {t('ui.common.retry')}
        </Button>
      </Space>
    );
  }
  if (status.saving) {
    return (
      <Typography.Text type="secondary" className="save-indicator" data-testid="save-indicator" role="status">
        <LoadingOutlined /> {t('ui.application.saving')}
      </Typography.Text>
    );
  }
  if (status.dirty) {
    return (
      <Typography.Text type="secondary" className="save-indicator" data-testid="save-indicator" role="status">
        {t('ui.application.unsaved')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" className="save-indicator" data-testid="save-indicator" role="status">
      {status.savedAt ? (
        <>
          <CheckCircleOutlined /> {t('ui.application.savedAt', { time: clockTime(status.savedAt) })}
        </>
      ) : (
        t('ui.application.autosaveHint')
      )}
    </Typography.Text>
  );
}
