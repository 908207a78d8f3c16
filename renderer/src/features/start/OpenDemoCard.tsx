import { Button, Card, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpenDemo } from './use-open-demo';

/** The first-start offer: a complete award cycle to look around in, in a workspace of its own. */
export function OpenDemoCard() {
  const { t } = useTranslation();
  const { open, busy } = useOpenDemo();
  return (
    <Card title={t('ui.start.demoTitle')} data-testid="open-demo-card" style={{ marginBottom: 20 }}>
      <Typography.Paragraph type="secondary">{t('ui.start.demoHelp')}</Typography.Paragraph>
      <Button type="primary" ghost icon={<ExperimentOutlined />} loading={busy} onClick={() => void open()} data-testid="open-demo">
        {t('ui.start.openDemo')}
      </Button>
    </Card>
  );
}
