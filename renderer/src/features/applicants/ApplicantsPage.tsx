import { useMemo, useState } from 'react';
import { Button, Card, Empty, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useLanguage } from '../../hooks/useLanguage';
import { ApplicantFilters } from './ApplicantFilters';
import { ApplicantsTable } from './ApplicantsTable';
import { ExportApplicantsButton } from './ExportApplicantsButton';
import { ImportApplicantsButton } from './ImportApplicantsButton';
import { emptyFilter, filterApplicants, regionsOf, type ApplicantFilter } from './applicant-filter';

export function ApplicantsPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { navigate } = useHashRoute();
  const cycles = useCall('cycles.list', {});
  const list = useCall('applicants.list', { cycleId });
  const [filter, setFilter] = useState<ApplicantFilter>(emptyFilter);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const rows = useMemo(() => filterApplicants(all, filter), [all, filter]);
  const regions = useMemo(() => regionsOf(all, language), [all, language]);
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  const filtered = filter !== emptyFilter && (filter.search || filter.status || filter.section || filter.region);

  const empty =
    all.length === 0 ? (
      <Empty description={t('ui.applicants.empty')} data-testid="applicants-empty">
        <Button type="primary" icon={<PlusOutlined />} href={href.newApplicant(cycleId)}>
          {t('ui.applicants.new')}
        </Button>
      </Empty>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.applicants.noMatch')}>
        <Button onClick={() => setFilter(emptyFilter)}>{t('ui.applicants.clearFilters')}</Button>
      </Empty>
    );

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('cycles.title'), href: href.cycles() }, { title: cycle?.name ?? '…' }]}
        title={t('ui.applicants.title')}
        subtitle={
          <Space size={8} wrap>
            <span>{t('ui.applicants.cycle')}</span>
            <Select
              size="small"
              variant="borderless"
              aria-label={t('ui.applicants.cycle')}
              value={cycleId}
              loading={cycles.loading}
              onChange={(id) => navigate(href.applicants(id))}
              options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 220 }}
              data-testid="cycle-select"
              popupMatchSelectWidth={false}
            />
            <Typography.Link href={href.cycleSettings(cycleId)}>{t('ui.cycles.settings')}</Typography.Link>
          </Space>
        }
        extra={
          <Space wrap>
            <ImportApplicantsButton cycleId={cycleId} onImported={list.reload} />
            <ExportApplicantsButton cycleId={cycleId} disabled={all.length === 0} />
            <Button type="primary" icon={<PlusOutlined />} href={href.newApplicant(cycleId)} data-testid="new-applicant">
              {t('ui.applicants.new')}
            </Button>
          </Space>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card>
          <div className="filter-row">
            <ApplicantFilters value={filter} onChange={setFilter} regions={regions} />
            <Typography.Text type="secondary" data-testid="applicant-count">
              {filtered ? t('ui.applicants.countFiltered', { shown: rows.length, total: all.length }) : t('ui.applicants.count', { count: all.length })}
            </Typography.Text>
          </div>
          <ApplicantsTable rows={rows} loading={list.loading} empty={empty} />
        </Card>
      )}
    </>
  );
}
