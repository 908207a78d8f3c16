import { Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/api/contract';
import { STAGE_IDS } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { useCall } from '../../hooks/useCall';

type Assignment = ChannelOutput<'scores.myAssignments'>[number];

/** The signed-in expert's applicants only, with progress per applicant. */
export function MyAssignments({ cycleId, sessionToken }: { cycleId: string; sessionToken: string }) {
  const { t } = useTranslation();
  const list = useCall('scores.myAssignments', { sessionToken });
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  const rows = (list.data ?? []).filter((a) => a.cycleId === cycleId).sort((a, b) => STAGE_IDS.indexOf(a.stage) - STAGE_IDS.indexOf(b.stage));

  return (
    <Card title={t('scoringUi.room.mine')}>
      <Table<Assignment>
        data-testid="my-assignments"
        rowKey={(row) => `${row.stage}-${row.applicantId}`}
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scoringUi.room.nothingAssigned')} /> }}
        columns={[
          {
            title: t('scoringUi.progress.applicant'),
            key: 'applicant',
            render: (_, row) => (
              <a href={href.reviewSheet(row.cycleId, row.stage, row.applicantId)} data-testid="assignment-open">
                {row.applicantName}
              </a>
            ),
          },
          { title: t('scoringUi.room.stage'), key: 'stage', width: 120, render: (_, row) => <Tag>{t(`applicants.cycle.stage.${row.stage}`)}</Tag> },
          {
            title: t('scoringUi.progress.panel'),
            key: 'panel',
            width: 160,
            render: (_, row) => (
              <Space size={4}>
                {row.panelName}
                {row.isLeader && <Tag color="gold">{t('scoringUi.panels.leader')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('scoringUi.room.progress'),
            key: 'progress',
            width: 230,
            render: (_, row) => (
              <Space size={8} style={{ width: '100%' }} data-testid="assignment-progress">
                <Progress percent={Math.round((row.progress.scored / Math.max(1, row.progress.total)) * 100)} size="small" showInfo={false} style={{ width: 110 }} />
                <Typography.Text type="secondary" className="small-text nowrap">
                  {row.submittedAt ? t('scoringUi.progress.submitted') : t('scoringUi.sheet.progress', { scored: row.progress.scored, total: row.progress.total })}
                </Typography.Text>
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
                <Button size="small" type={row.submittedAt ? 'default' : 'primary'} icon={row.submittedAt ? <EyeOutlined /> : <EditOutlined />} href={href.reviewSheet(row.cycleId, row.stage, row.applicantId)}>
                  {t(row.submittedAt ? 'scoringUi.room.view' : 'scoringUi.room.score')}
                </Button>
                {(row.isLeader || row.submittedAt) && (
                  <Button size="small" icon={<TeamOutlined />} href={href.reviewConsensus(row.cycleId, row.stage, row.applicantId)} data-testid="assignment-consensus">
                    {t('scoringUi.progress.consensus')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
