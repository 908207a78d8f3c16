/**
 * The office's results pages (issue 7): parsed here so app/routes.ts only delegates. The ranking and
 * rater severity sit under the "results" menu entry, the committee's decisions and printing under
 * "committee"; both entries open the cycle last looked at.
 */
export type ResultsRoute =
  | { page: 'rankingHome' }
  | { page: 'committeeHome' }
  | { page: 'ranking'; cycleId: string }
  | { page: 'severity'; cycleId: string }
  | { page: 'committee'; cycleId: string }
  | { page: 'print'; cycleId: string };

export type ResultsSection = 'ranking' | 'severity' | 'committee' | 'print';
export const RESULTS_SECTIONS: readonly ResultsSection[] = ['ranking', 'severity', 'committee', 'print'];

/** Top-level segments this module owns (`#/ranking`, `#/committee`). */
export function parseResultsTop(segments: readonly string[]): ResultsRoute | undefined {
  if (segments.length !== 1) return undefined;
  if (segments[0] === 'ranking') return { page: 'rankingHome' };
  if (segments[0] === 'committee') return { page: 'committeeHome' };
  return undefined;
}

/** `rest` is what follows `#/cycles/<cycleId>/`; undefined when it is not one of these pages. */
export function parseResultsCycleRoute(cycleId: string, rest: readonly string[]): ResultsRoute | undefined {
  const [area] = rest;
  if (rest.length !== 1 || !(RESULTS_SECTIONS as readonly string[]).includes(area ?? '')) return undefined;
  return { page: area as ResultsSection, cycleId };
}

const cyclePath = (cycleId: string, section: ResultsSection) => `#/cycles/${encodeURIComponent(cycleId)}/${section}`;

export const resultsHref = {
  ranking: () => '#/ranking',
  committee: () => '#/committee',
  cycleRanking: (cycleId: string) => cyclePath(cycleId, 'ranking'),
  severity: (cycleId: string) => cyclePath(cycleId, 'severity'),
  cycleCommittee: (cycleId: string) => cyclePath(cycleId, 'committee'),
  print: (cycleId: string) => cyclePath(cycleId, 'print'),
};

export const sectionHref = (section: ResultsSection, cycleId: string): string => cyclePath(cycleId, section);

const RESULTS_PAGES: readonly string[] = ['rankingHome', 'committeeHome', 'ranking', 'severity', 'committee', 'print'];

export function isResultsRoute(route: { page: string }): route is ResultsRoute {
  return RESULTS_PAGES.includes(route.page);
}

/** Which of this module's menu entries a page belongs to. */
export function resultsNavKey(route: ResultsRoute): 'ranking' | 'committee' {
  return route.page === 'committeeHome' || route.page === 'committee' || route.page === 'print' ? 'committee' : 'ranking';
}
