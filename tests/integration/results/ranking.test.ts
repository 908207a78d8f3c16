/**
 * The ranking on a scored fixture, against a hand calculation. Stage weights are the default 30 % document
 * review, 70 % site visit; every item of a stage carries the same consensus percent, so a stage total is
 * 1000 × percent / 100 points and the combined total 0.3 × DR + 0.7 × SV:
 *   A 60/70 → 180 + 490 = 670.00    B 70/65 → 210 + 455 = 665.00    C 80/50 → 240 + 350 = 590.00
 *   D 45/65 → 135 + 455 = 590.00    E 50/60 → 150 + 420 = 570.00    F 40/50 → 120 + 350 = 470.00
 *   G: document review only (60 %), no site visit → not ranked.
 * Tiers (default thresholds 600 / 550 / 500), award quota 2 and nomination quota 1:
 *   award: A, B.  nomination: C and D tie at the quota boundary → nobody admitted (vacant), quotaTie {rank 3, seatsLeft 1},
 *   and E (below the tied pair) may not take the seat.  encouragement: C, D, E.  F: none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantDetailResult, Ranking, SeverityView } from '../../../shared/api/results';
import { ok, office, scoredFixture, type ScoredFixture } from './helpers';

let f: ScoredFixture;
const NAMES = { A: '甲·闽江精密机械股份有限公司', B: '乙·福州智能装备有限公司', C: '丙·闽侯新材料有限公司', D: '丁·长乐纺织科技有限公司', E: '戊·马尾船舶工程有限公司', F: '己·榕城软件有限公司', G: '庚·连江食品有限公司' };

beforeAll(async () => {
  f = await scoredFixture(
    [
      { name: NAMES.A, body: '91350100M000100A1', documentReview: 60, siteVisit: 70, spreads: { 0: { '4.7.2': 45, '4.1.2': 50 }, 1: { '4.7.2': 75, '4.1.2': 60 } } },
      { name: NAMES.B, body: '91350100M000100B2', documentReview: 70, siteVisit: 65 },
      { name: NAMES.C, body: '91350100M000100C3', documentReview: 80, siteVisit: 50 },
      { name: NAMES.D, body: '91350100M000100D4', documentReview: 45, siteVisit: 65 },
      { name: NAMES.E, body: '91350100M000100E5', documentReview: 50, siteVisit: 60 },
      { name: NAMES.F, body: '91350100M000100F6', section: 'I', division: '65', documentReview: 40, siteVisit: 50 },
      { name: NAMES.G, body: '91350100M000100G7', documentReview: 60, siteVisit: null },
    ],
    (settings) => ({
      ...settings,
      tiers: (settings.tiers as { id: string }[]).map((tier) => ({ ...tier, quota: tier.id === 'award' ? 2 : tier.id === 'nomination' ? 1 : null })),
    }),
  );
  // One applicant elsewhere, for the region filter.
  const detail = await ok<{ record: Record<string, unknown> }>(f.core.dispatch('applicants.get', { applicantId: f.applicants[NAMES.E] }, office));
  await ok(f.core.dispatch('applicants.update', { applicantId: f.applicants[NAMES.E], record: { ...detail.record, region: '福州市马尾区' } }, office));
}, 120_000);
afterAll(() => f.dispose());

const ranking = (filter: Record<string, string> = {}) => ok<Ranking>(f.core.dispatch('results.ranking', { cycleId: f.cycleId, ...filter }, office));
const row = (r: Ranking, name: string) => r.rows.find((x) => x.legalName === name)!;

describe('results.ranking', () => {
  it('totals every stage and the weighted combination exactly as worked out by hand', async () => {
    const r = await ranking();
    const expected: Record<string, [string, string, string]> = {
      [NAMES.A]: ['600.00', '700.00', '670.00'],
      [NAMES.B]: ['700.00', '650.00', '665.00'],
      [NAMES.C]: ['800.00', '500.00', '590.00'],
      [NAMES.D]: ['450.00', '650.00', '590.00'],
      [NAMES.E]: ['500.00', '600.00', '570.00'],
      [NAMES.F]: ['400.00', '500.00', '470.00'],
    };
    for (const [name, [dr, sv, total]] of Object.entries(expected)) {
      const x = row(r, name);
      expect(x.stageTotals.map((s) => [s.stage, s.weightPercent, s.total?.text])).toEqual([
        ['documentReview', 30, dr],
        ['siteVisit', 70, sv],
      ]);
      expect(x.combined).toEqual({ num: Number(total.replace('.', '')), den: 1, text: total });
    }
    expect(r).toMatchObject({ method: 'consensus', maxPoints: 1000, rankedCount: 6, applicantCount: 7, status: 'open' });
  });

  it('ranks with shared ranks for exact ties (1, 2, 3, 3, 5, 6) and lists the unranked applicant last, saying why', async () => {
    const r = await ranking();
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 3, 5, 6, null]);
    expect(r.rows.slice(0, 2).map((x) => x.legalName)).toEqual([NAMES.A, NAMES.B]);
    expect(new Set(r.rows.slice(2, 4).map((x) => x.legalName))).toEqual(new Set([NAMES.C, NAMES.D]));
    expect(r.rows.slice(2, 4).map((x) => x.tiedWith)).toEqual([2, 2]);
    const g = r.rows[6]!;
    expect(g).toMatchObject({ legalName: NAMES.G, rank: null, combined: null, tierId: null });
    expect(g.stageTotals[0]!.total?.text).toBe('600.00');
    expect(g.missing).toEqual([{ key: 'panels.results.noPanel', params: { stage: 'siteVisit' } }]);
  });

  it('places tiers with quotas: a tie at the nomination boundary leaves the tier vacant for the committee', async () => {
    const r = await ranking();
    expect(r.rows.map((x) => x.tierId)).toEqual(['award', 'award', 'encouragement', 'encouragement', 'encouragement', null, null]);
    const [award, nomination, encouragement] = r.tiers;
    expect(award).toMatchObject({ tierId: 'award', quota: 2, vacant: false, members: [f.applicants[NAMES.A], f.applicants[NAMES.B]], threshold: { text: '600.00' }, quotaTie: null });
    expect(nomination).toMatchObject({ tierId: 'nomination', quota: 1, vacant: true, members: [], threshold: { text: '550.00' } });
    expect(nomination!.quotaTie).toEqual({ rank: 3, applicantIds: expect.arrayContaining([f.applicants[NAMES.C], f.applicants[NAMES.D]]), seatsLeft: 1 });
    expect(nomination!.overflow).toHaveLength(3);
    expect(encouragement).toMatchObject({ tierId: 'encouragement', quota: null, vacant: false });
    expect(new Set(encouragement!.members)).toEqual(new Set([f.applicants[NAMES.C], f.applicants[NAMES.D], f.applicants[NAMES.E]]));
  });

  it('summarises disagreement (flagged items, widest spread) and rank stability', async () => {
    const r = await ranking();
    // A: 4.7.2 scored 45 and 75 (range 30 ≥ threshold 20, flagged); 4.1.2 50 and 60 (range 10).
    expect(row(r, NAMES.A).disagreement).toEqual({ flaggedItems: 1, maxSpread: 30 });
    expect(row(r, NAMES.B).disagreement).toEqual({ flaggedItems: 0, maxSpread: 0 });
    // Under consensus the agreed percent does not depend on who is left out: every rank is stable.
    expect(r.sensitivity.state).toBe('ready');
    expect(row(r, NAMES.A).stability).toMatchObject({ rankChanges: false, tierChanges: false, changedBy: [], swing: { text: '0.00' } });
    expect(row(r, NAMES.G).stability).toBeNull();
  });

  it('filters by industry section and region without changing ranks', async () => {
    const bySection = await ranking({ section: 'I' });
    expect(bySection.rows.map((x) => [x.legalName, x.rank])).toEqual([[NAMES.F, 6]]);
    const byRegion = await ranking({ region: '福州市马尾区' });
    expect(byRegion.rows.map((x) => [x.legalName, x.rank, x.tierId])).toEqual([[NAMES.E, 5, 'encouragement']]);
    expect(bySection.facets.sections).toEqual(['C', 'I']);
    expect(byRegion.facets.regions).toEqual(['福州市马尾区', '福州市鼓楼区']);
  });
});

describe('results.detail and results.severity', () => {
  it('gives category percents for a radar and item scores for bars, with the engine’s explanations', async () => {
    const d = await ok<ApplicantDetailResult>(f.core.dispatch('results.detail', { applicantId: f.applicants[NAMES.A] }, office));
    // Every item: 0.3 × 60 + 0.7 × 70 = 67 %; leadership (110 points) scores 73.70.
    expect(d.combined?.text).toBe('670.00');
    expect(d.categories.map((c) => c.percent.text)).toEqual(Array(7).fill('67'));
    expect(d.categories[0]).toMatchObject({ categoryId: '4.1', points: 110, score: { text: '73.70' } });
    const item = d.items.find((i) => i.itemId === '4.7.2')!;
    expect(item).toMatchObject({ points: 80, score: { text: '53.60' }, percent: { text: '67' } });
    expect(item.stages).toEqual([
      { stage: 'documentReview', percent: { num: 60, den: 1, text: '60' }, score: { num: 4800, den: 1, text: '48.00' }, spread: 30, flagged: true },
      { stage: 'siteVisit', percent: { num: 70, den: 1, text: '70' }, score: { num: 5600, den: 1, text: '56.00' }, spread: 0, flagged: false },
    ]);
    expect(d.explanations.total?.key).toMatch(/^scoring\.explain\./);
    expect(d.explanations.rank).toMatchObject({ params: { rank: 1, field: 6 } });
    expect(d.explanations.tier?.key).toBe('scoring.explain.tier.result');
    expect(d.explanations.sensitivity?.key).toBe('scoring.explain.sensitivity.stable');
    expect(d.explanations.disagreements.map((x) => [x.stage, x.explanation.params.itemId])).toEqual([['documentReview', '4.7.2']]);
  });

  it('reports each expert’s mean deviation from the panel', async () => {
    const s = await ok<SeverityView>(f.core.dispatch('results.severity', { cycleId: f.cycleId, stage: 'documentReview' }, office));
    const [lin, wang] = f.experts;
    const byId = new Map(s.experts.map((e) => [e.expertId, e]));
    // Over 7 applicants × 23 items = 161 scores each; 林 is 15 + 10 below on A, 王 is 15 above.
    expect(byId.get(lin!)).toMatchObject({ name: '林专家', count: 161, meanDeviation: { num: -25, den: 161 } });
    expect(byId.get(wang!)).toMatchObject({ name: '王专家', count: 161, meanDeviation: { num: 15, den: 161 } });
    expect(byId.get(lin!)!.explanation.key).toBe('scoring.explain.severity.severe');
    expect(s.basis).toBe('consensus');
  });
});
