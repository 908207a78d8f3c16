import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantStatus } from '../../../../shared/domain/applicant';

const COLORS: Record<ApplicantStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  eligible: 'success',
  ineligible: 'error',
  documentReview: 'purple',
  siteVisit: 'cyan',
  decided: 'gold',
};

export function StatusTag({ status }: { status: ApplicantStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {t(`applicants.status.${status}`)}
    </Tag>
  );
}
