import { useState } from 'react';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { DownloadOutlined, FolderOpenOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../../shared/api/results';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { NATIVE_CHANNELS } from '../../../../shared/api/native';
import { formatBytes } from '../../files';
import { hasNativeHost, invokeNative } from '../../native';
import { useLanguage } from '../../hooks/useLanguage';
import { saveDownload } from '../exchange/file-transfer';
import { useJob } from './use-job';

/**
 * A print job's progress bar with cancel, then the produced file. The core hands back a download: the
 * desktop app saves it through the system's save dialog, or unpacks a batch (a .zip with one PDF per
 * applicant) into a folder the user picks; the browser host delivers it through the browser's download.
 */
export function PrintJobStatus({ jobId, testId = 'print-job' }: { jobId: string; testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState(false);
  const { job, error } = useJob(jobId);

  const cancel = async () => {
    setCancelling(true);
    try {
      await call('jobs.cancel', { jobId });
    } catch (failure) {
      void message.error(translateError(t, errorPayload(failure)));
    } finally {
      setCancelling(false);
    }
  };

  const [folderSaved, setFolderSaved] = useState<{ folderName: string; count: number } | null>(null);
  const saveToFolder = async (download: NonNullable<JobView['download']>) => {
    try {
      const result = await invokeNative(NATIVE_CHANNELS.saveToFolder, { downloadId: download.downloadId });
      if (result) setFolderSaved({ folderName: result.folderName, count: result.files.length });
    } catch (failure) {
      void message.error(translateError(t, errorPayload(failure)));
    }
  };

  const save = async (download: NonNullable<JobView['download']>) => {
    try {
      if (await saveDownload(download)) setSaved(true);
    } catch (failure) {
      void message.error(translateError(t, errorPayload(failure)));
    }
  };

  if (error) return <Alert type="error" showIcon title={translateError(t, error)} />;
  if (!job) return <Progress percent={0} size="small" />;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId} data-state={job.state}>
      <Space size={12} wrap style={{ width: '100%' }}>
        <Progress
          percent={job.state === 'done' ? 100 : percent}
          status={job.state === 'failed' ? 'exception' : job.state === 'cancelled' ? 'normal' : job.state === 'done' ? 'success' : 'active'}
          style={{ width: 280 }}
          data-testid={`${testId}-progress`}
        />
        <Typography.Text type="secondary">{t('results.ui.print.count', { done: job.done, total: job.total })}</Typography.Text>
        {job.state === 'running' && (
          <Button danger icon={<StopOutlined />} loading={cancelling} onClick={() => void cancel()} data-testid={`${testId}-cancel`}>
            {t('ui.common.cancel')}
          </Button>
        )}
      </Space>
      {job.state === 'done' && job.download && (
        <Space size={8} wrap>
          <Button type="primary" icon={<DownloadOutlined />} onClick={() => void save(job.download!)} data-testid={`${testId}-save`}>
            {t('results.ui.print.save')}
          </Button>
          {hasNativeHost() && job.download.fileName.toLowerCase().endsWith('.zip') && (
            <Button icon={<FolderOpenOutlined />} onClick={() => void saveToFolder(job.download!)} data-testid={`${testId}-save-folder`}>
              {t('results.ui.print.saveToFolder')}
            </Button>
          )}
          <Typography.Text>{job.download.fileName}</Typography.Text>
          <Typography.Text type="secondary">{formatBytes(job.download.bytes, language)}</Typography.Text>
          {saved && <Typography.Text type="success">{t('results.ui.print.saved')}</Typography.Text>}
          {folderSaved && <Typography.Text type="success">{t('results.ui.print.savedToFolder', folderSaved)}</Typography.Text>}
        </Space>
      )}
      {job.state === 'cancelled' && <Alert type="info" showIcon title={t('results.ui.print.cancelled')} />}
      {job.state === 'failed' && <Alert type="error" showIcon title={job.error ? translateMessage(t, job.error) : t('errors.internal')} />}
    </Space>
  );
}
