import { href } from '../../app/routes';
import { ConsensusPage } from '../consensus/ConsensusPage';
import { ResultsPage } from '../consensus/ResultsPage';
import { ExpertsPage } from '../experts/ExpertsPage';
import { ReviewRoomPage } from '../scoring/ReviewRoomPage';
import { ScoreSheetPage } from '../scoring/ScoreSheetPage';
import { ConflictsPage } from './ConflictsPage';
import { CycleRedirect } from './CycleRedirect';
import { PanelsPage } from './PanelsPage';
import { ScoringProgressPage } from './ScoringProgressPage';
import type { ScoringRoute } from './scoring-routes';

const toPanels = (cycleId: string) => href.cyclePanels(cycleId);
const toReview = (cycleId: string) => href.reviewRoom(cycleId);

/** The pages of issue 5 (experts, conflicts, panels, scoring, consensus, results). */
export function ScoringRoutePage({ route }: { route: ScoringRoute }) {
  switch (route.page) {
    case 'experts':
      return <ExpertsPage />;
    case 'panelsHome':
      return <CycleRedirect to={toPanels} />;
    case 'reviewHome':
      return <CycleRedirect to={toReview} />;
    case 'conflicts':
      return <ConflictsPage key={route.cycleId} cycleId={route.cycleId} />;
    case 'panels':
      return <PanelsPage key={`${route.cycleId}-${route.stage}`} cycleId={route.cycleId} stage={route.stage} />;
    case 'scoringProgress':
      return <ScoringProgressPage key={`${route.cycleId}-${route.stage}`} cycleId={route.cycleId} stage={route.stage} />;
    case 'reviewRoom':
      return <ReviewRoomPage key={`${route.cycleId}-${route.stage}`} cycleId={route.cycleId} stage={route.stage} />;
    case 'scoreSheet':
      return <ScoreSheetPage key={`${route.stage}-${route.applicantId}-${route.expertId ?? 'session'}`} cycleId={route.cycleId} stage={route.stage} applicantId={route.applicantId} expertId={route.expertId} />;
    case 'consensus':
      return <ConsensusPage key={`${route.stage}-${route.applicantId}-${route.asSession}`} cycleId={route.cycleId} stage={route.stage} applicantId={route.applicantId} asSession={route.asSession} />;
    case 'results':
      return <ResultsPage key={route.applicantId} cycleId={route.cycleId} applicantId={route.applicantId} />;
  }
}
