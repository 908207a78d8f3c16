import { useEffect } from 'react';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';

/** Same key the shell keeps the last cycle under, so the menu opens the cycle last looked at. */
const LAST_CYCLE = 'award-desk.lastCycle';

/** A menu entry that needs a cycle: goes to the last one looked at, or the newest. */
export function CycleRedirect({ to }: { to(cycleId: string): string }) {
  const { t } = useTranslation();
  const { navigate } = useHashRoute();
  const cycles = useCall('cycles.list', {});
  const remembered = sessionStorage.getItem(LAST_CYCLE);
  const target = cycles.data ? (cycles.data.find((c) => c.id === remembered) ?? cycles.data[0]) : undefined;

  useEffect(() => {
    if (target) navigate(to(target.id), { replace: true });
  }, [target, navigate, to]);

  if (cycles.error) return <LoadError error={cycles.error} onRetry={cycles.reload} />;
  if (cycles.data && cycles.data.length === 0) {
    return (
      <Empty description={t('ui.nav.noCycleYet')} data-testid="no-cycle">
        <Button type="primary" href={href.cycles()}>
          {t('nav.home')}
        </Button>
      </Empty>
    );
  }
  return <PageLoading />;
}
