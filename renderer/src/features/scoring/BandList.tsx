import { useTranslation } from 'react-i18next';
import type { Framework, NodeKind } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';
import './scoring.css';

/** The six guidance bands of the item's kind, the one the current percent falls in highlighted. */
export function BandList({ framework, kind, percent, testId }: { framework: Framework; kind: NodeKind; percent: number | null; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="band-list" data-testid={testId}>
      {framework.bands[kind].map((band) => {
        const active = percent !== null && percent >= band.min && percent <= band.max;
        return (
          <div key={`${band.min}-${band.max}`} className={`band-row${active ? ' is-active' : ''}`} data-active={active || undefined} aria-current={active || undefined}>
            <span className="band-range">{t('frameworks.band.range', { min: band.min, max: band.max })}</span>
            <span>{band.guidance[language]}</span>
          </div>
        );
      })}
    </div>
  );
}
