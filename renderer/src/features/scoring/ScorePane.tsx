import type { ReactNode, RefObject } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { Framework, ScoredItem } from '../../../../shared/domain/frameworks';
import { BandList } from './BandList';
import { CommentList } from './CommentList';
import { KeyHints } from './KeyHints';
import { PercentControl } from './PercentControl';
import type { PercentCommand } from './percent-keys';
import type { ItemDraft } from './useSheetDrafts';
import './scoring.css';

interface Props {
  framework: Framework;
  item: ScoredItem;
  choices: readonly number[];
  draft: ItemDraft;
  readOnly: boolean;
  attachments: readonly Attachment[];
  autoFocusKey: string | undefined;
  controlRef: RefObject<HTMLDivElement | null>;
  onEdit(patch: Partial<ItemDraft>): void;
  onNavigate(direction: 1 | -1): void;
  onCommand(command: PercentCommand): void;
  others: ReactNode;
}

/** Right half of the scoring screen: the percent with its band guide, then strengths and OFIs. */
export function ScorePane({ framework, item, choices, draft, readOnly, attachments, autoFocusKey, controlRef, onEdit, onNavigate, onCommand, others }: Props) {
  const { t } = useTranslation();
  return (
    <section className="sheet-pane" data-testid="score-pane" aria-label={t('scoringUi.sheet.scoreOf', { itemId: item.id })}>
      <div className="pane-section">
        <div className="pane-heading">
          <span>{t('scoringUi.sheet.score')}</span>
          {readOnly && (
            <Typography.Text type="secondary" className="small-text">
              {t('scoringUi.sheet.locked')}
            </Typography.Text>
          )}
        </div>
        <PercentControl
          ref={controlRef}
          value={draft.percent}
          choices={choices}
          points={item.points}
          readOnly={readOnly}
          label={t('scoringUi.sheet.percentFor', { itemId: item.id })}
          testId="score-control"
          onChange={(percent) => onEdit({ percent })}
          onNavigate={onNavigate}
          onCommand={onCommand}
        />
      </div>
      <div className="pane-section">
        <div className="pane-heading">{t('scoringUi.sheet.bands', { kind: t(`frameworks.kind.${item.kind}`) })}</div>
        <BandList framework={framework} kind={item.kind} percent={draft.percent} testId="band-list" />
      </div>
      <CommentList
        kind="strengths"
        drafts={draft.strengths}
        onChange={(strengths) => onEdit({ strengths })}
        attachments={attachments}
        readOnly={readOnly}
        autoFocusKey={autoFocusKey}
        testId="strengths"
      />
      <CommentList
        kind="opportunities"
        drafts={draft.opportunities}
        onChange={(opportunities) => onEdit({ opportunities })}
        attachments={attachments}
        readOnly={readOnly}
        autoFocusKey={autoFocusKey}
        testId="opportunities"
      />
      {others}
      <KeyHints mode="sheet" />
    </section>
  );
}
