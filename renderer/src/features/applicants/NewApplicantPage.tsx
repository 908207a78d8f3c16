import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { call } from '../../bridge';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { ApplicantForm } from './ApplicantForm';

export function NewApplicantPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();
  const cycle = useCall('cycles.get', { cycleId });

  return (
    <>
      <PageHeader
        crumbs={[
          { title: t('cycles.title'), href: href.cycles() },
          { title: cycle.data?.name ?? '…', href: href.applicants(cycleId) },
          { title: t('ui.applicants.new') },
        ]}
        title={t('ui.applicants.new')}
        subtitle={t('ui.applicant.newSubtitle')}
      />
      <ApplicantForm
        submitText={t('ui.applicant.create')}
        extraActions={<Button href={href.applicants(cycleId)}>{t('ui.common.cancel')}</Button>}
        onSubmit={async (record) => {
          const created = await call('applicants.create', { cycleId, record });
          void message.success(t('ui.applicant.created', { name: created.legalName }));
          navigate(href.applicant(created.id));
        }}
      />
    </>
  );
}
