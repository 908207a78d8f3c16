import { useState } from 'react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/api/applicants';
import type { ApplicantStatus } from '../../../../shared/domain/applicant';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { testId } from '../../test-id';
import { href } from '../../app/routes';
import { useHashRoute } from '../../hooks/useHashRoute';

/** Eligibility is settled by the decision form (with its note), never by a bare status move. */
const DECIDED_BY_FORM: readonly ApplicantStatus[] = ['eligible', 'ineligible'];

/** Only the moves the status machine allows from here; final statuses say so. */
export function StatusActions({ applicant, onChanged }: { applicant: ApplicantDetail; onChanged(detail: ApplicantDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();
  const [busy, setBusy] = useState<ApplicantStatus | null>(null);

  const move = async (to: ApplicantStatus) => {
    setBusy(to);
    try {
      onChanged(await call('applicants.transition', { applicantId: applicant.id, to }));
      void message.success(t('ui.applicant.moved', { status: t(`applicants.status.${to}`) }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(null);
    }
  };

  if (applicant.nextStatuses.length === 0) return <Typography.Text type="secondary">{t('ui.applicant.finalStatus')}</Typography.Text>;
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('ui.applicant.moveTo')}</Typography.Text>
      {applicant.nextStatuses.some((to) => DECIDED_BY_FORM.includes(to)) && (
        <Button type="primary" ghost onClick={() => navigate(href.applicant(applicant.id, 'eligibility'))} data-testid="go-decide-eligibility">
          {t('ui.applicant.decideEligibility')}
        </Button>
      )}
      {applicant.nextStatuses.filter((to) => !DECIDED_BY_FORM.includes(to)).map((to) => (
        <Popconfirm key={to} title={t('ui.applicant.confirmMove', { status: t(`applicants.status.${to}`) })} okText={t('ui.common.confirm')} cancelText={t('ui.common.cancel')} onConfirm={() => move(to)} okButtonProps={testId('confirm-move')}>
          <Button loading={busy === to} data-testid={`move-${to}`}>
            {to === 'draft' ? t('ui.applicant.returnToDraft') : t(`applicants.status.${to}`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
