import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import type { ConsensusView, Viewer } from '../../../../shared/api/scoring-sessions';
import { percentChoices, type Framework } from '../../../../shared/domain/frameworks';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { commentInputs, sendable } from '../scoring/comment-drafts';
import { useScoringSession } from '../scoring/session-store';
import { SignInNeeded } from '../scoring/SignInNeeded';
import { useScreenKeys } from '../scoring/useScreenKeys';
import { ConsensusItemEditor } from './ConsensusItemEditor';
import { ConsensusMatrix } from './ConsensusMatrix';
import { ConsensusSummary } from './ConsensusSummary';
import { ThemesEditor } from './ThemesEditor';
import { draftOf, liveTotal, type ConsensusDraft } from './consensus-drafts';
import '../scoring/scoring.css';

interface Props {
  cycleId: string;
  stage: StageId;
  applicantId: string;
  /** The panel leader (or a member who submitted) signed in to the review room; otherwise the office. */
  asSession: boolean;
}

export function ConsensusPage({ cycleId, stage, applicantId, asSession }: Props) {
  const session = useScoringSession();
  const token = session?.sessionToken;
  const viewer = useMemo<Viewer | null>(() => (!asSession ? { kind: 'office' } : token ? { kind: 'session', sessionToken: token } : null), [asSession, token]);
  const cycle = useCall('cycles.get', { cycleId });
  const framework = useCall('frameworks.get', cycle.data ? { id: cycle.data.frameworkId } : null);
  const view = useCall('consensus.get', viewer ? { viewer, stage, applicantId } : null);
  const application = useCall('applications.get', viewer ? { applicantId } : null);

  if (asSession && !session) return <SignInNeeded cycleId={cycleId} stage={stage} />;
  const error = cycle.error ?? framework.error ?? view.error;
  if (error) return <LoadError error={error} onRetry={view.reload} />;
  if (!framework.data || !view.data || !viewer) return <PageLoading />;
  const back = asSession ? href.reviewRoom(cycleId, stage) : href.scoringProgress(cycleId, stage);
  return (
    <ConsensusMeeting
      key={`${stage}-${applicantId}`}
      cycleId={cycleId}
      cycleName={cycle.data?.name ?? ''}
      back={back}
      framework={framework.data.framework}
      initial={view.data}
      viewer={viewer}
      attachments={application.data?.attachments ?? []}
    />
  );
}

interface MeetingProps {
  cycleId: string;
  cycleName: string;
  back: string;
  framework: Framework;
  initial: ConsensusView;
  viewer: Viewer;
  attachments: readonly Attachment[];
}

/** The consensus meeting: matrix on the left, the selected item on the right, keyboard throughout. */
function ConsensusMeeting({ cycleId, cycleName, back, framework, initial, viewer, attachments }: MeetingProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState(initial);
  const [drafts, setDrafts] = useState<Record<string, ConsensusDraft>>(() => Object.fromEntries(initial.items.map((item) => [item.itemId, draftOf(item)])));
  const [selected, setSelected] = useState(() => (initial.items.find((item) => item.consensus === null) ?? initial.items[0])!.itemId);
  const [saving, setSaving] = useState(false);
  const control = useRef<HTMLDivElement>(null);
  const choices = useMemo(() => percentChoices(framework), [framework]);
  const index = view.items.findIndex((item) => item.itemId === selected);
  const item = view.items[index]!;
  const draft = drafts[item.itemId] ?? draftOf(item);

  const move = (direction: 1 | -1) => setSelected(view.items[Math.min(view.items.length - 1, Math.max(0, index + direction))]!.itemId);
  useScreenKeys(control, move);
  useEffect(() => control.current?.focus({ preventScroll: true }), [selected]);

  const edit = (patch: Partial<ConsensusDraft>) => setDrafts((all) => ({ ...all, [item.itemId]: { ...(all[item.itemId] ?? draftOf(item)), ...patch } }));

  const record = async () => {
    if (!view.canEdit || draft.percent === null || saving) return;
    setSaving(true);
    try {
      const next = await call('consensus.saveItem', {
        viewer,
        stage: view.stage,
        applicantId: view.applicantId,
        itemId: item.itemId,
        percent: draft.percent,
        rationale: draft.rationale.trim(),
        strengths: commentInputs(sendable(draft.strengths)).map((c, i) => ({ ...c, sourceCommentId: sendable(draft.strengths)[i]!.sourceCommentId ?? null })),
        opportunities: commentInputs(sendable(draft.opportunities)).map((c, i) => ({ ...c, sourceCommentId: sendable(draft.opportunities)[i]!.sourceCommentId ?? null })),
      });
      setView(next);
      const saved = next.items.find((i) => i.itemId === item.itemId);
      if (saved) setDrafts((all) => ({ ...all, [item.itemId]: draftOf(saved) }));
      // On to the next item still without agreement, in agenda order.
      const after = next.items.slice(next.items.findIndex((i) => i.itemId === item.itemId) + 1).find((i) => i.consensus === null) ?? next.items.find((i) => i.consensus === null);
      if (after) setSelected(after.itemId);
      else control.current?.focus();
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setSaving(false);
    }
  };

  const live = liveTotal(view.items, drafts);
  return (
    <>
      <PageHeader
        crumbs={[{ title: cycleName || '…', href: back }, { title: t('scoringUi.consensus.title') }]}
        title={<span data-testid="consensus-title">{view.applicantName}</span>}
        subtitle={
          <Space size={8}>
            <Tag>{t(`applicants.cycle.stage.${view.stage}`)}</Tag>
            <span>{t('scoringUi.consensus.subtitle')}</span>
          </Space>
        }
        extra={
          viewer.kind === 'office' && (
            <Button icon={<TrophyOutlined />} href={href.results(cycleId, view.applicantId)} data-testid="consensus-results">
              {t('scoringUi.progress.results')}
            </Button>
          )
        }
      />
      <ConsensusSummary view={view} live={live} />
      <div className="consensus-layout">
        <div>
          <ConsensusMatrix view={view} framework={framework} drafts={drafts} selected={item.itemId} onSelect={setSelected} />
          <div style={{ marginTop: 16 }}>
            <ThemesEditor view={view} viewer={viewer} onSaved={setView} />
          </div>
        </div>
        <ConsensusItemEditor
          key={item.itemId}
          view={view}
          framework={framework}
          choices={choices}
          item={item}
          draft={draft}
          attachments={attachments}
          saving={saving}
          controlRef={control}
          onEdit={edit}
          onRecord={() => void record()}
          onRevert={() => setDrafts((all) => ({ ...all, [item.itemId]: draftOf(item) }))}
          onNavigate={move}
        />
      </div>
    </>
  );
}
