import { useState } from 'react';
import { Alert, App, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { ApplicantForm } from '../applicants/ApplicantForm';
import { ApplicationEditor } from './ApplicationEditor';

/** An enterprise workspace holds one cycle with one applicant: its own application and its facts. */
export function MyApplicationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tab, setTab] = useState('application');
  const cycles = useCall('cycles.list', {});
  const cycle = cycles.data?.[0];
  const applicants = useCall('applicants.list', cycle ? { cycleId: cycle.id } : null);
  const applicant = applicants.data?.[0];
  const detail = useCall('applicants.get', applicant && tab === 'organisation' ? { applicantId: applicant.id } : null);

  const error = cycles.error ?? applicants.error;
  if (error) return <LoadError error={error} onRetry={cycles.reload} />;
  if (!cycles.data || (cycle && !applicants.data)) return <PageLoading />;

  return (
    <>
      <PageHeader title={t('ui.application.myTitle')} subtitle={applicant && cycle ? t('ui.application.mySubtitle', { organisation: applicant.legalName, cycle: cycle.name }) : undefined} />
      {!applicant ? (
        <Empty description={t('ui.application.noApplication')} data-testid="no-application" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'application', label: <span data-testid="tab-my-application">{t('ui.application.tabs.application')}</span>, children: <ApplicationEditor applicantId={applicant.id} /> },
            {
              key: 'organisation',
              label: <span data-testid="tab-my-organisation">{t('ui.application.tabs.organisation')}</span>,
              children: detail.error ? (
                <LoadError error={detail.error} onRetry={detail.reload} />
              ) : !detail.data ? (
                <PageLoading />
              ) : (
                <>
                  {!detail.data.record && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ui.application.recordMissing')} />}
                  <ApplicantForm
                    key={detail.data.updatedAt}
                    initial={detail.data.record ?? undefined}
                    submitText={t('ui.applicant.save')}
                    onSubmit={async (record) => {
                      detail.setData(await call('applicants.update', { applicantId: applicant.id, record }));
                      void message.success(t('ui.applicant.saved'));
                    }}
                  />
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
