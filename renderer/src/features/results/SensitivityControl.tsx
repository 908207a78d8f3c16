import { useState } from 'react';
import { App, Button, Progress, Space, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../../../shared/api/results';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { useJob } from './use-job';

const STATE_COLOURS = { ready: 'green', notComputed: 'default', stale: 'orange', running: 'processing' } as const;

/** Runs leave-one-expert-out as a background job and shows how far it got; the ranking reloads when it ends. */
export function SensitivityControl({ ranking, onDone }: { ranking: Ranking; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [startedJob, setStartedJob] = useState<string | null>(null);
  const jobId = startedJob ?? (ranking.sensitivity.state === 'running' ? ranking.sensitivity.jobId : null);
  const { job } = useJob(jobId, (ended) => {
    setStartedJob(null);
    if (ended.state === 'failed' && ended.error) void message.error(translateMessage(t, ended.error));
    onDone();
  });
  const running = jobId !== null && (job === undefined || job.state === 'running');

  const start = async () => {
    try {
      setStartedJob((await call('results.computeSensitivity', { cycleId: ranking.cycleId })).jobId);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };

  return (
    <Space size={8} wrap data-testid="sensitivity-control">
      <Tag color={running ? 'processing' : STATE_COLOURS[ranking.sensitivity.state]} data-testid="sensitivity-state">
        {t(`results.sensitivity.${running ? 'running' : ranking.sensitivity.state}`)}
      </Tag>
      {running && job && <Progress percent={job.total > 0 ? Math.round((job.done / job.total) * 100) : 0} size="small" style={{ width: 120 }} data-testid="sensitivity-progress" />}
      <Button icon={<ReloadOutlined />} loading={running} onClick={() => void start()} data-testid="compute-sensitivity">
        {t('results.ui.sensitivity.compute')}
      </Button>
    </Space>
  );
}
