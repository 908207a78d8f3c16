import { useEffect, useMemo } from 'react';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scorer, Viewer } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { ScoringScreen } from './ScoringScreen';
import { setScoringSession, useScoringSession } from './session-store';
import { SignInNeeded } from './SignInNeeded';

interface Props {
  cycleId: string;
  stage: StageId;
  applicantId: string;
  /** Set: the office enters this expert's paper sheet. */
  expertId: string | null;
}

/** Loads everything one scoring screen needs: the criteria, the sheet, the application. */
export function ScoreSheetPage({ cycleId, stage, applicantId, expertId }: Props) {
  const { t } = useTranslation();
  const session = useScoringSession();
  const paper = expertId !== null;
  const token = session?.sessionToken;
  const as = useMemo<Scorer | null>(() => (paper ? { kind: 'office', onBehalfOf: expertId } : token ? { kind: 'session', sessionToken: token } : null), [paper, expertId, token]);
  const viewer = useMemo<Viewer | null>(() => (paper ? { kind: 'office' } : token ? { kind: 'session', sessionToken: token } : null), [paper, token]);

  const cycle = useCall('cycles.get', { cycleId });
  const framework = useCall('frameworks.get', cycle.data ? { id: cycle.data.frameworkId } : null);
  const sheet = useCall('scores.sheet', as ? { as, stage, applicantId } : null);
  const application = useCall('applications.get', as ? { applicantId } : null);
  const issues = useCall('siteVisit.issues', viewer && stage === 'siteVisit' ? { viewer, applicantId } : null);

  // An expired session sends the expert back to the PIN screen rather than showing a broken page.
  const expired = !paper && sheet.error?.code === 'unauthorized';
  useEffect(() => {
    if (expired) setScoringSession(null);
  }, [expired]);

  const back = paper ? href.scoringProgress(cycleId, stage) : href.reviewRoom(cycleId, stage);
  const crumbs = [
    { title: cycle.data?.name ?? '…', href: paper ? href.cyclePanels(cycleId, stage) : back },
    { title: t(paper ? 'scoringUi.progress.title' : 'scoringUi.room.title'), href: back },
    { title: sheet.data?.applicantName ?? '…' },
  ];
  const header = (
    <PageHeader
      crumbs={crumbs}
      title={<span data-testid="sheet-title">{sheet.data?.applicantName ?? t('scoringUi.sheet.title')}</span>}
      subtitle={
        <Space size={8}>
          <Tag>{t(`applicants.cycle.stage.${stage}`)}</Tag>
          <span>{t('scoringUi.sheet.subtitle')}</span>
        </Space>
      }
    />
  );

  if (!paper && !session) return <SignInNeeded cycleId={cycleId} stage={stage} />;
  const error = cycle.error ?? framework.error ?? sheet.error;
  if (error) {
    return (
      <>
        {header}
        <LoadError
          error={error}
          onRetry={() => {
            cycle.reload();
            framework.reload();
            sheet.reload();
          }}
        />
      </>
    );
  }
  if (!framework.data || !sheet.data || !as || !viewer || application.loading) return <PageLoading />;
  return (
    <>
      {header}
      <ScoringScreen
        key={`${sheet.data.expertId}-${applicantId}-${stage}`}
        framework={framework.data.framework}
        sheet={sheet.data}
        application={application.data}
        as={as}
        viewer={viewer}
        paper={paper}
        issues={issues.data}
      />
    </>
  );
}
