import { useMemo, useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SeverityView } from '../../../../shared/api/results';
import { stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { ExplanationView } from '../consensus/ExplanationView';
import { EChart, type ChartOption } from './EChart';
import { ResultsSectionHeader } from './ResultsSectionHeader';

type ExpertRow = SeverityView['experts'][number];

const deviationOf = (row: ExpertRow) => row.meanDeviation.num / row.meanDeviation.den;
/** Rounded for display; a tiny negative never shows as "-0.00". */
const fixed = (value: number, digits = 1) => {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
};

/** Below this (in percent points) an expert counts as in line with the panel. */
const IN_LINE = 2.5;

function DeviationTag({ row }: { row: ExpertRow }) {
  const { t } = useTranslation();
  const deviation = deviationOf(row);
  const kind = deviation >= IN_LINE ? 'lenient' : deviation <= -IN_LINE ? 'severe' : 'inLine';
  return (
    <Space size={4}>
      <Typography.Text strong>{row.meanDeviation.text}</Typography.Text>
      <Tag color={kind === 'lenient' ? 'gold' : kind === 'severe' ? 'blue' : 'green'}>{t(`results.ui.severity.${kind}`)}</Tag>
    </Space>
  );
}

/**
 * Rater severity for the office: each expert's raw figures beside the same figures put on the panel's
 * scale (the panel's mean on the items the expert scored, and the deviation in panel standard deviations).
 */
export function SeverityPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<StageId | 'all'>('all');
  const cycle = useCall('cycles.get', { cycleId });
  const ranking = useCall('results.ranking', { cycleId });
  const severity = useCall('results.severity', stage === 'all' ? { cycleId } : { cycleId, stage });
  const stages = cycle.data ? stagesInUse(cycle.data.settings.stages) : [];
  const data = severity.data;

  const columns: ColumnsType<ExpertRow> = [
    { title: t('results.xlsx.col.expert'), dataIndex: 'name', key: 'name' },
    { title: t('results.ui.severity.count'), dataIndex: 'count', key: 'count', align: 'right', width: 90 },
    { title: t('results.ui.severity.rawMean'), key: 'rawMean', align: 'right', width: 110, render: (_, row) => `${fixed(row.mean)}%` },
    { title: t('results.ui.severity.rawSd'), key: 'rawSd', align: 'right', width: 110, render: (_, row) => fixed(row.standardDeviation) },
    { title: t('results.ui.severity.panelMean'), key: 'panelMean', align: 'right', width: 130, render: (_, row) => `${fixed(row.mean - deviationOf(row))}%` },
    { title: t('results.ui.severity.deviation'), key: 'deviation', width: 170, render: (_, row) => <DeviationTag row={row} /> },
    {
      title: t('results.ui.severity.standardised'),
      key: 'standardised',
      align: 'right',
      width: 130,
      render: (_, row) => (data && data.panelStandardDeviation > 0 ? fixed(deviationOf(row) / data.panelStandardDeviation, 2) : '—'),
    },
  ];

  const chart = useMemo<ChartOption | null>(() => {
    if (!data || data.experts.length === 0) return null;
    const experts = [...data.experts].sort((a, b) => deviationOf(a) - deviationOf(b));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: t('results.ui.severity.deviation') },
      yAxis: { type: 'category', data: experts.map((e) => e.name) },
      series: [{ type: 'bar', data: experts.map((e) => ({ value: Number(fixed(deviationOf(e), 2)), itemStyle: { color: deviationOf(e) >= 0 ? '#d4a017' : '#1f5fbf' } })) }],
    } as ChartOption;
  }, [data, t]);

  return (
    <>
      <ResultsSectionHeader cycleId={cycleId} section="severity" approved={ranking.data ? ranking.data.status === 'approved' : undefined} />
      {stages.length > 1 && (
        <div className="filter-row" style={{ marginBottom: 12 }}>
          <Segmented<StageId | 'all'>
            value={stage}
            onChange={setStage}
            options={[{ value: 'all' as const, label: t('results.ui.severity.allStages') }, ...stages.map((value) => ({ value, label: t(`applicants.cycle.stage.${value}`) }))]}
          />
        </div>
      )}
      {severity.error ? (
        <LoadError error={severity.error} onRetry={severity.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('results.ui.severity.title')} extra={<Typography.Text type="secondary">{t('results.ui.severity.panel', { mean: fixed(data.panelMean), sd: fixed(data.panelStandardDeviation), basis: t(`applicants.cycle.aggregation.${data.basis}`) })}</Typography.Text>}>
            <Typography.Paragraph type="secondary">{t('results.ui.severity.hint')}</Typography.Paragraph>
            <Table<ExpertRow>
              data-testid="severity-table"
              size="small"
              rowKey="expertId"
              columns={columns}
              dataSource={data.experts}
              pagination={false}
              expandable={{ expandedRowRender: (row) => <ExplanationView explanation={row.explanation} /> }}
            />
            {data.skipped > 0 && <Typography.Paragraph type="secondary">{t('results.ui.severity.skipped', { count: data.skipped })}</Typography.Paragraph>}
          </Card>
          {chart && (
            <Card size="small" title={t('results.ui.severity.chart')}>
              <EChart option={chart} height={Math.max(160, data.experts.length * 32)} testId="severity-chart" />
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
