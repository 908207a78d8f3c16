import { memo } from 'react';
import { Col, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import { characterCount } from '../../../../shared/domain/application';
import type { Framework, ScoredItem } from '../../../../shared/domain/frameworks';
import { call, callWhileLeaving } from '../../bridge';
import { useAutosave, type SaveReporter } from '../../hooks/useAutosave';
import { useLanguage } from '../../hooks/useLanguage';
import { KindTag } from '../frameworks/FrameworkTree';
import { AttachmentList } from './AttachmentList';
import { SelfScore } from './SelfScore';

export const itemAnchor = (itemId: string) => `app-item-${itemId}`;

interface Props {
  applicantId: string;
  framework: Framework;
  item: ScoredItem;
  narrative: string;
  selfPercent: number | null;
  attachments: Attachment[];
  reporter: SaveReporter;
  onEdit(itemId: string, narrative: string, selfPercent: number | null): void;
  onAttachmentAdded(attachment: Attachment): void;
  onAttachmentRemoved(attachmentId: string): void;
}

/** One criteria item: its narrative (autosaved), an optional self-score and its evidence. */
export const ItemEditor = memo(function ItemEditor({ applicantId, framework, item, narrative, selfPercent, attachments, reporter, onEdit, onAttachmentAdded, onAttachmentRemoved }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const autosave = useAutosave<{ narrative: string; selfPercent: number | null }>(
    (value, leaving) => (leaving ? callWhileLeaving : call)('applications.saveItem', { applicantId, itemId: item.id, ...value }),
    reporter,
  );

  const edit = (next: { narrative: string; selfPercent: number | null }, immediately = false) => {
    onEdit(item.id, next.narrative, next.selfPercent);
    autosave.change(next);
    if (immediately) void autosave.flush();
  };

  return (
    <section id={itemAnchor(item.id)} className="item-editor" data-testid={`item-${item.id}`} tabIndex={-1}>
      <div className="item-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          <span className="item-id">{item.id}</span> {item.names[language]}
        </Typography.Title>
        <KindTag kind={item.kind} />
        <Typography.Text type="secondary" className="small-text">
          {t('ui.application.points', { points: item.points })}
        </Typography.Text>
      </div>
      <Row gutter={20}>
        <Col xs={24} lg={15}>
          <Input.TextArea
            id={`narrative-${item.id}`}
            data-testid={`narrative-${item.id}`}
            aria-label={t('ui.application.narrativeFor', { itemId: item.id, name: item.names[language] })}
            value={narrative}
            autoSize={{ minRows: 4, maxRows: 18 }}
            placeholder={t('ui.application.narrativePlaceholder')}
            onChange={(event) => edit({ narrative: event.target.value, selfPercent })}
            onBlur={() => void autosave.flush()}
          />
          <div className="count-line">
            <Typography.Text type="secondary" className="small-text" data-testid={`count-${item.id}`}>
              {t('ui.application.characters', { count: characterCount(narrative) })}
            </Typography.Text>
          </div>
          <AttachmentList applicantId={applicantId} itemId={item.id} attachments={attachments} onAdded={onAttachmentAdded} onRemoved={onAttachmentRemoved} testId={`attachments-${item.id}`} />
        </Col>
        <Col xs={24} lg={9}>
          <SelfScore framework={framework} kind={item.kind} points={item.points} itemId={item.id} value={selfPercent} onChange={(value) => edit({ narrative, selfPercent: value }, true)} />
        </Col>
      </Row>
    </section>
  );
});
