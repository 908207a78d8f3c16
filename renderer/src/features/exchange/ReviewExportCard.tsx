import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Select, Space, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorPayload } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { deliver, showExportRefusal } from './export-feedback';

/** Office: one examiner's assignments in a cycle as a review package (a new enrolment each time). */
export function ReviewExportCard({ onExported }: { onExported(): void }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const cycles = useCall('cycles.list', {});
  const experts = useCall('experts.list', {});
  const [cycleId, setCycleId] = useState<string | undefined>();
  const [expertId, setExpertId] = useState<string | undefined>();
  const [dueDate, setDueDate] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const cycle = cycleId ?? cycles.data?.[0]?.id;

  const exportReview = async () => {
    if (!cycle || !expertId) return;
    setBusy(true);
    try {
      const download = await call('exchange.exportReview', { cycleId: cycle, expertId, ...(dueDate ? { dueDate: dueDate.format('YYYY-MM-DD') } : {}) });
      await deliver(app, t, download);
      onExported();
    } catch (error) {
      showExportRefusal(app, t, errorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('exchange.ui.review.title')} data-testid="exchange-review-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('exchange.ui.review.hint')}
        </Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('exchange.ui.review.cycle')}>
            <Select style={{ minWidth: 220 }} value={cycle} onChange={setCycleId} options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="exchange-review-cycle" />
          </Form.Item>
          <Form.Item label={t('exchange.ui.review.expert')}>
            <Select
              style={{ minWidth: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={expertId}
              onChange={setExpertId}
              placeholder={t('exchange.ui.review.expertPlaceholder')}
              options={(experts.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.organisation}）` }))}
              data-testid="exchange-review-expert"
            />
          </Form.Item>
          <Form.Item label={t('exchange.ui.review.dueDate')}>
            <DatePicker value={dueDate} onChange={setDueDate} data-testid="exchange-review-due" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" icon={<ExportOutlined />} loading={busy} disabled={!cycle || !expertId} onClick={() => void exportReview()} data-testid="exchange-export-review">
              {t('exchange.ui.review.button')}
            </Button>
          </Form.Item>
        </Form>
      </Space>
    </Card>
  );
}
