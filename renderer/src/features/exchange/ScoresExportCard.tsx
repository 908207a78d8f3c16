import { useState } from 'react';
import { App, Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { errorPayload } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { deliver, showExportRefusal } from './export-feedback';

/** Examiner: whom this workspace scores as, and the scores of one stage as a signed package for the office. */
export function ScoresExportCard({ onExported }: { onExported(): void }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const identity = useCall('exchange.identity', {});
  const [stage, setStage] = useState<StageId | undefined>();
  const [busy, setBusy] = useState(false);
  const stages = identity.data?.stages ?? [];
  const chosen = stage ?? stages[0];
  const expert = identity.data?.expert;

  const exportScores = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const download = await call('exchange.exportScores', { stage: chosen });
      await deliver(app, t, download);
      onExported();
      void app.message.info(t(download.final ? 'exchange.ui.scores.finalSent' : 'exchange.ui.scores.interimSent', { sheets: download.sheets }));
    } catch (error) {
      showExportRefusal(app, t, errorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('exchange.ui.scores.title')} data-testid="exchange-scores-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {expert && (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'expert', label: t('exchange.ui.scores.expert'), children: expert.name },
              { key: 'cycle', label: t('exchange.ui.scores.cycle'), children: expert.cycleName },
              { key: 'office', label: t('exchange.ui.scores.officeFingerprint'), children: <Typography.Text code>{expert.officeFingerprint}</Typography.Text> },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('exchange.ui.scores.hint')}
        </Typography.Paragraph>
        <Space>
          <Select<StageId>
            style={{ minWidth: 200 }}
            value={chosen}
            onChange={setStage}
            options={stages.map((value) => ({ value, label: t(`applicants.cycle.stage.${value}`) }))}
            data-testid="exchange-scores-stage"
          />
          <Button type="primary" icon={<ExportOutlined />} loading={busy} disabled={!chosen} onClick={() => void exportScores()} data-testid="exchange-export-scores">
            {t('exchange.ui.scores.button')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
