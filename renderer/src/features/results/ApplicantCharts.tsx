import { useMemo } from 'react';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetailResult } from '../../../../shared/api/results';
import type { Framework } from '../../../../shared/domain/frameworks';
import type { Language } from '../../../../shared/i18n/languages';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { ExplanationView } from '../consensus/ExplanationView';
import { EChart, type ChartOption } from './EChart';

const value = (exact: { num: number; den: number }) => Math.round((exact.num / exact.den) * 100) / 100;

function names(framework: Framework, language: Language) {
  const map = new Map<string, string>();
  for (const category of framework.categories) {
    map.set(category.id, category.names[language]);
    for (const item of category.items) map.set(item.id, item.names[language]);
  }
  return map;
}

/** Radar labels sit outside the web: long names wrap (words in English, every 6 characters in Chinese). */
function wrapLabel(text: string): string {
  if (/[\u3000-\u9fff]/u.test(text)) return text.length > 6 ? (text.match(/.{1,6}/gu) ?? [text]).join('\n') : text;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function radarOption(detail: ApplicantDetailResult, label: (id: string) => string, seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    radar: {
      indicator: detail.categories.map((c) => ({ name: label(c.categoryId), max: 100 })),
      radius: '58%',
      axisName: { color: '#333', fontSize: 12, formatter: (name?: string) => wrapLabel(name ?? '') },
    },
    series: [
      {
        type: 'radar',
        name: seriesName,
        areaStyle: { opacity: 0.25 },
        data: [{ name: seriesName, value: detail.categories.map((c) => value(c.percent)) }],
      },
    ],
  };
}

function barsOption(detail: ApplicantDetailResult, label: (id: string) => string, stageName: (stage: string) => string, combinedName: string): ChartOption {
  // Top to bottom in framework order: a horizontal category axis lists from the bottom up.
  const items = [...detail.items].reverse();
  const stages = detail.items[0]?.stages.map((s) => s.stage) ?? [];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: items.map((i) => `${i.itemId} ${label(i.itemId)}`), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      ...stages.map((stage) => ({
        type: 'bar' as const,
        name: stageName(stage),
        data: items.map((i) => {
          const figure = i.stages.find((s) => s.stage === stage);
          return figure ? value(figure.percent) : null;
        }),
      })),
      { type: 'bar' as const, name: combinedName, data: items.map((i) => value(i.percent)) },
    ],
  };
}

/** One applicant's scores as charts: share of each category's points (radar) and of each item's (bars). */
export function ApplicantCharts({ applicantId, framework }: { applicantId: string; framework: Framework }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useCall('results.detail', { applicantId });
  const data = detail.data;
  const labels = useMemo(() => names(framework, language), [framework, language]);

  const options = useMemo(() => {
    if (!data || data.categories.length === 0) return null;
    const label = (id: string) => labels.get(id) ?? id;
    return {
      radar: radarOption(data, label, t('results.ui.detail.percentOfPoints')),
      bars: barsOption(data, label, (stage) => t(`applicants.cycle.stage.${stage}`), t('results.ui.detail.weighted')),
    };
  }, [data, labels, t]);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!data) return <PageLoading />;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('results.ui.detail.title')}
      data-testid="applicant-charts"
      extra={
        <Space size={8}>
          {data.rank !== null && <Tag color="blue">{t('results.ui.detail.rank', { rank: data.rank })}</Tag>}
          <a href={href.cycleRanking(data.cycleId)}>{t('results.ui.detail.toRanking')}</a>
        </Space>
      }
    >
      {!options ? (
        <Empty description={t('results.ui.detail.noFigures')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Typography.Text strong>{t('results.ui.detail.categories')}</Typography.Text>
            <EChart option={options.radar} height={380} testId="category-radar" />
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Text strong>{t('results.ui.detail.items')}</Typography.Text>
            <EChart option={options.bars} height={Math.max(300, data.items.length * 34 + 60)} testId="item-bars" />
          </Col>
        </Row>
      )}
      {[data.explanations.rank, data.explanations.tier, data.explanations.sensitivity].map(
        (explanation, index) =>
          explanation && (
            <div key={index} style={{ marginTop: 8 }}>
              <ExplanationView explanation={explanation} />
            </div>
          ),
      )}
    </Card>
  );
}
