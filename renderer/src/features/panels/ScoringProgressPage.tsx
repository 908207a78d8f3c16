import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, LoginOutlined, TeamOutlined, TrophyOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/api/contract';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { useCall } from '../../hooks/useCall';
import { ImportPackageCard } from '../exchange/ImportPackageCard';
import { OfficeSectionHeader } from './OfficeSectionHeader';
import { UnlockDialog, type UnlockTarget } from './UnlockDialog';

type Row = ChannelOutput<'scores.progress'>[number];

/** The office's view of a stage: each panel applicant, each member's progress, and the way onward. */
export function ScoringProgressPage({ cycleId, stage }: { cycleId: string; stage: StageId }) {
  const { t } = useTranslation();
  const progress = useCall('scores.progress', { cycleId, stage });
  const [unlocking, setUnlocking] = useState<UnlockTarget | null>(null);

  return (
    <>
      <OfficeSectionHeader
        cycleId={cycleId}
        section="progress"
        stage={stage}
        subtitle={t('scoringUi.progress.subtitle')}
        extra={
          <Button type="primary" icon={<LoginOutlined />} href={href.reviewRoom(cycleId, stage)} data-testid="open-review-room">
            {t('scoringUi.progress.openRoom')}
          </Button>
        }
      />
      {progress.error ? (
        <LoadError error={progress.error} onRetry={progress.reload} />
      ) : (
        <Card>
          <Table<Row>
            data-testid="progress-table"
            rowKey={(row) => `${row.panelId}-${row.applicantId}`}
            loading={progress.loading}
            dataSource={progress.data}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scoringUi.progress.empty')} /> }}
            columns={[
              { title: t('scoringUi.progress.panel'), dataIndex: 'panelName', key: 'panel', width: 130 },
              { title: t('scoringUi.progress.applicant'), dataIndex: 'applicantName', key: 'applicant', width: 240, render: (name: string) => <span data-testid="progress-applicant">{name}</span> },
              {
                title: t('scoringUi.progress.experts'),
                key: 'experts',
                render: (_, row) => (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    {row.experts.map((expert) => (
                      <div key={expert.expertId} className="attachment-row" data-testid="progress-expert">
                        <Typography.Text style={{ minWidth: 72 }}>{expert.name}</Typography.Text>
                        {expert.submittedAt ? (
                          <Tag color="green" icon={<CheckCircleFilled />}>
                            {t('scoringUi.progress.submitted')}
                          </Tag>
                        ) : (
                          <Typography.Text type="secondary" className="small-text nowrap">
                            {t('scoringUi.sheet.progress', { scored: expert.progress.scored, total: expert.progress.total })}
                          </Typography.Text>
                        )}
                        {expert.submittedAt ? (
                          <Tooltip title={t('scoringUi.unlock.title', { name: expert.name })}>
                            <Button size="small" type="text" icon={<UnlockOutlined />} aria-label={t('scoringUi.unlock.title', { name: expert.name })} onClick={() => setUnlocking({ stage, applicantId: row.applicantId, applicantName: row.applicantName, expertId: expert.expertId, expertName: expert.name })} />
                          </Tooltip>
                        ) : (
                          <Button size="small" type="link" icon={<EditOutlined />} href={href.paperSheet(cycleId, stage, row.applicantId, expert.expertId)} data-testid="paper-entry">
                            {t('scoringUi.progress.paperEntry')}
                          </Button>
                        )}
                      </div>
                    ))}
                  </Space>
                ),
              },
              {
                title: '',
                key: 'actions',
                width: 220,
                align: 'right',
                render: (_, row) => (
                  <Space size={4}>
                    <Button size="small" icon={<TeamOutlined />} href={href.officeConsensus(cycleId, stage, row.applicantId)} data-testid="open-consensus">
                      {t('scoringUi.progress.consensus')}
                    </Button>
                    <Button size="small" icon={<TrophyOutlined />} href={href.results(cycleId, row.applicantId)} data-testid="open-results">
                      {t('scoringUi.progress.results')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {/* Experts who scored offline send a scores package; it is taken in here, beside the progress it changes. */}
      <div style={{ marginTop: 16 }}>
        <ImportPackageCard onImported={progress.reload} />
      </div>
      <UnlockDialog
        target={unlocking}
        onClose={() => setUnlocking(null)}
        onUnlocked={() => {
          setUnlocking(null);
          progress.reload();
        }}
      />
    </>
  );
}
