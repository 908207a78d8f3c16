import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Ranking, RankingRow } from '../../../../shared/api/results';
import { sectionName } from '../../../../shared/domain/industries';
import { href } from '../../app/routes';
import { translateMessage } from '../../errors';
import { useLanguage } from '../../hooks/useLanguage';
import { tierColour, useTierLabel } from './tier-label';

function StabilityCell({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  const stability = row.stability;
  if (!stability) return <Typography.Text type="secondary">—</Typography.Text>;
  const moves = stability.rankChanges || stability.tierChanges;
  const title = moves ? t('results.sensitivity.changes', { experts: stability.changedBy.join(t('results.ui.listSeparator')) }) : t('results.sensitivity.stable');
  return (
    <Tooltip title={`${title} · ${t('results.ui.ranking.swingRange', { min: stability.minTotal.text, max: stability.maxTotal.text })}`}>
      <Space size={4}>
        <Tag color={stability.tierChanges ? 'red' : stability.rankChanges ? 'orange' : 'green'} data-testid="stability-tag">
          {t(stability.tierChanges ? 'results.ui.ranking.tierMoves' : stability.rankChanges ? 'results.ui.ranking.rankMoves' : 'results.ui.ranking.stable')}
        </Tag>
        <Typography.Text type="secondary" className="nowrap">
          ±{stability.swing.text}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** The cycle's ranking: ranks over the whole cycle (filters only narrow the rows), ties shown as such. */
export function RankingTable({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tierLabel = useTierLabel(ranking.tiers);

  const stageColumns: ColumnsType<RankingRow> = ranking.stages.map((stage, index) => ({
    title: `${t(`applicants.cycle.stage.${stage.stage}`)} (${stage.weightPercent}%)`,
    key: `stage-${stage.stage}`,
    align: 'right',
    width: 100,
    render: (_, row) => row.stageTotals[index]?.total?.text ?? <Typography.Text type="secondary">—</Typography.Text>,
  }));

  const columns: ColumnsType<RankingRow> = [
    {
      title: t('results.xlsx.col.rank'),
      key: 'rank',
      width: 80,
      render: (_, row) =>
        row.rank === null ? (
          <Tooltip title={row.missing.map((m) => translateMessage(t, m)).join('; ')}>
            <Tag data-testid="rank-cell">{t('results.ui.ranking.unranked')}</Tag>
          </Tooltip>
        ) : (
          <Space size={4} data-testid="rank-cell">
            <Typography.Text strong>{row.rank}</Typography.Text>
            {row.tiedWith > 1 && <Tag color="orange">{t('results.documents.tiedNote', { count: row.tiedWith })}</Tag>}
          </Space>
        ),
    },
    {
      title: t('results.xlsx.col.name'),
      key: 'name',
      render: (_, row) => (
        <a href={href.results(ranking.cycleId, row.applicantId)} data-testid="ranking-applicant">
          {row.legalName}
        </a>
      ),
    },
    {
      title: `${t('results.xlsx.col.industry')} / ${t('results.xlsx.col.region')}`,
      key: 'industry',
      width: 170,
      ellipsis: true,
      render: (_, row) => {
        const industry = `${row.section} ${sectionName(row.section, language) ?? ''}`;
        return (
          <Tooltip title={`${industry} · ${row.region}`}>
            <div className="nowrap">{industry}</div>
            <Typography.Text type="secondary" className="small-text">
              {row.region}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    ...stageColumns,
    {
      title: t('results.xlsx.col.total'),
      key: 'combined',
      align: 'right',
      width: 90,
      render: (_, row) => (row.combined ? <Typography.Text strong>{row.combined.text}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('results.xlsx.col.tier'),
      key: 'tier',
      width: 110,
      render: (_, row) => (
        <Tag color={tierColour(ranking.tiers, row.tierId)} data-testid="tier-cell">
          {tierLabel(row.tierId)}
        </Tag>
      ),
    },
    {
      title: t('results.ui.ranking.disagreement'),
      key: 'disagreement',
      width: 120,
      render: (_, row) => (
        <Tooltip title={t('results.ui.ranking.disagreementHint', { count: row.disagreement.flaggedItems, spread: row.disagreement.maxSpread ?? '—' })}>
          <Tag color={row.disagreement.flaggedItems > 0 ? 'volcano' : undefined}>
            {t('results.ui.ranking.flagged', { count: row.disagreement.flaggedItems })}
            {row.disagreement.maxSpread !== null && ` · ${row.disagreement.maxSpread}%`}
          </Tag>
        </Tooltip>
      ),
    },
    { title: t('results.ui.ranking.stability'), key: 'stability', width: 140, render: (_, row) => <StabilityCell row={row} /> },
  ];

  return (
    <Table<RankingRow>
      data-testid="ranking-table"
      size="small"
      rowKey="applicantId"
      columns={columns}
      dataSource={ranking.rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1060 }}
    />
  );
}
