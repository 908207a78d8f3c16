import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../../../shared/api/cycles';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { useLanguage } from '../../hooks/useLanguage';
import { href } from '../../app/routes';

/** The criteria a cycle is judged by; frozen once any expert score exists, so scores keep their meaning. */
export function FrameworkChoiceCard({ cycle, frameworks, onChanged }: { cycle: CycleDetail; frameworks: FrameworkSummary[] | undefined; onChanged(detail: CycleDetail): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState(cycle.frameworkId);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    setBusy(true);
    try {
      const detail = await call('cycles.setFramework', { cycleId: cycle.id, frameworkId: chosen });
      onChanged(detail);
      void message.success(t('ui.settings.frameworkChanged'));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  const options = (frameworks ?? []).map((framework) => ({
    value: framework.id,
    label: t('ui.frameworks.optionLabel', { name: framework.names[language], revision: framework.revision, total: framework.total, items: framework.itemCount }),
  }));

  return (
    <Card title={t('ui.settings.framework')} data-testid="framework-choice">
      {cycle.frameworkFrozen && (
        <Alert type="info" showIcon icon={<LockOutlined />} style={{ marginBottom: 16 }} title={t('ui.settings.frameworkFrozen')} data-testid="framework-frozen" />
      )}
      <Space wrap size={12} align="center">
        <Select
          aria-label={t('ui.settings.framework')}
          data-testid="framework-select"
          value={chosen}
          onChange={setChosen}
          options={options}
          loading={!frameworks}
          disabled={cycle.frameworkFrozen}
          style={{ minWidth: 420, maxWidth: '100%' }}
        />
        <Button type="primary" disabled={cycle.frameworkFrozen || chosen === cycle.frameworkId} loading={busy} onClick={() => void apply()} data-testid="framework-apply">
          {t('ui.settings.useFramework')}
        </Button>
        <Typography.Link href={href.framework(cycle.frameworkId)}>{t('ui.settings.viewFramework')}</Typography.Link>
      </Space>
    </Card>
  );
}
