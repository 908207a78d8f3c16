import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from '../../../../shared/api/results';
import { href } from '../../app/routes';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { actorLabel } from '../panels/ActorName';
import { ApprovalActions } from './ApprovalActions';
import { DecisionDialog } from './DecisionDialog';
import { ExportXlsxButton } from './ExportXlsxButton';
import { PrintJobStatus } from './PrintJobStatus';
import { ResultsSectionHeader } from './ResultsSectionHeader';
import { tierColour, useTierLabel } from './tier-label';

/** The public-notice list as a PDF: a print job like any other, followed right here. */
function PublicNoticePdf({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = async () => {
    try {
      setJobId((await call('documents.print', { cycleId, kind: 'publicNotice', language, mode: 'combined', blank: false })).jobId);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<FilePdfOutlined />} onClick={() => void start()} data-testid="public-notice-pdf">
          {t('results.ui.committee.noticePdf')}
        </Button>
        <ExportXlsxButton cycleId={cycleId} kind="publicNotice" />
      </Space>
      {jobId && <PrintJobStatus key={jobId} jobId={jobId} testId="notice-job" />}
    </Space>
  );
}

/** Committee deliberation: votes and a decision per applicant, then approval (or its audited withdrawal). */
export function CommitteePage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const ranking = useCall('results.ranking', { cycleId });
  const [editing, setEditing] = useState<RankingRow | null>(null);
  const data = ranking.data;
  const tierLabel = useTierLabel(data?.tiers);
  const approved = data?.status === 'approved';

  const columns: ColumnsType<RankingRow> = [
    { title: t('results.xlsx.col.rank'), key: 'rank', width: 60, render: (_, row) => row.rank ?? '—' },
    {
      title: t('results.xlsx.col.name'),
      key: 'name',
      width: 230,
      render: (_, row) => <a href={href.results(cycleId, row.applicantId)}>{row.legalName}</a>,
    },
    { title: t('results.xlsx.col.total'), key: 'combined', align: 'right', width: 90, render: (_, row) => row.combined?.text ?? '—' },
    { title: t('results.ui.committee.suggestedTier'), key: 'tier', width: 110, render: (_, row) => <Tag color={tierColour(data?.tiers, row.tierId)}>{tierLabel(row.tierId)}</Tag> },
    {
      title: t('results.xlsx.col.decision'),
      key: 'decision',
      width: 200,
      render: (_, row) =>
        row.decision ? (
          <>
            <Tag color={row.decision.outcome === 'notAwarded' ? 'default' : 'green'} data-testid="decision-cell">
              {tierLabel(row.decision.outcome)}
            </Tag>
            <div className="small-text nowrap" data-testid="votes-cell">
              {t('results.ui.committee.voteSummary', row.decision.votes)}
            </div>
          </>
        ) : (
          <Tag color="warning" data-testid="decision-cell">
            {t('results.ui.committee.undecided')}
          </Tag>
        ),
    },
    {
      title: t('results.ui.committee.note'),
      key: 'note',
      ellipsis: { showTitle: true },
      render: (_, row) => row.decision?.note ?? '',
    },
    { title: t('results.xlsx.col.certificateNo'), key: 'certificateNo', width: 130, render: (_, row) => <span data-testid="certificate-cell">{row.certificateNo ?? '—'}</span> },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, row) => (
        <Button size="small" icon={<EditOutlined />} disabled={approved} onClick={() => setEditing(row)} data-testid="record-decision">
          {t('results.ui.committee.record')}
        </Button>
      ),
    },
  ];

  const decided = data?.rows.filter((row) => row.decision).length ?? 0;
  return (
    <>
      <ResultsSectionHeader cycleId={cycleId} section="committee" approved={data ? approved : undefined} extra={data && <ApprovalActions ranking={data} onChanged={ranking.reload} />} />
      {ranking.error ? (
        <LoadError error={ranking.error} onRetry={ranking.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('results.ui.committee.title')} extra={<Typography.Text type="secondary">{t('results.ui.committee.progress', { decided, total: data.rows.length })}</Typography.Text>}>
            {approved && data.approvedAt && (
              <Typography.Paragraph type="secondary" data-testid="approved-note">
                {t('results.ui.committee.approvedAt', { at: new Date(data.approvedAt).toLocaleString(), by: actorLabel(t, data.approvedBy ?? '') })}
              </Typography.Paragraph>
            )}
            <Table<RankingRow> data-testid="committee-table" size="small" rowKey="applicantId" columns={columns} dataSource={data.rows} pagination={false} tableLayout="fixed" scroll={{ x: 1060 }} />
          </Card>
          <Card size="small" title={t('results.ui.committee.notice')}>
            <Typography.Paragraph type="secondary">{t('results.ui.committee.noticeText')}</Typography.Paragraph>
            <PublicNoticePdf cycleId={cycleId} />
          </Card>
        </Space>
      )}
      {data && (
        <DecisionDialog
          ranking={data}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            ranking.reload();
          }}
        />
      )}
    </>
  );
}
