import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../hooks/useWorkspace';
import { StartPage } from '../features/start/StartPage';
import { CyclesPage } from '../features/cycles/CyclesPage';
import { CycleSettingsPage } from '../features/cycle-settings/CycleSettingsPage';
import { FrameworksPage } from '../features/frameworks/FrameworksPage';
import { FrameworkDetailPage } from '../features/frameworks/FrameworkDetailPage';
import { ApplicantsPage } from '../features/applicants/ApplicantsPage';
import { NewApplicantPage } from '../features/applicants/NewApplicantPage';
import { ApplicantDetailPage } from '../features/applicant-detail/ApplicantDetailPage';
import { MyApplicationPage } from '../features/application/MyApplicationPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { ScoringRoutePage } from '../features/panels/ScoringRoutePage';
import { ResultsRoutePage } from '../features/results/ResultsRoutePage';
import { ExchangePage } from '../features/exchange';
import { href, type Route } from './routes';

export function RoutePage({ route }: { route: Route }) {
  const { role } = useWorkspace();
  switch (route.page) {
    case 'default':
      if (role === 'enterprise') return <MyApplicationPage />;
      if (role === 'expert') return <ScoringRoutePage route={{ page: 'reviewHome' }} />;
      return <CyclesPage />;
    case 'start':
      return <StartPage />;
    case 'cycles':
      return <CyclesPage />;
    case 'cycleSettings':
      return <CycleSettingsPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'applicants':
      return <ApplicantsPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'newApplicant':
      return <NewApplicantPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'applicant':
      return <ApplicantDetailPage key={route.applicantId} applicantId={route.applicantId} tab={route.tab} />;
    case 'frameworks':
      return <FrameworksPage />;
    case 'framework':
      return <FrameworkDetailPage key={route.frameworkId} frameworkId={route.frameworkId} />;
    case 'myApplication':
      return <MyApplicationPage />;
    case 'backups':
      return <BackupsPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'experts':
    case 'panelsHome':
    case 'reviewHome':
    case 'conflicts':
    case 'panels':
    case 'scoringProgress':
    case 'reviewRoom':
    case 'scoreSheet':
    case 'consensus':
    case 'results':
      return <ScoringRoutePage route={route} />;
    case 'rankingHome':
    case 'committeeHome':
    case 'ranking':
    case 'severity':
    case 'committee':
    case 'print':
      return <ResultsRoutePage route={route} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('ui.common.notFoundTitle')}
      subTitle={t('ui.common.notFoundText')}
      extra={
        <Button type="primary" href={href.start()}>
          {t('nav.start')}
        </Button>
      }
    />
  );
}
