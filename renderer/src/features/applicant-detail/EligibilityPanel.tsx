import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/api/applicants';
import type { ChannelOutput } from '../../../../shared/api/contract';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { DecisionForm } from './DecisionForm';

type Check = ChannelOutput<'applicants.checkEligibility'>;
type Result = Check['results'][number];

export function EligibilityPanel({ applicant, onDecided }: { applicant: ApplicantDetail; onDecided(detail: ApplicantDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      setCheck(await call('applicants.checkEligibility', { applicantId: applicant.id }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[20, 20]}>
      <Col xs={24} xl={15}>
        <Card
          title={t('ui.eligibility.title')}
          extra={
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()} data-testid="run-eligibility">
              {check ? t('ui.eligibility.rerun') : t('ui.eligibility.run')}
            </Button>
          }
        >
          {!check ? (
            <Typography.Paragraph type="secondary">{t('ui.eligibility.intro')}</Typography.Paragraph>
          ) : (
            <>
              <Alert
                type={check.eligible ? 'success' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                title={check.eligible ? t('ui.eligibility.allPassed') : t('ui.eligibility.someFailed', { count: check.results.filter((r) => !r.passed).length })}
                description={t('ui.eligibility.asOf', { date: check.asOf })}
                data-testid="eligibility-summary"
              />
              <Table<Result>
                data-testid="eligibility-results"
                size="middle"
                rowKey="rule"
                pagination={false}
                dataSource={check.results}
                locale={{ emptyText: t('ui.eligibility.noRules') }}
                rowClassName={(result) => (result.passed ? 'rule-passed' : 'rule-failed')}
                columns={[
                  { title: t('ui.eligibility.rule'), key: 'rule', width: 200, render: (_, result) => t(`applicants.eligibility.${result.rule}.name`) },
                  {
                    title: t('ui.eligibility.result'),
                    key: 'passed',
                    width: 110,
                    render: (_, result) =>
                      result.passed ? (
                        <Tag icon={<CheckCircleFilled />} color="success">
                          {t('ui.eligibility.passed')}
                        </Tag>
                      ) : (
                        <Tag icon={<CloseCircleFilled />} color="error">
                          {t('ui.eligibility.failed')}
                        </Tag>
                      ),
                  },
                  { title: t('ui.eligibility.reason'), key: 'reason', render: (_, result) => translateMessage(t, result.reason) },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <DecisionForm applicant={applicant} suggestion={check ? (check.eligible ? 'eligible' : 'ineligible') : undefined} onDecided={onDecided} />
      </Col>
    </Row>
  );
}
