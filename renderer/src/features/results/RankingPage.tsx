import { useState } from 'react';
import { Alert, Card, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../../../shared/api/results';
import type { IndustrySectionCode } from '../../../../shared/domain/industries';
import { sectionName } from '../../../../shared/domain/industries';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { ExportXlsxButton } from './ExportXlsxButton';
import { RankingTable } from './RankingTable';
import { ResultsSectionHeader } from './ResultsSectionHeader';
import { SensitivityControl } from './SensitivityControl';
import { useTierLabel } from './tier-label';

function TierSummary({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation();
  const tierLabel = useTierLabel(ranking.tiers);
  const name = (id: string) => ranking.rows.find((row) => row.applicantId === id)?.legalName ?? id;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Space size={8} wrap data-testid="tier-summary">
        {ranking.tiers.map((tier) => (
          <Tag key={tier.tierId} color={tier.vacant ? 'default' : 'blue'}>
            {tierLabel(tier.tierId)} · ≥ {tier.threshold.text}
            {tier.quota !== null && ` · ${t('results.ui.ranking.quota', { quota: tier.quota })}`}
            {' · '}
            {tier.vacant ? t('results.ui.ranking.vacant') : t('results.ui.ranking.members', { count: tier.members.length })}
          </Tag>
        ))}
        <Typography.Text type="secondary">{t('results.ui.ranking.counts', { ranked: ranking.rankedCount, total: ranking.applicantCount })}</Typography.Text>
      </Space>
      {ranking.tiers
        .filter((tier) => tier.quotaTie)
        .map((tier) => (
          <Alert
            key={tier.tierId}
            type="warning"
            showIcon
            title={t('results.ui.ranking.quotaTie', { tier: tierLabel(tier.tierId), rank: tier.quotaTie!.rank, seats: tier.quotaTie!.seatsLeft, applicants: tier.quotaTie!.applicantIds.map(name).join(t('results.ui.listSeparator')) })}
          />
        ))}
      {ranking.totalQuotaExceeded && <Alert type="warning" showIcon title={t('results.ui.ranking.totalQuotaExceeded', { quota: ranking.totalQuota ?? 0 })} />}
    </Space>
  );
}

/** The cycle's results: rank with ties, stage and combined totals, tier, disagreement and rank stability. */
export function RankingPage({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [section, setSection] = useState<IndustrySectionCode | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const ranking = useCall('results.ranking', { cycleId, ...(section ? { section } : {}), ...(region ? { region } : {}) });
  const data = ranking.data;

  return (
    <>
      <ResultsSectionHeader cycleId={cycleId} section="ranking" approved={data ? data.status === 'approved' : undefined} extra={data && <SensitivityControl ranking={data} onDone={ranking.reload} />} />
      {ranking.error ? (
        <LoadError error={ranking.error} onRetry={ranking.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Card size="small">
          <div className="filter-row" style={{ marginBottom: 12 }}>
            <Space size={8} wrap>
              <Select<IndustrySectionCode>
                allowClear
                placeholder={t('results.ui.ranking.allIndustries')}
                value={section}
                onChange={(value) => setSection(value)}
                options={data.facets.sections.map((code) => ({ value: code as IndustrySectionCode, label: `${code} ${sectionName(code, language) ?? ''}` }))}
                style={{ minWidth: 220 }}
                popupMatchSelectWidth={false}
                data-testid="filter-section"
              />
              <Select<string>
                allowClear
                placeholder={t('results.ui.ranking.allRegions')}
                value={region}
                onChange={(value) => setRegion(value)}
                options={data.facets.regions.map((value) => ({ value, label: value }))}
                style={{ minWidth: 160 }}
                data-testid="filter-region"
              />
            </Space>
            <Space size={8} wrap>
              <ExportXlsxButton cycleId={cycleId} kind="ranking" />
              <ExportXlsxButton cycleId={cycleId} kind="matrix" />
              <ExportXlsxButton cycleId={cycleId} kind="comments" />
            </Space>
          </div>
          <TierSummary ranking={data} />
          <RankingTable ranking={data} />
        </Card>
      )}
    </>
  );
}
