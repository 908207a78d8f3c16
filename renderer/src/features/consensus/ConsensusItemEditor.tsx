import type { RefObject } from 'react';
import { Button, Input, Space, Tag, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { ConsensusView } from '../../../../shared/api/scoring-sessions';
import { findItem, type Framework } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';
import { KindTag } from '../frameworks/FrameworkTree';
import { actorLabel } from '../panels/ActorName';
import { BandList } from '../scoring/BandList';
import { KeyHints } from '../scoring/KeyHints';
import { PercentControl } from '../scoring/PercentControl';
import { FinalComments } from './FinalComments';
import { isDirty, medianAnchor, type ConsensusDraft, type ConsensusItem } from './consensus-drafts';
import '../scoring/scoring.css';

interface Props {
  view: ConsensusView;
  framework: Framework;
  choices: readonly number[];
  item: ConsensusItem;
  draft: ConsensusDraft;
  attachments: readonly Attachment[];
  saving: boolean;
  controlRef: RefObject<HTMLDivElement | null>;
  onEdit(patch: Partial<ConsensusDraft>): void;
  onRecord(): void;
  onRevert(): void;
  onNavigate(direction: 1 | -1): void;
}

/** One item in the meeting: the spread, the agreed percent, why, and the final strengths and OFIs. */
export function ConsensusItemEditor({ view, framework, choices, item, draft, attachments, saving, controlRef, onEdit, onRecord, onRevert, onNavigate }: Props) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const readOnly = !view.canEdit;
  const dirty = isDirty(item, draft);
  const names = findItem(framework, item.itemId)?.names;

  return (
    <section className="sheet-pane" style={{ height: 'auto', minHeight: 0, position: 'sticky', top: 16, maxHeight: 'calc(100vh - 120px)' }} data-testid="consensus-editor" data-item={item.itemId}>
      <div className="sheet-item-title">
        <Typography.Title level={5} style={{ margin: 0 }}>
          <span className="item-id">{item.itemId}</span> {names?.[language]}
        </Typography.Title>
        <KindTag kind={item.kind} />
        {item.flagged && <Tag color="orange">{t('scoringUi.consensus.flagged')}</Tag>}
      </div>
      <Typography.Paragraph type="secondary" className="small-text" style={{ marginBottom: 10 }} data-testid="editor-spread">
        {item.range === null
          ? t('scoringUi.consensus.noScores')
          : t('scoringUi.consensus.spread', {
              min: item.min ?? 0,
              max: item.max ?? 0,
              range: item.range,
              sd: (item.standardDeviation ?? 0).toLocaleString(language, { maximumFractionDigits: 2 }),
              threshold: view.threshold,
            })}
      </Typography.Paragraph>
      <div className="pane-section">
        <PercentControl
          ref={controlRef}
          value={draft.percent}
          choices={choices}
          points={item.points}
          anchor={medianAnchor(item, choices)}
          readOnly={readOnly}
          label={t('scoringUi.consensus.agreedFor', { itemId: item.itemId })}
          testId="consensus-control"
          onChange={(percent) => onEdit({ percent })}
          onNavigate={onNavigate}
          onCommand={(command) => command === 'commit' && onRecord()}
        />
      </div>
      {!readOnly && (
        <Space style={{ marginTop: 4 }}>
          <Button type="primary" icon={<CheckOutlined />} disabled={draft.percent === null || (!dirty && item.consensus !== null)} loading={saving} onClick={onRecord} data-testid="consensus-record">
            {t('scoringUi.consensus.record')}
          </Button>
          {dirty && (
            <Button icon={<UndoOutlined />} onClick={onRevert}>
              {t('scoringUi.consensus.revert')}
            </Button>
          )}
        </Space>
      )}
      {item.consensus && (
        <div className="small-text muted" style={{ marginTop: 8 }} data-testid="consensus-decided">
          {t('scoringUi.consensus.decided', { percent: item.consensus.percent, when: new Date(item.consensus.decidedAt).toLocaleString(i18n.language), who: actorLabel(t, item.consensus.decidedBy, view.experts) })}
        </div>
      )}
      <div className="pane-section">
        <div className="pane-heading">{t('scoringUi.consensus.rationale')}</div>
        {readOnly ? (
          <div className="comment-readonly">{draft.rationale || '—'}</div>
        ) : (
          <Input.TextArea
            value={draft.rationale}
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t('scoringUi.consensus.rationalePlaceholder')}
            onChange={(event) => onEdit({ rationale: event.target.value })}
            data-testid="consensus-rationale"
          />
        )}
      </div>
      <FinalComments kind="strengths" item={item} experts={view.experts} drafts={draft.strengths} onChange={(strengths) => onEdit({ strengths })} attachments={attachments} readOnly={readOnly} />
      <FinalComments kind="opportunities" item={item} experts={view.experts} drafts={draft.opportunities} onChange={(opportunities) => onEdit({ opportunities })} attachments={attachments} readOnly={readOnly} />
      <div className="pane-section">
        <div className="pane-heading">{t('scoringUi.sheet.bands', { kind: t(`frameworks.kind.${item.kind}`) })}</div>
        <BandList framework={framework} kind={item.kind} percent={draft.percent} testId="consensus-bands" />
      </div>
      <KeyHints mode="consensus" />
    </section>
  );
}
