import { Alert, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { translateMessage } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { ApplicantCharts } from '../results/ApplicantCharts';
import { ExplanationView } from './ExplanationView';
import { SiteVisitIssues } from './SiteVisitIssues';
import '../scoring/scoring.css';

/** An applicant's stage totals and the stage-weighted combined total, from the engine, with the site-visit issues. */
export function ResultsPage({ cycleId, applicantId }: { cycleId: string; applicantId: string }) {
  const { t } = useTranslation();
  const cycle = useCall('cycles.get', { cycleId });
  const applicant = useCall('applicants.get', { applicantId });
  const framework = useCall('frameworks.get', cycle.data ? { id: cycle.data.frameworkId } : null);
  const result = useCall('results.applicant', { applicantId });

  const error = result.error ?? applicant.error ?? cycle.error;
  if (error) return <LoadError error={error} onRetry={result.reload} />;
  if (!result.data || !applicant.data) return <PageLoading />;
  const data = result.data;
  return (
    <>
      <PageHeader
        crumbs={[{ title: cycle.data?.name ?? '…', href: href.scoringProgress(cycleId) }, { title: t('scoringUi.results.title') }]}
        title={<span data-testid="results-title">{applicant.data.legalName}</span>}
        subtitle={t('scoringUi.results.subtitle', { method: t(`applicants.cycle.aggregation.${data.method}`) })}
      />
      <Row gutter={[16, 16]}>
        {data.stages.map((stage) => (
          <Col key={stage.stage} xs={24} lg={8}>
            <Card
              size="small"
              data-testid={`stage-result-${stage.stage}`}
              title={
                <Space>
                  {t(`applicants.cycle.stage.${stage.stage}`)}
                  <Tag>{t('scoringUi.results.weight', { weight: stage.weightPercent })}</Tag>
                </Space>
              }
              extra={
                <Button size="small" type="link" icon={<TeamOutlined />} href={href.officeConsensus(cycleId, stage.stage, applicantId)}>
                  {t('scoringUi.progress.consensus')}
                </Button>
              }
            >
              {stage.total ? (
                <>
                  <span className="total-figure" data-testid="stage-total">
                    {stage.total.text}
                  </span>
                  {stage.explanation && (
                    <div style={{ marginTop: 8 }}>
                      <ExplanationView explanation={stage.explanation} />
                    </div>
                  )}
                </>
              ) : (
                <ul className="plain-list" data-testid="stage-missing">
                  {stage.missing.map((m, i) => (
                    <li key={i}>
                      <Typography.Text type="secondary">{translateMessage(t, m)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t('scoringUi.results.combined')} data-testid="combined-result">
        {data.combined ? (
          <>
            <span className="total-figure" data-testid="combined-total">
              {data.combined.total.text}
            </span>
            <div style={{ marginTop: 8 }}>
              <ExplanationView explanation={data.combined.explanation} />
            </div>
          </>
        ) : (
          <Alert type="info" showIcon title={t('scoringUi.results.combinedPending')} />
        )}
      </Card>
      {framework.data && <ApplicantCharts applicantId={applicantId} framework={framework.data.framework} />}
      {framework.data && (
        <div style={{ marginTop: 16 }}>
          <SiteVisitIssues applicantId={applicantId} framework={framework.data.framework} />
        </div>
      )}
    </>
  );
}
