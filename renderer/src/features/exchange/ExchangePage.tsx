import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useWorkspace } from '../../hooks/useWorkspace';
import { ExchangeHistory } from './ExchangeHistory';
import { ImportPackageCard } from './ImportPackageCard';
import { OpenReviewPackageButton } from './OpenReviewPackageButton';
import { ReviewExportCard } from './ReviewExportCard';
import { ScoresExportCard } from './ScoresExportCard';
import { SubmissionExportCard } from './SubmissionExportCard';

/**
 * Package exchange for the current workspace: what it can send and receive depends on its role. The
 * office imports submissions and scores and sends review packages; an applicant hands in its
 * submission; an examiner sends scores (and takes later review packages).
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  const history = useCall('exchange.history', {});
  const identity = useCall('exchange.identity', {});
  const refresh = () => {
    history.reload();
    identity.reload();
  };

  return (
    <div data-testid="exchange-page">
      <PageHeader
        title={t('exchange.ui.page.title')}
        subtitle={
          identity.data?.keyFingerprint ? (
            <span>
              {t('exchange.ui.page.ownFingerprint')} <Typography.Text code data-testid="exchange-fingerprint">{identity.data.keyFingerprint}</Typography.Text>
            </span>
          ) : (
            t('exchange.ui.page.subtitle')
          )
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {role === 'enterprise' && <SubmissionExportCard onExported={refresh} />}
        {role === 'expert' && <ScoresExportCard onExported={refresh} />}
        {role !== 'enterprise' && <ImportPackageCard onImported={refresh} />}
        {role === 'office' && <ReviewExportCard onExported={refresh} />}
        {role !== 'expert' && (
          <Card title={t('exchange.ui.openReview.title')}>
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('exchange.ui.openReview.hint')}</Typography.Text>
              <OpenReviewPackageButton />
            </Space>
          </Card>
        )}
        <ExchangeHistory history={history} />
      </Space>
    </div>
  );
}
