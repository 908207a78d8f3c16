import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { ConsensusView } from '../../../../shared/api/scoring-sessions';
import { CommentList, type CommentKind } from '../scoring/CommentList';
import { newDraftKey, type DraftComment } from '../scoring/comment-drafts';
import type { ConsensusItem } from './consensus-drafts';

interface Props {
  kind: CommentKind;
  item: ConsensusItem;
  experts: ConsensusView['experts'];
  drafts: DraftComment[];
  onChange(drafts: DraftComment[]): void;
  attachments: readonly Attachment[];
  readOnly: boolean;
}

/** The panel's final strengths or OFIs: picked from the experts' entries, then edited, or written afresh. */
export function FinalComments({ kind, item, experts, drafts, onChange, attachments, readOnly }: Props) {
  const { t } = useTranslation();
  const nameOf = (expertId: string) => experts.find((e) => e.expertId === expertId)?.name ?? '';
  const sources = item.expertComments.flatMap((entry) => entry[kind].map((comment) => ({ ...comment, expertId: entry.expertId })));
  const picked = new Set(drafts.map((d) => d.sourceCommentId).filter(Boolean));
  const sourceOf = (draft: DraftComment) => sources.find((s) => s.id === draft.sourceCommentId);

  return (
    <>
      {!readOnly && sources.length > 0 && (
        <div className="pane-section" data-testid={`pick-${kind}`}>
          <div className="pane-heading">{t(`scoringUi.consensus.pick.${kind}`)}</div>
          {sources.map((source) => (
            <div key={source.id} className="pick-entry" data-testid="pick-entry">
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={picked.has(source.id)}
                aria-label={t('scoringUi.consensus.use', { expert: nameOf(source.expertId) })}
                onClick={() => onChange([...drafts, { key: newDraftKey(), text: source.text, citation: source.citation, sourceCommentId: source.id }])}
                data-testid="pick-use"
              />
              <div>
                <Typography.Text type="secondary" className="small-text">
                  {nameOf(source.expertId)}
                </Typography.Text>
                <div className="small-text">{source.text}</div>
              </div>
            </div>
          ))}
        </div>
      )}
      <CommentList
        kind={kind}
        drafts={drafts}
        onChange={onChange}
        attachments={attachments}
        readOnly={readOnly}
        testId={`final-${kind}`}
        describe={(draft) => {
          const source = sourceOf(draft);
          if (!source) return null;
          const edited = source.text.trim() !== draft.text.trim();
          return (
            <Typography.Text type="secondary" className="small-text">
              {t(edited ? 'scoringUi.consensus.fromEdited' : 'scoringUi.consensus.from', { expert: nameOf(source.expertId) })}
            </Typography.Text>
          );
        }}
      />
    </>
  );
}
