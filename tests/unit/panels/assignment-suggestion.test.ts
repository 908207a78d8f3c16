import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestAssignment, type Suggestion, type SuggestionInput } from '../../../electron/core/services/panels/assignment-suggestion';

const SECTIONS = ['A', 'C', 'I', 'M'] as const;

interface Registry {
  input: SuggestionInput;
}

const registryArb: fc.Arbitrary<Registry> = fc
  .record({
    experts: fc.array(fc.record({ specialties: fc.subarray([...SECTIONS], { maxLength: 2 }) }), { maxLength: 9 }),
    unavailable: fc.array(fc.nat(), { maxLength: 2 }),
    applicants: fc.array(fc.constantFrom(...SECTIONS), { maxLength: 7 }),
    conflicts: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
    minExperts: fc.integer({ min: 1, max: 3 }),
    mode: fc.constantFrom('form' as const, 'existing' as const),
    panelOf: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 9, maxLength: 9 }),
    preloaded: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const experts = r.experts.map((e, i) => ({ id: `e${i}`, name: `专家${i}`, specialties: e.specialties, available: !r.unavailable.includes(i) }));
    const applicants = r.applicants.map((section, i) => ({ id: `a${i}`, name: `单位${i}`, section }));
    const seen = new Set<string>();
    const conflicts =
      experts.length === 0 || applicants.length === 0
        ? []
        : r.conflicts
            .map(([e, a]) => ({ expertId: `e${e % experts.length}`, applicantId: `a${a % applicants.length}` }))
            .filter((c) => !seen.has(`${c.expertId}/${c.applicantId}`) && seen.add(`${c.expertId}/${c.applicantId}`));
    const panels =
      r.mode === 'form'
        ? []
        : [0, 1, 2]
            .map((p) => ({
              id: `p${p}`,
              name: `组${p}`,
              memberIds: experts.filter((_, i) => r.panelOf[i] === p).map((e) => e.id),
              applicantIds: Array.from({ length: r.preloaded[p]! }, (_, k) => `pre-${p}-${k}`),
            }))
            .filter((p) => p.memberIds.length > 0);
    return { input: { minExperts: r.minExperts, experts, applicants, panels, conflicts, newPanelName: (n: number) => `新${n}组` } };
  });

interface ResolvedPanel {
  key: string;
  memberIds: string[];
  preload: number;
}

function resolvedPanels(input: SuggestionInput, result: Suggestion): ResolvedPanel[] {
  return [
    ...input.panels.map((p) => ({ key: `existing:${p.id}`, memberIds: [...p.memberIds], preload: p.applicantIds.length })),
    ...result.plan.newPanels.map((p) => ({ key: `new:${p.key}`, memberIds: p.memberIds, preload: 0 })),
  ];
}

const refKey = (ref: { kind: 'existing'; panelId: string } | { kind: 'new'; key: string }) => (ref.kind === 'existing' ? `existing:${ref.panelId}` : `new:${ref.key}`);

function blockedBy(input: SuggestionInput, applicantId: string): Set<string> {
  return new Set(input.conflicts.filter((c) => c.applicantId === applicantId).map((c) => c.expertId));
}

/** Every way to place the assigned applicants on their allowed panels: the best spread, Σ load², and mismatches among the Σ load² optima. */
function oracle(input: SuggestionInput, panels: ResolvedPanel[], placed: string[]) {
  const eligible = panels.filter((p) => p.memberIds.length >= input.minExperts);
  const sectionOf = new Map(input.applicants.map((a) => [a.id, a.section]));
  const knows = (p: ResolvedPanel, section: string) => p.memberIds.some((m) => input.experts.find((e) => e.id === m)!.specialties.includes(section));
  const options = placed.map((a) => {
    const blocked = blockedBy(input, a);
    return eligible.map((p, j) => ({ p, j })).filter(({ p }) => !p.memberIds.some((m) => blocked.has(m)));
  });
  let bestSpread = Infinity;
  let bestSquares = Infinity;
  let bestMismatch = Infinity;
  const loads = eligible.map((p) => p.preload);
  const walk = (i: number, mismatch: number) => {
    if (i === placed.length) {
      const spread = loads.length === 0 ? 0 : Math.max(...loads) - Math.min(...loads);
      const squares = loads.reduce((s, l) => s + l * l, 0);
      bestSpread = Math.min(bestSpread, spread);
      if (squares < bestSquares) {
        bestSquares = squares;
        bestMismatch = mismatch;
      } else if (squares === bestSquares) bestMismatch = Math.min(bestMismatch, mismatch);
      return;
    }
    for (const { p, j } of options[i]!) {
      loads[j]! += 1;
      walk(i + 1, mismatch + (knows(p, sectionOf.get(placed[i]!)!) ? 0 : 1));
      loads[j]! -= 1;
    }
  };
  walk(0, 0);
  return { eligible, bestSpread, bestSquares, bestMismatch, knows };
}

describe('suggestAssignment (property)', () => {
  it('never breaks a conflict, meets the minimum or says why, and is as even as the conflicts allow', () => {
    fc.assert(
      fc.property(registryArb, ({ input }) => {
        const result = suggestAssignment(input);
        const panels = resolvedPanels(input, result);
        const byKey = new Map(panels.map((p) => [p.key, p]));
        const assigned = new Map(result.plan.assignments.map((a) => [a.applicantId, refKey(a.panel)]));

        // Every applicant is placed once, or reported once with a reason.
        const reported = new Set(result.unassignable.map((u) => u.applicantId));
        for (const a of input.applicants) expect(assigned.has(a.id) !== reported.has(a.id)).toBe(true);
        expect(result.plan.assignments).toHaveLength(assigned.size);
        expect(result.complete).toBe(reported.size === 0);

        // New panels: available experts only, each on one panel, at least the minimum.
        const seen = new Set<string>();
        for (const p of result.plan.newPanels) {
          expect(p.memberIds.length).toBeGreaterThanOrEqual(input.minExperts);
          for (const m of p.memberIds) {
            expect(input.experts.find((e) => e.id === m)!.available).toBe(true);
            expect(seen.has(m)).toBe(false);
            seen.add(m);
          }
          expect(p.memberIds).toContain(p.leaderExpertId);
        }
        if (input.panels.length > 0 || input.applicants.length === 0) expect(result.plan.newPanels).toEqual([]);

        // No confirmed conflict is broken; the minimum is met.
        for (const [applicantId, key] of assigned) {
          const panel = byKey.get(key)!;
          expect(panel.memberIds.length).toBeGreaterThanOrEqual(input.minExperts);
          const blocked = blockedBy(input, applicantId);
          expect(panel.memberIds.filter((m) => blocked.has(m))).toEqual([]);
        }

        // Infeasibility is reported only where it is real, with the reason that applies.
        const eligible = panels.filter((p) => p.memberIds.length >= input.minExperts);
        for (const u of result.unassignable) {
          const blocked = blockedBy(input, u.applicantId);
          const free = input.experts.filter((e) => e.available && !blocked.has(e.id)).length;
          expect(eligible.every((p) => p.memberIds.some((m) => blocked.has(m)))).toBe(true);
          if (u.reason.key === 'panels.suggest.reason.tooFewExperts') expect(free).toBeLessThan(input.minExperts);
          else if (u.reason.key === 'panels.suggest.reason.noPanelLargeEnough') expect(eligible).toEqual([]);
          else expect(u.reason.key).toBe('panels.suggest.reason.allPanelsConflicted');
        }

        // Workload: the most even spread possible, then the most specialty matches among the most even plans.
        const check = oracle(input, panels, [...assigned.keys()]);
        const loads = check.eligible.map((p) => p.preload + [...assigned.values()].filter((k) => k === p.key).length);
        if (loads.length > 0) {
          expect(Math.max(...loads) - Math.min(...loads)).toBe(check.bestSpread);
          expect(loads.reduce((s, l) => s + l * l, 0)).toBe(check.bestSquares);
          const sectionOf = new Map(input.applicants.map((a) => [a.id, a.section]));
          const mismatches = [...assigned].filter(([a, key]) => !check.knows(byKey.get(key)!, sectionOf.get(a)!)).length;
          expect(mismatches).toBe(check.bestMismatch);
        }
        for (const load of result.loads) {
          const panel = panels.find((p) => p.memberIds.includes(load.expertId))!;
          expect(load.after).toBe(panel.preload + [...assigned.values()].filter((k) => k === panel.key).length);
        }

        // Every choice is explained with message keys.
        for (const choice of result.choices) {
          expect(choice.reasons.length).toBeGreaterThanOrEqual(3);
          for (const reason of choice.reasons) expect(reason.key).toMatch(/^panels\.suggest\.why\./);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('forming panels without conflicts, every available expert’s load is within one of every other’s', () => {
    fc.assert(
      fc.property(registryArb, ({ input }) => {
        const free = { ...input, panels: [], conflicts: [] };
        const available = free.experts.filter((e) => e.available);
        fc.pre(free.applicants.length > 0 && available.length >= free.minExperts);
        const result = suggestAssignment(free);
        expect(result.complete).toBe(true);
        const loads = new Map(result.loads.map((l) => [l.expertId, l.after]));
        const all = available.map((e) => loads.get(e.id) ?? 0);
        expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('forming panels, an applicant with enough conflict-free experts always gets a panel when it is the only one in conflict', () => {
    fc.assert(
      fc.property(registryArb, fc.nat(), ({ input }, pick) => {
        fc.pre(input.applicants.length > 0);
        const target = input.applicants[pick % input.applicants.length]!.id;
        const conflicts = input.conflicts.map((c) => ({ ...c, applicantId: target }));
        const unique = conflicts.filter((c, i) => conflicts.findIndex((d) => d.expertId === c.expertId) === i);
        const only = { ...input, panels: [], conflicts: unique };
        const blocked = new Set(unique.map((c) => c.expertId));
        fc.pre(only.experts.filter((e) => e.available && !blocked.has(e.id)).length >= only.minExperts);
        expect(suggestAssignment(only).complete).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('suggestAssignment (example)', () => {
  const experts = [
    { id: 'lin', name: '林', specialties: ['C'], available: true },
    { id: 'wang', name: '王', specialties: ['I'], available: true },
    { id: 'zhao', name: '赵', specialties: ['C'], available: true },
    { id: 'sun', name: '孙', specialties: ['M'], available: true },
    { id: 'off', name: '休', specialties: ['C'], available: false },
  ];
  const applicants = [
    { id: 'factory', name: '机械厂', section: 'C' },
    { id: 'software', name: '软件公司', section: 'I' },
  ];

  it('forms panels from available experts, places applicants by specialty, and explains it', () => {
    const result = suggestAssignment({ minExperts: 2, experts, applicants, panels: [], conflicts: [{ expertId: 'lin', applicantId: 'software' }], newPanelName: (n) => `第${n}组` });
    expect(result.complete).toBe(true);
    expect(result.notes[0]).toMatchObject({ key: 'panels.suggest.note.formedPanels', params: { panels: 2, experts: 4, minimum: 2 } });
    expect(result.plan.newPanels.flatMap((p) => p.memberIds).sort()).toEqual(['lin', 'sun', 'wang', 'zhao']);
    const panelOf = (id: string) => result.plan.newPanels.find((p) => p.key === (result.plan.assignments.find((a) => a.applicantId === id)!.panel as { key: string }).key)!;
    expect(panelOf('software').memberIds).not.toContain('lin');
    expect(panelOf('software').memberIds).toContain('wang');
    expect(panelOf('factory')).not.toBe(panelOf('software'));
    const why = result.choices.find((c) => c.applicantId === 'software')!.reasons.map((r) => r.key);
    expect(why).toEqual(expect.arrayContaining(['panels.suggest.why.minExperts', 'panels.suggest.why.balanced', 'panels.suggest.why.specialty', 'panels.suggest.why.conflictAvoided']));
    expect(result.panelReasons.flatMap((r) => r.reasons.map((m) => m.key))).toContain('panels.suggest.panel.leader');
  });

  it('reports clearly when the register cannot supply the minimum', () => {
    const result = suggestAssignment({ minExperts: 5, experts, applicants, panels: [], conflicts: [], newPanelName: (n) => `第${n}组` });
    expect(result.complete).toBe(false);
    expect(result.notes).toEqual([{ key: 'panels.suggest.note.tooFewExperts', params: { available: 4, minimum: 5 } }]);
    expect(result.unassignable.map((u) => u.reason)).toEqual([
      { key: 'panels.suggest.reason.tooFewExperts', params: { applicant: '机械厂', available: 4, minimum: 5 } },
      { key: 'panels.suggest.reason.tooFewExperts', params: { applicant: '软件公司', available: 4, minimum: 5 } },
    ]);
  });
});
