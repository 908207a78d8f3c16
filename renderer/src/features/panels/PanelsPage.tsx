import { useMemo, useState } from 'react';
import { Alert, Button, Col, Empty, Row, Space } from 'antd';
import { BulbOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../../shared/api/panels';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { NewPanelDialog } from './NewPanelDialog';
import { OfficeSectionHeader } from './OfficeSectionHeader';
import { PanelCard } from './PanelCard';
import { SuggestionDrawer } from './SuggestionDrawer';

/** Panels of one stage, their members and applicants, and the automatic suggestion. */
export function PanelsPage({ cycleId, stage }: { cycleId: string; stage: StageId }) {
  const { t } = useTranslation();
  const panels = useCall('panels.list', { cycleId, stage });
  const experts = useCall('experts.list', {});
  const applicants = useCall('applicants.list', { cycleId });
  const conflicts = useCall('conflicts.list', { cycleId, status: 'confirmed' });
  const [creating, setCreating] = useState(false);
  const [suggesting, setSuggesting] = useState(false);

  const list = useMemo(() => panels.data ?? [], [panels.data]);
  const seated = useMemo(() => new Set(list.flatMap((p) => p.members.map((m) => m.expertId))), [list]);
  const assigned = useMemo(() => new Set(list.flatMap((p) => p.applicants.map((a) => a.applicantId))), [list]);
  const unassigned = useMemo(() => (applicants.data ?? []).filter((a) => !assigned.has(a.id)), [applicants.data, assigned]);
  const replace = (panel: Panel) => panels.setData(list.map((p) => (p.id === panel.id ? panel : p)));
  const reloadAll = () => {
    panels.reload();
    applicants.reload();
  };

  const error = panels.error ?? experts.error ?? applicants.error;
  return (
    <>
      <OfficeSectionHeader
        cycleId={cycleId}
        section="panels"
        stage={stage}
        subtitle={t('scoringUi.panels.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<BulbOutlined />} onClick={() => setSuggesting(true)} data-testid="suggest-assignment">
              {t('scoringUi.suggest.open')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-panel">
              {t('scoringUi.panels.new')}
            </Button>
          </Space>
        }
      />
      {error ? (
        <LoadError error={error} onRetry={reloadAll} />
      ) : !panels.data || !experts.data ? (
        <PageLoading />
      ) : (
        <>
          {unassigned.length > 0 && list.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('scoringUi.panels.unassigned', { count: unassigned.length })} data-testid="unassigned-count" />
          )}
          {list.length === 0 ? (
            <Empty description={t('scoringUi.panels.empty')} data-testid="panels-empty">
              <Space>
                <Button onClick={() => setSuggesting(true)}>{t('scoringUi.suggest.open')}</Button>
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('scoringUi.panels.new')}
                </Button>
              </Space>
            </Empty>
          ) : (
            <Row gutter={[16, 16]}>
              {list.map((panel) => (
                <Col key={panel.id} xs={24} xl={12}>
                  <PanelCard panel={panel} experts={experts.data ?? []} seated={seated} unassigned={unassigned} conflicts={conflicts.data ?? []} onChanged={replace} />
                </Col>
              ))}
            </Row>
          )}
        </>
      )}
      <NewPanelDialog
        cycleId={cycleId}
        stage={stage}
        open={creating}
        experts={experts.data ?? []}
        seated={seated}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          reloadAll();
        }}
      />
      <SuggestionDrawer
        cycleId={cycleId}
        stage={stage}
        open={suggesting}
        panels={list}
        experts={experts.data ?? []}
        applicants={applicants.data ?? []}
        onClose={() => setSuggesting(false)}
        onApplied={() => {
          setSuggesting(false);
          reloadAll();
        }}
      />
    </>
  );
}
