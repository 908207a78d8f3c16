import { Alert, Card, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConsensusView } from '../../../../shared/api/scoring-sessions';
import { formatPoints } from '../../../../shared/domain/scoring';
import '../scoring/scoring.css';

/** Who has submitted, whether this viewer may record, and the consensus total as it stands. */
export function ConsensusSummary({ view, live }: { view: ConsensusView; live: { hundredths: number; counted: number } }) {
  const { t } = useTranslation();
  const pending = view.experts.filter((e) => e.submittedAt === null);
  const finished = view.total.total !== null && live.counted === view.total.totalItems;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center' }}>
        <div>
          <div className="small-text muted">{t('scoringUi.consensus.total')}</div>
          <span className="total-figure" data-testid="consensus-total">
            {formatPoints(live.hundredths)}
          </span>{' '}
          <Typography.Text type="secondary" data-testid="consensus-agreed-count">
            {t('scoringUi.consensus.agreedCount', { agreed: view.total.agreedItems, total: view.total.totalItems })}
          </Typography.Text>
          {finished && (
            <div className="small-text" data-testid="consensus-engine-total">
              <CheckCircleFilled style={{ color: '#389e0d' }} /> {t('scoringUi.consensus.engineTotal', { total: view.total.total!.text })}
            </div>
          )}
        </div>
        <Space size={[6, 6]} wrap>
          {view.experts.map((expert) => (
            <Tag key={expert.expertId} color={expert.submittedAt ? 'green' : 'default'} icon={expert.submittedAt ? <CheckCircleFilled /> : <ClockCircleOutlined />}>
              {expert.name}
              {expert.expertId === view.leaderExpertId ? ` · ${t('scoringUi.panels.leader')}` : ''}
            </Tag>
          ))}
        </Space>
        <Typography.Text type="secondary" className="small-text">
          {t('scoringUi.consensus.threshold', { threshold: view.threshold, flagged: view.agenda.length })}
        </Typography.Text>
      </div>
      {pending.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('scoringUi.consensus.waiting', { names: pending.map((e) => e.name).join(t('scoringUi.listSeparator')) })} data-testid="consensus-waiting" />
      )}
      {pending.length === 0 && !view.canEdit && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('scoringUi.consensus.readOnly')} />}
    </Card>
  );
}
