import { useEffect } from 'react';
import { Alert, Button, Segmented, Space, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useWorkspace } from '../../hooks/useWorkspace';
import { MyAssignments } from './MyAssignments';
import { PinSignIn } from './PinSignIn';
import { setScoringSession, useScoringSession } from './session-store';

/**
 * The closed-door review room: experts sign in with their PIN and see only their own applicants. In an
 * examiner's own workspace the expert is fixed by the review package, so the room opens for them at once.
 */
export function ReviewRoomPage({ cycleId, stage }: { cycleId: string; stage: StageId }) {
  const { t } = useTranslation();
  const { navigate } = useHashRoute();
  const { role } = useWorkspace();
  const ownWorkspace = role === 'expert';
  const session = useScoringSession();
  const own = useCall('sessions.openOwn', ownWorkspace && !session ? {} : null);
  useEffect(() => {
    if (own.data) setScoringSession({ sessionToken: own.data.sessionToken, expertId: own.data.expertId, expertName: own.data.expertName });
  }, [own.data]);
  const cycle = useCall('cycles.get', { cycleId });
  const current = useCall('sessions.current', session ? { sessionToken: session.sessionToken } : null);
  const stages = cycle.data ? stagesInUse(cycle.data.settings.stages) : [];

  // A session the core no longer knows (expired, app restarted) is forgotten here too.
  const gone = current.error?.code === 'unauthorized' || current.error?.code === 'validation';
  useEffect(() => {
    if (gone) setScoringSession(null);
  }, [gone]);

  const signOut = async () => {
    if (session) await call('sessions.signOut', { sessionToken: session.sessionToken }).catch(() => undefined);
    setScoringSession(null);
  };

  return (
    <>
      <PageHeader
        crumbs={[{ title: cycle.data?.name ?? '…' }, { title: t('scoringUi.room.title') }]}
        title={t('scoringUi.room.title')}
        subtitle={session ? t('scoringUi.room.subtitleSignedIn') : t('scoringUi.room.subtitle')}
        extra={
          session && (
            <Space>
              <Typography.Text data-testid="signed-in-as">{t('scoringUi.room.signedInAs', { name: session.expertName })}</Typography.Text>
              {!ownWorkspace && (
                <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
                  {t('scoringUi.room.signOut')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {!session && stages.length > 1 && (
        <div className="filter-row">
          <Segmented<StageId>
            value={stage}
            onChange={(next) => navigate(href.reviewRoom(cycleId, next))}
            options={stages.map((value) => ({ value, label: <span data-testid={`room-stage-${value}`}>{t(`applicants.cycle.stage.${value}`)}</span> }))}
          />
        </div>
      )}
      {session ? (
        <MyAssignments cycleId={cycleId} sessionToken={session.sessionToken} />
      ) : ownWorkspace ? (
        own.error ? <LoadError error={own.error} onRetry={own.reload} /> : <PageLoading />
      ) : (
        <>
          <Alert type="info" showIcon title={t('scoringUi.room.independence')} style={{ marginBottom: 16 }} />
          <PinSignIn cycleId={cycleId} stage={stage} />
        </>
      )}
    </>
  );
}
