import { Button, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { Citation } from '../../../../shared/api/scoring-sessions';
import { emptyCitation, newDraftKey, type DraftComment } from './comment-drafts';
import './scoring.css';

export type CommentKind = 'strengths' | 'opportunities';

interface Props {
  kind: CommentKind;
  drafts: DraftComment[];
  onChange(drafts: DraftComment[]): void;
  attachments: readonly Attachment[];
  readOnly?: boolean;
  /** The entry to put the caret in (a new one, added from the keyboard). */
  autoFocusKey?: string | undefined;
  testId: string;
  /** Extra line under an entry (e.g. whose entry a consensus comment came from). */
  describe?(draft: DraftComment): React.ReactNode;
}

/** Strengths or opportunities for improvement, each with an optional citation. */
export function CommentList({ kind, drafts, onChange, attachments, readOnly, autoFocusKey, testId, describe }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<DraftComment>) => onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const cite = (draft: DraftComment, patch: Partial<Citation>) => update(draft.key, { citation: { ...(draft.citation ?? emptyCitation), ...patch } });
  const attachmentName = (id: string | null) => attachments.find((a) => a.id === id)?.fileName;

  return (
    <div className="pane-section" data-testid={testId}>
      <div className="pane-heading">
        <span>
          {t(`scoringUi.comments.${kind}`)} <Typography.Text type="secondary">{drafts.length > 0 ? `(${drafts.length})` : ''}</Typography.Text>
        </span>
        {!readOnly && (
          <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => onChange([...drafts, { key: newDraftKey(), text: '', citation: null }])} data-testid={`${testId}-add`}>
            {t(`scoringUi.comments.add.${kind}`)}
          </Button>
        )}
      </div>
      {drafts.length === 0 && (
        <Typography.Text type="secondary" className="small-text">
          {t(`scoringUi.comments.empty.${kind}`)}
        </Typography.Text>
      )}
      {drafts.map((draft, index) =>
        readOnly ? (
          <div key={draft.key} className="comment-entry" data-testid={`${testId}-entry`}>
            <div className="comment-readonly">{draft.text}</div>
            <CitationText citation={draft.citation} attachmentName={attachmentName} />
            {describe?.(draft)}
          </div>
        ) : (
          <div key={draft.key} className="comment-entry" data-testid={`${testId}-entry`}>
            <Input.TextArea
              value={draft.text}
              autoSize={{ minRows: 1, maxRows: 8 }}
              maxLength={4000}
              autoFocus={draft.key === autoFocusKey}
              placeholder={t(`scoringUi.comments.placeholder.${kind}`)}
              aria-label={t(`scoringUi.comments.entryLabel.${kind}`, { n: index + 1 })}
              data-testid={`${testId}-text`}
              onChange={(event) => update(draft.key, { text: event.target.value })}
            />
            <div className="citation-row">
              <Typography.Text type="secondary" className="small-text">
                {t('scoringUi.citation.label')}
              </Typography.Text>
              <InputNumber
                size="small"
                min={1}
                max={100000}
                precision={0}
                value={draft.citation?.page ?? null}
                placeholder={t('scoringUi.citation.page')}
                aria-label={t('scoringUi.citation.page')}
                style={{ width: 84 }}
                onChange={(page) => cite(draft, { page: typeof page === 'number' ? page : null })}
              />
              <Input
                size="small"
                maxLength={100}
                value={draft.citation?.figure ?? ''}
                placeholder={t('scoringUi.citation.figure')}
                aria-label={t('scoringUi.citation.figure')}
                style={{ width: 110 }}
                onChange={(event) => cite(draft, { figure: event.target.value || null })}
              />
              {attachments.length > 0 && (
                <Select
                  size="small"
                  allowClear
                  value={draft.citation?.attachmentId ?? undefined}
                  placeholder={t('scoringUi.citation.attachment')}
                  aria-label={t('scoringUi.citation.attachment')}
                  style={{ width: 180 }}
                  popupMatchSelectWidth={false}
                  options={attachments.map((a) => ({ value: a.id, label: a.fileName }))}
                  onChange={(attachmentId?: string) => cite(draft, { attachmentId: attachmentId ?? null })}
                />
              )}
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('scoringUi.comments.remove')}
                title={t('scoringUi.comments.remove')}
                onClick={() => onChange(drafts.filter((d) => d.key !== draft.key))}
                style={{ marginInlineStart: 'auto' }}
              />
            </div>
            {describe?.(draft)}
          </div>
        ),
      )}
    </div>
  );
}

export function CitationText({ citation, attachmentName }: { citation: Citation | null; attachmentName(id: string | null): string | undefined }) {
  const { t } = useTranslation();
  if (!citation) return null;
  const parts = [
    citation.page !== null ? t('scoringUi.citation.pageN', { page: citation.page }) : null,
    citation.figure ? citation.figure : null,
    citation.attachmentId ? (attachmentName(citation.attachmentId) ?? t('scoringUi.citation.attachment')) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return (
    <Typography.Text type="secondary" className="small-text">
      {t('scoringUi.citation.shown', { where: parts.join(' · ') })}
    </Typography.Text>
  );
}
