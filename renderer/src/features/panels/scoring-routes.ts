/**
 * The pages of expert panels and scoring (issue 5): parsed here so app/routes.ts only delegates.
 * Office pages live under a cycle; the review room (an expert signed in with a PIN) too, so the
 * menu's "last cycle" logic keeps working.
 */
import { STAGE_IDS, type StageId } from '../../../../shared/domain/cycle-settings';

export type ScoringRoute =
  | { page: 'experts' }
  /** Menu entries that need a cycle: they pick the last one looked at, or the newest. */
  | { page: 'panelsHome' }
  | { page: 'reviewHome' }
  | { page: 'conflicts'; cycleId: string }
  | { page: 'panels'; cycleId: string; stage: StageId }
  | { page: 'scoringProgress'; cycleId: string; stage: StageId }
  | { page: 'reviewRoom'; cycleId: string; stage: StageId }
  /** `expertId` set: the office types a paper score sheet on that expert's behalf. */
  | { page: 'scoreSheet'; cycleId: string; stage: StageId; applicantId: string; expertId: string | null }
  | { page: 'consensus'; cycleId: string; stage: StageId; applicantId: string; asSession: boolean }
  | { page: 'results'; cycleId: string; applicantId: string };

export type ScoringPage = ScoringRoute['page'];

const isStage = (value: string | undefined): value is StageId => (STAGE_IDS as readonly string[]).includes(value ?? '');
const stageOr = (value: string | undefined): StageId => (isStage(value) ? value : 'documentReview');

/** Top-level segments this module owns (`#/experts`, `#/panels`, `#/review`). */
export function parseScoringTop(segments: readonly string[]): ScoringRoute | undefined {
  if (segments.length !== 1) return undefined;
  switch (segments[0]) {
    case 'experts':
      return { page: 'experts' };
    case 'panels':
      return { page: 'panelsHome' };
    case 'review':
      return { page: 'reviewHome' };
    default:
      return undefined;
  }
}

/** `rest` is what follows `#/cycles/<cycleId>/`; undefined when it is not one of these pages. */
export function parseScoringCycleRoute(cycleId: string, rest: readonly string[]): ScoringRoute | 'notFound' | undefined {
  const [area, a, b, c, d] = rest;
  switch (area) {
    case 'conflicts':
      return rest.length === 1 ? { page: 'conflicts', cycleId } : 'notFound';
    case 'panels':
      return rest.length <= 2 ? { page: 'panels', cycleId, stage: stageOr(a) } : 'notFound';
    case 'progress':
      return rest.length <= 2 ? { page: 'scoringProgress', cycleId, stage: stageOr(a) } : 'notFound';
    case 'review':
      if (rest.length <= 2) return { page: 'reviewRoom', cycleId, stage: stageOr(a) };
      if (!isStage(a) || b === undefined) return 'notFound';
      if (rest.length === 3) return { page: 'scoreSheet', cycleId, stage: a, applicantId: b, expertId: null };
      if (rest.length === 4 && c === 'consensus') return { page: 'consensus', cycleId, stage: a, applicantId: b, asSession: true };
      return 'notFound';
    case 'paper':
      return isStage(a) && b !== undefined && c !== undefined && d === undefined ? { page: 'scoreSheet', cycleId, stage: a, applicantId: b, expertId: c } : 'notFound';
    case 'consensus':
      return isStage(a) && b !== undefined && rest.length === 3 ? { page: 'consensus', cycleId, stage: a, applicantId: b, asSession: false } : 'notFound';
    case 'results':
      return a !== undefined && rest.length === 2 ? { page: 'results', cycleId, applicantId: a } : 'notFound';
    default:
      return undefined;
  }
}

const part = (segment: string) => encodeURIComponent(segment);
const cyclePath = (cycleId: string, ...rest: string[]) => `#/cycles/${[cycleId, ...rest].map(part).join('/')}`;

export const scoringHref = {
  experts: () => '#/experts',
  panels: () => '#/panels',
  review: () => '#/review',
  conflicts: (cycleId: string) => cyclePath(cycleId, 'conflicts'),
  cyclePanels: (cycleId: string, stage: StageId = 'documentReview') => cyclePath(cycleId, 'panels', stage),
  scoringProgress: (cycleId: string, stage: StageId = 'documentReview') => cyclePath(cycleId, 'progress', stage),
  reviewRoom: (cycleId: string, stage: StageId = 'documentReview') => cyclePath(cycleId, 'review', stage),
  reviewSheet: (cycleId: string, stage: StageId, applicantId: string) => cyclePath(cycleId, 'review', stage, applicantId),
  reviewConsensus: (cycleId: string, stage: StageId, applicantId: string) => cyclePath(cycleId, 'review', stage, applicantId, 'consensus'),
  paperSheet: (cycleId: string, stage: StageId, applicantId: string, expertId: string) => cyclePath(cycleId, 'paper', stage, applicantId, expertId),
  officeConsensus: (cycleId: string, stage: StageId, applicantId: string) => cyclePath(cycleId, 'consensus', stage, applicantId),
  results: (cycleId: string, applicantId: string) => cyclePath(cycleId, 'results', applicantId),
};

/** Which of this module's menu entries a page belongs to. */
export function scoringNavKey(route: ScoringRoute): 'experts' | 'panels' | 'review' {
  switch (route.page) {
    case 'experts':
      return 'experts';
    case 'reviewHome':
    case 'reviewRoom':
      return 'review';
    case 'scoreSheet':
      return route.expertId === null ? 'review' : 'panels';
    case 'consensus':
      return route.asSession ? 'review' : 'panels';
    default:
      return 'panels';
  }
}

const SCORING_PAGES: readonly string[] = ['experts', 'panelsHome', 'reviewHome', 'conflicts', 'panels', 'scoringProgress', 'reviewRoom', 'scoreSheet', 'consensus', 'results'];

export function isScoringRoute(route: { page: string }): route is ScoringRoute {
  return SCORING_PAGES.includes(route.page);
}
