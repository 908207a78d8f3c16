import { CycleRedirect } from '../panels/CycleRedirect';
import { CommitteePage } from './CommitteePage';
import { PrintPage } from './PrintPage';
import { RankingPage } from './RankingPage';
import { SeverityPage } from './SeverityPage';
import { resultsHref, type ResultsRoute } from './results-routes';

/** The pages of issue 7 (ranking, rater severity, committee, printing). */
export function ResultsRoutePage({ route }: { route: ResultsRoute }) {
  switch (route.page) {
    case 'rankingHome':
      return <CycleRedirect to={resultsHref.cycleRanking} />;
    case 'committeeHome':
      return <CycleRedirect to={resultsHref.cycleCommittee} />;
    case 'ranking':
      return <RankingPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'severity':
      return <SeverityPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'committee':
      return <CommitteePage key={route.cycleId} cycleId={route.cycleId} />;
    case 'print':
      return <PrintPage key={route.cycleId} cycleId={route.cycleId} />;
  }
}
