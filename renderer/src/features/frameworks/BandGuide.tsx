import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Framework, NodeKind, ScoringBand } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';

/** The scoring bands of one item kind, in the interface language; `percent` highlights its band. */
export function BandGuide({ framework, kind, percent, compact }: { framework: Framework; kind: NodeKind; percent?: number | null; compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const active = (band: ScoringBand) => percent !== undefined && percent !== null && percent >= band.min && percent <= band.max;
  return (
    <Table<ScoringBand>
      data-testid={`bands-${kind}`}
      size="small"
      rowKey={(band) => `${band.min}-${band.max}`}
      dataSource={framework.bands[kind]}
      pagination={false}
      showHeader={!compact}
      rowClassName={(band) => (active(band) ? 'band-active' : '')}
      columns={[
        { title: t('ui.frameworks.bandRange'), key: 'range', width: compact ? 88 : 110, render: (_, band) => <span className="nowrap">{t('frameworks.band.range', { min: band.min, max: band.max })}</span> },
        { title: t('ui.frameworks.guidance'), key: 'guidance', render: (_, band) => band.guidance[language] },
      ]}
    />
  );
}
