import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';

/** A scoring page opened without a session (or after it expired): back to the PIN screen. */
export function SignInNeeded({ cycleId, stage }: { cycleId: string; stage: StageId }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('scoringUi.room.signInNeeded')}
      subTitle={t('scoringUi.room.signInNeededText')}
      extra={
        <Button type="primary" href={href.reviewRoom(cycleId, stage)} data-testid="go-sign-in">
          {t('scoringUi.room.signIn')}
        </Button>
      }
    />
  );
}
