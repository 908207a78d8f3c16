import { Button, Popover, Select, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bandFor, percentChoices, type Framework, type NodeKind } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';
import { BandGuide } from '../frameworks/BandGuide';

interface Props {
  framework: Framework;
  kind: NodeKind;
  points: number;
  value: number | null;
  onChange(value: number | null): void;
  itemId: string;
}

/** An optional self-score in the framework's steps, with the guidance band it falls in. */
export function SelfScore({ framework, kind, points, value, onChange, itemId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const band = value === null ? undefined : bandFor(framework, kind, value);
  return (
    <div className="self-score">
      <div className="self-score-row">
        <Select<number | 'none'>
          aria-label={t('ui.application.selfScoreFor', { itemId })}
          data-testid={`self-score-${itemId}`}
          value={value ?? 'none'}
          onChange={(next) => onChange(next === 'none' ? null : next)}
          style={{ width: 150 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: 'none' as const, label: t('ui.application.noSelfScore') }, ...percentChoices(framework).map((p) => ({ value: p, label: `${p}%` }))]}
        />
        {value !== null && (
          <Typography.Text type="secondary" className="small-text nowrap">
            {t('ui.application.selfPoints', { points: ((points * value) / 100).toLocaleString(language, { maximumFractionDigits: 2 }) })}
          </Typography.Text>
        )}
        <Popover
          trigger="click"
          placement="leftTop"
          title={t('ui.frameworks.bandsFor', { kind: t(`frameworks.kind.${kind}`) })}
          content={
            <div className="band-popover">
              <BandGuide framework={framework} kind={kind} percent={value} compact />
            </div>
          }
        >
          <Button type="link" size="small" icon={<QuestionCircleOutlined />}>
            {t('ui.application.bandGuide')}
          </Button>
        </Popover>
      </div>
      <div className="band-text" data-testid={`band-${itemId}`}>
        {band ? (
          <>
            <Typography.Text strong>{t('frameworks.band.range', { min: band.min, max: band.max })}</Typography.Text> {band.guidance[language]}
          </>
        ) : (
          <Typography.Text type="secondary">{t('ui.application.selfScoreHint')}</Typography.Text>
        )}
      </div>
    </div>
  );
}
