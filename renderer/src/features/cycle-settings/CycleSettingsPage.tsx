import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { FrameworkChoiceCard } from './FrameworkChoiceCard';
import { SettingsForm } from './SettingsForm';

export function CycleSettingsPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const cycle = useCall('cycles.get', { cycleId });
  const frameworks = useCall('frameworks.list', {});

  if (cycle.error) return <LoadError error={cycle.error} onRetry={cycle.reload} />;
  if (!cycle.data) return <PageLoading />;
  const detail = cycle.data;
  const total = frameworks.data?.find((framework) => framework.id === detail.frameworkId)?.total ?? 1000;

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('cycles.title'), href: href.cycles() }, { title: detail.name }]}
        title={t('ui.settings.title', { name: detail.name })}
        subtitle={t('ui.settings.subtitle')}
      />
      <Row gutter={[20, 20]}>
        <Col span={24}>
          <FrameworkChoiceCard cycle={detail} frameworks={frameworks.data} onChanged={cycle.setData} />
        </Col>
        <Col span={24}>
          <SettingsForm cycle={detail} frameworkTotal={total} onSaved={cycle.setData} />
        </Col>
      </Row>
    </>
  );
}
