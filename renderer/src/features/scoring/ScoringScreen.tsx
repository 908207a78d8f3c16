import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Progress, Tag, Typography } from 'antd';
import { CheckOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/api/applications';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { ChannelOutput } from '../../../../shared/api/contract';
import type { Scorer, ScoreSheet, SiteVisitIssue, Viewer } from '../../../../shared/api/scoring-sessions';
import { scoredItems, type Framework } from '../../../../shared/domain/frameworks';
import { formatPoints } from '../../../../shared/domain/scoring';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { testId } from '../../test-id';
import { clockTime } from '../application/SaveIndicator';
import { newDraftKey } from './comment-drafts';
import { ItemStrip } from './ItemStrip';
import { NarrativePane } from './NarrativePane';
import { OthersScores } from './OthersScores';
import { ScorePane } from './ScorePane';
import { SheetSaveIndicator } from './SheetSaveIndicator';
import { useScreenKeys } from './useScreenKeys';
import { useSheetDrafts } from './useSheetDrafts';
import type { PercentCommand } from './percent-keys';
import './scoring.css';

interface Props {
  framework: Framework;
  sheet: ScoreSheet;
  application: ApplicationView | undefined;
  as: Scorer;
  viewer: Viewer;
  /** Paper mode: the office types an expert's paper sheet. */
  paper: boolean;
  issues: readonly SiteVisitIssue[] | undefined;
}

/** One expert, one applicant, one item at a time: narrative on the left, the score on the right. */
export function ScoringScreen({ framework, sheet, application, as, viewer, paper, issues }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const items = useMemo(() => scoredItems(framework), [framework]);
  const { drafts, draftsRef, edit, status, autosave, scored } = useSheetDrafts(sheet, as, sheet.stage);
  const [index, setIndex] = useState(() => Math.max(0, items.findIndex((item) => sheet.items.find((i) => i.itemId === item.id)?.percent === null)));
  const [submittedAt, setSubmittedAt] = useState(sheet.submittedAt);
  const [focusKey, setFocusKey] = useState<string>();
  const [others, setOthers] = useState<{ data?: ChannelOutput<'scores.panel'>; error?: AppErrorPayload }>({});
  const control = useRef<HTMLDivElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const item = items[index]!;
  const draft = drafts[item.id] ?? { percent: null, strengths: [], opportunities: [] };
  const readOnly = submittedAt !== null;

  const loadOthers = useCallback(() => {
    if (paper && submittedAt === null) return;
    call('scores.panel', { viewer, stage: sheet.stage, applicantId: sheet.applicantId }).then(
      (data) => setOthers({ data }),
      (error: unknown) => setOthers({ error: errorPayload(error) }),
    );
  }, [paper, submittedAt, viewer, sheet.stage, sheet.applicantId]);
  useEffect(loadOthers, [loadOthers]);

  const go = useCallback(
    (direction: 1 | -1) => {
      void autosave.flush(items[index]!.id);
      const next = index + direction;
      if (next >= items.length && !readOnly) {
        submitButton.current?.focus();
        return;
      }
      setIndex(Math.min(items.length - 1, Math.max(0, next)));
    },
    [autosave, index, items, readOnly],
  );
  const pick = (itemId: string) => {
    void autosave.flush(item.id);
    setIndex(items.findIndex((i) => i.id === itemId));
  };

  // Each item opens with the focus on its score, ready for the keyboard.
  useEffect(() => {
    setFocusKey(undefined);
    control.current?.focus({ preventScroll: true });
  }, [index]);
  useScreenKeys(control, go);

  const total = useMemo(() => items.reduce((sum, i) => sum + i.points * (drafts[i.id]?.percent ?? 0), 0), [items, drafts]);

  const submit = async () => {
    if (readOnly) return;
    if (!(await autosave.flushAll())) {
      void message.error(t('scoringUi.sheet.saveFirst'));
      return;
    }
    const missing = items.filter((i) => draftsRef.current[i.id]?.percent === null);
    if (missing.length > 0) {
      modal.warning({
        title: t('scoringUi.sheet.incompleteTitle'),
        content: t('scoringUi.sheet.incompleteText', { count: missing.length, items: missing.map((i) => i.id).join(t('scoringUi.listSeparator')) }),
        okText: t('scoringUi.sheet.goToMissing'),
        onOk: () => setIndex(items.indexOf(missing[0]!)),
      });
      return;
    }
    modal.confirm({
      title: t('scoringUi.sheet.submitTitle', { applicant: sheet.applicantName }),
      content: t(paper ? 'scoringUi.sheet.submitTextPaper' : 'scoringUi.sheet.submitText', { total: formatPoints(total), expert: sheet.expertName }),
      okText: t('scoringUi.sheet.submit'),
      cancelText: t('ui.common.cancel'),
      okButtonProps: testId('submit-confirm'),
      onOk: async () => {
        try {
          const result = await call('scores.submit', { as, stage: sheet.stage, applicantId: sheet.applicantId });
          setSubmittedAt(result.submittedAt);
          void message.success(t('scoringUi.sheet.submitted', { applicant: sheet.applicantName }));
          control.current?.focus();
        } catch (error) {
          void message.error(translateError(t, errorPayload(error)));
        }
      },
    });
  };

  const onCommand = (command: PercentCommand) => {
    if (command === 'commit') return void submit();
    if (readOnly) return;
    const list = command === 'addStrength' ? 'strengths' : 'opportunities';
    const key = newDraftKey();
    setFocusKey(key);
    edit(item.id, { [list]: [...draft[list], { key, text: '', citation: null }] });
  };

  const percents = useMemo(() => Object.fromEntries(Object.entries(drafts).map(([id, d]) => [id, d.percent])), [drafts]);
  const narrative = application?.items.find((i) => i.itemId === item.id)?.narrative ?? '';
  const attachments = (application?.attachments ?? []).filter((a) => a.itemId === item.id || a.itemId === null);

  return (
    <div data-testid="scoring-screen" data-item={item.id}>
      <div className="sheet-bar">
        <Typography.Text strong data-testid="sheet-expert">
          {sheet.expertName}
        </Typography.Text>
        {paper && <Tag color="purple">{t('scoringUi.sheet.paperMode')}</Tag>}
        <div className="sheet-bar-progress">
          <Progress percent={Math.round((scored / items.length) * 100)} size="small" showInfo={false} />
        </div>
        <Typography.Text type="secondary" data-testid="sheet-progress">
          {t('scoringUi.sheet.progress', { scored, total: items.length })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="sheet-total">
          {t('scoringUi.sheet.runningTotal', { total: formatPoints(total) })}
        </Typography.Text>
        <div className="sheet-bar-right">
          <SheetSaveIndicator status={status} onRetry={() => void autosave.flushAll()} />
          {readOnly ? (
            <Tag icon={<LockOutlined />} color="green" data-testid="sheet-submitted">
              {t('scoringUi.sheet.submittedAt', { time: clockTime(submittedAt) })}
            </Tag>
          ) : (
            <Button ref={submitButton} type="primary" icon={<CheckOutlined />} onClick={() => void submit()} data-testid="sheet-submit">
              {t('scoringUi.sheet.submit')}
            </Button>
          )}
        </div>
      </div>
      <ItemStrip framework={framework} percents={percents} current={item.id} onPick={pick} />
      <div className="sheet-panes">
        <NarrativePane key={item.id} item={item} narrative={narrative} attachments={attachments} issues={issues?.filter((i) => i.itemId === item.id)} />
        <ScorePane
          key={`score-${item.id}`}
          framework={framework}
          item={item}
          choices={sheet.percentChoices}
          draft={draft}
          readOnly={readOnly}
          attachments={attachments}
          autoFocusKey={focusKey}
          controlRef={control}
          onEdit={(patch) => edit(item.id, patch)}
          onNavigate={go}
          onCommand={onCommand}
          others={<OthersSlot itemId={item.id} selfId={sheet.expertId} others={others} hidden={paper && !readOnly} />}
        />
      </div>
    </div>
  );
}

function OthersSlot({ itemId, selfId, others, hidden }: { itemId: string; selfId: string; others: { data?: ChannelOutput<'scores.panel'>; error?: AppErrorPayload }; hidden: boolean }) {
  if (hidden) return null;
  return <OthersScores itemId={itemId} selfId={selfId} scores={others.data} error={others.error} />;
}
