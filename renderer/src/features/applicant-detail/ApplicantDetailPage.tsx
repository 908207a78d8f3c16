import { App, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/api/applicants';
import { href } from '../../app/routes';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { ApplicantForm } from '../applicants/ApplicantForm';
import { StatusTag } from '../applicants/StatusTag';
import { ApplicationEditor } from '../application/ApplicationEditor';
import { EligibilityPanel } from './EligibilityPanel';
import { StatusActions } from './StatusActions';

const TABS = ['record', 'eligibility', 'application'] as const;

export function ApplicantDetailPage({ applicantId, tab }: { applicantId: string; tab: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();
  const detail = useCall('applicants.get', { applicantId });
  const cycle = useCall('cycles.get', detail.data ? { cycleId: detail.data.cycleId } : null);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const applicant: ApplicantDetail = detail.data;
  const active = (TABS as readonly string[]).includes(tab ?? '') ? (tab as string) : 'record';

  return (
    <>
      <PageHeader
        crumbs={[
          { title: t('cycles.title'), href: href.cycles() },
          { title: cycle.data?.name ?? '…', href: href.applicants(applicant.cycleId) },
          { title: applicant.legalName },
        ]}
        title={
          <Space size={12} wrap>
            <span data-testid="applicant-title">{applicant.legalName}</span>
            <StatusTag status={applicant.status} />
          </Space>
        }
        subtitle={<Typography.Text type="secondary" className="mono">{applicant.creditCode}</Typography.Text>}
        extra={<StatusActions applicant={applicant} onChanged={detail.setData} />}
      />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(href.applicant(applicantId, key), { replace: true })}
        destroyOnHidden={false}
        items={[
          {
            key: 'record',
            label: <span data-testid="tab-record">{t('ui.applicant.tabs.record')}</span>,
            children: (
              <ApplicantForm
                key={applicant.updatedAt}
                initial={applicant.record ?? undefined}
                submitText={t('ui.applicant.save')}
                onSubmit={async (record) => {
                  detail.setData(await call('applicants.update', { applicantId, record }));
                  void message.success(t('ui.applicant.saved'));
                }}
              />
            ),
          },
          {
            key: 'eligibility',
            label: <span data-testid="tab-eligibility">{t('ui.applicant.tabs.eligibility')}</span>,
            children: <EligibilityPanel applicant={applicant} onDecided={detail.setData} />,
          },
          {
            key: 'application',
            label: <span data-testid="tab-application">{t('ui.applicant.tabs.application')}</span>,
            children: active === 'application' ? <ApplicationEditor applicantId={applicantId} /> : null,
          },
        ]}
      />
    </>
  );
}
