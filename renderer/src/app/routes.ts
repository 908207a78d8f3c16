import { parseScoringCycleRoute, parseScoringTop, scoringHref, type ScoringRoute } from '../features/panels/scoring-routes';
import { parseResultsCycleRoute, parseResultsTop, resultsHref, type ResultsRoute } from '../features/results/results-routes';

/** Every page the renderer can show, and the hash each one lives at. */
export type Route =
  | { page: 'default' }
  | { page: 'start' }
  | { page: 'cycles' }
  | { page: 'cycleSettings'; cycleId: string }
  | { page: 'applicants'; cycleId: string }
  | { page: 'newApplicant'; cycleId: string }
  | { page: 'applicant'; applicantId: string; tab: string | undefined }
  | { page: 'frameworks' }
  | { page: 'framework'; frameworkId: string }
  | { page: 'myApplication' }
  | { page: 'backups' }
  | { page: 'exchange' }
  | ScoringRoute
  | ResultsRoute
  | { page: 'notFound' };

export function parseRoute(segments: readonly string[]): Route {
  const [first, second, third, fourth] = segments;
  if (first === undefined) return { page: 'default' };
  const scoringTop = parseScoringTop(segments);
  if (scoringTop) return scoringTop;
  const resultsTop = parseResultsTop(segments);
  if (resultsTop) return resultsTop;
  switch (first) {
    case 'start':
      return segments.length === 1 ? { page: 'start' } : { page: 'notFound' };
    case 'cycles':
      if (second === undefined) return { page: 'cycles' };
      if (third === 'settings') return { page: 'cycleSettings', cycleId: second };
      if (third === 'applicants' && fourth === 'new') return { page: 'newApplicant', cycleId: second };
      if (third === 'applicants' || third === undefined) return { page: 'applicants', cycleId: second };
      {
        const scoring = parseScoringCycleRoute(second, segments.slice(2));
        if (scoring) return scoring === 'notFound' ? { page: 'notFound' } : scoring;
      }
      return parseResultsCycleRoute(second, segments.slice(2)) ?? { page: 'notFound' };
    case 'applicants':
      return second === undefined ? { page: 'notFound' } : { page: 'applicant', applicantId: second, tab: third };
    case 'frameworks':
      return second === undefined ? { page: 'frameworks' } : { page: 'framework', frameworkId: second };
    case 'my-application':
      return { page: 'myApplication' };
    case 'backups':
      return { page: 'backups' };
    case 'exchange':
      return segments.length === 1 ? { page: 'exchange' } : { page: 'notFound' };
    default:
      return { page: 'notFound' };
  }
}

/** Colons stay readable (framework ids are `sha256:…`); they are safe in a fragment. */
const part = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ':');

export const href = {
  start: () => '#/start',
  cycles: () => '#/cycles',
  cycleSettings: (cycleId: string) => `#/cycles/${part(cycleId)}/settings`,
  applicants: (cycleId: string) => `#/cycles/${part(cycleId)}/applicants`,
  newApplicant: (cycleId: string) => `#/cycles/${part(cycleId)}/applicants/new`,
  applicant: (applicantId: string, tab?: string) => `#/applicants/${part(applicantId)}${tab ? `/${part(tab)}` : ''}`,
  frameworks: () => '#/frameworks',
  framework: (frameworkId: string) => `#/frameworks/${part(frameworkId)}`,
  myApplication: () => '#/my-application',
  backups: () => '#/backups',
  exchange: () => '#/exchange',
  ...scoringHref,
  ...resultsHref,
};

/** The cycle a route is about, so the menu can keep "applicants" pointing at the cycle last looked at. */
export function cycleOf(route: Route): string | undefined {
  return 'cycleId' in route ? route.cycleId : undefined;
}
