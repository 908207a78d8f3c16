import { Alert, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { ChannelOutput } from '../../../../shared/api/contract';
import { translateError } from '../../errors';
import './scoring.css';

type PanelScores = ChannelOutput<'scores.panel'>;

interface Props {
  itemId: string;
  selfId: string;
  scores: PanelScores | undefined;
  error: AppErrorPayload | undefined;
}

/**
 * The other experts' scores and comments for this item: the core decides what is visible (nothing
 * before one's own sheet is submitted, and only submitted sheets); this shows what it returns.
 */
export function OthersScores({ itemId, selfId, scores, error }: Props) {
  const { t } = useTranslation();
  return (
    <div className="pane-section" data-testid="others-scores">
      <div className="pane-heading">{t('scoringUi.others.title')}</div>
      {error ? (
        <Alert type="info" showIcon icon={<EyeInvisibleOutlined />} title={translateError(t, error)} data-testid="others-hidden" />
      ) : !scores ? null : (
        scores.experts
          .filter((expert) => expert.expertId !== selfId)
          .map((expert) => {
            const item = expert.items.find((i) => i.itemId === itemId);
            return (
              <div key={expert.expertId} className="others-row" data-testid="others-row">
                <Typography.Text strong>{expert.name}</Typography.Text>{' '}
                {item?.percent !== null && item?.percent !== undefined ? (
                  <Tag color="blue" data-testid="others-percent">
                    {item.percent}%
                  </Tag>
                ) : (
                  <Typography.Text type="secondary" className="small-text">
                    {expert.submittedAt ? t('scoringUi.others.noScore') : t('scoringUi.others.notSubmitted')}
                  </Typography.Text>
                )}
                {item?.strengths.map((c) => (
                  <div key={c.id} className="small-text">
                    <Typography.Text type="success">{t('scoringUi.others.strength')}</Typography.Text> {c.text}
                  </div>
                ))}
                {item?.opportunities.map((c) => (
                  <div key={c.id} className="small-text">
                    <Typography.Text type="warning">{t('scoringUi.others.opportunity')}</Typography.Text> {c.text}
                  </div>
                ))}
              </div>
            );
          })
      )}
    </div>
  );
}
