import type { ReactNode } from 'react';
import { Segmented, Select, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { RESULTS_SECTIONS, sectionHref, type ResultsSection } from './results-routes';

interface Props {
  cycleId: string;
  section: ResultsSection;
  /** Whether the cycle's results are approved (locked); undefined while loading. */
  approved?: boolean;
  extra?: ReactNode;
}

/** Title, cycle picker and the four results sections (ranking, rater severity, committee, printing). */
export function ResultsSectionHeader({ cycleId, section, approved, extra }: Props) {
  const { t } = useTranslation();
  const { navigate } = useHashRoute();
  const cycles = useCall('cycles.list', {});
  const cycle = cycles.data?.find((c) => c.id === cycleId);

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('cycles.title'), href: href.cycles() }, { title: cycle?.name ?? '…', href: href.applicants(cycleId) }, { title: t(`results.ui.section.${section}`) }]}
        title={t('results.ui.title')}
        subtitle={
          <Space size={8} wrap>
            <Select
              size="small"
              variant="borderless"
              aria-label={t('ui.applicants.cycle')}
              value={cycleId}
              loading={cycles.loading}
              onChange={(id) => navigate(sectionHref(section, id))}
              options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 200 }}
              popupMatchSelectWidth={false}
              data-testid="cycle-select"
            />
            {approved !== undefined && (
              <Tag color={approved ? 'green' : 'default'} icon={approved ? <LockOutlined /> : undefined} data-testid="results-status">
                {t(approved ? 'results.ui.status.approved' : 'results.ui.status.open')}
              </Tag>
            )}
            {approved && <Typography.Text type="secondary">{t('results.ui.status.lockedHint')}</Typography.Text>}
          </Space>
        }
        extra={extra}
      />
      <div className="filter-row">
        <Segmented<ResultsSection>
          value={section}
          onChange={(next) => navigate(sectionHref(next, cycleId))}
          options={RESULTS_SECTIONS.map((value) => ({ value, label: <span data-testid={`results-section-${value}`}>{t(`results.ui.section.${value}`)}</span> }))}
        />
      </div>
    </>
  );
}
