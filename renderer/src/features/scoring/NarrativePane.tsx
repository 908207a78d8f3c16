import { App, Empty, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { SiteVisitIssue } from '../../../../shared/api/scoring-sessions';
import type { ScoredItem } from '../../../../shared/domain/frameworks';
import { errorPayload, translateError } from '../../errors';
import { formatBytes, openAttachment } from '../../files';
import { useLanguage } from '../../hooks/useLanguage';
import { KindTag } from '../frameworks/FrameworkTree';
import './scoring.css';

interface Props {
  item: ScoredItem;
  narrative: string;
  attachments: readonly Attachment[];
  /** Site visit: what the panel came to verify or clarify for this item. */
  issues?: readonly SiteVisitIssue[] | undefined;
}

/** Left half of the scoring screen: what the applicant wrote for the item, and its evidence. */
export function NarrativePane({ item, narrative, attachments, issues }: Props) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();

  const open = async (attachment: Attachment) => {
    try {
      await openAttachment(attachment.id);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    }
  };

  return (
    <section className="sheet-pane" data-testid="narrative-pane" aria-label={t('scoringUi.sheet.narrativeOf', { itemId: item.id })}>
      <div className="sheet-item-title">
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="item-title">
          <span className="item-id">{item.id}</span> {item.names[language]}
        </Typography.Title>
        <KindTag kind={item.kind} />
        <Typography.Text type="secondary" className="small-text">
          {t('scoringUi.sheet.itemPoints', { points: item.points })}
        </Typography.Text>
      </div>
      {issues && issues.length > 0 && (
        <div className="pane-section" data-testid="item-issues">
          <div className="pane-heading">{t('scoringUi.siteVisit.issuesForItem')}</div>
          {issues.map((issue) => (
            <div key={issue.id} className="comment-entry">
              <Tag color={issue.kind === 'verify' ? 'blue' : 'orange'}>{t(`panels.siteVisit.kind.${issue.kind}`)}</Tag> {issue.text}
              {issue.note && (
                <div>
                  <Typography.Text type="secondary" className="small-text">
                    {issue.note}
                  </Typography.Text>
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="pane-section">
        {narrative.trim() ? (
          <div className="narrative-text" data-testid="narrative-text">
            {narrative}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scoringUi.sheet.noNarrative')} />
        )}
      </div>
      {attachments.length > 0 && (
        <div className="pane-section" data-testid="item-attachments">
          <div className="pane-heading">{t('scoringUi.sheet.attachments')}</div>
          {attachments.map((attachment) => (
            <div key={attachment.id} className="attachment-row">
              <PaperClipOutlined className="muted" />
              <Typography.Link onClick={() => void open(attachment)} className="attachment-name" title={attachment.fileName}>
                {attachment.fileName}
              </Typography.Link>
              <Typography.Text type="secondary" className="small-text nowrap">
                {formatBytes(attachment.size, i18n.language)}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
