import { useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { deliver, showExportRefusal } from './export-feedback';

/** Enterprise: hands in the workspace's one application as a signed submission package. */
export function SubmissionExportCard({ onExported }: { onExported(): void }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const [busy, setBusy] = useState(false);
  const cycles = useCall('cycles.list', {});
  const cycleId = cycles.data?.[0]?.id;
  const applicants = useCall('applicants.list', cycleId ? { cycleId } : null);
  const applicant = applicants.data?.[0];

  const exportSubmission = async () => {
    if (!applicant) return;
    setBusy(true);
    try {
      await deliver(app, t, await call('exchange.exportSubmission', { applicantId: applicant.id }));
      onExported();
    } catch (error) {
      showExportRefusal(app, t, errorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('exchange.ui.submission.title')} data-testid="exchange-submission-card">
      <Space orientation="vertical" size="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('exchange.ui.submission.hint', { name: applicant?.legalName ?? '' })}
        </Typography.Paragraph>
        <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!applicant} onClick={() => void exportSubmission()} data-testid="exchange-export-submission">
          {t('exchange.ui.submission.button')}
        </Button>
      </Space>
    </Card>
  );
}
